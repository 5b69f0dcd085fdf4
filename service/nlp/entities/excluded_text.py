"""Text that is not the story (bylines, agency lines, captions, dateline agency
tags, a closing list of author names), whose names are no entities of the article."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from ..doc_facts import facts
from ..lexicon.media import NEWS_AGENCIES
from ..lexicon.story_furniture import BYLINE_OPENERS, CREDIT, DATELINE_AGENCY


def excluded_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of bylines, credits, captions and dateline agency tags."""
    text = facts(doc).text
    ranges: list[tuple[int, int]] = []
    head = text[:300]
    for match in DATELINE_AGENCY.finditer(head):
        ranges.append(match.span())
    offset = 0
    lines = text.split("\n")
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        if (
            _is_byline(line)
            or _is_agency_line(line)
            or _is_caption(line)
            or (last and _is_name_list(doc, offset, offset + len(line)))
        ):
            ranges.append((offset, offset + len(line)))
        offset += len(line) + 1
    return sorted(ranges)


def _is_byline(line: str) -> bool:
    lowered = line.strip().casefold()
    if not lowered.startswith(BYLINE_OPENERS):
        return False
    # "By Friday, the toll had risen." is a sentence, not an author line.
    if lowered.startswith("by "):
        return len(lowered.split()) <= 10 and not lowered.endswith(".")
    return True


def _is_agency_line(line: str) -> bool:
    """A line that is only an agency's name ("By ANN LEE\nAssociated Press") credits it."""
    words = line.strip().strip(".,;:").casefold()
    if words.startswith("the "):
        words = words[4:]
    return words in NEWS_AGENCIES


def _is_caption(line: str) -> bool:
    """A paragraph whose end is a photo credit is a caption, not article text."""
    stripped = line.rstrip()
    tail_start = max(0, len(stripped) - 120)
    return CREDIT.search(stripped, tail_start) is not None


def _is_name_list(doc: Doc, start: int, end: int) -> bool:
    """A last line made only of names ("Ann Smith and Bo Li") is an author line."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or len(span) > 15:
        return False
    if not any(ent.label_ == "PERSON" for ent in span.ents):
        return False
    return all(tok.tag_ in {"NNP", "NNPS", ",", "CC", "."} or tok.is_space for tok in span)


def overlaps(ranges: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    index = bisect_right(starts, start) - 1
    for i in (index, index + 1):
        if 0 <= i < len(ranges) and ranges[i][0] < end and start < ranges[i][1]:
            return True
    return False
