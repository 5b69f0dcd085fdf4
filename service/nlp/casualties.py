"""Casualty figures (killed, injured, missing) stated in a news article.

Each count in a sentence is tied to a casualty word through the parse or,
where the small model's parse is unreliable, through the few word positions
news writing uses: "60 people were killed", "killing 60 people", "60 dead",
"the death toll rose to 60". Work is per sentence, with windows of a few
tokens, so the cost stays linear in the length of the article.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .doc_facts import facts, facts_scope
from .numbers import (
    AT_LEAST,
    COUNT_WORDS,
    EXACT,
    NUMBER_WORDS,
    TENS,
    UNITS,
    VAGUE_PLURALS,
    Count,
    bounds,
    combine_qualifiers,
    digits_value,
    leading_qualifier,
    lower_bound,
    range_count,
    resolve_count,
    trailing_at_least,
)


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


KILLED = "killed"
INJURED = "injured"
MISSING = "missing"
CATEGORIES = (KILLED, INJURED, MISSING)

# Verb and adjective lemmas that state a casualty when a count is their subject
# or object. spaCy lemmatises participles used as adjectives inconsistently, so
# the surface forms are listed too.
_PREDICATES = {
    "kill": KILLED,
    "killed": KILLED,
    "die": KILLED,
    "dead": KILLED,
    "slay": KILLED,
    "slain": KILLED,
    "murder": KILLED,
    "perish": KILLED,
    "massacre": KILLED,
    "drown": KILLED,
    "behead": KILLED,
    "execute": KILLED,
    "injure": INJURED,
    "injured": INJURED,
    "wound": INJURED,
    "wounded": INJURED,
    "hurt": INJURED,
    "hospitalize": INJURED,
    "hospitalise": INJURED,
    "hospitalized": INJURED,
    "hospitalised": INJURED,
    "maim": INJURED,
    "missing": MISSING,
    "unaccounted": MISSING,
}
# "missing" is lemmatised to "miss"; only its -ing form means unaccounted for.
_MISSING_FORMS = frozenset({"missing"})
_LIFE_TAKING_LEMMAS = frozenset({"claim", "lose", "take", "cost"})
# "were treated for injuries", "escaped with burns", "suffered wounds": injured people.
_WOUND_NOUNS = frozenset({"injury", "wound", "burn", "fracture", "concussion", "laceration"})
_BREAKING_WORDS = frozenset({"broken", "fractured", "crushed"})
_WOUND_TREATING_VERBS = frozenset(
    {"treat", "survive", "escape", "admit", "hospitalize", "hospitalise", "airlift"}
)
_WOUND_BEARING_VERBS = frozenset({"suffer", "sustain"})
# "23 others were taken to hospital", "32 people were treated at hospitals": the
# British and wire way of counting the injured.
_HOSPITAL_VERBS = frozenset(
    {"take", "rush", "treat", "admit", "airlift", "fly", "carry", "transport", "bring"}
)
_HOSPITAL_PREPOSITIONS = frozenset({"to", "at", "in", "into"})

# Nouns that are the casualty themselves: "60 deaths", "12 dead", "30 wounded".
_CASUALTY_NOUNS = {
    "death": KILLED,
    "deaths": KILLED,
    "fatality": KILLED,
    "fatalities": KILLED,
    "dead": KILLED,
    "body": KILLED,
    "bodies": KILLED,
    "life": KILLED,
    "lives": KILLED,
    "killed": KILLED,
    "injury": INJURED,
    "injuries": INJURED,
    "injured": INJURED,
    "wounded": INJURED,
    "hurt": INJURED,
    "missing": MISSING,
}

_REMAINS_NOUNS = frozenset({"bodies", "remains", "corpses"})

_PERSON_NOUNS = _word_set("""
    people person persons individual individuals man men woman women child children kid kids
    boy boys girl girls baby babies infant infants toddler toddlers teenager teenagers teen
    teens adult adults youth youths student students pupil pupils teacher teachers worker
    workers employee employees staff civilian civilians resident residents villager
    villagers citizen citizens national nationals passenger passengers pilgrim pilgrims
    worshipper worshippers worshiper worshipers tourist tourists visitor visitors spectator
    spectators fan fans concertgoer concertgoers soldier soldiers troops trooper troopers
    officer officers policeman policemen policewoman policewomen police guard guards
    firefighter firefighters rescuer rescuers miner miners migrant migrants refugee refugees
    protester protesters protestor protestors demonstrator demonstrators journalist
    journalists reporter reporters doctor doctors nurse nurses patient patients member
    members family families relative relatives victim victims survivor survivors others
    casualty casualties crew sailor sailors fisherman fishermen farmer farmers shopper
    shoppers customer customers driver drivers pedestrian pedestrians motorist motorists
    cyclist cyclists athlete athletes player players guest guests attendee attendees inmate
    inmates prisoner prisoners hostage hostages personnel agent agents deputy deputies
    marine marines sailor militiaman militiamen fighter fighters volunteer volunteers aid
    official officials
""")
# Attackers are counted, but they are not the event's casualties.
_ATTACKER_NOUNS = _word_set("""
    gunman gunmen attacker attackers assailant assailants shooter shooters suspect suspects
    bomber bombers perpetrator perpetrators terrorist terrorists hijacker hijackers
    militants insurgent insurgents
