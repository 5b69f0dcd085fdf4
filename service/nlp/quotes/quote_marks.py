"""Pass 1: pair the quotation marks of each paragraph into pieces of quoted words.

Works on the plain text alone; everything later reads the pieces it finds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"
OPEN_SINGLE = "‘‹"
CLOSE_SINGLE = "’›"
MARKS = re.compile("[\"“”„«»‘’‹›']")
# Rule names, as explanations and tests give them.
# QUOTE_MARKS: a pair of quotation marks in one paragraph (double, single or guillemets).
QUOTE_MARKS = "quote-marks"
# RUN_ON_QUOTE: see `find_pieces`.
RUN_ON_QUOTE = "run-on-quote"
# DOUBLED_TYPEWRITER_MARKS: wire copy typed on old systems writes ``a quote'' with two
# backticks and two apostrophes; read as the curly pair (same length, so offsets hold).
DOUBLED_TYPEWRITER_MARKS = "doubled-typewriter-marks"
_TYPEWRITER_PAIRS = (("``", "“ "), ("''", "” "))
# POSSESSIVE_CLOSE: a ’ after an s ("the kids’ rooms") closes an open single quote when
# nothing else in the paragraph does.
POSSESSIVE_CLOSE = "possessive-close"
PARAGRAPHS = re.compile(r"[^\n]+")
OPENING_CONTEXT = "([{—–-/\n"
CLOSING_CONTEXT = ".,;:!?)]}—–-…"
TRAILING_PUNCT = ",.;:"
# What may stand before a quote that is its own sentence: a paragraph start, the end of a
# sentence or of another quote, or the colon/comma of "X said: " and "X said, ".
SENTENCE_OPENERS = "\n.?!:,—–…\"'" + CLOSE_DOUBLE + CLOSE_SINGLE


@dataclass(slots=True)
class Piece:
    """One contiguous run of quoted words, with the marks around it."""

    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark; None when it runs to paragraph end
    start: int  # the quoted words, trimmed
    end: int
    paragraph: int
    # The rules that found it: QUOTE_MARKS or RUN_ON_QUOTE, then the marks' own rules.
    rules: tuple[str, ...] = ()
    first_token: int = 0  # token range of the piece including its marks
    end_token: int = 0


# ---------------------------------------------------------------- marks


def _is_opening_context(text: str, i: int, para_start: int) -> bool:
    return i == para_start or text[i - 1].isspace() or text[i - 1] in OPENING_CONTEXT


def _is_closing_context(text: str, i: int, para_end: int) -> bool:
    return i + 1 >= para_end or text[i + 1].isspace() or text[i + 1] in CLOSING_CONTEXT


def _double_role(text: str, i: int, start: int, end: int, is_open: bool) -> str:
    """'open' or 'close' for a double mark, trusting context over a misused glyph."""
    mark = text[i]
    opening = _is_opening_context(text, i, start)
    closing = _is_closing_context(text, i, end)
    if mark in OPEN_DOUBLE:
        return "close" if is_open and closing and not opening else "open"
    if mark in CLOSE_DOUBLE:
        return "open" if not is_open and opening and not closing else "close"
    if opening and not closing:
        return "open"
    if closing and not opening:
        return "close"
    return "close" if is_open else "open"


def _single_role(text: str, i: int, start: int, end: int) -> str | None:
    """'open', 'close' or None (an apostrophe) for a single mark."""
    mark = text[i]
    after = text[i + 1] if i + 1 < end else " "
    if mark in OPEN_SINGLE or mark == "'":
        if _is_opening_context(text, i, start) and after.isalpha():
            return "open"
        if mark in OPEN_SINGLE:
            return None
    if (mark in CLOSE_SINGLE or mark == "'") and i > start and not text[i - 1].isspace():
        if after.isalnum() or _is_plural_possessive(text, i, end):
            return None
        return "close"
    return None


def _is_plural_possessive(text: str, i: int, end: int) -> bool:
    """ "the kids’ rooms": an s, the mark, then a lower-case word."""
    return (
        text[i - 1] in "sS"
        and i + 2 < end
        and text[i + 1] == " "
        and text[i + 2].isalpha()
        and text[i + 2].islower()
    )


def _pair_double(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], int | None]:
    """Closed double-mark pairs in one paragraph, and an opening left unclosed at its end."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    for match in MARKS.finditer(text, start, end):
        i = match.start()
        if text[i] not in OPEN_DOUBLE + CLOSE_DOUBLE + '"':
            continue
        role = _double_role(text, i, start, end, open_at is not None)
        if role == "open":
            open_at = i  # an earlier unclosed mark is abandoned, not extended
        elif open_at is not None:
            pairs.append((open_at, i))
            open_at = None
    return pairs, open_at


