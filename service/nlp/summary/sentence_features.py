"""Each body sentence's cues (lead position, casualty count, responsibility or the
attacker's fate, record, entities, numbers, dates, attribution, centrality) and
their weighted sum."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Token

from ..lexicon import summary_words as sw
from ..lexicon.incident_words import PERPETRATOR_NOUNS
from ..lexicon.speech_words import ATTRIBUTION_LEMMAS
from .sentence_units import ArticleSentence

# Per-sentence feature weights (they sum to 1, so a score stays within 0..1).
WEIGHTS = {
    "lead": 0.295,
    "casualty": 0.185,
    "responsibility": 0.145,
    "centrality": 0.09,
    "entities": 0.075,
    "record": 0.08,
    "numbers": 0.045,
    "when": 0.045,
    "attribution": 0.04,
}

_NUMBER_WINDOW = 12
_CONTENT_ENTITY_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
_NUMBER_ENTITY_TYPES = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
_WHEN_ENTITY_TYPES = frozenset({"DATE", "TIME"})
_RECORD_WINDOW = 10
_HISTORICAL_YEAR = re.compile(r"\b(?:1[89]\d\d|20\d\d)\b")


def cue_scores(sentence: ArticleSentence, position: int) -> dict[str, float]:
    """Each cue in 0..1; the caller adds centrality and may replace the casualty cue."""
    casualty = 0.0
    if _states_a_casualty_count(sentence):
        casualty = 0.4 if _mentions_a_year(sentence) else 1.0  # an older event's toll
    return {
        "lead": _lead(position, sentence.paragraph_first),
        "casualty": casualty,
        "responsibility": _responsibility_cue(sentence.tokens),
        "entities": min(1.0, _distinct_entities(sentence, _CONTENT_ENTITY_TYPES) / 3),
        "numbers": min(1.0, _distinct_entities(sentence, _NUMBER_ENTITY_TYPES) / 2),
        "when": min(1.0, _distinct_entities(sentence, _WHEN_ENTITY_TYPES)),
        "attribution": float(any(t.lemma_ in ATTRIBUTION_LEMMAS for t in sentence.tokens)),
        "record": float(_ranks_as_a_record(sentence.tokens)),
    }


def weighted_score(features: dict[str, float], readability: float) -> float:
    value = sum(WEIGHTS[name] * features.get(name, 0.0) for name in WEIGHTS)
    return round(max(0.0, min(1.0, value * readability)), 3)


def centrality_scores(sentences: list[ArticleSentence]) -> list[float]:
    """How much of the article's recurring vocabulary each sentence uses (0..1)."""
    words = [_content_lemmas(s.tokens) for s in sentences]
    frequency = Counter(word for sentence_words in words for word in sentence_words)
    raw = [sum(frequency[w] - 1 for w in sentence_words) for sentence_words in words]
    top = max(raw, default=0)
    return [value / top if top else 0.0 for value in raw]


def _content_lemmas(tokens: list[Token]) -> set[str]:
    return {
        t.lemma_.lower()
        for t in tokens
        if (t.is_alpha or t.like_num) and not t.is_stop and t.lower_ not in sw.STOP_WORDS
    }


def _lead(position: int, paragraph_first: bool) -> float:
    # News is written as an inverted pyramid: the first sentences carry the facts.
    value = 1.0 / (1.0 + 0.35 * position)
    return value if paragraph_first else value * 0.85


def _states_a_casualty_count(sentence: ArticleSentence) -> bool:
    """Whether a count stands near a killed/injured/missing word ("at least 12 were killed")."""
    numbers, casualty_words = [], []
    for position, token in enumerate(sentence.tokens):
        if _is_count(token):
            numbers.append(position)
        if token.lemma_.lower() in sw.CASUALTY_WORDS or token.lower_ in sw.CASUALTY_WORDS:
            casualty_words.append(position)
    return _within(numbers, casualty_words, _NUMBER_WINDOW)