""")
_PERSON_SUFFIXES = ("ers", "ors", "ists", "ians", "ans", "ents", "ants", "ees")

_TOLL_NOUNS = frozenset({"toll", "tally", "count"})
_TOLL_NUMBER_NOUNS = frozenset({"number", "figure", "total"})
_TOLL_LINKS = frozenset(
    {
        "to",
        "at",
        "of",
        "reached",
        "reach",
        "reaches",
        "hit",
        "hits",
        "past",
        "passed",
        "topped",
        "tops",
        "surpassed",
        "exceeded",
        "exceeds",
        "from",
        "is",
        "was",
        "stands",
        "stood",
        "as",
    }
)
_COUNTED_DEATHS = frozenset({"death", "fatality"})
_TOLL_CHANGE_VERBS = frozenset(
    {"rise", "fall", "climb", "increase", "decrease", "drop", "jump", "reach", "hit", "top"}
)
_TOLL_WINDOW = 14
_RESULT_ROLES = frozenset({"oprd", "acomp", "advmod", "xcomp", "ccomp", "dobj", "attr"})
_NOUN_MODIFIERS = frozenset({"det", "compound", "amod", "poss", "nmod"})
_TOLL_ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})

# "among" is not here: "were among 7 people killed" states the whole toll.
_SUBGROUP_CUES = frozenset({"including", "includes", "included", "incl", "incl."})
_OPENING_TOKENS = 10
_PARTITIVE_FOLLOWERS = frozenset({"the", "them", "whom", "those", "these", "which", "us", "its"})
_INCREMENT_WORDS = frozenset({"more", "additional", "further", "extra", "new"})
_SKIPPABLE_IN_PREDICATE = frozenset(
    {
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "being",
        "have",
        "has",
        "had",
        "will",
        "would",
        "may",
        "might",
        "could",
        "reportedly",
        "also",
        "all",
        "still",
        "now",
        "later",
        "so",
        "far",
        "who",
        "that",
        "remain",
        "remained",
        "remains",
        "reported",
        "confirmed",
        "believed",
        "feared",
        "thought",
        "said",
        "to",
        "seriously",
        "critically",
        "severely",
        "badly",
        "fatally",
        "slightly",
        "lightly",
        "either",
        "got",
        "left",
        "listed",
        "as",
    }
)
_PREDICATE_WINDOW = 6
_NOUN_WINDOW = 4

_SCALE_WORDS = NUMBER_WORDS - frozenset(UNITS) - frozenset(TENS)
_COMPOUND_NUMBER_LEFT = frozenset(TENS) | {"hundred", "thousand", "and"}

# ", including 12 children,", ", mostly women,": an aside between a count and its verb.
_ASIDE_OPENERS = frozenset({"including", "among", "mostly", "most", "many", "all"})
_ASIDE_REACH = 8
_TIMES_OF_DAY = frozenset(
    {"morning", "afternoon", "evening", "night", "midday", "noon", "midnight", "dawn", "dusk"}
)
_AGE_WORDS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})
# Singular people whose "of N" is an age: "a child of 12" (not "a family of five").
_AGE_HOLDERS = frozenset({"child", "boy", "girl", "man", "woman", "teenager", "youth", "baby"})
_AGE_LIST_REACH = 8
_NON_COUNT_FOLLOWERS = frozenset({"%", "percent", "per", "p.m.", "a.m.", "pm", "am", "o'clock"})
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_LETTERS = re.compile(r"[^\W\d_]+")
_MONTHS = frozenset(_MONTH_NUMBERS)
# A date within the first tokens of a sentence is the sentence's own time.
_OPENING_DATE_REACH = 4
_YEAR_PREPOSITIONS = frozenset({"in", "since", "by", "until", "of", "from", "early", "late", "mid"})

_SAY_LEMMAS = frozenset(
    {
        "say",
        "report",
        "confirm",
        "announce",
        "tell",
        "state",
        "add",
        "estimate",
        "write",
        "tweet",
        "post",
        "cite",
        "quote",
        "claim",
        "accord",
        "update",
        "publish",
    }
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})
_ATTRIBUTION_MAX_TOKENS = 12
_MAX_CLIMB = 12
_CHILD_REACH = 40
_MAX_SENTENCE_CHARS = 2000
_SENTENCE_CONTEXT_CHARS = 600

# An ongoing war's or epidemic's running toll is context, not the reported event.
_CUMULATIVE_AGENTS = frozenset(
    {
        "war",
        "conflict",
        "invasion",
        "insurgency",
        "pandemic",
        "epidemic",
        "occupation",
    }
)
_CLAUSE_BREAK = re.compile(r"[,;:()]")
_SUPERSEDED_CUE = re.compile(
    r"\b(?:earlier|initially|initial|previously|previous|originally)\b", re.IGNORECASE
)
_SUPERSEDED_REACH = 6
_SUPERSEDED_OPENING = re.compile(
    r"\W*(?:earlier|initially|previously|originally)\s*,", re.IGNORECASE
)
# "Earlier on Saturday, officials had said ...": an earlier time of the same news, then
# what was said then (past perfect). Without "had", "Earlier this month, a bombing
# killed 60" is another event, for the historical rules.
_EARLIER_REPORT = re.compile(
    r"\W*earlier\s+(?:on|in|this|that)\b[^,]{0,25},.*\bhad\s+"
    r"(?:said|put|reported|given|estimated|announced|confirmed)\b",
    re.IGNORECASE | re.DOTALL,
)
_LEAD_SENTENCES = 2
# A correction appended to a story restates the wrong figure it replaces.
_CORRECTION_NOTE = re.compile(
    r"^\W*(?:corrections?|clarifications?|editor['’]s\s+note)\s*[:\-–—]",
    re.IGNORECASE | re.MULTILINE,
)
_EARLIER_VERSION = re.compile(
    r"\b(?:an?|the)\s+(?:earlier|previous)\s+version\s+of\s+this\b", re.IGNORECASE
)
# "since the war began", "since the start of the invasion": a running toll.
_SINCE_REACH = 5
_COMPARISON_REACH = 6
_SUPERLATIVE_NOUNS = frozenset({"record", "worst", "deadliest"})
# "A year earlier", "two years before", "last year": a date set apart from the news.
_PAST_PERIOD = re.compile(
    r"\b(?:years?|decades?|months?)\s+(?:earlier|before|prior)\b"
    r"|\b(?:last|previous|the\s+prior)\s+(?:year|decade|month)\b",
    re.IGNORECASE,
)
_HISTORICAL_CUES = frozenset({"ago", "anniversary"})
_COMPARATIVES = frozenset({"fewer", "less", "more", "than"})
_ZERO_SUBJECTS = frozenset({"nobody", "none", "no-one", "noone"})
_ZERO_NOUNS = {
    "casualties": (KILLED, INJURED),
    "casualty": (KILLED, INJURED),
    "deaths": (KILLED,),
    "death": (KILLED,),
    "fatalities": (KILLED,),
    "fatality": (KILLED,),
    "injuries": (INJURED,),
    "injury": (INJURED,),
    "dead": (KILLED,),
    "injured": (INJURED,),
}


@dataclass(frozen=True, slots=True)
class CasualtyFigure:
    """One statement of people killed, injured or missing."""

    category: str
    value: int
    min: int | None
    max: int | None
    qualifier: str
    approximate: bool
    text: str
    who: str | None
    historical: bool
    attributed_to: str | None
    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CasualtyTotal:
    """The article's current figure for one category."""

    value: int
    min: int | None
    max: int | None
    qualifier: str


