"""Article text as HTML with marks: nesting, crossing marks, escaping, one tab stop per mark; and chart geometry."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from communique.web import charts, markup

TEXT = 'Kyiv said on Monday that Moscow was "open to <dialogue>" & would talk.'


def _analysis(quotes: list[dict[str, Any]] = (), events: list[dict[str, Any]] = (),  # type: ignore[assignment]
              times: list[dict[str, Any]] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    return {"actors": [{"id": "A1", "name": "Ukraine"}, {"id": "A2", "name": "Russia"}],
            "quotes": list(quotes), "events": list(events), "times": list(times)}


def _quote(qid: str, start: int, end: int, speaker: str | None = "A1") -> dict[str, Any]:
    return {"id": qid, "kind": "indirect", "start": start, "end": end, "speaker": speaker,
            "cue": {"start": 5, "end": 9, "text": "said"}, "date": "2025-03-03"}


def _event(eid: str, start: int, end: int, type: str = "CONSULT") -> dict[str, Any]:
    return {"id": eid, "type": type, "actors": ["A2"], "recipients": ["A1"], "status": "reported", "date": None,
            "evidence": {"start": start, "end": end, "text": TEXT[start:end]}}


class _Balanced(HTMLParser):
    """Checks that tags nest properly and collects the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> str:
    p = _Balanced()
    p.feed(html)
    p.close()
    assert p.stack == []
    return "".join(p.text)


def test_markup_keeps_the_text_and_escapes_it() -> None:
    for analysis in (_analysis(), _analysis(quotes=[_quote("Q1", 25, 64)]),
                     _analysis(events=[_event("E1", 0, len(TEXT))], times=[{"start": 13, "end": 19, "type": "DATE",
                                                                            "value": "2025-03-03"}])):
        html = markup.render(TEXT, analysis)
        assert _parse(html) == TEXT
        assert "<dialogue>" not in html and "&lt;dialogue&gt;" in html and "&amp; would" in html


def test_markup_nests_time_inside_quote_inside_event() -> None:
    analysis = _analysis(quotes=[_quote("Q1", 25, 64)], events=[_event("E1", 0, len(TEXT))],
                         times=[{"start": 13, "end": 19, "type": "DATE", "value": "2025-03-03"}])
    html = markup.render(TEXT, analysis)
    assert html.startswith('<span class="event verbal_cooperation" data-mark="e-E1"')
    assert re.search(r'<span class="quote spk-0" data-mark="q-Q1" data-speaker="Ukraine" data-cue="said"', html)
    assert '<time class="timex" data-mark="t-1" data-value="2025-03-03" id="t-1" tabindex="0" data-tip="DATE 2025-03-03">Monday</time>' in html
    assert html.count('tabindex="0"') == 3


def test_markup_crossing_marks_are_cut_and_share_their_id() -> None:
    # a quote starting inside an event's evidence and ending after it: the quote is cut in two pieces
    analysis = _analysis(quotes=[_quote("Q1", 10, 40)], events=[_event("E1", 0, 20, "ASSAULT")])
    html = markup.render(TEXT, analysis)
    assert _parse(html) == TEXT
    assert html.count('data-mark="q-Q1"') == 2 and html.count('id="q-Q1"') == 1
    assert html.count('class="quote spk-0 cont"') == 1  # the second piece: no tab stop, no tooltip
    assert 'class="event material_conflict"' in html


def test_markup_colours_speakers_in_order_and_unknown_sources_apart() -> None:
    analysis = _analysis(quotes=[_quote("Q1", 0, 4, "A2"), _quote("Q2", 5, 9, "A1"), _quote("Q3", 10, 12, None),
                                 _quote("Q4", 13, 19, "A2")])
    assert markup.speaker_colours(analysis) == {"A2": 0, "A1": 1}
    html = markup.render(TEXT, analysis)
    assert html.count("spk-0") == 2 and html.count("spk-1") == 1 and "spk-none" in html
    assert 'data-speaker="unknown source"' in html


def test_markup_ignores_spans_outside_the_text() -> None:
    html = markup.render(TEXT, _analysis(quotes=[_quote("Q1", 30, 999), _quote("Q2", 5, 5)]))
    assert _parse(html) == TEXT and "data-mark" not in html


def test_chart_bars_sit_on_a_time_axis_and_stack() -> None:
    points = [{"date": "2025-03-01", "a": 2, "b": 1}, {"date": "2025-03-11", "a": 0, "b": 3},
              {"date": "2025-03", "a": 1, "b": 0}, {"date": "bad", "a": 5}]
    c = charts.stacked(points, ("a", "b"), {"a": "alpha", "b": "beta"})
    assert c["max"] == 3 and len(c["bars"]) == 3  # "2025-03" is placed on the 1st; "bad" is left out
    first, second = c["bars"][0], c["bars"][-1]
    assert first.label in ("2025-03-01", "2025-03") and second.label == "2025-03-11"
    assert second.rects[0].x > first.rects[0].x
    assert "3 beta" in second.title
    full = [b for b in c["bars"] if b.label == "2025-03-01"][0]
    assert [r.cls for r in full.rects] == ["q-a", "q-b"] and full.rects[1].y < full.rects[0].y
    assert charts.stacked([], ("a",))["bars"] == []


def test_chart_counts_by_month() -> None:
    assert charts.by_month(["2025-03-04", "2025-03", None, "2026-01-02", "2025"]) == [
        {"date": "2025-03", "n": 2}, {"date": "2026-01", "n": 1}]
