"""The rules assessor: the deterministic default behind the graph's four nodes."""

from __future__ import annotations

from typing import Any

from screening import rules


class RulesAssessor:
    backend = "rules"
    model_name = ""
    prompt_version = ""

    async def verify_identity(self, state: dict[str, Any]) -> dict[str, Any]:
        return rules.verify_identity(state)

    async def verify_income(self, state: dict[str, Any]) -> dict[str, Any]:
        return rules.verify_income(state)

    async def assess_affordability(self, state: dict[str, Any]) -> dict[str, Any]:
        return rules.assess_affordability(state)

    async def generate_report(self, state: dict[str, Any]) -> dict[str, Any]:
        return rules.generate_report(state)