# A category and the token indices that state it.
_Evidence = tuple[str, tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class _CountPhrase:
    """A count in a sentence: token indices [start, end) of the number words,
    [q_start, end) including its qualifier, and the resolved Count."""

    start: int
    end: int
    q_start: int
    count: Count


@dataclass(frozen=True, slots=True)
class _Reading:
    """What a count counts: its category, the noun phrase and the tokens that say so."""

    category: str
    noun: Token | None
    evidence: tuple[int, ...]


# ---------------------------------------------------------------- public API


def extract_casualties(
    doc: Doc, *, current_year: int | None = None, current_month: int | None = None
) -> list[CasualtyFigure]:
    """Every statement of people killed, injured or missing in `doc`, in text order.

    `current_year` (e.g. the publication year, when known) is the main event's
    year: a sentence naming it is not about an earlier event. Without it, the
    years named in the article's lead play that part. `current_month` (1-12, the
    publication month) likewise tells "In December, an airstrike killed 100" in a
    March story from the news itself.
    """
    figures: list[CasualtyFigure] = []
    if not doc.has_annotation("SENT_START"):
        return []  # without a parse there is nothing reliable to read
    with facts_scope(doc) as shared:
        doc_text = shared.text
        lead_dates = _lead_dates(doc, doc_text)
        lead_years = {m.group(0) for date in lead_dates for m in _YEAR.finditer(date)}
        if current_year is not None:
            # A lead year long before publication dates an earlier event the story
            # returns to ("jailed on Friday for a 2021 fire that killed three"); the
            # year before still counts, for stories published just after New Year.
            lead_years = {y for y in lead_years if int(y) >= current_year - 1}
            lead_years |= {str(current_year)}
        present = _Present(
            frozenset(lead_years),
            None
            if current_month is None
            else frozenset({current_month} | {m for m in map(_month_of, lead_dates) if m}),
        )
        stated: set[str] = set()  # categories of the current event stated so far
        retracted = _retracted_ranges(doc_text, shared.sentences)
        for sent in shared.sentences:
            found = _sentence_figures(sent, doc_text, present, frozenset(stated))
            found = [f for f in found if not any(a <= f.start < b for a, b in retracted)]
            stated.update(f.category for f in found if not f.historical)
            figures.extend(found)
    return _without_subsumed_singles(figures)


def casualty_totals(figures: Sequence[CasualtyFigure]) -> dict[str, CasualtyTotal | None]:
    """Per category, the largest non-historical lower bound stated; None when none.

    Two refinements decide between the candidates first. A figure the text
    presents as replaced ("after earlier reporting 11 dead") yields to current
    ones. A firm lower bound (exact, at least, more than, a range) wins over an
    approximate figure ("nearly 100", "about 900", "up to 6,000"): "almost 100
    killed" and "at least 95 killed" in one article make 95 the figure it
    stands behind.
    """
    totals: dict[str, CasualtyTotal | None] = {}
    for category in CATEGORIES:
        current = [f for f in figures if f.category == category and not f.historical]
        if not current:
            totals[category] = None
            continue
        best = max(current, key=_total_rank)
        totals[category] = CasualtyTotal(best.value, best.min, best.max, best.qualifier)
    return totals


def _total_rank(figure: CasualtyFigure) -> tuple[bool, bool, int, int]:
    return (
        not is_superseded(figure),
        figure.min is not None,
        lower_bound(figure.min, figure.value),
        figure.value,
    )


def is_superseded(figure: CasualtyFigure) -> bool:
    """True for a figure the same sentence presents as replaced: "after earlier
    reporting 11 dead", "initial estimates put the number at 130", "rose to 133 from 115"."""
    text = figure.text.lower()
    if text.startswith("from "):
        return True
    at = figure.sentence.find(figure.text)
    if at < 0:
        return False
    before = figure.sentence[:at]
    if _SUPERSEDED_OPENING.match(before):
        return True  # "Earlier, officials had put the toll at 40."
    if _EARLIER_REPORT.match(before):
        return True  # "Earlier on Saturday, officials had said 11 people had died."
    clause = _CLAUSE_BREAK.split(before)[-1]
    # Only the words right before the figure: "earlier this month, ... killed 60" is a date.
    nearby = " ".join(clause.split()[-_SUPERSEDED_REACH:])
    return _SUPERSEDED_CUE.search(nearby) is not None


# ---------------------------------------------------------- per sentence work


@dataclass(frozen=True, slots=True)
class _SentenceContext:
    """What every figure of one sentence shares, worked out once per sentence."""

    sent: Span
    doc_text: str  # Doc.text joins every token on each access: read it once per document
    text: str
    historical_from: int | None
    according_to: str | None
    speaker: str | None

    def attribution(self, anchor: Token) -> str | None:
        return self.according_to or _speaker_above(anchor) or self.speaker

    def is_historical(self, phrase: _CountPhrase) -> bool:
        return self.historical_from is not None and phrase.start >= self.historical_from


def _retracted_ranges(doc_text: str, sentences: Sequence[Span]) -> list[tuple[int, int]]:
    """Character ranges where a story takes back figures it gave: a "Correction:" note
    (to the end of its paragraph), which repeats the wrong figure it replaces, and "an
    earlier version of this story said ..." (to the end of its sentence)."""
    ranges = []
    for note in _CORRECTION_NOTE.finditer(doc_text):
        paragraph_end = doc_text.find("\n\n", note.start())
        ranges.append((note.start(), len(doc_text) if paragraph_end < 0 else paragraph_end))
    for earlier in _EARLIER_VERSION.finditer(doc_text):
        sentence_end = next(
            (s.end_char for s in sentences if s.start_char <= earlier.start() < s.end_char),
            len(doc_text),
        )
        ranges.append((earlier.start(), sentence_end))
    return ranges


def _sentence_figures(
    sent: Span, doc_text: str, present: _Present, stated: frozenset[str] = frozenset()
) -> list[CasualtyFigure]:
    according = _according_to(sent)
    context = _SentenceContext(
        sent=sent,
        doc_text=doc_text,
        text=doc_text[sent.start_char : sent.end_char],
        historical_from=_historical_from(sent, present),
        according_to=according,
        speaker=_sentence_speaker(sent) if according is None else None,
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
        historical = context.is_historical(phrase) or _is_cumulative(sent, reading)
        figures.append(_figure(context, phrase, reading, historical))
    for category, tokens in _zero_statements(sent):
        phrase = _CountPhrase(tokens[0], tokens[0] + 1, tokens[0], bounds(0, EXACT))
        reading = _Reading(category, None, tuple(tokens))
        figures.append(_figure(context, phrase, reading, context.is_historical(phrase)))
    figures.sort(key=lambda f: (f.start, f.end))
    return figures


def _sentence_readings(sent: Span) -> Iterable[tuple[_CountPhrase, _Reading]]:
    for phrase in _count_phrases(sent):
        if _is_not_a_head_count(sent, phrase) or _is_subgroup(sent, phrase):
            continue
        noun = _counted_noun(sent, phrase)
        if noun is not None and not _is_countable_as_casualty(noun):
            continue
        reading = _reading(sent, phrase, noun)
        if reading is not None:
            yield phrase, reading
    yield from _single_person_readings(sent)


def _figure(
    context: _SentenceContext, phrase: _CountPhrase, reading: _Reading, historical: bool
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
        historical=historical,
        attributed_to=context.attribution(anchor),
        sentence=_sentence_excerpt(context, start, end),
        start=start,
        end=end,
    )


def _sentence_excerpt(context: _SentenceContext, start: int, end: int) -> str:
    """The sentence, or for a degenerate run-on "sentence" the part around the figure,
    so that many figures in one huge sentence do not each carry all of it."""
    if len(context.text) <= _MAX_SENTENCE_CHARS:
        return context.text
    sent_start = context.sent.start_char
    low = max(start - _SENTENCE_CONTEXT_CHARS, sent_start)
    high = min(end + _SENTENCE_CONTEXT_CHARS, context.sent.end_char)
    return context.doc_text[low:high]


# ------------------------------------------------------------ finding counts


def _count_phrases(sent: Span) -> list[_CountPhrase]:
    """The counts in `sent`, each with its qualifier; ranges come out as one phrase."""
    groups = _number_groups(sent)
    phrases: list[_CountPhrase] = []
    skip_next = False
    for index, (start, end) in enumerate(groups):
        if skip_next:
            skip_next = False
            continue
        words = [t.text for t in sent.doc[start:end]]
        resolved = resolve_count(words)
        if resolved is None:
            continue
        value, implied = resolved
        following = groups[index + 1] if index + 1 < len(groups) else None
        high = _range_end(sent, start, end, following)
        if high is not None:
            phrases.append(_CountPhrase(*_range_phrase(sent, start, following, value, high)))
            skip_next = True
            continue
        q_start, stated = _qualifier_before(sent, start)
        trailing = trailing_at_least(_words(sent.doc, end, end + 2, sent.end))
        qualifier = combine_qualifiers(stated, implied)
        if trailing and qualifier == EXACT:
            qualifier = AT_LEAST
        phrases.append(_CountPhrase(start, end + trailing, q_start, bounds(value, qualifier)))
    return phrases


def _number_groups(sent: Span) -> list[tuple[int, int]]:
    """Token index ranges [start, end) of runs of number words in `sent`."""
    doc = sent.doc
    lowers = facts(doc).lowers
    groups: list[tuple[int, int]] = []
    i = sent.start
    while i < sent.end:
        start = _group_start(lowers, i, sent.end)
        if start is None:
            i += 1
            continue
        end = _group_end(doc, start, sent.end)
        groups.append((start, end))
        i = end
    return groups


def _group_start(lowers: Sequence[str], i: int, limit: int) -> int | None:
    word = lowers[i]
    nxt = lowers[i + 1] if i + 1 < limit else ""
    if word in ("a", "an") and nxt in (
        "hundred",
        "thousand",
        "million",
        "dozen",
        "score",
        "handful",
        "few",
    ):
        if nxt == "few" and (i + 2 >= limit or lowers[i + 2] != "dozen"):
            return None
        return i
    if word in ("several", "few") and nxt == "dozen":
        return i
    if word in COUNT_WORDS and word not in ("score", "handful", "dozen"):
        return i
    if digits_value(word) is not None:
        return i
    return None


def _group_end(doc: Doc, start: int, limit: int) -> int:
    i = start + 1
    if doc[start].lower_ in ("a", "an", "several", "few"):
        i = start + 2 if doc[start + 1].lower_ != "few" else start + 3
        i = min(i, limit)
    while i < limit:
        word = doc[i].lower_
        prev = doc[i - 1].lower_
        if word in _SCALE_WORDS:
            i += 1  # a scale word: "two hundred", "1.5 million"
        elif word in NUMBER_WORDS and prev in _COMPOUND_NUMBER_LEFT:
            i += 1  # "twenty five", "hundred five"
        elif word == "-" and prev in TENS and i + 1 < limit and doc[i + 1].lower_ in UNITS:
            i += 2  # "twenty-five"
        elif (
            word == "and"
            and prev in ("hundred", "thousand")
            and i + 1 < limit
            and doc[i + 1].lower_ in NUMBER_WORDS
        ):
            i += 1
        elif (
            word == "of"
            and prev in VAGUE_PLURALS
            and i + 1 < limit
            and doc[i + 1].lower_ in VAGUE_PLURALS
        ):
            i += 2  # "tens of thousands"
        else:
            break
    return min(i, limit)


def _range_end(sent: Span, start: int, end: int, following: tuple[int, int] | None) -> int | None:
    """The high end of "between 10 and 15", "10 to 15", "10-15", "three or four"."""
    if following is None or following[0] != end + 1:
        return None
    doc = sent.doc
    link = doc[end].lower_
    before = doc[start - 1].lower_ if start > sent.start else ""
    if link == "and" and before != "between":
        return None
    # "rose from 115 to 133" is an update, not a range.
    if link == "to" and before == "from":
        return None
    if link not in ("and", "to", "-", "–", "or"):
        return None
    resolved = resolve_count([t.text for t in doc[following[0] : following[1]]])
    low = resolve_count([t.text for t in doc[start:end]])
    if resolved is None or low is None or resolved[0] <= low[0]:
        return None
    return resolved[0]


def _range_phrase(
    sent: Span, start: int, following: tuple[int, int], low: int, high: int
) -> tuple[int, int, int, Count]:
    q_start = start
    if start > sent.start and sent.doc[start - 1].lower_ in ("between", "from"):
        q_start = start - 1
    return start, following[1], q_start, range_count(low, high)


def _qualifier_before(sent: Span, start: int) -> tuple[int, str | None]:
    words = _words(sent.doc, max(sent.start, start - 4), start, sent.end)
    found = leading_qualifier(words)
    if found is None:
        return start, None
    qualifier, size = found
    return start - size, qualifier


def _words(doc: Doc, start: int, end: int, limit: int) -> list[str]:
    return [t.text for t in doc[max(start, 0) : min(end, limit)]]


# ------------------------------------------------ what the count is counting


def _is_not_a_head_count(sent: Span, phrase: _CountPhrase) -> bool:
    """Ages, dates, times, percentages and other numbers that count no people."""
    doc = sent.doc
    first, last = doc[phrase.start], doc[phrase.end - 1]
    after = [t.lower_ for t in doc[phrase.end : min(phrase.end + 3, sent.end)]]
    before = doc[phrase.q_start - 1].lower_ if phrase.q_start > sent.start else ""
    if after[:1] and after[0] in _NON_COUNT_FOLLOWERS:
        return True
    if after[:1] == ["-"] and after[1:2] and after[1] in _AGE_WORDS:
        return True  # "a 2-year-old"
    if after[:1] and after[0] in _AGE_WORDS and "old" in after[1:3]:
        return True  # "60 years old"
    if before in _MONTHS or (after[:1] and after[0] in _MONTHS):
        return True
    if before in ("aged", "age", "ages", "number", "no.", "#", "no"):
        return True
    if _is_listed_age(doc, phrase.q_start, sent.start):
        return True
    if before == "of" and phrase.q_start - 2 >= sent.start:
        holder = doc[phrase.q_start - 2].lower_
        if holder in _AGE_HOLDERS:
            return True  # "a child of 12", "a man of 40"
    if phrase.start == phrase.end - 1 and _is_year(first, before):
        return True
    if _is_part_of_a_counted_group(sent, phrase, after):
        return True
    if last.ent_type_ == "TIME" and _is_toll_before_a_time_of_day(doc, phrase, before):
        return False  # "the toll rose to 34 by evening": the model tags "34 by evening"
    return last.ent_type_ in ("TIME", "PERCENT", "MONEY", "ORDINAL")


def _is_part_of_a_counted_group(sent: Span, phrase: _CountPhrase, after: list[str]) -> bool:
    """ "four of the victims": part of a group counted elsewhere. Not "23 were pulled out
    alive, 11 of whom were injured": the injured of a group nobody counted as casualties."""
    if after[:1] != ["of"] or not after[1:2] or after[1] not in _PARTITIVE_FOLLOWERS:
        return False
    if after[1] not in ("whom", "them"):
        return True
    return any(
        _word_category(token) is not None or token.lower_ in _CASUALTY_NOUNS
        for token in sent.doc[sent.start : phrase.q_start]
    )


def _is_toll_before_a_time_of_day(doc: Doc, phrase: _CountPhrase, before: str) -> bool:
    """ "rose from 27 in the morning to 34 by evening": a count a toll moves to or from,
    followed by when ("at 7 in the morning" is a clock time)."""
    if before not in ("to", "from") or phrase.end + 1 >= len(doc):
        return False
    if doc[phrase.end].lower_ not in ("in", "by", "on", "at"):
        return False
    return any(
        t.lower_ in _TIMES_OF_DAY for t in doc[phrase.end + 1 : min(len(doc), phrase.end + 3)]
    )


def _is_listed_age(doc: Doc, start: int, limit: int) -> bool:
    """The later numbers of "aged 19 and 23", "aged 15, 16 and 17"."""
    i = start - 1
    low = max(limit, start - _AGE_LIST_REACH)
    seen_link = False
    while i >= low:
        word = doc[i].lower_
        if word in ("and", ",", "&"):
            seen_link = True
        elif not _is_count_token(doc[i]):
            return seen_link and word in ("aged", "ages")
        i -= 1
    return False


def _is_year(token: Token, before: str) -> bool:
    # "1500 people died" is a count; "in 1995" and a DATE entity are years.
    if not _YEAR.fullmatch(token.text):
        return False
    return token.ent_type_ == "DATE" or before in _YEAR_PREPOSITIONS


def _is_subgroup(sent: Span, phrase: _CountPhrase) -> bool:
    """Counts introduced as part of a larger group ("including three children")."""
    doc = sent.doc
    before = [t.lower_ for t in doc[max(sent.start, phrase.q_start - 2) : phrase.q_start]]
    if before[-1:] and before[-1] in _SUBGROUP_CUES:
        return True
    if before[-2:] in (["of", "whom"], ["of", "them"], ["among", "them"], ["among", "whom"]):
        return True
    # "Of the dead, 145 were Egyptians."
    opening = doc[sent.start : min(phrase.q_start, sent.start + _OPENING_TOKENS)]
    return doc[sent.start].lower_ in ("of", "among") and any(t.lower_ == "," for t in opening)


def _counted_noun(sent: Span, phrase: _CountPhrase) -> Token | None:
    """The noun the count counts ("60 people", "dozens of children", "12 dead"), if any."""
    doc = sent.doc
    i = phrase.end
    limit = min(sent.end, phrase.end + _NOUN_WINDOW)
    if i < limit and doc[i].lower_ == "of" and doc[phrase.end - 1].lower_ in VAGUE_PLURALS:
        i += 1
    noun: Token | None = None
    while i < limit:
        token = doc[i]
        lower = token.lower_
        if lower in _CASUALTY_NOUNS and token.pos_ in ("NOUN", "ADJ", "VERB", "PROPN"):
            if token.pos_ == "VERB" and lower not in ("injured", "wounded", "dead", "missing"):
                break
            return token
        if token.pos_ in ("NOUN", "PROPN"):
            if token.dep_ == "npadvmod" and token.ent_type_ in ("DATE", "TIME"):
                break  # "fell to 49 last year": a date, not what is counted
            noun = token
            if i + 1 < limit and _continues_compound(doc[i + 1]):
                i += 1
                continue
            return noun
        if token.pos_ in ("ADJ", "NUM") or lower in _INCREMENT_WORDS | {"other", "-"}:
            i += 1
            continue
        break
    return noun


def _continues_compound(token: Token) -> bool:
    # "police officers" is one noun phrase; "people Friday" is a noun and a date.
    return token.pos_ in ("NOUN", "PROPN") and token.dep_ != "npadvmod"


def _is_countable_as_casualty(noun: Token) -> bool:
    lower = noun.lower_
    if lower in _CASUALTY_NOUNS:
        return True
    if lower in _ATTACKER_NOUNS or noun.lemma_.lower() in _ATTACKER_NOUNS:
        return False
    return _is_person_noun(noun)


def _is_person_noun(noun: Token) -> bool:
    lower = noun.lower_
    if lower in _PERSON_NOUNS or noun.lemma_.lower() in _PERSON_NOUNS:
        return True
    if noun.ent_type_ == "NORP":
        return True
    return noun.tag_ in ("NNS", "NNPS") and lower.endswith(_PERSON_SUFFIXES)


def _reading(sent: Span, phrase: _CountPhrase, noun: Token | None) -> _Reading | None:
    """The casualty category the count states, trying the most specific evidence first."""
    if noun is not None and noun.lower_ in _CASUALTY_NOUNS:
        category = _nominal_category(sent, noun)
        if category is not None:
            return _Reading(category, None, (noun.i,))
    head = noun if noun is not None else sent.doc[phrase.end - 1]
    for finder in (_remains_reading, _clause_reading, _following_reading, _preceding_reading):
        found = finder(sent, phrase, head)
        if found is not None:
            category, evidence = found
            return _Reading(category, noun, evidence)
    if noun is None:
        found = _toll_reading(sent, phrase)
        if found is not None:
            category, evidence = found
            return _Reading(category, None, evidence)
    return None


def _remains_reading(sent: Span, phrase: _CountPhrase, head: Token) -> _Evidence | None:
    """ "The bodies of seven miners were found", "the blast claimed the lives of 11
    workers": the dead, counted after the noun."""
    if phrase.q_start - 2 < sent.start:
        return None
    doc = sent.doc
    remains = doc[phrase.q_start - 2]
    if doc[phrase.q_start - 1].lower_ != "of":
        return None
    if remains.lower_ in _REMAINS_NOUNS or (
        remains.lower_ == "lives" and _near_lemma(sent, remains.i, _LIFE_TAKING_LEMMAS)
    ):
        return KILLED, (remains.i,)
    return None


def _nominal_category(sent: Span, noun: Token) -> str | None:
    lower = noun.lower_
    # "31 lives" are deaths only when claimed, lost, taken or cost.
    if lower in ("life", "lives") and not _near_lemma(sent, noun.i, _LIFE_TAKING_LEMMAS):
        return None
    return _CASUALTY_NOUNS[lower]


def _clause_reading(sent: Span, phrase: _CountPhrase, head: Token) -> _Evidence | None:
    """The count's noun is subject or object of a casualty verb in the parse."""
    doc = sent.doc
    if head.i + 1 < sent.end and doc[head.i + 1].dep_ == "acl" and doc[head.i + 1].head == head:
        # "27 migrants drowned and dozens more are missing": the participle right after
        # the noun is its own predicate, whatever the clause the noun is parsed into.
        category = _word_category(doc[head.i + 1])
        if category is not None:
            return category, (head.i + 1,)
    if head.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
        found = _predicate_category(head.head)
        if found is not None and found[0] == MISSING and head.dep_ == "dobj":
            return None  # "Baltimore was missing three starters": lacking, not lost
        return found
    if head.dep_ == "pobj" and head.head.lower_ in ("over", "than"):
        return _predicate_category(head.head.head)
    return None


def _predicate_category(verb: Token) -> _Evidence | None:
    """The category a clause's verb states: "were killed", "were dead", "shot dead"."""
    category = _word_category(verb)
    if category is not None:
        return category, (*(t.i for t in _children(verb) if t.dep_ == "prt"), verb.i)
    injuries = _injury_object(verb)
    if injuries is not None:
        return INJURED, (verb.i, injuries.i)
    hospital = _hospital_object(verb)
    if hospital is not None:
        return INJURED, (verb.i, hospital.i)
    for child in _children(verb):
        if child.lower_ == "dead" and child.dep_ in _RESULT_ROLES:
            return KILLED, (verb.i, child.i)  # "shot dead", "found dead"
        if child.lower_ == "to" and any(g.lower_ == "death" for g in _children(child)):
            return KILLED, (verb.i, child.i + 1)  # "stabbed to death"
        if verb.lemma_ in ("be", "remain") and child.dep_ in ("acomp", "attr", "oprd"):
            category = _word_category(child)
            if category is not None:
                return category, (child.i,)
    return None


def _injury_object(verb: Token) -> Token | None:
    """The injuries of "were treated for injuries", "survived with injuries",
    "suffered burns": a verb that is no casualty word alone, with the wounds as object."""
    lemma = verb.lemma_.lower()
    if lemma in _WOUND_BEARING_VERBS:
        objects = [c for c in _children(verb) if c.dep_ == "dobj"]
    elif lemma in _WOUND_TREATING_VERBS:
        objects = [
            g
            for c in _children(verb)
            if c.dep_ == "prep" and c.lower_ in ("for", "with")
            for g in _children(c)
            if g.dep_ == "pobj"
        ]
    else:
        return None
    return next((o for o in objects if _is_wound(o)), None)


def _is_wound(noun: Token) -> bool:
    """ "injuries", "burns", "fractures", and "broken legs", "fractured skulls"."""
    if noun.lemma_.lower() in _WOUND_NOUNS:
        return True
    return any(c.dep_ == "amod" and c.lower_ in _BREAKING_WORDS for c in _children(noun))


def _hospital_object(verb: Token) -> Token | None:
    """The hospital of "were taken to hospital", "treated at hospitals in Ada". Not
    "are being treated in hospital": who is still there, part of the injured."""
    if verb.lemma_.lower() not in _HOSPITAL_VERBS:
        return None
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "being" for c in _children(verb)):
        return None
    for child in _children(verb):
        if child.dep_ != "prep" or child.lower_ not in _HOSPITAL_PREPOSITIONS:
            continue
        for pobj in _children(child):
            if pobj.dep_ == "pobj" and pobj.lemma_.lower() == "hospital":
                return pobj
    return None


def _word_category(token: Token) -> str | None:
    lower = token.lower_
    lemma = token.lemma_.lower()
    if lower in _MISSING_FORMS:
        return MISSING
    if lemma == "miss":
        return None
    if lemma == "pass" and any(c.lower_ == "away" for c in _children(token)):
        return KILLED
    if lemma == "lose" and any(c.lower_ in ("life", "lives") for c in _children(token)):
        return KILLED
    return _PREDICATES.get(lemma) or _PREDICATES.get(lower)


def _following_reading(sent: Span, phrase: _CountPhrase, head: Token) -> _Evidence | None:
    """A casualty word right after the count's noun phrase: "95 people killed",
    "10 were injured", "three remain missing", "two passed away"."""
    doc = sent.doc
    i = max(head.i, phrase.end - 1) + 1
    limit = min(sent.end, i + _PREDICATE_WINDOW)
    while i < limit:
        token = doc[i]
        lower = token.lower_
        if lower == "," and i + 1 < limit and doc[i + 1].lower_ in _ASIDE_OPENERS:
            # "At least 34 pilgrims, including 12 children, were crushed to death"
            i = _after_aside(sent, i)
            if i is None:
                return None
            limit = min(sent.end, i + _PREDICATE_WINDOW)
            continue
        if lower in ("not", "n't", "never", "no"):
            return None
        category = _surface_category(doc, i, limit)
        if category is not None:
            return category
        skippable = lower in _SKIPPABLE_IN_PREDICATE or lower in _INCREMENT_WORDS
        if skippable or token.pos_ in ("AUX", "ADV"):
            i += 1
            continue
        return None
    return None


def _after_aside(sent: Span, comma: int) -> int | None:
    """The token after the comma that closes an aside opened at `comma`, if near."""
    doc = sent.doc
    for j in range(comma + 2, min(sent.end, comma + 2 + _ASIDE_REACH)):
        if doc[j].text == ",":
            return j + 1
    return None


def _surface_category(doc: Doc, i: int, limit: int) -> _Evidence | None:
    """A casualty word or phrase starting at token `i`: "killed", "unaccounted for",
    "passed away", "lost their lives", "shot dead", "stabbed to death"."""
    token = doc[i]
    words = [t.lower_ for t in doc[i : min(i + 3, limit)]]
    lemma = token.lemma_.lower()
    if words[:2] == ["unaccounted", "for"]:
        return MISSING, (i, i + 1)
    if token.pos_ == "VERB":
        if words[1:2] == ["dead"]:
            return KILLED, (i, i + 1)
        if words[1:3] == ["to", "death"]:
            return KILLED, (i, i + 2)
        if lemma == "pass" and words[1:2] == ["away"]:
            return KILLED, (i, i + 1)
        if lemma == "lose" and words[2:3] in (["life"], ["lives"]):
            return KILLED, (i, i + 2)
    if token.pos_ in ("VERB", "ADJ", "AUX", "NOUN"):
        category = _word_category(token)
        if category is not None:
            return category, (i,)
    return None


def _preceding_reading(sent: Span, phrase: _CountPhrase, head: Token) -> _Evidence | None:
    """An active casualty verb right before the count: "killing 12 people", "injured over 145"."""
    if phrase.q_start <= sent.start:
        return None
    verb = sent.doc[phrase.q_start - 1]
    if verb.pos_ != "VERB":
        return None
    category = _word_category(verb)
    if category is None or category == MISSING:
        return None
    return category, (verb.i,)


def _toll_reading(sent: Span, phrase: _CountPhrase) -> _Evidence | None:
    """A count a toll is said to stand at: "the death toll rose to 133",
    "put the number of deaths at around 130", "a death toll of 60"."""
    doc = sent.doc
    if phrase.q_start <= sent.start or doc[phrase.q_start - 1].lower_ not in _TOLL_LINKS:
        return None
    link = doc[phrase.q_start - 1]
    found = _parsed_toll(sent, link) or _nearby_toll(sent, phrase)
    if found is None:
        return None
    category, toll = found
    # "rose to 133 from 115": the older figure's own words are "from 115".
    evidence = (link.i,) if link.lower_ == "from" else (_toll_start(toll), toll.i)
    return category, evidence


def _parsed_toll(sent: Span, link: Token) -> tuple[str, Token] | None:
    """The toll noun the parse links to "to"/"at"/"reached" before the count."""
    governor = link.head if link.dep_ in ("prep", "agent", "dative") else link
    candidates = [governor, *(c for c in _children(governor) if c.dep_ in _TOLL_ROLES)]
    for token in candidates:
        if not sent.start <= token.i < sent.end:
            continue
        found = _toll_noun_category(sent, token)
        if found is not None:
            return found, token
    return None


def _nearby_toll(sent: Span, phrase: _CountPhrase) -> tuple[str, Token] | None:
    """A toll noun a few words back, for when the parse attaches the count elsewhere."""
    doc = sent.doc
    window_start = max(sent.start, phrase.q_start - _TOLL_WINDOW)
    i = phrase.q_start - 2
    while i >= window_start:
        token = doc[i]
        if _is_count_token(token):
            first = i
            while first > window_start and _is_count_token(doc[first - 1]):
                first -= 1
            updated = i == phrase.q_start - 2 and doc[phrase.q_start - 1].lower_ == "to"
            if updated and first > sent.start and doc[first - 1].lower_ == "from":
                i = first - 2  # "lowered from 280 to 271": the toll is before the old figure
                continue
            return None
        category = _toll_noun_category(sent, token)
        if category is not None:
            return category, token
        i -= 1
    return None


def _toll_noun_category(sent: Span, token: Token) -> str | None:
    lemma = token.lemma_.lower()
    if lemma in _TOLL_NOUNS:
        return _toll_category(sent.doc, token.i, sent)
    if (
        lemma in _COUNTED_DEATHS
        and token.dep_ == "nsubj"
        and token.head.lemma_.lower() in _TOLL_CHANGE_VERBS
    ):
        return KILLED  # "road deaths rose to 1,200": the deaths are the toll
    doc = sent.doc
    if lemma in _TOLL_NUMBER_NOUNS and token.i + 2 < sent.end and doc[token.i + 1].lower_ == "of":
        return _toll_of_category(doc, token.i + 2, min(sent.end, token.i + 5))
    return None


def _toll_category(doc: Doc, toll_index: int, sent: Span) -> str:
    for child in _children(doc[toll_index]):
        if child.dep_ in ("compound", "amod", "nmod"):
            category = _CASUALTY_NOUNS.get(child.lower_) or _word_category(child)
            if category is not None:
                return category
    previous = doc[toll_index - 1].lower_ if toll_index > sent.start else ""
    if previous in ("injury", "injuries", "wounded"):
        return INJURED
    return KILLED


def _toll_of_category(doc: Doc, start: int, end: int) -> str | None:
    for token in doc[start:end]:
        category = _CASUALTY_NOUNS.get(token.lower_) or _word_category(token)
        if category is not None:
            return category
    return None


def _toll_start(token: Token) -> int:
    """Where "the death toll" starts, given "toll"."""
    return min((c.i for c in _left_modifiers(token)), default=token.i)


def _left_modifiers(token: Token) -> list[Token]:
    return [c for c in _children(token) if c.i < token.i and c.dep_ in _NOUN_MODIFIERS]


def _is_count_token(token: Token) -> bool:
    return digits_value(token.lower_) is not None or token.lower_ in NUMBER_WORDS


def _near_lemma(sent: Span, index: int, lemmas: frozenset[str]) -> bool:
    doc = sent.doc
    window = doc[max(sent.start, index - 5) : min(sent.end, index + 3)]
    return any(t.lemma_.lower() in lemmas for t in window)


def _single_person_readings(sent: Span) -> Iterable[tuple[_CountPhrase, _Reading]]:
    """ "A 2-year-old girl was killed": an indefinite person as the casualty verb's subject."""
    for token in _tokens(sent):
        if not _is_indefinite_article(token):
            continue
        noun = token.head
        if noun.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if not (_is_person_noun(noun) or _has_age(noun)):
            continue
        if noun.lower_ in _ATTACKER_NOUNS or noun.lemma_ in _ATTACKER_NOUNS:
            continue
        found = _predicate_category(noun.head)
        if found is None:
            continue
        category, evidence = found
        phrase = _CountPhrase(token.i, token.i + 1, token.i, bounds(1, EXACT))
        yield phrase, _Reading(category, noun, evidence)


def _has_age(noun: Token) -> bool:
    """ "a 47-year-old street cleaner": an age makes any noun a person."""
    return any(
        c.dep_ == "amod" and c.lower_ == "old" and any(g.lower_ in _AGE_WORDS for g in _children(c))
        for c in _children(noun)
    )


def _children(token: Token) -> list[Token]:
    """The syntactic children within a few dozen tokens of `token`.

    spaCy's Token.children walks the token's whole subtree; on a degenerate
    parse of hostile input that makes per-count lookups quadratic, while real
    children sit close to their head.
    """
    doc = token.doc
    shared = facts(doc)
    i = token.i
    low, high = max(i - _CHILD_REACH, 0), min(i + _CHILD_REACH + 1, len(doc))
    heads, tokens = shared.heads, shared.tokens
    return [tokens[j] for j in range(low, high) if heads[j] == i and j != i]


def _tokens(sent: Span) -> tuple[Token, ...]:
    """The tokens of `sent`, without building a Token per access."""
    return facts(sent.doc).tokens[sent.start : sent.end]


def _is_indefinite_article(token: Token) -> bool:
    # Scraped wire copy glues the article to the dateline dash: "(Reuters) -A girl".
    word = token.lower_.lstrip("-–—")
    attached = token.dep_ in ("det", "nmod", "compound") and token.head.i > token.i
    return word in ("a", "an") and attached


def _who(noun: Token | None) -> str | None:
    if noun is None:
        return None
    parts = [c for c in _children(noun) if c.dep_ == "compound" and c.i < noun.i]
    first = min([noun.i, *(c.i for c in parts)])
    doc = noun.doc
    return doc[first : noun.i + 1].text


def _is_increment(sent: Span, phrase: _CountPhrase) -> bool:
    """ "Three more people have died": a rise in a toll, not a toll."""
    doc = sent.doc
    after = doc[phrase.end].lower_ if phrase.end < sent.end else ""
    before = doc[phrase.q_start - 1].lower_ if phrase.q_start > sent.start else ""
    return after in _INCREMENT_WORDS or before in ("another", "further", "additional")


def _adds_a_category(
    sent: Span, phrase: _CountPhrase, category: str, stated: frozenset[str]
) -> bool:
    """ "Another 52 people were wounded" after sentences that gave only the dead: the
    increment word stands before the count, and what it adds is a category of its own."""
    if not stated or category in stated or phrase.q_start <= sent.start:
        return False
    return sent.doc[phrase.q_start - 1].lower_ in ("another", "further", "additional")


# ------------------------------------------------------------ zero statements


def _zero_statements(sent: Span) -> Iterable[tuple[str, list[int]]]:
    """ "No one was hurt", "there were no casualties": zero figures, one per category."""
    doc = sent.doc
    tokens = facts(doc).tokens
    for token in tokens[sent.start : sent.end]:
        lower = token.lower_
        nxt = tokens[token.i + 1] if token.i + 1 < sent.end else None
        if lower == "no" and nxt is not None and nxt.lower_ in _ZERO_NOUNS:
            if nxt.i + 1 < sent.end and tokens[nxt.i + 1].lower_ in ("among", "of"):
                continue
            for category in _ZERO_NOUNS[nxt.lower_]:
                yield category, [token.i, nxt.i]
            continue
        subject_end = _zero_subject_end(doc, token, sent.end)
        if subject_end is None:
            found = _zero_group(token) if lower == "no" else None
            if found is not None and not _is_hypothetical(tokens[found[1][-1]]):
                category, evidence = found
                yield category, [token.i, *evidence]
            continue
        found = _following_reading(
            sent,
            _CountPhrase(token.i, subject_end, token.i, bounds(0, EXACT)),
            tokens[subject_end - 1],
        )
        if found is not None and not _is_hypothetical(tokens[found[1][-1]]):
            category, evidence = found
            yield category, [token.i, *evidence]


def _is_hypothetical(word: Token) -> bool:
    """ "No child should die like this", "no one must be hurt": a wish, not a figure."""
    verb = word if word.pos_ in ("VERB", "AUX") else word.head
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in _children(verb))


