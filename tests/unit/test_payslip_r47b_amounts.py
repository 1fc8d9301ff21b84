"""Payslip amounts of blind probe r47b. On a scan of an hours grid, a speck line OCR read as "CO Mem TD." was taken
for a year-to-date heading over the deductions' own heading ("Cód. Descontos Incidência Taxa Valor (€)"), so each
deduction lost its value and kept its incidence base: social security and IRS both read as 1.378,68, at full
confidence and with no warning, though together they took more than the gross. The lines are shaped as the reader
gives them, with names and figures of their own."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from documents.extraction.parsers import classify, parse_document
from documents.extraction.reader import Line
from documents.extraction.schema import fields_validate
from documents.extraction.validation import deductions_beyond_the_pay, parsed_revalidate, payslip_arithmetic_holds

SCAN_CONFIDENCE = 0.85


def read_scan(text: str) -> tuple[dict[str, Any], list[str]]:
    """A scan's lines (OCR's confidence) as the local extractor handles them: fields checked, and warnings."""
    kind = classify(text)
    lines = [Line(line, SCAN_CONFIDENCE) for line in text.splitlines() if line.strip()]
    parsed = parse_document(kind, lines)
    fields = fields_validate(kind, parsed.fields)
    checked = parsed_revalidate(kind, fields, parsed, document_type="PROOF_OF_INCOME", today=None)
    return fields, [*parsed.warnings, *checked]


# An hours grid, then the deductions' table with an incidence and a rate column before the value; a speck between
# the two tables read as words ending "TD".
INCIDENCE_COLUMN = """Serralharia Vale Fundo, Lda. RECIBO DE VENCIMENTO
Rua das Oficinas 9 — 2400-137 Leiria - NIPC 507736397
Período de processamento: 01/10/2026 a 31/10/2026 Data de pagamento: 31/10/2026
Trabalhador n.º 0212: Rui Filipe Moura Cardoso
NIF: 286297132 NISS: 16642516743 Categoria: Serralheiro de 1.ª
Cód. Remunerações Horas/Dias Preço unit. Valor (€)
001 Remuneração horária 168,00 7,00 1 176,00
050 Subsídio de alimentação 21,00 6,00 126,00
CO Mem TD.
Cód. Descontos Incidência Taxa Valor (€)
ss Segurança Social 1 176,00 11,0% 129,36
IRS IRS 1 176,00 7,0% 82,32
Total ilíquido Total de descontos Líquido a receber
1 302,00 € 211,68 € 1 090,32 €"""


def test_a_deductions_value_is_read_from_its_own_tables_value_column_not_a_heading_above() -> None:
    fields, warnings = read_scan(INCIDENCE_COLUMN)
    assert (fields["social_security"], fields["irs_withholding"]) == (Decimal("129.36"), Decimal("82.32"))
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1302.00"), Decimal("1090.32"))
    assert "arithmetic_mismatch" not in warnings


def pay(**amounts: str) -> dict[str, Any]:
    return {name: Decimal(value) for name, value in amounts.items()}


def test_deductions_read_far_above_their_printed_total_or_above_the_gross_do_not_add_up() -> None:
    # Both read as the incidence base: the printed total holds with gross and net, the rows do not.
    wrong = pay(gross_pay="2270.68", net_pay="2023.42", social_security="1378.68", irs_withholding="1378.68")
    assert payslip_arithmetic_holds(wrong, total_deductions=Decimal("247.26")) is False
    assert deductions_beyond_the_pay(Decimal("1000.00"), Decimal("110.00"), Decimal("950.00"), total_deductions=None)


def test_other_deductions_in_the_total_and_an_irs_refund_netted_off_it_still_add_up() -> None:
    # A meal card's credit, an advance and a penhora only widen the total.
    card = pay(gross_pay="1310.00", net_pay="585.50", social_security="121.00", irs_withholding="93.50")
    assert payslip_arithmetic_holds(card, total_deductions=Decimal("724.50")) is True
    # A regularização of IRS given back, netted off the total: the rows read are above it, within reason.
    refund = pay(gross_pay="1500.00", net_pay="1280.00", social_security="165.00", irs_withholding="120.00")
    assert payslip_arithmetic_holds(refund, total_deductions=Decimal("220.00")) is True
    assert not deductions_beyond_the_pay(
        Decimal("1500.00"), Decimal("165.00"), Decimal("120.00"), total_deductions=Decimal("220.00")
    )
