"""Whether a quote is full (its own sentence) or partial, and whether quoted words are a
label (a name, title or nickname) rather than somebody's words.
"""

from __future__ import annotations

import re

from ..lexicon.speech_words import TITLE_SMALL_WORDS
from .quote_marks import SENTENCE_OPENERS, Piece
from .quoted_article import Article

FULL = "full"
PARTIAL = "partial"


# ---------------------------------------------------------------- kinds and labels


def kind_of(piece: Piece, article: Article) -> str:
    """Full when the quote stands as its own sentence(s); partial inside the reporter's."""
    text = article.text
    if piece.close_at is None:
        return FULL
    first = next((ch for ch in text[piece.start : piece.end] if ch.isalnum() or ch in "(["), "")
    if not (first.isupper() or first.isdigit() or first in "(["):
        return PARTIAL
    i = piece.open_at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in SENTENCE_OPENERS:
        return FULL
    return PARTIAL


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text)]
    if not words or len(words) > 10:
        return False
    if not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words)


def is_label(piece: Piece, article: Article) -> bool:
    """A name, title or nickname in quotes rather than somebody's words."""
    text = article.text
    before = text[max(0, piece.open_at - 12) : piece.open_at].lower()
    if before.rstrip().endswith("so-called"):
        return True
    return _is_title_case(text[piece.start : piece.end])
