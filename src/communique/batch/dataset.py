"""A batch dataset on disk: hive-partitioned Parquet files and the manifest of finished partitions.

Layout: ``DIR/<table>/month=<YYYY-MM|unknown>/part-<hash>.parquet`` for each table of
``tables.TABLES``, and ``DIR/_manifest.json`` listing every finished partition with its files.

Exactly once: a partition's files are each written under a temporary name, flushed, renamed, and only
then is the partition recorded in the manifest (itself written to a temporary file and renamed). A
file the manifest does not list is from a run that was killed; ``Dataset.open`` removes such files
(and temporary ones) before anything else, so a re-run redoes that partition and every input ends up
in the dataset exactly once. One run at a time holds ``DIR/_lock`` (an advisory lock the kernel
drops when the process dies).
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from communique.batch.tables import TABLES, ErrorRow
from communique.errors import OutputError
from communique.records import Article

MANIFEST = "_manifest.json"
ERROR_KEY = "\x00error:"  # prefix of an error row's key: its input, never equal to an article id
FORMAT = "communique.batch/1"


def is_dataset(path: str | Path) -> bool:
    """Whether ``path`` is a folder holding a batch dataset (it has a ``_manifest.json``)."""
    return (Path(path) / MANIFEST).is_file()


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all: a temporary file in the same folder, flushed
    to disk, then renamed over ``path``."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


@dataclass
class Dataset:
    """An open batch dataset: the manifest in memory and the lock held. Use ``Dataset.open``."""

    root: Path
    manifest: dict[str, Any]
    lock: IO[str] | None = field(default=None, repr=False)

    @classmethod
    def open(cls, root: Path, *, analyser: dict[str, str], partition_size: int) -> Dataset:
        """Open (creating) the dataset at ``root`` for writing; refuse one written by another analyser
        version or partition size, or one another run holds; sweep files of unfinished partitions."""
        if root.exists() and not root.is_dir():
            raise OutputError(f"--out {root} is a file; give a folder")
        try:
            root.mkdir(parents=True, exist_ok=True)
            lock = (root / "_lock").open("w")
        except OSError as e:
            raise OutputError(f"--out {root}: cannot write there ({e.strerror or e})") from e
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            lock.close()
            raise OutputError(f"--out {root}: another batch run is writing this dataset") from e
        ds = cls(root, read_manifest(root) or new_manifest(analyser, partition_size), lock)
        try:
            ds._check(analyser, partition_size)
        except OutputError:
            ds.close()
            raise
        ds.sweep()
        return ds

    def _check(self, analyser: dict[str, str], partition_size: int) -> None:
        m = self.manifest
        if m.get("format") != FORMAT:
            raise OutputError(f"{self.root / MANIFEST} is not a Communique batch manifest ({FORMAT})")
        if m["analyser"] != analyser:
            raise OutputError(f"--out {self.root} was written by analyser {m['analyser']}, not {analyser}; "
                              "give a new --out folder")
        if m["partition_size"] != partition_size:
            raise OutputError(f"--out {self.root} was written with --partition-size {m['partition_size']}; "
                              "give the same size to resume, or a new --out folder")

    def close(self) -> None:
        if self.lock is not None:
            self.lock.close()
            self.lock = None

    def __enter__(self) -> Dataset:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def done(self, key: str) -> bool:
        return key in self.manifest["partitions"]

    def sweep(self) -> list[Path]:
        """Remove every data file the manifest does not list (left by a killed run); return them."""
        listed = {f for p in self.manifest["partitions"].values() for f in p["files"]}
        gone = []
        for table in TABLES:
            for path in (self.root / table).glob("month=*/*"):
                rel = path.relative_to(self.root).as_posix()
                ours = path.name.startswith(("part-", ".part-"))
                if ours and path.is_file() and rel not in listed:
                    path.unlink()
                    gone.append(path)
        for tmp in self.root.glob(f".{MANIFEST}.*.tmp"):
            tmp.unlink()
            gone.append(tmp)
        return gone

    def commit(self, key: str, tables: dict[str, pa.Table], info: dict[str, Any]) -> None:
        """Write one finished partition's tables (each split by its ``month`` column), then record it."""
        files = []
        for name in TABLES:
            files.extend(self._write_table(key, name, tables[name]))
        self.manifest["partitions"][key] = {**info, "files": files, "finished": time.time()}
        write_atomic(self.root / MANIFEST, json.dumps(self.manifest, indent=1).encode("utf-8"))

    def _write_table(self, key: str, name: str, table: pa.Table) -> list[str]:
        months = sorted(set(table.column("month").to_pylist())) or ["unknown"]
        metadata = {f"communique.{k}": str(v) for k, v in self.manifest["analyser"].items()}
        metadata["communique.partition"] = key
        out = []
        for month in months:
            part = table.filter(pc.equal(table.column("month"), month)).drop_columns(["month"])
            part = part.replace_schema_metadata({**(part.schema.metadata or {}), **metadata})
            folder = self.root / name / f"month={month}"
            folder.mkdir(parents=True, exist_ok=True)
            final = folder / f"part-{key}.parquet"
            tmp = folder / f".part-{key}.parquet.tmp"
            with tmp.open("wb") as fh:
                pq.write_table(part, fh)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, final)
            out.append(final.relative_to(self.root).as_posix())
        return out

    def committed_keys(self) -> set[str]:
        """What the finished partitions hold, as ``input_key`` gives it: each article's id, and each
        error row's input (a line of a batch that repeats an article's id is an input of its own)."""
        keys: set[str] = set()
        for path, table in self.files():
            if table == "articles":
                keys.update(pq.read_table(path, columns=["article_id"]).column("article_id").to_pylist())
            elif table == "errors":
                keys.update(ERROR_KEY + i for i in pq.read_table(path, columns=["input"]).column("input").to_pylist())
        return keys

    def files(self) -> Iterator[tuple[Path, str]]:
        """Each file of the finished partitions, in partition order, with its table."""
        for p in self.manifest["partitions"].values():
            for f in p["files"]:
                yield self.root / f, f.split("/", 1)[0]


def new_manifest(analyser: dict[str, str], partition_size: int) -> dict[str, Any]:
    return {"format": FORMAT, "analyser": analyser, "partition_size": partition_size, "partitions": {}}


def read_manifest(root: Path) -> dict[str, Any] | None:
    """The manifest of the dataset at ``root``, or None when there is none yet."""
    path = root / MANIFEST
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise OutputError(f"{path}: unreadable manifest ({e})") from e
    if not isinstance(data, dict) or not isinstance(data.get("partitions"), dict):
        raise OutputError(f"{path} is not a Communique batch manifest ({FORMAT})")
    return data


def input_key(item: Article | ErrorRow) -> str:
    """What makes an input the same one again: an article's id, or an error row's input."""
    return ERROR_KEY + item.input if isinstance(item, ErrorRow) else item.id
