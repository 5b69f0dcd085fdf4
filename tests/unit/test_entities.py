"""Named-entity extraction: merging, typing, clean-up and robustness."""

import dataclasses

import pytest

from service.nlp.entities import Entity, EntitySpan, entity_key, extract_entities
from tests.fixtures import articles
from tests.unit.tables import rule

SCORED_TYPES = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
VALUE_TYPES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}


def _find(entities, name):
    """The entity whose name or one of whose aliases is `name` (case-insensitive)."""
    wanted = name.casefold()
    for entity in entities:
        if wanted in {entity.name.casefold(), *(a.casefold() for a in entity.aliases)}:
            return entity
    return None


def _all_forms(entities):
    return {form.casefold() for e in entities for form in (e.name, *e.aliases)}


# --------------------------------------------------------------- merging

MERGES = [
    pytest.param(
        "Halvorsen Foods Inc. agreed to buy a rival on Monday. Halvorsen said the deal "
        "would close next year.",
        "Halvorsen Foods Inc.",
        {"Halvorsen"},
        2,
        id="company-by-its-first-word",
    ),
    pytest.param(
        "Henry Ford founded Ford Motor Co. in 1903. Ford said the company would grow.",
        "Henry Ford",
        {"Ford"},
        2,
        id="surname-of-a-person-not-the-company",
    ),
    pytest.param(
        "President Vladimir Putin met security chiefs on Monday. Putin said the attack had "
        "been planned abroad. Putin's spokesman declined to comment.",
        "Vladimir Putin",
        {"Putin"},
        3,
        id="surname-and-possessive",
    ),
    pytest.param(
        "The United States warned Moscow in early March. U.S. officials said the US embassy "
        "had passed on the warning.",
        "United States",
        {"U.S.", "US"},
        3,
        id="country-acronyms",
    ),
    pytest.param(
        "The Islamic State group claimed the attack. ISIS has carried out similar attacks "
        "in Afghanistan.",
        "Islamic State",
        {"ISIS"},
        2,
        id="islamic-state",
    ),
    pytest.param(
        "The Congressional Budget Office published its estimate on Tuesday. The CBO said the "
        "deficit would grow.",
        "Congressional Budget Office",
        {"CBO"},
        2,
        id="initials",
    ),
    pytest.param(
        "Prime Minister Keir Starmer visited the town on Tuesday. Starmer met families of "
        "the victims.",
        "Keir Starmer",
        {"Starmer"},
        2,
        id="surname-the-tagger-missed",
    ),
    pytest.param(
        "Health Minister Mikhail Murashko said 80 people remained in hospital. Murashko "
        "visited the wards in Krasnogorsk.",
        "Mikhail Murashko",
        {"Murashko"},
        2,
        id="title-stripped",
    ),
    pytest.param(
        "The European Union and the United Nations called for calm. The EU said it would send aid.",
        "European Union",
        {"EU"},
        2,
        id="eu",
    ),
    pytest.param(
        "Shares in Nordbank Holdings rose 3% on Monday after Nordbank said it would cut costs.",
        "Nordbank Holdings",
        {"Nordbank"},
        2,
        id="company-suffix",
    ),
    pytest.param(
        "The Federal Reserve held rates steady. Fed Chair Jerome Powell said inflation was "
        "too high.",
        "Federal Reserve",
        {"Fed"},
        2,
        id="title-after-institution",
    ),
    pytest.param(
        "A plane crashed near the airport, the Riverton Fire Department said. RFD spokesperson "
        "Ann Wu said the pilot died.",
        "Riverton Fire Department",
        {"RFD"},
        2,
        id="acronym-the-tagger-missed",
    ),
    pytest.param(
        "The Department of Labor issued the rule in May. The Labor Department said it would "
        "appeal.",
        "Department of Labor",
        {"Labor Department"},
        2,
        id="department-of-x",
    ),
    pytest.param(
        "The White House said it would respond. The White House's statement came late on Friday.",
        "White House",
        set(),
        2,
        id="leading-the-and-possessive",
    ),
    pytest.param(
        "Lagos State Governor Babajide Sanwo-Olu ordered an independent inquiry.\n\n“We will "
        "not allow anyone who cut corners to go unpunished,” Sanwo-Olu told reporters.",
        "Babajide Sanwo-Olu",
        {"Sanwo-Olu"},
        2,
        id="double-barrelled-surname-the-tagger-missed",
    ),
    pytest.param(
        "“We can hear them,” agency chief Olufemi Oke-Osanyintolu said on Monday. By Tuesday "
        "the toll had risen to 22, Oke-Osanyintolu said.",
        "Olufemi Oke-Osanyintolu",
        {"Oke-Osanyintolu"},
        2,
        id="double-barrelled-surname-tagged-org",
    ),
    pytest.param(
        "The U.S. Senate on Thursday rejected the bill. The Senate returns on Monday.",
        "U.S. Senate",
        {"Senate"},
        2,
        id="institution-with-and-without-its-country",
    ),
    pytest.param(
        "The Russian Defence Ministry said it had struck a depot. The Defence Ministry gave no "
        "evidence.",
        "Russian Defence Ministry",
        {"Defence Ministry"},
        2,
        id="institution-with-and-without-its-demonym",
    ),
    pytest.param(
        "Rosa Kemble, the head of the clinic, said the ward was full. Mrs Kemble said two more "
        "nurses had been hired.",
        "Rosa Kemble",
        {"Kemble"},
        2,
        id="british-title-without-period-mrs",
    ),
    pytest.param(
        "Dr Anil Varma, a GP in the town, stopped to help. Dr Varma said the boy was calm.",
        "Anil Varma",
        {"Varma"},
        2,
        id="british-title-without-period-dr",
    ),
    pytest.param(
        "Joan Pike said she had heard the bang from her kitchen. Ms Pike called the police.",
        "Joan Pike",
        {"Pike"},
        2,
        id="british-title-without-period-ms",
    ),
    pytest.param(
        "Ellen Marsh, a photographer, died on Friday. Her son, Peter Marsh, confirmed the "
        "death. Marsh began her career in Beirut.",
        "Ellen Marsh",
        {"Marsh"},
        2,
        id="obituary-subject-shares-a-surname-with-a-relative",
        marks=pytest.mark.xfail(
            reason="a surname two people share stays a separate entity; that the article's "
            "subject owns it needs discourse, not the names",
            strict=True,
        ),
    ),
    *rule(
        "nested-person-names",
        (
            "George W. Bush spoke on Monday. George Bush said the plan would work. Bush's "
            "aides were silent.",
            "George W. Bush",
            {"George Bush", "Bush"},
            3,
        ),
        (
            "Mary Anne Okafor won the seat. Anne Okafor thanked voters, and Okafor's rivals "
            "conceded.",
            "Mary Anne Okafor",
            {"Anne Okafor", "Okafor"},
            3,
        ),
        (
            "Juan Carlos Ferrero reached the final. Carlos Ferrero said he felt fresh, and "
            "Ferrero's coach agreed.",
            "Juan Carlos Ferrero",
            {"Carlos Ferrero", "Ferrero"},
            3,
        ),
    ),
]


