"""The extractors' work grows linearly with the text, even on pathological input.

Each case is analysed at two sizes, n and 4n; linear work gives a ratio near 4,
quadratic work near 16. Work is counted in executed lines (tests/unit/work.py),
never timed.
"""

from __future__ import annotations

import pytest

from service.nlp.analyze import analyze
from service.nlp.quotes import extract_quotes
from tests.unit.work import python_steps

# Linear work scales by 4; the bound leaves room for per-text constants, none for n^2.
MAX_GROWTH = 6.0


@pytest.mark.parametrize(
    ("name", "unit", "count"),
    [
        ("quote marks", '"', 2_000),
        ("curly quotes", "\u201c", 2_000),
        ("unbalanced quote", 'The mayor said "we will rebuild. The river rose. ', 50),
        ("quotes and speakers", "“We are fine,” said Ola Berg. Police called it “minor.” ", 50),
        ("numbers", "Officials said 12, 15 or 40 people were killed and 7 injured. ", 50),
        ("names", "Maria Lopez met Daniel Okafor and Helen Ortiz in Port Calder. ", 50),
        ("one long word", "y", 5_000),
        ("scripts and emoji", "Floods 🌊 killed 7 people in Đà Nẵng, officials said. 洪水 ", 40),
    ],
)
def test_analysis_work_grows_linearly(parse, name, unit, count):
    small, large = parse(unit * count), parse(unit * count * 4)
    small_steps = python_steps(lambda: analyze(small))
    large_steps = python_steps(lambda: analyze(large))
    assert large_steps <= MAX_GROWTH * small_steps, (name, small_steps, large_steps)


def test_many_quotes_are_extracted_in_linear_work(parse):
    one = "“We are fine,” said Ola Berg. Police called it “a minor incident.” "
    small, large = parse(one * 50), parse(one * 200)
    small_steps = python_steps(lambda: extract_quotes(small))
    quotes = []
    large_steps = python_steps(lambda: quotes.extend(extract_quotes(large)))
    assert len(quotes) == 400
    assert large_steps <= MAX_GROWTH * small_steps
