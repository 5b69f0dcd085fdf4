"""Statements of no casualties: "No one was hurt", "there were no casualties"."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..doc_facts import facts
from ..lexicon import casualty_words as cw
from ..lexicon.casualty_words import MISSING
from ..lexicon.incident_words import ATTACKER_NOUNS
from ..numbers import EXACT, bounds
from .casualty_predicates import Evidence, following_reading, predicate_category
from .count_phrases import CountPhrase, is_count_token
from .counted_nouns import is_person_noun
from .token_tree import children


def zero_statements(sent: Span) -> Iterable[tuple[str, list[int]]]:
    """ "No one was hurt", "there were no casualties": zero figures, one per category."""
    doc = sent.doc
    tokens = facts(doc).tokens
    for token in tokens[sent.start : sent.end]:
        lower = token.lower_
        nxt = tokens[token.i + 1] if token.i + 1 < sent.end else None
        if (
            lower == "no"
            and nxt is not None
            and nxt.lower_ in cw.ZERO_MODIFIERS
            and nxt.i + 1 < sent.end
            and tokens[nxt.i + 1].lower_ in cw.ZERO_NOUNS
        ):
            nxt = tokens[nxt.i + 1]  # "no other injuries", "no further casualties"
        if lower == "no" and nxt is not None and nxt.lower_ in cw.ZERO_NOUNS:
            if nxt.i + 1 < sent.end and tokens[nxt.i + 1].lower_ in ("among", "of"):
                continue
            for category in cw.ZERO_NOUNS[nxt.lower_]:
                yield category, [token.i, nxt.i]
            continue
        subject_end = _zero_subject_end(doc, token, sent.end)
        if subject_end is None:
            found = _zero_group(token) if lower == "no" else None
            if found is not None and not _is_hypothetical(tokens[found[1][-1]]):
                category, evidence = found
                yield category, [token.i, *evidence]
            continue
        found = following_reading(
            sent,
            CountPhrase(token.i, subject_end, token.i, bounds(0, EXACT)),
            tokens[subject_end - 1],
        )
        if found is not None and not _is_hypothetical(tokens[found[1][-1]]):
            category, evidence = found
            yield category, [token.i, *evidence]
    yield from everyone_accounted_for(sent)


def everyone_accounted_for(sent: Span) -> Iterable[tuple[str, list[int]]]:
    """ "All passengers were accounted for", "everyone on board has been accounted for":
    nobody is missing (rule `all-accounted-for`). Not "not all ... were accounted for"."""
    for token in sent:
        if token.lemma_.lower() != "account" or not any(
            c.dep_ == "prep" and c.lower_ == "for" for c in children(token)
        ):
            continue
        if any(c.dep_ == "neg" for c in children(token)):
            continue
        subject = next((c for c in children(token) if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or not _is_everyone(subject):
            continue
        yield MISSING, [subject.i, token.i]


def _is_everyone(subject: Token) -> bool:
    if subject.lower_ in cw.EVERYONE:
        return not any(c.dep_ == "neg" for c in children(subject))
    determiners = [c for c in children(subject) if c.dep_ in ("det", "predet")]
    # "All 23 miners": the parse hangs "All" on the number
    determiners += [
        g for c in children(subject) if c.dep_ == "nummod" for g in children(c) if g.lower_ == "all"
    ]
    return (
        any(d.lower_ == "all" for d in determiners)
        and not any(c.dep_ == "neg" or c.lower_ == "not" for c in determiners)
        and is_person_noun(subject)
    )


def _is_hypothetical(word: Token) -> bool:
    """ "No child should die like this", "no one must be hurt": a wish, not a figure."""
    verb = word if word.pos_ in ("VERB", "AUX") else word.head
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in children(verb))


def _zero_group(no: Token) -> Evidence | None:
    """ "No residents of nearby buildings were hurt": "no" on the people who are the subject
    of a casualty verb, however long their noun phrase."""
    noun = no.head
    if no.dep_ != "det" or noun.i <= no.i or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if any(is_count_token(t) or t.lower_ in cw.COMPARATIVES for t in no.doc[no.i + 1 : noun.i]):
        return None  # "no fewer than 11 soldiers" is a count
    if not is_person_noun(noun) or noun.lower_ in ATTACKER_NOUNS:
        return None
    if any(c.dep_ == "neg" for c in children(noun.head)):
        return None
    return predicate_category(noun.head)


def _zero_subject_end(doc: Doc, token: Token, limit: int) -> int | None:
    lower = token.lower_
    if lower in cw.ZERO_SUBJECTS:
        if lower == "none" and token.i + 1 < limit and doc[token.i + 1].lower_ == "of":
            return None
        return token.i + 1
    if lower == "no" and token.i + 1 < limit and doc[token.i + 1].lower_ in ("one", "people"):
        return token.i + 2
    return None