@pytest.mark.parametrize(("text", "name", "aliases", "mentions"), MERGES)
def test_mentions_of_one_entity_merge(parse, text, name, aliases, mentions):
    entities = extract_entities(parse(text))
    entity = _find(entities, name)
    assert entity is not None, [e.name for e in entities]
    assert entity.name == name
    assert aliases <= set(entity.aliases)
    assert entity.mentions == mentions == len(entity.spans)
    assert sum(1 for e in entities if _find([e], name)) == 1


# --------------------------------------------------------------- typing

TYPES = [
    pytest.param(
        "Anglian Water said supplies were safe after the flooding.",
        "Anglian Water",
        "ORG",
        id="utility-the-model-calls-a-person",
    ),
    pytest.param(
        "North Yorkshire Police said the driver had been arrested.",
        "North Yorkshire Police",
        "ORG",
        id="police-force-named-by-its-county",
    ),
    pytest.param(
        "Leaders of the Shanghai Cooperation Organisation (SCO) met in Tianjin on Monday.",
        "Shanghai Cooperation Organisation",
        "ORG",
        id="span-run-into-an-acronym-bracket",
    ),
    pytest.param(
        "The World Health Organization (WHO) said 29 people had died.",
        "World Health Organization",
        "ORG",
        id="bracketed-acronym-before-said",
    ),
    pytest.param(
        "Bernstein’s Priya Natarajan said the deal was fair.",
        "Priya Natarajan",
        "PERSON",
        id="person-after-an-employers-possessive",
    ),
    pytest.param(
        "Malawi declared a state of disaster after the floods, officials said.",
        "Malawi",
        "GPE",
        id="smaller-country",
    ),
    pytest.param(
        "Tamil Nadu announced compensation for the families on Monday.",
        "Tamil Nadu",
        "GPE",
        id="indian-state-as-subject",
    ),
    pytest.param(
        "Uttar Pradesh police said the bus had been overloaded.",
        "Uttar Pradesh",
        "GPE",
        id="indian-state-before-police",
    ),
    pytest.param(
        "Two patients were moved from Leeds General Infirmary overnight.",
        "Leeds General Infirmary",
        "FAC",
        id="infirmary",
        marks=pytest.mark.xfail(
            reason="the model tags 'Leeds General' (ORG) and 'General' reads as a title to trim; "
            "a span is not extended over a facility head the model left out",
            strict=True,
        ),
    ),
    pytest.param(
        "Thousands gathered at the Olympic Stadium in Berlin on Saturday.",
        "Olympic Stadium",
        "FAC",
        id="stadium",
    ),
    pytest.param(
        "The concert at Wembley Arena was cancelled after the threat.",
        "Wembley Arena",
        "FAC",
        id="arena-tagged-person",
    ),
    pytest.param(
        "Gunmen opened fire inside Crocus City Hall on Friday evening.",
        "Crocus City Hall",
        "FAC",
        id="city-hall-venue",
    ),
    pytest.param(
        "Kyiv denied any involvement in the attack.", "Kyiv", "GPE", id="capital-the-model-misses"
    ),
    pytest.param(
        "The suspects were citizens of Tajikistan, officials said.",
        "Tajikistan",
        "GPE",
        id="country-tagged-norp",
    ),
    pytest.param(
        "Russian state news agency TASS reported the new figure.", "TASS", "ORG", id="agency"
    ),
    pytest.param(
        "Maria Lopez, a spokeswoman for the ministry, said the roads were closed.",
        "Maria Lopez",
        "PERSON",
        id="appositive-role",
    ),
    pytest.param(
        "Hospitals were overwhelmed, Tamer Ramadan, head of the delegation, told reporters.",
        "Tamer Ramadan",
        "PERSON",
        id="untagged-person-with-role",
    ),
    pytest.param(
        "Drones struck the Kursk region overnight, the governor said.",
        "Kursk region",
        "GPE",
        id="region-noun",
    ),
    pytest.param(
        "Chicago police said two officers were wounded in the shootout.",
        "Chicago police",
        "ORG",
        id="city-police",
    ),
    pytest.param(
        "Virginia Beach police said the gunman was a city employee.",
        "Virginia Beach",
        "GPE",
        id="city-inside-police-name",
    ),
    pytest.param(
        "The British Embassy in Kyiv reopened on Monday.",
        "British Embassy in Kyiv",
        "ORG",
        id="embassy-in-city",
    ),
    pytest.param(
        "The International Federation of Red Cross and Red Crescent Societies said it "
        "had sent teams.",
        "International Federation of Red Cross and Red Crescent Societies",
        "ORG",
        id="org-name-with-and",
    ),
    pytest.param(
        "Storm Daniel hit eastern Libya last week, killing thousands.",
        "Storm Daniel",
        "EVENT",
        id="named-storm",
    ),
    pytest.param(
        "The city was hit by Iskander missiles overnight.", "Iskander", "PRODUCT", id="weapon-model"
    ),
    pytest.param(
        "Iran's Supreme Leader Ayatollah Ali Khamenei condemned the blasts.",
        "Ali Khamenei",
        "PERSON",
        id="honorifics-stripped",
    ),
    pytest.param(
        "The death toll rose to 30, Libyan broadcaster Almasar reported.",
        "Almasar",
        "ORG",
        id="media-noun",
    ),
    pytest.param(
        "Rescue teams worked through the night in Antakya to free survivors.",
        "Antakya",
        "GPE",
        id="place-after-in",
    ),
    pytest.param(
        "The train was travelling to Chennai, the capital of Tamil Nadu state.",
        "Chennai",
        "GPE",
        id="capital-appositive",
    ),
    pytest.param(
        "Rescuers searched the eastern town of Derna for survivors.", "Derna", "GPE", id="town-of"
    ),
    pytest.param(
        "The minister warned on X that more strikes would follow.",
        "X",
        "ORG",
        id="platform-after-on",
    ),
    pytest.param(
        "Russian drones hit an apartment building in Odesa overnight.",
        "Odesa",
        "GPE",
        id="place-the-model-calls-a-language",
    ),
    pytest.param(
        "Fire broke out at the Grand Hotel in Brighton on Sunday.", "Grand Hotel", "FAC", id="hotel"
    ),
    pytest.param(
        "The National Hurricane Center said the storm would strengthen.",
        "National Hurricane Center",
        "ORG",
        id="center-is-an-organisation",
    ),
    pytest.param(
        "Prime Minister Keir Starmer visited Southport on Tuesday.",
        "Southport",
        "GPE",
        marks=pytest.mark.xfail(
            reason="the model calls the town a person and nothing in the sentence says otherwise"
        ),
        id="town-tagged-person",
    ),
    pytest.param(
        "Governor Lopez signed the budget on Thursday.",
        "Lopez",
        "PERSON",
        id="surname-after-capitalised-title",
    ),
    pytest.param(
        "The new rules were welcomed by Senator Okafor and Mayor Lindqvist.",
        "Lindqvist",
        "PERSON",
        id="surnames-after-titles-untagged",
    ),
    pytest.param(
        "In the hamlet of Bhimpur, 61-year-old farmer Ram Prasad Thapa said he had lost his house.",
        "Ram Prasad Thapa",
        "PERSON",
        id="after-an-everyday-role-noun",
    ),
    pytest.param(
        "One passenger, Lucia Mendes, 34, said she was asleep when the bus tipped over.",
        "Lucia Mendes",
        "PERSON",
        id="apposition-to-a-role-noun",
    ),
    pytest.param(
        "MADRID — At least 112 deaths have been linked to the heatwave, the ministry said.",
        "Madrid",
        "GPE",
        id="all-caps-dateline-tagged-as-common-noun",
    ),
    pytest.param(
        "More than 12,000 residents were evacuated from riverbanks in the Karnali province.",
        "Karnali province",
        "LOC",
        id="untagged-name-before-a-region-noun",
        marks=pytest.mark.xfail(
            reason="the tagger reads 'Karnali' as an adjective, not a proper noun, so no name "
            "starts there for the region noun to extend",
            strict=True,
        ),
    ),
    pytest.param(
        "Eleven miners were trapped when a tunnel collapsed at the Kloof mine on Tuesday.",
        "Kloof mine",
        "FAC",
        id="facility-with-a-lower-case-head",
    ),
]


