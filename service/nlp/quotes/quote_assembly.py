"""Pass 3: join pieces split by their attribution, carry speakers over to unattributed
quotes, drop labels and stray words, and build the `Quote`s; `extract_quotes` runs it all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..doc_facts import facts_scope
from .quote_context import context_cue, left_context, right_context
from .quote_kinds import FULL, PARTIAL, is_label, kind_of
from .quote_marks import Piece, find_pieces
from .quoted_article import Article
from .reporting_cues import Attribution, ancestor_cue, attribution_from_verb, is_reporting
from .speaker_resolver import Speaker

MAX_SPLIT_GAP_TOKENS = 25
MIN_UNATTRIBUTED_WORDS = 3
MAX_REPORT_LOOKBACK = 80

# Rule names, as explanations and tests give them: what joined a quote or gave it a speaker.
SPLIT_QUOTE = "split-quote"  # '"A," he said. "B"': one quote, two spans
CARRIED_OVER = "carried-over"  # an unattributed full quote keeps the previous quote's speaker
REPORTED_BEFORE = "reported-before"  # ... or the speaker of "X said the team was tired." before it
CARRIED_BACKWARDS = "carried-backwards"  # see `_carry_backwards`
INTRODUCED_SPEAKER = "introduced-speaker"  # see `_stands_alone`


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One contiguous piece of a quote inside its marks; `text == doc.text[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation: its words (pieces split by the attribution joined with one space),
    `full` or `partial`, who said it (None when nobody is said to) and the cue used."""

    text: str
    kind: str
    speaker: Speaker | None
    cue: str | None  # "said", "told", "according to"...; None when carried over
    start: int  # start of the first piece
    end: int  # end of the last piece
    spans: tuple[QuoteSpan, ...]
    # The names of the rules that found the quote and chose its speaker.
    rules: tuple[str, ...] = ()


# ---------------------------------------------------------------- assembling quotes


@dataclass(slots=True)
class _Draft:
    pieces: list[Piece]
    kind: str
    attribution: Attribution | None
    # The rules that found the quote and changed it, in the order they applied.
    rules: list[str] = field(default_factory=list)

    def attribute(self, attribution: Attribution, *rules: str) -> None:
        self.attribution = attribution
        speaker_rules = attribution.speaker.rules if attribution.speaker else ()
        self.rules.extend((*rules, *attribution.rules, *speaker_rules))


def _attribute(piece: Piece, article: Article) -> Attribution | None | bool:
    """The piece's own attribution: from the parse, else a reporting clause next to it.
    False when the quoted words are a label."""
    ancestor = ancestor_cue(piece, article)
    if ancestor is not None:
        return ancestor
    right, left = right_context(piece, article), left_context(piece, article)
    return context_cue(right, article) or context_cue(left, article)


def _same_clause(
    previous: _Draft, piece: Piece, attribution: Attribution | None, article: Article
) -> bool:
    """Is `piece` the second half of a quote split by its attribution ("A," he said. "B")?"""
    last = previous.pieces[-1]
    if previous.kind != FULL or last.close_at is None or last.paragraph != piece.paragraph:
        return False
    cue = previous.attribution.cue if previous.attribution else None
    if cue is None or not last.end_token <= cue.i < piece.first_token:
        return False
    if piece.first_token - last.end_token > MAX_SPLIT_GAP_TOKENS:
        return False
    return attribution is None or (attribution.cue is not None and attribution.cue.i == cue.i)


def _drafts(article: Article) -> list[_Draft]:
    drafts: list[_Draft] = []
    for piece in article.pieces:
        kind = kind_of(piece, article)
        found = _attribute(piece, article)
        if found is False:
            continue
        attribution = found if isinstance(found, Attribution) else None
        if drafts and _same_clause(drafts[-1], piece, attribution, article):
            drafts[-1].pieces.append(piece)
            drafts[-1].rules.extend((SPLIT_QUOTE, *piece.rules))
            continue
        draft = _Draft([piece], kind, None, list(piece.rules))
        if attribution is not None:
            at = attribution.cue.idx if attribution.cue is not None else piece.start
            article.speakers.remember(attribution.speaker, at)
            draft.attribute(attribution)
        drafts.append(draft)
    return drafts


