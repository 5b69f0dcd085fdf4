"""The one-line `brief` of an article, built from facts the extractors found.

An incident reads "<event>, <place>, <date>: <casualties>; <who is blamed>."; any
other story reads "<main actors>: <what the lead sentence says they did>".
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Protocol

from spacy.tokens import Doc, Span, Token

from .doc_facts import ents_in, facts
from .summary import article_sentences

MAX_BRIEF_CHARS = 240

_QUALIFIER_WORDS = {
    "exact": "",
    "at_least": "at least",
    "more_than": "more than",
    "about": "about",
    "nearly": "nearly",
    "up_to": "up to",
}
_CATEGORY_ORDER = ("killed", "injured", "missing")

# Lead sentences name the incident with one of these nouns ("a suicide bombing", "twin blasts").
_EVENT_NOUNS = frozenset(
    {
        "attack",
        "shooting",
        "bombing",
        "explosion",
        "blast",
        "strike",
        "airstrike",
        "crash",
        "collision",
        "derailment",
        "fire",
        "blaze",
        "wildfire",
        "flood",
        "flooding",
        "earthquake",
        "quake",
        "storm",
        "hurricane",
        "cyclone",
        "typhoon",
        "tornado",
        "landslide",
        "mudslide",
        "avalanche",
        "stampede",
        "collapse",
        "massacre",
        "ambush",
        "raid",
        "shelling",
        "stabbing",
        "rampage",
        "accident",
        "eruption",
        "siege",
        "hijacking",
        "clash",
        "riot",
        "assault",
        "tsunami",
        "heatwave",
        "outbreak",
        "sinking",
        "capsizing",
        "leak",
        "spill",
    }
)
# ... or with one of these verbs ("a missile struck", "two trains derailed").
_EVENT_VERBS = frozenset(
    {
        "attack",
        "strike",
        "explode",
        "derail",
        "crash",
        "collide",
        "collapse",
        "erupt",
        "storm",
        "ambush",
        "bomb",
        "hit",
        "sink",
        "capsize",
        "flood",
        "raid",
        "stab",
    }
)
_EVENT_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nummod"})
_EVENT_SEARCH_SENTENCES = 3
_BLAME_SEARCH_SENTENCES = 20

_CLAIMED = frozenset({"responsibility", "credit"})
_BLAME_WORDS = frozenset({"claim", "responsible", "blame"})
_MAX_BLAME_CANDIDATES = 20
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_ACTOR_TYPES = ("PERSON", "ORG", "NORP", "GPE")
_BLAMEABLE_TYPES = frozenset({"ORG", "NORP", "PERSON", "GPE"})
_REPORTING_LEMMAS = frozenset(
    {"say", "tell", "announce", "report", "confirm", "state", "add", "write", "claim", "according"}
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_VERB_PHRASE_WORDS = 18
_QUOTE_WORDS = 16
_SPACE_RUN = re.compile(r"\s+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


class TotalLike(Protocol):
    @property
    def value(self) -> int: ...
    @property
    def qualifier(self) -> str: ...


class EntityLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def type(self) -> str: ...
    @property
    def salience(self) -> float: ...


class SpeakerLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def type(self) -> str: ...


class QuoteLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def speaker(self) -> SpeakerLike | None: ...


def compose_brief(
    doc: Doc,
    *,
    totals: Mapping[str, TotalLike | None],
    entities: Sequence[EntityLike],
    quotes: Sequence[QuoteLike],
    published_at: datetime | None = None,
) -> str:
    """One line (at most 240 characters) saying what happened, or who did or said what."""
    spans = _body_spans(doc, _BLAME_SEARCH_SENTENCES)
    entities = sorted(entities, key=lambda e: -e.salience)  # every lookup prefers the salient
    casualties = casualty_phrase(totals)
    if spans and casualties:
        brief = _incident_brief(spans, casualties, entities, published_at)
    elif spans:
        brief = _actor_brief(spans[0], entities, quotes)
    else:
        brief = ""
    if not brief:
        brief = spans[0].text if spans else facts(doc).text
    return _one_line(brief)


def casualty_phrase(totals: Mapping[str, TotalLike | None]) -> str:
    """ "at least 60 killed, more than 145 injured" from the article's totals ('' when none)."""
    categories = [c for c in _CATEGORY_ORDER if c in totals]
    categories += sorted(c for c in totals if c not in _CATEGORY_ORDER)
    parts = []
    for category in categories:
        total = totals.get(category)
        if total is None:
            continue
        parts.append(_casualty_count(total, category))
    return ", ".join(parts)


def _casualty_count(total: TotalLike, category: str) -> str:
    if total.value == 0:
        return f"none {category}"
    qualifier = _QUALIFIER_WORDS.get(total.qualifier, "")
    return " ".join(part for part in (qualifier, f"{total.value:,}", category) if part)