@pytest.mark.parametrize(("text", "name", "entity_type"), TYPES)
def test_entity_type(parse, text, name, entity_type):
    entity = _find(extract_entities(parse(text)), name)
    assert entity is not None
    assert entity.type == entity_type


# --------------------------------------------------------------- what is not an entity

DROPPED = [
    pytest.param(
        "By Ann Smith and John Doe\n\nThe mayor of Chicago resigned on Friday.",
        {"ann smith", "john doe"},
        "Chicago",
        id="byline-first-line",
    ),
    pytest.param(
        "Chief Executive Officer Lars Eriksson said profits rose.",
        {"executive officer", "chief executive officer lars eriksson"},
        "Lars Eriksson",
        id="title-words-run-is-no-name",
    ),
    pytest.param(
        "Fullback Kaleb Tuimavave scored twice in the second half.",
        {"fullback kaleb tuimavave", "fullback"},
        "Kaleb Tuimavave",
        id="playing-position-before-a-name",
    ),
    pytest.param(
        "Detective Superintendent Emma Holloway said the scene was secure.",
        {
            "superintendent emma holloway",
            "detective superintendent emma holloway",
            "superintendent",
        },
        "Emma Holloway",
        id="police-rank-before-a-name",
    ),
    pytest.param(
        "Police Commissioner Dermot Shea and Brigadier Tom Hale spoke on Monday.",
        {"commissioner dermot shea", "brigadier tom hale", "brigadier"},
        "Tom Hale",
        id="commissioner-and-brigadier",
    ),
    pytest.param(
        "The mayor of Denver resigned on Friday.\n\nWrite to Jane Roe at jane.roe@example.com",
        {"jane roe"},
        "Denver",
        id="write-to-line",
    ),
    pytest.param(
        "The mayor of Denver resigned on Friday after a long inquiry.\n\nAnn Smith and Bo Lee",
        {"ann smith", "bo lee"},
        "Denver",
        id="trailing-author-line",
    ),
    pytest.param(
        "Rescuers worked through the night in Antakya.\n\nRescuers search the rubble "
        "of a building in Hatay province. John Smith/Reuters",
        {"john smith", "reuters"},
        "Antakya",
        id="photo-caption",
    ),
    pytest.param(
        "Crowds gathered in Paris on Sunday.\n\nPHOTO: Ann Lee for The Daily Gazette",
        {"ann lee", "daily gazette"},
        "Paris",
        id="photo-line",
    ),
    pytest.param(
        "Macron named a new prime minister in Paris.\n\nPhoto by Ann Lee / AFP",
        {"ann lee", "afp"},
        "Paris",
        id="photo-by-line",
    ),
    pytest.param(
        "U.S. District Judge Reed Carter said the Labor Department had overstepped, "
        "and Labor Secretary Julie Su said she would appeal.",
        {"u.s. district", "labor"},
        "Reed Carter",
        id="title-modifiers",
    ),
    pytest.param(
        "MOSCOW (Reuters) - Russia said on Friday that it had expelled two diplomats.",
        {"reuters"},
        "Russia",
        id="dateline-agency",
    ),
    pytest.param(
        "The shooting happened at 4 p.m. (2000 GMT) on Friday in Dallas.",
        {"gmt", "friday", "4 p.m."},
        "Dallas",
        id="time-zone-and-dates",
    ),
    pytest.param(
        "Iran's Supreme Leader Ayatollah Ali Khamenei condemned the blasts.",
        {"supreme", "supreme leader"},
        "Iran",
        id="title-word",
    ),
    pytest.param(
        "Senate Majority Leader John Thune said the vote would go ahead.",
        {"senate majority"},
        "Senate",
        id="title-not-glued-to-name",
    ),
    pytest.param(
        "Lawmakers want cuts to programs like Medicaid, said Senator Ann Wu.",
        {"medicaid"},
        "Ann Wu",
        id="programme-name",
    ),
    pytest.param(
        "By JOHN SMITH and MARY JONES Associated Press\n\nTOKYO — A strong "
        "earthquake struck off the coast of Japan.",
        {"john smith", "mary jones", "associated press"},
        "Tokyo",
        id="byline-glued-to-dateline",
    ),
    pytest.param(
        "By ANN LEE and BO KIM\nAssociated Press\n\nTOKYO (AP) — A strong earthquake struck "
        "off the coast of Japan.",
        {"ann lee", "bo kim", "associated press", "ap"},
        "Tokyo",
        id="agency-on-its-own-byline-line",
    ),
    pytest.param(
        "The minister spoke to the Associated Press on Friday in Tokyo.",
        set(),
        "Associated Press",
        id="agency-in-the-story-is-kept",
    ),
    pytest.param(
        "Israeli strikes killed 40 people, the health ministry said.",
        {"health ministry"},
        "Israeli",
        id="lower-case-description",
    ),
    pytest.param(
        "Fed Chair Jerome Powell said inflation remained too high.",
        {"fed chair"},
        "Jerome Powell",
        id="title-tagged-as-person",
    ),
    pytest.param(
        "Chief Executive Lars Eriksson said fuel costs had hit the airline hard.",
        {"executive", "chief executive"},
        "Lars Eriksson",
        id="two-word-title-with-a-role-noun",
    ),
    pytest.param(
        "The injured were treated at a health post in Santo Tomás, near Cusco.",
        {"tomás"},
        "Santo Tomás",
        id="spanish-town-read-as-a-person",
    ),
    pytest.param(
        "Haaland hat-trick sinks Arsenal as City go top\n\nLONDON (Reuters) - Erling Haaland "
        "scored a hat-trick as Manchester City beat Arsenal 4-1.",
        {"arsenal as city"},
        "Erling Haaland",
        marks=pytest.mark.xfail(
            reason="the model tags a headline's 'Arsenal as City' as one place; nothing splits "
            "a span at a lower-case conjunction",
            strict=True,
        ),
        id="headline-run-together",
    ),
]


