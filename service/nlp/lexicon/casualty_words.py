"""The words casualty figures are read by: the categories, the verbs and nouns that
state them, toll words, and the cues of dates, attribution and earlier events."""

from __future__ import annotations

import re

from ..numbers import NUMBER_WORDS, TENS, UNITS
from .word_blocks import words

KILLED = "killed"
INJURED = "injured"
MISSING = "missing"
CATEGORIES = (KILLED, INJURED, MISSING)

# Verb and adjective lemmas that state a casualty when a count is their subject
# or object. spaCy lemmatises participles used as adjectives inconsistently, so
# the surface forms are listed too.
PREDICATES = {
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
MISSING_FORMS = frozenset({"missing"})
LIFE_TAKING_LEMMAS = frozenset({"claim", "lose", "take", "cost"})
# "were treated for injuries", "escaped with burns", "suffered wounds": injured people.
WOUND_NOUNS = frozenset({"injury", "wound", "burn", "fracture", "concussion", "laceration"})
BREAKING_WORDS = frozenset({"broken", "fractured", "crushed"})
WOUND_TREATING_VERBS = frozenset(
    {"treat", "survive", "escape", "admit", "hospitalize", "hospitalise", "airlift"}
)
WOUND_BEARING_VERBS = frozenset({"suffer", "sustain"})
# "23 others were taken to hospital", "32 people were treated at hospitals": the
# British and wire way of counting the injured.
HOSPITAL_VERBS = frozenset(
    {"take", "rush", "treat", "admit", "airlift", "fly", "carry", "transport", "bring"}
)
HOSPITAL_PREPOSITIONS = frozenset({"to", "at", "in", "into"})

# Nouns that are the casualty themselves: "60 deaths", "12 dead", "30 wounded".
CASUALTY_NOUNS = {
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

REMAINS_NOUNS = frozenset({"bodies", "remains", "corpses"})

PERSON_NOUNS = words("""
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
""") | words("""
    husband wife son daughter father mother mum mom dad brother sister grandmother grandfather
    grandson
    granddaughter grandchild grandchildren uncle aunt nephew niece cousin neighbour neighbor
    neighbours neighbors pilot pilots co-pilot motorcyclist motorcyclists rider riders biker
    bikers occupant occupants commuter commuters trucker truckers
""")
# Verbs that leave people in a state: "leaving 30 dead", "left 76 unaccounted for".
LEAVING_VERBS = words("leave")
# A toll gone beyond a count: "the toll passed 90" is more than 90.
EXCEEDING_VERBS = words("exceed pass surpass top cross")
# People counted by a word for their number: "an elderly couple were hurt" is two.
GROUP_OF_PEOPLE = {"couple": 2}
# Words between "no" and a casualty noun that leave the zero a zero: "no other injuries".
ZERO_MODIFIERS = words("other further more additional serious major")
# A part of a toll given by place: "..., 69 in the north, 43 at the market".
BREAKDOWN_PREPOSITIONS = frozenset({"in", "at", "on"})
PERSON_SUFFIXES = ("ers", "ors", "ists", "ians", "ans", "ents", "ants", "ees")

TOLL_NOUNS = frozenset({"toll", "tally", "count"})
TOLL_NUMBER_NOUNS = frozenset({"number", "figure", "total"})
TOLL_LINKS = frozenset(
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
COUNTED_DEATHS = frozenset({"death", "fatality"})
TOLL_CHANGE_VERBS = frozenset(
    {"rise", "fall", "climb", "increase", "decrease", "drop", "jump", "reach", "hit", "top"}
)
RESULT_ROLES = frozenset({"oprd", "acomp", "advmod", "xcomp", "ccomp", "dobj", "attr"})
NOUN_MODIFIERS = frozenset({"det", "compound", "amod", "poss", "nmod"})
TOLL_ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})

# "among" is not here: "were among 7 people killed" states the whole toll.
SUBGROUP_CUES = frozenset({"including", "includes", "included", "incl", "incl."})
PARTITIVE_FOLLOWERS = frozenset({"the", "them", "whom", "those", "these", "which", "us", "its"})
# A group already counted as casualties: "four of the victims" is a part of it, while
# "12 of the 40 pupils" counts 12 of a population.
CASUALTY_GROUPS = words("victims dead injured wounded casualties bodies missing fatalities")
# Everyone found: "all passengers were accounted for" says none is missing.
EVERYONE = words("everyone everybody all")
INCREMENT_WORDS = frozenset({"more", "additional", "further", "extra", "new"})
SKIPPABLE_IN_PREDICATE = frozenset(
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

SCALE_WORDS = NUMBER_WORDS - frozenset(UNITS) - frozenset(TENS)
COMPOUND_NUMBER_LEFT = frozenset(TENS) | {"hundred", "thousand", "and"}

# ", including 12 children,", ", mostly women,": an aside between a count and its verb.
ASIDE_OPENERS = frozenset({"including", "among", "mostly", "most", "many", "all"})
TIMES_OF_DAY = frozenset(
    {"morning", "afternoon", "evening", "night", "midday", "noon", "midnight", "dawn", "dusk"}
)
AGE_WORDS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})
# Singular people whose "of N" is an age: "a child of 12" (not "a family of five").
AGE_HOLDERS = frozenset({"child", "boy", "girl", "man", "woman", "teenager", "youth", "baby"})
NON_COUNT_FOLLOWERS = frozenset({"%", "percent", "per", "p.m.", "a.m.", "pm", "am", "o'clock"})
YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
MONTH_NUMBERS = {
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
LETTERS = re.compile(r"[^\W\d_]+")
MONTHS = frozenset(MONTH_NUMBERS)
YEAR_PREPOSITIONS = frozenset({"in", "since", "by", "until", "of", "from", "early", "late", "mid"})

PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})

