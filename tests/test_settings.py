"""Settings: one declarative model, every setting documented, precedence defaults < file < env < CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

import communique
from communique.errors import CommuniqueError, SettingsError
from communique.settings import HELP, RANGES, Settings, load_settings


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


# --- validation (issue 14): every bad setting is one SettingsError naming where, the key and why ---


def _error(config: Path | None = None, **cli: object) -> str:
    with pytest.raises(SettingsError) as info:
        load_settings(config, **cli)
    message = str(info.value)
    assert "\n" not in message
    return message


def _toml(tmp_path: Path, text: str) -> Path:
    cfg = tmp_path / "communique.toml"
    cfg.write_text(text, encoding="utf-8")
    return cfg


def test_settings_unknown_key_in_file_names_file_key_and_closest(tmp_path: Path) -> None:
    cfg = _toml(tmp_path, "[communique]\nmax_char = 5000\n")
    message = _error(cfg)
    assert str(cfg) in message and "'max_char'" in message and "'max_chars'" in message


def test_settings_unknown_flat_key_without_section(tmp_path: Path) -> None:
    cfg = _toml(tmp_path, "min_english_ration = 0.3\n")
    message = _error(cfg)
    assert str(cfg) in message and "'min_english_ration'" in message and "'min_english_ratio'" in message


def test_settings_unknown_section_names_the_closest_section(tmp_path: Path) -> None:
    cfg = _toml(tmp_path, "[communique]\ndb = 'x.db'\n[comunique]\nmin_chars = 5\n")
    message = _error(cfg)
    assert str(cfg) in message and "[comunique]" in message and "[communique]" in message


def test_settings_misspelt_section_alone_is_caught(tmp_path: Path) -> None:
    cfg = _toml(tmp_path, "[comunique]\nmin_chars = 5\n")
    assert "[communique]" in _error(cfg)


def test_settings_setting_outside_the_section_is_an_error(tmp_path: Path) -> None:
    cfg = _toml(tmp_path, "max_chars = 5000\n[communique]\ndb = 'x.db'\n")
    message = _error(cfg)
    assert "max_chars" in message and "[communique]" in message


def test_settings_unknown_env_variable_like_a_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNIQUE_MAX_CHAR", "5000")
    message = _error()
    assert "COMMUNIQUE_MAX_CHAR" in message and "COMMUNIQUE_MAX_CHARS" in message


def test_settings_lower_case_env_variable_names_the_right_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNIQUE_min_chars", "5")
    assert "COMMUNIQUE_MIN_CHARS" in _error()


def test_settings_unrelated_communique_env_variables_are_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNIQUE_EVAL_DATA", "/nowhere")
    monkeypatch.setenv("COMMUNIQUE_SOMETHING_ELSE", "1")
    assert load_settings() == Settings()


def test_settings_env_not_an_integer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNIQUE_MAX_CHARS", "abc")
    message = _error()
    assert "COMMUNIQUE_MAX_CHARS" in message and "'abc'" in message and "integer" in message


def test_settings_env_not_a_number(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COMMUNIQUE_FETCH_TIMEOUT", "abc")
    message = _error()
    assert "COMMUNIQUE_FETCH_TIMEOUT" in message and "'abc'" in message and "number" in message


@pytest.mark.parametrize("value", ["nan", "NaN", "inf", "-inf"])
def test_settings_env_nan_and_inf_are_rejected(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("COMMUNIQUE_MIN_ENGLISH_RATIO", value)
    message = _error()
    assert "COMMUNIQUE_MIN_ENGLISH_RATIO" in message and repr(value) in message and "finite" in message


def test_settings_file_nan_is_rejected(tmp_path: Path) -> None:
    cfg = _toml(tmp_path, "[communique]\nmin_english_ratio = nan\n")
    message = _error(cfg)
    assert str(cfg) in message and "min_english_ratio" in message and "finite" in message


def test_settings_file_string_for_an_int(tmp_path: Path) -> None:
    cfg = _toml(tmp_path, '[communique]\nmax_chars = "5000"\n')
    message = _error(cfg)
    assert str(cfg) in message and "max_chars" in message and "'5000'" in message and "integer" in message


def test_settings_file_float_for_an_int_and_bool_for_a_number(tmp_path: Path) -> None:
    assert "integer" in _error(_toml(tmp_path, "[communique]\nmin_chars = 2.5\n"))
    assert "number" in _error(_toml(tmp_path, "[communique]\nfetch_timeout = true\n"))


def test_settings_file_number_for_a_string(tmp_path: Path) -> None:
    message = _error(_toml(tmp_path, "[communique]\ndb = 5\n"))
    assert "db = 5" in message and "string" in message


@pytest.mark.parametrize(("key", "value"), [
    ("max_chars", "999"), ("max_chars", "2000000"), ("min_english_ratio", "-0.1"), ("min_english_ratio", "1.5"),
    ("fetch_timeout", "0"), ("fetch_timeout", "-3"), ("fetch_max_bytes", "0"), ("min_chars", "-1"),
])
def test_settings_out_of_range_values_are_rejected(monkeypatch: pytest.MonkeyPatch, key: str, value: str) -> None:
    monkeypatch.setenv(f"COMMUNIQUE_{key.upper()}", value)
    message = _error()
    assert f"COMMUNIQUE_{key.upper()}" in message and key in message and value in message
    assert RANGES[key].text() in message


def test_settings_range_edges_are_accepted(tmp_path: Path) -> None:
    cfg = _toml(tmp_path, "[communique]\nmax_chars = 1000\nmin_english_ratio = 0\nfetch_timeout = 0.5\n")
    s = load_settings(cfg)
    assert (s.max_chars, s.min_english_ratio, s.fetch_timeout) == (1000, 0.0, 0.5)


def test_settings_every_range_is_stated_in_its_help() -> None:
    numeric = {f.name for f in fields(Settings) if type(f.default) in (int, float)}
    assert set(RANGES) == numeric
    for name, bounds in RANGES.items():
        assert bounds.text() in HELP[name], name
        assert bounds.holds(getattr(Settings(), name)), name


def test_settings_cli_values_are_checked_too() -> None:
    message = _error(max_chars=10)
    assert "--max-chars" in message and "10" in message


def test_settings_missing_config_file_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.toml"
    assert str(missing) in _error(missing)


def test_settings_missing_config_named_by_env_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    missing = tmp_path / "missing.toml"
    monkeypatch.setenv("COMMUNIQUE_CONFIG", str(missing))
    message = _error()
    assert "COMMUNIQUE_CONFIG" in message and str(missing) in message


def test_settings_default_config_may_be_absent(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert load_settings() == Settings()


def test_settings_malformed_toml_is_one_line_with_file_and_toml_message(tmp_path: Path) -> None:
    cfg = _toml(tmp_path, "[communique]\nmax_chars = = 5\n")
    message = _error(cfg)
    assert str(cfg) in message and "TOML" in message and "line 2" in message


def test_settings_config_not_utf8_is_one_error(tmp_path: Path) -> None:
    cfg = tmp_path / "communique.toml"
    cfg.write_bytes(b"[communique]\ndb = '\xff\xfe'\n")
    assert str(cfg) in _error(cfg)


def test_settings_config_that_is_a_folder_is_an_error(tmp_path: Path) -> None:
    assert str(tmp_path) in _error(tmp_path)


def test_settings_error_is_a_communique_error() -> None:
    assert issubclass(SettingsError, CommuniqueError)


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The CLI of this checkout (not an installed copy), run in ``cwd``."""
    env = {**os.environ, "PYTHONPATH": str(Path(communique.__file__).resolve().parents[1])}
    return subprocess.run([sys.executable, "-m", "communique", *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd, env=env)


def test_cli_bad_config_is_one_usage_error_line_and_exit_2(tmp_path: Path) -> None:
    cfg = _toml(tmp_path, "[communique]\nmax_char = 5000\n")
    r = _cli("settings", "--config", str(cfg), cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in r.stderr
    assert lines[0].startswith("error: ") and str(cfg) in lines[0] and "'max_chars'" in lines[0]


def test_cli_bad_env_value_and_missing_config_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    r = _cli("settings", "--config", str(tmp_path / "missing.toml"), cwd=tmp_path)
    assert r.returncode == 2 and "missing.toml" in r.stderr and "Traceback" not in r.stderr
    monkeypatch.setenv("COMMUNIQUE_MAX_CHARS", "abc")
    r = _cli("summary", cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    assert "COMMUNIQUE_MAX_CHARS" in r.stderr and "'abc'" in r.stderr and len(r.stderr.strip().splitlines()) == 1