def _body_spans(doc: Doc, limit: int) -> list[Span]:
    """The first `limit` body sentences: the brief never reads further."""
    spans = []
    for sentence in article_sentences(doc):
        if len(spans) == limit:
            break
        if not sentence.body:
            continue
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    return spans


def _incident_brief(
    spans: list[Span],
    casualties: str,
    entities: Sequence[EntityLike],
    published_at: datetime | None,
) -> str:
    event = _event_token(spans[:_EVENT_SEARCH_SENTENCES])
    heading = [_event_phrase(event, spans[0]), *_places(event, spans[0], entities)]
    when = _date_words(published_at) or _lead_date(spans[0])
    if when:
        heading.append(when)
    line = ", ".join(part for part in heading if part) + f": {casualties}"
    blame = _blame_phrase(spans[:_BLAME_SEARCH_SENTENCES], entities)
    return f"{line}; {blame}." if blame else f"{line}."


def _event_token(lead: list[Span]) -> Token | None:
    """The first word in the lead that names the incident, as a noun or as a verb."""
    for span in lead:
        for token in span:
            lemma = token.lemma_.lower()
            if token.pos_ in {"NOUN", "PROPN"} and lemma in _EVENT_NOUNS:
                return token
            if token.pos_ == "VERB" and lemma in _EVENT_VERBS and _subject(token) is not None:
                return token
    return None


def _event_phrase(event: Token | None, lead: Span) -> str:
    """The incident as the lead names it ("Terrorist attack", "Two passenger trains derailed")."""
    if event is not None and event.pos_ == "VERB":
        subject = _subject(event)
        if subject is not None and subject.pos_ != "PRON":
            return _capitalise(f"{_noun_with_modifiers(subject)} {event.text}")
    if event is not None and _is_gunfire(event):
        return "Shooting"
    if event is not None:
        return _capitalise(_noun_with_modifiers(event))
    main = _main_clause(lead)
    subject = _subject(main)
    if main is not None and subject is not None and subject.pos_ != "PRON":
        return _capitalise(f"{_noun_with_modifiers(subject)} {main.text}")
    return "Incident"


def _is_gunfire(token: Token) -> bool:
    """ "opened fire" / "open fire on" is shooting, not a blaze."""
    return token.lemma_.lower() == "fire" and token.head.lemma_.lower() == "open"


def _noun_with_modifiers(noun: Token) -> str:
    """The noun with the modifiers right before it ("twin explosions"), or its whole name."""
    if noun.ent_type_ and noun.ent_iob_ != "O":
        ent = next((e for e in facts(noun.doc).ents if e.start <= noun.i < e.end), None)
        if ent is not None and (ent.end - 1 == noun.i or noun.pos_ == "PROPN"):
            return _LEADING_ARTICLE.sub("", ent.text)
    start = noun
    while start.i > 0:
        before = start.nbor(-1)
        if before.dep_ not in _EVENT_MODIFIER_DEPS or before.is_punct or before.head.i > noun.i:
            break
        start = before
    return _text_between(start, noun)


def _places(event: Token | None, lead: Span, entities: Sequence[EntityLike]) -> list[str]:
    """Up to two places: those after the event word in its sentence, else the lead's."""
    found: list[str] = []
    if event is not None:
        # Places attached to the event word: "an attack … at a concert hall outside Moscow".
        attached = event.doc[event.i + 1 : event.right_edge.i + 1]
        found = _place_names(list(ents_in(attached)), entities)
    if not found:
        found = _place_names(list(ents_in(lead)), entities)
    if not found:
        top = next((e.name for e in entities if e.type in _PLACE_TYPES), None)
        found = [top] if top else []
    return found


def _place_names(mentions: list[Span], entities: Sequence[EntityLike]) -> list[str]:
    names: list[str] = []
    for ent in mentions:
        # "Ukrainian" or "Iranian" is a nationality, not where it happened.
        if ent.label_ not in _PLACE_TYPES or ent.root.tag_ == "JJ":
            continue
        name = _canonical_name(ent.text, entities, _PLACE_TYPES)
        if name and all(name not in n and n not in name for n in names):
            names.append(name)
        if len(names) == 2:
            break
    return names


def _date_words(moment: datetime | None) -> str:
    return f"{moment.day} {moment:%B %Y}" if moment is not None else ""


def _lead_date(lead: Span) -> str:
    date = next((e for e in ents_in(lead) if e.label_ == "DATE" and len(e) <= 4), None)
    return date.text if date is not None else ""


