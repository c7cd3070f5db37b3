"""The learned second opinion: a small trained model scores the events the rules propose.

The rules propose candidate events per sentence (trigger, type, CAMEO code, status, actors). Two
logistic models, trained by ``communique.events.train`` (``make train``) and shipped as coefficients
in ``data/models/second_opinion.json`` (no pickle, no network), give each candidate a second opinion:

- the *sentence* model reads the whole sentence (the mean of spaCy's own tok2vec vectors,
  ``doc.tensor``, and the lemmas of its content words) and gives the probability of each pentaclass
  (statement, verbal / material cooperation, verbal / material conflict);
- the *candidate* model reads one candidate (the tok2vec vectors around its trigger, the trigger's
  lemma, its dependency label and head, the rule's type, CAMEO root, rule name and status, whether
  it has an actor and a recipient) together with the sentence model's probability of the
  candidate's class, and gives the probability that the candidate is a real event of its type.

``review`` replaces each candidate's confidence by a blend of the rule's confidence and that
probability (so the most confident event of a sentence is the one both agree on) and rejects a
candidate whose probability is below the model's threshold: "the single shot to the top of the
charts" or "she fired up the crowd" are no ASSAULT. It never adds an event nor changes a type.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, replace
from importlib import resources
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from communique.records import Event

MODEL_FILE = "second_opinion.json"
CLASS_OF_TYPE = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1,
    "COOPERATE": 2, "AID": 2, "CONCEDE": 2, "RETREAT": 2,
    "ACCUSE": 3, "REQUEST": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "SANCTION": 4, "COERCE": 4, "ASSAULT": 4,
}
CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN", "ADV"})
WINDOW = 2  # tokens either side of the trigger in the candidate's local vector

Recorder = Callable[["Span", "list[Event]"], None]
# training sets a recorder: the candidates of each sentence are handed to it, and kept unscored
RECORDER: ContextVar[Recorder | None] = ContextVar("second_opinion_recorder", default=None)


def event_class(e: Event) -> int:
    """The pentaclass of one event (the evaluation's mapping: CAMEO root, else PLOVER type)."""
    cameo = e.cameo or ""
    if len(cameo) >= 2 and cameo[:2].isdigit():
        root = int(cameo[:2])
        for last, cls in ((1, 0), (5, 1), (8, 2), (13, 3), (20, 4)):
            if 1 <= root <= last:
                return cls
    return CLASS_OF_TYPE.get(e.type, 0)


# --------------------------------------------------------------------------------------------- features


def _mean(doc: Doc, start: int, end: int) -> np.ndarray:
    width = doc.tensor.shape[1] if doc.tensor.ndim == 2 and doc.tensor.size else 96
    if end <= start or not doc.tensor.size:
        return np.zeros(width, dtype=np.float32)
    return np.asarray(doc.tensor[start:end].mean(axis=0), dtype=np.float32)


def sentence_features(sent: Span) -> tuple[np.ndarray, list[str]]:
    """The dense vector (mean tok2vec of the sentence) and sparse features (content lemmas)."""
    lemmas = sorted({f"w={t.lemma_.lower()}" for t in sent if t.pos_ in CONTENT_POS and not t.is_stop})
    return _mean(sent.doc, sent.start, sent.end), lemmas


def trigger_token(sent: Span, e: Event) -> Token:
    """The syntactic head of the event's trigger (its evidence when it has no trigger)."""
    span = e.trigger or e.evidence
    toks = [t for t in sent if span.start <= t.idx < span.end] or [t for t in sent if t.idx <= span.start][-1:]
    if not toks:
        return sent.root
    heads = [t for t in toks if not (toks[0].i <= t.head.i <= toks[-1].i) or t.head is t]
    return heads[0] if heads else toks[0]


def candidate_features(sent: Span, e: Event) -> tuple[np.ndarray, list[str]]:
    """The dense vector (tok2vec around the trigger, the rule's confidence) and the sparse features
    of one candidate event."""
    tok = trigger_token(sent, e)
    lo, hi = max(sent.start, tok.i - WINDOW), min(sent.end, tok.i + WINDOW + 1)
    dense = np.concatenate([_mean(sent.doc, lo, hi), _mean(sent.doc, tok.i, tok.i + 1), [float(e.confidence)]])
    lemma, root = tok.lemma_.lower(), (e.cameo or "")[:2]
    rule = e.provenance.split("+")[0].split(":")[0]
    sparse = [
        f"type={e.type}", f"root={root}", f"class={event_class(e)}", f"lemma={lemma}",
        f"lemma|type={lemma}|{e.type}", f"rule={rule}", f"dep={tok.dep_}", f"pos={tok.pos_}",
        f"head={tok.head.lemma_.lower()}", f"dep|type={tok.dep_}|{e.type}", f"status={e.status}",
        f"actor={bool(e.actors)}", f"recipient={bool(e.recipients)}",
        f"actor|type={bool(e.actors)}|{e.type}",
    ]
    sparse += [f"child={c.dep_}:{c.lemma_.lower()}" for c in tok.children if c.dep_ in ("dobj", "prep", "prt", "nsubj")]
    return dense, sparse


# --------------------------------------------------------------------------------------------- models


@dataclass(frozen=True)
class Linear:
    """A linear model over a dense vector and named sparse binary features: ``scale`` standardises
    the dense part; ``coef`` has one row per output (one row: a binary model)."""

    vocab: dict[str, int]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Linear:
        return cls({w: i for i, w in enumerate(d["vocab"])}, np.asarray(d["mean"]), np.asarray(d["scale"]),
                   np.asarray(d["coef"], dtype=np.float64), np.asarray(d["intercept"], dtype=np.float64))

    def margin(self, dense: np.ndarray, sparse: Sequence[str]) -> np.ndarray:
        n_dense = len(self.mean)
        x = (np.asarray(dense, dtype=np.float64) - self.mean) / self.scale
        out = self.coef[:, :n_dense] @ x + self.intercept
        for f in set(sparse):
            j = self.vocab.get(f)
            if j is not None:
                out = out + self.coef[:, n_dense + j]
        return np.asarray(out)


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max()
    ez = np.exp(z)
    return np.asarray(ez / ez.sum())


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


@dataclass(frozen=True)
class SecondOpinion:
    """The two models and the decision settings chosen by cross-validation on the training data."""

    sentence: Linear
    candidate: Linear
    threshold: float  # a candidate below this probability is rejected
    blend: float  # weight of the model's probability in the new confidence

    def sentence_probs(self, sent: Span) -> np.ndarray:
        return softmax(self.sentence.margin(*sentence_features(sent)))

    def probability(self, sent: Span, e: Event, probs: np.ndarray) -> float:
        dense, sparse = candidate_features(sent, e)
        dense = np.concatenate([dense, stacked(probs, event_class(e))])
        return sigmoid(float(self.candidate.margin(dense, sparse)[0]))

    def review(self, sent: Span, events: list[Event]) -> list[Event]:
        """The candidates kept, each with its confidence blended with the model's probability."""
        if not events:
            return events
        probs = self.sentence_probs(sent)
        out = []
        for e in events:
            p = self.probability(sent, e, probs)
            if p >= self.threshold:
                conf = (1 - self.blend) * float(e.confidence) + self.blend * p
                out.append(replace(e, confidence=round(conf, 4)))
        return out


def stacked(probs: np.ndarray, cls: int) -> np.ndarray:
    """The sentence model's view of a candidate of class ``cls``: its probability, that of no event
    (statement), and the best other class's."""
    others = [float(p) for i, p in enumerate(probs) if i != cls]
    return np.array([float(probs[cls]), float(probs[0]), max(others)])


def from_dict(d: dict[str, Any]) -> SecondOpinion:
    return SecondOpinion(Linear.from_dict(d["sentence"]), Linear.from_dict(d["candidate"]),
                         float(d["threshold"]), float(d["blend"]))


@functools.cache
def model() -> SecondOpinion | None:
    """The shipped model (None when the package holds no weights file: the rules then stand alone)."""
    path = resources.files("communique.data").joinpath("models").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    return from_dict(json.loads(path.read_text(encoding="utf-8")))


def review(sent: Span, events: list[Event]) -> list[Event]:
    """The stage's hook: the sentence's candidate events after the second opinion."""
    recorder = RECORDER.get()
    if recorder is not None:
        recorder(sent, events)
        return events
    m = model()
    return m.review(sent, events) if m is not None else events
