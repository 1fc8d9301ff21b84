"""The rules assessor: the deterministic default behind the graph's four nodes."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from screening import rules


class RulesAssessor:
    backend = "rules"
    model_name = ""
    prompt_version = ""

    @asynccontextmanager
    async def session(self) -> AsyncIterator[None]:
        """Nothing to hold open: the rules run in-process."""
        yield

    async def verify_identity(self, state: dict[str, Any]) -> dict[str, Any]:
        return rules.identity_node(state)

    async def verify_income(self, state: dict[str, Any]) -> dict[str, Any]:
        return rules.income_node(state)

    async def assess_affordability(self, state: dict[str, Any]) -> dict[str, Any]:
        return rules.affordability_node(state)

    async def generate_report(self, state: dict[str, Any]) -> dict[str, Any]:
        return rules.report_node(state)
