"""Named entities of an article: one item per real-world entity, with its mentions.

The small spaCy model finds most names but splits one entity into many items
("Vladimir Putin", "Putin", "Putin's"), mislabels some ("Murashko" as ORG,
"Crocus City Hall" as ORG) and tags bylines, photo credits and time zones.
This package cleans the model's spans, adds a few it misses, groups the spans
by entity and ranks the entities by how central they are to the article.

Modules, lower layers first:
- entity_keys: the key equal for all written forms of one entity (`entity_key`).
- entity_records: `Entity`, `EntitySpan`, the working `Mention` and the vote weights.
- excluded_text: bylines, credits, captions and agency tags, which are not the story.
- name_shapes: token and name shapes, initials, and the type a curated list gives.
- mention_spans: cleaning a model span (trim, titles, extension over missed words).
- descriptor_nouns: lower-case nouns after a name (unit, facility, landform, public body).
- type_votes: the evidence for a mention's type and the vote.
- model_mentions: mentions from the model's entity spans.
- missed_mentions: mentions the model left untagged, and the dateline's place.
- mention_groups: grouping mentions by entity and merging short forms.
- extraction: `extract_entities`, running the steps and ranking the entities.
"""

from .entity_keys import entity_key
from .entity_records import Entity, EntitySpan
from .extraction import extract_entities

__all__ = ["Entity", "EntitySpan", "entity_key", "extract_entities"]
