"""Counts as news states them: number words, vague quantities and qualifiers.

Everything here works on lower-cased words (one word per list item, the way a
tokenizer splits them), so it is independent of spaCy and easy to test.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

EXACT = "exact"
AT_LEAST = "at_least"
MORE_THAN = "more_than"
ABOUT = "about"
NEARLY = "nearly"
UP_TO = "up_to"
QUALIFIERS = (EXACT, AT_LEAST, MORE_THAN, ABOUT, NEARLY, UP_TO)

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100,
    "thousand": 1000,
    "lakh": 100_000,  # Indian English: "2 lakh" is 200,000, "1.5 crore" 15 million
    "lakhs": 100_000,
    "million": 1_000_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
    "billion": 1_000_000_000,
}
# "a dozen" is a count word in its own right; "two dozen" multiplies it.
DOZEN = {"dozen": 12, "score": 20}

# A plural used as a count says "several of these": the rubric reads it as two
# of the unit and a lower bound ("dozens" 24 at_least, "hundreds" 200 at_least).
VAGUE_PLURALS = {
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 1_000_000,
    "tens": 10,
}
HANDFUL = 3

NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | frozenset(DOZEN)
COUNT_WORDS = NUMBER_WORDS | frozenset(VAGUE_PLURALS) | {"handful"}

# Western grouping ("1,500,000"), Indian grouping in lakhs and crores ("15,00,000"),
# or no grouping at all.
_DIGITS = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?"
)
_MAX_DIGITS_WORD = 24

# Phrases before a number, longest first within each qualifier so that
# "no more than" is not read as "more than".
_LEADING_QUALIFIERS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("no", "more", "than"), UP_TO),
    (("not", "more", "than"), UP_TO),
    (("no", "fewer", "than"), AT_LEAST),
    (("no", "less", "than"), AT_LEAST),
    (("not", "less", "than"), AT_LEAST),
    (("not", "fewer", "than"), AT_LEAST),
    (("a", "minimum", "of"), AT_LEAST),
    (("at", "least"), AT_LEAST),
    (("at", "most"), UP_TO),
    (("a", "maximum", "of"), UP_TO),
    (("upwards", "of"), MORE_THAN),
    (("upward", "of"), MORE_THAN),
    (("in", "excess", "of"), MORE_THAN),
    (("more", "than"), MORE_THAN),
    (("over",), MORE_THAN),
    (("above",), MORE_THAN),
    (("fewer", "than"), NEARLY),
    (("less", "than"), NEARLY),
    (("under",), NEARLY),
    (("close", "to"), NEARLY),
    (("nearly",), NEARLY),
    (("almost",), NEARLY),
    (("as", "many", "as"), UP_TO),
    (("up", "to"), UP_TO),
    (("an", "estimated"), ABOUT),
    (("estimated",), ABOUT),
    (("approximately",), ABOUT),
    (("roughly",), ABOUT),
    (("around",), ABOUT),
    (("about",), ABOUT),
    (("some",), ABOUT),
    (("approx",), ABOUT),
    (("circa",), ABOUT),
)
# Words that only sharpen a qualifier ("just over", "well over").
_INTENSIFIERS = frozenset({"just", "well", "slightly", "far"})
_TRAILING_AT_LEAST = (("or", "more"), ("plus",), ("+",), ("and", "more"), ("and", "counting"))


@dataclass(frozen=True, slots=True)
class Count:
    """A resolved count: the stated value and the bounds its wording implies."""

    value: int
    min: int | None
    max: int | None
    qualifier: str
    approximate: bool


def digits_value(word: str) -> float | None:
    """The value of "1,500", "60" or "1.5"; None for anything else."""
    if len(word) > _MAX_DIGITS_WORD or not _DIGITS.fullmatch(word):
        return None
    return float(word.replace(",", ""))


def words_to_int(words: Sequence[str]) -> int | None:
    """The integer named by `words`, e.g. ["one", "hundred", "and", "five"] -> 105.

    Accepts digits ("1,500"), digits with a scale ("1.5", "million"), number
    words joined by spaces, hyphens or "and", and a leading "a"/"an" before a
    scale ("a hundred"). Returns None when the words are not a number.
    """
    parts = [w.lower() for w in words if w not in ("-", "and")]
    if parts and parts[0] in ("a", "an") and len(parts) > 1:
        parts[0] = "one"
    if not parts:
        return None
    total = 0.0
    current = 0.0
    seen_number = False
    for word in parts:
        number = digits_value(word)
        if number is not None:
            if seen_number and current:
                return None
            current += number
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in DOZEN:
            current = (current or 1) * DOZEN[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0.0
        else:
            return None
        seen_number = True
    value = total + current
    return int(round(value))


def vague_count(words: Sequence[str]) -> tuple[int, str] | None:
    """Resolve a vague quantity ("dozens", "tens of thousands", "a dozen", "a handful").

    Returns (value, qualifier) or None when the words are not a vague quantity.
    """
    parts = [w.lower() for w in words if w != "of"]
    if parts[:2] == ["a", "few"]:
        parts = parts[1:]
    if not parts:
        return None
    if parts[0] in ("a", "an"):
        rest = parts[1:]
        if rest == ["dozen"]:
            return 12, ABOUT
        if rest == ["score"]:
            return 20, ABOUT
        if rest == ["handful"]:
            return HANDFUL, ABOUT
        return None
    if parts == ["handful"]:
        return HANDFUL, ABOUT
    if parts[0] in ("several", "few") and len(parts) == 2 and parts[1] in DOZEN:
        return 2 * DOZEN[parts[1]], AT_LEAST
    if all(p in VAGUE_PLURALS for p in parts):
        value = 2
        for part in parts:
            value *= VAGUE_PLURALS[part]
        return value, AT_LEAST
    return None


def resolve_count(words: Sequence[str]) -> tuple[int, str] | None:
    """(value, implied qualifier) of a count phrase: exact numbers or vague quantities."""
    vague = vague_count(words)
    if vague is not None:
        return vague
    value = words_to_int(words)
    if value is None:
        return None
    return value, EXACT


def leading_qualifier(words_before: Sequence[str]) -> tuple[str, int] | None:
    """The qualifier that the words just before a number end with, and its length.

    `words_before` are the words preceding the number, in text order; only the
    last few matter. "just"/"well" before a qualifier are counted in.
    """
    lowered = [w.lower() for w in words_before[-4:]]
    for phrase, qualifier in _LEADING_QUALIFIERS:
        size = len(phrase)
        if tuple(lowered[-size:]) == phrase:
            if len(lowered) > size and lowered[-size - 1] in _INTENSIFIERS:
                size += 1
            return qualifier, size
    return None


def trailing_at_least(words_after: Sequence[str]) -> int:
    """Length of an "or more" / "-plus" after a number, 0 when there is none."""
    lowered = tuple(w.lower() for w in words_after[:2])
    for phrase in _TRAILING_AT_LEAST:
        if lowered[: len(phrase)] == phrase:
            return len(phrase)
    return 0


def combine_qualifiers(stated: str | None, implied: str) -> str:
    """The qualifier of "<stated> <count>", e.g. "more than" + "a dozen" -> more_than."""
    if stated is None:
        return implied
    return stated


def bounds(value: int, qualifier: str) -> Count:
    """The Count for `value` stated with `qualifier` (API.md's min/max rules)."""
    if qualifier == EXACT:
        return Count(value, value, value, EXACT, False)
    if qualifier == AT_LEAST:
        return Count(value, value, None, AT_LEAST, False)
    if qualifier == MORE_THAN:
        return Count(value, value + 1, None, MORE_THAN, False)
    if qualifier == NEARLY:
        return Count(value, None, max(value - 1, 0), NEARLY, True)
    if qualifier == UP_TO:
        return Count(value, None, value, UP_TO, False)
    return Count(value, None, None, ABOUT, True)


def range_count(low: int, high: int) -> Count:
    """A range "between 10 and 15": value and min the low end, max the high end."""
    low, high = min(low, high), max(low, high)
    return Count(low, low, high, AT_LEAST, False)


def lower_bound(count_min: int | None, value: int) -> int:
    """A figure's lower bound: its min when set, else its value."""
    return value if count_min is None else count_min
