"""The tokenizer guard: spaCy's tokenizer never sees a whitespace-free run over LONG_RUN.

spaCy re-scans such a run once per prefix or suffix it splits off, which is
quadratic in the run's length; the guard slices long runs first, keeping the
Doc's text (and so every offset) exactly the input.
"""

from __future__ import annotations

import re

import pytest

from service.nlp.pipeline import LONG_RUN, GuardedTokenizer


class RecordingTokenizer:
    """spaCy's tokenizer, remembering every text it was given."""

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer
        self.seen: list[str] = []
        self.vocab = tokenizer.vocab

    def __call__(self, text: str):
        self.seen.append(text)
        return self.tokenizer(text)


@pytest.fixture
def guarded(nlp):
    inner = nlp.tokenizer.tokenizer if isinstance(nlp.tokenizer, GuardedTokenizer) else None
    recorder = RecordingTokenizer(inner or nlp.tokenizer)
    return GuardedTokenizer(recorder), recorder


@pytest.mark.parametrize(
    "text",
    [
        '"' * 5_000,
        "\u201c" * 3_000 + " she said.",
        "Report: " + "y" * 10_000 + " ends here.",
        "a-b" * 2_000 + "\n\nFire killed 3 people.",
        "https://example.com/" + "x/" * 1_000,
        "Flood killed 12 people on Tuesday, officials said.",
        "",
    ],
    ids=["quote-marks", "curly-quotes", "long-word", "hyphens", "url", "plain", "empty"],
)
def test_no_long_run_reaches_spacy_and_the_text_is_kept(guarded, text):
    tokenizer, recorder = guarded
    doc = tokenizer(text)
    assert doc.text == text
    longest = max((len(m) for t in recorder.seen for m in re.findall(r"\S+", t)), default=0)
    assert longest <= LONG_RUN


def test_plain_text_goes_to_spacy_untouched(guarded):
    tokenizer, recorder = guarded
    text = "Rescuers pulled 14 survivors from the rubble, the agency said."
    assert [t.text for t in tokenizer(text)] == [t.text for t in recorder.tokenizer(text)]
    assert recorder.seen == [text]
