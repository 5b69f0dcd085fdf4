"""newsfacts: news articles in, facts out."""

__all__ = ["create_app"]


def __getattr__(name: str):
    # Lazy, so importing service.nlp (workers, tests, scripts) does not pull in Flask.
    if name == "create_app":
        from service.app import create_app

        return create_app
    raise AttributeError(name)
