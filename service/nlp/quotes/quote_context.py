"""Pass 2b: the reporting clause in the quote's own sentence, outside any quote
("..., he said." / "X said: "...").
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon.speech_words import LISTENER_VERBS
from .quote_marks import Piece
from .quoted_article import Article, per_token
from .reporting_cues import (
    Attribution,
    attribution_from_according,
    attribution_from_verb,
    follows_quote,
    is_misread_as_modifier,
    is_reporting,
    with_rules,
)

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
SENTENCE_END = frozenset({".", "?", "!", "…"})
MAX_CONTEXT_TOKENS = 60
MAX_ABBREVIATION_LETTERS = 3
# Rule names, as explanations and tests give them.
# CONTEXT_CUE: a reporting clause in the quote's own sentence, outside any quote.
CONTEXT_CUE = "context-cue"
# ABBREVIATION_INSIDE_NAME: see `_is_abbreviation_dot`.
ABBREVIATION_INSIDE_NAME = "abbreviation-inside-name"


# ---------------------------------------------------------------- the quote's own sentence


def _is_boundary(token: Token, article: Article, paragraph: int) -> bool:
    if token.is_space and "\n" in token.text:
        return True
    if article.paragraph_of(token.idx) != paragraph:
        return True
    if _is_abbreviation_dot(token):
        return False
    return not article.quoted[token.i] and token.text in SENTENCE_END


def _is_abbreviation_dot(token: Token) -> bool:
    """ABBREVIATION_INSIDE_NAME: the period of "Alm. Brand analyst Ann Holt said", which the
    tokenizer splits off a short capitalised word it does not know, ends no sentence when a
    capitalised word follows."""
    doc = token.doc
    if token.text != "." or token.i == 0 or token.i + 1 >= len(doc):
        return False
    before, after = doc[token.i - 1], doc[token.i + 1]
    return (
        not before.whitespace_
        and before.is_alpha
        and before.is_title
        and len(before.text) <= MAX_ABBREVIATION_LETTERS
        and after.is_alpha
        and after.is_title
    )


def _ends_sentence_inside(piece: Piece, article: Article) -> bool:
    text = article.text
    i = (piece.end if piece.close_at is None else piece.close_at) - 1
    while i > piece.start and text[i].isspace():
        i -= 1
    return text[i] in ".…"


def left_context(piece: Piece, article: Article) -> list[Token]:
    """Tokens of the quote's sentence before it, outside any quote, nearest first."""
    found: list[Token]
    doc, found = article.doc, []
    i = piece.first_token - 1
    for _ in range(2 * MAX_CONTEXT_TOKENS):
        if i < 0 or len(found) >= MAX_CONTEXT_TOKENS:
            break
        token = doc[i]
        if _is_boundary(token, article, piece.paragraph):
            break
        if article.quoted[token.i]:
            other = article.pieces[article.piece_of[i]]
            if _ends_sentence_inside(other, article):
                break
            i = other.first_token - 1
            continue
        found.append(token)
        i -= 1
    return found


def right_context(piece: Piece, article: Article) -> list[Token]:
    """Tokens of the quote's sentence after it, outside any quote, nearest first."""
    found: list[Token]
    doc, found = article.doc, []
    i = piece.end_token
    if piece.close_at is None:
        return found
    if _ends_sentence_inside(piece, article) and not _lowercase_follows(i, article):
        return found
    while i < len(doc) and len(found) < MAX_CONTEXT_TOKENS:
        token = doc[i]
        if _is_boundary(token, article, piece.paragraph) or article.quoted[i]:
            break
        found.append(token)
        i += 1
    return found


def _lowercase_follows(i: int, article: Article) -> bool:
    doc = article.doc
    return i < len(doc) and doc[i].is_alpha and doc[i].text[:1].islower()


@per_token
def _is_parenthetical(verb: Token, article: Article) -> bool:
    """A reporting clause that reports the words around it: "police said", "he told
    reporters", "..., she wrote on X" -- finite, and not followed by content of its own
    (a sentence-final "X said" governs the clause before it, which is fine)."""
    if verb.tag_ not in FINITE_TAGS and not is_misread_as_modifier(verb):
        return False
    if follows_quote(verb, article):
        return True
    for child in verb.children:
        if article.quoted[child.i] or child.i < verb.i:
            continue
        if child.dep_ in ("ccomp", "xcomp", "csubj"):
            return False
        if child.dep_ == "dobj" and verb.lemma_.lower() not in LISTENER_VERBS:
            return False
    return True


def context_cue(tokens: list[Token], article: Article) -> Attribution | None:
    """The first cue among `tokens` (nearest first) that names who speaks, with its rules."""
    abbreviation: tuple[str, ...] = ()
    for token in tokens:
        if token.lower_ == "according":
            found = attribution_from_according(token, article)
        elif is_reporting(token, article) and _is_parenthetical(token, article):
            found = attribution_from_verb(token, article)
            found = None if found is None else with_rules(found, CONTEXT_CUE)
        else:
            if _is_abbreviation_dot(token):
                abbreviation = (ABBREVIATION_INSIDE_NAME,)
            continue
        if found is not None:
            return with_rules(found, *abbreviation) if abbreviation else found
    return None
