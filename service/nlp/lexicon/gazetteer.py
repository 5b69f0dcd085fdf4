"""Small curated word lists that named-entity post-processing relies on.

Kept deliberately short: only names and words whose role in English news
writing is stable (countries, a few capitals, major news agencies, titles,
and the head nouns that mark a venue, an event or a weapon).
"""

from __future__ import annotations


def _names(block: str) -> frozenset[str]:
    """One name per line, case-folded; blank lines ignored."""
    return frozenset(line.strip().casefold() for line in block.splitlines() if line.strip())


COUNTRIES = _names(
    """
    Afghanistan
    Albania
    Algeria
    Andorra
    Angola
    Argentina
    Armenia
    Australia
    Austria
    Azerbaijan
    Bahamas
    Bahrain
    Bangladesh
    Barbados
    Belarus
    Belgium
    Belize
    Benin
    Bhutan
    Bolivia
    Bosnia
    Botswana
    Brazil
    Britain
    Brunei
    Bulgaria
    Burkina Faso
    Burundi
    Cambodia
    Cameroon
    Canada
    Cape Verde
    Central African Republic
    Chad
    Chile
    China
    Colombia
    Comoros
    Congo
    Costa Rica
    Croatia
    Cuba
    Cyprus
    Czech Republic
    Czechia
    Denmark
    Djibouti
    Dominican Republic
    Ecuador
    Egypt
    El Salvador
    England
    Equatorial Guinea
    Eritrea
    Estonia
    Eswatini
    Ethiopia
    Fiji
    Finland
    France
    Gabon
    Gambia
    Georgia
    Germany
    Ghana
    Greece
    Guatemala
    Guinea
    Guinea-Bissau
    Guyana
    Haiti
    Honduras
    Hungary
    Iceland
    India
    Indonesia
    Iran
    Iraq
    Ireland
    Israel
    Italy
    Ivory Coast
    Jamaica
    Japan
    Jordan
    Kazakhstan
    Kenya
    Kosovo
    Kuwait
    Kyrgyzstan
    Laos
    Latvia
    Lebanon
    Lesotho
    Liberia
    Libya
    Liechtenstein
    Lithuania
    Luxembourg
    Madagascar
    Malawi
    Malaysia
    Maldives
    Mali
    Malta
    Mauritania
    Mauritius
    Mexico
    Moldova
    Monaco
    Mongolia
    Montenegro
    Morocco
    Mozambique
    Myanmar
    Namibia
    Nepal
    Netherlands
    New Zealand
    Nicaragua
    Niger
    Nigeria
    North Korea
    North Macedonia
    Norway
    Oman
    Pakistan
    Palestine
    Panama
    Papua New Guinea
    Paraguay
    Peru
    Philippines
    Poland
    Portugal
    Qatar
    Romania
    Russia
    Rwanda
    Samoa
    San Marino
    Saudi Arabia
    Scotland
    Senegal
    Serbia
    Seychelles
    Sierra Leone
    Singapore
    Slovakia
    Slovenia
    Solomon Islands
    Somalia
    South Africa
    South Korea
    South Sudan
    Spain
    Sri Lanka
    Sudan
    Suriname
    Sweden
    Switzerland
    Syria
    Taiwan
    Tajikistan
    Tanzania
    Thailand
    Timor-Leste
    Togo
    Tonga
    Trinidad and Tobago
    Tunisia
    Turkey
    Turkmenistan
    Uganda
    Ukraine
    United Arab Emirates
    United Kingdom
    United States
    Uruguay
    Uzbekistan
    Vanuatu
    Venezuela
    Vietnam
    Wales
    Yemen
    Zambia
    Zimbabwe
    """
)

# Capitals and a few very large cities: the small model misses or mislabels
# them when they stand alone as the subject of a sentence ("Kyiv denied ...").
CITIES = _names(
    """
    Abu Dhabi
    Amman
    Ankara
    Athens
    Baghdad
    Bangkok
    Beijing
    Beirut
    Berlin
    Brussels
    Buenos Aires
    Cairo
    Damascus
    Delhi
    Doha
    Dubai
    Geneva
    Islamabad
    Istanbul
    Jakarta
    Jerusalem
    Kabul
    Karachi
    Khartoum
    Kyiv
    Kiev
    Lagos
    Lisbon
    London
    Madrid
    Manila
    Mexico City
    Minsk
    Moscow
    Mumbai
    Nairobi
    New Delhi
    Paris
    Rome
    Seoul
    Shanghai
    Sydney
    Tehran
    Tokyo
    Vienna
    Warsaw
    Washington
    """
)

