"""The noun a count counts ("60 people", "12 dead") and whether it names people who
can be casualties (not attackers, not things)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..lexicon import casualty_words as cw
from ..lexicon.incident_words import ATTACKER_NOUNS
from ..numbers import VAGUE_PLURALS
from .count_phrases import CountPhrase
from .token_tree import children

_NOUN_WINDOW = 4


def counted_noun(sent: Span, phrase: CountPhrase) -> Token | None:
    """The noun the count counts ("60 people", "dozens of children", "12 dead"), if any."""
    doc = sent.doc
    i = phrase.end
    limit = min(sent.end, phrase.end + _NOUN_WINDOW)
    if i < limit and doc[i].lower_ == "of" and doc[phrase.end - 1].lower_ in VAGUE_PLURALS:
        i += 1
    noun: Token | None = None
    while i < limit:
        token = doc[i]
        lower = token.lower_
        if lower in cw.CASUALTY_NOUNS and token.pos_ in ("NOUN", "ADJ", "VERB", "PROPN"):
            if token.pos_ == "VERB" and lower not in ("injured", "wounded", "dead", "missing"):
                break
            return token
        if token.pos_ in ("NOUN", "PROPN"):
            if token.dep_ == "npadvmod" and token.ent_type_ in ("DATE", "TIME"):
                break  # "fell to 49 last year": a date, not what is counted
            noun = token
            if i + 1 < limit and _continues_compound(doc[i + 1]):
                i += 1
                continue
            return noun
        if token.pos_ in ("ADJ", "NUM") or lower in cw.INCREMENT_WORDS | {"other", "-"}:
            i += 1
            continue
        break
    return noun


def _continues_compound(token: Token) -> bool:
    # "police officers" is one noun phrase; "people Friday" is a noun and a date.
    return token.pos_ in ("NOUN", "PROPN") and token.dep_ != "npadvmod"


def is_countable_as_casualty(noun: Token) -> bool:
    lower = noun.lower_
    if lower in cw.CASUALTY_NOUNS:
        return True
    if lower in ATTACKER_NOUNS or noun.lemma_.lower() in ATTACKER_NOUNS:
        return False
    return is_person_noun(noun)


def is_person_noun(noun: Token) -> bool:
    lower = noun.lower_
    if lower in cw.PERSON_NOUNS or noun.lemma_.lower() in cw.PERSON_NOUNS:
        return True
    if noun.ent_type_ == "NORP":
        return True
    return noun.tag_ in ("NNS", "NNPS") and lower.endswith(cw.PERSON_SUFFIXES)


def has_age(noun: Token) -> bool:
    """ "a 47-year-old street cleaner": an age makes any noun a person."""
    return any(
        c.dep_ == "amod"
        and c.lower_ == "old"
        and any(g.lower_ in cw.AGE_WORDS for g in children(c))
        for c in children(noun)
    )