@pytest.mark.parametrize(("text", "absent", "present"), DROPPED)
def test_non_entities_are_left_out(parse, text, absent, present):
    entities = extract_entities(parse(text))
    forms = _all_forms(entities)
    assert not absent & forms
    assert _find(entities, present) is not None


@pytest.mark.parametrize(
    "text",
    [
        *rule(
            "dates, times and counts",
            "The attack on Friday, March 22, killed 60 people and injured 145 at 8 p.m.",
        ),
        *rule(
            "money, percentages and years",
            "Officials said $3.8 trillion in tax cuts and 40% of the budget were at stake in 2025.",
        ),
    ],
)
def test_values_are_not_entities(parse, text):
    assert all(e.type not in VALUE_TYPES for e in extract_entities(parse(text)))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        *rule(
            "a dateline place",
            ("NEW DELHI: A total of 12 people were killed in the crash, police said.", "New Delhi"),
            ("PUNE: The ruling party won a clear majority on Friday.", "Pune"),
            ("MEDFORD, Ore. — A wildfire forced thousands to flee on Sunday.", "Medford"),
        ),
        *rule(
            "a story label is no place",
            ("BREAKING: The minister resigned on Monday.", None),
            ("UPDATE — Police said two people were hurt.", None),
        ),
    ],
)
def test_a_dateline_in_capitals_names_a_place(parse, text, place):
    places = [e.name for e in extract_entities(parse(text)) if e.spans[0].start == 0]
    assert places == ([place] if place else [])


def test_dateline_place_keeps_a_readable_name(parse):
    entities = extract_entities(parse("WASHINGTON — The Senate passed the bill late on Saturday."))
    entity = _find(entities, "Washington")
    assert entity is not None
    assert entity.name == "Washington"
    assert entity.spans[0].text == "WASHINGTON"


# --------------------------------------------------------------- names on unseen news