def _zero_group(no: Token) -> _Evidence | None:
    """ "No residents of nearby buildings were hurt": "no" on the people who are the subject
    of a casualty verb, however long their noun phrase."""
    noun = no.head
    if no.dep_ != "det" or noun.i <= no.i or noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    if any(_is_count_token(t) or t.lower_ in _COMPARATIVES for t in no.doc[no.i + 1 : noun.i]):
        return None  # "no fewer than 11 soldiers" is a count
    if not _is_person_noun(noun) or noun.lower_ in _ATTACKER_NOUNS:
        return None
    if any(c.dep_ == "neg" for c in _children(noun.head)):
        return None
    return _predicate_category(noun.head)


def _zero_subject_end(doc: Doc, token: Token, limit: int) -> int | None:
    lower = token.lower_
    if lower in _ZERO_SUBJECTS:
        if lower == "none" and token.i + 1 < limit and doc[token.i + 1].lower_ == "of":
            return None
        return token.i + 1
    if lower == "no" and token.i + 1 < limit and doc[token.i + 1].lower_ in ("one", "people"):
        return token.i + 2
    return None


# ------------------------------------------------------ context of a sentence


@dataclass(frozen=True, slots=True)
class _Present:
    """When the news itself happens: the years it may be named by, and the months
    (None when the publication month is unknown)."""

    years: frozenset[str]
    months: frozenset[int] | None


