"""Named entities of an article: one item per real-world entity, with its mentions.

The small spaCy model finds most names but splits one entity into many items
("Vladimir Putin", "Putin", "Putin's"), mislabels some ("Murashko" as ORG,
"Crocus City Hall" as ORG) and tags bylines, photo credits and time zones.
This module cleans the model's spans, adds a few it misses, groups the spans
by entity and ranks the entities by how central they are to the article.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from .doc_facts import facts, facts_scope
from .lexicon import gazetteer as gz


@dataclass(frozen=True, slots=True)
class EntitySpan:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    type: str
    mentions: int
    salience: float
    aliases: tuple[str, ...]
    spans: tuple[EntitySpan, ...]


# Labels that name something; DATE, TIME, CARDINAL, MONEY and the like are
# values, not entities, and are left to the other extractors.
NAME_LABELS = frozenset(
    {
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)

# Evidence strengths for the vote on an entity's type.
_MODEL_VOTE = 1.0
_CONTEXT_VOTE = 3.0
_LIST_VOTE = 100.0

_DASHES = frozenset({"-", "–", "—", "--", "|", "/"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# A dateline: up to three words in capitals, then one of these.
_DATELINE_WORDS = 3
_DATELINE_ENDS = frozenset({":", "—", "–", "-", "--", ","})
_LEADING_DROP = frozenset({"the", "a", "an"})
_TRAILING_DROP = frozenset({"CCONJ", "ADP", "DET"})
_INITIAL = re.compile(r"(?:[A-Z]\.){1,3}")
_DATELINE_AGENCY = re.compile(
    r"\((?:Reuters|REUTERS|AP|AFP|UPI|dpa|Xinhua|Bloomberg|IANS|PTI|ANI|CNN|BBC)\)"
)
_CREDIT = re.compile(
    r"via (?:REUTERS|Reuters|AP|AFP|Getty Images|EPA)\b"
    r"|/ ?(?:AP|AFP|Reuters|REUTERS|Getty Images|Handout|EPA|Bloomberg)\b"
    r"|\bGetty Images\b"
    r"|\b(?:AP|AFP|Reuters) Photo\b"
)
_INVERTIBLE_HEADS = frozenset({"department", "ministry"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_MAX_NAMESAKES = 8
_OFTEN_A_MISSED_PLACE = frozenset({"PERSON", "NORP", "LANGUAGE", "PRODUCT", "WORK_OF_ART"})
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "across", "around", "inside"})


@dataclass(slots=True)
class _Mention:
    start: int  # token index
    end: int  # token index, exclusive
    label: str
    votes: Counter = field(default_factory=Counter)
    is_subject: bool = False


# ---------------------------------------------------------------- keys


def _plain_key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).casefold().replace("’", "'").replace("‘", "'")
    text = text.strip()
    for article in ("the ", "a ", "an "):
        if text.startswith(article):
            text = text[len(article) :]
            break
    if text.endswith("'s"):
        text = text[:-2]
    text = text.replace(".", "")
    words = "".join(ch if ch.isalnum() else " " for ch in text).split()
    if len(words) > 2 and words[0] in _INVERTIBLE_HEADS and words[1] == "of":
        words = [*words[2:], words[0]]  # "Department of Labor" is the "Labor Department"
    return " ".join(words)


_CANONICAL = {_plain_key(alias): _plain_key(name) for alias, name in gz.CANONICAL_ALIASES.items()}


@lru_cache(maxsize=65_536)
def entity_key(name: str) -> str:
    """A key equal for all written forms of one entity ("U.S.", "the United States")."""
    key = _plain_key(name)
    return _CANONICAL.get(key, key)


# ---------------------------------------------------------------- text that is not the story


def _excluded_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of bylines, credits, captions and dateline agency tags."""
    text = facts(doc).text
    ranges: list[tuple[int, int]] = []
    head = text[:300]
    for match in _DATELINE_AGENCY.finditer(head):
        ranges.append(match.span())
    offset = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        if (
            _is_byline(line)
            or _is_agency_line(line)
            or _is_caption(line)
            or (last and _is_name_list(doc, offset, offset + len(line)))
        ):
            ranges.append((offset, offset + len(line)))
        offset += len(line) + 1
    return sorted(ranges)


def _is_byline(line: str) -> bool:
    lowered = line.strip().casefold()
    if not lowered.startswith(gz.BYLINE_OPENERS):
        return False
    # "By Friday, the toll had risen." is a sentence, not an author line.
    if lowered.startswith("by "):
        return len(lowered.split()) <= 10 and not lowered.endswith(".")
    return True


def _is_agency_line(line: str) -> bool:
    """A line that is only an agency's name ("By ANN LEE\nAssociated Press") credits it."""
    words = line.strip().strip(".,;:").casefold()
    if words.startswith("the "):
        words = words[4:]
    return words in gz.NEWS_AGENCIES


