"""Export output files: never the store itself, never an existing file without ``force``, always written whole."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from communique.errors import OutputError


def check_output(out: Path, store_path: str | Path, *, force: bool = False) -> None:
    """Refuse an export target that is the store (or its -wal/-shm/-journal files), a folder, in a missing
    folder, or an existing file without ``force``."""
    store = Path(store_path).resolve()
    target = out.resolve()
    sidecars = {store} | {store.with_name(store.name + s) for s in ("-wal", "-shm", "-journal")}
    if target in sidecars or (out.exists() and store.exists() and os.path.samefile(out, store)):
        raise OutputError(f"--out {out} is the store itself ({store_path}); choose another file")
    if out.is_dir():
        raise OutputError(f"--out {out} is a folder; give a file name")
    if not target.parent.is_dir():
        raise OutputError(f"--out {out}: the folder {out.parent} does not exist")
    if out.exists() and not force:
        raise OutputError(f"--out {out} exists; add --force to replace it")


def write_whole(out: Path, write: Any) -> None:
    """Call ``write(temporary path)`` in ``out``'s folder, then rename onto ``out``: no partial file is
    ever left, whether writing fails or is interrupted."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.resolve().parent)
    except OSError as e:
        raise OutputError(f"--out {out}: cannot write there ({e.strerror or e})") from e
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, out)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise OutputError(f"--out {out}: cannot write there ({e.strerror or e})") from e
        raise
