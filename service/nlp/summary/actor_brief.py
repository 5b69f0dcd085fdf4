"""The brief of any other story: "<main actors>: <what the lead sentence says they did>",
or what the main actor is quoted saying."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from .brief_inputs import EntityLike, QuoteLike
from .brief_phrases import (
    BLAMEABLE_TYPES,
    LEADING_ARTICLE,
    canonical_name,
    capitalise,
    main_clause,
    noun_with_modifiers,
    subject_of,
)

_ACTOR_TYPES = ("PERSON", "ORG", "NORP", "GPE")
_VERB_PHRASE_WORDS = 18
_QUOTE_WORDS = 16


def actor_brief(lead: Span, entities: Sequence[EntityLike], quotes: Sequence[QuoteLike]) -> str:
    """ "Vladimir Putin, Kremlin: says …" from the top entities and the lead's main verb phrase."""
    actors = _top_actors(entities)
    doer, action = _lead_action(lead, entities)
    if doer:
        actors = [doer, *(a for a in actors if a != doer)][:2]
    if not action:
        action = _quote_phrase(quotes, actors)
    if not action:
        return ""
    return f"{', '.join(actors)}: {action}" if actors else capitalise(action)


def _lead_action(lead: Span, entities: Sequence[EntityLike]) -> tuple[str, str]:
    """Who the lead is about, when it names them, and what it says they did or said."""
    root = lead.root
    main = main_clause(lead)
    if main is not None and main.i != root.i:
        speaker = _named(subject_of(root), entities)
        clause = _clause_text(main)
        if speaker and clause:
            return speaker, f"says {clause}"
    action = _verb_phrase(main)
    subject = subject_of(main)
    if not action or subject is None or subject.pos_ == "PRON":
        return "", action
    doer = _named(subject, entities)
    if doer:
        return doer, action
    return "", f"{capitalise(LEADING_ARTICLE.sub('', _subject_phrase(subject)))} {action}"


def _subject_phrase(subject: Token) -> str:
    return _shortened(subject.doc[subject.left_edge.i : subject.right_edge.i + 1], 8)


def _named(head: Token | None, entities: Sequence[EntityLike]) -> str:
    """The name a subject is ("President Vladimir Putin" → the entity's name), else ''.

    Only the head counts: "Republican lawmakers" are lawmakers, not Republicans.
    """
    if head is None or (head.pos_ != "PROPN" and head.ent_type_ not in BLAMEABLE_TYPES):
        return ""
    return canonical_name(noun_with_modifiers(head), entities)


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
