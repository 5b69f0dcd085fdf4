"""Whether a sentence speaks of an earlier event or a running toll rather than the news:
the lead's dates, other years and months, "ago", "since the war began"."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..doc_facts import facts
from ..lexicon import casualty_words as cw
from .count_readings import Reading
from .counted_nouns import is_person_noun
from .token_tree import MAX_CLIMB, children, sentence_tokens

# A date within the first tokens of a sentence is the sentence's own time.
_OPENING_DATE_REACH = 4
_LEAD_SENTENCES = 2
# "since the war began", "since the start of the invasion": a running toll.
_SINCE_REACH = 5
_COMPARISON_REACH = 6


@dataclass(frozen=True, slots=True)
class Present:
    """When the news itself happens: the years it may be named by, the months (None
    when unknown), and the lead's own date phrases (lower case)."""

    years: frozenset[str]
    months: frozenset[int] | None
    lead_dates: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class IncidentLink:
    """A sentence's link to an incident other than the article's own."""

    start: int  # token index from which the sentence speaks of it
    label: str  # the article's words for it: "a previous crash", "last week", "2003"
    rule: str


# Rule names, as explanations and tests give them.
EARLIER_TIME = "earlier-time"  # "last week", "two days earlier", "in 2003", "ago"
EARLIER_MONTH = "earlier-month"  # "In June, ..." in a story of another month or dated by weekday
RUNNING_TOLL = "running-toll"  # "killed since the war began", "the war has killed"
RATE = "rate"  # "4,000 people die on Kenya's roads each year"


def month_of(date: str) -> int | None:
    """The month a date phrase names without a year ("December", "Dec. 3"), else None."""
    if cw.YEAR.search(date):
        return None
    for word in cw.LETTERS.findall(date):  # "mid-December" too
        month = cw.MONTH_NUMBERS.get(word.lower())
        if month is not None:
            return month
    return None


def _opening_date(sent: Span) -> str | None:
    """ "In December, an airstrike ...", "Two days earlier, ...": the date phrase a
    sentence opens with, as its own time."""
    for date in _date_phrases(sent[: min(len(sent), _OPENING_DATE_REACH)]):
        return date
    return None


def lead_end_char(doc: Doc, doc_text: str) -> int:
    """Where the lead ends: the first paragraph, at most two sentences."""
    paragraph_end = doc_text.find("\n\n")
    lead_end = len(doc_text) if paragraph_end < 0 else paragraph_end
    for number, sent in enumerate(facts(doc).sentences):
        if number == _LEAD_SENTENCES or sent.start_char >= lead_end:
            return min(lead_end, sent.start_char)
    return lead_end


def dates_in_lead(doc: Doc, doc_text: str) -> list[str]:
    """Dates named in the lead: the main event's own year, month or day, so that
    naming them elsewhere does not make a figure old."""
    lead_end = lead_end_char(doc, doc_text)
    shared = facts(doc)
    dates = []
    for ent in shared.ents:
        if ent.start_char >= lead_end:
            break
        if ent.label_ in ("DATE", "TIME"):  # "late Wednesday" is a TIME
            dates.append(ent.text)
    return dates


def earlier_event(sent: Span, present: Present) -> IncidentLink | None:
    """Where the sentence starts speaking of an earlier event or a running toll, by
    its dates; None if it does not.

    A sentence that says "ago", "last week" or names a year other than the lead's
    is about the past; so is one that opens with another month than the news's
    ("In June, ...") or with a span of days before it ("Two days earlier, ...").
    A year after a superlative ("the deadliest since 2004") only measures the
    current event, unless a "when" clause goes on to tell what happened then
    ("..., when 80 people died").
    """
    for date in _date_phrases(sent):
        if cw.PAST_PERIOD.search(date) and date.lower() not in present.lead_dates:
            return IncidentLink(sent.start, date, EARLIER_TIME)
    rate = cw.RATE_PHRASE.search(sent.text)
    if rate is not None:
        return IncidentLink(sent.start, rate.group().lower(), RATE)
    opening = _opening_date(sent)
    if opening is not None and opening.lower() not in present.lead_dates:
        if cw.DAYS_BEFORE.search(opening):
            return IncidentLink(sent.start, opening, EARLIER_TIME)
        month = month_of(opening)
        if present.months is not None and month is not None and month not in present.months:
            return IncidentLink(sent.start, opening, EARLIER_MONTH)
    lead_years = present.years
    tokens = sentence_tokens(sent)
    for index, token in enumerate(tokens):
        if token.lower_ in cw.HISTORICAL_CUES:
            return IncidentLink(sent.start, _date_around(token, sent), EARLIER_TIME)
        if token.lower_ == "since" and _since_a_war(tokens, index, sent):
            return IncidentLink(sent.start, "running toll", RUNNING_TOLL)
        if _is_year_to_date(tokens, index, sent):
            return IncidentLink(sent.start, "this year", RUNNING_TOLL)
        year = token.text.rstrip("s")  # "the 1990s" too
        if not cw.YEAR.fullmatch(year) or year in lead_years:
            continue
        if token.ent_type_ != "DATE" and not _is_attributive_year(token):
            continue
        if not _is_comparison_year(token, sent):
            return IncidentLink(sent.start, token.text, EARLIER_TIME)
        following = sent.doc[token.i + 1 : min(sent.end, token.i + 3)]
        when = next((t.i for t in following if t.lower_ == "when"), None)
        if when is not None:
            return IncidentLink(when, token.text, EARLIER_TIME)
    return None