def _is_caption(line: str) -> bool:
    """A paragraph whose end is a photo credit is a caption, not article text."""
    stripped = line.rstrip()
    tail_start = max(0, len(stripped) - 120)
    return _CREDIT.search(stripped, tail_start) is not None


def _is_name_list(doc: Doc, start: int, end: int) -> bool:
    """A last line made only of names ("Ann Smith and Bo Li") is an author line."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or len(span) > 15:
        return False
    if not any(ent.label_ == "PERSON" for ent in span.ents):
        return False
    return all(tok.tag_ in {"NNP", "NNPS", ",", "CC", "."} or tok.is_space for tok in span)


def _overlaps(ranges: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    index = bisect_right(starts, start) - 1
    for i in (index, index + 1):
        if 0 <= i < len(ranges) and ranges[i][0] < end and start < ranges[i][1]:
            return True
    return False


# ---------------------------------------------------------------- span clean-up


def _is_name_token(tok: Token) -> bool:
    text = tok.text
    if _INITIAL.fullmatch(text):
        return True
    return text[:1].isupper() and (text.isalpha() or "-" in text or "'" in text)


def _is_glued_hyphen(doc: Doc, i: int) -> bool:
    """The hyphen of a double-barrelled name ("Sanwo-Olu"), no space on either side."""
    tok = doc[i]
    return (
        tok.text in ("-", "‐")
        and 0 < i < len(doc) - 1
        and not tok.whitespace_
        and not doc[i - 1].whitespace_
    )


def _person_shaped(tokens: list[Token]) -> bool:
    tokens = [tok for tok in tokens if not _is_glued_hyphen(tok.doc, tok.i)]
    if not 1 <= len(tokens) <= 4:
        return False
    if not all(_is_name_token(tok) for tok in tokens):
        return False
    last = tokens[-1].text.casefold()
    if last in gz.FACILITY_HEADS or last in gz.EVENT_HEADS or last in gz.ORG_HEADS_AFTER_NORP:
        return False
    return _list_type(" ".join(tok.text for tok in tokens)) is None


def _trim(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Cut at line breaks and spaced dashes; drop a leading article and a trailing possessive."""
    for i in range(start, end):
        if _is_break(doc, i):
            # keep the longer side: "Kerman - Twin explosions" is about "Kerman"
            start, end = (start, i) if i - start >= end - i - 1 else (i + 1, end)
            break
    if label == "PERSON":
        for i in range(end - 2, start, -1):
            if doc[i].text in ("'s", "’s") and _is_name_token(doc[i + 1]):
                start = i + 1  # "Bernstein's Priya Natarajan": the person is after the owner
                break
    while start < end and (doc[start].lower_ in _LEADING_DROP or doc[start].is_punct):
        start += 1
    while start < end and (
        doc[end - 1].text in _POSSESSIVE
        or doc[end - 1].is_punct
        or doc[end - 1].is_space
        or doc[end - 1].pos_ in _TRAILING_DROP
    ):
        end -= 1
    while (
        end - start > 1
        and end < len(doc)
        and _is_name_token(doc[end])
        and _opens_title(doc, end - 1)
    ):
        end -= 1  # "Fed Chair Jerome Powell": the title belongs to the name that follows
    if (
        label == "NORP"
        and end - start > 1
        and doc[start].text.casefold() in gz.DEMONYMS
        and all(_is_name_token(tok) for tok in doc[start + 1 : end])
    ):
        start += 1  # "Russian Telegram channels": the name is "Telegram"
    return start, end


def _opens_title(doc: Doc, i: int) -> bool:
    """ "Chair" in "Fed Chair Jerome Powell", "District" in "U.S. District Judge ..."."""
    word = doc[i].text.casefold()
    if word in gz.PERSON_TITLES:
        return True
    return (
        word in gz.TITLE_MODIFIERS
        and i + 1 < len(doc)
        and doc[i + 1].text.casefold() in gz.PERSON_TITLES
    )


def _is_break(doc: Doc, i: int) -> bool:
    tok = doc[i]
    if "\n" in tok.text:
        return True
    # "Indo-Pacific" keeps its hyphen; "Kerman - Twin" is two phrases
    return tok.text in _DASHES and bool(tok.whitespace_) and i > 0 and bool(doc[i - 1].whitespace_)


def _strip_titles(doc: Doc, start: int, end: int) -> tuple[int, int, bool]:
    """Remove "President", "Sen.", "Prime Minister" before a name; report if any was there."""
    found = False
    while end - start > 1:
        two = f"{doc[start].text} {doc[start + 1].text}".casefold()
        if end - start > 2 and two in gz.PERSON_TITLES:
            start += 2
        elif doc[start].text.casefold() in gz.PERSON_TITLES:
            start += 1
        else:
            break
        found = True
    return start, end, found


