"""Hostile input, generated: random bytes, deep nesting, Unicode of every kind (lone surrogates, bidi
controls, zero-width characters), markup (Rich, HTML) and quote marks, as files, JSONL lines and standard
input, through the real readers and the real analysis, and through the real CLI. Whatever comes in, every
input ends as an analysis that validates or as one error naming it, and the others go on."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.errors import InputError
from communique.ingest.sources import read_run, read_stream
from communique.pipeline import analyze_many
from communique.records import Analysis, Article
from communique.schema import validate

SETTINGS = settings(max_examples=20, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

SENTENCES = [
    "Russia and Ukraine agreed on Monday to exchange prisoners, officials in Kyiv said.",
    '"We will not accept any ultimatum," the foreign minister told reporters in Geneva.',
    "Egypt said it was ready to host the next round of talks on a ceasefire in Gaza.",
    "The rebels rejected the offer and accused the army of shelling villages near the border.",
]
ODD = ["\ud800", "\udfff", "\u202e", "\u202d", "\u2066", "\u200b", "\u200d", "\ufeff", "\u0000", "\u0007", "\x1b[31m",
       "[/]", "[bold]", "[link=file:///etc/passwd]x[/link]", "<script>alert(1)</script>", "<p>", "]]>", "&amp;",
       '"', "\u201c", "\u201d", "\u00ab", "'", "\\", "\n\n", "\t", "🇺🇦", "\u0301", "𝕏", "{", "}", "[", "]"]

pieces = st.one_of(st.sampled_from(SENTENCES), st.sampled_from(ODD), st.text(max_size=30),
                   st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=20))
hostile_text = st.lists(pieces, max_size=25).map(" ".join)
# JSON's decoder gives up (RecursionError) near depth 1,000; tests/ingest/test_hostile.py has 100,000 deep
nesting = st.tuples(st.sampled_from(["[", "{\"a\":", "{\"text\":"]), st.integers(1, 5_000)).map(
    lambda t: t[0] * t[1] + "1" + ("]" if t[0] == "[" else "}") * t[1])


def _check(items: list[Article | InputError], names: list[str]) -> None:
    """Every item is an article or one error naming one of ``names``; the articles' analyses validate."""
    for item in items:
        if isinstance(item, InputError):
            assert any(item.source.startswith(n) for n in names), item.source
            assert item.reason and "\n" not in item.reason, item.reason
    for result in analyze_many(items, time_limit=60):
        if isinstance(result, InputError):
            assert "analysis failed" not in result.reason, result.reason  # a stage crash is a bug
            continue
        assert isinstance(result, Analysis)
        data = result.to_dict()
        assert validate(data) == [], data["article"]["id"]
        json.dumps(data, ensure_ascii=False).encode("utf-8")  # printable and storable


@SETTINGS
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".txt", ".html", ".jsonl", ""]))
def test_hostile_random_bytes_as_a_file(tmp_path: Path, data: bytes, suffix: str) -> None:
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    items = list(read_run([str(path)]))
    assert items, "every input gives at least an article or an error"
    _check(items, [str(path)])


@SETTINGS
@given(text=hostile_text, suffix=st.sampled_from([".txt", ".html"]))
def test_hostile_unicode_and_markup_as_a_file(tmp_path: Path, text: str, suffix: str) -> None:
    path = tmp_path / f"[x]{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))  # lone surrogates as the bytes a broken writer leaves
    items = list(read_run([str(path)]))
    assert len(items) == 1
    _check(items, [str(path)])


@SETTINGS
@given(lines=st.lists(st.one_of(hostile_text.map(lambda t: json.dumps({"id": t[:20], "text": t, "title": t[:30]})),
                                hostile_text.map(lambda t: json.dumps({"id": "h", "html": f"<p>{t}</p>"})),
                                hostile_text, nesting), min_size=1, max_size=6))
def test_hostile_jsonl_lines(tmp_path: Path, lines: list[str]) -> None:
    good = json.dumps({"id": "good", "text": " ".join(SENTENCES)})
    path = tmp_path / "batch.jsonl"
    path.write_bytes("\n".join([good, *lines, good.replace('"good"', '"last"')]).encode("utf-8", "surrogatepass"))
    items = list(read_run([str(path)]))
    ids = [i.id for i in items if isinstance(i, Article)]
    assert ids[0] == "good" and ids[-1] == "last", ids  # nothing before or after a bad line is lost
    _check(items, [str(path)])


@SETTINGS
@given(text=st.one_of(hostile_text, nesting))
def test_hostile_standard_input(text: str) -> None:
    items = list(read_stream(io.StringIO(text)))
    assert items
    _check(items, ["-"])


def test_hostile_batch_through_the_cli(tmp_path: Path) -> None:
    """A fixed-seed batch of hostile lines through ``communique analyze`` (a file, then standard input): one
    output line per input line, every one valid JSON, every error named on stderr, no traceback."""
    rng = random.Random(14)
    lines = [json.dumps({"id": "good", "text": " ".join(SENTENCES)})]
    for i in range(30):
        text = " ".join(rng.choice(SENTENCES + ODD) for _ in range(rng.randrange(1, 12)))
        lines.append(rng.choice([json.dumps({"id": f"h{i}[/]", "text": text}), json.dumps({"id": f"h{i}", "html": text}),
                                 "[" * rng.randrange(1, 50_000), text.replace("\n", " ")]))
    path = tmp_path / "hostile[x].jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8", "surrogatepass") + b"\n")
    # standard input is a JSONL batch only when every line is a JSON object: wrap the others
    objects = [ln if ln.startswith("{") else '{"id": "w", "text": ' + (ln if ln.startswith("[") else json.dumps(ln)) + "}"
               for ln in lines]
    cmd = [sys.executable, "-m", "communique", "analyze"]
    for args, stdin in (([str(path)], None), (["-"], "\n".join(objects).encode("utf-8", "surrogatepass"))):
        r = subprocess.run([*cmd, *args, "--format", "jsonl"], input=stdin, capture_output=True, timeout=600,
                           env=dict(os.environ))
        out, err = r.stdout.decode("utf-8"), r.stderr.decode("utf-8")
        assert "Traceback" not in err, err
        rows = [json.loads(line) for line in out.splitlines()]
        assert len(rows) == len(lines), (len(rows), err)
        assert rows[0]["article"]["id"] == "good" and validate(rows[0]) == []
        errors = [ln for ln in err.splitlines() if ln.startswith("error:")]
        assert len(errors) == sum("error" in row for row in rows)