def _month_of(date: str) -> int | None:
    """The month a date phrase names without a year ("December", "Dec. 3"), else None."""
    if _YEAR.search(date):
        return None
    for word in _LETTERS.findall(date):  # "mid-December" too
        month = _MONTH_NUMBERS.get(word.lower())
        if month is not None:
            return month
    return None


def _opening_month(sent: Span) -> int | None:
    """ "In December, an airstrike ...", "On Dec. 3, ...": the month a sentence opens
    with, as its own time."""
    for date in _date_phrases(sent[: min(len(sent), _OPENING_DATE_REACH)]):
        return _month_of(date)
    return None


def _lead_dates(doc: Doc, doc_text: str) -> list[str]:
    """Dates named in the lead (the first paragraph, at most two sentences): the main
    event's own year and month, so that naming them elsewhere does not make a figure old."""
    paragraph_end = doc_text.find("\n\n")
    lead_end = len(doc_text) if paragraph_end < 0 else paragraph_end
    shared = facts(doc)
    for number, sent in enumerate(shared.sentences):
        if number == _LEAD_SENTENCES or sent.start_char >= lead_end:
            lead_end = min(lead_end, sent.start_char)
            break
    dates = []
    for ent in shared.ents:
        if ent.start_char >= lead_end:
            break
        if ent.label_ == "DATE":
            dates.append(ent.text)
    return dates


