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

from ..lexicon.incident_words import (
    COMING_AFTER_VERBS,
    DISTAL_DETERMINERS,
    INCIDENT_REFERENCE_NOUNS,
    OTHER_INCIDENT_MARKERS,
    TIME_NOUNS,
)
from .casualty_predicates import word_category
from .earlier_events import IncidentLink, Present, earlier_event
from .token_tree import children, sentence_tokens

# Rule names, as explanations and tests give them (the date rules are in earlier_events).
OTHER_INCIDENT_NOUN = "other-incident-noun"  # "in a previous crash", "another fire killed 11"
THAT_INCIDENT = "that-incident"  # "Nine were injured in that incident" after another incident
SAME_PLACE = "same-place"  # "a crash on the same road killed two"
COMES_AFTER = "comes-after"  # "The fire came days after a boat capsized, killing seven"
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
        link = (
            named_other_incident(sent, OTHER_INCIDENT_MARKERS - lead_markers)
            or _that_incident(sent, previous)
            or _coming_after(sent)
            or _same_place(sent)
        )
    if link is None and previous is not None and not _stands_alone(sent):
        link = IncidentLink(sent.start, previous.label, CARRIED_OVER)
    return link


def markers_of(sent: Span) -> frozenset[str]:
    """The other-incident markers the sentence puts on incident nouns."""
    return frozenset(
        c.lower_
        for token in sentence_tokens(sent)
        if _is_incident_noun(token)
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
        if not _is_incident_noun(token):
            continue
        marked = any(c.lower_ in markers and c.dep_ in _MARKER_DEPS for c in children(token))
        if marked and not _is_compared(token):
            return IncidentLink(sent.start, _noun_label(token), OTHER_INCIDENT_NOUN)
    return None


def _that_incident(sent: Span, previous: IncidentLink | None) -> IncidentLink | None:
    """ "Nine others were injured in that incident", "three died in those attacks": an
    incident pointed back at, the other one the sentence before spoke of when there is
    one, else one told earlier."""
    for token in sentence_tokens(sent):
        if not _is_incident_noun(token):
            continue
        if any(c.dep_ == "det" and c.lower_ in DISTAL_DETERMINERS for c in children(token)):
            label = previous.label if previous is not None else _noun_label(token)
            return IncidentLink(sent.start, label, THAT_INCIDENT)
    return None


def _coming_after(sent: Span) -> IncidentLink | None:
    """ "The incident came days after a banca capsized off the point, killing seven": what
    the news comes after is another incident, from the word "after" on."""
    for token in sentence_tokens(sent):
        if token.lemma_.lower() == "follow" and token.pos_ == "VERB" and _news_follows(token):
            # "It follows a landslide that killed 8", "The tragedy followed a rockfall ..."
            event = next((c for c in children(token) if c.dep_ == "dobj"), None)
            if event is not None and (_is_incident_noun(event) or _tells_casualties(event)):
                return IncidentLink(event.i, _noun_label(event), COMES_AFTER)
        if token.lower_ != "after":
            continue
        # "came weeks after a truck plunged ...": "after" marks a clause of "came"
        governor = token.head.head if token.dep_ == "mark" else token.head
        if governor.lemma_.lower() not in COMING_AFTER_VERBS or governor.i > token.i:
            continue  # "After the crash, ... followed": the news itself
        return IncidentLink(token.i, _clause_label(token, sent), COMES_AFTER)
    return None


def _news_follows(verb: Token) -> bool:
    """The subject of "follow" is the news: "it", "this", or an incident noun."""
    return any(
        c.dep_ == "nsubj" and (c.lower_ in ("it", "this") or _is_incident_noun(c))
        for c in children(verb)
    )


def _tells_casualties(noun: Token) -> bool:
    """ "a rockfall that killed 3 walkers": a noun whose own clause states casualties."""
    return any(c.dep_ in ("relcl", "acl") and word_category(c) is not None for c in children(noun))


def _clause_label(after: Token, sent: Span) -> str:
    """The words after "after" up to the clause's first comma: "a truck plunged off the pass"."""
    end = next((t.i for t in sent.doc[after.i + 1 : sent.end] if t.is_punct), sent.end)
    return sent.doc[after.i + 1 : end].text.strip() or "an earlier incident"


def _same_place(sent: Span) -> IncidentLink | None:
    """ "A crash near the same interchange killed two people", "where two teenagers died
    on the same road": an incident set at the news's place is another one."""
    for token in sentence_tokens(sent):
        if token.pos_ != "NOUN" or token.lemma_.lower() in TIME_NOUNS:
            continue
        if token.lemma_.lower() in INCIDENT_REFERENCE_NOUNS:
            continue
        if any(c.lower_ == "same" and c.dep_ == "amod" for c in children(token)):
            return IncidentLink(sent.start, _noun_label(token), SAME_PLACE)
    return None


def _is_incident_noun(token: Token) -> bool:
    return token.pos_ in _NOUN_TAGS and token.lemma_.lower() in INCIDENT_REFERENCE_NOUNS


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
        _is_incident_noun(t) or t.ent_type_ in ("DATE", "TIME") for t in sentence_tokens(sent)
    )
