"""Direct quotations in a news article and who said them.

The work runs in three passes, each linear in the article's length:

1. `find_pieces` pairs quotation marks paragraph by paragraph (curly, straight and
   guillemets; single quotes only outside double ones). An unclosed mark is kept
   only when the next paragraph opens with a mark, the way a quote running over
   several paragraphs is written; otherwise it is dropped and never swallows text.
2. Each piece looks for its reporting clause: first up the dependency tree from the
   quoted words ("Putin described them as "..." "), then in the words of its own
   sentence outside any quote ("..., he said." / "X said: "...").
3. Pieces of one quote split by its attribution are joined; an unattributed full
   quote right after a quote or reported statement continues that speaker; quoted
   terms nobody is said to utter (scare quotes, titles, nicknames) are dropped.

Modules, lowest layer first: `quote_marks` (pass 1), `speaker_resolver` (who a
subject names, resolved to the article's fullest name), `quoted_article` (the Doc as
the passes see it), `reporting_cues` and `quote_context` (pass 2), `quote_kinds`
(full/partial, labels) and `quote_assembly` (pass 3, `extract_quotes`). Word lists
live in `service/nlp/lexicon/speech_words.py`.

Every quote carries in `rules` the names of the rules that found it, joined it or chose its
speaker (served with `explain=true`); each name is a constant beside its rule's code.
"""

from .quote_assembly import Quote, QuoteSpan, extract_quotes
from .speaker_resolver import Speaker

__all__ = ["Quote", "QuoteSpan", "Speaker", "extract_quotes"]