# Each row: the text, the names that must be entities ({name: type}, type None for any),
# the written forms that must not be any entity's name or alias.
UNSEEN_NEWS = [
    *rule(
        "title-only",
        ("The Prime Minister visited the flooded town on Monday.", {}, {"prime minister"}),
        ("A Rear Admiral led the search, the navy said.", {}, {"rear admiral"}),
        ("The SP told reporters the driver had fled.", {}, {"sp"}),
    ),
    *rule(
        "hyphenated-modifier",
        ("The Kremlin-backed militia seized the town.", {"Kremlin": None}, {"kremlin-backed"}),
        ("Hamas-led authorities said 12 people were killed.", {"Hamas": None}, {"hamas-led"}),
        (
            "Southampton's Champions League-chasing rivals won again.",
            {"Champions League": None},
            {"champions league-chasing"},
        ),
    ),
    *rule(
        "place-after-comma",
        (
            "Shares of Suedzucker, Europe's largest sugar maker, fell 3 percent.",
            {"Suedzucker": "ORG"},
            {"suedzucker, europe"},
        ),
        (
            "Talks with Dunmore Athletic, Scotland's oldest club, stalled.",
            {"Dunmore Athletic": None, "Scotland": None},
            {"dunmore athletic, scotland"},
        ),
        (
            "A deal with Halvern Motors, Africa's biggest bus maker, was signed.",
            {},
            {"halvern motors, africa"},
        ),
    ),
    *rule(
        "a saint's name that names a place",
        (
            "The truck crashed on Saint Lawrence Road near the port.",
            {"Saint Lawrence Road": "FAC"},
            {"lawrence road"},
        ),
        ("Patients were taken to St. Mary's Hospital.", {"St. Mary's Hospital": "FAC"}, set()),
        ("Saint John Paul II visited the city in 1987.", {"John Paul II": "PERSON"}, set()),
    ),
    *rule(
        "title-before-name: a magistrate, and a title with the word that forms it",
        (
            "Magistrate Pradeep Sharma ordered a post-mortem, officials said.",
            {"Pradeep Sharma": "PERSON"},
            {"magistrate pradeep sharma"},
        ),
        (
            "Resident Magistrate Carla Thompson fined the driver.",
            {"Carla Thompson": "PERSON"},
            {"magistrate carla thompson", "resident magistrate carla thompson"},
        ),
        (
            "The bail plea was heard by District Magistrate Ravi Shankar Prasad on Friday.",
            {"Ravi Shankar Prasad": "PERSON"},
            {"district magistrate ravi shankar prasad"},
        ),
        (
            "Chief Magistrate Dorothy Wanjiru fined the driver. Wanjiru said the road was closed.",
            {"Dorothy Wanjiru": "PERSON"},
            {"magistrate dorothy wanjiru", "chief magistrate dorothy wanjiru"},
        ),
    ),
    *rule(
        "numbered-org-before-role",
        (
            "Paramed24 spokesperson Thandi Mokoena said three people were injured.",
            {"Paramed24": "ORG", "Thandi Mokoena": "PERSON"},
            set(),
        ),
        (
            "Two bodies were recovered, Emergency 115 spokesman Jonas Berg told reporters.",
            {"Emergency 115": "ORG", "Jonas Berg": "PERSON"},
            set(),
        ),
        ("Patrol7 officials said the bridge would stay shut.", {"Patrol7": "ORG"}, set()),
        ("A Route 66 driver said the road was icy.", {"Route 66": "FAC"}, set()),
        ("All 14 coaches of the express left the rails.", {}, {"all 14"}),
    ),
    *rule(
        "road-number",
        ("The pickup left State Road 9 near the bridge.", {"State Road 9": "FAC"}, set()),
        (
            "Police diverted traffic to County Road 300 North overnight.",
            {"County Road 300 North": "FAC"},
            set(),
        ),
        ("The crash closed Route 66 for hours.", {"Route 66": "FAC"}, set()),
    ),
    *rule(
        "sentence-initial common noun",
        (
            "A tanker exploded on the bridge.\n\n“Paramedics worked through the night,” he said.",
            {},
            {"paramedics"},
        ),
        (
            "The fire spread quickly.\n\nSmoke could be seen for miles, residents said.",
            {},
            {"smoke"},
        ),
        (
            "FLOOD WARNING\n\nFlash floods swept through Kasese on Sunday.",
            {"Kasese": None},
            {"flash"},
        ),
    ),
    *rule(
        "title abbreviation",
        (
            "Health CS Susan Nakhumicha visited the ward on Monday.",
            {"Susan Nakhumicha": "PERSON"},
            {"cs susan nakhumicha"},
        ),
        (
            "PS Esther Wanjiru said the road would reopen next week.",
            {"Esther Wanjiru": "PERSON"},
            {"ps esther wanjiru"},
        ),
        (
            "Interior CS Kithure Kindiki toured the scene on Friday.",
            {"Kithure Kindiki": "PERSON"},
            {"cs kithure kindiki"},
        ),
    ),
    *rule(
        "sentence-initial role",
        (
            "Defendant Mr Tom Ridley denied the charge on Tuesday.",
            {"Tom Ridley": "PERSON"},
            {"defendant mr tom ridley", "mr tom ridley"},
        ),
        (
            "Appellant Ms Carla Dunne lost her case on Friday.",
            {"Carla Dunne": "PERSON"},
            {"appellant ms carla dunne"},
        ),
        (
            "Applicant Mrs R Patel had asked the council to reconsider.",
            {"R Patel": "PERSON"},
            {"applicant mrs r patel"},
        ),
    ),
    *rule(
        "organisation then person",
        (
            "A statement from the Rivers State Police Command Grace Iringe-Koko said two "
            "officers died.",
            {"Rivers State Police Command": "ORG", "Grace Iringe-Koko": "PERSON"},
            {"rivers state police command grace iringe-koko"},
        ),
        (
            "The spokesman for the Ogun State Police Command Abimbola Oyeyemi confirmed it.",
            {"Ogun State Police Command": "ORG", "Abimbola Oyeyemi": "PERSON"},
            set(),
        ),
        pytest.param(
            "The Kano State Police Command Haruna Kiyawa confirmed the arrests.",
            {"Kano State Police Command": "ORG", "Haruna Kiyawa": "PERSON"},
            set(),
            marks=pytest.mark.xfail(
                reason="the model ends the ORG before 'Haruna' and calls 'Kiyawa' a place; "
                "a first name is only joined to a span the model called a person",
                strict=True,
            ),
        ),
    ),
    *rule(
        "score after a name",
        (
            "Surviving Bulgarian Petar Ivanov 7-6 (5), 7-6 (1), Rossi advanced.",
            {"Petar Ivanov": "PERSON"},
            {"petar ivanov 7-6", "6", "7-6"},
        ),
        (
            "Top seed Daniil Medvedev 6-3, 7-5 winner over Hubert Hurkacz advanced.",
            {"Daniil Medvedev": "PERSON", "Hubert Hurkacz": "PERSON"},
            {"daniil medvedev 6-3", "6-3", "3"},
        ),
        (
            "Rublev won 6-1, 6-7 (3), 7-6 (6) over Kazakhstan’s Alexander Bublik.",
            {"Alexander Bublik": "PERSON"},
            {"6", "7", "3"},
        ),
    ),
    *rule(
        "nationality before a name",
        (
            "Norwegian Karsten Warholm won the 400m hurdles in Oslo.",
            {"Karsten Warholm": "PERSON"},
            {"norwegian karsten warholm"},
        ),
        (
            "Ghanaian Abena Owusu Mensah took silver behind Peruvian Lucia Quispe.",
            {"Abena Owusu Mensah": "PERSON", "Lucia Quispe": "PERSON"},
            {"ghanaian abena owusu mensah", "peruvian lucia quispe"},
        ),
        (
            "He stepped in when Canadian Felix Auger-Aliassime withdrew with an injury.",
            {"Felix Auger-Aliassime": "PERSON"},
            {"canadian felix auger-aliassime"},
        ),
        (
            "Russian Health Minister Mikhail Murashko visited the hospital.",
            {"Mikhail Murashko": "PERSON"},
            {"health minister"},
        ),
    ),
    *rule(
        "first name left out",
        (
            "Brazil’s Joao Pedro Fonseca and Chile’s Nicolas Jarry reached the final.",
            {"Joao Pedro Fonseca": "PERSON", "Nicolas Jarry": "PERSON"},
            set(),
        ),
        (
            "Other winners were Mikhail Kukushkin of Kazakhstan and Spain’s Pablo Carreno Busta.",
            {"Pablo Carreno Busta": "PERSON"},
            {"carreno busta"},
        ),
        (
            "National Civil Defense Coordinator Luis Felipe Puente said the toll had risen.",
            {"Luis Felipe Puente": "PERSON"},
            {"coordinator luis felipe puente"},
        ),
    ),
    *rule(
        "place with its unit noun",
        (
            "Fighting continued in Helmand province overnight, officials said.",
            {"Helmand province": "GPE", "Helmand": "GPE"},
            set(),
        ),
        (
            "Floods hit Kitui county on Monday. Kitui has had no rain for a year before this.",
            {"Kitui county": "GPE"},
            set(),
        ),
        (
            "The governor of Sindh province visited the camp near Hyderabad.",
            {"Sindh province": "GPE", "Hyderabad": "GPE"},
            set(),
        ),
    ),
    *rule(
        "unit noun of a role",
        (
            "said Yauri district manager Bala Mohammed on Tuesday.",
            {"Yauri": "GPE", "Bala Mohammed": "PERSON"},
            {"yauri district"},
        ),
        (
            "Kilifi county commissioner Ann Mwangi said the ferry was overloaded.",
            {"Kilifi": "GPE", "Ann Mwangi": "PERSON"},
            {"kilifi county"},
        ),
        (
            "Helmand province governor Abdul Rahman said the road was closed.",
            {"Helmand": "GPE", "Abdul Rahman": "PERSON"},
            {"helmand province"},
        ),
    ),
    *rule(
        "facility noun",
        (
            "The bus overturned near Mandalgarh railway station in Rajasthan.",
            {"Mandalgarh railway station": "FAC", "Rajasthan": "GPE"},
            {"mandalgarh"},
        ),
        (
            "Four people died at Salgaa junction on the Nakuru road.",
            {"Salgaa junction": "FAC"},
            set(),
        ),
        (
            "Trucks were stuck along the Kisumu-Busia highway for two days.",
            {"Kisumu-Busia highway": "FAC"},
            set(),
        ),
    ),
    *rule(
        "landform noun",
        (
            "Hikers were stranded in the Atlas mountains after the snowfall.",
            {"Atlas mountains": "LOC"},
            set(),
        ),
        (
            "Three fishermen drowned in the Tana river near Garissa.",
            {"Tana river": "LOC", "Garissa": "GPE"},
            set(),
        ),
        ("Soldiers patrolled the Sambisa forest for a week.", {"Sambisa forest": "LOC"}, set()),
        (
            "The ferry sank off the Indonesian island of Sulawesi on Saturday.",
            {"Sulawesi": None},
            {"indonesian island"},
        ),
    ),
    *rule(
        "public body of a place",
        (
            "The Hyogo prefectural government said 12 people were hurt.",
            {"Hyogo prefectural government": "ORG"},
            set(),
        ),
        (
            "The Sindh provincial government declared an emergency in Karachi.",
            {"Sindh provincial government": "ORG", "Karachi": "GPE"},
            set(),
        ),
        (
            "The Kerala state government announced compensation on Monday.",
            {"Kerala state government": "ORG"},
            set(),
        ),
    ),
    *rule(
        "agency descriptor",
        (
            "The quake was felt in Tokyo, Kyodo news agency reported.",
            {"Kyodo": "ORG"},
            {"kyodo news agency"},
        ),
        (
            "South Korea's Yonhap news agency said the ferry had capsized.",
            {"Yonhap": "ORG"},
            {"yonhap news agency"},
        ),
        (
            "Iran's official IRNA news agency reported the blast.",
            {"IRNA": "ORG"},
            {"irna news agency"},
        ),
        ("The state news agency Xinhua said 40 people had died.", {"Xinhua": "ORG"}, set()),
    ),
    *rule(
        "lower-case region before a place",
        ("Heavy rain fell across southern Texas on Sunday.", {"Texas": "GPE"}, {"southern texas"}),
        ("Fighting raged in eastern Ukraine overnight.", {"Ukraine": "GPE"}, {"eastern ukraine"}),
        (
            "Wildfires spread across north-western Turkey.",
            {"Turkey": "GPE"},
            {"north-western turkey"},
        ),
    ),
]