def _date_around(token: Token, sent: Span) -> str:
    """The date phrase holding `token` ("two years ago"), else the token itself."""
    for date in _date_phrases(sent):
        if token.text in date.split():
            return date
    return token.text


def _is_attributive_year(token: Token) -> bool:
    """ "A 2022 heatwave", "the 2004 tsunami": a year naming an event, which the
    model tags as a cardinal. Not "the 1500 people", a count of people."""
    head = token.head
    if token.dep_ not in ("nummod", "compound", "amod") or head.i != token.i + 1:
        return False
    if head.pos_ != "NOUN" or head.lower_ in cw.CASUALTY_NOUNS or is_person_noun(head):
        return False
    doc = token.doc
    return token.i > 0 and doc[token.i - 1].lower_ in ("a", "an", "the", "'s")


def _is_year_to_date(tokens: Sequence[Token], index: int, sent: Span) -> bool:
    """ "More than 1,500 migrants have died ... this year": a running toll for the
    year, unless "this year" only measures today's event ("the deadliest this year")."""
    token = tokens[index]
    if token.lower_ != "year" or index == 0 or tokens[index - 1].lower_ != "this":
        return False
    if token.ent_type_ != "DATE":
        return False
    before = sent.doc[max(sent.start, token.i - _COMPARISON_REACH) : token.i]
    return not any(t.tag_ == "JJS" or t.lower_ in cw.SUPERLATIVE_NOUNS for t in before)


def _since_a_war(tokens: Sequence[Token], index: int, sent: Span) -> bool:
    """ "..., 38,000 killed since the war began": a war's running toll, unless it only
    measures today's event ("the deadliest day since the war began")."""
    following = tokens[index + 1 : index + 1 + _SINCE_REACH]
    if not any(t.lemma_.lower() in cw.CUMULATIVE_AGENTS for t in following):
        return False
    return not _is_comparison_year(tokens[index], sent)


def _date_phrases(sent: Span) -> Iterable[str]:
    """The texts of the DATE entities in `sent`.

    Read from the tokens: Span.ents scans every entity of the document, which
    would make a per-sentence call quadratic in the article's length.
    """
    words: list[str] = []
    for token in sentence_tokens(sent):
        if token.ent_type_ == "DATE" and (token.ent_iob_ == "I" or not words):
            words.append(token.text)
            continue
        if words:
            yield " ".join(words)
        words = [token.text] if token.ent_type_ == "DATE" else []
    if words:
        yield " ".join(words)


def _is_comparison_year(year: Token, sent: Span) -> bool:
    """ "the deadliest attack since 2004": a year that only measures today's event.

    The measure runs "since" the year; "the worst landslide, in 2014, killed 156"
    is the earlier event itself.
    """
    before = sent.doc[max(sent.start, year.i - _COMPARISON_REACH) : year.i + 1]
    superlative = next(
        (t.i for t in before if t.tag_ == "JJS" or t.lower_ in cw.SUPERLATIVE_NOUNS), None
    )
    if superlative is not None and any(
        t.lower_ == "since" for t in sent.doc[superlative : year.i + 1]
    ):
        return True
    return _measured_since(year)


def _measured_since(year: Token) -> bool:
    """ "the deadliest attack since a previous bombing in 2010": the year sits under a
    "since" that measures a superlative, however long the phrase between them."""
    node = year
    for _ in range(MAX_CLIMB):
        if node.lower_ == "since" and node.dep_ == "prep":
            # "since" hangs on the superlative's noun, or on the copula before it
            # ("It was the deadliest crash since ...").
            measured = [node.head] + [
                c for c in children(node.head) if c.dep_ in ("attr", "acomp", "nsubj")
            ]
            return any(
                m.tag_ == "JJS"
                or any(c.tag_ == "JJS" or c.lower_ in cw.SUPERLATIVE_NOUNS for c in children(m))
                for m in measured
            )
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def is_cumulative(sent: Span, reading: Reading) -> bool:
    """ "The war has killed 485 children": a running toll of a war, not the event."""
    doc = sent.doc
    for index in reading.evidence:
        verb = doc[index]
        for _ in range(MAX_CLIMB):
            if verb.dep_ != "conj" or verb.head.i == verb.i:
                break
            verb = verb.head  # "the war has killed ... and injured ..." shares the subject
        for child in children(verb):
            if child.dep_ == "nsubj" and child.lemma_.lower() in cw.CUMULATIVE_AGENTS:
                return True
    return False
