"""Reading with limits: no input (a huge file, endless standard input, ``/dev/zero``, a FIFO, one endless
JSONL line) is ever read past the size the settings allow.

Files and streams are read through ``read_capped`` (the whole input, at most ``limit`` bytes) or
``capped_lines`` (line by line, each line at most ``limit`` bytes); what is over the limit is reported as
``TooLarge``, which the readers turn into that input's (or line's) one error naming the setting.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

# how much of an over-long line is skipped per read while looking for its end
SKIP_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class TooLarge:
    """An input or line over its limit: ``at_least`` bytes were seen; ``ended``: its end was found
    (False when skipping stopped at ``skip_limit`` bytes, so the rest of the input is not read)."""

    at_least: int
    ended: bool = True


def kind_of(path: Path) -> str:
    """What ``path`` is, in words, for messages: "file", "FIFO", "character device" ..."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return "file"
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISCHR(mode):
        return "character device"
    if stat.S_ISBLK(mode):
        return "block device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "file"


def read_capped(stream: IO[bytes], limit: int) -> bytes | TooLarge:
    """All of ``stream``, or ``TooLarge`` as soon as it gives more than ``limit`` bytes (never reads more
    than ``limit + 1``: an endless device or pipe costs one bounded read)."""
    data = stream.read(limit + 1)
    if data is None:  # a non-blocking stream with nothing ready: nothing to read yet
        return b""
    return TooLarge(len(data)) if len(data) > limit else bytes(data)


def over_limit(text: str, limit: int) -> bool:
    """Whether ``text`` takes more than ``limit`` bytes as UTF-8 (encoded only when it could)."""
    if len(text) > limit:
        return True
    return len(text) * 4 > limit and len(text.encode("utf-8", "surrogatepass")) > limit


def capped_lines(stream: IO[bytes], limit: int, skip_limit: int) -> Iterator[bytes | TooLarge]:
    """The lines of ``stream`` (with their ``\\n``); a line longer than ``limit`` bytes comes out as
    ``TooLarge`` and is skipped to its end, reading at most ``skip_limit`` bytes of it, so one endless
    line ends the input with ``TooLarge(..., ended=False)`` instead of running forever."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        seen = len(line)
        while True:
            part = stream.readline(SKIP_CHUNK)
            seen += len(part)
            if not part or part.endswith(b"\n"):
                yield TooLarge(seen)
                break
            if seen > skip_limit:
                yield TooLarge(seen, ended=False)
                return
