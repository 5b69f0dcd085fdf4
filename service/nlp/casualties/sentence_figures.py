"""Per sentence work: the figures of one sentence, from its counts' readings and zero
statements, with what every figure of the sentence shares worked out once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..lexicon import casualty_words as cw
from ..numbers import EXACT, bounds
from .attribution import according_to, sentence_speaker, speaker_above
from .count_phrases import CountPhrase, count_phrases
from .count_readings import Reading, count_reading, single_person_readings
from .counted_nouns import counted_noun, is_countable_as_casualty
from .earlier_events import RUNNING_TOLL, IncidentLink, is_cumulative
from .figures import CasualtyFigure
from .named_victims import victim_readings
from .non_head_counts import is_not_a_head_count, is_subgroup
from .token_tree import children
from .zero_statements import zero_statements

MAIN_INCIDENT = "main"
_MAX_SENTENCE_CHARS = 2000
_SENTENCE_CONTEXT_CHARS = 600


@dataclass(frozen=True, slots=True)
class _SentenceContext:
    """What every figure of one sentence shares, worked out once per sentence."""

    sent: Span
    doc_text: str  # Doc.text joins every token on each access: read it once per document
    text: str
    link: IncidentLink | None  # the other incident the sentence speaks of, from `link.start`
    according_to: str | None
    speaker: str | None

    def attribution(self, anchor: Token) -> str | None:
        return self.according_to or speaker_above(anchor) or self.speaker

    def other_incident(self, phrase: CountPhrase) -> str | None:
        if self.link is not None and phrase.start >= self.link.start:
            return self.link.label
        return None


def sentence_figures(
    sent: Span,
    doc_text: str,
    link: IncidentLink | None = None,
    stated: frozenset[str] = frozenset(),
) -> list[CasualtyFigure]:
    """The figures of one sentence; `link` is the other incident it speaks of, if any."""
    according = according_to(sent)
    context = _SentenceContext(
        sent=sent,
        doc_text=doc_text,
        text=doc_text[sent.start_char : sent.end_char],
        link=link,
        according_to=according,
        speaker=sentence_speaker(sent) if according is None else None,
    )
    figures: list[CasualtyFigure] = []
    categories_seen: set[str] = set()
    for phrase, reading in _sentence_readings(sent):
        # "Three more people died" raises a toll; "..., with 20 more injured" after a
        # death count adds people of another kind and is a figure of its own, and so does
        # "Another 52 were wounded" after a sentence that gave only the dead.
        if (
            _is_increment(sent, phrase)
            and not (categories_seen - {reading.category})
            and not _adds_a_category(sent, phrase, reading.category, stated)
        ):
            continue
        categories_seen.add(reading.category)
        other = context.other_incident(phrase)
        if other is None and is_cumulative(sent, reading):
            other = RUNNING_TOLL
        figures.append(_figure(context, phrase, reading, other))
    for category, tokens in zero_statements(sent):
        phrase = CountPhrase(tokens[0], tokens[0] + 1, tokens[0], bounds(0, EXACT))
        reading = Reading(category, None, tuple(tokens), ZERO_STATEMENT)
        figures.append(_figure(context, phrase, reading, context.other_incident(phrase)))
    figures.sort(key=lambda f: (f.start, f.end))
    return figures


def _sentence_readings(sent: Span) -> Iterable[tuple[CountPhrase, Reading]]:
    # Listed victims are read as one figure: a count inside the list ("two children")
    # or an "a" starting it is one of its members, not a figure of its own.
    listed = list(victim_readings(sent))
    yield from listed
    spans = [(phrase.start, phrase.end) for phrase, _ in listed]

    def inside_a_list(phrase: CountPhrase) -> bool:
        return any(start <= phrase.start < end for start, end in spans)

    previous: tuple[CountPhrase, Reading] | None = None
    for phrase in count_phrases(sent):
        if inside_a_list(phrase):
            continue
        if is_not_a_head_count(sent, phrase) or is_subgroup(sent, phrase):
            continue
        noun = counted_noun(sent, phrase)
        if noun is not None and not is_countable_as_casualty(noun):
            continue
        reading = count_reading(sent, phrase, noun)
        if reading is None and previous is not None and noun is None:
            reading = breakdown_part(sent, phrase, *previous)
        if reading is not None:
            previous = (phrase, reading)
            yield phrase, reading
    for phrase, reading in single_person_readings(sent):
        if not inside_a_list(phrase):
            yield phrase, reading


BREAKDOWN = "breakdown-by-place"
ZERO_STATEMENT = "zero-statement"


def breakdown_part(
    sent: Span, phrase: CountPhrase, before: CountPhrase, reading: Reading
) -> Reading | None:
    """ "93 people died in the capital, 69 in the north and one in the south": a count
    followed by a place, after a figure with no other verb between them, is a part of
    the same figure's category (rule `breakdown-by-place`)."""
    doc = sent.doc
    if phrase.end >= sent.end or doc[phrase.end].lower_ not in cw.BREAKDOWN_PREPOSITIONS:
        return None
    evidence = set(reading.evidence)
    for token in doc[before.end : phrase.q_start]:
        if (
            token.pos_ in ("VERB", "AUX")
            and token.i not in evidence
            and token.head.i not in evidence
        ):
            return None
    # The part's own words: "69 in the north", up to the end of its place.
    place_end = min(doc[phrase.end].right_edge.i, sent.end - 1)
    return Reading(reading.category, None, (place_end,), BREAKDOWN)


