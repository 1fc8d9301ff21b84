"""The assessor port: the four screening nodes, and the two ways a node can fail."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Any, Protocol


class TransientAssessorError(Exception):
    """Worth retrying: a provider outage, rate limit or timeout. ``retry_after``: the provider's own
    ``Retry-After`` in seconds, when it said one; the retry waits at least that long."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        self.retry_after = retry_after
        super().__init__(message)


class AssessorError(Exception):
    """Not worth retrying: a refusal, an unusable answer, a bad configuration.

    The message is fixed text of ours, never the provider's output (it may
    quote personal data back).
    """


class Assessor(Protocol):
    backend: str
    model_name: str
    prompt_version: str

    async def verify_identity(self, state: dict[str, Any]) -> dict[str, Any]: ...
    async def verify_income(self, state: dict[str, Any]) -> dict[str, Any]: ...
    async def assess_affordability(self, state: dict[str, Any]) -> dict[str, Any]: ...
    async def generate_report(self, state: dict[str, Any]) -> dict[str, Any]: ...

    def session(self) -> AbstractAsyncContextManager[None]:
        """What one screening's event loop holds open (a provider's connections), closed with that loop."""
        ...
