"""spaCy's AttributeRuler, applied with dict lookups instead of the Matcher.

The stock ruler runs ~180 Matcher patterns over every token and sets each
match through a Span, which costs about a tenth of the whole parse. Almost all
of its patterns are one or two tokens of equality/IN/NOT_IN/REGEX tests on
TAG, LOWER, DEP and IS_SPACE, so which patterns a token satisfies depends only
on a few of its attributes: that answer is cached per distinct combination and
the assignments are written back with one `Doc.from_array`.

Semantics follow `AttributeRuler.match` / `set_annotations` exactly: every
pattern is matched against the annotations as they were before the component
ran; matches are applied in the order the patterns were added, so a later
pattern overwrites the attributes an earlier one set on the same token; the
token assigned is `index` within the matched span. A pattern using anything
else (operators, other attributes, extension attributes) is matched by spaCy's
own Matcher instead, and `supports` refuses rulers whose assignments this
component cannot write, so `load_pipeline` keeps the stock ruler for those.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.pipeline.attributeruler import MatcherPatternType
from spacy.tokens import Doc
from spacy.vocab import Vocab
from thinc.types import Ints2d

# The token attributes a compiled pattern may test, in the column order of the
# feature array read from each Doc. IS_SPACE is a flag (0/1); the rest are
# string ids, decoded to strings only when a new combination is first seen.
_TESTED = ("TAG", "LOWER", "DEP", "IS_SPACE")
_TESTED_IDS = [TAG, LOWER, DEP, IS_SPACE]
_FLAGS = {"IS_SPACE"}
# The attributes an assignment may set: all are plain per-token struct fields,
# so `Doc.from_array` writes them exactly as AttributeRuler's set_token_attrs does.
_WRITTEN_IDS = [POS, TAG, MORPH, LEMMA, DEP]
_WRITTEN_COLUMN = {attr: column for column, attr in enumerate(_WRITTEN_IDS)}

TokenView = tuple  # one token's _TESTED attributes, as strings / bools
TokenTest = Callable[[TokenView], bool]

# A long-running service sees an open-ended vocabulary; start over rather than grow forever.
_MAX_CACHED = 200_000


@dataclass(frozen=True, slots=True)
class _Sequence:
    """One compiled pattern of a rule: a test per token and the token it assigns to."""

    rule: int
    bits: tuple[int, ...]  # per pattern token, its bit in a token's match mask
    target: int  # offset of the assigned token from the start of the match


@dataclass(frozen=True, slots=True)
class _Token:
    """What the one-token patterns make of a combination of tested features."""

    mask: int  # bit i set: the i-th compiled token test holds
    rules: tuple[int, ...]  # rules whose one-token patterns match, in order
    writes: tuple[tuple[int, int], ...]  # (column, value) those rules assign


def supports(ruler: AttributeRuler) -> bool:
    """Whether every assignment of `ruler` is one this component can write."""
    return all("_" not in attrs and set(attrs) <= set(_WRITTEN_IDS) for attrs in ruler.attrs)


def _value_test(column: int, attr: str, condition: object) -> TokenTest | None:
    """A test of one attribute against a pattern condition, or None if unsupported."""
    if attr in _FLAGS:
        if isinstance(condition, bool):
            return lambda view: view[column] == condition
        return None
    if isinstance(condition, str):
        return lambda view: view[column] == condition
    if not isinstance(condition, dict) or len(condition) != 1:
        return None
    ((operator, operand),) = condition.items()
    if operator in ("IN", "NOT_IN") and all(isinstance(v, str) for v in operand):
        members = frozenset(operand)
        if operator == "IN":
            return lambda view: view[column] in members
        return lambda view: view[column] not in members
    if operator == "REGEX" and isinstance(operand, str):
        # The Matcher uses re.search on the attribute's string.
        search = re.compile(operand).search
        return lambda view: search(view[column]) is not None
    return None


def _token_test(spec: dict) -> TokenTest | None:
    """A test of one pattern token (all its conditions), or None if unsupported."""
    tests: list[TokenTest] = []
    for attr, condition in spec.items():
        if attr not in _TESTED:
            return None
        test = _value_test(_TESTED.index(attr), attr, condition)
        if test is None:
            return None
        tests.append(test)
    return lambda view: all(test(view) for test in tests)


class FastAttributeRuler:
    """Sets token attributes from AttributeRuler patterns, with identical results."""

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler") -> None:
        self.vocab = vocab
        self.name = name
        self._tests: list[TokenTest] = []  # bit i of a token's mask: _tests[i](token)
        self._single_bits: list[tuple[int, int]] = []  # (bit, rule) of one-token patterns
        self._sequences: list[_Sequence] = []  # patterns of two tokens or more
        self._assignments: list[dict[int, int]] = []  # per rule: attr id -> value
        self._indices: list[int] = []  # per rule: its `index`
        self._first_bits = 0  # union of the first-token bits of every sequence
        self._fallback = Matcher(vocab)
        self._has_fallback = False
        self._token_by_features: dict[tuple, _Token] = {}
        self._writes_by_rules: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}

    def add_patterns(self, ruler: AttributeRuler) -> None:
        """Compile every pattern of `ruler`, keeping its order (later rules win)."""
        if not supports(ruler):
            raise ValueError("the attribute ruler sets attributes FastAttributeRuler cannot")
        for rule, (entry, attrs) in enumerate(zip(ruler.patterns, ruler.attrs, strict=True)):
            # spaCy types each entry's values as a union of all of them.
            index = cast(int, entry["index"])
            patterns = cast("list[MatcherPatternType]", entry["patterns"])
            self._assignments.append(dict(attrs))
            self._indices.append(index)
            for pattern in patterns:
                self._add_pattern(rule, pattern, index)
        self._clear_caches()

    def _add_pattern(self, rule: int, pattern: Sequence[dict], index: int) -> None:
        target = index if index >= 0 else len(pattern) + index
        if not 0 <= target < len(pattern):
            raise ValueError(f"index {index} is outside the pattern {pattern!r}")
        tests = [_token_test(spec) for spec in pattern]
        if any(test is None for test in tests):
            self._fallback.add(str(rule), [list(pattern)])
            self._has_fallback = True
            return
        bits = []
        for test in cast("list[TokenTest]", tests):  # none is None (checked above)
            bits.append(1 << len(self._tests))
            self._tests.append(test)
        if len(bits) == 1:
            self._single_bits.append((bits[0], rule))
        else:
            self._sequences.append(_Sequence(rule=rule, bits=tuple(bits), target=target))
            self._first_bits |= bits[0]

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        if len(self._token_by_features) > _MAX_CACHED:
            self._clear_caches()
        features = doc.to_array(_TESTED_IDS).T.tolist()
        cached = self._token_by_features
        tokens = [cached.get(key) or self._describe(key) for key in zip(*features, strict=True)]
        writes = [token.writes for token in tokens]
        for i, rules in self._multi_token_rules(doc, tokens).items():
            writes[i] = self._writes(tuple(sorted(rules.union(tokens[i].rules))))
        rows = doc.to_array(_WRITTEN_IDS).tolist()
        for row, token_writes in zip(rows, writes, strict=True):
            for column, value in token_writes:
                row[column] = value
        doc.from_array(_WRITTEN_IDS, cast("Ints2d", numpy.array(rows, dtype=numpy.uint64)))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)

    def _multi_token_rules(self, doc: Doc, tokens: list[_Token]) -> dict[int, set[int]]:
        """Rules matched by patterns longer than one token (or by the Matcher), by token."""
        found: dict[int, set[int]] = {}
        # Sequences are rare (contractions, "there is"): only visit tokens that can start one.
        masks = [token.mask for token in tokens]
        starts = [i for i, mask in enumerate(masks) if mask & self._first_bits]
        for start in starts:
            for sequence in self._sequences:
                end = start + len(sequence.bits)
                if end <= len(masks) and all(
                    masks[start + j] & bit for j, bit in enumerate(sequence.bits)
                ):
                    found.setdefault(start + sequence.target, set()).add(sequence.rule)
        if self._has_fallback:
            for match_id, start, end in self._fallback(doc, allow_missing=True):
                rule = int(self.vocab.strings[match_id])
                target = self._fallback_target(rule, end - start)
                found.setdefault(start + target, set()).add(rule)
        return found

    def _fallback_target(self, rule: int, width: int) -> int:
        index = self._indices[rule]
        target = index if index >= 0 else width + index
        if not 0 <= target < width:
            raise ValueError(f"index {index} is outside a match of {width} tokens")
        return target

    def _describe(self, key: tuple) -> _Token:
        """Evaluate every one-token test on a combination of features not seen before."""
        view = self._view(key)
        mask = 0
        for bit_number, test in enumerate(self._tests):
            if test(view):
                mask |= 1 << bit_number
        rules = tuple(sorted({rule for bit, rule in self._single_bits if mask & bit}))
        token = _Token(mask=mask, rules=rules, writes=self._writes(rules))
        self._token_by_features[key] = token
        return token

    def _view(self, key: tuple) -> TokenView:
        strings = self.vocab.strings
        return tuple(
            bool(value) if attr in _FLAGS else strings[value]
            for attr, value in zip(_TESTED, key, strict=True)
        )

    def _writes(self, rules: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """(column, value) to write for a token matched by `rules`: the last rule setting
        an attribute wins, as when AttributeRuler applies its sorted matches in turn."""
        writes = self._writes_by_rules.get(rules)
        if writes is None:
            merged: dict[int, int] = {}
            for rule in rules:
                merged.update(self._assignments[rule])
            writes = tuple((_WRITTEN_COLUMN[attr], value) for attr, value in merged.items())
            self._writes_by_rules[rules] = writes
        return writes

    def _clear_caches(self) -> None:
        self._token_by_features.clear()
        self._writes_by_rules.clear()


@Language.factory("fast_attribute_ruler")
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """An empty ruler; fill it with `add_patterns(stock_ruler)`."""
    return FastAttributeRuler(nlp.vocab, name=name)


def replace_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Swap the stock ruler `name` for a FastAttributeRuler built from its patterns,
    in the same position. False (pipeline untouched) if there is none or it is unsupported."""
    if name not in nlp.pipe_names:
        return False
    stock = nlp.get_pipe(name)
    if not isinstance(stock, AttributeRuler) or not supports(stock):
        return False
    fast = cast(FastAttributeRuler, nlp.replace_pipe(name, "fast_attribute_ruler"))
    fast.add_patterns(stock)
    return True
