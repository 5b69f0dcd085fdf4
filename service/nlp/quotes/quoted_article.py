"""The Doc as the attribution passes see it: which tokens are quoted, in which piece and
paragraph, the article's speakers, and a per-article memo of per-token facts.
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Any

from spacy.tokens import Doc, Token

from ..doc_facts import facts
from .quote_marks import PARAGRAPHS, Piece
from .speaker_resolver import SpeakerResolver

# ---------------------------------------------------------------- the document view


class Article:
    """The Doc with per-token facts the attribution passes share."""

    def __init__(
        self, doc: Doc, text: str, pieces: list[Piece], people: Sequence[tuple[int, int]] = ()
    ):
        self.doc = doc
        self.text = text
        self.pieces = pieces
        self.token_starts = [t.idx for t in facts(doc).tokens]
        self.quoted = [False] * len(doc)
        self.piece_of = [-1] * len(doc)
        for number, piece in enumerate(pieces):
            mark_end = piece.end if piece.close_at is None else piece.close_at + 1
            piece.first_token = self.token_at(piece.open_at)
            piece.end_token = max(piece.first_token + 1, self.token_after(mark_end))
            for i in range(piece.first_token, piece.end_token):
                self.quoted[i] = True
                self.piece_of[i] = number
        self.paragraph_starts = [m.start() for m in PARAGRAPHS.finditer(self.text)]
        self.speakers = SpeakerResolver(doc, self.quoted, people)
        self.memo: dict[tuple[str, int], Any] = {}

    def token_at(self, char: int) -> int:
        return max(0, bisect_right(self.token_starts, char) - 1)

    def token_after(self, char: int) -> int:
        """Index of the first token starting at or after `char`."""
        return bisect_left(self.token_starts, char)

    def paragraph_of(self, char: int) -> int:
        """Index of the paragraph holding `char`, numbered as `find_pieces` numbers them."""
        return bisect_right(self.paragraph_starts, char) - 1

    def words_tokens(self, piece: Piece) -> range:
        return range(self.token_after(piece.start), self.token_after(piece.end))


def per_token(fn: Callable[[Token, Article], Any]) -> Callable[[Token, Article], Any]:
    """Work out a fact about a token once per article: a verb many quotes hang from (or a
    hostile sentence with thousands of quotes) must not have its children re-read each time."""

    @functools.wraps(fn)
    def cached(token: Token, article: Article) -> Any:
        key = (fn.__name__, token.i)
        if key not in article.memo:
            article.memo[key] = fn(token, article)
        return article.memo[key]

    return cached
