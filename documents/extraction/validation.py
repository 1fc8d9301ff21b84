"""The checks every extraction backend applies to what it read.

Whichever backend read a document (the local parsers, Reducto), its typed
fields go through ``fields_revalidate`` before they are stored, so the same
fields give the same warning codes. An identifier that fails its check digit
and a date that cannot be right are dropped and flagged, never passed on as
valid; amounts that contradict each other are flagged.

The local parsers also use check digits while reading, to choose among the
numbers printed on a page; that is reading, and stays in ``parsers``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from applicants.identifiers import cc_is_valid, nif_has_valid_checksum, nif_normalize
from documents.extraction.mrz import COUNTRY_CODES
from documents.extraction.schema import (
    IDENTITY_KINDS,
    INVOICE_KINDS,
    KINDS_BY_DOCUMENT_TYPE,
    PAYSLIP_KINDS,
    TAX_KINDS,
    DocumentKind,
)

NIF_FIELDS = ("nif", "employee_nif", "employer_nif", "taxpayer_nif", "issuer_nif", "acquirer_nif")
REQUIRED_IDENTITY = ("full_name", "date_of_birth", "expiry_date")
REQUIRED_PAYSLIP = ("net_pay", "gross_pay", "period")
REQUIRED_TAX = ("gross_income", "year", "taxpayer_nif")
REQUIRED_INVOICE = ("issuer_nif", "issue_date", "base_amount", "amount_received")
CENT = Decimal("0.01")
OLDEST_AGE, YOUNGEST_AGE = 120, 14


def fields_revalidate(
    kind: DocumentKind,
    fields: dict[str, Any],
    *,
    document_type: str,
    total_deductions: Decimal | None = None,
    today: dt.date | None = None,
) -> list[str]:
    """Validate a backend's typed fields in place and return the warning codes, each once.

    ``fields`` is the output of ``schema.fields_validate``; a value that fails is set
    to None. ``total_deductions`` is a payslip's printed total when the backend read
    one (it checks the arithmetic but is not an output field).
    """
    today = today or dt.date.today()
    warnings = nifs_revalidate(fields)
    required: tuple[str, ...] = ()
    if kind in IDENTITY_KINDS:
        warnings += identity_revalidate(kind, fields, today=today)
        required = REQUIRED_IDENTITY
    elif kind in PAYSLIP_KINDS:
        warnings += payslip_revalidate(fields, total_deductions=total_deductions, today=today)
        required = REQUIRED_PAYSLIP
    elif kind in TAX_KINDS:
        warnings += tax_revalidate(fields, today=today)
        required = REQUIRED_TAX
    elif kind in INVOICE_KINDS:
        warnings += invoice_revalidate(fields, today=today)
        required = REQUIRED_INVOICE
    warnings += [f"missing:{name}" for name in required if fields.get(name) is None]
    expected_kinds = KINDS_BY_DOCUMENT_TYPE.get(document_type)
    if expected_kinds is not None and kind not in expected_kinds:
        warnings.append("document_type_mismatch")
    return list(dict.fromkeys(warnings))


def nifs_revalidate(fields: dict[str, Any]) -> list[str]:
    """Normalize every NIF read ('PT 245 718 931' -> '245718931'); drop one whose check digit fails."""
    warnings = []
    for name in NIF_FIELDS:
        if fields.get(name) is None:
            continue
        nif = nif_normalize(str(fields[name]))
        fields[name] = nif if nif_has_valid_checksum(nif) else None
        if fields[name] is None:
            warnings.append("nif_checksum_invalid")
    return warnings


def identity_revalidate(kind: DocumentKind, fields: dict[str, Any], *, today: dt.date) -> list[str]:
    warnings = []
    number = fields.get("document_number")
    if kind == DocumentKind.CARTAO_CIDADAO and number and not cc_is_valid(number):
        fields["document_number"] = None
        warnings.append("document_number_check_invalid")
    birth = fields.get("date_of_birth")
    if birth is not None and not (years_before(today, OLDEST_AGE) <= birth <= years_before(today, YOUNGEST_AGE)):
        fields["date_of_birth"] = birth = None
        warnings.append("date_of_birth_implausible")
    expiry = fields.get("expiry_date")
    if expiry is not None and birth is not None and expiry <= birth:
        fields["expiry_date"] = None
        warnings.append("expiry_date_implausible")
    for name in ("nationality", "issuing_state"):
        if fields.get(name) is not None and fields[name] not in COUNTRY_CODES:
            fields[name] = None
            warnings.append(f"{name}_unknown")
    if fields.get("mrz_valid") is False:
        warnings.append("mrz_check_invalid")
    return warnings


def payslip_revalidate(fields: dict[str, Any], *, total_deductions: Decimal | None, today: dt.date) -> list[str]:
    warnings = []
    if payslip_arithmetic_holds(fields, total_deductions=total_deductions) is False:
        warnings.append("arithmetic_mismatch")
    gross, net, regular = fields.get("gross_pay"), fields.get("net_pay"), fields.get("regular_net_pay")
    subsidy = fields.get("subsidy_amount")
    if (regular is not None and net is not None and regular > net + CENT) or (
        subsidy is not None and gross is not None and subsidy > gross + CENT
    ):
        # A regular net above the month's net, or a subsidy above the gross: one of them was misread.
        fields["regular_net_pay"] = None
        warnings.append("subsidy_implausible")
    period = fields.get("period")
    if period:
        year, month = (int(part) for part in period.split("-"))
        if not (1 <= month <= 12) or year < 2000 or dt.date(year, month, 1) > today + dt.timedelta(days=31):
            fields["period"] = None
            warnings.append("period_implausible")
    return warnings


def payslip_arithmetic_holds(fields: dict[str, Any], *, total_deductions: Decimal | None = None) -> bool | None:
    """Whether gross pay minus deductions is net pay, to the cent; None when too little was read to tell.

    Deductions are the printed total when read, else social security plus IRS
    withholding. With no deductions read, only net pay above gross pay is a
    contradiction.
    """
    gross, net = fields.get("gross_pay"), fields.get("net_pay")
    if gross is None or net is None:
        return None
    deductions = total_deductions
    social_security, withholding = fields.get("social_security"), fields.get("irs_withholding")
    if deductions is None and social_security is not None and withholding is not None:
        deductions = social_security + withholding
    if deductions is None:
        return False if net > gross else None
    return abs(gross - deductions - net) <= CENT


def tax_revalidate(fields: dict[str, Any], *, today: dt.date) -> list[str]:
    warnings = []
    year = fields.get("year")
    if year is not None and not (2000 <= year <= today.year):
        fields["year"] = None
        warnings.append("year_implausible")
    gross, tax = fields.get("gross_income"), fields.get("tax_paid")
    if gross is not None and tax is not None and tax > gross:
        warnings.append("arithmetic_mismatch")
    return warnings


def invoice_revalidate(fields: dict[str, Any], *, today: dt.date) -> list[str]:
    """The amount received is the base plus VAT less the IRS withheld, to the cent; the date is not future."""
    warnings = []
    issued = fields.get("issue_date")
    if issued is not None and not (dt.date(2000, 1, 1) <= issued <= today + dt.timedelta(days=1)):
        fields["issue_date"] = None
        warnings.append("issue_date_implausible")
    base, received = fields.get("base_amount"), fields.get("amount_received")
    if base is not None and received is not None:
        expected = base + (fields.get("vat_amount") or 0) - (fields.get("irs_withholding") or 0)
        if abs(expected - received) > CENT:
            warnings.append("arithmetic_mismatch")
    if fields.get("issuer_nif") and fields.get("issuer_nif") == fields.get("acquirer_nif"):
        warnings.append("issuer_is_acquirer")
    return warnings


def years_before(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` earlier; 29 February becomes the 28th in a common year."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)
