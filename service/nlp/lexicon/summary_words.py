"""Words the summary and the brief read: sentence cues, page furniture, incident and blame words.

Kept apart from the code so the lists can grow without touching the scoring.
"""

from __future__ import annotations

import re

# ----- summary: casualty, responsibility and record cues

CASUALTY_WORDS = frozenset(
    {
        "kill",
        "killed",
        "die",
        "dead",
        "death",
        "toll",
        "fatality",
        "body",
        "life",
        "victim",
        "casualty",
        "injure",
        "injured",
        "wound",
        "wounded",
        "hurt",
        "injury",
        "hospitalize",
        "hospitalise",
        "miss",
        "missing",
        "trap",
        "unaccounted",
    }
)

VAGUE_NUMBERS = frozenset(
    {"dozens", "hundreds", "thousands", "scores", "dozen", "hundred", "thousand"}
)

RESPONSIBILITY_LEMMAS = frozenset(
    {
        "responsibility",
        "responsible",
        "blame",
        "accuse",
        "perpetrate",
        "mastermind",
        "orchestrate",
    }
)

PERPETRATOR_FATE_LEMMAS = frozenset(
    {
        "arrest",
        "detain",
        "kill",
        "shoot",
        "identify",
        "charge",
        "name",
        "capture",
        "apprehend",
        "surrender",
        "die",
        "custody",
        "convict",
        "sentence",
    }
)

# Being identified or named is a step in the inquiry; dead or in custody is how it ended,
# which is as much the news as a claim of responsibility.
IDENTIFYING_LEMMAS = frozenset({"identify", "name"})

ENDING_FATE_LEMMAS = PERPETRATOR_FATE_LEMMAS - IDENTIFYING_LEMMAS

# Fates that need no object: "the gunman died", "the suspect surrendered".
INTRANSITIVE_FATE_LEMMAS = frozenset({"die", "surrender"})

# "They were arrested" stands for the gunmen the sentence has just named.
# ("the gunman shot himself" is a fate too.)
PERPETRATOR_PRONOUNS = frozenset(
    {"he", "she", "they", "him", "them", "who", "himself", "herself", "themselves"}
)

# "The deadliest attack in years", "the worst crash in the country's history", "the first
# woman since 1988": how the event ranks among others. The scope word must follow the
# superlative, so "the biggest venue" or "the latest attack" do not count.
RECORD_WORDS = frozenset({"first"})

NOT_RECORD_SUPERLATIVES = frozenset({"least", "most", "latest"})

RECORD_SCOPE_LEMMAS = frozenset(
    {"history", "year", "decade", "generation", "memory", "era", "record", "ever", "since"}
)

# ----- summary: readability and overlap

# Sentences that lean on the one before them read badly out of context.
CONTEXT_DEPENDENT_STARTS = frozenset(
    {
        "he",
        "she",
        "they",
        "it",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "but",
        "and",
        "also",
        "so",
    }
)

STOP_WORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "but",
        "by",
        "with",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "this",
        "it",
        "its",
        "their",
        "his",
        "her",
        "after",
        "before",
        "into",
        "over",
        "under",
        "than",
        "who",
        "which",
        "said",
        "says",
        "say",
        "he",
        "she",
        "they",
        "we",
        "i",
        "you",
        "not",
        "no",
    }
)

# ----- summary: page furniture (bylines, captions, credits, datelines, boilerplate)

# Short paragraphs that are page furniture rather than article body.
BOILERPLATE_START = re.compile(
    r"(?:read more|related|advertisement|sign up|subscribe|follow us|follow \S+ on|click here"
    r"|watch|listen|share this|copyright|all rights reserved)\b|©",
    re.IGNORECASE,
)

BYLINE_START = re.compile(
    r"(?:write to|reporting by|additional reporting by|editing by|written by|compiled by"
    r"|contact the (?:reporter|author)|email the (?:reporter|author))\b",
    re.IGNORECASE,
)

CAPTION_START = re.compile(
    r"(?:file photo|photo|photograph|image|picture|caption|credit|pictured)s?\s*:",
    re.IGNORECASE,
)

# A credit closes a caption: "…/Reuters", "… via REUTERS", "Photo: AFP", "(AP Photo/Evan Vucci)".
CREDIT_TAIL = re.compile(
    r"(?:[/|]\s?|\bvia\s|\b(?:photo|photograph|image|picture|credit)s?(?:\sby)?:?\s)"
    r"\s?[A-Z][\w.&' -]{0,60}$"
    r"|\((?:AP|AFP|Reuters|EPA|Getty)[^()\n]{0,80}\)$"
)

AGENCY_CREDITS = frozenset(
    {
        "reuters",
        "afp",
        "ap",
        "epa",
        "getty",
        "images",
        "shutterstock",
        "alamy",
        "xinhua",
        "anadolu",
        "sipa",
        "pool",
        "handout",
        "bloomberg",
    }
)

# "WASHINGTON (Reuters) - ", "(Reuters) -", "KYIV, Ukraine (AP) — ", "LONDON: ".
DATELINE = re.compile(
    r"(?:[A-Z][\w.'’ ,-]{0,50}\s)?\((?:Reuters|AP|AFP|UPI|CNN|dpa|Xinhua|Bloomberg"
    r"|The Associated Press)\)\s?[-–—:]+\s*"
    r"|[A-Z][A-Z.'’ -]{1,40}(?:,\s[A-Z][A-Za-z.'’ ]{1,30})?\s?[-–—:]+\s+(?=[A-Z“\"‘'])"
)

NAME_CONNECTORS = frozenset({"and", "by", "in", "at", "for", "of", "the", "de", "van", "von"})

# ----- brief: casualty qualifiers, incident words, claims and blame

QUALIFIER_WORDS = {
    "exact": "",
    "at_least": "at least",
    "more_than": "more than",
    "about": "about",
    "nearly": "nearly",
    "up_to": "up to",
}

# ... or with one of these verbs ("a missile struck", "two trains derailed").
EVENT_VERBS = frozenset(
    {
        "attack",
        "strike",
        "explode",
        "derail",
        "crash",
        "collide",
        "collapse",
        "erupt",
        "storm",
        "ambush",
        "bomb",
        "hit",
        "sink",
        "capsize",
        "flood",
        "raid",
        "stab",
    }
)

CLAIMED = frozenset({"responsibility", "credit"})
BLAME_WORDS = frozenset({"claim", "responsible", "blame"})
