"""Blind probe r81b: small employers' payslips printing some rows in whole euros ("1.250", "118") beside others
with cents. Those rows were not read: a Natal subsidy unseen and its month counted whole, an IRS row unread and a
slip that adds up said not to. And the subsidy's own IRS row abbreviated ("Ret. IRS SN") was not taken for it.
Names, captions and figures of our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from applicants.text import fold
from documents.extraction.parsers.payslip import SUBSIDY_NAMED, role_of
from screening.rules.income import payslip_net
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 8)


def read(text: str) -> tuple[dict, list[str]]:
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    return fields, warnings


def money(*amounts: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(amount) for amount in amounts)


HOLIDAY_MONTH = """Serralharia Monte Claro, Lda.
NIPC 509384721
Recibo de vencimento - Junho 2026
Funcionário: Hélder Manuel Quintas Rebelo
NIF: 219485736
Ordenado {base}
Sub. alimentação 21 dias 126,00
Sub. de Férias {subsidy}
Total ilíquido 2.486,00
Seg. Social 11% 259,60
Ret. IRS {irs}
{subsidy_irs_caption} 102,00
Total descontos 458,60
Líquido a receber 2.027,40"""


def holiday_month(
    base: str = "1.180", subsidy: str = "1.180 €", irs: str = "97", subsidy_irs_caption: str = "IRS S.F."
) -> str:
    return HOLIDAY_MONTH.format(base=base, subsidy=subsidy, irs=irs, subsidy_irs_caption=subsidy_irs_caption)


def test_whole_euro_rows_beside_rows_with_cents_are_read_where_the_totals_say_so() -> None:
    fields, warnings = read(holiday_month())
    assert (fields["base_salary"], fields["subsidy_amount"], fields["gross_pay"]) == money("1180", "1180", "2486")
    assert (fields["social_security"], fields["irs_withholding"], fields["net_pay"]) == money(
        "259.60", "199", "2027.40"
    )
    # The month's pay without the holiday subsidy's own net (1 180 - 129,80 SS - 102,00 of its own IRS).
    assert fields["regular_net_pay"] == Decimal("1079.20")
    assert "arithmetic_mismatch" not in warnings
    assert "subsidy_unread" not in warnings


def test_whole_euros_without_a_dot_and_with_a_dash_for_cents() -> None:
    fields, warnings = read(holiday_month(base="1180", subsidy="1.180,-", irs="97 EUR"))
    assert (fields["base_salary"], fields["subsidy_amount"], fields["irs_withholding"]) == money("1180", "1180", "199")
    assert "arithmetic_mismatch" not in warnings


def test_guard_a_figure_that_makes_no_total_is_no_amount() -> None:
    """Hours, days or a year ending an earning's row are left unread when the totals do not say they are money;
    the rows with cents that make the totals are read as before."""
    text = """Oficina do Largo, Lda.
NIPC 509384721
Recibo - Outubro 2026
Nome: Hélder Manuel Quintas Rebelo
Vencimento base 1.100,00
Horas extra 8
Trabalho suplementar (8 h) 63,44
Total ilíquido 1.163,44
Seg. Social 11% 127,98
IRS 2026
Retenção IRS 88,00
Total descontos 215,98
Líquido 947,46"""
    fields, warnings = read(text)
    assert (fields["base_salary"], fields["gross_pay"], fields["irs_withholding"]) == money("1100", "1163.44", "88")
    assert fields["net_pay"] == Decimal("947.46")
    assert "arithmetic_mismatch" not in warnings


def test_a_subsidy_captioned_and_not_read_is_said_and_its_month_not_counted_as_regular() -> None:
    """Totals that no reading makes (a misprint, a misread figure) leave the whole-euro subsidy unread: said, and its
    month not counted at a net holding it."""
    text = holiday_month().replace("Total ilíquido 2.486,00", "Total ilíquido 2.468,00")
    fields, warnings = read(text)
    assert fields["subsidy_amount"] is None
    assert "subsidy_unread" in warnings
    assert payslip_net({"fields": fields, "warnings": warnings}) is None


def test_guard_a_subsidy_read_or_paid_in_twelfths_says_nothing() -> None:
    _, warnings = read(holiday_month())
    assert "subsidy_unread" not in warnings
    text = """Farmácia do Adro, Lda.
NIPC 509384721
Recibo - Setembro 2026
Nome: Hélder Manuel Quintas Rebelo
Vencimento base 980,00
Sub. Natal duodécimos 1/12 81,67
Total ilíquido 1.061,67
Seg. Social 11% 116,78
IRS 64,00
Total descontos 180,78
Líquido 880,89"""
    fields, warnings = read(text)
    assert fields["subsidy_twelfths_amount"] == Decimal("81.67")
    assert "subsidy_unread" not in warnings


@pytest.mark.parametrize(
    "caption",
    [
        "Ret. IRS SN",
        "IRS SF",
        "IRS S.N.",
        "IRS S.Natal",
        "IRS S. Férias",
        "Ret. S/ Sub. Férias",
        "Retenção s/ Subsídio de Natal",
        "Ret. SN",
    ],
)
def test_a_subsidys_own_irs_row_abbreviated_is_named_so(caption: str) -> None:
    assert role_of(caption) == "irs_withholding"
    assert SUBSIDY_NAMED.search(fold(caption))


@pytest.mark.parametrize("caption", ["IRS", "Retenção na fonte", "Ret. IRS", "IRS s/ trabalho suplementar"])
def test_guard_the_months_irs_names_no_subsidy(caption: str) -> None:
    assert role_of(caption) == "irs_withholding"
    assert not SUBSIDY_NAMED.search(fold(caption))


@pytest.mark.parametrize("caption", ["Ret. IRS SF", "IRS S.Fér.", "Ret. s/ Sub. Férias"])
def test_the_subsidys_own_irs_row_abbreviated_is_taken_for_its_own(caption: str) -> None:
    """All in cents: the month's IRS not split over the subsidy; its own row taken (102,00, not 97 + 102 shared)."""
    text = holiday_month(base="1.180,00", subsidy="1.180,00", irs="97,00", subsidy_irs_caption=caption)
    fields, _ = read(text)
    assert fields["subsidy_amount"] == Decimal("1180")
    assert fields["regular_net_pay"] == Decimal("1079.20")
