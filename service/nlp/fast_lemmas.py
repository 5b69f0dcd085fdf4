"""spaCy's rule lemmatizer, applied per distinct (word, POS, morphology) instead of per token.

The stock component walks every token in Python (a Token object, a cache key, a
string write each), about 3 ms per 1,000 tokens. Its result depends only on the
token's text, POS and morphology, which is exactly the key its own cache uses; so
this component reads those columns with one `Doc.to_array`, asks the stock
lemmatizer once per combination not seen before, and writes every lemma back with
one `Doc.from_array`. As in the stock component (overwrite=False), tokens that
already have a lemma (the attribute ruler sets a few) keep it.
"""

from __future__ import annotations

from typing import cast

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc
from thinc.types import Ints2d

# A long-running service sees an open-ended vocabulary; start over rather than grow forever.
_MAX_CACHED = 200_000


class FastLemmatizer:
    """Sets token.lemma like `stock` (a rule-mode Lemmatizer), in two array passes."""

    def __init__(self, name: str = "lemmatizer") -> None:
        self.name = name
        self.stock: Lemmatizer | None = None
        self._lemma_by_key: dict[tuple[int, int, int], int] = {}

    def use(self, stock: Lemmatizer) -> None:
        self.stock = stock
        self._lemma_by_key.clear()

    def __call__(self, doc: Doc) -> Doc:
        if self.stock is None:
            raise RuntimeError("FastLemmatizer needs use(stock_lemmatizer) before it runs")
        if not len(doc):
            return doc
        columns = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = columns[:, 3].copy()
        strings = doc.vocab.strings
        known = self._lemma_by_key
        if len(known) > _MAX_CACHED:
            known.clear()
        for i, (orth, pos, morph, lemma) in enumerate(columns.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            value = known.get(key)
            if value is None:
                value = strings.add(self.stock.lemmatize(doc[i])[0])
                known[key] = value
            lemmas[i] = value
        # spaCy's stub types to_array's result as float64; it is uint64 ids.
        doc.from_array([LEMMA], cast("Ints2d", lemmas.reshape(-1, 1)))
        return doc

    # spaCy (de)serialises components with the pipeline; the stock one holds the tables.
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> FastLemmatizer:
        return self

    def to_disk(self, path, **kwargs) -> None:
        pass

    def from_disk(self, path, **kwargs) -> FastLemmatizer:
        return self


@Language.factory("fast_lemmatizer")
def make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    """An empty component; give it the stock lemmatizer with `use(stock)`."""
    return FastLemmatizer(name)


def replace_lemmatizer(nlp: Language, name: str = "lemmatizer") -> bool:
    """Swap the stock rule lemmatizer `name` for a FastLemmatizer in the same position.
    False (pipeline untouched) if there is none, or it is not a plain rule lemmatizer."""
    if name not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(name)
    if not isinstance(stock, Lemmatizer) or stock.mode != "rule" or stock.overwrite:
        return False
    fast = cast(FastLemmatizer, nlp.replace_pipe(name, "fast_lemmatizer"))
    fast.use(stock)
    return True
