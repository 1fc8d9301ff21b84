"""Blind probe r76b, F1: a text-layer payslip whose figures add up, thousands a space apart ("Vencimento base
1 600,00"), with its base restated in the header ("Vencimento base mensal: 1 600,00 €"), read its base as 600,00 and
was flagged ``arithmetic_mismatch``. The header's base and the table's row were both counted among the earnings, so
the figures as printed seemed not to add up (3 332,00 against a gross of 1 732,00); read as a quantity "1" and an
amount "600,00", both together made 1 332,00, the net, which was taken for a total of the earnings. Only where the
deductions came to 400,00 (base 1 600,00, IRS 224,00), so the tester saw it for some figures and not others.

A page whose figures add up as printed is read as printed: over many bases, rates and layouts, every generated
payslip reads its base, gross and net as printed. Lines of our own wording; names and numbers of our own."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from documents.extraction.parsers.payslip import Segment, earnings_add_up, earnings_printed, parse_payslip
from documents.extraction.reader import Line

SOCIAL_SECURITY_RATE = Decimal("0.11")
MEAL_PER_DAY = Decimal("6.00")


def cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), ROUND_HALF_UP)


def spaced(value: Decimal) -> str:
    """An amount as a text layer prints it, thousands a space apart ("1 600,00")."""
    return f"{cents(value):,.2f}".replace(",", " ").replace(".", ",")


def payslip_lines(
    base: Decimal, irs_rate: Decimal, *, meal_days: int = 22, header_base: bool = True
) -> tuple[list[Line], Decimal, Decimal]:
    """A month's payslip whose figures add up, with its gross and net."""
    earnings = [("Vencimento base", base)]
    if meal_days:
        earnings.append((f"Subsídio de alimentação ({meal_days} dias x 6,00)", cents(meal_days * MEAL_PER_DAY)))
    gross = sum((amount for _, amount in earnings), Decimal(0))
    social, irs = cents(base * SOCIAL_SECURITY_RATE), cents(base * irs_rate)
    net = gross - social - irs
    texts = [
        "RECIBO DE VENCIMENTO",
        "Entidade empregadora: Ribeira Serviços, Lda.",
        "NIF: 510222331",
        "Trabalhador: Tomás Henrique Lopes Costa",
        "NIF: 206366876",
        "Período: Setembro 2026 (01/09/2026 a 30/09/2026)",
        "Data de pagamento: 30/09/2026",
        *([f"Vencimento base mensal: {spaced(base)} €"] if header_base else []),
        "Descrição Abonos Descontos",
        *(f"{caption} {spaced(amount)}" for caption, amount in earnings),
        f"Segurança Social (11%) {spaced(social)}",
        f"IRS {spaced(irs)}",
        f"Total ilíquido {spaced(gross)}",
        f"Total descontos {spaced(social + irs)}",
        f"Líquido a receber {spaced(net)} €",
    ]
    return [Line(text, 1.0) for text in texts], gross, net


def assert_read_as_printed(base: Decimal, irs_rate: Decimal, *, meal_days: int, header_base: bool) -> None:
    lines, gross, net = payslip_lines(base, irs_rate, meal_days=meal_days, header_base=header_base)
    parsed = parse_payslip(lines)
    assert parsed.fields["base_salary"] == base
    assert parsed.fields["gross_pay"] == gross
    assert parsed.fields["net_pay"] == net
    assert "arithmetic_mismatch" not in parsed.warnings


@pytest.mark.parametrize("meal_days", [22, 0])
@pytest.mark.parametrize(("base", "irs_rate"), [("1600.00", "0.14"), ("2400.00", "0.14")])
def test_a_base_restated_in_the_header_is_read_as_printed_when_a_split_reading_makes_the_net(
    base: str, irs_rate: str, meal_days: int
) -> None:
    """The tester's figures: base 1 600,00 with IRS 224,00 (its deductions 400,00), with and without the meal
    allowance; and 2 400,00 with IRS 336,00, where the split reading's 400,00 twice less the deductions is the net."""
    assert_read_as_printed(Decimal(base), Decimal(irs_rate), meal_days=meal_days, header_base=True)


@pytest.mark.parametrize(("base", "irs_rate"), [("1600.00", "0.13"), ("1600.00", "0.15"), ("1500.00", "0.14"),
                                                ("1601.00", "0.14"), ("1700.00", "0.14")])  # fmt: skip
def test_the_tester_s_neighbouring_figures_still_read_as_printed(base: str, irs_rate: str) -> None:
    assert_read_as_printed(Decimal(base), Decimal(irs_rate), meal_days=22, header_base=True)


@settings(max_examples=150, deadline=None)
@given(
    base=st.decimals(min_value=Decimal("760.00"), max_value=Decimal("6000.00"), places=2),
    irs_rate=st.sampled_from([Decimal(rate) / 100 for rate in range(0, 27)]),
    meal_days=st.sampled_from([0, 18, 20, 21, 22]),
    header_base=st.booleans(),
)
@example(base=Decimal("1600.00"), irs_rate=Decimal("0.14"), meal_days=22, header_base=True)
@example(base=Decimal("1600.00"), irs_rate=Decimal("0.14"), meal_days=0, header_base=True)
@example(base=Decimal("2400.00"), irs_rate=Decimal("0.14"), meal_days=22, header_base=True)
def test_payslips_whose_figures_add_up_are_read_as_printed(
    base: Decimal, irs_rate: Decimal, meal_days: int, header_base: bool
) -> None:
    assert_read_as_printed(base, irs_rate, meal_days=meal_days, header_base=header_base)


def segment(label: str, amount: str, role: str | None) -> list[Segment]:
    return [Segment(label, [Decimal(amount)], 0, 1.0, role)]


def test_earnings_making_the_net_are_no_total_when_anything_is_deducted() -> None:
    """The net is the earnings less the deductions: earnings summing to it say nothing of how the page was read."""
    rows = [segment("Vencimento base", "600.00", "base_salary"), segment("Subsídio", "132.00", "earning"),
            segment("IRS", "400.00", "irs_withholding"), segment("Líquido a receber", "732.00", "net_pay")]  # fmt: skip
    assert not earnings_printed(rows)


def test_earnings_making_the_net_are_its_total_when_nothing_is_deducted() -> None:
    rows = [segment("Vencimento base", "600.00", "base_salary"), segment("Subsídio", "132.00", "earning"),
            segment("Líquido a receber", "732.00", "net_pay")]  # fmt: skip
    assert earnings_printed(rows)


def test_a_total_under_its_caption_still_makes_the_earnings_printed() -> None:
    rows = [segment("Vencimento base", "600.00", "base_salary"), segment("Subsídio", "132.00", "earning"),
            segment("IRS", "50.00", "irs_withholding"), segment("Totais", "732.00", None)]  # fmt: skip
    assert earnings_printed(rows)


def test_a_base_restated_in_the_header_is_one_earning_when_the_figures_are_summed() -> None:
    rows = [segment("Vencimento base mensal", "1600.00", "base_salary"),
            segment("Vencimento base", "1600.00", "base_salary"), segment("Subsídio", "132.00", "earning"),
            segment("Total ilíquido", "1732.00", "gross_pay")]  # fmt: skip
    assert earnings_add_up(rows)
