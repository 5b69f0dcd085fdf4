"""The article's extractive summary and its one-line brief.

The summary scores every body sentence once and picks the best few without
repeats; the brief says in one line what happened (an incident: event, place,
date, casualties, who is blamed) or who did or said what (any other story).

Summary, lowest layer first:
- page_furniture: bylines, captions, credits, boilerplate and scraps that are not body
- sentence_units: the article's sentences (ArticleSentence, article_sentences)
- sentence_features: each sentence's cues (responsibility, the attacker's fate, ...) and weights
- readability: how well a sentence reads on its own
- sentence_ranking: every body sentence scored (SummarySentence, rank_sentences)
- sentence_selection: the summary without repeats (summarize, summaries_by_size)
- compression: a sentence without what carries no key fact (named deletion rules)
- word_budget: compressed pieces, and the summary of at most N words chosen from them

Brief:
- brief_inputs: the protocols of the totals, entities and quotes it reads
- brief_phrases: subjects, main clauses, modified nouns, canonical names
- incident_brief: "<event>, <place>, <date>: <casualties>; <who is blamed>."
- actor_brief: "<main actors>: <what the lead sentence says they did>"
- brief: compose_brief, casualty_phrase, the one-line limit

Word lists live in nlp/lexicon/summary_words.py.
"""

from .brief import MAX_BRIEF_CHARS, casualty_phrase, compose_brief
from .sentence_ranking import SummarySentence, rank_sentences
from .sentence_selection import (
    SUMMARY_METHOD,
    pick_order,
    summaries_by_size,
    summaries_from_picks,
    summarize,
)
from .sentence_units import article_sentences
from .word_budget import (
    DEFAULT_WORDS,
    MAX_PIECES,
    MAX_WORDS,
    MIN_WORDS,
    WORDS_METHOD,
    SummaryPiece,
    summary_in_words,
    summary_pieces,
)

__all__ = [
    "DEFAULT_WORDS",
    "MAX_BRIEF_CHARS",
    "MAX_PIECES",
    "MAX_WORDS",
    "MIN_WORDS",
    "WORDS_METHOD",
    "SummaryPiece",
    "SUMMARY_METHOD",
    "SummarySentence",
    "article_sentences",
    "casualty_phrase",
    "compose_brief",
    "pick_order",
    "rank_sentences",
    "summaries_by_size",
    "summaries_from_picks",
    "summarize",
    "summary_in_words",
    "summary_pieces",
]
