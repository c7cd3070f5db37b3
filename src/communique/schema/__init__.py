"""The JSON Schema of the output contract, and a validator that also checks every span's text."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.cache
def analysis_schema() -> dict[str, Any]:
    """The ``communique.analysis/1`` JSON Schema as a dict."""
    text = resources.files("communique.schema").joinpath("analysis.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validate(obj: dict[str, Any]) -> list[str]:
    """Problems with one analysis object: schema violations, then spans whose text is not ``text[start:end]``."""
    import jsonschema

    validator = jsonschema.Draft202012Validator(analysis_schema())
    problems = [f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in validator.iter_errors(obj)]
    if problems:
        return problems
    text = obj["article"]["text"]

    def check(where: str, span: dict[str, Any] | None) -> None:
        if span is None:
            return
        s, e = span["start"], span["end"]
        if not (0 <= s <= e <= len(text)) or text[s:e] != span["text"]:
            problems.append(f"{where}: span [{s}, {e}) text {span['text']!r} != {text[s:e]!r}")

    ids = {a["id"] for a in obj["actors"]}
    qids = {q["id"] for q in obj["quotes"]}
    for a in obj["actors"]:
        for m in a["mentions"]:
            check(f"actors/{a['id']}/mentions", m)
    for q in obj["quotes"]:
        check(f"quotes/{q['id']}", q)
        check(f"quotes/{q['id']}/speaker_mention", q["speaker_mention"])
        check(f"quotes/{q['id']}/cue", q["cue"])
        if q["speaker"] is not None and q["speaker"] not in ids:
            problems.append(f"quotes/{q['id']}: speaker {q['speaker']} is no actor")
    for ev in obj["events"]:
        check(f"events/{ev['id']}/evidence", ev["evidence"])
        for ref in [*ev["actors"], *ev["recipients"], *([ev["source"]] if ev["source"] else [])]:
            if ref not in ids:
                problems.append(f"events/{ev['id']}: actor {ref} is no actor")
        if ev["quote"] is not None and ev["quote"] not in qids:
            problems.append(f"events/{ev['id']}: quote {ev['quote']} is no quote")
    for i, t in enumerate(obj["times"]):
        check(f"times/{i}", t)
    for where, rec in [*(("quotes", q) for q in obj["quotes"]), *(("events", e) for e in obj["events"])]:
        problems.extend(f"{where}/{rec['id']}: {p}" for p in _date_problems(rec))
    return problems


def _date_problems(rec: dict[str, Any]) -> list[str]:
    """A date, its basis and its precision must agree: no date exactly when the basis is none, and the
    precision the one the date's value shows."""
    from communique.records import date_precision

    out = []
    if (rec["date"] is None) != (rec["date_basis"] == "none"):
        out.append(f"date {rec['date']!r} with date_basis {rec['date_basis']!r}")
    if rec["date_precision"] != date_precision(rec["date"]):
        out.append(f"date {rec['date']!r} with date_precision {rec['date_precision']!r}")
    return out
