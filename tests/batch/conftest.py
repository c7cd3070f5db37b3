"""Short wire stories of our own for batch runs, and a helper to run the CLI in a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

CAPITALS = [("GENEVA", "Switzerland"), ("DOHA", "Qatar"), ("CAIRO", "Egypt"), ("ANKARA", "Turkey"),
            ("NAIROBI", "Kenya"), ("OSLO", "Norway"), ("BRASILIA", "Brazil"), ("JAKARTA", "Indonesia")]
ACTS = [
    "agreed on {day} to extend the ceasefire by thirty days",
    "accused the rebels on {day} of shelling a border village",
    "met the envoy on {day} to discuss the release of detainees",
    "rejected on {day} a proposal to withdraw troops from the valley",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def story(i: int) -> dict[str, str]:
    """Article ``i`` of the test corpus: a short wire story with a quote, dated in one of four months."""
    city, country = CAPITALS[i % len(CAPITALS)]
    act = ACTS[i % len(ACTS)].format(day=DAYS[i % len(DAYS)])
    month = 1 + i % 4
    text = (f"{city}, {['January', 'February', 'March', 'April'][month - 1]} {3 + i % 20} (Communique Wire) - "
            f"The government of {country} {act}, officials said, in talks number {i}.\n\n"
            f"\"We will not wait forever,\" the foreign minister of {country} told reporters after meeting "
            f"delegation {i}.\n")
    return {"id": f"story-{i:03d}", "text": text, "published": f"2025-{month:02d}-{3 + i % 20:02d}"}


def write_corpus(folder: Path, n: int, *, bad_lines: int = 0) -> set[str]:
    """``n`` stories as one JSONL file (plus ``bad_lines`` malformed lines); the ids every input gives."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(story(i)) for i in range(n)]
    ids = {f"story-{i:03d}" for i in range(n)}
    for k in range(bad_lines):
        pos = 1 + k * 7
        lines.insert(pos, '{"id": "broken", "text": ')
    for lineno, line in enumerate(lines, 1):
        if line.startswith('{"id": "broken"'):
            ids.add(f"{folder / 'wire.jsonl'}:{lineno}")
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ids


def cli(*args: str, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "communique", *args], capture_output=True, text=True,
                          timeout=timeout)
