"""GET /dashboard: an HTML page whose assets are all served by the service itself."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class AssetRefs(HTMLParser):
    """Every src and href the page names."""

    def __init__(self):
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.refs += [value for name, value in attrs if name in ("src", "href") and value]


def test_dashboard_is_html_that_references_only_local_assets(client):
    page = client.get("/dashboard")
    assert page.status_code == 200 and page.mimetype == "text/html"
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    html = page.get_data(as_text=True)
    parser = AssetRefs()
    parser.feed(html)
    assert "static/dashboard/dashboard.js" in parser.refs
    assert "static/vendor/chartjs/chart.umd.min.js" in parser.refs
    for ref in parser.refs:
        # Relative paths (to /dashboard) or data: URLs; never another host.
        assert not re.match(r"^([a-z]+:)?//", ref, re.I), ref
        assert ref.startswith(("static/", "docs", "data:")), ref
    assert "<script>" not in html, "scripts live in files, not inline"


def test_dashboard_assets_and_the_chart_licence_are_served(client):
    for path, mimetype in [
        ("/static/dashboard/dashboard.js", "text/javascript"),
        ("/static/dashboard/dashboard.css", "text/css"),
        ("/static/vendor/chartjs/chart.umd.min.js", "text/javascript"),
        ("/static/vendor/chartjs/LICENSE.md", None),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert mimetype is None or response.mimetype == mimetype, (path, response.mimetype)
        body = response.get_data(as_text=True)
        response.close()
        assert body.strip(), path
        if path.endswith("LICENSE.md"):
            assert "MIT License" in body


def test_dashboard_script_reads_only_the_json_api(client):
    response = client.get("/static/dashboard/dashboard.js")
    script = response.get_data(as_text=True)
    response.close()
    assert "http://" not in script and "https://" not in script
    called = set(re.findall(r'api\(\s*[`"](v1/[a-z]+)', script))
    assert called == {"v1/events", "v1/entities", "v1/quotes", "v1/articles", "v1/casualties"}