def _is_count(token: Token) -> bool:
    if token.lower_ in sw.VAGUE_NUMBERS:
        return True
    if not token.like_num or token.ent_type_ in {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"}:
        return False
    return not _HISTORICAL_YEAR.fullmatch(token.text)


def _within(left: list[int], right: list[int], window: int) -> bool:
    """Whether some pair from two sorted position lists is at most `window` apart."""
    i = j = 0
    while i < len(left) and j < len(right):
        if abs(left[i] - right[j]) <= window:
            return True
        if left[i] < right[j]:
            i += 1
        else:
            j += 1
    return False


def _mentions_a_year(sentence: ArticleSentence) -> bool:
    return any(e.label_ == "DATE" and _HISTORICAL_YEAR.search(e.text) for e in sentence.ents)


def _ranks_as_a_record(tokens: list[Token]) -> bool:
    """Whether a superlative is set against history: "the worst rail disaster in decades"."""
    for position, token in enumerate(tokens):
        word = token.lower_
        superlative = token.tag_ == "JJS" and word not in sw.NOT_RECORD_SUPERLATIVES
        if not (superlative or word in sw.RECORD_WORDS):
            continue
        following = tokens[position + 1 : position + 1 + _RECORD_WINDOW]
        if any(t.lemma_.lower() in sw.RECORD_SCOPE_LEMMAS for t in following):
            return True
    return False


def _distinct_entities(sentence: ArticleSentence, labels: frozenset[str]) -> int:
    return len({e.text.lower() for e in sentence.ents if e.label_ in labels})


# ----- the responsibility cue: blame stated, or what became of the attacker

_FATE_ENDED = 1.0
_FATE_PENDING = 0.8

# What a fate verb does to its perpetrator: "shot the gunman", "the suspect was detained".
_FATE_TARGET_DEPS = frozenset({"dobj", "nsubjpass"})

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _responsibility_cue(tokens: list[Token]) -> float:
    """1 when blame or responsibility is stated or the attacker is dead or held; 0.8 when
    the attacker is only identified."""
    lemmas = {t.lemma_.lower() for t in tokens}
    if lemmas & sw.RESPONSIBILITY_LEMMAS:
        return 1.0
    if lemmas & PERPETRATOR_NOUNS:
        return _perpetrator_fate(tokens, lemmas)
    return 0.0


def _perpetrator_fate(tokens: list[Token], lemmas: set[str]) -> float:
    """What became of the attacker, when a fate verb acts on them: "police shot the gunman",
    "the suspects were detained", "gunmen arrested near the border". A gunman who killed
    people is the doer there, not the one whose fate is told (0)."""
    if "custody" in lemmas:
        return _FATE_ENDED
    told = [
        _FATE_ENDED if lemma in sw.ENDING_FATE_LEMMAS else _FATE_PENDING
        for token in tokens
        if (lemma := token.lemma_.lower()) in sw.PERPETRATOR_FATE_LEMMAS
        and _fate_falls_on_perpetrator(token)
    ]
    return max(told, default=0.0)


def _fate_falls_on_perpetrator(verb: Token) -> bool:
    if verb.dep_ in {"acl", "relcl"} and _is_perpetrator(verb.head):
        # "gunmen arrested …" and "who was shot" are passive; "a gunman shooting at
        # random" or "the gunman who killed …" is the doer, not a fate.
        if verb.dep_ == "acl":
            return verb.tag_ == "VBN"
        return any(c.dep_ == "nsubjpass" for c in verb.children)
    targets = [c for c in verb.children if _is_fate_target(c, verb)]
    if not any(c.dep_ in _SUBJECT_DEPS for c in verb.children) and verb.dep_ == "conj":
        # "… were identified and arrested": the second verb shares the first one's subject.
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if passive or verb.lemma_.lower() in sw.INTRANSITIVE_FATE_LEMMAS:
            targets += [c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS]
    return any(_is_perpetrator(target) for target in targets)


def _is_fate_target(child: Token, verb: Token) -> bool:
    if child.dep_ in _FATE_TARGET_DEPS:
        return True
    return child.dep_ == "nsubj" and verb.lemma_.lower() in sw.INTRANSITIVE_FATE_LEMMAS


def _is_perpetrator(token: Token) -> bool:
    """A perpetrator noun, or a pronoun: callers only ask of sentences that name one."""
    return token.lemma_.lower() in PERPETRATOR_NOUNS or token.lower_ in sw.PERPETRATOR_PRONOUNS
