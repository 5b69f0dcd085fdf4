"""How well a sentence reads on its own: short scraps, dangling pronouns and quoted
words cost it."""

from __future__ import annotations

from collections.abc import Sequence

from ..lexicon import summary_words as sw
from .sentence_units import ArticleSentence

_SHORT_SENTENCE_WORDS = 8
_LONG_SENTENCE_WORDS = 70
_OPEN_QUOTES = "“‘«"
_CLOSE_QUOTES = "”’»"


def readability_factor(sentence: ArticleSentence, *, starts_quoted: bool = False) -> float:
    """Down-weight sentences that read badly alone: quotes, dangling pronouns, scraps."""
    factor = 1.0
    words = [t for t in sentence.tokens if not t.is_punct]
    if len(words) < _SHORT_SENTENCE_WORDS:
        factor *= 0.6
    elif len(words) > _LONG_SENTENCE_WORDS:
        factor *= 0.85
    if words and words[0].lower_ in sw.CONTEXT_DEPENDENT_STARTS:
        factor *= 0.8
    return factor * (1.0 - 0.35 * _quoted_share(sentence, starts_quoted=starts_quoted))


def inside_quotes_at(text: str, starts: Sequence[int]) -> list[bool]:
    """For each offset in `starts` (ascending), whether a double quotation opened earlier
    in its paragraph is still open there: the second sentence of a quote has no mark."""
    states: list[bool] = []
    inside = False
    position = 0
    for start in starts:
        for char in text[position:start]:
            if char == "\n":
                inside = False
            elif char in "“«":  # double marks only: a ’ is far more often an apostrophe
                inside = True
            elif char in "”»":
                inside = False
            elif char == '"':
                inside = not inside
        position = max(position, start)
        states.append(inside)
    return states


def _quoted_share(sentence: ArticleSentence, *, starts_quoted: bool = False) -> float:
    """Share of the sentence's words inside quotation marks (a run-on quote counts too)."""
    tokens = sentence.tokens
    if not tokens:
        return 0.0
    inside = starts_quoted
    quoted = words = 0
    for token in tokens:
        if token.text in _OPEN_QUOTES:
            inside = True
        elif token.text in _CLOSE_QUOTES:
            inside = False
        elif token.text == '"':
            inside = not inside
        elif not token.is_punct:
            words += 1
            quoted += inside
    return quoted / words if words else 0.0
