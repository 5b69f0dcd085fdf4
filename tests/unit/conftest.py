"""Unit-test fixtures: the spaCy pipeline, loaded once per test session."""

import pytest

from service.nlp.pipeline import load_pipeline
from service.nlp.text import clean_text


@pytest.fixture(scope="session")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="session")
def parse(nlp):
    """Parse a text the way the service does (cleaned first, as it is stored)."""

    def _parse(text: str):
        return nlp(clean_text(text))

    return _parse
