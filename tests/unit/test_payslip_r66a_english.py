"""Blind probe r66a findings 2, 4, 5, 15, 16 and 18, the UK, Irish and US part: an employee's pension contribution
among the deductions (finding 4), a US pay stub's dates month first and its federal tax as printed (finding 5),
FICA's two rows added up (finding 15), Ireland's PRSI and USC (finding 16), a pounds slip with a footer's euro
equivalent (finding 2), the base row captioned "Salary" (finding 18). Lines of our own wording; names and numbers
of our own."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from documents.extraction.validation import fields_revalidate


def lines_of(*texts: str) -> list[Line]:
    return [Line(text, 0.9) for text in texts]


def revalidated(parsed_fields: dict, total_deductions: Decimal | None = None) -> list[str]:
    fields = {name: value for name, value in parsed_fields.items() if name in PAYSLIP_FIELDS}
    return fields_revalidate(
        DocumentKind.RECIBO_VENCIMENTO,
        fields,
        document_type="PROOF_OF_INCOME",
        total_deductions=total_deductions,
        foreign_payslip=True,
    )


PAYSLIP_FIELDS = ("gross_pay", "net_pay", "social_security", "irs_withholding", "period", "employee_name")


# --- Finding 4 and 18: a UK payslip with a pension row ----------------------------------------------------------

UK_PAYSLIP = (
    "Payslip",
    "Kestrel Yard Analytics Ltd",
    "Employee: Edmund Carrow",
    "Period: Month 5 - August 2026",
    "Earnings",
    "Salary £3,900.00",
    "Deductions",
    "PAYE Income Tax -£520.40",
    "National Insurance -£183.36",
    "Pension (employee 4%) -£156.00",
    "Total gross pay £3,900.00",
    "NET PAY £3,040.24",
)


def test_a_uk_payslips_pension_row_is_a_deduction_so_it_adds_up() -> None:
    parsed = parse_payslip(lines_of(*UK_PAYSLIP))
    assert parsed.fields.get("gross_pay") == Decimal("3900.00")
    assert parsed.fields.get("net_pay") == Decimal("3040.24")
    assert parsed.fields.get("social_security") == Decimal("183.36")
    assert parsed.fields.get("irs_withholding") == Decimal("520.40")
    assert "arithmetic_mismatch" not in parsed.warnings
    assert "arithmetic_mismatch" not in revalidated(parsed.fields, parsed.total_deductions)


def test_the_base_row_captioned_salary_alone_is_the_base_salary() -> None:
    parsed = parse_payslip(lines_of(*UK_PAYSLIP))
    assert parsed.fields.get("base_salary") == Decimal("3900.00")


def test_a_salary_sacrifice_row_is_a_deduction_too() -> None:
    parsed = parse_payslip(
        lines_of(
            "Payslip",
            "Marlow Quay Ltd",
            "Employee: Hester Bayliss",
            "Period: September 2026",
            "Basic pay £2,800.00",
            "PAYE tax -£310.20",
            "National Insurance -£120.16",
            "Salary sacrifice pension -£140.00",
            "Gross pay £2,800.00",
            "Net pay £2,229.64",
        )
    )
    assert parsed.fields.get("net_pay") == Decimal("2229.64")
    assert parsed.fields.get("social_security") == Decimal("120.16")
    assert "arithmetic_mismatch" not in revalidated(parsed.fields, parsed.total_deductions)


def test_the_employers_pension_contribution_is_no_deduction_of_the_workers() -> None:
    # Guard (passes either way): the employer's share is printed for information, the net does not lose it.
    parsed = parse_payslip(
        lines_of(
            "Payslip",
            "Marlow Quay Ltd",
            "Employee: Hester Bayliss",
            "Period: September 2026",
            "Basic pay £2,800.00",
            "PAYE tax -£310.20",
            "National Insurance -£120.16",
            "Gross pay £2,800.00",
            "Net pay £2,369.64",
            "Employer's contribution to pension £84.00",
        )
    )
    assert parsed.fields.get("net_pay") == Decimal("2369.64")
    assert "arithmetic_mismatch" not in revalidated(parsed.fields, parsed.total_deductions)


# --- Findings 5 and 15: a US pay stub --------------------------------------------------------------------------

US_STUB = (
    "EARNINGS STATEMENT",
    "Juniper Flats Robotics, Inc.",
    "Employee: Wendell Okafor",
    "Pay period: 09/07/2026 - 09/20/2026",
    "Pay date: 09/25/2026 · Biweekly",
    "Description Current (USD) Year to date (USD)",
    "Regular salary $3,846.15 $69,230.70",
    "Federal Income Tax $401.10 $7,219.80",
    "Social Security $238.46 $4,292.28",
    "Medicare $55.77 $1,003.86",
    "401(k) pre-tax $192.31 $3,461.58",
    "Gross Pay $3,846.15 $69,230.70",
    "Net Pay $2,958.51 $53,253.18",
    "Nevada: no state income tax. Direct deposit ****5521: $2,958.51",
)


def test_a_us_stubs_period_reads_its_dates_month_first() -> None:
    parsed = parse_payslip(lines_of(*US_STUB))
    assert parsed.fields.get("period") == "2026-09"


def test_a_us_stubs_federal_tax_is_its_rows_figure_not_a_note_added_to_it() -> None:
    parsed = parse_payslip(lines_of(*US_STUB))
    assert parsed.fields.get("irs_withholding") == Decimal("401.10")


def test_a_us_stubs_social_insurance_is_social_security_and_medicare() -> None:
    parsed = parse_payslip(lines_of(*US_STUB))
    assert parsed.fields.get("social_security") == Decimal("294.23")


def test_a_us_stubs_401k_row_is_a_deduction_so_it_adds_up() -> None:
    parsed = parse_payslip(lines_of(*US_STUB))
    assert parsed.fields.get("gross_pay") == Decimal("3846.15")
    assert parsed.fields.get("net_pay") == Decimal("2958.51")
    assert "currency_not_eur" in parsed.warnings
    assert "arithmetic_mismatch" not in revalidated(parsed.fields, parsed.total_deductions)


def stub_of_period(period_line: str) -> list[Line]:
    return lines_of(
        "PAY STUB",
        "Silver Creek Dental LLC",
        "Employee: Maribel Quist",
        period_line,
        "Salary $2,500.00",
        "Federal withholding $260.00",
        "Social Security $155.00",
        "Medicare $36.25",
        "Gross $2,500.00",
        "NET PAY $2,048.75",
    )


def test_dates_every_one_of_which_reads_either_way_are_month_first_on_a_us_stub() -> None:
    parsed = parse_payslip(stub_of_period("Pay period: 10/01/2026 - 10/12/2026"))
    assert parsed.fields.get("period") == "2026-10"


def test_a_day_past_twelve_first_keeps_a_slip_day_first() -> None:
    # Guard (passes either way): a date that reads day first only keeps the document day first.
    parsed = parse_payslip(stub_of_period("Pay period: 01/10/2026 - 31/10/2026"))
    assert parsed.fields.get("period") == "2026-10"


def test_a_portuguese_slips_dates_stay_day_first() -> None:
    # Guard (passes either way): no dollar, no US tax, the dates read day first.
    parsed = parse_payslip(
        lines_of(
            "Recibo de Vencimento",
            "Padaria Flor do Lis, Lda.",
            "Nome: Rosa Maria Teixeira",
            "Período: 05/10/2026 a 11/10/2026",
            "Vencimento base 900,00",
            "Segurança Social 99,00",
            "IRS 45,00",
            "Líquido 756,00",
        )
    )
    assert parsed.fields.get("period") == "2026-10"


def test_a_us_stubs_state_tax_is_income_tax_withheld() -> None:
    parsed = parse_payslip(
        lines_of(
            "PAY STUB",
            "Silver Creek Dental LLC",
            "Employee: Maribel Quist",
            "Period: 08/01/2026 - 08/15/2026 (semi-monthly)",
            "Salary $2,500.00",
            "Fed withholding $260.00",
            "Social Security $155.00",
            "Medicare $36.25",
            "OR state tax $125.00",
            "Gross $2,500.00",
            "NET PAY $1,923.75",
        )
    )
    assert parsed.fields.get("period") == "2026-08"
    assert parsed.fields.get("irs_withholding") == Decimal("385.00")
    assert parsed.fields.get("social_security") == Decimal("191.25")


# --- Finding 16: Ireland's PRSI and USC ------------------------------------------------------------------------


def test_an_irish_slips_prsi_is_social_insurance_and_its_usc_income_tax() -> None:
    parsed = parse_payslip(
        lines_of(
            "Payslip: October 2026",
            "Shannonside People Ltd (employer of record)",
            "Employee: Orla Keating",
            "EARNINGS",
            "Basic salary €4,200.00",
            "DEDUCTIONS",
            "PAYE —€712.00",
            "USC —€141.20",
            "PRSI —€168.00",
            "Gross pay €4,200.00",
            "Net pay €3,178.80",
        )
    )
    assert parsed.fields.get("social_security") == Decimal("168.00")
    assert parsed.fields.get("irs_withholding") == Decimal("853.20")
    assert "arithmetic_mismatch" not in revalidated(parsed.fields, parsed.total_deductions)


# --- Finding 2: a pounds slip with a footer's euro equivalent --------------------------------------------------


def test_a_pounds_slip_whose_footer_gives_a_euro_equivalent_is_not_in_euros() -> None:
    parsed = parse_payslip(
        lines_of(
            "Payslip",
            "Wrenfield Studios Ltd Employee: Imogen Tarrant",
            "Period: Month 4 — July 2026",
            "GBP",
            "Earnings",
            "Salary £3,100.00",
            "Deductions",
            "PAYE Income Tax -£391.80",
            "National Insurance -£128.48",
            "Total gross pay £3,100.00",
            "NET PAY £2,579.72",
            "Net pay equivalent for information only: approx. €2,966.68 at 1.15.",
        )
    )
    assert "currency_not_eur" in parsed.warnings
