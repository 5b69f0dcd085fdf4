"""The extraction from a parsed article to its ranked entities: runs the steps in
order and turns each group into an Entity with its name, aliases and salience."""

from __future__ import annotations

from spacy.tokens import Doc

from ..doc_facts import facts_scope
from .descriptor_nouns import bare_place_name
from .entity_records import Entity, EntitySpan
from .excluded_text import excluded_ranges
from .mention_groups import (
    PLACE_WITH_ITS_UNIT_NOUN,
    Group,
    group_by_key,
    merge_acronyms,
    merge_country_prefixed,
    merge_place_units,
    merge_short_company_names,
    merge_short_person_names,
    merge_short_product_names,
    surface_forms,
)
from .missed_mentions import dateline_place, missed_mentions, short_forms_of
from .model_mentions import model_mentions


def _fullest(forms: list[str], entity_type: str) -> str:
    # mixed case beats all-caps datelines ("Washington" over "WASHINGTON")
    name = max(forms, key=lambda f: (len(f.split()), not f.isupper(), len(f)))
    if name.isupper() and entity_type in {"GPE", "LOC"} and len(name) > 3:
        return name.title()  # a dateline's "WASHINGTON", the only form given
    return name


def _salience(groups: list[Group], doc_tokens: int) -> list[float]:
    """Many mentions, an early first one and being a subject or speaker make an entity central."""
    most = max((len(g.mentions) for g in groups), default=1)
    most_subject = max((sum(m.is_subject for m in g.mentions) for g in groups), default=0) or 1
    scores = []
    for group in groups:
        first = min(m.start for m in group.mentions)
        position = 1.0 - min(1.0, first / max(1, doc_tokens))
        subject = sum(m.is_subject for m in group.mentions) / most_subject
        scores.append(round(0.5 * len(group.mentions) / most + 0.3 * position + 0.2 * subject, 3))
    return scores


def _to_entity(doc: Doc, group: Group, salience: float) -> Entity:
    mentions = sorted(group.mentions, key=lambda m: m.start)
    forms = surface_forms(doc, mentions)
    entity_type = group.type()
    name = _fullest(forms, entity_type)
    spans = []
    for mention in mentions:
        span = doc[mention.start : mention.end]
        spans.append(EntitySpan(span.start_char, span.end_char, span.text))
    aliases = [f for f in forms if f != name]
    rules = group.rule_names()
    bare = bare_place_name(name) if entity_type in {"GPE", "LOC"} else None
    if bare is not None and bare.casefold() not in {f.casefold() for f in forms}:
        aliases.append(bare)  # "Helmand" of "Helmand province" names the same place
        if PLACE_WITH_ITS_UNIT_NOUN not in rules:
            rules = (*rules, PLACE_WITH_ITS_UNIT_NOUN)
    return Entity(
        name=name,
        type=entity_type,
        mentions=len(spans),
        salience=salience,
        aliases=tuple(aliases),
        spans=tuple(spans),
        rules=rules,
    )


def extract_entities(doc: Doc) -> list[Entity]:
    """Entities named in `doc`, one per real-world entity, most salient first."""
    if len(doc) == 0:
        return []
    with facts_scope(doc):
        return _extract_entities(doc)


def _extract_entities(doc: Doc) -> list[Entity]:
    excluded = excluded_ranges(doc)
    mentions = model_mentions(doc, excluded)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    dateline = dateline_place(doc, taken)
    if dateline is not None:
        mentions.append(dateline)
        taken.update(range(dateline.start, dateline.end))
    mentions.extend(missed_mentions(doc, excluded, taken, short_forms_of(doc, mentions)))
    groups = group_by_key(doc, mentions)
    merge_short_person_names(doc, groups)
    merge_acronyms(doc, groups)
    merge_short_company_names(groups)
    merge_short_product_names(groups)
    merge_country_prefixed(doc, groups)
    merge_place_units(groups)
    ordered = list(groups.values())
    scores = _salience(ordered, len(doc))
    entities = [_to_entity(doc, g, s) for g, s in zip(ordered, scores, strict=True)]
    entities.sort(key=lambda e: (-e.salience, e.spans[0].start))
    return entities
