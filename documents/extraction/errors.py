"""Extraction outcomes that are not a result.

``ExtractionFailed`` is permanent (the file is what it is): the document ends
``FAILED`` with ``reason``, which staff read, so it never holds document text.
``ExtractionUnavailable`` is transient (a provider outage, a timeout): the
task retries with backoff. ``ExtractionInterrupted`` is a local reading the
machine cut short (a killed or timed-out Tesseract): retried the same way.
"""

from __future__ import annotations

import errno


class ExtractionFailed(Exception):
    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class ExtractionUnavailable(Exception):
    """Transient: retried with backoff. ``reason_when_repeated`` is the permanent reason to give when the same
    document keeps meeting it, for a trouble the file itself may cause (a timeout: a scan too heavy to read in
    time; a provider's answer outside its schema); None when the file cannot be the cause (an outage, a kill)."""

    def __init__(
        self, message: str, *, reason_when_repeated: str | None = None, retry_after: float | None = None
    ) -> None:
        self.reason_when_repeated = reason_when_repeated
        # The provider's own ``Retry-After`` (seconds): the task's retry waits at least that long.
        self.retry_after = retry_after
        super().__init__(message)


class ProviderAnswerUnusable(ExtractionUnavailable):
    """A provider's answer short of what was asked (no result, fields off the schema): as likely its passing fault as
    the file's, so the document is refused with ``reason_when_repeated`` only once every retry of a task met it
    (blind probe r59b: a provider answering so for 40 s failed every document it read meanwhile)."""


class ExtractionInterrupted(ExtractionUnavailable):
    """The machine cut a local reading short: Tesseract killed by a signal from outside (the OOM killer) or timed out.

    Retried like an outage: a re-run reads the same file fine (blind probe r58a, F4).
    """


# The machine ran out of something the file does not decide: disk (a temporary page image), file handles, kernel
# memory for a new process. Errors by these numbers pass with the machine's trouble.
MACHINE_RESOURCE_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EMFILE, errno.ENFILE, errno.ENOMEM, errno.EAGAIN}
)
MEMORY_EXHAUSTED_REFUSED = "O documento é demasiado pesado para ler (memória insuficiente): envie o PDF original ou uma digitalização mais leve."


def machine_resource_exhausted(exc: BaseException) -> ExtractionInterrupted | None:
    """The interruption ``exc`` stands for when the machine, not the file, ran out of a resource; else None.

    A full disk or no file handles had ended the document ``FAILED`` as "unexpected", for good, though a re-run
    reads it once the disk has room. Running out of memory may be the file's doing (a huge page): retried, and
    refused with its own reason if it keeps happening on the same document.
    """
    if isinstance(exc, MemoryError):
        return ExtractionInterrupted("out of memory", reason_when_repeated=MEMORY_EXHAUSTED_REFUSED)
    if isinstance(exc, OSError) and exc.errno in MACHINE_RESOURCE_ERRNOS:
        return ExtractionInterrupted(f"machine resource exhausted ({errno.errorcode.get(exc.errno, exc.errno)})")
    return None
