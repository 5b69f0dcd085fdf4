"""Property tests: on any text, every extractor returns spans that slice the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.nlp.analyze import analyze
from service.nlp.text import clean_text

WORDS = [
    "killed",
    "injured",
    "missing",
    "dead",
    "wounded",
    "at least",
    "more than",
    "nearly",
    "about",
    "dozens",
    "hundreds",
    "sixty",
    "twenty-three",
    "1,200",
    "60",
    "145",
    "0",
    "said",
    "told",
    "according to",
    "he",
    "she",
    "officials",
    "Police",
    "Mayor Ann Lee",
    "Lee",
    "the Kremlin",
    "U.S.",
    "ISIS",
    "Islamic State",
    "Moscow",
    "people",
    "were",
    "was",
    "in",
    "on",
    "Friday",
    "2004",
    "ago",
    "no one",
    "hurt",
    ".",
    ",",
    ";",
    "—",
    "-",
    "(AP)",
    "By",
    "PHOTO:",
    "\n",
    "\n\n",
    '"',
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    "'",
    "\u00ab",
    "\u00bb",
    "'s",
    "...",
    "!",
    "?",
    "x" * 80,
    "\u00a0",
    "\t",
]

texts = st.lists(st.sampled_from(WORDS), max_size=120).map(" ".join) | st.text(max_size=300)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=texts)
def test_every_span_slices_the_text(nlp, raw):
    text = clean_text(raw)
    doc = nlp(text)
    assert doc.text == text
    result = analyze(doc)
    for figure in result.figures:
        assert text[figure.start : figure.end] == figure.text
    for quote in result.quotes:
        for span in quote.spans:
            assert text[span.start : span.end] == span.text
    for entity in result.entities:
        for span in entity.spans:
            assert text[span.start : span.end] == span.text
    for summary in result.summaries:
        for sentence in summary:
            assert text[sentence.start : sentence.end] == sentence.text
    assert "\n" not in result.brief
