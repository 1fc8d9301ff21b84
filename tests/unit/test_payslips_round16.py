"""Payslips the blind probe of round 16 misread: the word printed before the employee's name kept in it (the English
half of a bilingual caption, a job title, the end of a bracketed note), a fax's colon after the name sending the
reader to the town on the employer's line, a landscape grid with a column per quantity read by position, a gross
row carrying the deductions' total too, and periods printed as 'Ref.ª 2026 · 08' or as a range of days in a grid's
cell. The texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)

ROWS = """Vencimento base 1.150,00
Subsídio de refeição 132,00
Total ilíquido 1.282,00
Segurança Social 126,50
IRS 61,00
Líquido a receber 1.094,50"""


def read(text: str) -> dict:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)[1]


def payslip(employee_line: str, period: str = "Recibo de vencimento — setembro 2026") -> str:
    return f"""Serralharia Fonte Nova, Lda.
NIPC 594904102
{period}
{employee_line}
{ROWS}"""


@pytest.mark.parametrize("caption", ["Trabalhadora / Worker:", "Funcionária / Staff:"])
def test_a_bilingual_captions_english_half_is_no_part_of_the_name(caption: str) -> None:
    fields = read(payslip(f"{caption} Ionela Maria Popescu NIF / Tax no.: 257746374"))
    assert fields["employee_name"] == "Ionela Maria Popescu"


@pytest.mark.parametrize("title", ["Enfermeira", "Rececionista", "Técnica", "Cozinheira", "Professora"])
def test_a_job_title_before_the_name_is_no_part_of_it(title: str) -> None:
    fields = read(payslip(f"{title} Ionela Maria Popescu · NIF 257746374"))
    assert fields["employee_name"] == "Ionela Maria Popescu"


def test_a_bracketed_note_before_the_name_is_no_part_of_it() -> None:
    fields = read(payslip("Formadora (Inglês e Francês) Ionela Maria Popescu NIF 257746374"))
    assert fields["employee_name"] == "Ionela Maria Popescu"


def test_guard_a_profession_word_inside_the_name_stays() -> None:
    """The guard: only a title opening the field is a post; a surname like one ("Pedreira") stays."""
    fields = read(payslip("Rui Pedreira Carpinteiro · NIF 245294031"))
    assert fields["employee_name"] == "Rui Pedreira Carpinteiro"


def test_a_fax_colon_after_the_name_does_not_send_the_reader_to_the_employers_town() -> None:
    text = (
        """Serralharia Fonte Nova, Lda. Recibo : 2026/09
NIPC 594904102 - Vila Nova de Gaia
Serralheiro de 1.ª - Bernardo Sacadura Lima : NIF- 306433044
"""
        + ROWS
    )
    assert read(text)["employee_name"] == "Bernardo Sacadura Lima"


def test_guard_a_role_before_a_colon_is_still_no_name() -> None:
    """The guard: a colon with a name after it still ends the role before it ("Motorista: NAME")."""
    fields = read(payslip("Motorista: Bernardo Sacadura Lima · NIF 306433044"))
    assert fields["employee_name"] == "Bernardo Sacadura Lima"


GRID = """Quinta das Lezírias, CRL
NIPC 561576823
Recibo de vencimento — 2026-09
Trabalhador: Arjun Singh Bhatti · Contribuinte: 394029070
Rubrica Valor ilíquido {base_column}Seg. Social IRS Líquido
Vencimento 1.040,00 {base_1}114,40
Prémio de assiduidade 60,00 {base_2}6,60
Subsídio de refeição 110,00 {base_3}0,00
Retenção IRS 35,00
TOTAL 1.210,00 {base_total}121,00 35,00 1.054,00"""


@pytest.mark.parametrize("with_base", [True, False])
def test_a_grid_with_a_column_per_quantity_is_read_by_its_headings(with_base: bool) -> None:
    cells = ("Incidência SS ", "1.040,00 ", "60,00 ", "0,00 ", "1.100,00 ") if with_base else ("",) * 5
    text = GRID.format(**dict(zip(["base_column", "base_1", "base_2", "base_3", "base_total"], cells, strict=True)))
    fields = read(text)
    assert fields["base_salary"] == 1040
    assert fields["gross_pay"] == 1210
    assert fields["social_security"] == 121
    assert fields["irs_withholding"] == 35
    assert fields["net_pay"] == 1054


def test_guard_a_summary_heading_over_a_row_of_figures_still_fills_by_column() -> None:
    """The guard: a heading over a bare row of figures (no row labels) is read as before."""
    text = """Quinta das Lezírias, CRL
NIPC 561576823
Recibo de vencimento — 2026-09
Trabalhador: Arjun Singh Bhatti · Contribuinte: 394029070
Vencimento base 1.210,00
Ilíquido Seg. Social IRS Líquido
1.210,00 133,10 35,00 1.041,90"""
    fields = read(text)
    assert fields["gross_pay"] == 1210
    assert fields["social_security"] == Decimal("133.10")
    assert fields["net_pay"] == Decimal("1041.90")


# A cleaner's payslip whose gross row also carries the deductions' total; the last two lines are each test's.
BOTH_TOTALS = """Limpezas Costa Azul, Lda.
NIF 585372446 · Período: 2026/09
Nome: Ionela Maria Popescu NIF: 257746374
Remuneração base 1.150,00
Trabalho noturno (25%) 132,00
Segurança Social 126,50
IRS 61,00
"""


def test_a_gross_row_carrying_the_deductions_total_too_gives_both() -> None:
    text = BOTH_TOTALS + "Total ilíquido 1.282,00 187,50\nValor líquido 1.094,50"
    fields = read(text)
    assert fields["gross_pay"] == 1282
    assert fields["base_salary"] == 1150
    assert fields["net_pay"] == 1094.5


def test_a_reference_year_and_month_parted_by_a_middle_dot_is_the_period() -> None:
    fields = read(payslip("Trabalhadora: Ionela Maria Popescu NIF 257746374", "Folha de remuneração Ref.ª 2026 · 09"))
    assert fields["period"] == "2026-09"


def test_a_range_of_days_in_a_grid_cell_is_the_period() -> None:
    text = (
        """Serralharia Fonte Nova, Lda.
NIPC 594904102
RECIBO DE VENCIMENTO
Nome N.º Categoria Período
Ionela Maria Popescu 4410 Soldadora 01-09 a 30-09-2026
NIF NISS
257746374 12345678901
"""
        + ROWS
    )
    assert read(text)["period"] == "2026-09"


def test_guard_a_forged_gross_the_earnings_do_not_make_still_fails_the_arithmetic() -> None:
    """The guard: a gross row's two amounts are read as both totals only when the earning rows above make the
    first; a forged 'Total ilíquido' the rows do not add up to is still an arithmetic mismatch."""
    text = BOTH_TOTALS + "Total ilíquido 1.982,00 187,50\nValor líquido 1.794,50"
    _, _, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert "arithmetic_mismatch" in warnings
