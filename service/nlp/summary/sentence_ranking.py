"""Score every body sentence once: the cues, weighted and scaled by readability, with
the extractor's casualty figures standing in for the sentence's own casualty cue."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ..doc_facts import facts
from .readability import inside_quotes_at, readability_factor
from .sentence_features import centrality_scores, cue_scores, weighted_score
from .sentence_units import ArticleSentence, article_sentences

_OWN_CUE_WITH_FIGURES = 0.5


@dataclass(frozen=True, slots=True)
class SummarySentence:
    text: str  # == doc.text[start:end]
    index: int  # position among the article's sentences (see sentence_units)
    start: int
    end: int
    score: float  # 0..1, rounded to 3 decimals


@dataclass(frozen=True, slots=True)
class Ranked:
    """A scored sentence and the fact cues it carries, for choosing without repeats."""

    sentence: SummarySentence
    responsibility: float
    readability: float


def rank_sentences(
    doc: Doc, *, figure_offsets: Sequence[tuple[int, int]] = ()
) -> list[SummarySentence]:
    """Every body sentence with its score, in article order."""
    return [r.sentence for r in rank(doc, figure_offsets)]


def rank(doc: Doc, figure_offsets: Sequence[tuple[int, int]]) -> list[Ranked]:
    text = facts(doc).text  # Doc.text joins every token: built once per analysis
    sentences = [s for s in article_sentences(doc) if s.body]
    casualty_hits = _sentences_with_figures(sentences, figure_offsets)
    centrality = centrality_scores(sentences)
    opens_quoted = inside_quotes_at(text, [s.start for s in sentences])
    ranked = []
    for position, sentence in enumerate(sentences):
        features = cue_scores(sentence, position)
        features["centrality"] = centrality[position]
        if figure_offsets:
            # The extractor's current figures count fully; a toll it left out (an older
            # event, or one it missed) still counts for something.
            own_cue = _OWN_CUE_WITH_FIGURES * features["casualty"]
            features["casualty"] = 1.0 if sentence.index in casualty_hits else own_cue
        readability = readability_factor(sentence, starts_quoted=opens_quoted[position])
        ranked.append(
            Ranked(
                sentence=_public(text, sentence, weighted_score(features, readability)),
                responsibility=features["responsibility"],
                readability=readability,
            )
        )
    return ranked


def _sentences_with_figures(
    sentences: list[ArticleSentence], figure_offsets: Sequence[tuple[int, int]]
) -> set[int]:
    starts = [s.start for s in sentences]
    hits = set()
    for start, end in figure_offsets:
        position = bisect.bisect_right(starts, start) - 1
        if position >= 0 and start < sentences[position].end and end > sentences[position].start:
            hits.add(sentences[position].index)
    return hits


def _public(text: str, sentence: ArticleSentence, score: float) -> SummarySentence:
    return SummarySentence(
        text=text[sentence.start : sentence.end],
        index=sentence.index,
        start=sentence.start,
        end=sentence.end,
        score=score,
    )
