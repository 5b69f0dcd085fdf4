"""Victims counted without a number: "the driver was killed" is one, "a grandmother
and her grandson died" two, "the occupants - a man, a woman and two children - were
hurt" four.

A subject of a casualty verb that is a singular person with a definite determiner
or a possessive counts one (rule `single-victim`; "a man died", with "a", is read by
count_readings). A subject that lists people, coordinated or in apposition, counts
the sum of its members (rule `listed-victims`): one for each singular person, the
number for a counted one; a member that is neither leaves the list unread.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from ..lexicon import casualty_words as cw
from ..lexicon.casualty_words import MISSING
from ..lexicon.incident_words import ATTACKER_NOUNS
from ..numbers import EXACT, bounds, resolve_count
from .casualty_predicates import predicate_category
from .count_phrases import CountPhrase, is_count_token
from .count_readings import SINGLE_VICTIM, Reading
from .counted_nouns import has_age, is_person_noun
from .token_tree import children, sentence_tokens

LISTED_VICTIMS = "listed-victims"

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})  # "killing the pilot and two passengers"
_DEFINITE = frozenset({"the", "his", "her", "their", "its", "our", "my", "your"})
_INDEFINITE = frozenset({"a", "an"})
_MAX_MEMBERS = 12


def victim_readings(sent: Span) -> Iterable[tuple[CountPhrase, Reading]]:
    """Readings of the sentence's listed victims and definite single victims."""
    for noun in sentence_tokens(sent):
        if noun.dep_ not in _SUBJECT_DEPS or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        members = _listed_members(noun)
        if members is None:
            members = _definite_single(noun)
        if not members:
            continue
        found = predicate_category(noun.head)
        if found is None:
            continue
        category, evidence = found
        if category == MISSING and noun.dep_ == "dobj":
            continue  # "the team was missing its captain": lacking, not lost
        first = min(start for start, _, _ in members)
        last = max(end for _, end, _ in members)
        total = sum(count for _, _, count in members)
        phrase = CountPhrase(first, last, first, bounds(total, EXACT))
        yield (
            phrase,
            Reading(
                category, noun, evidence, LISTED_VICTIMS if len(members) > 1 else SINGLE_VICTIM
            ),
        )


def _listed_members(noun: Token) -> list[tuple[int, int, int]] | None:
    """The members of a list of people the subject is or stands for, with their counts."""
    listed = next((c for c in _apposition_site(noun) if _is_victim_noun(c)), None)
    if listed is not None and noun.tag_ in ("NNS", "NNPS"):
        chain = _chain(listed)  # "the occupants - a man, a woman and two children"
    elif listed is not None and _chain(listed)[1:]:
        chain = [noun, *_chain(listed)]  # "a woman, her son and two neighbours"
    else:
        chain = _chain(noun, appositions=False)  # "a grandmother and her grandson"
    if len(chain) < 2:
        return None
    members = [_member(m) for m in chain]
    if any(m is None for m in members):
        return None
    return [m for m in members if m is not None]


def _chain(first: Token, *, appositions: bool = True) -> list[Token]:
    """`first` and the people listed after it: its conjuncts, and (the parse often
    reads a list after a dash as one) its appositions, in text order."""
    chain = [first]
    i = 0
    while i < len(chain) and len(chain) < _MAX_MEMBERS:
        for c in children(chain[i]):
            if (c.dep_ == "conj" or (appositions and c.dep_ == "appos")) and c not in chain:
                chain.append(c)
        i += 1
    return sorted(chain, key=lambda t: t.i)


def _apposition_site(noun: Token) -> list[Token]:
    """Appositions that may list the subject's people: on the noun, or on the noun of its
    "of" ("the occupants of the car - a man, a woman and two children - ...")."""
    found = [c for c in children(noun) if c.dep_ == "appos"]
    for prep in children(noun):
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for whole in children(prep):
                if whole.dep_ == "pobj":
                    found += [c for c in children(whole) if c.dep_ == "appos"]
    return found


def _definite_single(noun: Token) -> list[tuple[int, int, int]] | None:
    """ "The driver was killed", "her husband died": one person, already known; "an
    elderly couple were hurt": two."""
    group = cw.GROUP_OF_PEOPLE.get(noun.lemma_.lower())
    if group is not None and noun.tag_ == "NN":
        determiners = [c for c in children(noun) if c.dep_ in ("det", "poss") and c.i < noun.i]
        if determiners and not any(is_count_token(c) for c in children(noun)):
            return [(min(d.i for d in determiners), noun.i + 1, group)]
        return None
    if noun.tag_ != "NN" or not _is_victim_noun(noun):
        return None
    determiners = [c for c in children(noun) if c.dep_ in ("det", "poss") and c.i < noun.i]
    if not any(_is_definite(d) for d in determiners):
        return None
    if any(is_count_token(c) for c in children(noun)):
        return None
    return [(min(d.i for d in determiners), noun.i + 1, 1)]


def _is_definite(determiner: Token) -> bool:
    """ "the", "her", or a possessor: "the couple's neighbour", "Ruiz's son"."""
    return determiner.lower_ in _DEFINITE or (
        determiner.dep_ == "poss" and determiner.pos_ in ("NOUN", "PROPN")
    )


def _member(person: Token) -> tuple[int, int, int] | None:
    """(first token, end, count) of one listed person or group, None if not countable."""
    if not _is_victim_noun(person):
        return None
    counts = [c for c in children(person) if c.dep_ == "nummod" and is_count_token(c)]
    if counts:
        resolved = resolve_count([c.text for c in counts])
        if resolved is None:
            return None
        return min(c.i for c in counts), person.i + 1, resolved[0]
    if person.tag_ not in ("NN", "NNP"):
        return None  # "a woman and children": how many children is not said
    determiners = [c for c in children(person) if c.dep_ in ("det", "poss") and c.i < person.i]
    if not any(d.lower_ in _DEFINITE | _INDEFINITE for d in determiners):
        return None
    return min(d.i for d in determiners), person.i + 1, 1


def _is_victim_noun(noun: Token) -> bool:
    if noun.lower_ in ATTACKER_NOUNS or noun.lemma_.lower() in ATTACKER_NOUNS:
        return False
    return is_person_noun(noun) or has_age(noun)
