"""Masks for staff without ``applicants.view_pii``: enough to tell rows apart and read a report, not to identify a person."""

from __future__ import annotations

from typing import Any

# What printed pages (the report PDF, the admin) show without ``view_pii`` for a value hidden whole: an income, a
# date of birth, a decision's reason (free text staff write about a person; the API gives ``null``).
RESERVED = "(reservado)"


def mask_name(name: str) -> str:
    """``'Maria Santos'`` -> ``'M*** S***'``."""
    return " ".join(f"{part[0]}***" for part in name.split() if part) or "***"


def mask_email(email: str) -> str:
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


def mask_tail(value: str, visible: int = 3) -> str:
    return "***" + value[-visible:] if len(value) > visible else "***"


# The report checks whose ``value``/``expected`` identify nobody: ratios, amounts,
# months, years and ID-card expiry dates. Every other check (the NIF, name and
# birth-date comparisons, payslip and IRS ownership, and any check added later)
# shows them only to staff holding ``applicants.view_pii``: an allowlist, so a new
# check is masked until someone decides otherwise.
CHECKS_WITHOUT_PERSONAL_VALUES = frozenset(
    {
        "affordability.dti",
        "income.payslip_arithmetic",
        "income.payslip_recent",
        "income.payslip_months",
        "income.payslip_latest",
        "income.invoice_latest",
        "income.tax_document",
        "identity.not_expired",
        "identity.expiry_margin",
        "identity.sides_agree",
        "identity.mrz_valid",
        "household.guarantor_covers",
        # The value is the highest severity (LOW, MEDIUM, HIGH).
        "authenticity.document",
    }
)


def check_masked(check: dict[str, Any]) -> dict[str, Any]:
    """A report check as staff without ``view_pii`` see it: verdict, evidence, document and field, no personal values.

    The evidence texts of the rules (``screening/rules``) carry no NIF, name or birth date.
    """
    if check.get("name") in CHECKS_WITHOUT_PERSONAL_VALUES:
        return dict(check)
    return {**check, "value": None, "expected": None}


def checks_for_viewer(checks: list[dict[str, Any]], *, can_view_pii: bool) -> list[dict[str, Any]]:
    return [dict(check) for check in checks] if can_view_pii else [check_masked(check) for check in checks]


def mask_filename(filename: str) -> str:
    """``'Maria_Santos_CC.pdf'`` -> ``'***.pdf'``: the extension only (names are often in the file name)."""
    _, dot, extension = filename.rpartition(".")
    if not dot or not extension.isascii() or not extension.isalnum() or len(extension) > 5:
        return "***"
    return f"***.{extension.lower()}"
