"""Pick the summary: the best-scored sentences without repeats (maximal marginal
relevance), for one size or every size at once."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc

from ..lexicon import summary_words as sw
from .sentence_features import WEIGHTS
from .sentence_ranking import Ranked, SummarySentence, rank

SUMMARY_METHOD = "lead-facts-v2"
MIN_SENTENCES = 1
MAX_SENTENCES = 10

# MMR looks only at the best candidates: enough to replace redundant picks,
# small enough to keep selection cheap on 200,000-word articles.
_CANDIDATES = 30

_MMR_LAMBDA = 0.7
_DUPLICATE_OVERLAP = 0.6


def summarize(
    doc: Doc, *, sentences: int = 3, figure_offsets: Sequence[tuple[int, int]] = ()
) -> list[SummarySentence]:
    """The best `sentences` sentences (clamped to 1..10), non-redundant, in article order."""
    wanted = min(MAX_SENTENCES, max(MIN_SENTENCES, sentences))
    chosen = _select_diverse(_candidates(rank(doc, figure_offsets)), wanted)
    return sorted(chosen, key=lambda s: s.index)


def summaries_by_size(
    doc: Doc, *, figure_offsets: Sequence[tuple[int, int]] = ()
) -> list[list[SummarySentence]]:
    """Every summary size at once: item k-1 equals summarize(doc, sentences=k), k = 1..10."""
    return summaries_from_picks(pick_order(doc, figure_offsets, MAX_SENTENCES))


def summaries_from_picks(picks: Sequence[SummarySentence]) -> list[list[SummarySentence]]:
    """Selection is greedy, so the k-sentence summary is the first k picks, in article order."""
    return [
        sorted(picks[:size], key=lambda s: s.index)
        for size in range(MIN_SENTENCES, MAX_SENTENCES + 1)
    ]


def pick_order(
    doc: Doc, figure_offsets: Sequence[tuple[int, int]], wanted: int
) -> list[SummarySentence]:
    """Up to `wanted` sentences in the order the summary picks them: best first, no repeats."""
    return _select_diverse(_candidates(rank(doc, figure_offsets)), wanted)


def _candidates(ranked: list[Ranked]) -> list[Ranked]:
    return sorted(ranked, key=lambda r: (-r.sentence.score, r.sentence.index))[:_CANDIDATES]


def _select_diverse(candidates: list[Ranked], wanted: int) -> list[SummarySentence]:
    """Maximal marginal relevance: good sentences that do not repeat the ones already chosen.

    Repeating means sharing words, or restating who is blamed. Near-duplicates come
    last, only when nothing else is left.
    """
    words = {c.sentence.index: _content_words(c.sentence.text) for c in candidates}
    # Each candidate's overlap with the closest chosen sentence, updated after every pick
    # with the new one only: the maximum does not depend on the order it is taken in.
    overlap = dict.fromkeys(words, 0.0)
    covered_blame = 0.0
    chosen: list[Ranked] = []
    remaining = list(candidates)
    while remaining and len(chosen) < wanted:
        fresh = [c for c in remaining if overlap[c.sentence.index] < _DUPLICATE_OVERLAP]
        best = max(
            fresh or remaining,
            key=lambda c: (
                _MMR_LAMBDA * _novel_score(c, covered_blame)
                - (1 - _MMR_LAMBDA) * overlap[c.sentence.index],
                -c.sentence.index,
            ),
        )
        chosen.append(best)
        remaining.remove(best)
        covered_blame = max(covered_blame, best.responsibility)
        picked = words[best.sentence.index]
        for c in remaining:
            index = c.sentence.index
            overlap[index] = max(overlap[index], _jaccard(words[index], picked))
    return [c.sentence for c in chosen]


def _novel_score(candidate: Ranked, covered_blame: float) -> float:
    """The score without credit for a claim or blame the summary already states.

    Casualty figures keep their credit: a lead's several tolls (killed, injured,
    an earlier estimate) are each worth reporting.
    """
    discount = WEIGHTS["responsibility"] * min(candidate.responsibility, covered_blame)
    return candidate.sentence.score - discount * candidate.readability


def _content_words(text: str) -> frozenset[str]:
    return frozenset(word for word in re.findall(r"\w+", text.lower()) if word not in sw.STOP_WORDS)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)
