"""Mentions from the spaCy model's entity spans, cleaned and voted on."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..doc_facts import facts
from ..lexicon import gazetteer as gz
from ..lexicon.organisations import ORG_WORDS
from ..lexicon.people import ROLE_WORDS, TITLE_ABBREVIATIONS
from .entity_records import MODEL_VOTE, Mention
from .excluded_text import overlaps
from .mention_spans import (
    BREAK_IN_SPAN,
    INSTITUTION_BEFORE_TITLE,
    NATIONALITY_BEFORE_NAME,
    NATIONALITY_PREFIX,
    PLACE_AFTER_COMMA,
    extend,
    is_demonym,
    is_title_fragment,
    opens_title,
    place_after_comma,
    strip_titles,
    trim,
)
from .name_shapes import (
    LEADING_DROP,
    POSSESSIVE,
    TRAILING_DROP,
    is_personal_name,
    list_type,
    opens_sentence,
)
from .type_votes import MODEL_LABEL, is_subject, vote

# The rules' names (`Entity.rules`), each beside its code below.
MODEL_NER = "model-ner"
UNCLOSED_BRACKET = "unclosed-bracket"
ORG_THEN_PERSON = "org-then-person"
PLACE_INSIDE_NAME = "place-inside-name"
# Drops the span, so it names no entity.
SENTENCE_INITIAL_COMMON_NOUN = "sentence-initial-common-noun"
TITLE_ONLY = "title-only"  # a span of titles and ranks alone names nobody

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


def model_mentions(doc: Doc, excluded: list[tuple[int, int]]) -> list[Mention]:
    starts = [r[0] for r in excluded]
    mentions: list[Mention] = []
    taken: set[int] = set()
    last_end = 0
    for ent in facts(doc).ents:
        if ent.label_ not in NAME_LABELS:
            continue
        for start, end in _paragraph_pieces(ent):
            if start < last_end or overlaps(
                excluded, starts, doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
            ):
                continue  # swallowed by the previous span's extension, or a byline
            rules = (
                [MODEL_NER] if (start, end) == (ent.start, ent.end) else [MODEL_NER, BREAK_IN_SPAN]
            )
            for mention in _clean_mentions(doc, start, end, ent.label_, taken, rules):
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


def _is_title_only(doc: Doc, start: int, end: int) -> bool:
    """ "the Prime Minister said", "Rear Admiral", "the SP": every word is a title, a rank,
    a role or a word that forms a title, so the span names nobody."""
    words = [t.text.rstrip(".") for t in doc[start:end]]
    return all(
        w in TITLE_ABBREVIATIONS or w.casefold() in ROLE_WORDS or w.casefold() + "." in ROLE_WORDS
        for w in words
    )


def _clean_mentions(
    doc: Doc, start: int, end: int, label: str, taken: set[int], rules: list[str]
) -> list[Mention]:
    """The cleaned mention for one model span, plus a place named inside it, if any;
    `rules` names the rules that found and cut the span so far."""
    bracket = _before_open_bracket(doc, start, end)
    if bracket < end:
        end, rules = bracket, [*rules, UNCLOSED_BRACKET]
    trimmed_start, trimmed_end, cuts = trim(doc, start, end, label)
    rules = [*rules, *cuts]
    if trimmed_start >= trimmed_end or is_title_fragment(doc, trimmed_start, trimmed_end):
        return []
    if _is_title_only(doc, trimmed_start, trimmed_end):
        return []  # TITLE_ONLY: "Prime Minister", "Rear Admiral", "SP" name nobody
    if _is_capitalised_common_noun(doc, trimmed_start, trimmed_end):
        return []
    person_at = _person_after_organisation(doc, trimmed_start, trimmed_end)
    if person_at is not None:
        split = [*rules, ORG_THEN_PERSON]
        return [
            *_clean_mentions(doc, trimmed_start, person_at, "ORG", taken, split),
            *_clean_mentions(doc, person_at, trimmed_end, "PERSON", taken, split),
        ]
    # a span the model drew wrongly also gives weaker evidence of its label
    weight = (
        MODEL_VOTE
        if trimmed_end - trimmed_start >= _name_length(doc, start, end)
        else MODEL_VOTE / 2
    )
    if (
        label == "NORP"
        and doc[start:end].text.casefold() not in gz.DEMONYMS
        and doc[trimmed_start:trimmed_end].text != doc[start:end].text.strip()
    ):
        label = "ORG"  # NATIONALITY_PREFIX: "Russian Telegram" minus the demonym
        rules.append(NATIONALITY_PREFIX)
    if (
        label != "PERSON"
        and trimmed_start > start
        and is_demonym(doc[trimmed_start - 1].text)
        and is_personal_name(doc, trimmed_start, trimmed_end)
    ):
        label = "PERSON"  # NATIONALITY_BEFORE_NAME: "Canadian Felix Auger-Aliassime" (ORG)
        rules.append(NATIONALITY_BEFORE_NAME)
    if label == "PERSON" and trimmed_end < end and opens_title(doc, trimmed_end):
        # INSTITUTION_BEFORE_TITLE: "Fed" of "Fed Chair": what goes before a title is
        # its institution
        label = "ORG"
        rules.append(INSTITUTION_BEFORE_TITLE)
    new_start, new_end, new_label, grown = extend(doc, trimmed_start, trimmed_end, label, taken)
    if new_end - new_start > trimmed_end - trimmed_start and new_label == label:
        weight = MODEL_VOTE / 2
    new_start, new_end, titles = strip_titles(doc, new_start, new_end)
    mention = Mention(new_start, new_end, new_label, rules=[*rules, *grown, *titles])
    vote(doc, mention, titles, weight)
    if not mention.votes:
        return []
    mention.is_subject = is_subject(doc, new_start, new_end)
    if label == "GPE" and new_label in {"ORG", "FAC"}:
        # PLACE_INSIDE_NAME: "Virginia Beach police" names the police and the city,
        # "Londiani junction" the junction and the town (not "Raghunathpur railroad
        # station", read as a person)
        place = Mention(trimmed_start, trimmed_end, "GPE", rules=[*rules, PLACE_INSIDE_NAME])
        place.add_vote("GPE", MODEL_VOTE, MODEL_LABEL)
        return [place, mention]
    if PLACE_AFTER_COMMA in cuts:
        # the place the trim cut off is an entity of its own: "Europe" of "Suedzucker,
        # Europe's largest sugar company"
        return [mention, *_place_after_comma_mention(doc, start, end, rules)]
    return [mention]


def _place_after_comma_mention(doc: Doc, start: int, end: int, rules: list[str]) -> list[Mention]:
    """The place PLACE_AFTER_COMMA cut from the model's span, voted on like any span."""
    place = place_after_comma(doc, start, _without_possessive(doc, start, end))
    if place is None:
        return []
    # a continent is no country or city: "Europe" is a LOC
    label = "GPE" if list_type(doc[place[0] : place[1]].text) == "GPE" else "LOC"
    mention = Mention(place[0], place[1], label, rules=[*rules, PLACE_AFTER_COMMA])
    vote(doc, mention, [], MODEL_VOTE)
    return [mention] if mention.votes else []


