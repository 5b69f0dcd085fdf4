"""Number words, vague quantities and qualifiers (service/nlp/numbers.py)."""

import pytest

from service.nlp.numbers import (
    Count,
    bounds,
    digits_value,
    leading_qualifier,
    lower_bound,
    range_count,
    resolve_count,
    trailing_at_least,
    vague_count,
    words_to_int,
)
from tests.unit.tables import rule


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        *rule("digits", ("60", 60), ("1,500", 1500), ("10,000", 10000)),
        *rule("number words", ("sixty", 60), ("Sixty", 60)),
        *rule("compound number words", ("twenty - five", 25), ("twenty five", 25)),
        *rule(
            "hundreds and thousands",
            ("a hundred", 100),
            ("one hundred and five", 105),
            ("two hundred", 200),
            ("three thousand", 3000),
        ),
        *rule("millions", ("1.5 million", 1_500_000), ("2 million", 2_000_000)),
        *rule("lakhs and crores", ("2 lakh", 200_000), ("1.5 crore", 15_000_000)),
        *rule("Indian digit grouping", ("1,68,491", 168_491)),
        *rule("dozens", ("two dozen", 24)),
        *rule("number words", ("eleven", 11)),
        *rule(
            "not a number",
            ("people", None),
            ("sixty people", None),
            ("", None),
            ("60 70", None),
        ),
    ],
)
def test_words_to_int(words, expected):
    assert words_to_int(words.split()) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        *rule(
            "vague plurals",
            ("dozens", (24, "at_least")),
            ("hundreds", (200, "at_least")),
            ("thousands", (2000, "at_least")),
            ("scores", (40, "at_least")),
        ),
        *rule(
            "tens and hundreds of thousands",
            ("tens of thousands", (20000, "at_least")),
            ("hundreds of thousands", (200000, "at_least")),
        ),
        *rule("a dozen, a handful", ("a dozen", (12, "about")), ("a handful", (3, "about"))),
        *rule(
            "several and a few dozen",
            ("several dozen", (24, "at_least")),
            ("a few dozen", (24, "at_least")),
        ),
        *rule("exact numbers are not vague", ("a hundred", None), ("sixty", None)),
    ],
)
def test_vague_count(words, expected):
    assert vague_count(words.split()) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        *rule("number words are exact", ("sixty", (60, "exact"))),
        *rule("vague counts", ("dozens", (24, "at_least")), ("a dozen", (12, "about"))),
        *rule("digits are exact", ("3,000", (3000, "exact"))),
        *rule("not a count", ("cattle", None)),
    ],
)
def test_resolve_count(words, expected):
    assert resolve_count(words.split()) == expected


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        *rule(
            "at least",
            ("killed at least", ("at_least", 2)),
            ("no fewer than", ("at_least", 3)),
            ("no less than", ("at_least", 3)),
        ),
        *rule(
            "more than",
            ("injured more than", ("more_than", 2)),
            ("injured over", ("more_than", 1)),
            ("upwards of", ("more_than", 2)),
            ("well over", ("more_than", 2)),
        ),
        *rule(
            "about",
            ("about", ("about", 1)),
            ("around", ("about", 1)),
            ("some", ("about", 1)),
            ("approximately", ("about", 1)),
            ("roughly", ("about", 1)),
            ("an estimated", ("about", 2)),
        ),
        *rule("nearly", ("nearly", ("nearly", 1)), ("almost", ("nearly", 1))),
        *rule(
            "up to",
            ("up to", ("up_to", 2)),
            ("as many as", ("up_to", 3)),
            ("no more than", ("up_to", 3)),
        ),
        *rule("no qualifier", ("killing", None), ("", None)),
    ],
)
def test_leading_qualifier(before, expected):
    assert leading_qualifier(before.split()) == expected


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        *rule("or more, plus", ("or more people", 2), ("plus", 1)),
        *rule("nothing after", ("people were", 0), ("", 0)),
    ],
)
def test_trailing_at_least(after, expected):
    assert trailing_at_least(after.split()) == expected


@pytest.mark.parametrize(
    ("value", "qualifier", "expected"),
    [
        *rule(
            "each qualifier",
            (60, "exact", Count(60, 60, 60, "exact", False)),
            (60, "at_least", Count(60, 60, None, "at_least", False)),
            (145, "more_than", Count(145, 146, None, "more_than", False)),
            (150, "nearly", Count(150, None, 149, "nearly", True)),
            (130, "about", Count(130, None, None, "about", True)),
            (6000, "up_to", Count(6000, None, 6000, "up_to", False)),
        ),
        *rule("zero", (0, "exact", Count(0, 0, 0, "exact", False))),
    ],
)
def test_bounds(value, qualifier, expected):
    assert bounds(value, qualifier) == expected


def test_range_count_orders_its_ends():
    assert range_count(15, 10) == Count(10, 10, 15, "at_least", False)


@pytest.mark.parametrize(
    ("count_min", "value", "expected"),
    [
        *rule("the count's minimum", (146, 145, 146)),
        *rule("no minimum, the value", (None, 150, 150)),
        *rule("minimum and value agree", (60, 60, 60)),
    ],
)
def test_lower_bound(count_min, value, expected):
    assert lower_bound(count_min, value) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        *rule("plain digits", ("1,500", 1500.0), ("60", 60.0), ("1.5", 1.5)),
        *rule("words are not digits", ("sixty", None)),
        *rule("bad grouping", ("1,50", None)),
        *rule(
            "Indian digit grouping",
            ("1,68,491", 168491.0),
            ("12,34,56,789", 123456789.0),
            ("15,00,000", 1500000.0),
        ),
        *rule("bad Indian grouping", ("1,6,491", None), ("1,68,49", None)),
        *rule("a huge token", ("1" * 5000, None)),
    ],
)
def test_digits_value(word, expected):
    assert digits_value(word) == expected


def test_digits_value_ignores_a_huge_token():
    assert digits_value("9" * 2_000_000) is None
