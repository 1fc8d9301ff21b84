"""Blind probe r56a, finding 5: a scan of a landscape sheet printing one payslip twice side by side ("Original" |
"Duplicado"). OCR reads each row of both copies as one line; read as two payslips, the scan was flagged
``multiple_payslips`` with no other month to count, and the rows that did not part as two slips' do (the name's, the
NIFs') were left out: six fields lost. Two copies of one payslip are one payslip, read from its first copy."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line

# One copy's rows, as a scan's OCR reads them: each row of the left copy, then the right copy's, with the specks OCR
# reads at each copy's edge (":", "'", "!", "|").
COPY = [
    "Serralharia Vale do Sousa, Lda. Recibo de Vencimento",
    "Rua do Souto, 7, 4580-112 Paredes Período 2026/04 Data Fecho 28/04/2026",
    "Contribuinte N.º 558887180",
    "Nome N.º Contribuinte N.º Benef. S. Social",
    "Vítor Hugo Sampaio Antunes 275749118 12345678901",
    "Categoria Vencimento Venc./Hora",
    "Serralheiro 1.120,00 6,46",
    "Cód. Descrição Qtd./Taxa Remunerações Descontos",
    "R01 Vencimento 30,00 1.120,00",
    "R12 Subs. Refeição 21,00 126,00",
    "D01 Segurança Social 11,00% 123,20",
    "D02 IRS 6,10% 68,32",
    "Totais | 1.246,00 | 191,52 |",
    "Forma de pagamento: Transferência Total Pago (EUR)",
    "IBAN PT50 0035 0123 4567 8901 2345 6 1.054,48 |",
    "Declaro que recebi a quantia constante deste recibo.",
]
LEFT_SPECKS = [": ", ": ", ": ", "* ", "à ", ": ", ": ", "| ", ": ", ": ", "* ", ":* ", "", "' ", "", "' "]
RIGHT_SPECKS = [": ", "' : ", "' ", "! ' ", "", ": ", "! : ", "| || ", "- ", ": ", ": * ", "| | ", "", "' ", "", "! ' "]


def side_by_side(left: list[str], right: list[str]) -> list[Line]:
    rows = [
        f"{left_speck}{one} {right_speck}{other}"
        for left_speck, one, right_speck, other in zip(LEFT_SPECKS, left, RIGHT_SPECKS, right, strict=True)
    ]
    return [Line("Original Duplicado", 0.8), *(Line(row, 0.82) for row in rows)]


def test_one_payslip_printed_twice_side_by_side_is_one_payslip_read_whole() -> None:
    misread = [row.replace("R01", "RO1").replace("D01", "D0l") for row in COPY]
    parsed = parse_payslip(side_by_side(COPY, misread))
    assert "multiple_payslips" not in parsed.warnings
    assert parsed.fields["employee_name"] == "Vítor Hugo Sampaio Antunes"
    assert (parsed.fields["employee_nif"], parsed.fields["employer_nif"]) == ("275749118", "558887180")
    assert parsed.fields["base_salary"] == Decimal("1120.00")
    assert parsed.fields["gross_pay"] == Decimal("1246.00")
    assert (parsed.fields["social_security"], parsed.fields["irs_withholding"]) == (Decimal("123.20"), Decimal("68.32"))
    assert parsed.fields["net_pay"] == Decimal("1054.48")


def test_two_months_side_by_side_are_still_two_payslips() -> None:
    """Guard (passes either way): the copies of one slip print the same dates and amounts; two months do not."""
    may = list(COPY)
    for old, new in {"2026/04": "2026/05", "28/04/2026": "29/05/2026", "68,32": "70,12", "191,52": "193,32",
                     "1.054,48": "1.052,68"}.items():  # fmt: skip
        may = [row.replace(old, new) for row in may]
    parsed = parse_payslip(side_by_side(COPY, may))
    assert "multiple_payslips" in parsed.warnings
    assert parsed.fields["period"] == "2026-05"
