"""A summary of at most N words that carries as many of the article's facts as fit.

At analysis, the sentences the summary picks are compressed once (`compression`)
into pieces: the spans kept, their mended text, their length in words and the
facts they carry (figures, the incident word, places, dates, named actors,
other content words; kept for clients and for a fact-aware selection, which
the pick order still beats). Per request, `summary_in_words` fills the budget
with the pieces in pick order and returns them in article order. Pieces are
plain data, so the selection runs on a cached part.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ..lexicon import summary_words as sw
from ..lexicon.incident_words import EVENT_NOUNS
from .compression import compress
from .sentence_ranking import SummarySentence
from .sentence_selection import pick_order

WORDS_METHOD = "compressed-facts-v1"
DEFAULT_WORDS = 80
MIN_WORDS = 10
MAX_WORDS = 300
# How many of the best-ranked sentences are compressed and kept as pieces.
MAX_PIECES = 12
_ENTITY_KINDS = {
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "DATE": "date",
    "TIME": "date",
    "PERSON": "actor",
    "ORG": "actor",
    "NORP": "actor",
}


@dataclass(frozen=True)
class SummaryPiece:
    """One compressed sentence: where its kept words are, what it says, what it costs."""

    index: int
    score: float
    spans: tuple[tuple[int, int], ...]
    text: str
    words: int
    facts: tuple[str, ...]
    rules: tuple[str, ...]


def summary_pieces(
    doc: Doc,
    figure_offsets: Sequence[tuple[int, int]],
    picks: Sequence[SummarySentence] | None = None,
) -> tuple[SummaryPiece, ...]:
    """The sentences in the order the summary picks them (best first, no repeats),
    compressed; `picks` when the caller has them already (`pick_order`)."""
    pieces = []
    if picks is None:
        picks = pick_order(doc, figure_offsets, MAX_PIECES)
    for sentence in picks[:MAX_PIECES]:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        compressed = compress(span)
        if not compressed.text:
            continue
        kept = [t for t in span if any(s <= t.idx < e for s, e in compressed.spans)]
        pieces.append(
            SummaryPiece(
                index=sentence.index,
                score=sentence.score,
                spans=compressed.spans,
                text=compressed.text,
                words=compressed.words,
                facts=tuple(sorted(_facts(kept, figure_offsets))),
                rules=compressed.rules,
            )
        )
    return tuple(pieces)


def summary_in_words(pieces: Sequence[Mapping], budget: int) -> list[Mapping]:
    """The pieces to show for a `budget` of words, in article order: each in the order
    the summary picks sentences (best first, no repeats) while it fits; a piece too
    long for what is left gives way to a shorter one after it. (Choosing by new
    facts per word instead preferred short scraps to the lead, and scored lower.)"""
    chosen: list[Mapping] = []
    left = budget
    for piece in pieces:  # in the order the summary picks sentences
        if piece["words"] <= left:
            chosen.append(piece)
            left -= piece["words"]
    return sorted(chosen, key=lambda p: p["index"])


def _facts(tokens, figure_offsets: Sequence[tuple[int, int]]) -> set[str]:
    """The facts kept words carry, as "kind:key" strings."""
    found: set[str] = set()
    for token in tokens:
        word = token.lower_
        if any(start <= token.idx < end for start, end in figure_offsets) and token.like_num:
            found.add(f"figure:{word}")
        elif token.lemma_.lower() in EVENT_NOUNS:
            found.add(f"incident:{token.lemma_.lower()}")
        elif token.ent_type_ in _ENTITY_KINDS:
            found.add(f"{_ENTITY_KINDS[token.ent_type_]}:{word}")
        elif token.is_alpha and word not in sw.STOP_WORDS:
            found.add(f"word:{token.lemma_.lower()}")
    return found
