"""Phrase pieces both kinds of brief are built from: a verb's subject, the main clause,
a noun with its modifiers, and the entity extractor's name for a mention."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from ..doc_facts import facts
from ..lexicon.speech_words import REPORTING_LEMMAS
from .brief_inputs import EntityLike

_EVENT_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "nummod"})
BLAMEABLE_TYPES = frozenset({"ORG", "NORP", "PERSON", "GPE"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def noun_with_modifiers(noun: Token) -> str:
    """The noun with the modifiers right before it ("twin explosions"), or its whole name."""
    if noun.ent_type_ and noun.ent_iob_ != "O":
        ent = next((e for e in facts(noun.doc).ents if e.start <= noun.i < e.end), None)
        if ent is not None and (ent.end - 1 == noun.i or noun.pos_ == "PROPN"):
            return LEADING_ARTICLE.sub("", ent.text)
    start = noun
    while start.i > 0:
        before = start.nbor(-1)
        if before.dep_ not in _EVENT_MODIFIER_DEPS or before.is_punct or before.head.i > noun.i:
            break
        start = before
    return _text_between(start, noun)


def main_clause(sentence: Span | None) -> Token | None:
    """The sentence's root, or the reported clause when the root is "said" and the like."""
    if sentence is None:
        return None
    root = sentence.root
    if root.lemma_.lower() in REPORTING_LEMMAS:
        reported = next((c for c in root.children if c.dep_ in {"ccomp", "parataxis"}), None)
        return reported
    return root


def subject_of(verb: Token | None) -> Token | None:
    if verb is None:
        return None
    return next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)


def canonical_name(
    mention: str, entities: Sequence[EntityLike], types: frozenset[str] | None = None
) -> str:
    """The entity extractor's fullest name for a mention, or the mention without "the"."""
    bare = LEADING_ARTICLE.sub("", mention.strip())
    for entity in entities:
        if (types is None or entity.type in types) and _names_same(bare, entity.name):
            return entity.name
    return bare


def _names_same(mention: str, name: str) -> bool:
    """ "Putin" is "Vladimir Putin"; "Islamic State group" is "Islamic State"; but
    "White House" is not "House"."""
    mention_words, name_words = mention.lower().split(), name.lower().split()
    if not mention_words or not name_words:
        return False
    if mention_words == name_words or (len(mention_words) == 1 and mention_words[0] in name_words):
        return True
    size = len(name_words)
    for start in range(len(mention_words) - size + 1):
        if mention_words[start : start + size] == name_words:
            rest = mention.split()[:start] + mention.split()[start + size :]
            return all(word.islower() for word in rest)  # only common nouns around it
    return False


def _text_between(first: Token, last: Token) -> str:
    return first.doc[first.i : last.i + 1].text


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]
