"""Direction and polarity (issue 9): easing sanctions is the easing event (CAMEO 085, which the
official CAMEO->PLOVER crosswalk files under RETREAT, mode "ease"), never SANCTION; refusals are
REJECT; negated events keep their type with status "negated". Sentences we wrote."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

    Run = Callable[..., Any]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The European Union voted to lift sanctions on Belarus.", "BLR"),
        ("Sanctions on Iran were lifted on Monday.", "IRN"),
        ("Washington relaxed its embargo on Cuba.", "CUB"),
        ("The United States suspended sanctions on Syria's central bank.", "SYR"),
        ("Washington's lifting of sanctions on Syria angered its allies.", "SYR"),
        ("The easing of sanctions on Cuba by the United States began in 2015.", "CUB"),
    ],
)
def test_direction_easing_sanctions_is_no_sanction(run: Run, text: str, target: str) -> None:
    res = run(text)
    assert "SANCTION" not in res.types()
    ev = next(e for e in res.events if e.cameo == "085")
    assert ev.mode == "ease" and res.countries(ev.recipients) == {target}


@pytest.mark.parametrize(
    "text",
    [
        "The prime minister refused to sign the accord.",
        "The rebels declined to sign the peace deal.",
        "Turkey has refused to ratify the treaty.",
    ],
)
def test_direction_refusal_to_sign_is_reject(run: Run, text: str) -> None:
    assert run(text).types() == ["REJECT"]


@pytest.mark.parametrize(
    ("text", "etype"),
    [
        ("The army did not withdraw from the town.", "RETREAT"),
        ("Russia has not attacked the power grid.", "ASSAULT"),
        ("The police never detained the journalists.", "COERCE"),
    ],
)
def test_direction_negated_event_keeps_its_type_and_is_negated(run: Run, text: str, etype: str) -> None:
    ev = next(e for e in run(text).events if e.type == etype)
    assert ev.status == "negated"