def _carry_speakers(drafts: list[_Draft], article: Article) -> None:
    """Give an unattributed full quote the speaker of the latest report before it in the same
    or previous paragraph: a quote, or a sentence like "X said the team was tired." """
    for i, draft in enumerate(drafts):
        if (draft.attribution and draft.attribution.speaker) or draft.kind != FULL:
            continue
        cue, cue_text = (
            (draft.attribution.cue, draft.attribution.cue_text)
            if draft.attribution
            else (None, None)
        )
        first = draft.pieces[0]
        candidates: list[tuple[int, Speaker | None, tuple[str, ...]]] = []
        if i > 0:
            before = drafts[i - 1]
            if before.attribution and first.paragraph - before.pieces[-1].paragraph <= 1:
                speaker = before.attribution.speaker
                candidates.append((before.pieces[-1].end, speaker, (CARRIED_OVER,)))
        reported = _reported_before(first, article)
        if reported is not None and reported.cue is not None:
            rules = (REPORTED_BEFORE, *reported.rules)
            candidates.append((reported.cue.idx, reported.speaker, rules))
        candidates = [c for c in candidates if c[1] is not None]
        if candidates:
            _, speaker, rules = max(candidates, key=lambda c: c[0])
            draft.attribute(Attribution(cue, cue_text, speaker), *rules)
        elif _stands_alone(draft, article) and first.paragraph > 0:
            introduced = article.speakers.introduced_in(
                article.paragraph_starts[first.paragraph - 1],
                article.paragraph_starts[first.paragraph],
            )
            if introduced is not None:
                draft.attribute(Attribution(None, None, introduced), INTRODUCED_SPEAKER)


def _stands_alone(draft: _Draft, article: Article) -> bool:
    """INTRODUCED_SPEAKER: a paragraph that is nothing but a quote ("“We will rebuild every
    home.”" after "Mayor Tom Reed addressed the crowd.") is the words of the person the
    paragraph before introduced, in sports and politics copy alike."""
    text = article.text
    paragraph = draft.pieces[0].paragraph
    start = article.paragraph_starts[paragraph]
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    outside = list(text[start:end])
    for piece in article.pieces:
        if piece.paragraph == paragraph:
            close = end if piece.close_at is None else piece.close_at + 1
            for k in range(piece.open_at, close):
                outside[k - start] = " "
    return not any(ch.isalnum() for ch in outside)


def _reported_before(piece: Piece, article: Article) -> Attribution | None:
    """The latest reporting clause with a speaker before `piece`, in its paragraph or the
    one before."""
    doc = article.doc
    lowest = piece.first_token - MAX_REPORT_LOOKBACK
    for i in range(piece.first_token - 1, max(-1, lowest), -1):
        token = doc[i]
        if article.paragraph_of(token.idx) < piece.paragraph - 1:
            break
        if is_reporting(token, article):
            found = attribution_from_verb(token, article)
            if found is not None:
                return found
    return None


def _carry_backwards(drafts: list[_Draft]) -> None:
    """A quote running over paragraphs may be attributed only in its last paragraph: the
    earlier paragraphs (left open) take that speaker."""
    for i in range(len(drafts) - 2, -1, -1):
        draft, after = drafts[i], drafts[i + 1]
        if (
            draft.attribution is None
            and draft.kind == FULL
            and draft.pieces[-1].close_at is None
            and after.attribution is not None
            and after.attribution.speaker is not None
        ):
            draft.attribute(Attribution(None, None, after.attribution.speaker), CARRIED_BACKWARDS)


def _keeps(draft: _Draft, article: Article) -> bool:
    """Partial quotes need somebody saying them; unattributed full ones enough words to be
    a statement rather than a stray quoted word."""
    if draft.kind == PARTIAL:
        return draft.attribution is not None and not is_label(draft.pieces[0], article)
    if draft.attribution is not None:
        return True
    piece = draft.pieces[0]
    return len(article.text[piece.start : piece.end].split()) >= MIN_UNATTRIBUTED_WORDS


def _to_quote(draft: _Draft, text: str) -> Quote:
    spans = tuple(QuoteSpan(p.start, p.end, text[p.start : p.end]) for p in draft.pieces)
    attribution = draft.attribution
    return Quote(
        text=" ".join(span.text for span in spans),
        kind=draft.kind,
        speaker=attribution.speaker if attribution else None,
        cue=attribution.cue_text if attribution else None,
        start=spans[0].start,
        end=spans[-1].end,
        spans=spans,
        rules=tuple(dict.fromkeys(draft.rules)),
    )


def extract_quotes(doc: Doc, *, people: Sequence[tuple[int, int]] = ()) -> list[Quote]:
    """Direct quotations in `doc`, in text order, each with its speaker and cue.

    `people` are character spans the entity extractor typed PERSON; they name
    speakers the small NER model mislabels ("Chancellor Olaf Scholz" as ORG).
    """
    with facts_scope(doc) as shared:
        text = shared.text
        pieces = find_pieces(text)
        if not pieces:
            return []
        article = Article(doc, text, pieces, people)
        drafts = _drafts(article)
        _carry_backwards(drafts)
        _carry_speakers(drafts, article)
        return [_to_quote(d, text) for d in drafts if _keeps(d, article)]
