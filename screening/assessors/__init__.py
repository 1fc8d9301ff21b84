"""Assessors behind the screening graph's nodes: rules (the default, offline) or OpenAI (opt-in)."""

from __future__ import annotations

from django.conf import settings

from screening.assessors.openai_adapter import OpenAIAssessor
from screening.assessors.port import Assessor, AssessorError, TransientAssessorError
from screening.assessors.rules_adapter import RulesAssessor

__all__ = [
    "Assessor",
    "AssessorError",
    "OpenAIAssessor",
    "RulesAssessor",
    "TransientAssessorError",
    "assessor_from_settings",
]


def assessor_from_settings() -> Assessor:
    """The configured assessor (settings read at call time so tests can switch)."""
    if settings.SCREENING_BACKEND == "openai":
        return OpenAIAssessor.from_settings()
    return RulesAssessor()
