"""The dashboard in a real browser: headless Debian Chromium, driven by Playwright, against
the real service (gunicorn with gunicorn.conf.py) on the test Redis.

Chromium comes from Debian (`.ci/browser-deps` installs it) and the `playwright` Python
package only drives it: no browser is ever downloaded. When either is missing the tests
skip, saying why. Screenshots go to tests/artifacts/ (git-ignored).
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import redis

from tests.servers import call, running_gunicorn

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",  # the tests may run as root (CI, containers)
    "--disable-gpu",
    "--disable-background-networking",  # no update checks, no safe-browsing lists
    "--disable-component-update",
    "--no-first-run",
]
LOCAL_HOSTS = {"127.0.0.1"}

# -- invented articles: two reports of one attack, a day apart, the toll rising; a flood --

ATTACK_FIRST = {
    "title": "Bomb kills 12 at Port Tavish market",
    "source": "Harbour Courier",
    "published_at": "2025-05-04",
    "text": (
        "A bomb exploded at the crowded Saltmarket in Port Tavish on Sunday morning, killing "
        "at least 12 people and injuring 40 others, police said.\n\n"
        "Police chief Dorran Vesk said the attack was being treated as an act of terrorism. "
        '"This was a deliberate attack on families doing their shopping," Vesk told reporters '
        "outside the market.\n\n"
        "Stallholder Miriam Okafor said she heard a huge blast near the fish stalls. "
        '"Everyone was running and screaming," Okafor said.\n\n'
        "The Tavish Harbour Authority closed the port for the rest of the day."
    ),
}

ATTACK_SECOND = {
    "title": "Port Tavish market bombing toll rises to 27",
    "source": "Northern Wire",
    "published_at": "2025-05-05",
    "text": (
        "The death toll from Sunday's bombing at the Saltmarket in Port Tavish has risen to "
        "27, and 85 people were injured, officials said on Monday.\n\n"
        'Police chief Dorran Vesk said two suspects had been arrested. "We will find everyone '
        'who helped plan this attack," Vesk said.\n\n'
        'Mayor Ilsa Brandvold declared three days of mourning in Port Tavish. "Our city is '
        'grieving, but it is not afraid," Brandvold said.\n\n'
        "The Tavish Harbour Authority said the port would reopen on Tuesday."
    ),
}

FLOOD = {
    "title": "Flash floods in Marlow Creek",
    "source": "Valley Times",
    "published_at": "2025-05-03",
    "text": (
        "Flash floods killed at least 3 people in Marlow Creek on Saturday after a night of "
        "heavy rain, officials said.\n\n"
        'County engineer Pell Arkwright said the old river wall had given way. "The water '
        'came over the wall in minutes," Arkwright said.'
    ),
}

ARTICLES = [FLOOD, ATTACK_FIRST, ATTACK_SECOND]


# -- the browser and the service --------------------------------------------------------


def chromium_path() -> str:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module", autouse=True)
def browser():
    """Headless Debian Chromium; autouse so that a missing one skips before the server starts."""
    sync_api = pytest.importorskip(
        "playwright.sync_api",
        reason="the playwright package is not installed (pip install -e '.[test]')",
    )
    executable = chromium_path()
    if not os.access(executable, os.X_OK):
        pytest.skip(f"no Chromium at {executable}: run .ci/browser-deps (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_FLAGS
            )
        except sync_api.Error as error:
            pytest.skip(f"Chromium at {executable} does not start under Playwright: {error}")
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def server(redis_url):
    """gunicorn as the container runs it, on db 9 under a private prefix, with our articles."""
    prefix = f"nftest:dashboard:{uuid.uuid4().hex[:8]}:"
    env = {
        **os.environ,
        "BIND_HOST": "127.0.0.1",
        "REDIS_URL": redis_url,
        "REDIS_PREFIX": prefix,
        "WEB_CONCURRENCY": "2",
        "LOAD_SEEDS": "false",
        "RATE_LIMIT": "",
        "LOG_LEVEL": "WARNING",
    }
    try:
        with running_gunicorn(env) as (base, _):
            for article in ARTICLES:
                status, _, body = call("POST", f"{base}/v1/articles", article)
                assert status == 201, body
            yield base
    finally:
        client = redis.Redis.from_url(redis_url)
        keys = list(client.scan_iter(match=f"{prefix}*", count=1000))
        if keys:
            client.delete(*keys)


class Watched:
    """A page whose console errors, page errors and request hosts are recorded."""

    def __init__(self, page):
        self.page = page
        self.console_errors: list[str] = []
        self.hosts: set[str] = set()
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.console_errors.append(f"pageerror: {error}"))
        # Anything not for 127.0.0.1 is recorded and stopped: nothing leaves the machine.
        page.route("**/*", self._guard)

    def _console(self, message):
        if message.type == "error":
            url = (message.location or {}).get("url", "")
            self.console_errors.append(f"{message.text} ({url})")

    def _guard(self, route):
        url = urlsplit(route.request.url)
        if url.scheme in ("data", "blob"):
            return route.continue_()
        self.hosts.add(url.hostname or url.scheme)
        if url.hostname not in LOCAL_HOSTS:
            return route.abort()
        return route.fallback()

    def open(self, url: str):
        self.page.goto(url)
        self.page.wait_for_selector("body[data-loaded=true]", timeout=30_000)
        return self.page

    def assert_clean(self, allowed_errors=()):
        errors = [e for e in self.console_errors if not any(a in e for a in allowed_errors)]
        assert errors == [], errors
        assert self.hosts <= LOCAL_HOSTS, f"requests left the machine: {self.hosts}"


@pytest.fixture
def watched(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield Watched(context.new_page())
    context.close()


def rows(page, table: str) -> list[list[str]]:
    """The text of each body row's cells (th and td) of a table."""
    return page.eval_on_selector_all(
        f"{table} tbody tr",
        "trs => trs.map(tr => [...tr.children].map(cell => cell.innerText.trim()))",
    )


