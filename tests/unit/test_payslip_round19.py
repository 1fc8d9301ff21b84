"""Payslips the blind probe of round 19 misread: a slip printing the month's figures and the year to date in two
columns read the year to date as the month's (and lost the base salary), a technical code printed after
"ENTIDADE" taken for the employer over the company named with its legal form on the letterhead, and a slip whose
deduction rows do not add up to its printed total had its printed IRS replaced by what the total leaves, with
nothing said. The texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)

HEAD = """Carpintaria Serra da Lousã, Lda.
NIPC: 507123450
Recibo de vencimento Mês: Outubro 2026
Trabalhadora: Leonor Beatriz Quaresma
NIF: 234567813
"""
# (caption, the month's figure, the year to date) per row: the year to date is ten times the month.
ROWS = [
    ("Vencimento base", "1.410,00", "14.100,00"),
    ("Total Ilíquido", "1.410,00", "14.100,00"),
    ("Segurança Social", "155,10", "1.551,00"),
    ("IRS", "97,00", "970,00"),
    ("Líquido", "1.157,90", "11.579,00"),
]


def read(text: str) -> tuple[dict, list[str]]:
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    return fields, warnings


def two_columns(month: str, year_to_date: str, *, month_first: bool = True) -> str:
    heading = f"Descrição {month} {year_to_date}" if month_first else f"Descrição {year_to_date} {month}"
    rows = [f"{caption} {m} {y}" if month_first else f"{caption} {y} {m}" for caption, m, y in ROWS]
    return HEAD + heading + "\n" + "\n".join(rows)


def assert_the_months_figures(fields: dict) -> None:
    assert fields["base_salary"] == Decimal("1410.00")
    assert fields["gross_pay"] == Decimal("1410.00")
    assert fields["social_security"] == Decimal("155.10")
    assert fields["irs_withholding"] == Decimal("97.00")
    assert fields["net_pay"] == Decimal("1157.90")


@pytest.mark.parametrize(
    ("month", "year_to_date", "month_first"),
    [
        ("Mês", "Acumulados (ano)", True),
        ("Mês", "Acumulados (ano)", False),
        ("Mês", "Acum.", True),
        ("Mês", "Total do ano", True),
        ("Valor", "Acumulado", False),
    ],
)
def test_the_months_column_is_read_beside_a_year_to_date_column(
    month: str, year_to_date: str, month_first: bool
) -> None:
    fields, _ = read(two_columns(month, year_to_date, month_first=month_first))
    assert_the_months_figures(fields)


@pytest.mark.parametrize(
    ("month", "year_to_date", "month_first"),
    [("Valor", "Acumulado", True), ("Mês", "Acum.", False), ("Mês", "Total do ano", False)],
)
def test_guard_the_months_column_read_before_stays_read(month: str, year_to_date: str, month_first: bool) -> None:
    """The guard (passes before the fix too): the layouts whose month's column was already read, the year to date
    after it under a heading known as such, or the month's column last."""
    fields, _ = read(two_columns(month, year_to_date, month_first=month_first))
    assert_the_months_figures(fields)


def test_guard_year_to_date_figures_a_row_below_stay_out() -> None:
    """The guard (passes before the fix too): a slip printing its year to date as a row under the month's totals
    ("Mês ..." / "Acumulado ...") reads the month's."""
    text = (
        HEAD
        + """Vencimento base 1.410,00
Segurança Social 155,10
IRS 97,00
Ilíquido Descontos Líquido
Mês 1.410,00 252,10 1.157,90
Acumulado 14.100,00 2.521,00 11.579,00"""
    )
    fields, _ = read(text)
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1410.00"), Decimal("1157.90"))


SAP_STYLE = """TRANSPORTES VALE DO SORRAIA, S.A.
NIF 513987657 ENTIDADE 0200 AREA PROC. PT02
RECIBO DE REMUNERACOES PERIODO 09.2026
EMPREGADO 00031877 DUARTE MIGUEL SARMENTO
NIF 219876541
Vencimento Base 1.230,00
Seg. Social 135,30
IRS 88,00
TOTAL BRUTO 1.230,00
TOTAL DESCONTOS 223,30
LIQUIDO 1.006,70"""