@pytest.mark.parametrize(("text", "present", "absent"), UNSEEN_NEWS)
def test_names_on_unseen_news(parse, text, present, absent):
    entities = extract_entities(parse(text))
    for name, entity_type in present.items():
        entity = _find(entities, name)
        assert entity is not None, (name, [(e.name, e.aliases) for e in entities])
        assert entity_type is None or entity.type == entity_type, (name, entity.type)
    assert not absent & _all_forms(entities), [(e.name, e.aliases) for e in entities]


GLUED_OVER_A_COMMA = [
    *rule(
        "place-after-comma",
        (
            "Kestrel Bank, Ireland's oldest lender, lost ground on Friday.",
            "Kestrel Bank, Ireland's",
            "Kestrel Bank",
            "Ireland",
        ),
        (
            "Traders sold Harwell Foods, Britain's biggest baker, after the warning.",
            "Harwell Foods, Britain's",
            "Harwell Foods",
            "Britain",
        ),
        pytest.param(
            "Traders sold Nordvik, Scandinavia's biggest ferry line, after the warning.",
            "Nordvik, Scandinavia's",
            "Nordvik",
            "Scandinavia",
            marks=pytest.mark.xfail(
                reason="only a place a list knows is cut off; no list holds 'Scandinavia'",
                strict=True,
            ),
        ),
        (
            "Profits at Omodele, Africa's largest cement maker, doubled in the quarter.",
            "Omodele, Africa's",
            "Omodele",
            "Africa",
        ),
    ),
]


@pytest.mark.parametrize(("text", "glued", "name", "place"), GLUED_OVER_A_COMMA)
def test_a_place_the_model_glued_on_after_a_comma_is_its_own_entity(
    parse, text, glued, name, place
):
    """The small model sometimes runs a company's name over the comma into the place of
    the apposition after it ("Suedzucker, Europe's"); the span is set by hand here, as
    the model draws it only now and then."""
    doc = parse(text)
    at = text.index(glued)
    span = doc.char_span(at, at + len(glued), label="ORG")
    assert span is not None
    doc.set_ents([span], default="outside")
    entities = extract_entities(doc)
    assert _find(entities, name) is not None, [(e.name, e.aliases) for e in entities]
    found = _find(entities, place)
    assert found is not None and found.type in {"GPE", "LOC"}, [(e.name, e.type) for e in entities]
    assert not {glued.casefold(), f"{name}, {place}".casefold()} & _all_forms(entities)


VEHICLES = [
    *rule(
        "vehicle-by-colour",
        (
            "Detectives want to trace a grey Volkswagen Golf seen near the shop. The Golf "
            "was later found burnt out.",
            {"volkswagen golf", "golf", "volkswagen"},
        ),
        ("Witnesses saw a silver Toyota Corolla speed away from the scene.", {"toyota"}),
        (
            "The crash involved a white Hyundai i20 and a black Nissan Qashqai; the driver of "
            "the Hyundai died and the occupants of the Qashqai were hurt.",
            {"hyundai", "nissan qashqai", "qashqai"},
        ),
        pytest.param(
            "A red Ford pickup struck the barrier on Friday.",
            {"ford"},
            marks=pytest.mark.xfail(
                reason="a make before a lower-case vehicle noun ('pickup') is left to the "
                "model; no list of vehicle nouns is kept",
                strict=True,
            ),
        ),
    ),
]


@pytest.mark.parametrize(("text", "vehicles"), VEHICLES)
def test_a_vehicle_described_by_its_colour_is_no_company(parse, text, vehicles):
    """ "a white Hyundai i20": the make and model name a car (a PRODUCT, not scored),
    and so does the model's name alone later ("the Qashqai": short-product-name)."""
    scored = [e for e in extract_entities(parse(text)) if e.type in SCORED_TYPES]
    assert not vehicles & _all_forms(scored), [(e.name, e.type) for e in scored]


# --------------------------------------------------------------- salience


def test_salience_ranks_the_main_actor_first(parse):
    text = (
        "Governor Ann Wu ordered an evacuation of Riverton on Monday. Wu said the river "
        "would crest overnight. Officials in Canada offered help. Wu later toured the "
        "shelters."
    )
    entities = extract_entities(parse(text))
    assert entities[0].name == "Ann Wu"
    saliences = [e.salience for e in entities]
    assert saliences == sorted(saliences, reverse=True)
    assert all(0.0 <= s <= 1.0 and round(s, 3) == s for s in saliences)


