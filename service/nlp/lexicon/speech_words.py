"""Words of reported speech: the verbs that report, name or quote, and the words that
tell a speaker's title, institution, document or pronoun from a name.

Read by the quote extractor (`service/nlp/quotes/`); the verbs of saying also by
the casualty figures' attribution and the summary. The verb lists are built from
one another, so each verb is written once.
"""

from __future__ import annotations

from .word_blocks import words

# ---------------------------------------------------------------- verbs

# Verbs that attribute a statement to its source ("X said", "X confirmed").
STATING_VERBS = words("add announce confirm say state tell write")
# ... and "claim": together, the verbs that attribute both quotes and figures.
SAYING_VERBS = STATING_VERBS | words("claim")
# Verbs of saying whose clause reports what someone said ("said [that ...]"): their
# subject is a person or an organisation, never a place.
SPEECH_VERBS = SAYING_VERBS | words("ask deny explain insist note urge warn")
# Publishing a statement: "the ministry reported", "he tweeted".
REPORT_VERBS = words("report")
PUBLISHING_VERBS = REPORT_VERBS | words("post tweet")
# spaCy's lemma of "according (to)".
ACCORDING = words("according")
# Verbs that report speech or writing, by lemma.
REPORTING_VERBS = (
    SPEECH_VERBS
    | PUBLISHING_VERBS
    | words(
        """
        acknowledge admit agree allege answer argue assert boast caution comment complain
        concede conclude contend continue counter declare disclose emphasise emphasize
        exclaim inform joke lament maintain mention mutter observe pledge point predict
        proclaim promise quip read recall recount reiterate remark reply respond retort
        reveal scream shout speak stress suggest testify vow whisper yell
        """
    )
)
QUOTING_VERBS = frozenset({"quote", "cite"})
# Verbs that give a casualty figure's source ("according to", "police estimated").
FIGURE_SOURCE_VERBS = (
    SAYING_VERBS | PUBLISHING_VERBS | QUOTING_VERBS | words("accord estimate publish update")
)
# A sentence that attributes its news ("..., police said", "according to ..."): the
# summary's cue, and a brief's main clause that is only an attribution.
ATTRIBUTION_LEMMAS = STATING_VERBS | REPORT_VERBS | ACCORDING
REPORTING_LEMMAS = SAYING_VERBS | REPORT_VERBS | ACCORDING
# Verbs that put a quoted label on something: a cue only with someone doing it
# ("Putin called it "..." "), a mere name otherwise ("a policy called "..." ").
CHARACTERIZING_VERBS = words("""
    describe call dub label term brand characterize characterise hail denounce condemn
    dismiss refer accuse blame criticize criticise slam blast praise decry
""")
NAMING_VERBS = frozenset(
    {
        "call",
        "dub",
        "name",
        "title",
        "entitle",
        "label",
        "term",
        "know",
        "nickname",
        "brand",
        "bill",
        "style",
        "christen",
    }
)
# Verbs whose object is the listener ("told reporters"), not what was said.
LISTENER_VERBS = frozenset({"tell", "inform", "ask", "assure", "remind", "warn", "urge", "answer"})
# Small words left lower-case in titles ("Lord of the Rings").
TITLE_SMALL_WORDS = words("""
    a an the of in on at to for and or but nor with by from as vs via de la le del von van
""")


# ---------------------------------------------------------------- speakers

# What someone issues, so that "X's statement said" is X speaking.
DOCUMENT_NOUNS = words("""
    statement message letter memo post tweet note email e-mail release communique notice
    filing affidavit testimony speech remarks
""")
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})
# The speaker's own voice, never the reporter's: "my children", "our team", "asked me".
FIRST_PERSON_OWNERS = words("my our your")
FIRST_PERSON_PRONOUNS = words("i me we us")
# Small words inside a capitalised name ("Stand Up to Racism", "Friends of the Earth").
NAME_CONNECTORS = frozenset({"to", "of", "and", "for", "on", "the", "&"})
SPEAKER_PREPS = frozenset({"of", "for", "with", "from", "at", "to", "close"})
QUANTIFIERS = frozenset({"one", "some", "many", "several", "two", "three", "none", "most", "all"})
