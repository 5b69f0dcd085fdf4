"""Finding the counts in a sentence: runs of number words, ranges ("10 to 15") and
the qualifier before a count ("at least"), each as one CountPhrase."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..doc_facts import facts
from ..lexicon import casualty_words as cw
from ..numbers import (
    AT_LEAST,
    COUNT_WORDS,
    EXACT,
    MORE_THAN,
    NUMBER_WORDS,
    TENS,
    UNITS,
    VAGUE_PLURALS,
    Count,
    bounds,
    combine_qualifiers,
    digits_value,
    leading_qualifier,
    range_count,
    resolve_count,
    trailing_at_least,
)


@dataclass(frozen=True, slots=True)
class CountPhrase:
    """A count in a sentence: token indices [start, end) of the number words,
    [q_start, end) including its qualifier, and the resolved Count."""

    start: int
    end: int
    q_start: int
    count: Count


def count_phrases(sent: Span) -> list[CountPhrase]:
    """The counts in `sent`, each with its qualifier; ranges come out as one phrase."""
    groups = _number_groups(sent)
    phrases: list[CountPhrase] = []
    skip_next = False
    for index, (start, end) in enumerate(groups):
        if skip_next:
            skip_next = False
            continue
        words = [t.text for t in sent.doc[start:end]]
        resolved = resolve_count(words)
        if resolved is None:
            continue
        value, implied = resolved
        following = groups[index + 1] if index + 1 < len(groups) else None
        high = _range_end(sent, start, end, following)
        if high is not None and following is not None:  # a high end implies a following count
            phrases.append(CountPhrase(*_range_phrase(sent, start, following, value, high)))
            skip_next = True
            continue
        q_start, stated = _qualifier_before(sent, start)
        if stated is None and _passes(sent, q_start):
            stated = MORE_THAN  # "the toll had passed 90", "topped 300"
        trailing = trailing_at_least(_words(sent.doc, end, end + 2, sent.end))
        qualifier = combine_qualifiers(stated, implied)
        if trailing and qualifier == EXACT:
            qualifier = AT_LEAST
        phrases.append(CountPhrase(start, end + trailing, q_start, bounds(value, qualifier)))
    return phrases


def _number_groups(sent: Span) -> list[tuple[int, int]]:
    """Token index ranges [start, end) of runs of number words in `sent`."""
    doc = sent.doc
    lowers = facts(doc).lowers
    groups: list[tuple[int, int]] = []
    i = sent.start
    while i < sent.end:
        start = _group_start(lowers, i, sent.end)
        if start is None:
            i += 1
            continue
        end = _group_end(doc, start, sent.end)
        groups.append((start, end))
        i = end
    return groups


def _group_start(lowers: Sequence[str], i: int, limit: int) -> int | None:
    word = lowers[i]
    nxt = lowers[i + 1] if i + 1 < limit else ""
    if word in ("a", "an") and nxt in (
        "hundred",
        "thousand",
        "million",
        "dozen",
        "score",
        "handful",
        "few",
    ):
        if nxt == "few" and (i + 2 >= limit or lowers[i + 2] != "dozen"):
            return None
        return i
    if word in ("several", "few") and nxt == "dozen":
        return i
    if word in COUNT_WORDS and word not in ("score", "handful", "dozen"):
        return i
    if digits_value(word) is not None:
        return i
    return None


def _group_end(doc: Doc, start: int, limit: int) -> int:
    i = start + 1
    if doc[start].lower_ in ("a", "an", "several", "few"):
        i = start + 2 if doc[start + 1].lower_ != "few" else start + 3
        i = min(i, limit)
    while i < limit:
        word = doc[i].lower_
        prev = doc[i - 1].lower_
        if word in cw.SCALE_WORDS:
            i += 1  # a scale word: "two hundred", "1.5 million"
        elif word in NUMBER_WORDS and prev in cw.COMPOUND_NUMBER_LEFT:
            i += 1  # "twenty five", "hundred five"
        elif word == "-" and prev in TENS and i + 1 < limit and doc[i + 1].lower_ in UNITS:
            i += 2  # "twenty-five"
        elif (
            word == "and"
            and prev in ("hundred", "thousand")
            and i + 1 < limit
            and doc[i + 1].lower_ in NUMBER_WORDS
        ):
            i += 1
        elif (
            word == "of"
            and prev in VAGUE_PLURALS
            and i + 1 < limit
            and doc[i + 1].lower_ in VAGUE_PLURALS
        ):
            i += 2  # "tens of thousands"
        else:
            break
    return min(i, limit)


def _range_end(sent: Span, start: int, end: int, following: tuple[int, int] | None) -> int | None:
    """The high end of "between 10 and 15", "10 to 15", "10-15", "three or four"."""
    if following is None or following[0] != end + 1:
        return None
    doc = sent.doc
    link = doc[end].lower_
    before = doc[start - 1].lower_ if start > sent.start else ""
    if link == "and" and before != "between":
        return None
    # "rose from 115 to 133" is an update, not a range.
    if link == "to" and before == "from":
        return None
    if link not in ("and", "to", "-", "–", "or"):
        return None
    resolved = resolve_count([t.text for t in doc[following[0] : following[1]]])
    low = resolve_count([t.text for t in doc[start:end]])
    if resolved is None or low is None or resolved[0] <= low[0]:
        return None
    return resolved[0]


def _range_phrase(
    sent: Span, start: int, following: tuple[int, int], low: int, high: int
) -> tuple[int, int, int, Count]:
    q_start = start
    if start > sent.start and sent.doc[start - 1].lower_ in ("between", "from"):
        q_start = start - 1
    return start, following[1], q_start, range_count(low, high)


def _passes(sent: Span, start: int) -> bool:
    """A verb of going beyond right before the count: "passed", "topped", "exceeded"."""
    if start <= sent.start:
        return False
    verb = sent.doc[start - 1]
    return verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in cw.EXCEEDING_VERBS


def _qualifier_before(sent: Span, start: int) -> tuple[int, str | None]:
    words = _words(sent.doc, max(sent.start, start - 4), start, sent.end)
    found = leading_qualifier(words)
    if found is None:
        return start, None
    qualifier, size = found
    return start - size, qualifier


def _words(doc: Doc, start: int, end: int, limit: int) -> list[str]:
    return [t.text for t in doc[max(start, 0) : min(end, limit)]]


def is_count_token(token: Token) -> bool:
    return digits_value(token.lower_) is not None or token.lower_ in NUMBER_WORDS
