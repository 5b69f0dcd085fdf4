"""Grouping mentions into entities: by key, then merging short names, acronyms,
companies' short names and institutions named without their country."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..lexicon import gazetteer as gz
from ..lexicon.organisations import CORPORATE_SUFFIXES
from .descriptor_nouns import bare_place_name
from .entity_keys import entity_key, plain_key
from .entity_records import LIST_VOTE, Mention
from .name_shapes import POSSESSIVE, initials_of, list_type, person_shaped

_MAX_NAMESAKES = 8

# The rules' names (`Entity.rules`), each beside its code below.
SAME_KEY = "same-key"
CANONICAL_ALIAS = "canonical-alias"
SHORT_PERSON_NAME = "short-person-name"
NESTED_PERSON_NAMES = "nested-person-names"
ACRONYM = "acronym"
SHORT_COMPANY_NAME = "short-company-name"
SHORT_PRODUCT_NAME = "short-product-name"
COUNTRY_PREFIXED = "country-prefixed"
PLACE_WITH_ITS_UNIT_NOUN = "place-with-its-unit-noun"


@dataclass(slots=True)
class Group:
    mentions: list[Mention]
    votes: Counter
    # The rules that merged mentions into the group, in the order they applied.
    rules: list[str] = field(default_factory=list)

    def type(self) -> str:
        return self.votes.most_common(1)[0][0]

    def rule_names(self) -> tuple[str, ...]:
        """The rules behind the entity: each mention's (in text order) that found and cut
        it and voted for the group's type, then the merges; each once."""
        entity_type = self.type()
        names: list[str] = []
        for mention in sorted(self.mentions, key=lambda m: m.start):
            names.extend(mention.rules)
            names.extend(rule for label, rule in mention.vote_rules if label == entity_type)
        names.extend(self.rules)
        return tuple(dict.fromkeys(names))


def group_by_key(doc: Doc, mentions: list[Mention]) -> dict[str, Group]:
    """SAME_KEY: mentions written alike ("Putin", "Putin's") are one entity;
    CANONICAL_ALIAS: so are the forms a list says are one ("U.S.", "United States")."""
    groups: dict[str, Group] = {}
    written: dict[str, set[str]] = defaultdict(set)  # each group's forms, before aliases
    for mention in mentions:
        text = doc[mention.start : mention.end].text
        key = entity_key(text)
        if not key:
            continue
        group = groups.setdefault(key, Group([], Counter()))
        plain = plain_key(text)
        if group.mentions:
            group.rules.append(SAME_KEY if plain in written[key] else CANONICAL_ALIAS)
        written[key].add(plain)
        group.mentions.append(mention)
        group.votes.update(mention.votes)
    return groups


def _merge(
    groups: dict[str, Group], into: str, key: str, rule: str, as_type: str | None = None
) -> None:
    target, source = groups[into], groups.pop(key)
    target.mentions.extend(source.mentions)
    target.rules.extend([*source.rules, rule])
    if as_type is None:
        target.votes.update(source.votes)
    else:
        target.votes[as_type] += sum(source.votes.values())


def merge_short_person_names(doc: Doc, groups: dict[str, Group]) -> None:
    """SHORT_PERSON_NAME: "Putin" and "Vladimir" join "Vladimir Putin"; a mislabelled
    "Lysak" joins too."""
    by_last: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    group: Group | None
    for key, group in groups.items():
        words = key.split()
        if len(words) > 1 and group.type() == "PERSON":
            by_last[words[-1]].append(key)
            by_first[words[0]].append(key)
    for key in list(groups):
        group = groups.get(key)
        words = key.split()
        if group is None or len(words) > 2 or max(group.votes.values()) >= LIST_VOTE:
            continue
        first = group.mentions[0]
        if not person_shaped(list(doc[first.start : first.end])):
            continue
        found = _unique_owner(key, words, by_last, by_first, group)
        if found is not None and found[0] in groups:
            # the model's label on a lone surname ("Lysak" as GPE) was a guess
            _merge(groups, found[0], key, found[1], as_type="PERSON")


def _unique_owner(
    key: str,
    words: list[str],
    by_last: dict[str, list[str]],
    by_first: dict[str, list[str]],
    group: Group,
) -> tuple[str, str] | None:
    """The key of the one person a short name belongs to, and the rule that found it."""
    longer = by_last.get(words[-1], [])
    if len(longer) > _MAX_NAMESAKES:
        return None  # too many people share the name to tell which one is meant
    candidates = [
        k
        for k in longer
        if k != key and set(words) <= set(k.split()) and len(k.split()) > len(words)
    ]
    if not candidates and len(words) == 1 and group.type() == "PERSON":
        candidates = [k for k in by_first.get(words[0], [])[: _MAX_NAMESAKES + 1] if k != key]
    if len(candidates) == 1:
        return candidates[0], SHORT_PERSON_NAME
    fullest = _fullest_of_one_person(candidates)
    return None if fullest is None else (fullest, NESTED_PERSON_NAMES)


def _fullest_of_one_person(candidates: list[str]) -> str | None:
    """NESTED_PERSON_NAMES: "Bush" when the article has "George W. Bush" and "George
    Bush", "Singh" beside "K Natwar Singh" and "Natwar Singh": the longer names are all
    forms of the fullest one (each shorter one's words are among its words), so they are
    one person and not namesakes, and the surname is theirs."""
    fullest = max(candidates, key=lambda k: len(k.split()), default=None)
    if fullest is None:
        return None
    words = set(fullest.split())
    if all(set(k.split()) <= words for k in candidates):
        return fullest
    return None


