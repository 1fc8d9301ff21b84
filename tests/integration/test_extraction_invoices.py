"""An independent worker's faturas-recibo: recognised, parties told apart, amounts that add up."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest

from documents.extraction.local import LocalExtractor
from documents.extraction.parsers import parse_document
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind, fields_validate
from documents.extraction.validation import fields_revalidate
from samples.payslips import fatura_recibo_corpus
from samples.synthetic import scan

pytestmark = pytest.mark.ocr

TODAY = dt.date(2026, 11, 23)


def test_six_months_of_invoices_are_read_exactly() -> None:
    for document in fatura_recibo_corpus(today=TODAY):
        result = LocalExtractor().extract(document.data, document_type="PROOF_OF_INCOME")
        assert result.kind.value == "FATURA_RECIBO"
        got = result.json_fields()
        assert {name: got.get(name) for name in document.expected} == document.expected
        assert result.warnings == []


def test_a_scanned_invoice_reads_its_amounts() -> None:
    document = scan(fatura_recibo_corpus(today=TODAY)[1], rng=random.Random(2))
    result = LocalExtractor().extract(document.data, document_type="PROOF_OF_INCOME")
    for name in ("issuer_nif", "acquirer_nif", "base_amount", "vat_amount", "irs_withholding", "amount_received"):
        assert result.json_fields()[name] == document.expected[name]


def test_amounts_that_do_not_add_up_are_flagged_not_forced() -> None:
    lines = [Line(text) for text in (
        "FATURA-RECIBO N.º FR ATSIRE01FR/12", "ANA SOFIA SANTOS", "NIF: 245718931", "Adquirente",
        "Nome: Construções Tejo, Lda. NIF: 501964843", "Data de emissão: 30-10-2026", "Valor Base 1.000,00 €",
        "IVA (23%) 230,00 €", "Retenção na fonte de IRS 25,00% 250,00 €", "Importância recebida 1.080,00 €",
    )]  # fmt: skip
    kind = DocumentKind.FATURA_RECIBO
    fields = fields_validate(kind, parse_document(kind, lines).fields)
    warnings = fields_revalidate(kind, fields, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["amount_received"] == Decimal("1080.00")
    assert "arithmetic_mismatch" in warnings
