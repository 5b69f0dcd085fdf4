"""The only code that talks to Redis. Raises its own exceptions, never Flask's."""

from service.storage.errors import StorageError, StorageUnavailable

__all__ = ["StorageError", "StorageUnavailable"]