def _without_possessive(doc: Doc, start: int, end: int) -> int:
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    return end


def _is_capitalised_common_noun(doc: Doc, start: int, end: int) -> bool:
    """SENTENCE_INITIAL_COMMON_NOUN: "Paramedics arrived", "Smoke rose": one word that opens
    a sentence and that the tagger reads as a common noun is capitalised for its place,
    unless a list knows it or the article writes it capitalised inside a sentence too."""
    tok = doc[start]
    if end - start != 1 or tok.tag_ not in {"NN", "NNS"} or not opens_sentence(doc, start):
        return False
    if list_type(tok.text) is not None:
        return False
    return not any(
        other.text == tok.text and not opens_sentence(doc, other.i)
        for other in facts(doc).tokens
        if other.i != start and other.lower_ == tok.lower_
    )


def _person_after_organisation(doc: Doc, start: int, end: int) -> int | None:
    """ORG_THEN_PERSON: "Ogun State Police Command Abimbola Oyeyemi": a span that runs from
    an organisation's name, ended by an organisation word, into a personal name is two
    names; where the person's name starts, if so."""
    for split in range(end - 2, start + 1, -1):
        head = doc[split - 1]
        if head.text[:1].isupper() and head.text.casefold() in ORG_WORDS:
            return split if is_personal_name(doc, split, end) else None
    return None


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
            or tok.lower_ in LEADING_DROP
            or tok.text in POSSESSIVE
            or tok.pos_ in TRAILING_DROP
        )
    )
