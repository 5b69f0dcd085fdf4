"""The OpenAPI document: openapi.yaml is what the code serves, and the code keeps to it."""

from __future__ import annotations

import json
from pathlib import Path

import hypothesis
import pytest
import schemathesis
import yaml

ROOT = Path(__file__).resolve().parents[2]


API_KEY = "contract-test-key"


@pytest.fixture
def app(make_contract_app):
    # With a key configured, the documented bearer security is really enforced; rate
    # limits (tested in tests/api/test_operations.py) would only cut the run short.
    return make_contract_app(api_keys=(API_KEY,), rate_limit="")


def test_served_document_equals_openapi_yaml(app):
    served = app.test_client().get("/openapi.json").get_json()
    committed = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    assert served == committed, "openapi.yaml is stale: run `make openapi`"


def test_limited_operations_document_429_and_503_with_retry_after(app):
    document = app.test_client().get("/openapi.json").get_json()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method == "parameters":
                continue
            documented = {str(status) for status in operation["responses"]}
            if path.startswith("/v1/"):
                assert {"429", "503"} <= documented, (method, path)
            else:
                assert "429" not in documented, (method, path)
    for name in ("TOO_MANY_REQUESTS", "SERVICE_UNAVAILABLE"):
        assert "Retry-After" in document["components"]["responses"][name]["headers"]


def test_docs_ui_is_served_without_external_assets(app):
    client = app.test_client()
    page = client.get("/docs")
    assert page.status_code == 200 and page.mimetype == "text/html"
    html = page.get_data(as_text=True)
    assert "/openapi.json" in html and "https://" not in html
    assert client.get("/docs/static/swagger-ui-bundle.js").status_code == 200


@pytest.fixture
def api_schema(app):
    config = schemathesis.config.SchemathesisConfig.from_path(
        Path(__file__).with_name("schemathesis.toml")
    )
    return schemathesis.openapi.from_wsgi("/openapi.json", app, config=config)


@schemathesis.serializer("application/x-ndjson")
def ndjson_body(ctx, value) -> bytes:
    """NDJSON batches: a generated string goes as it is, anything else as one JSON line each."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass")
    items = value if isinstance(value, list) else [value]
    return "".join(json.dumps(item) + "\n" for item in items).encode()


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
def test_every_operation_keeps_its_contract(case):
    """No 5xx, and every response matches its documented schema, for generated requests."""
    case.call_and_validate(headers={"Authorization": f"Bearer {API_KEY}"})


@pytest.mark.slow
@schema.parametrize()
@hypothesis.settings(max_examples=100, deadline=None)
def test_every_operation_keeps_its_contract_thoroughly(case):
    """The same with 100 examples per operation, positive and negative data (CI runs it)."""
    case.call_and_validate(headers={"Authorization": f"Bearer {API_KEY}"})
