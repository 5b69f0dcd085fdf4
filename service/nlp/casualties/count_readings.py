"""What a count is counting: the casualty category of a count phrase, from the most
specific evidence to the least, and "a girl was killed" as a count of one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..lexicon import casualty_words as cw
from ..lexicon.casualty_words import KILLED, MISSING
from ..lexicon.incident_words import ATTACKER_NOUNS
from ..numbers import EXACT, bounds
from .casualty_predicates import Evidence, following_reading, predicate_category, word_category
from .count_phrases import CountPhrase
from .counted_nouns import has_age, is_person_noun
from .token_tree import children, sentence_tokens
from .toll_readings import toll_reading


@dataclass(frozen=True, slots=True)
class Reading:
    """What a count counts: its category, the noun phrase and the tokens that say so."""

    category: str
    noun: Token | None
    evidence: tuple[int, ...]
    rule: str = "count"  # the name of the rule that read it


# Rule names of the readings, as explanations and tests give them.
CASUALTY_NOUN = "casualty-noun"  # "60 deaths", "12 dead"
REMAINS = "remains-of"  # "the bodies of seven miners"
COUNT_IN_CLAUSE = "count-in-clause"  # the count's noun is subject or object of a casualty verb
CASUALTY_WORD_AFTER = "casualty-word-after"  # "95 people killed", "three remain missing"
CASUALTY_VERB_BEFORE = "casualty-verb-before"  # "killing 12 people"
TOLL = "toll"  # "the death toll rose to 133"
SINGLE_VICTIM = "single-victim"  # "a girl was killed", "the driver died"


def count_reading(sent: Span, phrase: CountPhrase, noun: Token | None) -> Reading | None:
    """The casualty category the count states, trying the most specific evidence first."""
    if noun is not None and noun.lower_ in cw.CASUALTY_NOUNS:
        category = _nominal_category(sent, noun)
        if category is not None:
            return Reading(category, None, (noun.i,), CASUALTY_NOUN)
    head = noun if noun is not None else sent.doc[phrase.end - 1]
    for finder, rule in _FINDERS:
        found = finder(sent, phrase, head)
        if found is not None:
            category, evidence = found
            return Reading(category, noun, evidence, rule)
    # "the death toll rose to 212 people": the toll's count may name who it counts.
    if noun is None or (is_person_noun(noun) and not has_age(noun)):
        found = toll_reading(sent, phrase)
        if found is not None:
            category, evidence = found
            return Reading(category, noun, evidence, TOLL)
    return None


def _remains_reading(sent: Span, phrase: CountPhrase, head: Token) -> Evidence | None:
    """ "The bodies of seven miners were found", "the blast claimed the lives of 11
    workers": the dead, counted after the noun."""
    if phrase.q_start - 2 < sent.start:
        return None
    doc = sent.doc
    remains = doc[phrase.q_start - 2]
    if doc[phrase.q_start - 1].lower_ != "of":
        return None
    if remains.lower_ in cw.REMAINS_NOUNS or (
        remains.lower_ == "lives" and _near_lemma(sent, remains.i, cw.LIFE_TAKING_LEMMAS)
    ):
        return KILLED, (remains.i,)
    return None


def _nominal_category(sent: Span, noun: Token) -> str | None:
    lower = noun.lower_
    # "31 lives" are deaths only when claimed, lost, taken or cost.
    if lower in ("life", "lives") and not _near_lemma(sent, noun.i, cw.LIFE_TAKING_LEMMAS):
        return None
    return cw.CASUALTY_NOUNS[lower]


def _clause_reading(sent: Span, phrase: CountPhrase, head: Token) -> Evidence | None:
    """The count's noun is subject or object of a casualty verb in the parse."""
    doc = sent.doc
    if head.i + 1 < sent.end and doc[head.i + 1].dep_ == "acl" and doc[head.i + 1].head == head:
        # "27 migrants drowned and dozens more are missing": the participle right after
        # the noun is its own predicate, whatever the clause the noun is parsed into.
        category = word_category(doc[head.i + 1])
        if category is not None:
            return category, (head.i + 1,)
    if head.dep_ == "dobj" and head.head.lemma_.lower() in cw.LEAVING_VERBS:
        # "leaving 76 of the 118 passengers unaccounted for": the state they are left in
        for state in children(head.head):
            if state.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and state.i > head.i:
                category = word_category(state)
                if category is not None:
                    return category, (state.i,)
    if head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
        found = predicate_category(head.head)
        if found is not None and found[0] == MISSING and head.dep_ == "dobj":
            return None  # "Baltimore was missing three starters": lacking, not lost
        return found
    if head.dep_ == "pobj" and head.head.lower_ in ("over", "than"):
        return predicate_category(head.head.head)
    return None


def _preceding_reading(sent: Span, phrase: CountPhrase, head: Token) -> Evidence | None:
    """An active casualty verb right before the count: "killing 12 people", "injured over 145"."""
    if phrase.q_start <= sent.start:
        return None
    verb = sent.doc[phrase.q_start - 1]
    if verb.pos_ != "VERB":
        return None
    category = word_category(verb)
    if category is None or category == MISSING:
        return None
    return category, (verb.i,)


def _near_lemma(sent: Span, index: int, lemmas: frozenset[str]) -> bool:
    doc = sent.doc
    window = doc[max(sent.start, index - 5) : min(sent.end, index + 3)]
    return any(t.lemma_.lower() in lemmas for t in window)


def single_person_readings(sent: Span) -> Iterable[tuple[CountPhrase, Reading]]:
    """ "A 2-year-old girl was killed": an indefinite person as the casualty verb's subject."""
    for token in sentence_tokens(sent):
        if not _is_indefinite_article(token):
            continue
        noun = token.head
        if noun.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if not (is_person_noun(noun) or has_age(noun)):
            continue
        if noun.lower_ in ATTACKER_NOUNS or noun.lemma_ in ATTACKER_NOUNS:
            continue
        if noun.conjuncts:
            continue  # one of a list of people: named_victims counts the list, or nobody
        found = predicate_category(noun.head)
        if found is None:
            continue
        category, evidence = found
        phrase = CountPhrase(token.i, token.i + 1, token.i, bounds(1, EXACT))
        yield phrase, Reading(category, noun, evidence, SINGLE_VICTIM)


_FINDERS = (
    (_remains_reading, REMAINS),
    (_clause_reading, COUNT_IN_CLAUSE),
    (following_reading, CASUALTY_WORD_AFTER),
    (_preceding_reading, CASUALTY_VERB_BEFORE),
)


def _is_indefinite_article(token: Token) -> bool:
    # Scraped wire copy glues the article to the dateline dash: "(Reuters) -A girl".
    word = token.lower_.lstrip("-–—")
    attached = token.dep_ in ("det", "nmod", "compound") and token.head.i > token.i
    return word in ("a", "an") and attached
