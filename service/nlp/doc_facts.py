"""Doc properties spaCy rebuilds on every access, computed once per analysis.

`Doc.text` joins every token, `Doc.sents` and `Doc.ents` build new Spans, and
`doc[i]` / iterating a Doc make a new Token object each time. The extractors
ask for these again and again (per sentence, per count, per name), which was
most of analyze()'s time. Inside `facts_scope(doc)` (opened by analyze() and
by each extractor's entry point) `facts(doc)` hands out one shared, lazily
filled `DocFacts`; outside a scope it builds a throwaway one, so helpers are
still correct when called on their own. The scope ends with the analysis,
so nothing outlives the Doc it describes or sees it change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cached_property
from typing import TypeVar, cast

import numpy
from spacy.tokens import Doc, Span, Token

T = TypeVar("T")


class DocFacts:
    """Read-only views of one Doc, each computed on first use."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._derived: dict[str, object] = {}

    def derived(self, name: str, compute: Callable[[], T]) -> T:
        """A value an extractor computes from the Doc, shared with the others for the
        rest of the analysis (callers must treat it as read-only)."""
        if name not in self._derived:
            self._derived[name] = compute()
        return self._derived[name]  # type: ignore[return-value]

    @cached_property
    def text(self) -> str:
        return self.doc.text

    @cached_property
    def sentences(self) -> tuple[Span, ...]:
        return tuple(self.doc.sents)

    @cached_property
    def ents(self) -> tuple[Span, ...]:
        # spaCy's stub says Sequence; Doc.ents builds a tuple.
        return cast("tuple[Span, ...]", self.doc.ents)

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        return tuple(self.doc)

    @cached_property
    def lowers(self) -> tuple[str, ...]:
        return tuple(token.lower_ for token in self.tokens)

    @cached_property
    def heads(self) -> tuple[int, ...]:
        # From the HEAD column (offsets, unsigned) instead of one Token per `.head`.
        offsets = self.doc.to_array("HEAD").astype(numpy.int64)
        return tuple((offsets + numpy.arange(len(offsets))).tolist())


_current: ContextVar[DocFacts | None] = ContextVar("doc_facts", default=None)


@contextmanager
def facts_scope(doc: Doc) -> Iterator[DocFacts]:
    """Share one DocFacts for `doc` until the block ends (re-entrant for the same Doc)."""
    current = _current.get()
    if current is not None and current.doc is doc:
        yield current
        return
    shared = DocFacts(doc)
    token = _current.set(shared)
    try:
        yield shared
    finally:
        _current.reset(token)


def facts(doc: Doc) -> DocFacts:
    """The shared DocFacts of `doc` inside its scope, else a fresh one."""
    current = _current.get()
    if current is not None and current.doc is doc:
        return current
    return DocFacts(doc)


def ents_in(span: Span) -> list[Span]:
    """`span.ents`, from the shared entities: spaCy's builds a Span for every entity
    of the Doc on each call."""
    return [e for e in facts(span.doc).ents if e.start >= span.start and e.end <= span.end]