def _historical_from(sent: Span, present: _Present) -> int | None:
    """Token index from which the sentence speaks of an earlier event, None if it does not.

    A sentence that says "ago" or names a year other than the lead's is about
    the past. A year after a superlative ("the deadliest since 2004") only
    measures the current event, unless a "when" clause goes on to tell what
    happened then ("..., when 80 people died").
    """
    if any(_PAST_PERIOD.search(date) for date in _date_phrases(sent)):
        return sent.start
    if present.months is not None:
        month = _opening_month(sent)
        if month is not None and month not in present.months:
            return sent.start
    lead_years = present.years
    tokens = _tokens(sent)
    for index, token in enumerate(tokens):
        if token.lower_ in _HISTORICAL_CUES:
            return sent.start
        if token.lower_ == "since" and _since_a_war(tokens, index, sent):
            return sent.start
        if _is_year_to_date(tokens, index, sent):
            return sent.start
        year = token.text.rstrip("s")  # "the 1990s" too
        if not _YEAR.fullmatch(year) or year in lead_years:
            continue
        if token.ent_type_ != "DATE" and not _is_attributive_year(token):
            continue
        if not _is_comparison_year(token, sent):
            return sent.start
        following = sent.doc[token.i + 1 : min(sent.end, token.i + 3)]
        when = next((t.i for t in following if t.lower_ == "when"), None)
        if when is not None:
            return when
    return None


