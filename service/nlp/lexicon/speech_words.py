"""Words of reported speech: the verbs that report, name or quote, and the words that
tell a speaker's title, institution, document or pronoun from a name.

Read by the quote extractor (`service/nlp/quotes/`).
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# ---------------------------------------------------------------- verbs

# Verbs that report speech or writing, by lemma.
REPORTING_VERBS = _words("""
    say tell add write state announce note explain declare claim insist warn argue ask
    reply respond answer continue remark comment recall acknowledge admit confirm deny
    report tweet post testify urge vow promise predict suggest assert maintain stress
    emphasize emphasise observe quip joke shout yell scream whisper mutter exclaim concede
    conclude complain lament boast pledge caution counter retort inform recount reiterate
    contend allege agree mention point read speak announce proclaim reveal disclose add
""")
# Verbs that put a quoted label on something: a cue only with someone doing it
# ("Putin called it "..." "), a mere name otherwise ("a policy called "..." ").
CHARACTERIZING_VERBS = _words("""
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
QUOTING_VERBS = frozenset({"quote", "cite"})
# Verbs whose object is the listener ("told reporters"), not what was said.
LISTENER_VERBS = frozenset({"tell", "inform", "ask", "assure", "remind", "warn", "urge", "answer"})
# Small words left lower-case in titles ("Lord of the Rings").
TITLE_SMALL_WORDS = _words("""
    a an the of in on at to for and or but nor with by from as vs via de la le del von van
""")


# ---------------------------------------------------------------- speakers

# Honorifics and offices written before a name (compared without a final period); they
# belong in the description, not the name.
TITLES = _words("""
    mr mrs ms miss dr prof sen rep gov gen lt col capt sgt maj adm cmdr rev sir dame lord lady
    president vice prime minister chancellor premier senator representative governor mayor
    secretary ambassador judge justice chief general colonel captain sergeant major admiral
    lieutenant commander officer detective inspector superintendent sheriff deputy speaker
    leader king queen prince princess pope cardinal bishop archbishop ayatollah sheikh imam
    rabbi father pastor coach professor doctor spokesman spokeswoman spokesperson chairman
    chairwoman chair director
""")

# Words that make an unrecognised proper name an institution rather than a person.
ORG_WORDS = _words("""
    ministry department agency service council committee commission office house kremlin
    government police army navy force forces guard military parliament senate congress
    court party union bank company corporation corp corp. inc inc. ltd ltd. group
    organization organisation institute university hospital authority authorities
    administration bureau embassy command directorate cabinet assembly tass reuters
    interfax ria xinhua agency network channel news times post journal press media
    foundation association federation fund league club systems labs partners capital rail
""")

# Common nouns naming an institution: "the ministry said" is an ORG speaking.
INSTITUTION_NOUNS = _words("""
    ministry department agency service council committee commission office government
    police army military navy guard parliament court company firm bank administration
    embassy authority prosecutor's prosecutors' cabinet kremlin
""")

# What someone issues, so that "X's statement said" is X speaking.
DOCUMENT_NOUNS = _words("""
    statement message letter memo post tweet note email e-mail release communique notice
    filing affidavit testimony speech remarks
""")
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them"})
THING_PRONOUNS = frozenset({"it"})
# Small words inside a capitalised name ("Stand Up to Racism", "Friends of the Earth").
NAME_CONNECTORS = frozenset({"to", "of", "and", "for", "on", "the", "&"})
SPEAKER_PREPS = frozenset({"of", "for", "with", "from", "at", "to", "close"})
QUANTIFIERS = frozenset({"one", "some", "many", "several", "two", "three", "none", "most", "all"})