def _blame_phrase(spans: list[Span], entities: Sequence[EntityLike]) -> str:
    """Who claimed or was held responsible, as the article states it ('' when it does not).

    An explicit claim of responsibility beats others' attribution of blame.
    """
    first_blame = ""
    looked_at = 0
    previous: Span | None = None
    for span in spans:
        for token in span:
            if token.lemma_.lower() not in _BLAME_WORDS:
                continue
            looked_at += 1
            if looked_at > _MAX_BLAME_CANDIDATES:  # hostile text repeating the words
                return first_blame
            phrase = _responsibility_statement(token, span, previous, entities)
            if phrase.endswith("claimed responsibility"):
                return phrase
            first_blame = first_blame or phrase
        previous = span
    return first_blame


def _responsibility_statement(
    token: Token, span: Span, previous: Span | None, entities: Sequence[EntityLike]
) -> str:
    lemma = token.lemma_.lower()
    if lemma == "claim" and any(c.lemma_.lower() in _CLAIMED for c in token.children):
        who = _actor_name(_subject(token), span, previous, entities)
        return f"{who} claimed responsibility" if who else ""
    if lemma == "responsible" and token.dep_ in {"acomp", "amod", "oprd"}:
        who = _actor_name(_subject(token.head), span, previous, entities)
        return f"{who} blamed" if who else ""
    if lemma == "blame" and token.pos_ == "VERB":
        return _blame_verb_statement(token, span, previous, entities)
    return ""


def _blame_verb_statement(
    token: Token, span: Span, previous: Span | None, entities: Sequence[EntityLike]
) -> str:
    # "Russia blamed Ukraine" names both sides; "the attack was blamed on X" only the blamed.
    blamed_on = next(
        (g for c in token.children if c.lower_ == "on" for g in c.children if g.dep_ == "pobj"),
        None,
    )
    if blamed_on is not None:
        who = _actor_name(blamed_on, span, previous, entities, resolve=False)
        return f"blamed on {who}" if who else ""
    subject = _subject(token)
    blamer = _actor_name(subject, span, previous, entities, resolve=False)
    if not blamer and subject is not None and subject.pos_ == "NOUN":
        blamer = _capitalise(_noun_with_modifiers(subject))  # "Police", "The government"
    target = next((c for c in token.children if c.dep_ == "dobj"), None)
    blamed = _actor_name(target, span, previous, entities, resolve=False)
    return f"{blamer} blamed {blamed}" if blamer and blamed else ""


def _actor_name(
    head: Token | None,
    span: Span,
    previous: Span | None,
    entities: Sequence[EntityLike],
    *,
    resolve: bool = True,
) -> str:
    """The named group or person a noun phrase stands for; "the group" looks one sentence back."""
    if head is None:
        return ""
    phrase = head.doc[head.left_edge.i : head.right_edge.i + 1]
    named = [e for e in ents_in(phrase) if e.label_ in _BLAMEABLE_TYPES]
    if named:
        return _canonical_name(named[0].text, entities)
    if head.pos_ == "PROPN":
        return _noun_with_modifiers(head)
    if not resolve:
        return ""
    earlier = [e for e in ents_in(span) if e.end <= phrase.start and e.label_ in {"ORG", "NORP"}]
    if not earlier and previous is not None:
        earlier = [e for e in ents_in(previous) if e.label_ in {"ORG", "NORP"}]
    return _canonical_name(earlier[-1].text, entities) if earlier else ""


def _actor_brief(lead: Span, entities: Sequence[EntityLike], quotes: Sequence[QuoteLike]) -> str:
    """ "Vladimir Putin, Kremlin: says …" from the top entities and the lead's main verb phrase."""
    actors = _top_actors(entities)
    doer, action = _lead_action(lead, entities)
    if doer:
        actors = [doer, *(a for a in actors if a != doer)][:2]
    if not action:
        action = _quote_phrase(quotes, actors)
    if not action:
        return ""
    return f"{', '.join(actors)}: {action}" if actors else _capitalise(action)


def _lead_action(lead: Span, entities: Sequence[EntityLike]) -> tuple[str, str]:
    """Who the lead is about, when it names them, and what it says they did or said."""
    root = lead.root
    main = _main_clause(lead)
    if main is not None and main.i != root.i:
        speaker = _named(_subject(root), entities)
        clause = _clause_text(main)
        if speaker and clause:
            return speaker, f"says {clause}"
    action = _verb_phrase(main)
    subject = _subject(main)
    if not action or subject is None or subject.pos_ == "PRON":
        return "", action
    doer = _named(subject, entities)
    if doer:
        return doer, action
    return "", f"{_capitalise(_LEADING_ARTICLE.sub('', _subject_phrase(subject)))} {action}"


def _subject_phrase(subject: Token) -> str:
    return _shortened(subject.doc[subject.left_edge.i : subject.right_edge.i + 1], 8)