def _pair_single(
    text: str,
    start: int,
    end: int,
    skip: list[tuple[int, int]],
    possessive_closes: set[int],
    *,
    may_run_on: bool = False,
) -> tuple[list[tuple[int, int]], int | None]:
    """Single-mark pairs in one paragraph outside the double-quoted stretches `skip`, and
    an opening left unclosed at its end when `may_run_on` (the next paragraph opens with a
    single mark) and that opening starts a sentence. A pair closed by POSSESSIVE_CLOSE adds
    its closing mark to `possessive_closes`."""
    pairs: list[tuple[int, int]] = []
    open_at: int | None = None
    # A mark after an s that looks like a plural possessive ("the kids’ rooms") but may
    # close the open quote ("‘a tragedy beyond words’ in a post"): it does if nothing
    # else closes the quote before the paragraph ends.
    possessive_at: int | None = None
    k = 0
    for match in MARKS.finditer(text, start, end):
        i = match.start()
        if text[i] not in OPEN_SINGLE + CLOSE_SINGLE + "'":
            continue
        while k < len(skip) and skip[k][1] < i:
            k += 1
        if k < len(skip) and skip[k][0] <= i <= skip[k][1]:
            continue
        role = _single_role(text, i, start, end)
        if role == "open":
            open_at, possessive_at = i, None
        elif role == "close" and open_at is not None:
            pairs.append((open_at, i))
            open_at, possessive_at = None, None
        elif (
            role is None
            and open_at is not None
            and possessive_at is None
            and _may_close_as_possessive(text, i, start, end)
        ):
            # The first such mark: quoted phrases are short, later possessives are
            # more likely the reporter's own words than the speaker's.
            possessive_at = i
    if open_at is not None and may_run_on and _opens_sentence(text, open_at, start):
        return pairs, open_at
    if open_at is not None and possessive_at is not None:
        pairs.append((open_at, possessive_at))
        possessive_closes.add(possessive_at)
    return pairs, None


def _may_close_as_possessive(text: str, i: int, start: int, end: int) -> bool:
    return (
        text[i] in CLOSE_SINGLE + "'"
        and i > start
        and not text[i - 1].isspace()
        and _is_plural_possessive(text, i, end)
    )


def _drop_nested(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for pair in sorted(pairs):
        if kept and pair[1] <= kept[-1][1]:
            continue
        kept.append(pair)
    return kept


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The quoted words without surrounding blanks or the comma/period before the mark."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and text[end - 1] in TRAILING_PUNCT:
        end -= 0 if _ends_with_abbreviation(text, start, end) else 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ends_with_abbreviation(text: str, start: int, end: int) -> bool:
    # "U.S." and "..." keep their final period.
    return text[end - 1] == "." and end - start >= 3 and text[end - 3] == "."


def _has_words(text: str, start: int, end: int) -> bool:
    return any(ch.isalnum() for ch in text[start:end])


def _opens_paragraph(text: str, start: int, end: int) -> bool:
    return start < end and (text[start] in OPEN_DOUBLE or text[start] == '"')


def _opens_paragraph_single(text: str, start: int, end: int) -> bool:
    """ "‘I maintain ..." -- British copy runs a statement over paragraphs in single marks."""
    return start < end and _single_role(text, start, start, end) == "open"


def _opens_sentence(text: str, mark: int, para_start: int) -> bool:
    """Does the quote opening at `mark` begin a sentence of its own? Only such quotes run on
    over paragraphs; an unclosed mark mid-sentence is a typo."""
    first = next((ch for ch in text[mark + 1 : mark + 40] if ch.isalnum()), "")
    if not (first.isupper() or first.isdigit()):
        return False
    i = mark - 1
    while i >= para_start and text[i] in " \t":
        i -= 1
    return i < para_start or text[i] in SENTENCE_OPENERS


def _marks_view(text: str) -> str:
    """The text with DOUBLED_TYPEWRITER_MARKS read as curly marks, offsets unchanged."""
    for doubled, curly in _TYPEWRITER_PAIRS:
        text = text.replace(doubled, curly)
    return text


def _piece_rules(original: str, open_at: int, close_at: int | None, possessive: bool) -> tuple:
    rules = [QUOTE_MARKS if close_at is not None else RUN_ON_QUOTE]
    if original.startswith("``", open_at):
        rules.append(DOUBLED_TYPEWRITER_MARKS)
    if possessive:
        rules.append(POSSESSIVE_CLOSE)
    return tuple(rules)


def find_pieces(text: str) -> list[Piece]:
    """Every run of quoted words in the text, in order.

    RUN_ON_QUOTE: a quote opening a sentence may run over paragraphs, each opening with a
    mark (double or, in British copy, single) and only the last one closing. Its last
    paragraph is kept even when its closing mark is missing (or the excerpt ends there).
    """
    original, text = text, _marks_view(text)
    possessive_closes: set[int] = set()
    paragraphs = [(m.start(), m.end()) for m in PARAGRAPHS.finditer(text)]
    pieces: list[Piece] = []
    ran_on = False  # did the previous paragraph's quote run on into this one?
    for index, (start, end) in enumerate(paragraphs):
        doubles, dangling = _pair_double(text, start, end)
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        next_opens = following is not None and _opens_paragraph(text, *following)
        runs_on = (
            dangling
            if dangling is not None
            and (next_opens or (ran_on and dangling == start))
            and _opens_sentence(text, dangling, start)
            else None
        )
        inside = doubles + [(runs_on, end)] if runs_on is not None else doubles
        next_opens_single = following is not None and _opens_paragraph_single(text, *following)
        singles, single_runs_on = _pair_single(
            text,
            start,
            end,
            inside,
            possessive_closes,
            may_run_on=runs_on is None and (next_opens_single or ran_on),
        )
        if single_runs_on is not None and not next_opens_single and single_runs_on != start:
            single_runs_on = None
        pairs = _drop_nested(doubles + singles)
        runs: list[tuple[int, int | None]] = list(pairs)
        for open_at in (runs_on, single_runs_on):
            if open_at is not None and not any(a < open_at < b for a, b in pairs):
                runs.append((open_at, None))
        ran_on = False
        for open_at, close_at in sorted(runs, key=lambda r: r[0]):
            inner_start, inner_end = _trim(text, open_at + 1, end if close_at is None else close_at)
            if _has_words(text, inner_start, inner_end):
                possessive = close_at is not None and close_at in possessive_closes
                rules = _piece_rules(original, open_at, close_at, possessive)
                pieces.append(Piece(open_at, close_at, inner_start, inner_end, index, rules))
                ran_on = close_at is None
    return pieces
