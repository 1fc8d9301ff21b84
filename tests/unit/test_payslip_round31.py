"""Payslips of doc probe round 31 with a stamp or a signature over their totals, as OCR read them: the totals'
first digits lost ("1.291,73" read ".291,73"), and the gross then worked back from a misread net, a clean social
security overwritten to make the misread figures add up, or a net read with no gross to check it against. The
texts are the probe's readings with figures of their own where a name or a number would say whose slip it is."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers.classify import classify
from documents.extraction.parsers.payslip import parse_payslip, role_of
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind, fields_validate
from documents.extraction.validation import parsed_revalidate

HEADER = """Payslip / Recibo de Vencimento
Pay period / Período: 11/2026
Description / Descrição Qty Rate Earnings Deductions"""

HOURLY_ROWS = """Regular hours / Horas normais 160,00 5,6250 900,00
Overtime 150% / Horas extra 150% 7,00 8,4375 59,06
Night allowance / Subsídio noturno 64,00 1,41 90,24
Tips / Gorjetas 40,83
Meal allowance / Subsídio de alimentação 21,00 9,60 201,60
Social Security (11%) / Segurança Social (11%) 119,91
Income tax withholding (IRS) / Retenção IRS 49,06"""

STAMPED_TOTALS = """Gross pay / Totalíligúido .291,73
Total deductioiis /Total descontos, 168,97
Net pay / Líquijio;a Eesebér / 122,76"""


def checked(text: str) -> tuple[dict[str, object], list[str]]:
    # Read off an image: every line below 1.0, as OCR's are.
    parsed = parse_payslip([Line(line, 0.9) for line in text.splitlines()])
    fields = fields_validate(DocumentKind.RECIBO_VENCIMENTO, parsed.fields)
    warnings = [
        *parsed.warnings,
        *parsed_revalidate(DocumentKind.RECIBO_VENCIMENTO, fields, parsed, document_type="PROOF_OF_INCOME"),
    ]
    return fields, warnings


def test_totals_whose_first_digits_a_stamp_hid_are_what_the_earning_rows_make() -> None:
    fields, warnings = checked(f"{HEADER}\n{HOURLY_ROWS}\n{STAMPED_TOTALS}")
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1291.73"), Decimal("1122.76"))
    assert {"derived:gross_pay", "derived:net_pay"} <= set(warnings)
    assert "arithmetic_mismatch" not in warnings


def test_totals_read_whole_are_taken_as_read() -> None:
    """Guard (passes before the change too)."""
    clean = STAMPED_TOTALS.replace(".291,73", "1.291,73").replace("122,76", "1.122,76")
    fields, warnings = checked(f"{HEADER}\n{HOURLY_ROWS}\n{clean}")
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("1291.73"), Decimal("1122.76"))
    # The month's regular net alone is derived: without its overtime, one-off pay (blind probe r50a); and that
    # overtime's net apart, for the screening to count if every month pays some (ADR 030, amended).
    derived_here = {"derived:regular_net_pay", "derived:variable_net_pay"}
    assert not [
        code
        for code in warnings
        if (code.startswith("derived:") and code not in derived_here) or code == "arithmetic_mismatch"
    ]


def test_a_bilingual_caption_is_read_by_its_portuguese_half_and_tips_and_night_pay_are_earnings() -> None:
    assert role_of("Regular hours / Horas normais") == "base_salary"
    assert role_of("Night allowance / Subsídio noturno") == "earning"
    assert role_of("Tips / Gorjetas") == "earning"


SIGNED_OVER = """Payslip / Recibo de Vencimento
Pay period / Período: 10/2026
Description / Descrição oty Rate Earnings Deductions
Base salary / Vencimento base 2.369,67
Meal allowance / Subsídio de alimentação 22,00 6,00 “00
Social Security (11%) / Segurança Social (11%) 260,66
Income tax withholding (IRS) / Retenção IRS | | 06,64.
Nf Grossjnhy E Vota iliquiao SO / PAU) e
otal deduction otal descontos 367,30 €
Net pay / Líquido a recebe 4,37 €"""


def test_a_social_security_that_is_11_percent_of_the_base_is_not_overwritten_to_fit_misread_totals() -> None:
    """The IRS row lost its "10" under a signature and the net its "2.13" under the stamp. The clean 260,66 (11% of
    the 2.369,67 base) was replaced by 367,30 - 6,64, and the gross worked back as 4,37 + 367,30 = 371,67 (the
    social security 97% of it, the base dropped as above it), with no warning that anything failed."""
    fields, warnings = checked(SIGNED_OVER)
    assert fields["social_security"] == Decimal("260.66")
    assert fields["irs_withholding"] == Decimal("106.64")
    assert fields["base_salary"] == Decimal("2369.67")
    assert fields["gross_pay"] is None
    assert "arithmetic_mismatch" in warnings


NO_GROSS = """Payslip / Recibo de Vencimento
Pay period / Período: 11/2026
Description / Descrição Qty Rate Earnings Deductions
Base salary / Vencimento base 30,00 3 613,67
Performance bonus / Prémio de desempenho 406,64
Meal allowance / Subsídio de alimentação 22,00 9,60 211,20
Social Security (11%) / Segurança.Soci 1%) 465,17
Gross pay / Total ilíquida | 4 ta | dd ionts,/ Total descontos
Net pay / Líquido a receber 86,77 EUR"""


def test_a_net_no_gross_could_leave_is_said_not_to_add_up() -> None:
    """No gross read (the stamp over it), the net's "3 0" lost: 86,77 € is less than any gross the 3.613,67 base or
    the 465,17 social security allow can leave after deductions, and nothing said so."""
    fields, warnings = checked(NO_GROSS)
    assert fields["net_pay"] == Decimal("86.77")
    assert "arithmetic_mismatch" in warnings


def test_a_small_net_after_a_deduction_read_on_its_row_stands() -> None:
    """Guard: an advance already paid, on its own row, leaves little of the net: nothing misread there."""
    advance = NO_GROSS.replace("Net pay", "Adiantamento 3.000,00\nNet pay")
    _, warnings = checked(advance)
    assert "arithmetic_mismatch" not in warnings


ENGLISH_LOWER_HALF = """Overtime 150% 3.00 13.3125 39.94
Night allowance 56.00 2.2188 124.25
Tips 116.60
Meal allowance 20.00 10.20 204.00
Social Security (11%) 210.03
Income tax withholding (IRS) 257.76
Gross pay Total deductions Net pay
2,113.35 467.79 1,645.56
Paid by transfer to IBAN: PT50 0035 9267 6416 9206 4640"""


def test_the_lower_half_of_a_payslip_in_english_is_a_payslip() -> None:
    """Photographed without its title, a multinational's slip in English was refused as no income document (3 of 3):
    its words and its cents after a dot were not the payroll words and the amounts looked for."""
    assert classify(ENGLISH_LOWER_HALF) == DocumentKind.RECIBO_VENCIMENTO
    fields, _ = checked(ENGLISH_LOWER_HALF)
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("2113.35"), Decimal("1645.56"))


def test_an_english_bill_is_no_payslip() -> None:
    """Guard: amounts and one payroll-sounding word are not a payslip."""
    bill = "Electricity bill\nPeriod 01.10.2026 - 31.10.2026\nEnergy 84.20\nNetwork access 21.15\nVAT 23% 24.23\nTotal 129.58"
    assert classify(bill) != DocumentKind.RECIBO_VENCIMENTO


def names_read(employer_line: str, employee_line: str) -> tuple[object, object]:
    lines = [employer_line, "Período: 09/2026", employee_line, "NIF: 364126957", "Vencimento base 1.000,00",
             "Segurança Social 110,00", "Líquido a receber 890,00"]  # fmt: skip
    fields = parse_payslip([Line(line, 0.9) for line in lines]).fields
    return fields.get("employer_name"), fields.get("employee_name")


def test_a_fold_through_the_number_s_caption_after_the_name_ends_the_name_there() -> None:
    """A crease took the N of "N.º mecanográfico" ("».º"): the name ran into the caption and its number, and was
    refused whole."""
    _, employee = names_read("Padaria Central, Lda.", "Nome: Rita Sofia Nóbrega ».º mecanográfico: 73295")
    assert employee == "Rita Sofia Nóbrega"


def test_a_fold_through_unipessoal_s_lda_is_still_lda() -> None:
    employer, _ = names_read("Lavandaria Estrela d'Ouro, Unipessoal Lc a. Recibo de Vencimento", "Nome: Rita Sofia")
    assert employer == "Lavandaria Estrela d'Ouro, Unipessoal Lda."
