"""Numbers that count no casualties: ages, dates, times, percentages, and counts that
are part of a group counted elsewhere ("four of the victims", "including three children")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicon import casualty_words as cw
from .casualty_predicates import word_category
from .count_phrases import CountPhrase, is_count_token
from .token_tree import children

_OPENING_TOKENS = 10
_AGE_LIST_REACH = 8


def is_not_a_head_count(sent: Span, phrase: CountPhrase) -> bool:
    """Ages, dates, times, percentages and other numbers that count no people."""
    doc = sent.doc
    first, last = doc[phrase.start], doc[phrase.end - 1]
    after = [t.lower_ for t in doc[phrase.end : min(phrase.end + 3, sent.end)]]
    before = doc[phrase.q_start - 1].lower_ if phrase.q_start > sent.start else ""
    if after[:1] and after[0] in cw.NON_COUNT_FOLLOWERS:
        return True
    if after[:1] == ["-"] and after[1:2] and after[1] in cw.AGE_WORDS:
        return True  # "a 2-year-old"
    if after[:1] and after[0] in cw.AGE_WORDS and "old" in after[1:3]:
        return True  # "60 years old"
    if before in cw.MONTHS or (after[:1] and after[0] in cw.MONTHS):
        return True
    if before in ("aged", "age", "ages", "number", "no.", "#", "no"):
        return True
    if _is_listed_age(doc, phrase.q_start, sent.start):
        return True
    if before == "of" and phrase.q_start - 2 >= sent.start:
        holder = doc[phrase.q_start - 2].lower_
        if holder in cw.AGE_HOLDERS:
            return True  # "a child of 12", "a man of 40"
    if phrase.start == phrase.end - 1 and _is_year(first, before):
        return True
    if _is_part_of_a_counted_group(sent, phrase, after) or _is_partitive_whole(sent, phrase):
        return True
    if last.ent_type_ == "TIME" and _is_toll_before_a_time_of_day(doc, phrase, before):
        return False  # "the toll rose to 34 by evening": the model tags "34 by evening"
    return last.ent_type_ in ("TIME", "PERCENT", "MONEY", "ORDINAL")


def _is_part_of_a_counted_group(sent: Span, phrase: CountPhrase, after: list[str]) -> bool:
    """ "four of the victims": part of a group counted elsewhere. Not "23 were pulled out
    alive, 11 of whom were injured": the injured of a group nobody counted as casualties."""
    if after[:1] != ["of"] or not after[1:2] or after[1] not in cw.PARTITIVE_FOLLOWERS:
        return False
    if after[1] not in ("whom", "them"):
        # "four of the victims" (a part of a casualty group), not "12 of the 40 pupils"
        whole = _partitive_whole(sent.doc[phrase.end])
        return whole is None or whole.lower_ in cw.CASUALTY_GROUPS
    return any(
        word_category(token) is not None or token.lower_ in cw.CASUALTY_NOUNS
        for token in sent.doc[sent.start : phrase.q_start]
    )


def _partitive_whole(of: Token) -> Token | None:
    """The noun after "of" in "12 of the 40 pupils"."""
    return next((c for c in children(of) if c.dep_ == "pobj"), None)


def _is_partitive_whole(sent: Span, phrase: CountPhrase) -> bool:
    """ "76 of the ferry's 118 passengers": 118 is the whole the figure is taken from."""
    noun = sent.doc[phrase.end - 1].head
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return False
    part = noun.head.head
    return part.i < noun.head.i and is_count_token(part)


def _is_toll_before_a_time_of_day(doc: Doc, phrase: CountPhrase, before: str) -> bool:
    """ "rose from 27 in the morning to 34 by evening": a count a toll moves to or from,
    followed by when ("at 7 in the morning" is a clock time)."""
    if before not in ("to", "from") or phrase.end + 1 >= len(doc):
        return False
    if doc[phrase.end].lower_ not in ("in", "by", "on", "at"):
        return False
    return any(
        t.lower_ in cw.TIMES_OF_DAY for t in doc[phrase.end + 1 : min(len(doc), phrase.end + 3)]
    )


def _is_listed_age(doc: Doc, start: int, limit: int) -> bool:
    """The later numbers of "aged 19 and 23", "aged 15, 16 and 17"."""
    i = start - 1
    low = max(limit, start - _AGE_LIST_REACH)
    seen_link = False
    while i >= low:
        word = doc[i].lower_
        if word in ("and", ",", "&"):
            seen_link = True
        elif not is_count_token(doc[i]):
            return seen_link and word in ("aged", "ages")
        i -= 1
    return False


def _is_year(token: Token, before: str) -> bool:
    # "1500 people died" is a count; "in 1995" and a DATE entity are years.
    if not cw.YEAR.fullmatch(token.text):
        return False
    return token.ent_type_ == "DATE" or before in cw.YEAR_PREPOSITIONS


def is_subgroup(sent: Span, phrase: CountPhrase) -> bool:
    """Counts introduced as part of a larger group ("including three children")."""
    doc = sent.doc
    before = [t.lower_ for t in doc[max(sent.start, phrase.q_start - 2) : phrase.q_start]]
    if before[-1:] and before[-1] in cw.SUBGROUP_CUES:
        return True
    if before[-2:] in (["of", "whom"], ["of", "them"], ["among", "them"], ["among", "whom"]):
        return True
    # "Of the dead, 145 were Egyptians."
    opening = doc[sent.start : min(phrase.q_start, sent.start + _OPENING_TOKENS)]
    return doc[sent.start].lower_ in ("of", "among") and any(t.lower_ == "," for t in opening)
