"""The incident's day, from the publication date, a dateline or the lead (our own leads)."""

from datetime import date

import pytest

from service.nlp.incident_dates import incident_date

THURSDAY = date(2025, 3, 6)


@pytest.mark.parametrize(
    ("text", "published", "day", "rule"),
    [
        # A day the lead names is read against the publication date.
        (
            "A fire killed 12 traders on Tuesday at a market in Kumasi.",
            THURSDAY,
            "2025-03-04",
            "on-a-weekday",
        ),
        (
            "Two buses collided late on Saturday near Nakuru, killing 11.",
            THURSDAY,
            "2025-03-01",
            "on-a-weekday",
        ),
        (
            "Gunmen shot dead four people at a bar on Thursday.",
            THURSDAY,
            "2025-03-06",
            "on-a-weekday",
        ),
        (
            "Floodwaters swept through the valley on March 2, drowning nine.",
            THURSDAY,
            "2025-03-02",
            "on-a-date",
        ),
        (
            "The ferry capsized on 3 March with 40 people aboard.",
            THURSDAY,
            "2025-03-03",
            "on-a-date",
        ),
        (
            "Five miners died in a blast last night, officials said.",
            THURSDAY,
            "2025-03-05",
            "yesterday",
        ),
        (
            "Rescuers worked through Wednesday night after the collapse.",
            THURSDAY,
            "2025-03-05",
            "weekday-time",
        ),
        # An update's day is later than the incident's: the earliest day the lead gives.
        (
            "The toll from Friday's earthquake rose to 11 on Monday, officials said.",
            date(2025, 5, 12),
            "2025-05-09",
            "weekday-possessive",
        ),
        (
            "Police revised the toll in Sunday's bus crash down to nine on Monday.",
            date(2024, 12, 23),
            "2024-12-22",
            "weekday-possessive",
        ),
        (
            "The search ended on Wednesday. The block came down in the early hours of Tuesday.",
            date(2024, 8, 28),
            "2024-08-27",
            "on-a-weekday",
        ),
        # Nothing in the lead: the publication date; an old date is not the incident's.
        (
            "A landslide buried six homes in the hills, police said.",
            THURSDAY,
            "2025-03-06",
            "published",
        ),
        (
            "The crash recalled the one on March 2, 2019, that killed 14.",
            THURSDAY,
            "2025-03-06",
            "published",
        ),
        # Undated articles: a dateline, with or without its year.
        (
            "KUMASI, Ghana, March 4, 2025 (Reuters) - A fire killed 12 traders.",
            None,
            "2025-03-04",
            "dateline",
        ),
        (
            "LAGOS, Jan 20 (Reuters) - A fire that broke out on Saturday killed seven.\n\n"
            "Traders had been barred from the market since January 18, 2025.",
            None,
            "2025-01-18",
            "on-a-weekday",
        ),
        (
            "NAIROBI, 4 March 2025 (AFP) - Eleven people died on Monday in a crash.",
            None,
            "2025-03-03",
            "on-a-weekday",
        ),
        # Undated, no dateline: a full date the text gives, as it stands.
        (
            "The toll from the 22 March 2024 attack rose to 143 on Sunday.",
            None,
            "2024-03-22",
            "day-month-year",
        ),
        (
            "Survivors of the July 14, 2024 capsizing were flown home.",
            None,
            "2024-07-14",
            "month-day-year",
        ),
    ],
)
def test_incident_date(text, published, day, rule):
    found = incident_date(text, published)
    assert found is not None
    assert (found.day.isoformat(), found.rule) == (day, rule)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen opened fire on Friday evening at a concert hall, killing 60.",
        "KUMASI, Ghana, March 4 (Reuters) - A fire killed 12 traders.",
        "A bus plunged into a ravine, killing 25 passengers.",
    ],
)
def test_an_undated_article_without_a_full_date_has_no_incident_date(text):
    assert incident_date(text, None) is None
