"""The IRS nota / demonstracao de liquidacao and the declaration's annexes: the settlement read and
cross-checked (coleta liquida - retencoes - pagamentos por conta = a pagar / a reembolsar)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from applicants.text import fold
from documents.extraction.local import LocalExtractor
from documents.extraction.parsers.tax import parse_tax
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind, fields_validate
from documents.extraction.validation import fields_revalidate
from samples.certificates import tax_corpus
from samples.synthetic import scan

pytestmark = pytest.mark.ocr

TODAY = dt.date(2026, 11, 23)
CORPUS = tax_corpus(today=TODAY)


def wrong_fields(document: Any) -> dict[str, Any]:
    got = LocalExtractor().extract(document.data, document_type=document.document_type).json_fields()
    return {n: (e, got.get(n)) for n, e in document.expected.items() if fold(str(got.get(n))) != fold(str(e))}


@pytest.mark.parametrize("index", range(len(CORPUS)))
def test_every_tax_document_is_read_exactly(index: int) -> None:
    assert wrong_fields(CORPUS[index]) == {}


def test_both_a_payment_and_a_refund_appear_in_the_corpus() -> None:
    notas = [d.expected for d in CORPUS if d.kind == "NOTA_LIQUIDACAO"]
    assert any("amount_payable" in e for e in notas) and any("amount_refundable" in e for e in notas)


def test_a_scanned_nota_is_read() -> None:
    document = next(d for d in CORPUS if d.kind == "NOTA_LIQUIDACAO")
    assert wrong_fields(scan(document, rng=random.Random(3))) == {}


def lines(*texts: str) -> list[Line]:
    return [Line(text) for text in texts]


def test_a_settlement_the_page_does_not_print_is_derived_and_marked() -> None:
    parsed = parse_tax(lines("NOTA DE LIQUIDAÇÃO", "Coleta líquida 2.000,00", "Retenções na fonte 2.350,50"))
    assert parsed.fields["amount_refundable"] == pytest.approx(350.50)
    assert "derived:amount_refundable" in parsed.warnings


def test_a_negative_result_is_a_refund() -> None:
    parsed = parse_tax(
        lines("Coleta líquida 1.000,00", "Retenções na fonte 1.200,00", "Resultado da liquidação -200,00")
    )
    assert parsed.fields["amount_refundable"] == pytest.approx(200)
    assert "amount_payable" not in parsed.fields


def test_a_settlement_that_does_not_add_up_is_flagged() -> None:
    fields = fields_validate(DocumentKind.NOTA_LIQUIDACAO, {"tax_paid": "1000.00", "withholdings": "800.00",
                                                             "amount_payable": "150.00"})  # fmt: skip
    assert "arithmetic_mismatch" in fields_revalidate(
        DocumentKind.NOTA_LIQUIDACAO, fields, document_type="PROOF_OF_INCOME", today=TODAY
    )
    fields["amount_payable"] = 200
    assert "arithmetic_mismatch" not in fields_revalidate(
        DocumentKind.NOTA_LIQUIDACAO, fields, document_type="PROOF_OF_INCOME", today=TODAY
    )


def test_a_name_starting_with_a_is_not_cut_as_sujeito_passivo_a() -> None:
    parsed = parse_tax(lines("Nome: ANA SOFIA LOPES", "Sujeito Passivo A: Rui Sousa"))
    assert parsed.fields["taxpayer_name"] == "Ana Sofia Lopes"
