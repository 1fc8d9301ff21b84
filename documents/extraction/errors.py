"""Extraction outcomes that are not a result.

``ExtractionFailed`` is permanent (the file is what it is): the document ends
``FAILED`` with ``reason``, which staff read, so it never holds document text.
``ExtractionUnavailable`` is transient (a provider outage, a timeout): the
task retries with backoff.
"""

from __future__ import annotations


class ExtractionFailed(Exception):
    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class ExtractionUnavailable(Exception):
    pass
