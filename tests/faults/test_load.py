"""A bounded load: 64 concurrent clients of mixed reads and writes, no error, no lost write."""

from __future__ import annotations

import pytest

from bench.loadtest import main as run_load

pytestmark = pytest.mark.slow


def test_64_clients_of_mixed_reads_and_writes(capsys):
    assert run_load(["--clients", "64", "--seconds", "10"]) == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert "errors=0 lost_writes=0 unexpected_articles=0" in out
