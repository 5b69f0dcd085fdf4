"""Running newsfacts on a developer's machine: the `make run` launcher and the
embedded Redis it starts when REDIS_URL is unset."""
