"""pipeline_version changes whenever code that shapes a cached body changes.

Cached bodies live for CACHE_TTL (30 days) under their pipeline_version: a
change to an extractor, the render code or a response schema that kept the
version would serve bodies made by the old code.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from service.render import SERVICE_ROOT, result_code_digest


@pytest.fixture
def service_copy(tmp_path: Path) -> Path:
    root = tmp_path / "service"
    shutil.copytree(SERVICE_ROOT, root, ignore=shutil.ignore_patterns("__pycache__", "static"))
    return root


def _deepest_nlp_module(root: Path) -> Path:
    """A module in a subpackage of nlp/, where a flat glob would not look."""
    nested = [p for p in (root / "nlp").rglob("*.py") if len(p.relative_to(root).parts) > 2]
    assert nested, "nlp/ has no subpackage any more: pick another nested module"
    return max(nested, key=lambda p: len(p.relative_to(root).parts))


def test_the_digest_depends_on_content_not_on_where_the_tree_lies(service_copy: Path) -> None:
    assert result_code_digest(service_copy) == result_code_digest(SERVICE_ROOT)


@pytest.mark.parametrize(
    "changed",
    [
        pytest.param(lambda root: root / "render.py", id="render-code"),
        pytest.param(lambda root: root / "schemas" / "analysis_schemas.py", id="response-schema"),
        pytest.param(lambda root: root / "nlp" / "analyze.py", id="extractor-top-level"),
        pytest.param(_deepest_nlp_module, id="extractor-in-a-subpackage"),
    ],
)
def test_a_change_to_what_shapes_a_body_changes_the_version(service_copy: Path, changed) -> None:
    before = result_code_digest(service_copy)
    path = changed(service_copy)
    path.write_text(path.read_text() + "\n# changed\n")
    assert result_code_digest(service_copy) != before


def test_a_new_schema_module_changes_the_version(service_copy: Path) -> None:
    before = result_code_digest(service_copy)
    (service_copy / "schemas" / "extra_schemas.py").write_text("X = 1\n")
    assert result_code_digest(service_copy) != before


def test_a_view_change_keeps_cached_bodies(service_copy: Path) -> None:
    before = result_code_digest(service_copy)
    view = service_copy / "api" / "articles.py"
    view.write_text(view.read_text() + "\n# changed\n")
    assert result_code_digest(service_copy) == before