def _named(head: Token | None, entities: Sequence[EntityLike]) -> str:
    """The name a subject is ("President Vladimir Putin" → the entity's name), else ''.

    Only the head counts: "Republican lawmakers" are lawmakers, not Republicans.
    """
    if head is None or (head.pos_ != "PROPN" and head.ent_type_ not in _BLAMEABLE_TYPES):
        return ""
    return _canonical_name(_noun_with_modifiers(head), entities)


def _clause_text(verb: Token) -> str:
    """A reported clause with its subject, without "that" and final punctuation."""
    start = verb.left_edge
    while start.i < verb.i and (start.dep_ == "mark" or start.is_punct):
        start = start.nbor()
    end = verb.right_edge
    while end.i > start.i and (end.is_punct or end.is_space):
        end = end.nbor(-1)
    clause = _shortened(verb.doc[start.i : end.i + 1], _VERB_PHRASE_WORDS)
    # A sentence-initial capital is not part of the reported words ("says the West is …").
    return clause if start.pos_ == "PROPN" or start.text == "I" else clause[:1].lower() + clause[1:]


def _top_actors(entities: Sequence[EntityLike]) -> list[str]:
    """The two most salient people or organisations, topped up with places or groups."""
    actors = [e.name for e in entities if e.type in _ACTOR_TYPES[:2]]
    actors += [e.name for e in entities if e.type in _ACTOR_TYPES[2:]]
    return actors[:2]


def _verb_phrase(main: Token | None) -> str:
    """What the main clause says was done, without its subject, cut to ~18 words."""
    if main is None or main.pos_ not in {"VERB", "AUX"}:
        return ""
    start = min(
        (c for c in main.lefts if c.dep_ in {"aux", "auxpass", "neg"}),
        key=lambda c: c.i,
        default=main,
    )
    end = main.right_edge
    while end.i > start.i and (end.is_punct or end.is_space):
        end = end.nbor(-1)
    return _shortened(main.doc[start.i : end.i + 1], _VERB_PHRASE_WORDS)


def _main_clause(sentence: Span | None) -> Token | None:
    """The sentence's root, or the reported clause when the root is "said" and the like."""
    if sentence is None:
        return None
    root = sentence.root
    if root.lemma_.lower() in _REPORTING_LEMMAS:
        reported = next((c for c in root.children if c.dep_ in {"ccomp", "parataxis"}), None)
        return reported
    return root


def _subject(verb: Token | None) -> Token | None:
    if verb is None:
        return None
    return next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)


def _quote_phrase(quotes: Sequence[QuoteLike], actors: list[str]) -> str:
    for quote in quotes:
        speaker = quote.speaker
        if speaker is not None and (not actors or speaker.name in actors):
            words = quote.text.split()
            text = " ".join(words[:_QUOTE_WORDS]) + ("…" if len(words) > _QUOTE_WORDS else "")
            return f"says “{text}”"
    return ""


def _shortened(span: Span, max_words: int) -> str:
    words = [t for t in span if not t.is_punct and not t.is_space]
    if len(words) <= max_words:
        return span.text
    last = words[max_words - 1]
    # Prefer to stop at a clause break (a comma) than mid-phrase.
    commas = [t for t in span if t.text == "," and words[max_words // 2].i < t.i <= last.i]
    cut = commas[-1].i if commas else last.i + 1
    return span.doc[span.start : cut].text + "…"


def _canonical_name(
    mention: str, entities: Sequence[EntityLike], types: frozenset[str] | None = None
) -> str:
    """The entity extractor's fullest name for a mention, or the mention without "the"."""
    bare = _LEADING_ARTICLE.sub("", mention.strip())
    for entity in entities:
        if (types is None or entity.type in types) and _names_same(bare, entity.name):
            return entity.name
    return bare


def _names_same(mention: str, name: str) -> bool:
    """ "Putin" is "Vladimir Putin"; "Islamic State group" is "Islamic State"; but
    "White House" is not "House"."""
    mention_words, name_words = mention.lower().split(), name.lower().split()
    if not mention_words or not name_words:
        return False
    if mention_words == name_words or (len(mention_words) == 1 and mention_words[0] in name_words):
        return True
    size = len(name_words)
    for start in range(len(mention_words) - size + 1):
        if mention_words[start : start + size] == name_words:
            rest = mention.split()[:start] + mention.split()[start + size :]
            return all(word.islower() for word in rest)  # only common nouns around it
    return False


def _text_between(first: Token, last: Token) -> str:
    return first.doc[first.i : last.i + 1].text


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _one_line(text: str) -> str:
    line = _SPACE_RUN.sub(" ", text).strip()
    if len(line) <= MAX_BRIEF_CHARS:
        return line
    cut = line.rfind(" ", 0, MAX_BRIEF_CHARS)
    if cut <= 0:
        cut = MAX_BRIEF_CHARS - 1
    return line[:cut].rstrip(" ,;:") + "…"