def screenshot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def events_served(base: str) -> bool:
    return call("GET", f"{base}/v1/events")[0] != 404


# -- tests ------------------------------------------------------------------------------


def test_dashboard_shows_entities_speakers_and_articles_with_their_numbers(server, watched):
    page = watched.open(f"{server}/dashboard")

    entities = {row[0]: row for row in rows(page, "#entities")}
    for name in ("Dorran Vesk", "Ilsa Brandvold", "Miriam Okafor", "Port Tavish"):
        assert name in entities, entities
    assert entities["Dorran Vesk"][2:] == ["2", "4"]  # 2 articles, 4 mentions

    speakers = {row[0]: row for row in rows(page, "#speakers")}
    assert speakers["Dorran Vesk"][1] == "2"  # quoted in both reports
    assert "We will find everyone" in speakers["Dorran Vesk"][2]  # his latest quote

    articles = rows(page, "#articles")
    assert [row[0] for row in articles] == ["2025-05-05", "2025-05-04", "2025-05-03"]
    assert articles[0][1:] == [ATTACK_SECOND["title"], "Northern Wire", "27", "85"]
    assert articles[1][3:] == ["at least 12", "40"]
    assert articles[2][3:] == ["at least 3", "—"]

    missing = not events_served(server)
    if missing:
        # Until GET /v1/events exists the page says so and everything else still works.
        note = page.inner_text("#events [data-note]")
        assert "Events are not available: 404" in note
    screenshot(page, "dashboard.png")
    watched.assert_clean(allowed_errors=("/v1/events",) if missing else ())


def test_search_filters_articles_and_is_kept_in_the_address(server, watched):
    page = watched.open(f"{server}/dashboard")
    page.fill("#q", "Marlow")
    page.click("#search button[type=submit]")
    page.wait_for_function("() => document.querySelectorAll('#articles tbody tr').length === 1")
    assert rows(page, "#articles")[0][1] == FLOOD["title"]
    assert "q=Marlow" in page.url

    page.click("#clear")
    page.wait_for_function("() => document.querySelectorAll('#articles tbody tr').length === 3")
    watched.assert_clean(allowed_errors=() if events_served(server) else ("/v1/events",))


def test_dashboard_charts_the_attack_from_the_events_api(server, watched):
    if not events_served(server):
        pytest.skip("GET /v1/events is not served yet")
    page = watched.open(f"{server}/dashboard")
    attack = [row for row in rows(page, "#events") if "27" in row[2:4]]
    assert attack, rows(page, "#events")
    page.click(f"#events tbody tr:nth-child({rows(page, '#events').index(attack[0]) + 1}) button")
    page.wait_for_function("() => document.querySelectorAll('#timeline tbody tr').length === 2")
    check_attack_view(
        page, reports=[("2025-05-04", "Harbour Courier"), ("2025-05-05", "Northern Wire")]
    )
    assert chart_data(page)["killed"] == [12, 27]
    assert chart_data(page)["injured"] == [40, 85]
    screenshot(page, "dashboard.png")
    watched.assert_clean()


# A contract-shaped /v1/events answer, so the chart is checked whatever the grouping does.
EVENT_ID = "e1a2b3c4d5e6f708"
EVENT = {
    "id": EVENT_ID,
    "label": "Saltmarket bombing, Port Tavish, 2025-05-04",
    "place": "Port Tavish",
    "first_reported": "2025-05-04T00:00:00Z",
    "last_reported": "2025-05-06T00:00:00Z",
    "article_count": 3,
    "totals": {
        "killed": {
            "value": 27,
            "qualifier": "exact",
            "article_id": "b2",
            "source": "Northern Wire",
        },
        "injured": {
            "value": 85,
            "qualifier": "exact",
            "article_id": "b2",
            "source": "Northern Wire",
        },
        "missing": None,
    },
}
EVENT_DETAIL = {
    **EVENT,
    "article_ids": ["a1", "m1", "b2"],
    "timeline": [
        {
            "article_id": "a1",
            "published_at": "2025-05-04T00:00:00Z",
            "source": "Harbour Courier",
            "totals": {
                "killed": {"value": 12, "qualifier": "at_least"},
                "injured": {"value": 40, "qualifier": "exact"},
                "missing": None,
            },
        },
        {
            "article_id": "m1",
            "published_at": "2025-05-05T00:00:00Z",
            "source": "Midland Post",
            "totals": {
                "killed": {"value": 20, "qualifier": "more_than"},
                "injured": None,
                "missing": None,
            },
        },
        {
            "article_id": "b2",
            "published_at": "2025-05-06T00:00:00Z",
            "source": "Northern Wire",
            "totals": {
                "killed": {"value": 27, "qualifier": "exact"},
                "injured": {"value": 85, "qualifier": "exact"},
                "missing": None,
            },
        },
    ],
}
OTHER_EVENT = {
    **EVENT,
    "id": "f0f0f0f0f0f0f0f0",
    "label": "Flash floods, Marlow Creek, 2025-05-03",
    "place": "Marlow Creek",
    "article_count": 1,
    "totals": {
        "killed": {
            "value": 3,
            "qualifier": "at_least",
            "article_id": "f1",
            "source": "Valley Times",
        },
        "injured": None,
        "missing": None,
    },
}


