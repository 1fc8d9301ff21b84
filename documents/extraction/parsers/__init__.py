"""Label, structure and check-digit parsers for Portuguese identity, payslip and tax documents.

They read lines (from a PDF text layer or OCR) and tolerate the wording and
layout of different producers. Check digits pick the NIF, Cartao de Cidadao
and MRZ values among those on the page; the checks on the fields read (check
digits again, dates, arithmetic) are in ``validation``, shared with every
backend.
"""

from __future__ import annotations

from collections.abc import Sequence

from documents.extraction.parsers.certificate import parse_certificate
from documents.extraction.parsers.classify import classify, kind_from_mrz
from documents.extraction.parsers.common import Parsed, title_case
from documents.extraction.parsers.employment import parse_employment_declaration
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.parsers.invoice import parse_invoice
from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.parsers.pension import parse_activity_start, parse_pension
from documents.extraction.parsers.tax import parse_tax
from documents.extraction.parsers.tax_couples import read_couple
from documents.extraction.reader import Line
from documents.extraction.schema import (
    ACTIVITY_KINDS,
    CERTIFICATE_KINDS,
    EMPLOYMENT_KINDS,
    IDENTITY_KINDS,
    INVOICE_KINDS,
    PAYSLIP_KINDS,
    PENSION_KINDS,
    TAX_KINDS,
    DocumentKind,
)

__all__ = ["Parsed", "classify", "kind_from_mrz", "parse_document", "title_case"]


def parse_document(
    kind: DocumentKind, lines: list[Line], *, extra_mrz_texts: Sequence[str] = (), page_starts: Sequence[int] = (0,)
) -> Parsed:
    """The fields of a document of ``kind``; ``extra_mrz_texts`` are lines of a second OCR pass tuned for an MRZ,
    ``page_starts`` the index in ``lines`` of each page's first line (a file of faturas-recibo, a page each)."""
    if kind in PAYSLIP_KINDS:
        return parse_payslip(lines)
    if kind in TAX_KINDS:
        parsed = parse_tax(lines)
        read_couple(lines, parsed)
        return parsed
    if kind in INVOICE_KINDS:
        return parse_invoice(lines, page_starts=page_starts)
    if kind in PENSION_KINDS:
        return parse_pension(lines)
    if kind in ACTIVITY_KINDS:
        return parse_activity_start(lines)
    if kind in CERTIFICATE_KINDS:
        return parse_certificate(lines, kind)
    if kind in EMPLOYMENT_KINDS:
        return parse_employment_declaration(lines)
    if kind in IDENTITY_KINDS:
        return parse_identity(lines, kind, extra_mrz_texts=extra_mrz_texts)
    return Parsed()
