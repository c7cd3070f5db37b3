"""The learned second opinion (``events.second_opinion``) on sentences we wrote, none of them in its
training seed (``data/models/second_opinion_seed.tsv``): figurative uses of event words are rejected,
literal events kept; requests (appeals, demands) are never rejected; the shipped weights load offline, give the same
answers every time, and are what ``make train`` fits again from the training data."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pytest

from communique.events import second_opinion as so

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Span

    from communique.records import Event

DATA = Path(os.environ.get("COMMUNIQUE_EVAL_DATA", Path(__file__).resolve().parents[3] / "shared" / "eval"))
needs_data = pytest.mark.skipif(not (DATA / "events").is_dir(), reason=f"no evaluation data at {DATA}")


def candidates(nlp: Language, text: str) -> list[tuple[Span, list[Event]]]:
    """What the rules propose for each sentence of ``text``, the second opinion switched off."""
    from communique.pipeline import analyze_doc
    from communique.records import Article

    got: list[tuple[Span, list[Event]]] = []
    token = so.RECORDER.set(lambda sent, events: got.append((sent, list(events))))
    try:
        analyze_doc(Article(id="t", text=text), nlp(text))
    finally:
        so.RECORDER.reset(token)
    return [(s, evs) for s, evs in got if evs]


def reviewed(nlp: Language, text: str) -> tuple[list[str], list[str]]:
    """(types the rules propose, types the second opinion keeps) of a one-sentence text."""
    model = so.model()
    assert model is not None
    proposed, kept = [], []
    for sent, events in candidates(nlp, text):
        proposed += [e.type for e in events]
        kept += [e.type for e in model.review(sent, events)]
    return proposed, kept


@pytest.mark.parametrize("text", [
    "The rival candidate attacked her record on education in a televised debate.",  # verb, past
    "The senator launched a blistering attack on the tax bill.",  # light verb with event noun
    "The team fought hard but lost the final on penalties.",  # intransitive
    "The forward fired a low shot into the bottom corner.",  # sport
    "The film was shot on location in rural Ireland.",  # passive
    "The carmaker is targeting first-time buyers with a cheaper model.",  # progressive
    "The broadcaster bombarded its viewers with adverts throughout the final.",
    "The school banned mobile phones in classrooms.",  # a rule, no coercion
])
def test_second_opinion_rejects_figurative_uses_of_event_words(nlp: Language, text: str) -> None:
    proposed, kept = reviewed(nlp, text)
    assert proposed, "the rules propose no event here: the sentence no longer tests the second opinion"
    assert kept == []


@pytest.mark.parametrize("text", [
    "Rebel gunmen attacked a police station in the north overnight, killing two officers.",
    "An army convoy was ambushed by insurgents near the border on Sunday.",  # passive
    "Fighter jets have bombed an ammunition depot outside the capital.",  # perfect
    "Riot police detained dozens of students at the university on Friday.",  # COERCE
    "The European Union imposed sanctions on four senior army officers.",  # SANCTION
    "The two governments signed a peace accord in Nairobi on Saturday.",  # cooperation
    "Soldiers opened fire on a crowd of mourners in the southern city.",  # light verb
])
def test_second_opinion_keeps_literal_events(nlp: Language, text: str) -> None:
    proposed, kept = reviewed(nlp, text)
    assert proposed and kept == proposed


@pytest.mark.parametrize("text", [
    "The foreign minister urged both sides to return to the negotiating table.",
    "The bishops called on the government to release the detained priests.",
    "Aid agencies appealed for a pause in the fighting to reach the wounded.",
    "Two senators have called for sanctions against the ruling generals.",  # a demand (CAMEO 10)
])
def test_second_opinion_never_rejects_requests(nlp: Language, text: str) -> None:
    proposed, kept = reviewed(nlp, text)
    assert "REQUEST" in proposed and "REQUEST" in kept


def test_second_opinion_rescores_with_a_blend_in_unit_range(nlp: Language) -> None:
    model = so.model()
    assert model is not None
    for sent, events in candidates(nlp, "Rebels shelled the airport and the army retreated from the town."):
        for e in model.review(sent, events):
            assert 0.0 <= e.confidence <= 1.0


def test_second_opinion_is_deterministic(nlp: Language) -> None:
    text = "Troops fired on protesters in the capital as the opposition accused the army of a massacre."
    runs = []
    for _ in range(2):
        so.model.cache_clear()
        model = so.model()
        assert model is not None
        runs.append([[(e.type, e.confidence) for e in model.review(s, evs)] for s, evs in candidates(nlp, text)])
    assert runs[0] == runs[1] and runs[0]


def test_second_opinion_loads_and_runs_with_the_network_cut_off(tmp_path: Path) -> None:
    script = (  # the libraries and the spaCy model load first; then the network is cut off
        "import socket\n"
        "from communique import nlp\nnlp.load()\n"
        "from communique.pipeline import analyze\nfrom communique.records import Article\n"
        "def cut(*a, **k):\n"
        "    raise OSError('network used')\n"
        "socket.socket.connect = cut\nsocket.create_connection = cut\nsocket.getaddrinfo = cut\n"
        "from communique.events import second_opinion as so\n"
        "assert so.model() is not None\n"
        "a = analyze(Article(id='n', text='Rebels attacked an army base near the border on Monday.'))\n"
        "print([e.type for e in a.events])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(so.__file__).resolve().parents[2]), "HF_HUB_OFFLINE": "1"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "ASSAULT" in out.stdout


def test_second_opinion_weights_are_json_under_the_size_limit() -> None:
    path = resources.files("communique.data").joinpath("models").joinpath(so.MODEL_FILE)
    raw = path.read_bytes()
    assert len(raw) < 30 * 2**20
    d: dict[str, Any] = json.loads(raw)
    assert d["features"] == so.FEATURES and 0.0 <= d["threshold"] <= 1.0


@needs_data
def test_shipped_weights_are_what_make_train_fits_again() -> None:
    """``make train`` refits the shipped weights: the same data, settings and seed give the same
    coefficients (the cross-validated choice of settings is the slow part and is not repeated)."""
    from communique.events import train

    path = resources.files("communique.data").joinpath("models").joinpath(so.MODEL_FILE)
    shipped = json.loads(path.read_text(encoding="utf-8"))
    sent, cand = train.fit(train.collect(DATA), shipped["c_sentence"], shipped["c_candidate"])
    for name, fresh in (("sentence", sent), ("candidate", cand)):
        assert fresh["vocab"] == shipped[name]["vocab"]
        for key in ("coef", "intercept", "mean", "scale"):
            assert np.allclose(np.asarray(fresh[key], dtype=float), np.asarray(shipped[name][key], dtype=float),
                               atol=1e-5), (name, key)


@pytest.mark.parametrize("text", [
    "The rival candidate attacked her record on education in a televised debate.",
    "The forward fired a low shot into the bottom corner.",
    "Militants attacked a village near the border on Sunday and kidnapped twenty farmers.",
])
def test_second_opinion_in_the_stage_reranks_without_dropping(nlp: Language, text: str) -> None:
    """The stage's hook keeps every candidate (REJECT_IN_PIPELINE is off: on real articles the model's
    rejections removed more right events than wrong ones) and only re-scores their confidence."""
    assert so.REJECT_IN_PIPELINE is False
    model = so.model()
    assert model is not None
    for sent, events in candidates(nlp, text):
        kept = so.review(sent, events)
        assert [e.type for e in kept] == [e.type for e in events]
        assert [e.confidence for e in kept] == [e.confidence for e in model.review(sent, events, reject=False)]