def _extend(doc: Doc, start: int, end: int, label: str, taken: set[int]) -> tuple[int, int, str]:
    """Grow a span over words the model left out of a name."""
    n = len(doc)
    if end < n and end not in taken:
        nxt = doc[end]
        if label == "NORP" and nxt.text.casefold() in gz.ORG_HEADS_AFTER_NORP and nxt.is_title:
            return start, end + 1, "ORG"
        if _takes_region_noun(doc, start, end, label):
            return start, end + 1, "GPE"
        if label == "GPE" and nxt.lower_ == "police":
            return start, end + 1, "ORG"
        place = _following_place(doc, end + 1) if nxt.lower_ == "in" else None
        if doc[end - 1].text in {"Embassy", "Consulate"} and place is not None:
            return start, place, label
        if label == "ORG" and nxt.lower_ == "and" and any(t.lower_ == "of" for t in doc[start:end]):
            joined = _following_entity(doc, end + 1)
            if joined is not None and joined[0].ent_type_ == "ORG" and joined[-1].tag_ == "NNPS":
                return start, joined.end, label
    if end - start == 1 and _person_shaped([doc[start]]):
        while end < n and end - start < 4 and _continues_name(doc, end, taken):
            end += 1  # "Garbine" + "Muguruza": a personal name the model cut short
    return start, end, label


def _continues_name(doc: Doc, i: int, taken: set[int]) -> bool:
    """A capitalised word the model left out of the name before it ("Garbine" + "Muguruza")."""
    tok = doc[i]
    if i in taken or tok.ent_type_ or tok.tag_ != "NNP" or not _is_name_token(tok):
        return False
    if tok.text.casefold() in gz.PERSON_TITLES or tok.lower_ in gz.TITLE_MODIFIERS:
        return False
    # "Senate Majority Leader", "White House Press Secretary": the word opens a title
    return not (i + 1 < len(doc) and doc[i + 1].text.casefold() in gz.PERSON_TITLES)


def _takes_region_noun(doc: Doc, start: int, end: int, label: str) -> bool:
    """ "the Belgorod region", "the Pidhorodnenska community" name a place with its noun."""
    noun = doc[end].text  # lower case only: "U.S. District Judge" is a title
    if label in {"PERSON", "EVENT"} or noun not in gz.REGION_NOUNS:
        return False
    if noun == "community":
        return label in {"GPE", "LOC"}  # "the Jewish community" is not a place
    # "the Russian region of Kursk": the demonym is not the region's name
    return not _is_demonym(doc[start:end].text)


def _following_place(doc: Doc, index: int) -> int | None:
    """End of the place name starting at `index`, if one does."""
    place = _following_entity(doc, index)
    if place is not None and place[0].ent_type_ == "GPE":
        return place.end
    if index < len(doc) and _list_type(doc[index].text) == "GPE":
        return index + 1
    return None


def _following_entity(doc: Doc, index: int) -> Span | None:
    if index >= len(doc) or doc[index].ent_iob_ != "B":
        return None
    end = index + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[index:end]


def _is_demonym(text: str) -> bool:
    return text.casefold() in gz.DEMONYMS


def _is_title_fragment(doc: Doc, start: int, end: int) -> bool:
    """ "Supreme" in "Supreme Leader Ali Khamenei" is part of a title, not a name."""
    if end - start != 1 or end >= len(doc):
        return False
    return doc[start].lower_ in gz.TITLE_MODIFIERS and doc[end].text.casefold() in gz.PERSON_TITLES


# ---------------------------------------------------------------- typing


_GPE_CANONICALS = frozenset({"united states", "united kingdom", "united arab emirates", "kyiv"})
_ORG_CANONICALS = frozenset(
    {
        "islamic state",
        "united nations",
        "european union",
        "federal security service",
        "associated press",
        "agence france presse",
        "press trust of india",
    }
)


def _list_type(text: str) -> str | None:
    """The type a curated list gives a name, if any."""
    folded = text.casefold()
    key = entity_key(text)
    if folded in gz.COUNTRIES or folded in gz.CITIES or folded in gz.REGIONS:
        return "GPE"
    if key in _GPE_CANONICALS or key in gz.REGIONS:  # "Calif." is California
        return "GPE"
    if folded in gz.NEWS_AGENCIES or key in _ORG_CANONICALS:
        return "ORG"
    if folded in gz.DEMONYMS:
        return "NORP"
    return None


def _shape_type(tokens: list[Token], label: str) -> str | None:
    """Types implied by how a name is built: "X Stadium", "Storm X", "X Cup", "X region"."""
    words = [tok.text.casefold() for tok in tokens]
    last_two = " ".join(words[-2:])
    if len(words) > 1 and (words[0] in gz.EVENT_PREFIXES or last_two in gz.EVENT_PREFIXES):
        return "EVENT"
    if words[-1] in gz.EVENT_HEADS or last_two in gz.EVENT_HEADS:
        return "EVENT"
    if words[-1] in gz.FACILITY_HEADS or last_two in gz.FACILITY_HEADS:
        return "FAC"
    if len(words) > 1 and words[-1] in gz.REGION_NOUNS:
        return "GPE" if label in {"GPE", "NORP"} else "LOC"
    return None


