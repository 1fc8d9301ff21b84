"""Blind probe r56a, findings 2 and 8: scans and photos of grid payslips. A phone's photo read the employee's first
name in lower case ("joana ..."), and it was dropped as a leader's remains: a wrong name, the rest of it. A JPEG of
a grid read its period's cells with the rule between caption and value ("Mês | 11 Ano 2026"): the period unread. A
photo of a two-column header joined the next column's caption to the employee's name: the name unread."""

from __future__ import annotations

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line


def photo(*texts: str) -> list[Line]:
    return [Line(text, 0.8) for text in texts]


def grid_slip(period_row: str, employee_row: str) -> list[Line]:
    return photo(
        period_row,
        "[Entidade | Carpintaria Alves & Brito, Lda. NIF 558887180",
        employee_row,
        "[Categoria | Carpinteiro [niss 12345678901",
        "Cód. | Descrição Qtd. Abonos Descontos Moeda",
        "R01 | Vencimento base | 30,00 | 1.200,00 €",
        "D01 | Segurança Social | 11,00% | 132,00 €",
        "D02 | IRS | 8,00% | 96,00 €",
        "Totais | 1.200,00 | 228,00 €",
        "Líquido a receber | 972,00 €",
    )


def test_a_first_name_whose_capital_the_photo_read_small_is_kept() -> None:
    parsed = parse_payslip(
        grid_slip("[RECIBO DE VENCIMENTO | Mês 4 Ano 2026", "[Trabalhador | jorge Manuel Brito Sousa [NIF 275749118")
    )
    assert parsed.fields["employee_name"] == "Jorge Manuel Brito Sousa"
    parsed = parse_payslip(
        grid_slip("[RECIBO DE VENCIMENTO | Mês 4 Ano 2026", "[Trabalhador | paula Cristina Brito Sousa [NIF 275749118")
    )
    assert parsed.fields["employee_name"] == "Paula Cristina Brito Sousa"


def test_a_grid_s_month_and_year_read_with_its_rules_are_the_period() -> None:
    parsed = parse_payslip(
        grid_slip("RECIBO DE VENCIMENTO | Mês | 4 Ano | 2026", "[Trabalhador | Jorge Manuel Brito Sousa [NIF 275749118")
    )
    assert parsed.fields["period"] == "2026-04"
    parsed = parse_payslip(
        grid_slip(
            "[RECIBO DE VENCIMENTO [mes | 04 |Ano | 2026", "[Trabalhador | Jorge Manuel Brito Sousa [NIF 275749118"
        )
    )
    assert parsed.fields["period"] == "2026-04"


def test_a_name_over_its_nif_keeps_clear_of_the_next_column_s_caption() -> None:
    """A photo of a two-column header: the name with no caption, OCR joining the right column's "Categoria: ..." to
    it, over the line of the employee's NIF."""
    parsed = parse_payslip(
        photo(
            "Fundição do Caima, S.A. [ RECIBO DE VENCIMENTO |",
            "Zona Industrial, 3700-100 São João da Madeira Período: 01/04/2026 a 30/04/2026 |",
            "Contribuinte: 558887180 | Taxa IRS: 8,00% |",
            "Rodrigo Tiago Salvador Moura Categoria: Torneiro mecânico",
            "Contribuinte: 275749118 Seg. Social: 12345678901 |",
            "R01 Vencimento base 30,00 1.200,00 |",
            "D01 Segurança Social 11,00% 132,00 |",
            "D02 IRS 8,00% 96,00 |",
            "Total ilíquido / Total descontos 1.200,00 228,00",
            "Líquido a receber (€) 972,00",
        )
    )
    assert parsed.fields["employee_name"] == "Rodrigo Tiago Salvador Moura"
