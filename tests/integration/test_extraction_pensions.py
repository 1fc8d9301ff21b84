"""Pension statements, the declaração de início de atividade and the employer's declaration of employment:
recognised, read by labels, wording and arithmetic."""

from __future__ import annotations

import datetime as dt
import random
from decimal import Decimal

import pytest

from documents.extraction.local import LocalExtractor
from documents.extraction.parsers import classify, parse_document
from documents.extraction.reader import Line
from documents.extraction.reducto import extraction_schema
from documents.extraction.schema import DocumentKind, fields_validate
from documents.extraction.validation import fields_revalidate
from samples.income_profiles import employer_declaration_pdf, pension_corpus
from samples.synthetic import make_person, scan

pytestmark = pytest.mark.ocr

TODAY = dt.date(2026, 11, 23)
KIND = DocumentKind.DECLARACAO_PENSAO


def read(texts: tuple[str, ...]) -> tuple[dict[str, object], list[str]]:
    lines = [Line(text) for text in texts]
    assert classify("\n".join(texts)) == KIND
    fields = fields_validate(KIND, parse_document(KIND, lines).fields)
    return fields, fields_revalidate(KIND, fields, document_type="PROOF_OF_INCOME", today=TODAY)


def test_both_issuers_text_and_scan_and_the_activity_declaration_are_read_exactly() -> None:
    corpus = pension_corpus(today=TODAY)
    assert {d.kind for d in corpus} == {"DECLARACAO_PENSAO", "DECLARACAO_INICIO_ATIVIDADE"}
    assert {d.method for d in corpus} == {"text", "ocr"}
    for document in corpus:
        result = LocalExtractor().extract(document.data, document_type="PROOF_OF_INCOME")
        assert result.kind.value == document.kind
        got = result.json_fields()
        assert {name: got.get(name) for name in document.expected} == document.expected, document.name
        assert result.warnings == [], document.name


def test_an_unseen_layout_is_read_by_its_labels_and_the_payments_follow_from_the_annual_amount() -> None:
    fields, warnings = read((
        "Centro Nacional de Pensões", "Declaração de pensionista", "Beneficiário: José Manuel Pereira Lopes",
        "Contribuinte 245718931", "Montante ilíquido 812,40 EUR", "Retenção IRS 32,50", "Quotização sindical 4,00",
        "Total a receber 775,90", "Montante anual 11.373,60", "Data de emissão 02/11/2026",
    ))  # fmt: skip
    assert fields["gross_monthly_amount"] == Decimal("812.40")
    assert fields["deductions"] == Decimal("36.50")
    assert fields["net_monthly_amount"] == Decimal("775.90")
    # 11 373,60 / 812,40 = 14: the payments a year are not printed but the arithmetic says them.
    assert fields["payments_per_year"] == 14
    assert fields["pensioner_nif"] == "245718931" and fields["pensioner_name"] == "José Manuel Pereira Lopes"
    assert fields["issue_date"] == dt.date(2026, 11, 2)
    assert warnings == []


def test_amounts_that_do_not_add_up_are_flagged() -> None:
    _, warnings = read((
        "DECLARAÇÃO DE PENSÃO", "NIF 245718931", "Valor mensal da pensão 1.000,00", "IRS 40,00",
        "Valor líquido 990,00", "Paga em 14 prestações", "Lisboa, 3 de novembro de 2026",
    ))  # fmt: skip
    assert "arithmetic_mismatch" in warnings


def test_a_public_servants_payslip_with_a_cga_deduction_is_still_a_payslip() -> None:
    text = "RECIBO DE VENCIMENTO\nVencimento base 1.800,00\nCaixa Geral de Aposentações 11% 198,00\nIRS 250,00"
    assert classify(text) == DocumentKind.RECIBO_VENCIMENTO


def test_the_remote_schema_asks_for_the_pension_and_activity_fields() -> None:
    properties = extraction_schema("PROOF_OF_INCOME")["properties"]
    assert {"gross_monthly_amount", "net_monthly_amount", "payments_per_year", "pensioner_nif", "start_date"} <= set(
        properties
    )
    assert "DECLARACAO_PENSAO" in properties["kind"]["enum"]


@pytest.mark.parametrize("ends", [None, dt.date(2027, 8, 31)])
def test_an_employer_declaration_is_read_exactly_from_its_pdf_and_never_wrongly_from_its_scan(
    ends: dt.date | None,
) -> None:
    person = make_person(random.Random(71), TODAY)
    declaration = employer_declaration_pdf(person, employer=("Tecnoforma - Soluções Informáticas, Lda.", "508192030"),
                                           started=dt.date(2021, 3, 1), gross=Decimal("1512.40"),
                                           issued=dt.date(2026, 11, 15), ends=ends)  # fmt: skip
    result = LocalExtractor().extract(declaration.data, document_type="PROOF_OF_INCOME")
    assert result.kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    got = result.json_fields()
    assert {name: got.get(name) for name in declaration.expected} == declaration.expected
    assert result.warnings == []
    # A scan may lose a field to OCR ("1.512,40" read "1.51 2,40", "ilíquida" read "líquida"): left out, never wrong.
    scanned = scan(declaration, rng=random.Random(72))
    result = LocalExtractor().extract(scanned.data, document_type="PROOF_OF_INCOME")
    assert result.kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    got = result.json_fields()
    wrong = {name: got.get(name) for name, value in scanned.expected.items() if got.get(name) not in {value, None}}
    assert wrong == {}
    assert got["monthly_net_salary"] is None
    assert {"employee_nif", "employer_nif", "contract_type", "start_date", "issue_date"} <= {
        name for name, value in got.items() if value is not None
    }