# An ongoing war's or epidemic's running toll is context, not the reported event.
CUMULATIVE_AGENTS = frozenset(
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
CLAUSE_BREAK = re.compile(r"[,;:()]")
SUPERSEDED_CUE = re.compile(
    r"\b(?:earlier|initially|initial|previously|previous|originally)\b", re.IGNORECASE
)
SUPERSEDED_OPENING = re.compile(
    r"\W*(?:earlier|initially|previously|originally)\s*,", re.IGNORECASE
)
# "Earlier on Saturday, officials had said ...": an earlier time of the same news, then
# what was said then (past perfect). Without "had", "Earlier this month, a bombing
# killed 60" is another event, for the historical rules.
EARLIER_REPORT = re.compile(
    r"\W*earlier\s+(?:on|in|this|that)\b[^,]{0,25},.*\bhad\s+"
    r"(?:said|put|reported|given|estimated|announced|confirmed)\b",
    re.IGNORECASE | re.DOTALL,
)
# A correction appended to a story restates the wrong figure it replaces.
CORRECTION_NOTE = re.compile(
    r"^\W*(?:corrections?|clarifications?|editor['’]s\s+note)\s*[:\-–—]",
    re.IGNORECASE | re.MULTILINE,
)
EARLIER_VERSION = re.compile(
    r"\b(?:an?|the)\s+(?:earlier|previous)\s+version\s+of\s+this\b", re.IGNORECASE
)
SUPERLATIVE_NOUNS = frozenset({"record", "worst", "deadliest"})
# "A year earlier", "two years before", "last year": a date set apart from the news.
PAST_PERIOD = re.compile(
    r"\b(?:years?|decades?|months?)\s+(?:earlier|before|prior)\b"
    r"|\b(?:last|previous|the\s+prior)\s+(?:year|decade|month|week|spring|summer|autumn|fall|winter)\b",
    re.IGNORECASE,
)
# The days of the week, by which news of the last few days is dated.
WEEKDAY = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:today|yesterday|tonight)\b",
    re.IGNORECASE,
)
# A span of days before the news, as the time a sentence opens with: "Two days
# earlier, ...", "A week before, ...".
# A rate, not an incident: "4,000 people die on the roads each year", "30 a day".
RATE_PHRASE = re.compile(
    r"\b(?:(?:each|every|per) (?:year|month|week|day)|annually"
    r"|a (?:year|month|day)\b(?![’']s|\s+(?:ago|after|before|later|earlier|since)))",
    re.IGNORECASE,
)
DAYS_BEFORE = re.compile(r"\b(?:days?|weeks?|nights?)\s+(?:earlier|before|prior)\b", re.IGNORECASE)
HISTORICAL_CUES = frozenset({"ago", "anniversary"})
COMPARATIVES = frozenset({"fewer", "less", "more", "than"})
ZERO_SUBJECTS = frozenset({"nobody", "none", "no-one", "noone"})
ZERO_NOUNS = {
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