# States and provinces of the federations news reports most: first-level
# regions the small model often types PERSON or ORG ("Tamil Nadu said ...").
REGIONS = _names(
    """
    Alabama
    Alaska
    Arizona
    Arkansas
    California
    Colorado
    Connecticut
    Delaware
    Florida
    Hawaii
    Idaho
    Illinois
    Indiana
    Iowa
    Kansas
    Kentucky
    Louisiana
    Maine
    Maryland
    Massachusetts
    Michigan
    Minnesota
    Mississippi
    Missouri
    Montana
    Nebraska
    Nevada
    New Hampshire
    New Jersey
    New Mexico
    North Carolina
    North Dakota
    Ohio
    Oklahoma
    Oregon
    Pennsylvania
    Rhode Island
    South Carolina
    South Dakota
    Tennessee
    Texas
    Utah
    Vermont
    Virginia
    West Virginia
    Wisconsin
    Wyoming
    Andhra Pradesh
    Arunachal Pradesh
    Assam
    Bihar
    Chhattisgarh
    Goa
    Gujarat
    Haryana
    Himachal Pradesh
    Jharkhand
    Karnataka
    Kerala
    Madhya Pradesh
    Maharashtra
    Manipur
    Meghalaya
    Mizoram
    Nagaland
    Odisha
    Punjab
    Rajasthan
    Sikkim
    Tamil Nadu
    Telangana
    Tripura
    Uttar Pradesh
    Uttarakhand
    West Bengal
    Alberta
    British Columbia
    Manitoba
    New Brunswick
    Newfoundland and Labrador
    Nova Scotia
    Ontario
    Quebec
    Saskatchewan
    New South Wales
    Queensland
    South Australia
    Tasmania
    Western Australia
    Balochistan
    Khyber Pakhtunkhwa
    Sindh
    """
)

# Different written forms of the same place or organisation, mapped to one
# canonical name so that mentions and cross-article keys merge.
CANONICAL_ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "america": "United States",
    "united states of america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "uae": "United Arab Emirates",
    "u.a.e.": "United Arab Emirates",
    "kiev": "Kyiv",
    # AP style's state abbreviations, only those that are no other word or name
    # standing alone ("Ore." is Oregon; "Miss.", "Mass.", "La." and "Wash." are not listed).
    "ariz.": "Arizona",
    "ark.": "Arkansas",
    "calif.": "California",
    "colo.": "Colorado",
    "conn.": "Connecticut",
    "fla.": "Florida",
    "kan.": "Kansas",
    "ky.": "Kentucky",
    "mich.": "Michigan",
    "minn.": "Minnesota",
    "mont.": "Montana",
    "neb.": "Nebraska",
    "nev.": "Nevada",
    "n.h.": "New Hampshire",
    "n.j.": "New Jersey",
    "n.m.": "New Mexico",
    "n.c.": "North Carolina",
    "n.d.": "North Dakota",
    "okla.": "Oklahoma",
    "ore.": "Oregon",
    "r.i.": "Rhode Island",
    "s.c.": "South Carolina",
    "s.d.": "South Dakota",
    "tenn.": "Tennessee",
    "vt.": "Vermont",
    "w.va.": "West Virginia",
    "wis.": "Wisconsin",
    "wyo.": "Wyoming",
    "isis": "Islamic State",
    "isil": "Islamic State",
    "daesh": "Islamic State",
    "islamic state of iraq and syria": "Islamic State",
    "islamic state of iraq and the levant": "Islamic State",
    "un": "United Nations",
    "u.n.": "United Nations",
    "eu": "European Union",
    "e.u.": "European Union",
    "fsb": "Federal Security Service",
    "ap": "Associated Press",
    "afp": "Agence France-Presse",
    "pti": "Press Trust of India",
    "fed": "Federal Reserve",
}

NEWS_AGENCIES = _names(
    """
    Reuters
    Associated Press
    AP
    AFP
    Agence France-Presse
    TASS
    Tass
    RIA Novosti
    Interfax
    Xinhua
    Bloomberg
    dpa
    ANSA
    EFE
    Kyodo
    Yonhap
    PTI
    Press Trust of India
    IRNA
    Anadolu
    UPI
    United Press International
    """
)

