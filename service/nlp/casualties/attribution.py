"""Who a figure is attributed to: "according to X", or the subject of "X said"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon import casualty_words as cw
from ..lexicon.speech_words import FIGURE_SOURCE_VERBS
from .token_tree import MAX_CLIMB, children, left_modifiers, sentence_tokens

_ATTRIBUTION_MAX_TOKENS = 12


def according_to(sent: Span) -> str | None:
    """X in "according to X" anywhere in the sentence."""
    doc = sent.doc
    for token in sentence_tokens(sent):
        if token.lower_ != "according" or token.i + 1 >= sent.end:
            continue
        if doc[token.i + 1].lower_ == "to":
            objects = [c for c in children(doc[token.i + 1]) if c.dep_ == "pobj"]
            if objects:
                return _short_subtree_text(objects[0])
    return None


def speaker_above(token: Token) -> str | None:
    """The subject of the nearest reporting verb ("X said") that governs `token`."""
    for _ in range(MAX_CLIMB):
        if _is_reporting_verb(token):
            speaker = _named_subject(token)
            if speaker is not None:
                return speaker
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def sentence_speaker(sent: Span) -> str | None:
    """The subject of a reporting verb at the top of the sentence ("..., police said.")."""
    for token in sentence_tokens(sent):
        if _is_reporting_verb(token) and token.dep_ in ("ROOT", "parataxis"):
            speaker = _named_subject(token)
            if speaker is not None:
                return speaker
    return None


def _is_reporting_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in FIGURE_SOURCE_VERBS


def _named_subject(verb: Token) -> str | None:
    subjects = [c for c in children(verb) if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in cw.PRONOUNS:
        return None
    return _short_subtree_text(subjects[0])


def _short_subtree_text(token: Token) -> str | None:
    """The phrase `token` heads, or just its head noun and modifiers when that is long."""
    left, right = token.left_edge.i, token.right_edge.i
    if right - left + 1 > _ATTRIBUTION_MAX_TOKENS:
        left = min([token.i, *(c.i for c in left_modifiers(token))])
        right = token.i
    doc = token.doc
    text = doc[left : right + 1].text.strip(" ,.;:\"'“”")
    return text or None
