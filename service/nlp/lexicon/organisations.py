"""Words that make a name an organisation's, the legal suffixes its short name
leaves out, and the small words an acronym skips."""

from __future__ import annotations

from .word_blocks import names

# Last words that make a name an organisation's, and are nobody's surname ("Thames
# Water", "Labour Party", "Fresno Police"); not "Bank", "Union" or "Federation", which
# also end places ("West Bank", "Soviet Union", "Russian Federation").
ORG_HEADS = names(
    """
    Administration
    Agency
    Airlines
    Airways
    Association
    Authority
    Brands
    Bureau
    Commission
    Committee
    Corporation
    Council
    Department
    Directorate
    Energy
    Foods
    Foundation
    Holdings
    Institute
    Insurance
    Ministry
    Motors
    Organisation
    Organization
    Party
    Pharmaceuticals
    Police
    Railways
    Securities
    Technologies
    Telecom
    University
    Water
    """
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