DEMONYMS = _names(
    """
    Afghan
    African
    American
    Arab
    Australian
    Belarusian
    British
    Canadian
    Chechen
    Chinese
    Dutch
    Egyptian
    European
    French
    German
    Greek
    Indian
    Iranian
    Iraqi
    Irish
    Israeli
    Italian
    Japanese
    Jewish
    Korean
    Lebanese
    Libyan
    Mexican
    Muslim
    Christian
    Pakistani
    Palestinian
    Polish
    Russian
    Saudi
    Spanish
    Syrian
    Tajik
    Turkish
    Ukrainian
    Western
    Yemeni
    """
)

# Capitalised words that go before a person's name and are not part of it.
PERSON_TITLES = _names(
    """
    President
    Vice President
    Prime Minister
    Minister
    Chancellor
    Secretary
    Sen.
    Senator
    Rep.
    Representative
    Gov.
    Governor
    Mayor
    Speaker
    Leader
    Judge
    Justice
    General
    Gen.
    Col.
    Colonel
    Lt.
    Lieutenant
    Maj.
    Major
    Capt.
    Captain
    Chair
    Chairman
    Chairwoman
    Sgt.
    Sergeant
    Adm.
    Admiral
    Commander
    Chief
    Officer
    Detective
    Inspector
    Superintendent
    Constable
    Commissioner
    Brigadier
    Fullback
    Halfback
    Winger
    Striker
    Goalkeeper
    Midfielder
    Quarterback
    Sheriff
    Deputy
    Dr.
    Mr.
    Mrs.
    Ms.
    Miss
    Dr
    Mr
    Mrs
    Ms
    Mx
    Prof
    Supt
    Insp
    Sgt
    Capt
    Lt
    Maj
    Prof.
    Professor
    Pope
    King
    Queen
    Prince
    Princess
    Sheikh
    Ayatollah
    Imam
    Rabbi
    Father
    Sister
    Saint
    St.
    """
)

# Lower-case nouns that, in apposition or just before a name, say the name
# belongs to a person ("Ann Smith, a spokeswoman", "police chief Ann Smith").
PERSON_ROLES = _names(
    """
    adviser
    advisor
    aide
    ambassador
    analyst
    anchor
    attorney
    author
    bureaucrat
    ceo
    chairman
    chairwoman
    chancellor
    chief
    coach
    colonel
    commander
    commissioner
    congressman
    congresswoman
    correspondent
    councillor
    councilman
    councilwoman
    critic
    activist
    driver
    engineer
    farmer
    father
    fisherman
    mechanic
    mother
    nurse
    owner
    passenger
    pilot
    shopkeeper
    trader
    vendor
    veteran
    villager
    volunteer
    worker
    deputy
    diplomat
    director
    doctor
    economist
    editor
    envoy
    executive
    expert
    founder
    general
    governor
    head
    historian
    journalist
    judge
    lawmaker
    lawyer
    leader
    manager
    mayor
    minister
    negotiator
    officer
    official
    president
    professor
    prosecutor
    researcher
    resident
    secretary
    senator
    sheriff
    singer
    spokesman
    spokesperson
    spokeswoman
    student
    survivor
    teacher
    victim
    witness
    """
)

# Lower-case nouns naming a media outlet: "broadcaster Almasar", "the news agency Amaq".
MEDIA_NOUNS = _names(
    """
    agency
    broadcaster
    channel
    daily
    magazine
    network
    newspaper
    outlet
    station
    tabloid
    website
    """
)

# Verbs of saying: their subject is a person or an organisation, never a place.
SPEECH_VERBS = _names(
    """
    say
    tell
    add
    write
    announce
    ask
    claim
    confirm
    deny
    explain
    insist
    note
    state
    warn
    urge
    """
)

# Final words of a venue or building name.
FACILITY_HEADS = _names(
    """
    Airport
    Arena
    Auditorium
    Base
    Bridge
    Building
    Cathedral
    Church
    City Hall
    Convention Center
    Convention Centre
    Hall
    Hospital
    Infirmary
    Clinic
    Hotel
    Mall
    Medical Center
    Mosque
    Museum
    Palace
    Plaza
    Prison
    Shopping Center
    Shopping Centre
    Sports Centre
    Square
    Stadium
    Station
    Synagogue
    Temple
    Terminal
    Trade Center
    Theater
    Theatre
    Tower
    Towers
    """
)