def _is_bare_head(tokens: list[Token]) -> bool:
    """ "Opens" or "Hall" alone is a common noun the model capitalised, not a name; so is
    a run of title and role words ("Executive Officer" of "Chief Executive Officer X")."""
    words = [tok.text.casefold() for tok in tokens]
    if len(words) == 1:
        word = words[0]
        return word in gz.EVENT_HEADS or word in gz.FACILITY_HEADS or word in gz.PERSON_TITLES
    return all(word in gz.PERSON_TITLES or word in gz.PERSON_ROLES for word in words)


def _names_a_weapon(span: Span) -> bool:
    """ "Iskander" in "Iskander short-range missiles" names a model, not a person."""
    root = span.root
    doc = span.doc
    if root.dep_ == "poss" or (span.end < len(doc) and doc[span.end].text in _POSSESSIVE):
        return False
    return (
        root.dep_ in {"compound", "nmod", "amod"} and root.head.lemma_.casefold() in gz.WEAPON_NOUNS
    )


def _context_type(doc: Doc, start: int, end: int) -> str | None:
    """What the words around a name say it is: a role noun, a media noun, a place noun."""
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in gz.MEDIA_NOUNS:
        return "ORG"
    if _in_place_context(doc, start, end):
        return "GPE"
    if not _person_shaped(list(doc[start:end])):
        return None
    if before is not None and (
        before.lower_ in gz.PERSON_ROLES or before.text.casefold() in gz.PERSON_TITLES
    ):
        return "PERSON"
    root = doc[start:end].root
    if any(_is_role_noun(child) for child in root.children if child.dep_ == "appos"):
        return "PERSON"
    if root.dep_ == "appos" and root.head.i < start and _is_role_noun(root.head):
        return "PERSON"  # "One survivor, Juana Quispe, said"
    return None


def _after_capitalised_title(doc: Doc, start: int) -> bool:
    if start == 0:
        return False
    before = doc[start - 1]
    return before.text[:1].isupper() and before.text.casefold() in gz.PERSON_TITLES


def _is_role_noun(tok: Token) -> bool:
    return tok.lower_ in gz.PERSON_ROLES or tok.lemma_.casefold() in gz.PERSON_ROLES


def _in_place_context(doc: Doc, start: int, end: int) -> bool:
    """ "the town of Derna", "Tamil Nadu state", "Chennai, the capital of ..."."""
    root = doc[start:end].root
    if root.dep_ == "conj" and root.head.i < start:
        root = root.head  # "the cities of Indore and Patna"
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_ in gz.PLACE_NOUNS:
        return True
    if end < len(doc) and doc[end].text in gz.PLACE_CONFIRMING_NOUNS and head.i == end:
        return True  # lower case only: "Islamic State" is not a state
    return any(
        child.dep_ == "appos" and child.lemma_ in gz.PLACE_NOUNS
        for child in doc[start:end].root.children
    )


def _after_place_preposition(span: Span) -> bool:
    root = span.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in _PLACE_PREPOSITIONS:
        return False
    # "confidence in Biden": after a noun, "in" takes people too
    return prep.head.pos_ == "VERB" or root.ent_type_ != "PERSON"


def _is_subject(doc: Doc, start: int, end: int) -> bool:
    root = doc[start:end].root
    if root.dep_ in _SUBJECT_DEPS:
        return True
    return root.dep_ == "poss" and root.head.dep_ in _SUBJECT_DEPS


# ---------------------------------------------------------------- mentions


def _model_mentions(doc: Doc, excluded: list[tuple[int, int]]) -> list[_Mention]:
    starts = [r[0] for r in excluded]
    mentions: list[_Mention] = []
    taken: set[int] = set()
    last_end = 0
    for ent in facts(doc).ents:
        if ent.label_ not in NAME_LABELS:
            continue
        for start, end in _paragraph_pieces(ent):
            if start < last_end or _overlaps(
                excluded, starts, doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
            ):
                continue  # swallowed by the previous span's extension, or a byline
            for mention in _clean_mentions(doc, start, end, ent.label_, taken):
                mentions.append(mention)
                taken.update(range(mention.start, mention.end))
                last_end = max(last_end, mention.end)
    return mentions


def _paragraph_pieces(ent: Span) -> list[tuple[int, int]]:
    """A model span cut at line breaks: "Associated Press\n\nTOKYO" is two names."""
    pieces = []
    start = ent.start
    for tok in ent:
        if "\n" in tok.text:
            if tok.i > start:
                pieces.append((start, tok.i))
            start = tok.i + 1
    if ent.end > start:
        pieces.append((start, ent.end))
    return pieces


