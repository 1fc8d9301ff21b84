"""Payslips in layout families the parsers were not written against: amounts by structure and arithmetic,
subsidies apart, derived values marked, labels never taken for names."""

from __future__ import annotations

import datetime as dt
import io
import random
from decimal import Decimal
from typing import Any

import pytest

from applicants.text import fold
from documents.extraction.local import LocalExtractor
from documents.extraction.schema import ExtractionResult
from samples.payslips import FAMILIES, Payroll, family_payslip, payslip_family_corpus
from samples.synthetic import make_person, scan

pytestmark = pytest.mark.ocr

TODAY = dt.date(2026, 11, 23)
CORPUS = payslip_family_corpus(today=TODAY, per_family=2)


def extract(document: Any) -> ExtractionResult:
    return LocalExtractor().extract(document.data, document_type=document.document_type)


def wrong_fields(document: Any, result: ExtractionResult) -> dict[str, Any]:
    got = result.json_fields()
    wrong = {}
    for name, expected in document.expected.items():
        value = got.get(name)
        derived_cents = name == "regular_net_pay" and value is not None
        ok = abs(value - expected) <= 0.05 if derived_cents else fold(str(value)) == fold(str(expected))
        if not ok:
            wrong[name] = (expected, value)
    return wrong


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_family_is_read_exactly_from_its_text_layer(family: str) -> None:
    for document in [d for d in CORPUS if f"family:{family}" in d.tags]:
        result = extract(document)
        assert result.kind.value == "RECIBO_VENCIMENTO"
        assert not wrong_fields(document, result)
        assert "arithmetic_mismatch" not in result.warnings


def test_scans_of_every_family_are_read() -> None:
    rng = random.Random(9)
    firsts = [next(d for d in CORPUS if f"family:{family}" in d.tags) for family in sorted(FAMILIES)]
    for document in firsts:
        scanned = scan(document, rng=rng)
        result = extract(scanned)
        assert result.method == "ocr"
        assert not wrong_fields(scanned, result), scanned.tags


def slip(family: str, payroll: Payroll, seed: int = 3) -> Any:
    person = make_person(random.Random(seed), TODAY)
    return family_payslip(
        family, person, dt.date(2026, 6, 1), base=payroll.base, rng=random.Random(seed), payroll=payroll
    )


@pytest.mark.parametrize("family", ["coded_table", "two_columns", "summary_line"])
def test_a_subsidy_month_gives_the_subsidy_and_the_regular_net_apart(family: str) -> None:
    payroll = Payroll(base=Decimal("1800"), meal_days=21, meal_per_day=Decimal("7.63"), irs_rate=Decimal("0.134"),
                      subsidy_name="Subsídio de Férias")  # fmt: skip
    result = extract(slip(family, payroll))
    assert result.fields["subsidy_amount"] == Decimal("1800.00")
    assert result.fields["net_pay"] == payroll.net
    assert abs(result.fields["regular_net_pay"] - payroll.regular_net) <= Decimal("0.05")
    assert "derived:regular_net_pay" in result.warnings
    assert result.confidence["regular_net_pay"] < result.confidence["net_pay"]


def test_duodecimos_are_part_of_the_regular_net() -> None:
    payroll = Payroll(base=Decimal("1500"), meal_days=20, meal_per_day=Decimal("6.00"), irs_rate=Decimal("0.115"),
                      twelfths=True)  # fmt: skip
    result = extract(slip("two_pages", payroll))
    assert result.fields["subsidy_twelfths_amount"] == Decimal("250.00")
    assert result.fields["subsidy_amount"] is None
    assert result.fields["regular_net_pay"] == result.fields["net_pay"] == payroll.net


def test_gross_pay_not_printed_is_derived_from_the_rows_and_marked() -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    rows = ["Recibo de Vencimento - Outubro 2026", "Nome: Ana Sofia Santos   NIF 245718931",
            "Vencimento base 1.500,00", "Subsídio de refeição 132,00", "Segurança Social 165,00",
            "IRS 172,50", "Líquido a receber 1.294,50"]  # fmt: skip
    for index, row in enumerate(rows):
        pdf.drawString(60, 780 - 18 * index, row)
    pdf.save()
    result = LocalExtractor().extract(buffer.getvalue(), document_type="PROOF_OF_INCOME")
    assert result.fields["gross_pay"] == Decimal("1632.00")
    assert "derived:gross_pay" in result.warnings
    assert result.confidence["gross_pay"] < 0.9
    assert result.fields["net_pay"] == Decimal("1294.50")
    assert "arithmetic_mismatch" not in result.warnings


def test_a_deduction_label_below_the_employee_label_is_never_the_name() -> None:
    for document in [d for d in CORPUS if "family:summary_line" in d.tags]:
        result = extract(document)
        assert result.fields["employee_name"] == document.expected["employee_name"]
        assert "social" not in fold(result.fields["employee_name"])


def test_year_to_date_figures_are_not_taken_for_the_month() -> None:
    for document in [d for d in CORPUS if "family:header_value_rows" in d.tags]:
        result = extract(document)
        assert result.fields["gross_pay"] == Decimal(str(document.expected["gross_pay"])).quantize(Decimal("0.01"))