# Final words of a named event (sports events, storms, wars).
EVENT_HEADS = _names(
    """
    Championship
    Championships
    Cup
    Festival
    Games
    Grand Prix
    Marathon
    Olympics
    Open
    Opens
    Slam
    Slams
    Summit
    War
    """
)

# First words of a named storm: "Storm Daniel", "Hurricane Katrina".
EVENT_PREFIXES = _names(
    """
    Cyclone
    Hurricane
    Storm
    Tropical Storm
    Typhoon
    """
)

# Head nouns of a noun phrase naming a weapon or vehicle model, so that
# "Iskander missiles" or "Shahed drones" make the name a product.
WEAPON_NOUNS = _names(
    """
    aircraft
    bomb
    bomber
    drone
    fighter
    helicopter
    howitzer
    jet
    launcher
    missile
    rifle
    rocket
    submarine
    tank
    warplane
    warship
    """
)

# Words that make a nationality or religion adjective into an organisation's
# name: "Islamic State", "Islamic Jihad", "Muslim Brotherhood".
ORG_HEADS_AFTER_NORP = _names(
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

# Lower-case words that follow a place name and belong to it ("the Belgorod region").
REGION_NOUNS = _names(
    """
    community
    district
    governorate
    oblast
    prefecture
    region
    """
)

# Lower-case words after a place that only confirm it is a place ("Odisha state").
PLACE_CONFIRMING_NOUNS = _names(
    """
    city
    county
    province
    state
    town
    village
    """
)

# Capitalised tokens the small model tags as organisations but that name
# time zones, programmes or generic terms.
NON_ENTITIES = _names(
    """
    GMT
    UTC
    EST
    EDT
    CST
    CDT
    PST
    PDT
    CET
    CEST
    BST
    Medicaid
    Medicare
    """
)

# Sentence openers of author lines, credits and contributor notes.
BYLINE_OPENERS = (
    "by ",
    "write to ",
    "reporting by",
    "(reporting by",
    "additional reporting",
    "editing by",
    "contributing:",
    "compiled by",
    "photo:",
    "photo by ",
    "photos by ",
    "photograph by ",
    "image by ",
    "photos:",
    "photograph:",
    "image:",
    "credit:",
    "caption:",
)

# Small words left out when building an acronym from a name.
ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "in", "on", "&", "de", "du", "la"})

# Nouns for kinds of place: "the town of Derna", "Chennai, the capital of ...".
PLACE_NOUNS = _names(
    """
    capital
    city
    country
    county
    district
    province
    region
    state
    town
    village
    """
)

# Last words of a company's formal name that its short name leaves out:
# "HSBC Holdings" is "HSBC".
CORPORATE_SUFFIXES = _names(
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

# Last words that make a name an organisation's, and are nobody's surname ("Thames
# Water", "Labour Party", "Fresno Police"); not "Bank", "Union" or "Federation", which
# also end places ("West Bank", "Soviet Union", "Russian Federation").
ORG_HEADS = _names(
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

# Labels a story may open with in capitals, where a dateline would name a place
# ("BREAKING:", "UPDATE —").
STORY_LABELS = _names(
    """
    alert
    analysis
    breaking
    clarification
    comment
    correction
    developing
    editorial
    exclusive
    explainer
    flash
    in
    just
    listen
    live
    note
    opinion
    photos
    read
    review
    update
    updated
    urgent
    video
    warning
    watch
    """
)

# Words that go before a title and form it with it, never a name on their own:
# "Supreme Leader", "Labor Secretary", "Health Minister", "District Judge".
TITLE_MODIFIERS = _names(
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
    senior
    supreme
    trade
    transport
    transportation
    treasury
    vice
    """
)

# Social networks news cites as where something was said: "he wrote on X".
SOCIAL_PLATFORMS = frozenset(
    {
        "X",
        "Telegram",
        "Facebook",
        "Instagram",
        "TikTok",
        "YouTube",
        "Twitter",
        "Weibo",
        "WhatsApp",
        "Threads",
        "Bluesky",
        "VKontakte",
    }
)