def fake_events(route):
    path = urlsplit(route.request.url).path
    if path.endswith("/v1/events"):
        body = {"items": [EVENT, OTHER_EVENT], "next_cursor": None}
    elif path.endswith(f"/v1/events/{EVENT_ID}"):
        body = EVENT_DETAIL
    else:
        return route.fulfill(
            status=404,
            content_type="application/problem+json",
            body='{"status": 404, "title": "Not Found"}',
        )
    route.fulfill(status=200, content_type="application/json", body=json.dumps(body))


def test_chart_and_tables_of_a_contract_shaped_event(server, watched):
    watched.page.route("**/v1/events**", fake_events)
    page = watched.open(f"{server}/dashboard")
    assert rows(page, "#events") == [
        [EVENT["label"], "2025-05-06", "27", "85", "3"],
        [OTHER_EVENT["label"], "2025-05-06", "at least 3", "—", "1"],
    ]
    check_attack_view(
        page,
        reports=[
            ("2025-05-04", "Harbour Courier"),
            ("2025-05-05", "Midland Post"),
            ("2025-05-06", "Northern Wire"),
        ],
    )
    assert rows(page, "#timeline")[1][2:] == ["more than 20", "—", "—"]
    data = chart_data(page)
    # The report without an injured figure is a gap the line spans, not a zero.
    assert data == {"killed": [12, 20, 27], "injured": [40, None, 85]}
    label = page.get_attribute("#chart", "aria-label")
    assert "Killed: at least 12 · Harbour Courier on 2025-05-04" in label
    assert "27 · Northern Wire on 2025-05-06" in label
    screenshot(page, "dashboard-contract-event.png")
    watched.assert_clean()


def check_attack_view(page, reports):
    """The latest figures name who reported them; every report is a row of the timeline."""
    assert page.is_visible("#chart")
    latest = {row[0]: row for row in rows(page, "#latest")}
    assert latest["Killed"][1:3] == ["27", "Northern Wire"]
    assert latest["Injured"][1:3] == ["85", "Northern Wire"]
    assert latest["Missing"][1:] == ["—", "—", "—"]
    assert [tuple(row[:2]) for row in rows(page, "#timeline")] == reports
    assert rows(page, "#timeline")[0][2:4] == ["at least 12", "40"]


def chart_data(page) -> dict:
    """What Chart.js was given to draw, per category."""
    return page.evaluate(
        """() => Object.fromEntries(Chart.getChart('chart').data.datasets
                 .map(d => [d.category, d.data]))"""
    )


ATTACK_UNDATED = {
    "source": "Wire without a date",
    "text": (
        "PORT TAVISH, May 4, 2025 (Reuters) - The death toll from the bombing at the "
        "Saltmarket in Port Tavish rose to 19 on Sunday evening, with 52 people injured, "
        "hospital officials said.\n\n"
        "Police chief Dorran Vesk said investigators were searching the harbour district."
    ),
}


def test_an_undated_report_is_placed_by_the_day_its_text_gives(server, watched):
    status, _, body = call("POST", f"{server}/v1/articles", ATTACK_UNDATED)
    assert status == 201, body
    try:
        page = watched.open(f"{server}/dashboard")
        attack = [row for row in rows(page, "#events") if "27" in row[2:4]]
        assert attack, rows(page, "#events")
        index = rows(page, "#events").index(attack[0]) + 1
        page.click(f"#events tbody tr:nth-child({index}) button")
        page.wait_for_function("() => document.querySelectorAll('#timeline tbody tr').length === 3")
        # Between the first report of Sunday and Monday's, never at "today".
        assert [tuple(row[:2]) for row in rows(page, "#timeline")] == [
            ("2025-05-04", "Harbour Courier"),
            ("2025-05-04 (undated)", "Wire without a date"),
            ("2025-05-05", "Northern Wire"),
        ]
        assert chart_data(page)["killed"] == [12, 19, 27]
        screenshot(page, "dashboard-undated.png")
        watched.assert_clean()
    finally:
        call("DELETE", f"{server}/v1/articles/{body['id']}")
