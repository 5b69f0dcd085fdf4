"""Words that make a name an organisation's, the legal suffixes its short name
leaves out, and the small words an acronym skips."""

from __future__ import annotations

from .word_blocks import names, words

# The organisation words below serve three lists (last words of an organisation's
# name, words that make a speaker's name an institution's, and institution nouns);
# each word is written once, in the block of the lists it belongs to.

# Public institutions: "the ministry said", "Fresno Police", "Electoral Commission".
INSTITUTION_HEADS = words(
    """
    administration agency authority commission committee council department ministry
    police
    """
)
# Institutions whose word also ends places or surnames ("West Bank", "Ann Court").
STATE_BODIES = words(
    """
    army bank cabinet company court embassy government guard kremlin military navy
    office parliament service
    """
)
# Bodies that are not a speaker's institution noun: "Labour Party", "Ford Foundation".
ORGANISATION_HEADS = words(
    """
    association bureau corporation directorate foundation institute organisation
    organization party university
    """
)

# Last words that make a name an organisation's, and are nobody's surname ("Thames
# Water", "Labour Party", "Fresno Police"); not "Bank", "Union" or "Federation", which
# also end places ("West Bank", "Soviet Union", "Russian Federation").
ORG_HEADS = (
    INSTITUTION_HEADS
    | ORGANISATION_HEADS
    | words(
        """
        airlines airways brands energy foods holdings insurance motors pharmaceuticals
        railways securities technologies telecom water
        """
    )
)

# Common nouns naming an institution: "the ministry said" is an ORG speaking.
INSTITUTION_NOUNS = INSTITUTION_HEADS | STATE_BODIES | words("firm prosecutor's prosecutors'")

# Lower-case bodies of a place after its level of government: "the Hyogo prefectural
# government", "the Sindh provincial assembly", "Kerala state police".
PUBLIC_BODY_NOUNS = INSTITUTION_HEADS | words("assembly government legislature")

# Words that make an unrecognised proper name (a speaker's) an institution rather
# than a person.
ORG_WORDS = (
    INSTITUTION_HEADS
    | STATE_BODIES
    | ORGANISATION_HEADS
    | words(
        """
        assembly authorities capital channel club command congress corp corp. federation
        force forces fund group hospital house inc inc. interfax journal labs league ltd
        ltd. media network news partners post press rail reuters ria senate systems tass
        times union xinhua
        """
    )
)

# Words that make a nationality or religion adjective into an organisation's
# name: "Islamic State", "Islamic Jihad", "Muslim Brotherhood".
ORG_HEADS_AFTER_NORP = names(
    """
    Army
    Brotherhood
    Church
    Congress
    Front
    Guard
    Jihad
    League
    Movement
    Party
    State
    Union
    """
)

# Last words of a company's formal name that its short name leaves out:
# "HSBC Holdings" is "HSBC".
CORPORATE_SUFFIXES = names(
    """
    AG
    Co
    Co.
    Corp
    Corp.
    Corporation
    Group
    Holdings
    Inc
    Inc.
    LLC
    Ltd
    Ltd.
    PLC
    plc
    SA
    """
)

# Small words left out when building an acronym from a name.
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "&", "de", "du", "la"})
