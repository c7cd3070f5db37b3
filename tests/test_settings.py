"""Settings: one declarative model, every setting documented, precedence defaults < file < env < CLI."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path

import pytest

from communique.settings import HELP, Settings, load_settings


def test_settings_every_setting_has_help() -> None:
    assert {f.name for f in fields(Settings)} == set(HELP)
    assert all(HELP[name].strip() for name in HELP)


def test_settings_precedence_file_then_env_then_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = tmp_path / "communique.toml"
    cfg.write_text('[communique]\ndb = "from-file.db"\nmin_chars = 50\nfetch_timeout = 3\n')
    assert load_settings(cfg).db == "from-file.db"
    monkeypatch.setenv("COMMUNIQUE_DB", "from-env.db")
    s = load_settings(cfg)
    assert (s.db, s.min_chars, s.fetch_timeout) == ("from-env.db", 50, 3.0)
    assert load_settings(cfg, db="from-cli.db").db == "from-cli.db"
