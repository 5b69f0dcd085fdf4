"""Counting work instead of timing it, so complexity tests give the same answer anywhere.

`python_steps` counts the lines of newsfacts' own code (service/) executed by a call:
a deterministic measure of the extractors' work. spaCy's compiled code is not
counted; the tokenizer guard that keeps it linear is tested on its own.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import service

SERVICE_DIR = str(Path(service.__file__).resolve().parent)


def python_steps(func: Callable[[], object]) -> int:
    """Lines of service/ code executed while `func()` runs."""
    steps = 0

    def count_lines(frame, event, arg):
        nonlocal steps
        if event == "line":
            steps += 1
        return count_lines

    def trace_calls(frame, event, arg):
        return count_lines if frame.f_code.co_filename.startswith(SERVICE_DIR) else None

    previous = sys.gettrace()
    sys.settrace(trace_calls)
    try:
        func()
    finally:
        sys.settrace(previous)
    return steps
