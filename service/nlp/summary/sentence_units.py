"""The article's sentences as the summary and the brief count them.

How sentences are counted (the `index` of a SummarySentence): spaCy's sentences,
split again at paragraph breaks (a sentence never spans a blank line), trimmed of
surrounding whitespace, with quote marks or punctuation that spaCy left dangling
at a paragraph end kept with the sentence they close, and whitespace-only pieces
dropped. Non-body lines (bylines, photo captions and credits, datelines, very
short fragments, "Read more" boilerplate) keep their place in that count but are
never scored or returned.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..doc_facts import facts
from ..lexicon import summary_words as sw
from .page_furniture import is_fragment, is_page_furniture, looks_like_names

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_DATELINE_MAX_CHARS = 120
_DATELINE_MIN_REST = 20


@dataclass(slots=True)
class ArticleSentence:
    """One sentence of the article as the summary and brief see it (not part of the API)."""

    index: int
    start: int
    end: int
    paragraph_first: bool
    body: bool = True
    tokens: list[Token] = field(default_factory=list)
    ents: list[Span] = field(default_factory=list)


def article_sentences(doc: Doc) -> list[ArticleSentence]:
    """The article's sentences with their tokens and entities, body lines marked.

    Shared within one analysis (summary and brief both read them): do not modify.
    """
    shared = facts(doc)
    return shared.derived("article_sentences", lambda: _article_sentences(doc, shared.text))


def _article_sentences(doc: Doc, text: str) -> list[ArticleSentence]:
    sentence_starts = _spacy_sentence_starts(doc)
    sentences: list[ArticleSentence] = []
    for para_start, para_end in _paragraphs(text):
        first_of_paragraph = len(sentences)
        for start, end in _split_paragraph(text, para_start, para_end, sentence_starts):
            is_first = len(sentences) == first_of_paragraph
            sentences.append(ArticleSentence(len(sentences), start, end, is_first))
        paragraph = sentences[first_of_paragraph:]
        if paragraph and is_page_furniture(text[para_start:para_end]):
            for sentence in paragraph:
                sentence.body = False
    _attach_tokens(doc, sentences)
    for sentence in sentences:
        if sentence.body and is_fragment(text[sentence.start : sentence.end], sentence.tokens):
            sentence.body = False
    _drop_trailing_name_lines(text, sentences)
    _skip_dateline(text, sentences)
    return sentences


def _skip_dateline(text: str, sentences: list[ArticleSentence]) -> None:
    """Start the first body sentence after a wire dateline ("KYIV, Ukraine (AP) — ")."""
    first = next((s for s in sentences if s.body), None)
    if first is None:
        return
    match = sw.DATELINE.match(text, first.start, min(first.end, first.start + _DATELINE_MAX_CHARS))
    if match is None or first.end - match.end() < _DATELINE_MIN_REST:
        return
    first.start = match.end()
    first.tokens = [t for t in first.tokens if t.idx >= first.start]
    first.ents = [e for e in first.ents if e.start_char >= first.start]


def _spacy_sentence_starts(doc: Doc) -> list[int]:
    try:
        return [sent.start_char for sent in doc.sents]
    except ValueError:  # a Doc without a parser or sentencizer: paragraphs only
        return []


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each blank-line separated paragraph, whitespace trimmed."""
    spans = []
    position = 0
    for match in _BLANK_LINE.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return [trimmed for span in spans if (trimmed := _trim(text, *span))[0] < trimmed[1]]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split_paragraph(
    text: str, para_start: int, para_end: int, sentence_starts: list[int]
) -> list[tuple[int, int]]:
    """The paragraph cut at spaCy's sentence starts; punctuation-only pieces join a neighbour."""
    first = bisect.bisect_right(sentence_starts, para_start)
    last = bisect.bisect_left(sentence_starts, para_end)
    cuts = [para_start, *sentence_starts[first:last], para_end]
    pieces: list[tuple[int, int]] = []
    pending_start: int | None = None
    for cut_start, cut_end in zip(cuts, cuts[1:], strict=False):
        start, end = _trim(text, cut_start, cut_end)
        if start >= end:
            continue
        if not _has_word_character(text, start, end):
            if pieces:  # a closing quote spaCy gave to the next sentence
                pieces[-1] = (pieces[-1][0], end)
            elif pending_start is None:  # an opening quote split off its sentence
                pending_start = start
            continue
        pieces.append((start if pending_start is None else pending_start, end))
        pending_start = None
    return pieces


def _has_word_character(text: str, start: int, end: int) -> bool:
    return any(text[i].isalnum() for i in range(start, end))


def _attach_tokens(doc: Doc, sentences: list[ArticleSentence]) -> None:
    """Give each sentence its tokens and entities in one pass over the document."""
    starts = [s.start for s in sentences]
    shared = facts(doc)
    for token in shared.tokens:
        sentence = _sentence_at(sentences, starts, token.idx)
        if sentence is not None and not token.is_space:
            sentence.tokens.append(token)
    for ent in shared.ents:
        sentence = _sentence_at(sentences, starts, ent.start_char)
        if sentence is not None:
            sentence.ents.append(ent)


def _sentence_at(
    sentences: list[ArticleSentence], starts: list[int], char: int
) -> ArticleSentence | None:
    position = bisect.bisect_right(starts, char) - 1
    if position < 0 or char >= sentences[position].end:
        return None
    return sentences[position]


def _drop_trailing_name_lines(text: str, sentences: list[ArticleSentence]) -> None:
    """A last line of bare names is a byline that lost its "By"."""
    for sentence in reversed(sentences):
        if not sentence.body:
            continue
        line = text[sentence.start : sentence.end]
        unterminated = line[-1:] not in '.!?"”'
        if sentence.paragraph_first and unterminated and looks_like_names(line.split()):
            sentence.body = False
        return
