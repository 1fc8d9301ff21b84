"""Deterministic screening rules: every number and threshold of the report.

Pure functions over plain dicts (the graph state), no database, no network.
The OpenAI nodes call these too: the model may judge and write, never count.

One module per node, each check its own function returning a ``check`` dict:
a new identity check goes in ``identity`` and into ``verify_identity``'s list,
a new income check in ``income``. The names below are what the rest of the
project uses.
"""

from __future__ import annotations

from screening.rules.affordability import assess_affordability, loan_monthly_payment
from screening.rules.common import check
from screening.rules.identity import verify_identity
from screening.rules.income import PAYSLIP_WINDOW_MONTHS, REQUIRED_PAYSLIP_MONTHS, verify_income
from screening.rules.names import name_match
from screening.rules.report import generate_report

RULES_VERSION = "rules-2026.12.1"

__all__ = [
    "PAYSLIP_WINDOW_MONTHS",
    "REQUIRED_PAYSLIP_MONTHS",
    "RULES_VERSION",
    "assess_affordability",
    "check",
    "generate_report",
    "loan_monthly_payment",
    "name_match",
    "verify_identity",
    "verify_income",
]
