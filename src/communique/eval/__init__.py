"""Evaluation tasks, each scored exactly by the protocol of ``../shared/eval/README.md``.

A task is a function ``run(data_dir, *, split="all", errors=False, limit=None) -> dict`` in one
module per area; ``tasks.TASKS`` maps the CLI name to ``module:function`` so a task's module is only
imported when it is run, and ``run_task`` is the one entry point (the CLI's ``communique eval``).

Every task scores one half of its gold documents: ``split="tune"``, ``"check"`` or ``"all"``. A
document's half is the parity of ``sha1(id)``: even tune, odd check (``protocol.half_of``; the lent
GGT, PLOVER and benchmark files hold only tune documents, see there). The id of a document, per task:

- ``quotes-ggt``, ``quotes-polnear``, ``events-plover``: the row's ``id`` field;
- ``times-te3``: the ``.tml`` file name without its extension (``AP_20130322``);
- ``ingest-articles``: the page's key in ``ground-truth.json`` (the name of ``html/KEY.html.gz``);
- ``events-pentaclass``, ``events-claims``: the rows have no id; the sentence's ``text`` itself is
  the id, so a sentence repeated in the file falls in one half only.

Rules and thresholds are tuned on *tune*, where ``errors=True`` lists misses and false alarms; the
listing is refused on *check* and *all*, which would show the judging half. Each task's output holds
``bootstrap_se``: the standard error of its headline figures over 1000 resamples of its documents.
"""

from communique.eval.protocol import SPLITS, half_of
from communique.eval.tasks import TASKS, run_task

__all__ = ["SPLITS", "TASKS", "half_of", "run_task"]
