"""``communique serve``: the API and the UI of one store in one uvicorn process."""

from __future__ import annotations

from collections.abc import Callable

from communique.settings import Settings


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000,
          announce: Callable[[str], None] | None = None) -> None:
    """Serve the store ``settings.db`` on ``host:port`` until interrupted (Ctrl-C). The store must exist:
    a missing or foreign file is a StoreError before the server starts. ``announce`` receives the
    address once the app is built."""
    import uvicorn

    from communique.api.app import create_app

    app = create_app(settings.db, settings)
    shown = f"[{host}]" if ":" in host else host
    if announce is not None:
        announce(f"http://{shown}:{port}/")
    # keep-alive longer than uvicorn's 5 s: a busy client reusing a connection the server just closed gets a reset
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, timeout_graceful_shutdown=5,
                timeout_keep_alive=30)