def _figure(
    context: _SentenceContext, phrase: CountPhrase, reading: Reading, other_incident: str | None
) -> CasualtyFigure:
    doc = context.sent.doc
    indices = [phrase.q_start, phrase.end - 1, *reading.evidence]
    if reading.noun is not None:
        indices.append(reading.noun.i)
    first, last = min(indices), max(indices)
    start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
    undashed = doc[first].text.lstrip("-–—")
    if undashed:
        start += len(doc[first].text) - len(undashed)  # "-A girl" after a dateline
    anchor = doc[reading.evidence[0] if reading.evidence else phrase.start]
    count = phrase.count
    return CasualtyFigure(
        category=reading.category,
        value=count.value,
        min=count.min,
        max=count.max,
        qualifier=count.qualifier,
        approximate=count.approximate,
        text=context.doc_text[start:end],
        who=_who(reading.noun),
        historical=other_incident is not None,
        rules=(reading.rule,) if other_incident is None else (reading.rule, _link_rule(context)),
        incident=MAIN_INCIDENT if other_incident is None else other_incident,
        attributed_to=context.attribution(anchor),
        sentence=_sentence_excerpt(context, start, end),
        start=start,
        end=end,
    )


def _link_rule(context: _SentenceContext) -> str:
    return context.link.rule if context.link is not None else RUNNING_TOLL


def _sentence_excerpt(context: _SentenceContext, start: int, end: int) -> str:
    """The sentence, or for a degenerate run-on "sentence" the part around the figure,
    so that many figures in one huge sentence do not each carry all of it."""
    # Without the paragraph break a sentence's span ends with.
    if len(context.text) <= _MAX_SENTENCE_CHARS:
        return context.text.rstrip()
    sent_start = context.sent.start_char
    low = max(start - _SENTENCE_CONTEXT_CHARS, sent_start)
    high = min(end + _SENTENCE_CONTEXT_CHARS, context.sent.end_char)
    return context.doc_text[low:high].rstrip()


def _who(noun: Token | None) -> str | None:
    if noun is None:
        return None
    parts = [c for c in children(noun) if c.dep_ == "compound" and c.i < noun.i]
    first = min([noun.i, *(c.i for c in parts)])
    doc = noun.doc
    return doc[first : noun.i + 1].text


def _is_increment(sent: Span, phrase: CountPhrase) -> bool:
    """ "Three more people have died": a rise in a toll, not a toll."""
    doc = sent.doc
    after = doc[phrase.end].lower_ if phrase.end < sent.end else ""
    before = doc[phrase.q_start - 1].lower_ if phrase.q_start > sent.start else ""
    return after in cw.INCREMENT_WORDS or before in ("another", "further", "additional")


def _adds_a_category(
    sent: Span, phrase: CountPhrase, category: str, stated: frozenset[str]
) -> bool:
    """ "Another 52 people were wounded" after sentences that gave only the dead: the
    increment word stands before the count, and what it adds is a category of its own."""
    if not stated or category in stated or phrase.q_start <= sent.start:
        return False
    return sent.doc[phrase.q_start - 1].lower_ in ("another", "further", "additional")
