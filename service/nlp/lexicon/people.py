"""Words around a person's name that are not part of it: titles, the words that
form a title with them, and role nouns ("Sen.", "Health Minister", "a spokeswoman")."""

from __future__ import annotations

from .word_blocks import names, words

# The three lists below (titles before a name, role nouns, and the titles a quote's
# speaker description starts with) overlap; each word is written once, in the
# block of the lists it belongs to.

# Offices: a title before a name ("Mayor Ana Diaz") and a role ("the mayor said").
OFFICES = words(
    """
    chairman chairwoman chancellor chief colonel commander deputy father general
    governor judge leader magistrate mayor minister officer president professor secretary
    senator
    sheriff
    """
)
# Also both, though a speaker's description does not start with it.
OFFICES_NOT_SPEAKER_TITLES = words("commissioner")
# Honorifics and ranks: titles, never roles on their own.
HONORIFICS_AND_RANKS = words(
    """
    admiral ayatollah capt captain chair detective dr imam inspector justice king
    lieutenant lt maj major miss mr mrs ms pope prince princess prof queen rabbi
    representative sergeant sgt sheikh speaker superintendent
    """
)
# Roles a speaker is described by first ("spokeswoman Ann Smith"), not entity titles.
SPEAKER_ROLES = words(
    """
    ambassador coach director doctor spokesman spokesperson spokeswoman
    """
)
# Abbreviations and styles only the speaker finder strips ("Sen.", "Rev.", "Sir").
SPEAKER_ONLY_TITLES = words(
    """
    adm archbishop bishop cardinal cmdr col dame gen gov lady lord pastor premier prime
    rep rev sen sir vice
    """
)

# The titles of saints, which also begin the names of roads and buildings.
SAINTS = words("saint st.")

# Capitalised words that go before a person's name and are not part of it.
PERSON_TITLES = (
    SAINTS
    | OFFICES
    | OFFICES_NOT_SPEAKER_TITLES
    | HONORIFICS_AND_RANKS
    | names(
        """
        prime minister
        vice president
        """
    )
    | words(
        """
        adm. brigadier capt. col. constable dr. fullback gen. goalkeeper gov. halfback insp
        lt. maj. midfielder mr. mrs. ms. mx prof. quarterback rep. sen. sgt. sister striker
        supt winger
        """
    )
)

# Words that go before a title and form it with it, never a name on their own:
# "Supreme Leader", "Labor Secretary", "Health Minister", "District Judge".
TITLE_MODIFIERS = names(
    """
    acting
    agriculture
    chief
    circuit
    commerce
    defence
    defense
    deputy
    district
    education
    energy
    environment
    finance
    foreign
    former
    health
    home
    interior
    justice
    labor
    labour
    majority
    minority
    press
    prime
    rear
    senior
    supreme
    trade
    transport
    transportation
    treasury
    vice
    """
)

# Lower-case nouns that, in apposition or just before a name, say the name
# belongs to a person ("Ann Smith, a spokeswoman", "police chief Ann Smith").
PERSON_ROLES = (
    OFFICES
    | OFFICES_NOT_SPEAKER_TITLES
    | SPEAKER_ROLES
    | words(
        """
        activist adviser advisor aide analyst anchor attorney author bureaucrat ceo
        congressman congresswoman correspondent councillor councilman councilwoman critic
        diplomat driver economist editor engineer envoy executive expert farmer fisherman
        founder head historian journalist lawmaker lawyer manager mechanic mep mother mp
        negotiator nurse official owner passenger pilot prosecutor researcher resident
        shopkeeper singer student survivor teacher trader vendor veteran victim villager volunteer
        witness worker
        """
    )
)

# Honorifics and offices written before a name in a speaker's description (compared
# without a final period): they belong in the description, not the name.
SPEAKER_TITLES = OFFICES | SPEAKER_ROLES | HONORIFICS_AND_RANKS | SPEAKER_ONLY_TITLES

# Words that say what a person is, never who: written capitalised alone as a clause's
# subject ("Chief said", "The MP’s statement") they are a role, not a name.
ROLE_WORDS = PERSON_ROLES | SPEAKER_TITLES | PERSON_TITLES | TITLE_MODIFIERS

# Nouns for people who speak for themselves when somebody's: "Ruiz's wife said" is the
# wife, not Ruiz (a role noun, "Ruiz's lawyer", is one too).
KIN_NOUNS = words(
    """
    aunt brother child cousin daughter family fiance fiancee friend grandfather
    grandmother husband neighbour neighbor niece nephew parent partner relative sister son
    uncle wife
    """
)

# Parties to a case, capitalised when a sentence starts with them ("Applicant Mrs J Warr").
LEGAL_PARTIES = words(
    """
    applicant appellant claimant complainant defendant petitioner plaintiff respondent
    """
)

# Role nouns that, capitalised only because they open a sentence, go before a name and
# are not part of it ("Witness Ann Lee said", "Applicant Mrs J Warr").
ROLES_BEFORE_A_NAME = PERSON_ROLES | LEGAL_PARTIES

# Titles written as capital initials before a name, matched as written: "CS Murkomen"
# (a Kenyan Cabinet Secretary), "PS Raymond Omollo", "OCPD Agnes Kunga", Indian
# police ranks ("SP", "DSP") and "CEO"; initials of a person ("DK Pathak") are not listed.
TITLE_ABBREVIATIONS = words(
    """
    ASP CEO CS DCP DSP IGP MCA MLA MP OCPD PS SP SSP
    """
)
