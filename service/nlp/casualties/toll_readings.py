"""A count a toll stands at: "the death toll rose to 133", "put the number of deaths
at around 130", "a death toll of 60"."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicon import casualty_words as cw
from ..lexicon.casualty_words import INJURED, KILLED
from .casualty_predicates import Evidence, word_category
from .count_phrases import CountPhrase, is_count_token
from .token_tree import children, left_modifiers

_TOLL_WINDOW = 14


def toll_reading(sent: Span, phrase: CountPhrase) -> Evidence | None:
    """A count a toll is said to stand at: "the death toll rose to 133",
    "put the number of deaths at around 130", "a death toll of 60"."""
    doc = sent.doc
    if phrase.q_start <= sent.start or doc[phrase.q_start - 1].lower_ not in cw.TOLL_LINKS:
        return None
    link = doc[phrase.q_start - 1]
    found = _parsed_toll(sent, link) or _nearby_toll(sent, phrase)
    if found is None:
        return None
    category, toll = found
    # "rose to 133 from 115": the older figure's own words are "from 115".
    evidence = (link.i,) if link.lower_ == "from" else (_toll_start(toll), toll.i)
    return category, evidence


def _parsed_toll(sent: Span, link: Token) -> tuple[str, Token] | None:
    """The toll noun the parse links to "to"/"at"/"reached" before the count."""
    governor = link.head if link.dep_ in ("prep", "agent", "dative") else link
    candidates = [governor, *(c for c in children(governor) if c.dep_ in cw.TOLL_ROLES)]
    for token in candidates:
        if not sent.start <= token.i < sent.end:
            continue
        found = _toll_noun_category(sent, token)
        if found is not None:
            return found, token
    return None


def _nearby_toll(sent: Span, phrase: CountPhrase) -> tuple[str, Token] | None:
    """A toll noun a few words back, for when the parse attaches the count elsewhere."""
    doc = sent.doc
    window_start = max(sent.start, phrase.q_start - _TOLL_WINDOW)
    i = phrase.q_start - 2
    while i >= window_start:
        token = doc[i]
        if is_count_token(token):
            first = i
            while first > window_start and is_count_token(doc[first - 1]):
                first -= 1
            updated = i == phrase.q_start - 2 and doc[phrase.q_start - 1].lower_ == "to"
            if updated and first > sent.start and doc[first - 1].lower_ == "from":
                i = first - 2  # "lowered from 280 to 271": the toll is before the old figure
                continue
            return None
        category = _toll_noun_category(sent, token)
        if category is not None:
            return category, token
        i -= 1
    return None


def _toll_noun_category(sent: Span, token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if lemma in cw.TOLL_NOUNS:
        return _toll_category(sent.doc, token.i, sent)
    if (
        lemma in cw.COUNTED_DEATHS
        and token.dep_ == "nsubj"
        and token.head.lemma_.lower() in cw.TOLL_CHANGE_VERBS
    ):
        return KILLED  # "road deaths rose to 1,200": the deaths are the toll
    doc = sent.doc
    if lemma in cw.TOLL_NUMBER_NOUNS and token.i + 2 < sent.end and doc[token.i + 1].lower_ == "of":
        return _toll_of_category(doc, token.i + 2, min(sent.end, token.i + 5))
    return None


def _toll_category(doc: Doc, toll_index: int, sent: Span) -> str:
    for child in children(doc[toll_index]):
        if child.dep_ in ("compound", "amod", "nmod"):
            category = cw.CASUALTY_NOUNS.get(child.lower_) or word_category(child)
            if category is not None:
                return category
    previous = doc[toll_index - 1].lower_ if toll_index > sent.start else ""
    if previous in ("injury", "injuries", "wounded"):
        return INJURED
    return KILLED


def _toll_of_category(doc: Doc, start: int, end: int) -> str | None:
    for token in doc[start:end]:
        category = cw.CASUALTY_NOUNS.get(token.lower_) or word_category(token)
        if category is not None:
            return category
    return None


def _toll_start(token: Token) -> int:
    """Where "the death toll" starts, given "toll"."""
    return min((c.i for c in left_modifiers(token)), default=token.i)
