"""Fixtures of the web tests: the demo corpus ingested once per session into a store in a temporary
folder (by the real ``communique ingest``), an in-process client over it, and a real ``communique serve``
subprocess on a free localhost port for the browser tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from communique.api import create_app
from communique.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo" / "corpus"


def _env() -> dict[str, str]:
    """This interpreter's environment, with the checkout's sources first (as the test run has them)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "src"), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.pop("COMMUNIQUE_API_TOKEN", None)
    return env


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus ingested by the CLI into a fresh store (read-only for the tests that share it)."""
    db = tmp_path_factory.mktemp("web") / "demo.db"
    run = subprocess.run([sys.executable, "-m", "communique", "ingest", str(DEMO), "--db", str(db)],
                         env=_env(), capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    return db


@pytest.fixture(scope="session")
def client(demo_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(demo_db, Settings(db=str(demo_db)))) as c:
        yield c


@pytest.fixture
def writable_db(demo_db: Path, tmp_path: Path) -> Path:
    """A copy of the demo store that a test may write to."""
    db = tmp_path / "copy.db"
    shutil.copyfile(demo_db, db)
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(demo_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``communique serve`` over the demo store on a free localhost port; its base URL."""
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "communique", "serve", "--db", str(demo_db), "--port", str(port)],
                                env=_env(), stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"communique serve did not start: {log.read_text()}")
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
