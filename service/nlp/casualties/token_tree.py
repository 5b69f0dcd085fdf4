"""Bounded steps through the parse that every reader of a sentence shares: a token's
near children, a sentence's tokens, a noun's left modifiers."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..doc_facts import facts
from ..lexicon import casualty_words as cw

# How many heads a walk up the parse climbs at most (to a reporting verb, along "and").
MAX_CLIMB = 12
_CHILD_REACH = 40


def left_modifiers(token: Token) -> list[Token]:
    return [c for c in children(token) if c.i < token.i and c.dep_ in cw.NOUN_MODIFIERS]


def children(token: Token) -> list[Token]:
    """The syntactic children within a few dozen tokens of `token`.

    spaCy's Token.children walks the token's whole subtree; on a degenerate
    parse of hostile input that makes per-count lookups quadratic, while real
    children sit close to their head.
    """
    doc = token.doc
    shared = facts(doc)
    i = token.i
    low, high = max(i - _CHILD_REACH, 0), min(i + _CHILD_REACH + 1, len(doc))
    heads, tokens = shared.heads, shared.tokens
    return [tokens[j] for j in range(low, high) if heads[j] == i and j != i]


def sentence_tokens(sent: Span) -> tuple[Token, ...]:
    """The tokens of `sent`, without building a Token per access."""
    return facts(sent.doc).tokens[sent.start : sent.end]