def test_the_letterhead_company_wins_over_a_code_labelled_entidade() -> None:
    fields, _ = read(SAP_STYLE)
    assert fields["employer_name"] == "TRANSPORTES VALE DO SORRAIA, S.A."


def test_guard_a_company_after_the_entidade_label_is_still_the_employer() -> None:
    """The guard (passes before the fix too): a label whose value is a company with its legal form names it."""
    text = SAP_STYLE.replace("ENTIDADE 0200 AREA PROC. PT02", "ENTIDADE Sorraia Logística, Lda.")
    fields, _ = read(text)
    assert fields["employer_name"] == "Sorraia Logística, Lda."


UNEVEN = """Jardins do Mondego, Lda.
NIF 507123450
Recibo de Vencimento - Outubro 2026
Nome: Leonor Beatriz Quaresma
NIF: 234567813
Vencimento Base 940,00
Total Ilíquido 940,00
Segurança Social 103,40
IRS 30,00
Total Descontos 163,40
Líquido a Receber 776,60"""


def test_deduction_rows_that_do_not_make_the_printed_total_keep_their_amounts_and_are_flagged() -> None:
    # 103,40 + 30,00 is not 163,40: the slip does not add up; IRS is what it prints, not the 60,00 the total leaves.
    fields, warnings = read(UNEVEN)
    assert fields["irs_withholding"] == Decimal("30.00")
    assert fields["social_security"] == Decimal("103.40")
    assert "arithmetic_mismatch" in warnings
    assert "derived:irs_withholding" not in warnings


def test_guard_deduction_rows_that_make_the_total_raise_nothing() -> None:
    """The guard (passes before the fix too): the same slip, its rows adding up, is consistent."""
    fields, warnings = read(UNEVEN.replace("IRS 30,00", "IRS 60,00"))
    assert fields["irs_withholding"] == Decimal("60.00")
    assert "arithmetic_mismatch" not in warnings


def test_guard_a_scans_misread_irs_digit_is_still_put_right_by_the_total() -> None:
    """The guard (passes before the fix too): off a scan, where OCR may misread one digit ("60,00" read "30,00"), the
    IRS the printed total asks for still replaces it, marked derived; only a text layer's figures are kept."""
    from documents.extraction.parsers.payslip import parse_payslip
    from documents.extraction.reader import Line

    parsed = parse_payslip([Line(text, 0.93) for text in UNEVEN.splitlines()])
    assert parsed.fields["irs_withholding"] == Decimal("60.00")
    assert "derived:irs_withholding" in parsed.warnings


def test_a_scans_deduction_row_ocr_could_not_read_as_an_amount_is_no_mismatch() -> None:
    """Off a scan, a deduction row whose comma OCR lost ("ADSE 3,5% 6393") leaves a gap between the rows read and
    the printed total that gross less total deductions still closes: a misread, not a slip that does not add up
    (round 18's public-sector scan was flagged by the first version of the check above)."""
    from documents.extraction.parsers.payslip import parse_payslip
    from documents.extraction.reader import Line

    lines = [
        "Agrupamento de Escolas do Norte NIPC 600123464",
        "Nome: Rita Marques Lobo",
        "Remuneração base 1826,44",
        "Total de abonos 1.826,44",
        "CGA Quota 11% 200,91",
        "ADSE 3,5% 6393",
        "IRS 292,00",
        "Total de descontos 556,84",
        "Líquido a abonar 1.269,60",
    ]
    parsed = parse_payslip([Line(text, 0.7) for text in lines])
    assert (parsed.fields["gross_pay"], parsed.fields["net_pay"]) == (Decimal("1826.44"), Decimal("1269.60"))
    assert "arithmetic_mismatch" not in parsed.warnings
