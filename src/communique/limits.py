"""A time limit on a piece of work (one article's analysis) that interrupts it without ending the process.

``time_limit(seconds)`` raises ``TimeLimitExceeded`` in the thread that runs the work once the time is up:

- in the main thread, through ``SIGALRM`` (``setitimer``): the handler raises in whatever Python code runs;
- in any other thread (a Dask worker, a thread pool), through ``PyThreadState_SetAsyncExc``, which raises in
  that thread at its next Python instruction.

Either way the work stops at the next Python instruction after the deadline. spaCy's parser and tagger run
their models through thinc's Python layers, so a parse is interrupted within milliseconds; a single long
call into C (one regular expression over a huge text) is only interrupted when it returns. The exception
raised inside the work derives from ``BaseException``, so ``except Exception`` in stage code cannot swallow
it; it becomes ``TimeLimitExceeded`` at the ``with``. The process stays usable: the spaCy pipeline holds no
state between documents, and a later call on the same pipeline gives the same result as before.
"""

from __future__ import annotations

import ctypes
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from communique.errors import TimeLimitExceeded


class _Expired(BaseException):
    """Raised inside the work when its time is up (not an ``Exception``: stage code must not catch it)."""


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Run the ``with`` body for at most ``seconds`` (None or 0: no limit); raise ``TimeLimitExceeded`` when
    it takes longer. Never hold it across a ``yield``: the limit belongs to the thread, not the generator."""
    if not seconds or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread():
        guard = _alarm(seconds)
    else:
        guard = _async_exception(seconds)
    try:
        with guard:
            yield
    except _Expired:
        raise TimeLimitExceeded(seconds) from None


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """SIGALRM after ``seconds``; the previous handler and timer are restored afterwards."""
    armed = [True]

    def expire(signum: int, frame: Any) -> None:
        if armed[0]:
            raise _Expired

    previous = signal.signal(signal.SIGALRM, expire)
    old_timer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            armed[0] = False  # from here on a late signal does nothing
        finally:  # runs even when the signal came just before the line above
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            if old_timer[0] > 0:  # someone else's timer: give it back (what is left of it)
                signal.setitimer(signal.ITIMER_REAL, *old_timer)


@contextmanager
def _async_exception(seconds: float) -> Iterator[None]:
    """``_Expired`` raised asynchronously in this thread after ``seconds`` by a timer thread; one still
    pending when the body has finished is withdrawn."""
    thread_id = ctypes.c_ulong(threading.get_ident())
    lock = threading.Lock()
    state = {"armed": True, "fired": False}

    def expire() -> None:
        with lock:
            if state["armed"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, ctypes.py_object(_Expired))

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        try:
            timer.cancel()
        finally:  # runs even when the exception came just before the line above
            with lock:
                state["armed"] = False
                if state["fired"]:  # withdraw an exception still pending (none when it was raised already)
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, None)