def _clean_mentions(doc: Doc, start: int, end: int, label: str, taken: set[int]) -> list[_Mention]:
    """The cleaned mention for one model span, plus a place named inside it, if any."""
    end = _before_open_bracket(doc, start, end)
    trimmed_start, trimmed_end = _trim(doc, start, end, label)
    if trimmed_start >= trimmed_end or _is_title_fragment(doc, trimmed_start, trimmed_end):
        return []
    # a span the model drew wrongly also gives weaker evidence of its label
    weight = (
        _MODEL_VOTE
        if trimmed_end - trimmed_start >= _name_length(doc, start, end)
        else _MODEL_VOTE / 2
    )
    if (
        label == "NORP"
        and doc[start:end].text.casefold() not in gz.DEMONYMS
        and doc[trimmed_start:trimmed_end].text != doc[start:end].text.strip()
    ):
        label = "ORG"  # "Russian Telegram" minus the demonym
    if label == "PERSON" and trimmed_end < end and _opens_title(doc, trimmed_end):
        label = "ORG"  # "Fed" of "Fed Chair": what goes before a title is its institution
    new_start, new_end, new_label = _extend(doc, trimmed_start, trimmed_end, label, taken)
    if new_end - new_start > trimmed_end - trimmed_start and new_label == label:
        weight = _MODEL_VOTE / 2
    new_start, new_end, titled = _strip_titles(doc, new_start, new_end)
    mention = _Mention(new_start, new_end, new_label)
    _vote(doc, mention, titled, weight)
    if not mention.votes:
        return []
    mention.is_subject = _is_subject(doc, new_start, new_end)
    if label == "GPE" and new_label == "ORG":
        # "Virginia Beach police" names the police and the city
        place = _Mention(trimmed_start, trimmed_end, "GPE", Counter({"GPE": _MODEL_VOTE}))
        return [place, mention]
    return [mention]


def _before_open_bracket(doc: Doc, start: int, end: int) -> int:
    """ "Shanghai Cooperation Organisation (SCO": a span the model ran into a bracket it
    did not close ends before the bracket (the acronym is found on its own)."""
    for i in range(start + 1, end):
        if doc[i].text == "(" and all(doc[j].text != ")" for j in range(i + 1, end)):
            return i
    return end


def _name_length(doc: Doc, start: int, end: int) -> int:
    """Tokens of a model span that can belong to a name (not "the", "'s", punctuation)."""
    return sum(
        1
        for tok in doc[start:end]
        if not (
            tok.is_punct
            or tok.is_space
            or tok.lower_ in _LEADING_DROP
            or tok.text in _POSSESSIVE
            or tok.pos_ in _TRAILING_DROP
        )
    )


def _vote(doc: Doc, mention: _Mention, titled: bool, weight: float) -> None:
    span = doc[mention.start : mention.end]
    text = span.text
    tokens = list(span)
    if (
        text.casefold() in gz.NON_ENTITIES
        or _is_bare_head(tokens)
        or not any(tok.text[:1].isupper() for tok in tokens)
    ):
        return  # "the health ministry" in lower case is a description, not a name
    listed = _list_type(text)
    if listed is not None:
        mention.votes[listed] += _LIST_VOTE
        return
    shaped = _shape_type(tokens, mention.label)
    if shaped is not None and (mention.label != "PERSON" or len(tokens) > 2):
        mention.votes[shaped] += _LIST_VOTE
        return
    if shaped is not None:
        # "Wembley Arena" tagged PERSON, unless a title or role says "Stuart Hall" is one
        mention.votes[shaped] += _CONTEXT_VOTE
    if len(tokens) > 1 and tokens[-1].text.casefold() in gz.ORG_HEADS:
        mention.votes["ORG"] += _LIST_VOTE  # "Thames Water", "Fresno Police": no surnames
        return
    if mention.label != "GPE" and _names_a_weapon(span):
        mention.votes["PRODUCT"] += _LIST_VOTE
        return
    mention.votes[mention.label] += weight
    if (
        mention.label in _OFTEN_A_MISSED_PLACE
        and len(tokens) == 1
        and _after_place_preposition(span)
    ):
        mention.votes["GPE"] += 1.5 * _MODEL_VOTE  # "rescuers worked in Antakya"
    if weight < _MODEL_VOTE and 2 <= len(tokens) <= 3 and _person_shaped(tokens):
        mention.votes["PERSON"] += _MODEL_VOTE  # "Steffi" (GPE) + "Graf"
    context = (
        "PERSON"
        if titled and _person_shaped(tokens)
        else _context_type(doc, mention.start, mention.end)
    )
    if context is not None:
        mention.votes[context] += _CONTEXT_VOTE


def _short_forms(doc: Doc, mentions: list[_Mention]) -> dict[str, str]:
    """Surnames of the personal names found, and initials of the other long names, by type."""
    forms: dict[str, str] = {}
    for mention in mentions:
        if mention.end - mention.start < 2:
            continue
        label = mention.votes.most_common(1)[0][0]
        if label == "PERSON":
            forms[doc[mention.end - 1].text] = label
        elif mention.end - mention.start > 2:
            initials = _initials(doc[mention.start : mention.end].text)
            forms[initials.upper()] = label
    return forms


