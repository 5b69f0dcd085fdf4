"""Storage-level exceptions, turned into HTTP problems by service.web.problems."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import redis

P = ParamSpec("P")
R = TypeVar("R")


class StorageError(Exception):
    """Base class of storage errors."""


class StorageUnavailable(StorageError):
    """Redis cannot be reached or did not answer in time."""


def translate_redis_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn connection-level Redis failures into StorageUnavailable."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as exc:
            raise StorageUnavailable(str(exc) or type(exc).__name__) from exc
        except redis.exceptions.BusyLoadingError as exc:
            raise StorageUnavailable("Redis is loading its data") from exc

    return wrapper