# --------------------------------------------------------------- entity_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        *rule("country abbreviations", ("U.S.", "the United States"), ("US", "United States")),
        *rule("possessive and case", ("Putin’s", "putin")),
        *rule("a leading the", ("The Wall Street Journal", "Wall Street Journal")),
        *rule("known aliases", ("ISIS", "Islamic State"), ("Kiev", "Kyiv")),
        *rule("hyphens and case", ("Agence France-Presse", "agence france presse")),
        *rule(
            "state abbreviations",
            ("Calif.", "California"),
            ("Ore.", "Oregon"),
            ("W.Va.", "West Virginia"),
        ),
    ],
)
def test_entity_key_merges_written_forms(a, b):
    assert entity_key(a) == entity_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        *rule("a capital is not its country", ("Moscow", "Russia")),
        *rule("a surname is not the full name", ("Vladimir Putin", "Putin")),
        *rule("similar names", ("Georgia", "George")),
        *rule("ambiguous state abbreviations", ("Miss.", "Mississippi"), ("La.", "Louisiana")),
    ],
)
def test_entity_key_keeps_different_names_apart(a, b):
    assert entity_key(a) != entity_key(b)


# --------------------------------------------------------------- properties

PROPERTY_TEXTS = [
    pytest.param("", id="empty"),
    pytest.param("   \n\n  ", id="blank"),
    pytest.param("“" * 300, id="only-quote-marks"),
    pytest.param('"' * 300 + " Putin said " + "”" * 299, id="unbalanced-quotes"),
    pytest.param("x" * 200_000, id="very-long-token"),
    pytest.param("Putin " * 3000, id="one-name-repeated"),
    pytest.param("By\n\nWrite to\n\n(Reuters)\n\n/AP", id="credit-fragments-only"),
    pytest.param(
        "President Ann Lee of the Republic of Nowhere met Lee, Lee and Lee in "
        "Washington. The US and the U.S. and America agreed.",
        id="ambiguous-names",
    ),
]


@pytest.mark.parametrize("text", PROPERTY_TEXTS)
def test_properties_hold_on_odd_input(parse, text):
    doc = parse(text)
    entities = extract_entities(doc)
    assert isinstance(entities, list)
    for entity in entities:
        assert isinstance(entity, Entity)
        assert entity.mentions == len(entity.spans) >= 1
        assert entity.name and entity.name not in entity.aliases
        assert entity.type not in VALUE_TYPES
        for span in entity.spans:
            assert isinstance(span, EntitySpan)
            assert doc.text[span.start : span.end] == span.text
        dataclasses.asdict(entity)  # plain data only


def test_offsets_slice_the_text_on_a_news_paragraph(parse):
    text = (
        "KYIV, Ukraine (AP) — A Russian missile struck the Ukrainian city of Dnipro on "
        "Sunday, killing a girl, Governor Serhiy Lysak said on Telegram. Lysak said 22 "
        "people were wounded. “Russia proves it is a terrorist state,” President Volodymyr "
        "Zelenskyy wrote."
    )
    doc = parse(text)
    entities = extract_entities(doc)
    spans = [s for e in entities for s in e.spans]
    assert spans
    assert all(doc.text[s.start : s.end] == s.text for s in spans)
    assert _find(entities, "Serhiy Lysak").mentions == 2
    assert _find(entities, "AP") is None


