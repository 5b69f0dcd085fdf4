"""The brief of an incident: "<event>, <place>, <date>: <casualties>; <who is blamed>.",
the blame as the article states it (a claim of responsibility first)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from spacy.tokens import Span, Token

from ..datelines import dateline
from ..doc_facts import ents_in, facts
from ..lexicon import summary_words as sw
from ..lexicon.incident_words import EVENT_NOUNS
from .brief_inputs import EntityLike
from .brief_phrases import (
    BLAMEABLE_TYPES,
    canonical_name,
    capitalise,
    main_clause,
    noun_with_modifiers,
    subject_of,
)

_EVENT_SEARCH_SENTENCES = 3
BLAME_SEARCH_SENTENCES = 20
_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def incident_brief(
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
    blame = _blame_phrase(spans[:BLAME_SEARCH_SENTENCES], entities)
    return f"{line}; {blame}." if blame else f"{line}."


def _event_token(lead: list[Span]) -> Token | None:
    """The first word in the lead that names the incident, as a noun or as a verb."""
    for span in lead:
        for token in span:
            lemma = token.lemma_.lower()
            if token.pos_ in {"NOUN", "PROPN"} and lemma in EVENT_NOUNS and not _modifies(token):
                return token
            if token.pos_ == "VERB" and lemma in sw.EVENT_VERBS and subject_of(token) is not None:
                return token
    return None


def _modifies(token: Token) -> bool:
    """An incident noun modifying another noun names no incident: "the fire service",
    "flood defences", "a crash barrier" (but "a bomb attack" is an attack)."""
    head = token.head
    return (
        token.dep_ == "compound" and head.pos_ == "NOUN" and head.lemma_.lower() not in EVENT_NOUNS
    )


def _event_phrase(event: Token | None, lead: Span) -> str:
    """The incident as the lead names it ("Terrorist attack", "Two passenger trains derailed")."""
    if event is not None and event.pos_ == "VERB":
        subject = subject_of(event)
        if subject is not None and subject.pos_ != "PRON":
            return capitalise(f"{noun_with_modifiers(subject)} {event.text}")
    if event is not None and _is_gunfire(event):
        return "Shooting"
    if event is not None:
        return capitalise(noun_with_modifiers(event))
    main = main_clause(lead)
    subject = subject_of(main)
    if main is not None and subject is not None and subject.pos_ != "PRON":
        return capitalise(f"{noun_with_modifiers(subject)} {main.text}")
    return "Incident"


def _is_gunfire(token: Token) -> bool:
    """ "opened fire" / "open fire on" is shooting, not a blaze."""
    return token.lemma_.lower() == "fire" and token.head.lemma_.lower() == "open"


def _places(event: Token | None, lead: Span, entities: Sequence[EntityLike]) -> list[str]:
    """Up to two places: those after the event word in its sentence, else the lead's."""
    found: list[str] = []
    if event is not None:
        # Places attached to the event word: "an attack … at a concert hall outside Moscow".
        attached = event.doc[event.i + 1 : event.right_edge.i + 1]
        found = _place_names(list(ents_in(attached)), entities)
    if not found:
        # Not the dateline's city: where the report was filed, not where it happened.
        filed = dateline(facts(lead.doc).text)  # Doc.text would join every token again
        after = filed.end if filed is not None else 0
        found = _place_names([e for e in ents_in(lead) if e.start_char >= after], entities)
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
        name = canonical_name(ent.text, entities, _PLACE_TYPES)
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


# ----- who claimed or was blamed

_MAX_BLAME_CANDIDATES = 20


def _blame_phrase(spans: list[Span], entities: Sequence[EntityLike]) -> str:
    """Who claimed or was held responsible, as the article states it ('' when it does not).

    An explicit claim of responsibility beats others' attribution of blame.
    """
    first_blame = ""
    looked_at = 0
    previous: Span | None = None
    for span in spans:
        for token in span:
            if token.lemma_.lower() not in sw.BLAME_WORDS:
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
    if lemma == "claim" and any(c.lemma_.lower() in sw.CLAIMED for c in token.children):
        who = _actor_name(subject_of(token), span, previous, entities)
        return f"{who} claimed responsibility" if who else ""
    if lemma == "responsible" and token.dep_ in {"acomp", "amod", "oprd"}:
        who = _actor_name(subject_of(token.head), span, previous, entities)
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
    subject = subject_of(token)
    blamer = _actor_name(subject, span, previous, entities, resolve=False)
    if not blamer and subject is not None and subject.pos_ == "NOUN":
        blamer = capitalise(noun_with_modifiers(subject))  # "Police", "The government"
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
    named = [e for e in ents_in(phrase) if e.label_ in BLAMEABLE_TYPES]
    if named:
        return canonical_name(named[0].text, entities)
    if head.pos_ == "PROPN":
        return noun_with_modifiers(head)
    if not resolve:
        return ""
    earlier = [e for e in ents_in(span) if e.end <= phrase.start and e.label_ in {"ORG", "NORP"}]
    if not earlier and previous is not None:
        earlier = [e for e in ents_in(previous) if e.label_ in {"ORG", "NORP"}]
    return canonical_name(earlier[-1].text, entities) if earlier else ""
