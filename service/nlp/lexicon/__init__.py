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
- people: PERSON_TITLES, TITLE_MODIFIERS, PERSON_ROLES and SPEAKER_TITLES, built
  from shared blocks (OFFICES, HONORIFICS_AND_RANKS, ...) so no word is written twice.
- speech_words: verbs of saying (SAYING_VERBS, SPEECH_VERBS, REPORTING_VERBS,
  FIGURE_SOURCE_VERBS, built from one another), naming and quoting verbs, and the
  words that tell a speaker's institution, document or pronoun from a name.
- incident_words: the words naming each kind of incident (KIND_WORDS, for events)
  and the nouns a brief names an incident with (EVENT_NOUNS).
- casualty_words: casualty categories and the verbs, nouns and cues that state them.
- summary_words: page furniture, sentence cues and brief words of the summary.
- organisations: ORG_HEADS, ORG_HEADS_AFTER_NORP, CORPORATE_SUFFIXES, ACRONYM_SKIP.
- named_things: heads of venue, event and weapon names (FACILITY_HEADS, EVENT_HEADS,
  EVENT_PREFIXES, WEAPON_NOUNS) and NON_ENTITIES (time zones, programmes).
- story_furniture: what surrounds a story — BYLINE_OPENERS, STORY_LABELS, and the
  DATELINE_AGENCY and CREDIT patterns.
- word_blocks: `names` (one name per line) and `words` (words separated by spaces),
  the two ways a list is written here.
"""
