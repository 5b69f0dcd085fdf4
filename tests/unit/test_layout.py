"""The layout rules a newcomer relies on, checked on the source tree.

Each rule keeps a folder's promise: a file name says one thing, a module does
one job, `nlp/` and `storage/` stay free of Flask, views stay free of Redis,
and every Redis key comes from `storage/keys.py`.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

import pytest

SERVICE = Path(__file__).resolve().parents[2] / "service"
MODULES = sorted(SERVICE.rglob("*.py"))
# Word lists are data, not logic: they may run long.
WORD_LISTS = SERVICE / "nlp" / "lexicon"
MAX_MODULE_LINES = 800


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _relative(path: Path) -> str:
    return str(path.relative_to(SERVICE.parent))


def test_no_two_modules_share_a_file_name():
    names = Counter(p.name for p in MODULES if p.name != "__init__.py")
    shared = {
        name: [_relative(p) for p in MODULES if p.name == name]
        for name, n in names.items()
        if n > 1
    }
    assert not shared


@pytest.mark.parametrize("path", MODULES, ids=_relative)
def test_modules_stay_short_except_word_lists(path):
    if WORD_LISTS in path.parents:
        return
    assert len(path.read_text().splitlines()) <= MAX_MODULE_LINES


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [
        ("nlp", r"^(flask|werkzeug|marshmallow|redis|rq)\b"),
        ("storage", r"^(flask|werkzeug|marshmallow)\b"),
        ("api", r"^(redis|rq)\b"),
    ],
    ids=["nlp imports no web or storage", "storage imports no web", "views import no Redis"],
)
def test_folders_import_only_their_layer(folder, forbidden):
    offenders = {
        _relative(path): sorted(n for n in _imports(path) if re.match(forbidden, n))
        for path in (SERVICE / folder).rglob("*.py")
    }
    assert not {k: v for k, v in offenders.items() if v}


def test_every_redis_key_is_built_in_keys_module():
    # A key is "{prefix}..." somewhere; only storage/keys.py may write one.
    builds_key = re.compile(r"""f["'][^"'\n]*\{[\w.]*\.prefix\}""")
    offenders = [
        _relative(path)
        for path in MODULES
        if path != SERVICE / "storage" / "keys.py" and builds_key.search(path.read_text())
    ]
    assert not offenders


def test_environment_is_read_only_in_config():
    offenders = [
        _relative(path)
        for path in MODULES
        if path != SERVICE / "config.py" and re.search(r"os\.environ|os\.getenv", path.read_text())
    ]
    assert not offenders