def test_results_are_frozen(parse):
    entity = extract_entities(parse("Angela Merkel visited Paris."))[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        entity.name = "x"
    assert not any(
        e.type not in SCORED_TYPES | {"NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
        for e in extract_entities(parse("Angela Merkel visited Paris."))
    )


# --------------------------------------------------------------- the rules behind an entity

# Each row: the text, a name of the entity (or one of its aliases) and a rule it must name.
EXPLAINED = [
    *rule("model-ner", ("Mayor Dana Holt opened the new bridge on Friday.", "Dana Holt")),
    *rule(
        "break-in-span",
        ("Ankara - Twin explosions hit the station.", "Ankara"),
        ("Kerman - Twin explosions killed dozens of people.", "Kerman"),
    ),
    *rule(
        "unclosed-bracket",
        (
            "Envoys of the Shanghai Cooperation Organisation (SCO) met in Astana on Friday.",
            "Shanghai Cooperation Organisation",
        ),
    ),
    *rule(
        "org-then-person",
        (
            "A statement from the Delta State Police Command Bright Edafe said three men were "
            "held.",
            "Bright Edafe",
        ),
        (
            "A statement from the Delta State Police Command Bright Edafe said three men were "
            "held.",
            "Delta State Police Command",
        ),
    ),
    *rule("owner-before-person", ("Bernstein’s Karen Ode said the price was fair.", "Karen Ode")),
    *rule(
        "score-after-name",
        ("Grigor Dimitrov 7-6 6-4 beat the defending champion on Sunday.", "Grigor Dimitrov"),
    ),
    *rule("agency-descriptor", ("Egypt's MENA news agency said the train had derailed.", "MENA")),
    *rule(
        "nationality-before-name",
        ("The title went to Belgian Nafissatou Thiam on Sunday.", "Nafissatou Thiam"),
    ),
    *rule(
        "institution-before-title",
        ("Pentagon Press Secretary Pat Ryder said the drills would go ahead.", "Pentagon"),
    ),
    *rule(
        "title-before-name",
        ("Claimant Mrs Joan Pike said she was never told.", "Joan Pike"),
        ("Striker Ansu Fati scored twice.", "Ansu Fati"),
    ),
    *rule(
        "title-abbreviation",
        ("PS Julius Bitok toured the camp.", "Julius Bitok"),
        ("Interior CS Joseph Mwangi toured the scene on Friday.", "Joseph Mwangi"),
    ),
    *rule(
        "sentence-initial-role",
        ("Claimant Mrs Joan Pike said she was never told.", "Joan Pike"),
        ("Coach Ines Varga named her squad. Varga said the team was ready.", "Ines Varga"),
    ),
    *rule(
        "place-police",
        ("Baltimore police said the suspect fled on foot.", "Baltimore police"),
        ("Officers from Tulsa police arrived within minutes.", "Tulsa police"),
    ),
    *rule("place-inside-name", ("Baltimore police said the suspect fled on foot.", "Baltimore")),
    *rule(
        "embassy-in-place",
        ("The U.S. Embassy in Nairobi issued a warning on Friday.", "U.S. Embassy in Nairobi"),
        (
            "The British Embassy in Ankara said it was helping families.",
            "British Embassy in Ankara",
        ),
    ),
    *rule(
        "org-joined-by-and",
        (
            "The Ministry of Defence and Veterans Affairs said the base was shut.",
            "Ministry of Defence and Veterans Affairs",
        ),
    ),
    *rule(
        "first-name-left-out",
        ("Spain's Pablo Carreno Busta won in three sets.", "Pablo Carreno Busta"),
    ),
    *rule(
        "unit-noun",
        ("Clashes spread to Kunar province overnight, officials said.", "Kunar province"),
        ("Troops moved into the Kursk region on Monday.", "Kursk region"),
    ),
    *rule(
        "facility-noun",
        ("The train derailed near Balasore railway station.", "Balasore railway station"),
        ("Three trucks collided at Kericho junction.", "Kericho junction"),
    ),
    *rule(
        "landform-noun",
        ("Climbers were trapped on the Rwenzori mountains for days.", "Rwenzori mountains"),
        ("Two boys drowned in the Athi river on Saturday.", "Athi river"),
    ),
    *rule(
        "place-public-body",
        (
            "The Osaka prefectural government said 5 people were hurt.",
            "Osaka prefectural government",
        ),
        (
            "The Punjab provincial government ordered schools closed.",
            "Punjab provincial government",
        ),
    ),
    *rule(
        "missed-described-name",
        (
            "Trekkers were stranded in the Aberdare mountains after the snowfall.",
            "Aberdare mountains",
        ),
        ("Two boys drowned in the Athi river on Saturday.", "Athi river"),
    ),
    *rule(
        "missed-context-name",
        ("The title went to Belgian Nafissatou Thiam on Sunday.", "Nafissatou Thiam"),
    ),
    *rule(
        "short-form",
        (
            "Chancellor Rachel Reeves spoke on Tuesday. Reeves met business leaders.",
            "Rachel Reeves",
        ),
        (
            "The Los Angeles Fire Department said the blaze was out. LAFD spokesperson Erik "
            "Scott said so.",
            "Los Angeles Fire Department",
        ),
    ),
    *rule("social-platform", ("The minister posted on X that the talks had failed.", "X")),
    *rule(
        "dateline-place",
        ("KISUMU: Floods displaced hundreds of families on Monday.", "Kisumu"),
        ("NEW DELHI: A total of 12 people were killed.", "New Delhi"),
    ),
    *rule("list-type", ("Kenya and Uganda signed the deal in Nairobi.", "Uganda")),
    *rule(
        "name-shape",
        ("Fans packed Wembley Stadium for the final.", "Wembley Stadium"),
        ("Storm Babet flooded the town.", "Storm Babet"),
    ),
    *rule("org-head", ("A spokesman for Devon Police said two men were arrested.", "Devon Police")),
    *rule("weapon-name", ("The city was hit by Kalibr missiles overnight.", "Kalibr")),
    *rule("model-label", ("Mayor Dana Holt opened the new bridge on Friday.", "Dana Holt")),
    *rule("place-after-preposition", ("Rescuers worked through the night in Antakya.", "Antakya")),
    *rule(
        "person-shaped",
        ("Bernstein’s Karen Ode said the price was fair.", "Karen Ode"),
        ("Grigor Dimitrov 7-6 6-4 beat the defending champion on Sunday.", "Grigor Dimitrov"),
    ),
    *rule(
        "media-noun-before",
        ("The broadcaster Rai said the bridge had collapsed.", "Rai"),
        ("The newspaper Kathimerini reported the arrests.", "Kathimerini"),
    ),
    *rule(
        "place-noun-context",
        ("Rescuers searched the town of Ullapool for survivors.", "Ullapool"),
        ("Mbarara, the largest city in the west, was flooded.", "Mbarara"),
    ),
    *rule(
        "role-before-name",
        ("Police spokesman Dennis Okello said two people were hurt.", "Dennis Okello"),
    ),
    *rule(
        "role-apposition",
        ("Kofi Mensah, a witness, said the bus was speeding.", "Kofi Mensah"),
        ("One survivor, Lucia Ramos, said the water rose fast.", "Lucia Ramos"),
    ),
    *rule(
        "same-key",
        (
            "Mayor Dana Holt opened the bridge. Holt's office said it cost $5m. Dana Holt "
            "thanked workers.",
            "Dana Holt",
        ),
    ),
    *rule(
        "canonical-alias",
        (
            "The United States warned Moscow. U.S. officials said the US embassy passed on the "
            "warning.",
            "United States",
        ),
    ),
    *rule(
        "short-person-name",
        ("Coach Ines Varga named her squad. Varga said the team was ready.", "Ines Varga"),
    ),
    *rule(
        "acronym",
        (
            "The National Transportation Safety Board opened an inquiry. The NTSB said it would "
            "take a year.",
            "National Transportation Safety Board",
        ),
    ),
    *rule(
        "short-company-name",
        (
            "Brandvik Shipping Ltd. agreed to buy a rival on Monday. Brandvik said the deal "
            "would close in May.",
            "Brandvik Shipping Ltd.",
        ),
    ),
    *rule(
        "country-prefixed",
        (
            "The Russian Defense Ministry said drones were downed. The Defense Ministry gave "
            "no figures.",
            "Russian Defense Ministry",
        ),
        ("The U.S. Senate passed the bill. The Senate will vote again next week.", "U.S. Senate"),
    ),
    *rule(
        "place-with-its-unit-noun",
        (
            "Floods hit Makueni county on Monday. Makueni has had no rain for a year before this.",
            "Makueni county",
        ),
        ("Heavy rain lashed Kandahar province on Sunday.", "Kandahar province"),
    ),
    *rule(
        "vehicle-by-colour",
        ("Witnesses saw a silver Toyota Corolla speed away from the scene.", "Toyota"),
    ),
    *rule(
        "short-product-name",
        (
            "Detectives want to trace a grey Volkswagen Golf seen near the shop. The Golf "
            "was later found burnt out.",
            "Volkswagen Golf",
        ),
    ),
    *rule(
        "nested-person-names",
        (
            "Mary Anne Okafor won the seat. Anne Okafor thanked voters, and Okafor's rivals "
            "conceded.",
            "Mary Anne Okafor",
        ),
    ),
]


@pytest.mark.parametrize(("text", "name"), EXPLAINED)
def test_an_entity_names_the_rules_behind_it(parse, request, text, name):
    expected = request.node.callspec.id.split(":", 1)[0]
    entity = _find(extract_entities(parse(text)), name)
    assert entity is not None, name
    assert expected in entity.rules, entity.rules


def test_rules_run_from_how_it_was_found_to_what_changed_it(parse):
    entities = extract_entities(parse("Baltimore police said the suspect fled on foot."))
    police = _find(entities, "Baltimore police")
    assert police is not None
    assert police.rules == ("model-ner", "place-police", "org-head")


@pytest.mark.parametrize("text", [articles.FLOOD, articles.FACTORY_FIRE, articles.BUDGET])
def test_every_entity_names_at_least_one_rule_and_each_once(parse, text):
    entities = extract_entities(parse(text))
    assert entities
    for entity in entities:
        assert entity.rules, entity.name
        assert len(set(entity.rules)) == len(entity.rules), entity.rules
