"""A signal, raised from inside an extraction, that the slow part of the reading starts now.

A task that reads several documents in turn (a text PDF takes milliseconds,
a scan or a photo seconds of OCR) hands the documents after this one to
another message at that moment, so free workers read them side by side
(docs/adr/016-per-document-extraction.md, amendment). The reader and the
providers only say when slow work starts; what is done about it is the
caller's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_before_slow_work: ContextVar[Callable[[], None] | None] = ContextVar("before_slow_work", default=None)


@contextmanager
def before_slow_work(callback: Callable[[], None] | None) -> Iterator[None]:
    """Run ``callback`` once, the first time slow work starts inside the block (never, with ``None``)."""
    token = _before_slow_work.set(callback)
    try:
        yield
    finally:
        _before_slow_work.reset(token)


def slow_work_starts() -> None:
    """Called by the reader before it starts Tesseract and by a provider before its request."""
    callback = _before_slow_work.get()
    if callback is not None:
        _before_slow_work.set(None)  # once a block
        callback()