def _is_attributive_year(token: Token) -> bool:
    """ "A 2022 heatwave", "the 2004 tsunami": a year naming an event, which the
    model tags as a cardinal. Not "the 1500 people", a count of people."""
    head = token.head
    if token.dep_ not in ("nummod", "compound", "amod") or head.i != token.i + 1:
        return False
    if head.pos_ != "NOUN" or head.lower_ in _CASUALTY_NOUNS or _is_person_noun(head):
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
    return not any(t.tag_ == "JJS" or t.lower_ in _SUPERLATIVE_NOUNS for t in before)


def _since_a_war(tokens: Sequence[Token], index: int, sent: Span) -> bool:
    """ "..., 38,000 killed since the war began": a war's running toll, unless it only
    measures today's event ("the deadliest day since the war began")."""
    following = tokens[index + 1 : index + 1 + _SINCE_REACH]
    if not any(t.lemma_.lower() in _CUMULATIVE_AGENTS for t in following):
        return False
    return not _is_comparison_year(tokens[index], sent)


def _date_phrases(sent: Span) -> Iterable[str]:
    """The texts of the DATE entities in `sent`.

    Read from the tokens: Span.ents scans every entity of the document, which
    would make a per-sentence call quadratic in the article's length.
    """
    words: list[str] = []
    for token in _tokens(sent):
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
        (t.i for t in before if t.tag_ == "JJS" or t.lower_ in _SUPERLATIVE_NOUNS), None
    )
    if superlative is None:
        return False
    return any(t.lower_ == "since" for t in sent.doc[superlative : year.i + 1])


