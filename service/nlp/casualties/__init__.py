"""Casualty figures (killed, injured, missing) stated in a news article.

Each count in a sentence is tied to a casualty word through the parse or,
where the small model's parse is unreliable, through the few word positions
news writing uses: "60 people were killed", "killing 60 people", "60 dead",
"the death toll rose to 60". Work is per sentence, with windows of a few
tokens, so the cost stays linear in the length of the article.

Modules, from the article down to the parse (each imports only those below it):
- article_figures: extract_casualties, every sentence's figures, minus retracted
  ones and single victims counted in a larger toll.
- figures: CasualtyFigure, CasualtyTotal, casualty_totals, is_superseded.
- sentence_figures: the figures of one sentence and what they share.
- attribution: "according to X", "X said".
- earlier_events: whether a sentence tells of an earlier event or a running toll.
- zero_statements: "No one was hurt", "there were no casualties".
- count_readings: what a count is counting (its category and evidence).
- toll_readings: "the death toll rose to 133".
- non_head_counts: ages, dates, times and other numbers that count no people.
- counted_nouns: the noun a count counts, and whether it names people.
- casualty_predicates: the casualty words after a count or over it in the parse.
- count_phrases: the counts in a sentence, with qualifiers and ranges.
- token_tree: bounded steps through the parse.
The word lists are in service/nlp/lexicon/casualty_words.py.
"""

from .article_figures import extract_casualties
from .figures import CasualtyFigure, CasualtyTotal, casualty_totals, is_superseded

__all__ = [
    "CasualtyFigure",
    "CasualtyTotal",
    "casualty_totals",
    "extract_casualties",
    "is_superseded",
]
