"""An analysed article's text as HTML, with its quotes, events and time expressions marked in place.

Marks may overlap (an event's evidence sentence holds a quote that holds a date), and may cross. The
text is cut at every mark boundary; each piece is wrapped in the marks covering it, outermost first
(event, then quote, then time), and a mark cut into several pieces shares its id across them. Only its
first piece is a tab stop and carries the tooltip, so a keyboard user meets each mark once.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from communique.corpus.views import quad_of_type

SPEAKER_COLOURS = 8  # CSS classes spk-0 .. spk-7; more speakers reuse them in turn
LAYER = {"event": 0, "quote": 1, "time": 2}



@dataclass(frozen=True, slots=True)
class Mark:
    """One marked span: ``kind`` (event, quote, time), the element's id, CSS classes, tooltip, data attributes."""

    start: int
    end: int
    kind: str
    id: str
    classes: str
    tip: str
    data: tuple[tuple[str, str], ...] = ()

    def open(self, first: bool) -> str:
        tag = "time" if self.kind == "time" else "span"
        attrs = [f'class="{self.classes}{"" if first else " cont"}"', f'data-mark="{escape(self.id)}"']
        attrs += [f'data-{k}="{escape(v)}"' for k, v in self.data]
        if first:
            attrs += [f'id="{escape(self.id)}"', 'tabindex="0"', f'data-tip="{escape(self.tip)}"']
        return f"<{tag} {' '.join(attrs)}>"

    def close(self) -> str:
        return "</time>" if self.kind == "time" else "</span>"


def speaker_colours(analysis: dict[str, Any]) -> dict[str, int]:
    """Each speaker (actor id) and its colour number, in order of first quote."""
    colours: dict[str, int] = {}
    for q in analysis.get("quotes", []):
        if q.get("speaker") and q["speaker"] not in colours:
            colours[q["speaker"]] = len(colours) % SPEAKER_COLOURS
    return colours


def marks(analysis: dict[str, Any]) -> list[Mark]:
    """The marks of one analysis: each quote, each event's evidence and each time expression."""
    names = {a["id"]: a["name"] for a in analysis.get("actors", [])}
    colours = speaker_colours(analysis)
    quads = quad_of_type()
    out: list[Mark] = []
    for q in analysis.get("quotes", []):
        who = names.get(q.get("speaker") or "", "unknown source")
        cue = (q.get("cue") or {}).get("text")
        tip = " · ".join(x for x in (f"{who}", f"cue: {cue}" if cue else "", q.get("date") or "", q["kind"]) if x)
        colour = f"spk-{colours[q['speaker']]}" if q.get("speaker") in colours else "spk-none"
        out.append(Mark(q["start"], q["end"], "quote", f"q-{q['id']}", f"quote {colour}", tip,
                        (("speaker", who), ("cue", cue or ""), ("date", q.get("date") or ""))))
    for e in analysis.get("events", []):
        ev = e["evidence"]
        who = ", ".join(names.get(x, x) for x in e.get("actors", [])) or "?"
        whom = ", ".join(names.get(x, x) for x in e.get("recipients", []))
        tip = " · ".join(x for x in (e["type"], who + (f" → {whom}" if whom else ""), e["status"], e.get("date") or "") if x)
        out.append(Mark(ev["start"], ev["end"], "event", f"e-{e['id']}", f"event {quads.get(e['type'], '')}", tip,
                        (("type", e["type"]), ("status", e["status"]))))
    for i, t in enumerate(analysis.get("times", [])):
        out.append(Mark(t["start"], t["end"], "time", f"t-{i + 1}", "timex", f"{t['type']} {t['value']}",
                        (("value", t["value"]),)))
    return [m for m in out if 0 <= m.start < m.end]


def render(text: str, analysis: dict[str, Any]) -> str:
    """``text`` as escaped HTML with every mark of ``analysis`` in place (see the module docstring)."""
    spans = [m for m in marks(analysis) if m.end <= len(text)]
    cuts = sorted({0, len(text)} | {m.start for m in spans} | {m.end for m in spans})
    order = sorted(spans, key=lambda m: (LAYER[m.kind], m.start, -m.end))
    opened: set[str] = set()
    stack: list[Mark] = []
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        active = [m for m in order if m.start <= a and m.end >= b]
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep] is active[keep]:
            keep += 1
        parts.extend(m.close() for m in reversed(stack[keep:]))
        for m in active[keep:]:
            parts.append(m.open(m.id not in opened))
            opened.add(m.id)
        stack = active
        parts.append(escape(text[a:b], quote=False))
    parts.extend(m.close() for m in reversed(stack))
    return "".join(parts)