def _missed_mentions(
    doc: Doc, excluded: list[tuple[int, int]], taken: set[int], short_forms: dict[str, str]
) -> list[_Mention]:
    """Names the model left untagged: listed places and agencies, and "X Y, a spokesman"."""
    starts = [r[0] for r in excluded]
    found: list[_Mention] = []
    tokens = facts(doc).tokens
    i = 0
    n = len(doc)
    while i < n:
        tok = tokens[i]
        if i in taken or tok.ent_type_:
            i += 1
            continue
        label = short_forms.get(tok.text) or _platform_label(doc, i)
        if label is not None and not _overlaps(excluded, starts, tok.idx, tok.idx + len(tok)):
            found.append(_short_form_mention(doc, i, label))
            i += 1
            continue
        if (
            (tok.tag_ not in {"NNP", "NNPS"} and not _is_capitalised_listed(tok))
            or not _is_name_token(tok)
            or tok.text.casefold() in gz.PERSON_TITLES  # the name starts after the title
        ):
            i += 1
            continue
        end = i + 1
        while end < n and end - i < 4 and end not in taken and not tokens[end].ent_type_:
            if tokens[end].tag_ in {"NNP", "NNPS"} and _is_name_token(tokens[end]):
                end += 1
            elif (
                _is_glued_hyphen(doc, end)
                and end + 1 not in taken
                and not tokens[end + 1].ent_type_
                and _is_name_token(tokens[end + 1])
            ):
                end += 2  # "Babajide Sanwo-Olu"
            else:
                break
        mention = _untagged_mention(doc, i, end)
        if mention is not None and not _overlaps(
            excluded, starts, doc[i].idx, doc[end - 1].idx + len(doc[end - 1])
        ):
            found.append(mention)
        i = end
    return found


def _is_capitalised_listed(tok: Token) -> bool:
    """ "MADRID — At least ...": the tagger reads some all-caps datelines as common
    nouns; a listed place or agency in capitals is still a name."""
    return tok.is_upper and len(tok.text) > 1 and _list_type(tok.text) is not None


def _platform_label(doc: Doc, i: int) -> str | None:
    """ "He warned on X": the tagger reads a one-letter network as a common noun."""
    tokens = facts(doc).tokens
    if tokens[i].text in gz.SOCIAL_PLATFORMS and i > 0 and tokens[i - 1].lower_ == "on":
        return "ORG"
    return None


def _short_form_mention(doc: Doc, i: int, label: str) -> _Mention:
    """A surname, acronym or network the tagger missed ("Starmer met ...", "LAFD spokesperson")."""
    mention = _Mention(i, i + 1, label, Counter({label: _CONTEXT_VOTE}))
    mention.is_subject = _is_subject(doc, i, i + 1)
    return mention


def _dateline_place(doc: Doc, taken: set[int]) -> _Mention | None:
    """ "NEW DELHI: ...", "PUNE —", "MEDFORD, Ore. —": the capitals an article opens with,
    before the dateline's colon, dash or comma, name the place it was filed from (the
    model often misses a city no list holds, or tags "NEW" as an adjective)."""
    tokens = facts(doc).tokens
    start = 0
    while start < len(tokens) and tokens[start].is_space:
        start += 1
    end = start
    while end < len(tokens) and end - start < _DATELINE_WORDS and _is_capital_word(tokens[end]):
        end += 1
    if end == start or end >= len(tokens) or tokens[end].text not in _DATELINE_ENDS:
        return None
    if any(i in taken or tokens[i].ent_type_ for i in range(start, end)):
        return None
    if any(tokens[i].lower_ in gz.STORY_LABELS for i in range(start, end)):
        return None  # "BREAKING:", "UPDATE —": a label of the story, not a place
    mention = _Mention(start, end, "GPE")
    mention.votes["GPE"] += _LIST_VOTE
    return mention


def _is_capital_word(token: Token) -> bool:
    return token.is_upper and token.is_alpha and len(token.text) > 1


def _untagged_mention(doc: Doc, start: int, end: int) -> _Mention | None:
    if end - start == 1 and _is_role_noun(doc[start]):
        return None  # "Executive" of "Chief Executive Lars Eriksson" is the title's rest
    if _is_bare_head(list(doc[start:end])):
        return None  # "Executive Officer" of "Chief Executive Officer Lars Eriksson"
    listed = _list_type(doc[start:end].text)
    if listed is not None and listed != "NORP":
        mention = _Mention(start, end, listed)
        mention.votes[listed] += _LIST_VOTE
    else:
        context = _context_type(doc, start, end)
        # one capitalised word after a role noun is too often not a name ("chief Executive"),
        # but after a capitalised title it is a surname ("Governor Lopez", "Dr. Okafor")
        if context is None or (
            context == "PERSON" and end - start < 2 and not _after_capitalised_title(doc, start)
        ):
            return None
        mention = _Mention(start, end, context)
        mention.votes[context] += _CONTEXT_VOTE
    mention.is_subject = _is_subject(doc, start, end)
    return mention


