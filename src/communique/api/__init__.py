"""The HTTP API of Communique (FastAPI): ``create_app(db_path, settings)`` serves a store's JSON and pages."""

from communique.api.app import create_app

__all__ = ["create_app"]
