"""Stacked bar charts as plain SVG geometry, computed on the server: no chart library, no script.

``stacked(points, layers)`` places one bar per date on a time axis (days apart stay apart) and stacks
the layers of each bar; the template draws the rectangles and gives each bar a ``<title>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

WIDTH, HEIGHT = 960, 240
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 10, 28


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    cls: str


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    title: str
    rects: tuple[Rect, ...]


def _day(value: str) -> int | None:
    """A date's day number: full dates as they are, months and years at their first day."""
    parts = (value.split("-") + ["01", "01"])[:3]
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2])).toordinal()
    except ValueError:
        return None


def stacked(points: list[dict[str, Any]], layers: tuple[str, ...], names: dict[str, str] | None = None,
            *, key: str = "date") -> dict[str, Any]:
    """Geometry of a stacked bar chart: ``{"bars", "ticks", "max", "width", "height", "axis"}``.

    ``points`` are dicts with a date under ``key`` and a count under each layer name."""
    names = names or {}
    dated = [(d, p) for p in points if (d := _day(str(p.get(key) or ""))) is not None]
    out: dict[str, Any] = {"bars": [], "ticks": [], "max": 0, "width": WIDTH, "height": HEIGHT,
                           "axis": {"x0": LEFT, "x1": WIDTH - RIGHT, "y0": HEIGHT - BOTTOM, "y1": TOP}}
    if not dated:
        return out
    first, last = min(d for d, _ in dated), max(d for d, _ in dated)
    span = max(last - first, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = max(sum(int(p.get(layer) or 0) for layer in layers) for _, p in dated) or 1
    bar_w = max(min(plot_w / (span + 1), 24.0), 1.5)
    for d, p in sorted(dated, key=lambda x: x[0]):
        x = LEFT + (d - first) / span * (plot_w - bar_w) if last > first else LEFT + (plot_w - bar_w) / 2
        y = float(HEIGHT - BOTTOM)
        rects = []
        for layer in layers:
            n = int(p.get(layer) or 0)
            if n:
                h = n / top * plot_h
                y -= h
                rects.append(Rect(round(x, 1), round(y, 1), round(bar_w, 1), round(h, 1), f"q-{layer}"))
        counts = ", ".join(f"{int(p.get(layer) or 0)} {names.get(layer, layer)}" for layer in layers if p.get(layer))
        out["bars"].append(Bar(str(p[key]), f"{p[key]}: {counts or 'none'}", tuple(rects)))
    out["max"] = top
    out["ticks"] = _ticks(first, last, span, plot_w)
    return out


def _ticks(first: int, last: int, span: int, plot_w: float) -> list[dict[str, Any]]:
    """A few labelled dates along the x axis: the first and last date and evenly spaced ones between."""
    count = 2 if span < 2 else 5
    days = sorted({first + round(i * (last - first) / (count - 1)) for i in range(count)})
    return [{"x": round(LEFT + (d - first) / max(span, 1) * plot_w, 1), "label": date.fromordinal(d).isoformat()}
            for d in days]


def by_month(dates: list[str | None]) -> list[dict[str, Any]]:
    """Counts per month (``{"date": "2025-03", "n": 4}``) of the given ISO dates, in month order."""
    months: dict[str, int] = {}
    for d in dates:
        if d and len(d) >= 7 and d[4] == "-":
            months[d[:7]] = months.get(d[:7], 0) + 1
    return [{"date": m, "n": n} for m, n in sorted(months.items())]
