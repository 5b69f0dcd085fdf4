"""Every word list the extractors read, each written once, one module per theme.

Consumers import the list they need from the module of its theme
(`from ..lexicon.people import PERSON_TITLES`; the places as
`from ..lexicon import gazetteer as gz`), so a list's home is where a newcomer
looks for it: a new list goes in the module of its theme, or a new module here.
The lists are kept deliberately short: only names and words whose role in
English news writing is stable.

- gazetteer: places — COUNTRIES, CITIES, REGIONS, DEMONYMS.
- place_words: nouns and prepositions that mark a place — REGION_NOUNS,
  PLACE_CONFIRMING_NOUNS, PLACE_NOUNS, PLACE_PREPOSITIONS.
- canonical_names: CANONICAL_ALIASES (one name for many written forms), and the
  canonical keys typed as places or organisations (GPE_CANONICALS, ORG_CANONICALS),
  INVERTIBLE_HEADS ("Department of Labor" is the "Labor Department").
- media: NEWS_AGENCIES, MEDIA_NOUNS, SOCIAL_PLATFORMS.
- people: PERSON_TITLES, TITLE_MODIFIERS, PERSON_ROLES.
- speech: SPEECH_VERBS.
- organisations: ORG_HEADS, ORG_HEADS_AFTER_NORP, CORPORATE_SUFFIXES, ACRONYM_SKIP.
- named_things: heads of venue, event and weapon names (FACILITY_HEADS, EVENT_HEADS,
  EVENT_PREFIXES, WEAPON_NOUNS) and NON_ENTITIES (time zones, programmes).
- story_furniture: what surrounds a story — BYLINE_OPENERS, STORY_LABELS, and the
  DATELINE_AGENCY and CREDIT patterns.
- word_blocks: `names`, which reads a list written one name per line.
"""
