"""The shape every check takes, and the small value helpers all the rules share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

# percent_figure re-exported: the explanation's English figures are the same number.
from applicants.figures import percent_figure as percent_figure
from applicants.figures import percent_words
from applicants.text import format_eur as euros_words


def check(
    name: str,
    passed: bool,
    evidence: str,
    *,
    document_id: str | None = None,
    field: str | None = None,
    value: Any = None,
    expected: Any = None,
) -> dict[str, Any]:
    """One line of the report: what was checked, whether it passed, and the evidence in pt-PT."""
    return {
        "name": name,
        "passed": passed,
        "evidence": evidence,
        "document_id": document_id,
        "field": field,
        "value": None if value is None else str(value),
        "expected": None if expected is None else str(expected),
    }


def extracted(documents: list[dict[str, Any]], kinds: Collection[str]) -> list[dict[str, Any]]:
    """The documents read successfully as one of ``kinds``, in upload order; a file's parts (one worker's other
    months in a file of payslips, the other faturas-recibo in a file of several: ADR 031) each as a document of the
    file's id after it, numbered by ``part``, with no file signals of their own (the file's are on its first
    reading)."""
    return [
        reading
        for d in documents
        if d.get("status") == "EXTRACTED" and d.get("kind") in kinds
        for reading in [d, *file_parts(d)]
    ]


def file_parts(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {**document, **part, "part": number, "parts": [], "authenticity": [], "reuse": []}
        for number, part in enumerate(document.get("parts") or (), start=1)
    ]


def reading_key(document: dict[str, Any]) -> tuple[str, int]:
    """A reading's identity among a person's: its file, and which of the file's documents it is."""
    return str(document.get("document_id")), int(document.get("part") or 0)


def parse_date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def money(value: Any) -> Decimal | None:
    if value is None:
        return None
    try:
        return Decimal(str(value))
    except ArithmeticError:
        return None


def quantize(value: Decimal, places: str = "0.01") -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def format_eur(value: Decimal | None) -> str:
    """An amount to the cent, rounded half up first (``quantize``), as the report writes it: "1 200,00 €"."""
    return euros_words(None if value is None else quantize(value))


def format_date(value: dt.date | str | None) -> str:
    """A date as the report's sentences write it, in the Portuguese form: '22/05/2029' (``value`` fields stay ISO)."""
    day = value if isinstance(value, dt.date) else parse_date(value)
    return "—" if day is None else f"{day:%d/%m/%Y}"


def format_month(period: str | None) -> str:
    """A month (``YYYY-MM``) as the report's sentences write it: '09/2026'; anything else as it came."""
    if not period:
        return "—"
    year, _, month = str(period).partition("-")
    return f"{month}/{year}" if len(year) == 4 and len(month) == 2 and (year + month).isdigit() else str(period)


def format_months(periods: list[str]) -> str:
    """'09/2026, 10/2026, 11/2026'."""
    return ", ".join(format_month(period) for period in periods)


def format_percent(value: Decimal | None) -> str:
    """'40 %', '33,5 %', '35,04 %': the ratio as compared (four places), so one just above a limit never prints as
    it, and a round limit without a trailing ',0' (applicants.figures, the one helper)."""
    if value is None:
        return "—"
    return percent_words(value)