# ---------------------------------------------------------------- grouping


@dataclass(slots=True)
class _Group:
    mentions: list[_Mention]
    votes: Counter

    def type(self) -> str:
        return self.votes.most_common(1)[0][0]


def _group_by_key(doc: Doc, mentions: list[_Mention]) -> dict[str, _Group]:
    groups: dict[str, _Group] = {}
    for mention in mentions:
        key = entity_key(doc[mention.start : mention.end].text)
        if not key:
            continue
        group = groups.setdefault(key, _Group([], Counter()))
        group.mentions.append(mention)
        group.votes.update(mention.votes)
    return groups


def _merge(groups: dict[str, _Group], into: str, key: str, as_type: str | None = None) -> None:
    target, source = groups[into], groups.pop(key)
    target.mentions.extend(source.mentions)
    if as_type is None:
        target.votes.update(source.votes)
    else:
        target.votes[as_type] += sum(source.votes.values())


def _merge_short_person_names(doc: Doc, groups: dict[str, _Group]) -> None:
    """ "Putin" and "Vladimir" join "Vladimir Putin"; a mislabelled "Lysak" joins too."""
    by_last: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        words = key.split()
        if len(words) > 1 and group.type() == "PERSON":
            by_last[words[-1]].append(key)
            by_first[words[0]].append(key)
    for key in list(groups):
        group = groups.get(key)
        words = key.split()
        if group is None or len(words) > 2 or max(group.votes.values()) >= _LIST_VOTE:
            continue
        first = group.mentions[0]
        if not _person_shaped(list(doc[first.start : first.end])):
            continue
        owner = _unique_owner(key, words, by_last, by_first, group)
        if owner is not None and owner in groups:
            # the model's label on a lone surname ("Lysak" as GPE) was a guess
            _merge(groups, owner, key, as_type="PERSON")


def _unique_owner(
    key: str,
    words: list[str],
    by_last: dict[str, list[str]],
    by_first: dict[str, list[str]],
    group: _Group,
) -> str | None:
    longer = by_last.get(words[-1], [])
    if len(longer) > _MAX_NAMESAKES:
        return None  # too many people share the name to tell which one is meant
    candidates = [
        k
        for k in longer
        if k != key and set(words) <= set(k.split()) and len(k.split()) > len(words)
    ]
    if not candidates and len(words) == 1 and group.type() == "PERSON":
        candidates = [k for k in by_first.get(words[0], [])[: _MAX_NAMESAKES + 1] if k != key]
    if len(candidates) == 1:
        return candidates[0]
    return None


def _initials(name: str) -> str:
    """ "Congressional Budget Office" -> "cbo"; "U.S. Geological Survey" -> "usgs"."""
    letters = []
    for word in name.replace("-", " ").split():
        bare = word.replace(".", "")
        if not bare or bare.casefold() in gz.ACRONYM_SKIP:
            continue
        letters.append(bare if bare.isupper() else bare[0])
    return "".join(letters).casefold()


