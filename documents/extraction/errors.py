"""Extraction outcomes that are not a result.

``ExtractionFailed`` is permanent (the file is what it is): the document ends
``FAILED`` with ``reason``, which staff read, so it never holds document text.
``ExtractionUnavailable`` is transient (a provider outage, a timeout): the
task retries with backoff. ``ExtractionInterrupted`` is a local reading the
machine cut short (a killed or timed-out Tesseract): retried the same way.
"""

from __future__ import annotations


class ExtractionFailed(Exception):
    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class ExtractionUnavailable(Exception):
    pass


class ExtractionInterrupted(ExtractionUnavailable):
    """The machine cut a local reading short: Tesseract killed by a signal from outside (the OOM killer) or timed out.

    Retried like an outage: a re-run reads the same file fine (blind probe r58a, F4). ``reason_when_repeated``
    is the permanent reason to give when the same document keeps being cut short, for an interruption the file
    may cause (a timeout: a scan too heavy to read in time); None when the file cannot be the cause (a kill).
    """

    def __init__(self, message: str, *, reason_when_repeated: str | None = None) -> None:
        self.reason_when_repeated = reason_when_repeated
        super().__init__(message)
