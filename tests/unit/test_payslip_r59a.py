"""Blind probe r59a, payslip findings. Finding 2: back pay whose caption ran past its column ("Retroativos ...
(atualização" over "salarial) 10 350,00") in a table with a quantity column was read by the caption's tail alone and
kept in the month's regular net. Finding 3: a phone photo's worker name took the next caption's words ("N.º
Contribuinte" read "Nscontribuinte")."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers.payslip import read_page
from documents.extraction.reader import Line
from tests.helpers import payslip_rows_checked, slip_totals

checked = payslip_rows_checked
totals = slip_totals

# 1 250,00 + 210,00 + 126,00; social security 11 % of 1 460,00; IRS 120,45. The back pay's net, at the month's rate
# (120,45 over 1 460,00): 210,00 - 23,10 - 17,33 = 169,57.
SLIP_TOTALS = totals("1.586,00", "281,05", "1.304,95")
REGULAR_NET = Decimal("1135.38")


def test_back_pay_whose_coded_caption_wraps_before_its_figures_is_left_out_of_the_regular_net() -> None:
    rows = """Cód. Descrição Qtd. Abonos Descontos
A01 Vencimento base 30 1.250,00
A09 Retroativos de março a
setembro 7 210,00
A15 Subsídio de alimentação 21 126,00
B01 Segurança Social (11%) 160,60
B02 IRS 120,45"""
    fields, warnings = checked(rows, SLIP_TOTALS)
    assert fields["net_pay"] == Decimal("1304.95")
    assert fields["regular_net_pay"] == REGULAR_NET
    assert "derived:regular_net_pay" in warnings
    assert "arithmetic_mismatch" not in warnings


def test_back_pay_whose_reason_in_brackets_wraps_is_left_out_of_the_regular_net() -> None:
    rows = """Retroativos mar-set/2026 (revisão da
tabela salarial) 7 210,00
Vencimento base 30 1.250,00
Subsídio de alimentação 21 126,00
Segurança Social (11%) 160,60
IRS 120,45"""
    fields, warnings = checked(rows, SLIP_TOTALS)
    assert fields["regular_net_pay"] == REGULAR_NET
    assert "derived:regular_net_pay" in warnings


def test_a_wrapped_row_head_gives_the_row_its_whole_caption() -> None:
    page = read_page(
        [
            Line(text, 1.0)
            for text in (
                "Cód. Descrição Qtd. Abonos Descontos",
                "A01 Vencimento base 30 1.250,00",
                "A09 Retroativos jan-set/2026 (nova",
                "tabela) 9 210,00",
            )
        ]
    )
    back_pay = next(segment for segment in page.segments if segment.value == Decimal("210.00"))
    assert back_pay.label.startswith("A09 Retroativos")


def test_a_row_on_its_own_line_below_a_heading_keeps_its_caption() -> None:
    # Guard (passes either way): a section's heading over a row in capitals heads nothing.
    page = read_page([Line(text, 1.0) for text in ("Descontos (do trabalhador", "IRS 120,45")])
    assert [segment.label for segment in page.segments] == ["IRS"]


def photo_slip(name_line: str) -> list[Line]:
    return [
        Line(text, 0.8)
        for text in (
            "Padaria Estrela do Norte, Lda.",
            "NIF 509876543",
            "RECIBO DE VENCIMENTO — Outubro de 2026",
            name_line,
            "| Categoria: Pasteleira NS Seg. Social: 11022334455 |",
            "Vencimento base 30 980,00",
            "Segurança Social 107,80",
            "Líquido a receber: 872,20 €",
        )
    ]


def employee_name(name_line: str) -> object:
    from documents.extraction.parsers.payslip import parse_payslip

    return parse_payslip(photo_slip(name_line)).fields.get("employee_name")


def test_a_number_sign_glued_to_the_next_caption_is_no_part_of_the_name() -> None:
    assert employee_name("|Nome: Inês Carolina Matos Faria |NSContribuinte:276543210 |)") == "Inês Carolina Matos Faria"
    assert employee_name("Nome: Inês Carolina Matos Faria NºNIF: 276543210") == "Inês Carolina Matos Faria"


def test_a_number_sign_misread_before_the_next_caption_is_no_surname() -> None:
    for sign in ("NS", "Ns", "No"):
        line = f"Nome: Inês Carolina Matos Faria {sign} Contribuinte: 276543210"
        assert employee_name(line) == "Inês Carolina Matos Faria", sign
    assert employee_name("Nome: Inês Carolina Matos Faria NS NIF: 276543210") == "Inês Carolina Matos Faria"


def test_surnames_beginning_with_n_are_kept() -> None:
    # Guard (passes either way): a name's own words starting with N are no sign and no caption.
    assert employee_name("Nome: Nuno Nogueira Novais Nóbrega Contribuinte: 276543210") == "Nuno Nogueira Novais Nóbrega"


def test_a_grid_s_rule_read_as_letters_before_the_month_s_caption_leaves_the_period_read() -> None:
    # The rule left of "Mês" in a photographed grid, read "Il" and glued to the caption.
    lines = [
        Line(text, 0.75)
        for text in (
            "RECIBO DE VENCIMENTO Ilmês | 09 Ano 2026",
            "Entidade Serralharia Costa & Filhos, Lda. NIF 509876543",
            "Vencimento base 30,00 | 1.150,00 €",
            "Segurança Social 11,00% 126,50 €",
            "Líquido a receber 1.023,50 €",
        )
    ]
    from documents.extraction.parsers.payslip import parse_payslip

    assert parse_payslip(lines).fields.get("period") == "2026-09"
