"""Casualty words and phrases after a count or over it in the parse ("were killed",
"shot dead", "taken to hospital", "unaccounted for"): the category they state."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..lexicon import casualty_words as cw
from ..lexicon.casualty_words import INJURED, KILLED, MISSING
from .count_phrases import CountPhrase
from .token_tree import children

_PREDICATE_WINDOW = 6
_ASIDE_REACH = 8


# A category and the token indices that state it.
Evidence = tuple[str, tuple[int, ...]]


def predicate_category(verb: Token) -> Evidence | None:
    """The category a clause's verb states: "were killed", "were dead", "shot dead"."""
    category = word_category(verb)
    if category is not None:
        return category, (*(t.i for t in children(verb) if t.dep_ == "prt"), verb.i)
    injuries = _injury_object(verb)
    if injuries is not None:
        return INJURED, (verb.i, injuries.i)
    hospital = _hospital_object(verb)
    if hospital is not None:
        return INJURED, (verb.i, hospital.i)
    for child in children(verb):
        if child.lower_ == "dead" and child.dep_ in cw.RESULT_ROLES:
            return KILLED, (verb.i, child.i)  # "shot dead", "found dead"
        if child.lower_ == "to" and any(g.lower_ == "death" for g in children(child)):
            return KILLED, (verb.i, child.i + 1)  # "stabbed to death"
        if verb.lemma_ in ("be", "remain") and child.dep_ in ("acomp", "attr", "oprd"):
            category = word_category(child)
            if category is not None:
                return category, (child.i,)
    return None


def _injury_object(verb: Token) -> Token | None:
    """The injuries of "were treated for injuries", "survived with injuries",
    "suffered burns": a verb that is no casualty word alone, with the wounds as object."""
    lemma = verb.lemma_.lower()
    if lemma in cw.WOUND_BEARING_VERBS:
        objects = [c for c in children(verb) if c.dep_ == "dobj"]
    elif lemma in cw.WOUND_TREATING_VERBS:
        objects = [
            g
            for c in children(verb)
            if c.dep_ == "prep" and c.lower_ in ("for", "with")
            for g in children(c)
            if g.dep_ == "pobj"
        ]
    else:
        return None
    return next((o for o in objects if _is_wound(o)), None)


def _is_wound(noun: Token) -> bool:
    """ "injuries", "burns", "fractures", and "broken legs", "fractured skulls"."""
    if noun.lemma_.lower() in cw.WOUND_NOUNS:
        return True
    return any(c.dep_ == "amod" and c.lower_ in cw.BREAKING_WORDS for c in children(noun))


def _hospital_object(verb: Token) -> Token | None:
    """The hospital of "were taken to hospital", "treated at hospitals in Ada". Not
    "are being treated in hospital": who is still there, part of the injured."""
    if verb.lemma_.lower() not in cw.HOSPITAL_VERBS:
        return None
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "being" for c in children(verb)):
        return None
    for child in children(verb):
        if child.dep_ != "prep" or child.lower_ not in cw.HOSPITAL_PREPOSITIONS:
            continue
        for pobj in children(child):
            if pobj.dep_ == "pobj" and pobj.lemma_.lower() == "hospital":
                return pobj
    return None


def word_category(token: Token) -> str | None:
    lower = token.lower_
    lemma = token.lemma_.lower()
    if lower in cw.MISSING_FORMS:
        return MISSING
    if lemma == "miss":
        return None
    if lemma == "pass" and any(c.lower_ == "away" for c in children(token)):
        return KILLED
    if lemma == "lose" and any(c.lower_ in ("life", "lives") for c in children(token)):
        return KILLED
    return cw.PREDICATES.get(lemma) or cw.PREDICATES.get(lower)


def following_reading(sent: Span, phrase: CountPhrase, head: Token) -> Evidence | None:
    """A casualty word right after the count's noun phrase: "95 people killed",
    "10 were injured", "three remain missing", "two passed away"."""
    doc = sent.doc
    i = max(head.i, phrase.end - 1) + 1
    limit = min(sent.end, i + _PREDICATE_WINDOW)
    while i < limit:
        token = doc[i]
        lower = token.lower_
        if lower == "," and i + 1 < limit and doc[i + 1].lower_ in cw.ASIDE_OPENERS:
            # "At least 34 pilgrims, including 12 children, were crushed to death"
            after = _after_aside(sent, i)
            if after is None:
                return None
            i = after
            limit = min(sent.end, i + _PREDICATE_WINDOW)
            continue
        if lower in ("not", "n't", "never", "no"):
            return None
        category = _surface_category(doc, i, limit)
        if category is not None:
            return category
        skippable = lower in cw.SKIPPABLE_IN_PREDICATE or lower in cw.INCREMENT_WORDS
        if skippable or token.pos_ in ("AUX", "ADV"):
            i += 1
            continue
        return None
    return None


def _after_aside(sent: Span, comma: int) -> int | None:
    """The token after the comma that closes an aside opened at `comma`, if near."""
    doc = sent.doc
    for j in range(comma + 2, min(sent.end, comma + 2 + _ASIDE_REACH)):
        if doc[j].text == ",":
            return j + 1
    return None


def _surface_category(doc: Doc, i: int, limit: int) -> Evidence | None:
    """A casualty word or phrase starting at token `i`: "killed", "unaccounted for",
    "passed away", "lost their lives", "shot dead", "stabbed to death"."""
    token = doc[i]
    words = [t.lower_ for t in doc[i : min(i + 3, limit)]]
    lemma = token.lemma_.lower()
    if words[:2] == ["unaccounted", "for"]:
        return MISSING, (i, i + 1)
    if token.pos_ == "VERB":
        if words[1:2] == ["dead"]:
            return KILLED, (i, i + 1)
        if words[1:3] == ["to", "death"]:
            return KILLED, (i, i + 2)
        if lemma == "pass" and words[1:2] == ["away"]:
            return KILLED, (i, i + 1)
        if lemma == "lose" and words[2:3] in (["life"], ["lives"]):
            return KILLED, (i, i + 2)
    if token.pos_ in ("VERB", "ADJ", "AUX", "NOUN"):
        category = word_category(token)
        if category is not None:
            return category, (i,)
    return None