def _merge_acronyms(doc: Doc, groups: dict[str, _Group]) -> None:
    """ "CBO" joins "Congressional Budget Office"; "U.S." joins "United States"."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        if len(key.split()) > 1 and group.type() != "PERSON":
            for form in _surface_forms(doc, group.mentions):
                by_initials[_initials(form)].append(key)
    for key in list(groups):
        group = groups.get(key)
        if group is None or " " in key or not 2 <= len(key) <= 6:
            continue
        surface = doc[group.mentions[0].start : group.mentions[0].end].text.replace(".", "")
        if not surface.isupper():
            continue
        owners = {k for k in by_initials.get(key, []) if k != key and k in groups}
        if len(owners) == 1:
            # The full name decides the type: "WHO said" reads like a person's subject.
            owner = owners.pop()
            _merge(groups, owner, key, as_type=groups[owner].type())


_CORPORATE_SUFFIX_KEYS = frozenset(_plain_key(s) for s in gz.CORPORATE_SUFFIXES)


def _merge_short_company_names(groups: dict[str, _Group]) -> None:
    """ "HSBC" joins "HSBC Holdings"; "Halvorsen" and "Halvorsen Foods" join "Halvorsen
    Foods Inc.": a company named once with its legal suffix, then by the words before it
    or by its first word, when no other company in the article starts with that word."""
    first_words = Counter(key.split()[0] for key, g in groups.items() if g.type() == "ORG")
    for key in list(groups):
        words = key.split()
        if len(words) < 2 or words[-1] not in _CORPORATE_SUFFIX_KEYS or key not in groups:
            continue
        if groups[key].type() != "ORG":
            continue
        stem = list(words)
        while len(stem) > 1 and stem[-1] in _CORPORATE_SUFFIX_KEYS:
            stem.pop()
        short = " ".join(stem)
        if short in groups:
            _merge(groups, key, short)
        first = stem[0]
        if (
            len(stem) > 1
            and first in groups
            # The model often calls a company's one-word name a person or a place; a
            # person of that name would already have joined a full name above.
            and groups[first].type() in ("ORG", "FAC", "PERSON")
            and first_words[first] <= 2  # this company, and the short form itself
        ):
            _merge(groups, key, first, as_type="ORG")


def _merge_country_prefixed(doc: Doc, groups: dict[str, _Group]) -> None:
    """ "the Senate" joins "U.S. Senate", "the Defense Ministry" "Russia's Defense Ministry":
    an institution named once with its country and then without it."""
    for key in list(groups):
        group = groups.get(key)
        if group is None or group.type() != "ORG":
            continue
        for mention in group.mentions:
            if mention.end - mention.start < 2:
                continue
            rest = _after_country(doc, mention.start, mention.end)
            if rest is None:
                continue
            short = entity_key(doc[rest : mention.end].text)
            if short != key and short in groups and groups[short].type() == "ORG":
                _merge(groups, key, short)
            break


def _after_country(doc: Doc, start: int, end: int) -> int | None:
    """Where the name after a leading country ("U.S." / "Russia 's" / "Russian") starts."""
    for split in range(start + 1, min(end, start + 4)):
        prefix = doc[start:split].text
        if _list_type(prefix) == "GPE" and entity_key(prefix) in _COUNTRY_KEYS:
            if doc[split].text in _POSSESSIVE:
                split += 1
            return split if split < end else None
        if split == start + 1 and prefix.casefold() in gz.DEMONYMS:
            return split
    return None


_COUNTRY_KEYS = frozenset(entity_key(name) for name in gz.COUNTRIES)


# ---------------------------------------------------------------- output


def _surface_forms(doc: Doc, mentions: list[_Mention]) -> list[str]:
    forms: dict[str, str] = {}
    for mention in mentions:
        text = doc[mention.start : mention.end].text
        forms.setdefault(text.casefold(), text)
    return list(forms.values())


def _fullest(forms: list[str], entity_type: str) -> str:
    # mixed case beats all-caps datelines ("Washington" over "WASHINGTON")
    name = max(forms, key=lambda f: (len(f.split()), not f.isupper(), len(f)))
    if name.isupper() and entity_type in {"GPE", "LOC"} and len(name) > 3:
        return name.title()  # a dateline's "WASHINGTON", the only form given
    return name


def _salience(groups: list[_Group], doc_tokens: int) -> list[float]:
    """Many mentions, an early first one and being a subject or speaker make an entity central."""
    most = max((len(g.mentions) for g in groups), default=1)
    most_subject = max((sum(m.is_subject for m in g.mentions) for g in groups), default=0) or 1
    scores = []
    for group in groups:
        first = min(m.start for m in group.mentions)
        position = 1.0 - min(1.0, first / max(1, doc_tokens))
        subject = sum(m.is_subject for m in group.mentions) / most_subject
        scores.append(round(0.5 * len(group.mentions) / most + 0.3 * position + 0.2 * subject, 3))
    return scores


def _to_entity(doc: Doc, group: _Group, salience: float) -> Entity:
    mentions = sorted(group.mentions, key=lambda m: m.start)
    forms = _surface_forms(doc, mentions)
    entity_type = group.type()
    name = _fullest(forms, entity_type)
    spans = []
    for mention in mentions:
        span = doc[mention.start : mention.end]
        spans.append(EntitySpan(span.start_char, span.end_char, span.text))
    return Entity(
        name=name,
        type=entity_type,
        mentions=len(spans),
        salience=salience,
        aliases=tuple(f for f in forms if f != name),
        spans=tuple(spans),
    )


def extract_entities(doc: Doc) -> list[Entity]:
    """Entities named in `doc`, one per real-world entity, most salient first."""
    if len(doc) == 0:
        return []
    with facts_scope(doc):
        return _extract_entities(doc)


def _extract_entities(doc: Doc) -> list[Entity]:
    excluded = _excluded_ranges(doc)
    mentions = _model_mentions(doc, excluded)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    dateline = _dateline_place(doc, taken)
    if dateline is not None:
        mentions.append(dateline)
        taken.update(range(dateline.start, dateline.end))
    mentions.extend(_missed_mentions(doc, excluded, taken, _short_forms(doc, mentions)))
    groups = _group_by_key(doc, mentions)
    _merge_short_person_names(doc, groups)
    _merge_acronyms(doc, groups)
    _merge_short_company_names(groups)
    _merge_country_prefixed(doc, groups)
    ordered = list(groups.values())
    scores = _salience(ordered, len(doc))
    entities = [_to_entity(doc, g, s) for g, s in zip(ordered, scores, strict=True)]
    entities.sort(key=lambda e: (-e.salience, e.spans[0].start))
    return entities