def _is_cumulative(sent: Span, reading: _Reading) -> bool:
    """ "The war has killed 485 children": a running toll of a war, not the event."""
    doc = sent.doc
    for index in reading.evidence:
        verb = doc[index]
        for _ in range(_MAX_CLIMB):
            if verb.dep_ != "conj" or verb.head.i == verb.i:
                break
            verb = verb.head  # "the war has killed ... and injured ..." shares the subject
        for child in _children(verb):
            if child.dep_ == "nsubj" and child.lemma_.lower() in _CUMULATIVE_AGENTS:
                return True
    return False


def _according_to(sent: Span) -> str | None:
    """X in "according to X" anywhere in the sentence."""
    doc = sent.doc
    for token in _tokens(sent):
        if token.lower_ != "according" or token.i + 1 >= sent.end:
            continue
        if doc[token.i + 1].lower_ == "to":
            objects = [c for c in _children(doc[token.i + 1]) if c.dep_ == "pobj"]
            if objects:
                return _short_subtree_text(objects[0])
    return None


def _speaker_above(token: Token) -> str | None:
    """The subject of the nearest reporting verb ("X said") that governs `token`."""
    for _ in range(_MAX_CLIMB):
        if _is_reporting_verb(token):
            speaker = _named_subject(token)
            if speaker is not None:
                return speaker
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _sentence_speaker(sent: Span) -> str | None:
    """The subject of a reporting verb at the top of the sentence ("..., police said.")."""
    for token in _tokens(sent):
        if _is_reporting_verb(token) and token.dep_ in ("ROOT", "parataxis"):
            speaker = _named_subject(token)
            if speaker is not None:
                return speaker
    return None


def _is_reporting_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in _SAY_LEMMAS


def _named_subject(verb: Token) -> str | None:
    subjects = [c for c in _children(verb) if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in _PRONOUNS:
        return None
    return _short_subtree_text(subjects[0])


def _short_subtree_text(token: Token) -> str | None:
    """The phrase `token` heads, or just its head noun and modifiers when that is long."""
    left, right = token.left_edge.i, token.right_edge.i
    if right - left + 1 > _ATTRIBUTION_MAX_TOKENS:
        left = min([token.i, *(c.i for c in _left_modifiers(token))])
        right = token.i
    doc = token.doc
    text = doc[left : right + 1].text.strip(" ,.;:\"'“”")
    return text or None


# ------------------------------------------------------------ article level


def _without_subsumed_singles(figures: list[CasualtyFigure]) -> list[CasualtyFigure]:
    """Drop "one victim was killed outside" when the article states a larger toll:
    a single victim described alongside a toll is one of its members."""
    larger = {f.category for f in figures if not f.historical and f.value > 1}
    return [
        f
        for f in figures
        if not (f.value == 1 and f.qualifier == EXACT and not f.historical and f.category in larger)
    ]
