"""A month of parental leave counted at what it paid, with nothing said (blind probe r62b): the payslip withheld 20
days of pay ("Licença parental inicial (20 dias) -933,33"), the Segurança Social paying them apart (its benefit is
not counted: temporary), and the report's method read as the person's lasting pay. The extraction now warns
``leave_withheld``, and the income's method names the month."""

from __future__ import annotations

from screening.rules.income import LEAVE_MONTHS
from tests.unit.test_payslip_round54b_regular import PARENTAL_LEAVE, read
from tests.unit.test_rules import THREE_MONTHS, id_document, payslip, screen


def test_a_payslip_withholding_pay_for_a_leave_warns_it() -> None:
    _, _, warnings = read(PARENTAL_LEAVE)
    assert "leave_withheld" in warnings


def test_faltas_among_the_deductions_warn_it_too() -> None:
    text = PARENTAL_LEAVE.replace("110 Licença parental inicial (27 dias) 27 d -1.260,00\n", "").replace(
        "500 Segurança Social 11,00 % 15,40",
        "500 Segurança Social 11,00 % 15,40\n510 Faltas injustificadas (2 dias) 93,33",
    )
    _, _, warnings = read(text)
    assert "leave_withheld" in warnings


def test_a_correction_with_a_minus_naming_no_leave_warns_nothing() -> None:
    """Guard: a row printed with a minus that names no leave, no absence and no days."""
    _, _, warnings = read(PARENTAL_LEAVE.replace("Licença parental inicial (27 dias) 27 d", "Acerto"))
    assert "leave_withheld" not in warnings


def test_the_method_names_the_month_of_leave_counted_at_what_it_paid() -> None:
    months = [payslip(THREE_MONTHS[0], 900.0, warnings=["leave_withheld"]), *(payslip(p) for p in THREE_MONTHS[1:])]
    result = screen([id_document(), *months])
    method = result["income"]["method"]
    assert LEAVE_MONTHS + "10/2026" in method
    plain = screen([id_document(), *(payslip(p) for p in THREE_MONTHS)])
    assert "licença" not in plain["income"]["method"]
    # Stated, not a reason of its own: the month counts as it paid.
    assert not [reason for reason in result["affordability"]["reasons"] if "leave" in reason]