def merge_acronyms(doc: Doc, groups: dict[str, Group]) -> None:
    """ACRONYM: "CBO" joins "Congressional Budget Office"; "U.S." joins "United States"."""
    by_initials: dict[str, list[str]] = defaultdict(list)
    group: Group | None
    for key, group in groups.items():
        if len(key.split()) > 1 and group.type() != "PERSON":
            for form in surface_forms(doc, group.mentions):
                by_initials[initials_of(form)].append(key)
    for key in list(groups):
        group = groups.get(key)
        if group is None or " " in key or not 2 <= len(key) <= 6:
            continue
        surface = doc[group.mentions[0].start : group.mentions[0].end].text.replace(".", "")
        if not surface.isupper():
            continue
        owners = {k for k in by_initials.get(key, []) if k != key and k in groups}
        if len(owners) == 1:
            # The full name decides the type: "WHO said" reads like a person's subject.
            owner = owners.pop()
            _merge(groups, owner, key, ACRONYM, as_type=groups[owner].type())


_CORPORATE_SUFFIX_KEYS = frozenset(plain_key(s) for s in CORPORATE_SUFFIXES)


def merge_short_company_names(groups: dict[str, Group]) -> None:
    """SHORT_COMPANY_NAME: "HSBC" joins "HSBC Holdings"; "Halvorsen" and "Halvorsen
    Foods" join "Halvorsen Foods Inc.": a company named once with its legal suffix, then
    by the words before it or by its first word, when no other company in the article
    starts with that word."""
    first_words = Counter(key.split()[0] for key, g in groups.items() if g.type() == "ORG")
    for key in list(groups):
        words = key.split()
        if len(words) < 2 or words[-1] not in _CORPORATE_SUFFIX_KEYS or key not in groups:
            continue
        if groups[key].type() != "ORG":
            continue
        stem = list(words)
        while len(stem) > 1 and stem[-1] in _CORPORATE_SUFFIX_KEYS:
            stem.pop()
        short = " ".join(stem)
        if short in groups:
            _merge(groups, key, short, SHORT_COMPANY_NAME)
        first = stem[0]
        if (
            len(stem) > 1
            and first in groups
            # The model often calls a company's one-word name a person or a place; a
            # person of that name would already have joined a full name above.
            and groups[first].type() in ("ORG", "FAC", "PERSON")
            and first_words[first] <= 2  # this company, and the short form itself
        ):
            _merge(groups, key, first, SHORT_COMPANY_NAME, as_type="ORG")


def merge_short_product_names(groups: dict[str, Group]) -> None:
    """SHORT_PRODUCT_NAME: "the Qashqai" joins "a black Nissan Qashqai", "the Golf" "a
    grey Volkswagen Golf": a vehicle or weapon named by make and model, then by the
    model alone, whatever the model guessed the lone word was (no list knows it)."""
    for key in list(groups):
        group = groups.get(key)
        words = key.split()
        if group is None or len(words) < 2 or group.type() != "PRODUCT":
            continue
        short = groups.get(words[-1])
        if short is not None and max(short.votes.values()) < LIST_VOTE:
            _merge(groups, key, words[-1], SHORT_PRODUCT_NAME, as_type="PRODUCT")


def merge_country_prefixed(doc: Doc, groups: dict[str, Group]) -> None:
    """COUNTRY_PREFIXED: "the Senate" joins "U.S. Senate", "the Defense Ministry"
    "Russia's Defense Ministry": an institution named once with its country and then
    without it."""
    for key in list(groups):
        group = groups.get(key)
        if group is None or group.type() != "ORG":
            continue
        for mention in group.mentions:
            if mention.end - mention.start < 2:
                continue
            rest = _after_country(doc, mention.start, mention.end)
            if rest is None:
                continue
            short = entity_key(doc[rest : mention.end].text)
            if short != key and short in groups and groups[short].type() == "ORG":
                _merge(groups, key, short, COUNTRY_PREFIXED)
            break


def _after_country(doc: Doc, start: int, end: int) -> int | None:
    """Where the name after a leading country ("U.S." / "Russia 's" / "Russian") starts."""
    for split in range(start + 1, min(end, start + 4)):
        prefix = doc[start:split].text
        if list_type(prefix) == "GPE" and entity_key(prefix) in _COUNTRY_KEYS:
            if doc[split].text in POSSESSIVE:
                split += 1
            return split if split < end else None
        if split == start + 1 and prefix.casefold() in gz.DEMONYMS:
            return split
    return None


_COUNTRY_KEYS = frozenset(entity_key(name) for name in gz.COUNTRIES)


_PLACE_TYPES = frozenset({"GPE", "LOC"})


def merge_place_units(groups: dict[str, Group]) -> None:
    """PLACE_WITH_ITS_UNIT_NOUN: "Buxar" joins "Buxar district", "Helmand" "Helmand
    province": a place named once with its unit noun and then without it."""
    for key in list(groups):
        group = groups.get(key)
        bare = bare_place_name(key)
        if group is None or bare is None or group.type() not in _PLACE_TYPES:
            continue
        # a one-word "person" of the same name is the model's guess at the place
        if bare in groups and (groups[bare].type() != "PERSON" or " " not in bare):
            _merge(groups, key, bare, PLACE_WITH_ITS_UNIT_NOUN, as_type=group.type())


def surface_forms(doc: Doc, mentions: list[Mention]) -> list[str]:
    forms: dict[str, str] = {}
    for mention in mentions:
        text = doc[mention.start : mention.end].text
        forms.setdefault(text.casefold(), text)
    return list(forms.values())
