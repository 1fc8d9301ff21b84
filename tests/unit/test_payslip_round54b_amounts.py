"""Blind probe r54b, how a payslip's amounts are read: a base of exactly "1 000,00" under a quantity column read as a
quantity of 1 and an amount of 0,00 (the base 0, at full confidence); a net printed with a minus read without it (an
advance of more than the month, counted as a month's pay); a row of totals of nothing ("TOTAIS 0,00 0,00") leaving
the gross unread. The lines are a text layer's, with names and figures of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from documents.extraction.parsers.payslip import amounts_in
from screening.rules.income import employment_source, payslip_checks
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 5)


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)


def slip(header: str, rows: str, totals: str, net: str) -> str:
    """A boxed table's slip: a letterhead, the worker, a caption restating the base, rows under a "Qtd." column."""
    return f"""Padaria Estrela do Norte, Lda.
Rua de Cedofeita, 210, 4050-174 Porto
NIF: 513226494
RECIBO DE VENCIMENTO
Período: Novembro 2026
Nome: Teresa Cristina Valadares Pinho
N.º Contribuinte: 232145679
{header}
Cód. Descrição Qtd. Abonos Descontos
{rows}
Totais {totals}
Líquido a receber: {net} €"""


# The header restates the base: read as "1" and "0,00" there too, the split reading made the earnings add up.
THOUSAND_BASE = slip(
    "Categoria: Padeira Vencimento base: 2 000,00 €",
    """010 Vencimento base 2 000,00
011 Prémio de produtividade 1 000,00
014 Subsídio de alimentação 21 d x 6,00 126,00
500 Segurança Social 11,00 % 343,86
501 IRS 12,0 % 375,12""",
    "3 126,00 718,98",
    "2 407,02",
)


def test_a_base_of_whole_thousands_under_a_quantity_column_is_read_whole() -> None:
    _, fields, warnings = read(THOUSAND_BASE)
    assert fields["base_salary"] == Decimal("2000.00")
    assert fields["gross_pay"] == Decimal("3126.00")
    assert fields["net_pay"] == Decimal("2407.02")
    assert "arithmetic_mismatch" not in warnings


def test_a_figure_group_starting_with_a_zero_is_never_a_quantity_and_an_amount() -> None:
    # Read without space-grouped thousands (a typed page whose quantity column groups them with dots): "12 000,00"
    # is twelve thousand, "1 050,00" one thousand and fifty; "22 132,00" is still 22 days and 132,00.
    assert [amount for *_, amount in amounts_in("Prémio anual 12 000,00", spaced_groups=False)] == [Decimal("12000.00")]
    assert [amount for *_, amount in amounts_in("Vencimento 30 1 050,00", spaced_groups=False)] == [Decimal("1050.00")]
    assert [amount for *_, amount in amounts_in("Subs. alimentação 22 132,00", spaced_groups=False)] == [
        Decimal("132.00")
    ]


# An advance paid on the 10th took more than the month paid, after unjustified absences: the worker owes the rest.
NEGATIVE_NET = slip(
    "Categoria: Ajudante de padaria Vencimento base: 900,00 €",
    """010 Vencimento base 900,00
011 Faltas injustificadas (12 dias) -360,00
014 Subsídio de alimentação 10 d x 6,00 60,00
500 Segurança Social 11,00 % 59,40
501 Adiantamento por conta (pago em 10/11) 700,00""",
    "600,00 759,40",
    "-159,40",
)


def test_a_net_printed_with_a_minus_is_read_negative_and_said_so() -> None:
    _, fields, warnings = read(NEGATIVE_NET)
    assert fields["gross_pay"] == Decimal("600.00")
    assert fields["net_pay"] == Decimal("-159.40")
    assert "net_negative" in warnings
    # It adds up with its sign: gross 600,00 less 759,40 of deductions.
    assert "arithmetic_mismatch" not in warnings


def test_a_dash_before_a_net_the_rows_make_positive_is_no_minus() -> None:
    # "Líquido a receber: -1.059,40": the rows make +1.059,40 (a leader's dash stuck to the figure).
    text = NEGATIVE_NET.replace("501 Adiantamento por conta (pago em 10/11) 700,00\n", "").replace(
        "600,00 759,40", "600,00 59,40"
    )
    text = text.replace("-159,40", "-540,60")
    _, fields, warnings = read(text)
    assert fields["net_pay"] == Decimal("540.60")
    assert "net_negative" not in warnings


# A monospace grid of an old payroll program: a whole month of unpaid leave, its row's minus after a quantity.
UNPAID_MONTH = """Oficina Mecânica Ribeiro & Lopes, Lda. RECIBO N.º 311/2026
Rua do Barreiro, 5, 3800-131 Aveiro NIF 514332875
NISS 20119987654 PERÍODO 10/2026
EMPREGADO : Nuno Alexandre Pires Lopes
CONTRIB. : 245718931 SEG.SOCIAL: 12345678901
VENC. BASE: 1.050,00
COD DESCRIÇÃO QUANT. ABONOS DESCONTOS
A01 Vencimento base 1.050,00
A02 Licença sem retribuição (31 dias) 31 d -1.050,00
D01 Segurança Social 11,00 % 0,00
TOTAIS 0,00 0,00
LÍQUIDO A PAGAR 0,00"""


def test_a_row_of_totals_of_nothing_gives_a_gross_of_zero() -> None:
    _, fields, warnings = read(UNPAID_MONTH)
    assert fields["gross_pay"] == Decimal("0.00")
    assert fields["net_pay"] == Decimal("0.00")
    assert "missing:gross_pay" not in warnings
    assert "nothing_paid" in warnings


def payslip(period: str, net: float, **fields: Any) -> dict[str, Any]:
    return {
        "document_id": f"p-{period}",
        "status": "EXTRACTED",
        "kind": "RECIBO_VENCIMENTO",
        "fields": {
            "employee_name": "Teresa Cristina Valadares Pinho",
            "employee_nif": "232145679",
            "period": period,
            "net_pay": net,
            **fields,
        },
        "warnings": ["net_negative"] if net < 0 else [],
    }


def test_a_month_with_a_negative_net_counts_as_nothing_never_below() -> None:
    applicant = {"nif": "232145679", "name": "Teresa Cristina Valadares Pinho", "date_of_birth": "1990-06-15"}
    documents = [
        payslip("2026-11", -159.40, regular_net_pay=-159.40),
        payslip("2026-10", 1200.0),
        payslip("2026-09", 1200.0),
    ]
    source = employment_source([(d, payslip_checks(d, applicant, today=TODAY)) for d in documents])
    # (0 + 1200 + 1200) x 14 / (12 x 3) = 933.33: the month counts as 0, not as -159,40 taken off the others.
    assert source.verified
    assert source.monthly == Decimal("933.33")
