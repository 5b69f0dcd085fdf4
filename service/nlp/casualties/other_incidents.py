"""Which incident a sentence's figures count for, when it is not the article's own.

Articles set their news against other incidents: the earthquake that hit the
same county the year before, the previous derailment on the line, another
tanker explosion the same week. Such a sentence dates the other incident before
the news ("two days earlier", "last week", "in 2003": `earlier_events`), or names
it with a word that sets it apart ("a previous crash", "another fire", "a similar
attack", "an earlier blast"), and the sentences after it in the same paragraph go
on about it ("Two other people were badly hurt."). Each rule is named; the link
it makes carries the article's own words for the incident as its label.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon.incident_words import INCIDENT_REFERENCE_NOUNS, OTHER_INCIDENT_MARKERS
from .earlier_events import IncidentLink, Present, earlier_event
from .token_tree import children, sentence_tokens

# Rule names, as explanations and tests give them (the date rules are in earlier_events).
OTHER_INCIDENT_NOUN = "other-incident-noun"  # "in a previous crash", "another fire killed 11"
CARRIED_OVER = "carried-over"  # a sentence going on about the incident the one before named

# Prepositions that compare today's incident with another instead of counting for it.
_COMPARING = frozenset({"since", "than", "like", "unlike"})
_MARKER_DEPS = frozenset({"amod", "det", "advmod", "compound", "nummod"})
_LABEL_DEPS = frozenset({"det", "amod", "compound", "nummod", "nmod", "poss"})
_NOUN_TAGS = frozenset({"NOUN", "PROPN"})


def incident_link(
    sent: Span,
    present: Present,
    *,
    in_lead: bool,
    previous: IncidentLink | None,
    lead_markers: frozenset[str] = frozenset(),
) -> IncidentLink | None:
    """The other incident `sent` speaks of, if any: by its dates, by a noun that names
    another incident (outside the lead, which introduces the news), or, for a sentence
    with neither an incident nor a time of its own, the one the sentence before it in
    the same paragraph spoke of (`previous`). A marker the lead itself uses for the news
    (`lead_markers`: "Two men died in separate crashes") marks no other incident."""
    link = earlier_event(sent, present)
    if link is None and not in_lead:
        link = named_other_incident(sent, OTHER_INCIDENT_MARKERS - lead_markers)
    if link is None and previous is not None and not _stands_alone(sent):
        link = IncidentLink(sent.start, previous.label, CARRIED_OVER)
    return link


def markers_of(sent: Span) -> frozenset[str]:
    """The other-incident markers the sentence puts on incident nouns."""
    return frozenset(
        c.lower_
        for token in sentence_tokens(sent)
        if token.pos_ in _NOUN_TAGS and token.lemma_.lower() in INCIDENT_REFERENCE_NOUNS
        for c in children(token)
        if c.lower_ in OTHER_INCIDENT_MARKERS and c.dep_ in _MARKER_DEPS
    )


def named_other_incident(
    sent: Span, markers: frozenset[str] = OTHER_INCIDENT_MARKERS
) -> IncidentLink | None:
    """ "Four were killed in a previous crash on the same road", "Another fire at a
    market killed 11", "at least five deaths from a separate blast": a noun naming an
    incident, marked as another one; not a comparison ("the worst since a previous
    quake")."""
    for token in sentence_tokens(sent):
        if token.pos_ not in _NOUN_TAGS or token.lemma_.lower() not in INCIDENT_REFERENCE_NOUNS:
            continue
        marked = any(c.lower_ in markers and c.dep_ in _MARKER_DEPS for c in children(token))
        if marked and not _is_compared(token):
            return IncidentLink(sent.start, _noun_label(token), OTHER_INCIDENT_NOUN)
    return None


def _is_compared(noun: Token) -> bool:
    return noun.dep_ == "pobj" and noun.head.lower_ in _COMPARING


def _noun_label(noun: Token) -> str:
    """The noun with the words right before it that tell which incident it is."""
    start = noun.i
    for child in sorted(children(noun), key=lambda c: -c.i):
        if child.i == start - 1 and child.dep_ in _LABEL_DEPS:
            start = child.i
    return noun.doc[start : noun.i + 1].text


def _stands_alone(sent: Span) -> bool:
    """A sentence that names an incident or a time of its own starts its own subject."""
    return any(
        (t.pos_ in _NOUN_TAGS and t.lemma_.lower() in INCIDENT_REFERENCE_NOUNS)
        or t.ent_type_ in ("DATE", "TIME")
        for t in sentence_tokens(sent)
    )
