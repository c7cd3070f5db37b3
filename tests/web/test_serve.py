"""``communique serve`` from the command line: a real server, its refusals, and the token never shown."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx

from tests.web.conftest import _env


def test_serve_answers_on_localhost(server: str) -> None:
    assert httpx.get(server + "/healthz").json()["status"] == "ok"
    assert httpx.get(server + "/api/articles?limit=1").json()["total"] >= 19
    r = httpx.post(server + "/api/articles", json={"id": "x", "text": "Some words here."})
    assert r.status_code == 401  # started without a token: read-only


def test_serve_refuses_a_missing_store(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "communique", "serve", "--db", str(tmp_path / "none.db")],
                         env=_env(), capture_output=True, text=True, timeout=120)
    assert run.returncode == 3 and "does not exist" in run.stderr


def test_settings_never_print_the_api_token() -> None:
    env = {**_env(), "COMMUNIQUE_API_TOKEN": "very-secret-value", "COLUMNS": "300"}
    run = subprocess.run([sys.executable, "-m", "communique", "settings"], env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0 and "api_token" in run.stdout
    assert "very-secret-value" not in run.stdout and "(set)" in run.stdout
