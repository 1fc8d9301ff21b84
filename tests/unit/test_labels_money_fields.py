"""Every amount a document holds prints as euros (the readable copy of a person's data, ADR 047): an employer's
declaration's "Salário mensal ilíquido" and an IRS return's "Rendimento bruto" printed "1538" and "21000" where the
payslip's "Líquido" printed "1 538,00 €". The amounts are read off the extraction schema, not listed by hand."""

from __future__ import annotations

import pytest
from django.utils import translation

from documents.extraction.schema import MONEY_FIELDS
from screening.labels import readable_value


@pytest.mark.parametrize(
    ("field", "value", "written"),
    [
        ("monthly_gross_salary", 1538.0, "1 538,00 €"),
        ("monthly_net_salary", 1210.5, "1 210,50 €"),
        ("gross_income", 21000.0, "21 000,00 €"),
        ("tax_paid", 1234.56, "1 234,56 €"),
        ("annual_amount", 9800, "9 800,00 €"),
        ("vat_amount", "230.00", "230,00 €"),
    ],
)
def test_an_amount_of_any_document_reads_as_euros(field: str, value: object, written: str) -> None:
    with translation.override("pt-pt"):
        assert readable_value(value, field=field).replace("\u00a0", " ") == written


@pytest.mark.parametrize(
    ("field", "value", "written"),
    [
        ("net_pay", 1538.0, "1 538,00 €"),  # already euros: unchanged
        ("payments_per_year", 14, "14"),  # a count, not money
        ("probation_days", 180, "180"),
        ("year", 2025, "2025"),
        ("date_of_birth", "1990-06-15", "15/06/1990"),
        ("period", "2026-10", "10/2026"),
        ("employer_nif", "503504564", "503504564"),
    ],
)
def test_what_is_not_an_amount_reads_as_before(field: str, value: object, written: str) -> None:
    with translation.override("pt-pt"):
        assert readable_value(value, field=field).replace("\u00a0", " ") == written


def test_the_amounts_are_the_schemas_decimal_fields_only() -> None:
    assert {"monthly_gross_salary", "gross_income", "net_pay", "amount_received"} <= MONEY_FIELDS
    assert not {"payments_per_year", "probation_days", "year", "nif", "period"} & MONEY_FIELDS
