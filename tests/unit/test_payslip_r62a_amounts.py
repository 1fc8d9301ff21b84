"""Payslip amounts of blind probe r62a, as the reader hands them over (names and figures of our own): the IRS a slip
withholds apart on overtime, its caption wrapped after the figure of the earnings' column beside it, counted in the
month's withholding and as the overtime's own IRS; and overtime on a slip that charges social security and withholds
no IRS, taken out less its social security."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers.payslip import Segment, caption_wrapped_after_figures, parse_payslip
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind, fields_validate
from documents.extraction.validation import parsed_revalidate

TEXT_LAYER = 1.0
SCREENSHOT = 0.93


def checked(text: str, confidence: float = TEXT_LAYER) -> tuple[dict[str, object], list[str]]:
    parsed = parse_payslip([Line(line, confidence) for line in text.splitlines()])
    fields = fields_validate(DocumentKind.RECIBO_VENCIMENTO, parsed.fields)
    warnings = [
        *parsed.warnings,
        *parsed_revalidate(DocumentKind.RECIBO_VENCIMENTO, fields, parsed, document_type="PROOF_OF_INCOME"),
    ]
    return fields, warnings


HEADER = """Recibo de Vencimento
Setembro de 2026
Trabalhadora
Marta Lopes Vieira
NIF: 237154684"""

# Earnings and deductions side by side; the right-hand caption "IRS s/ horas extra" wrapped after the meal
# allowance's figure, its last word and amount on the line below. 11 % of 2 250,00 is 247,50.
IRS_APART_WRAPPED = f"""{HEADER}
Abonos Valor (€) Descontos Valor (€)
Vencimento base 1.800,00 Segurança Social 11% 247,50
Horas extra (12 h) 450,00 IRS 310,00
Subsídio de alimentação 110,00 IRS s/ horas
extra 70,00
Total Abonos 2.360,00 Total Descontos 627,50
Líquido a receber: 1.732,50 €"""


def test_irs_withheld_apart_on_overtime_under_a_wrapped_caption_is_the_months_irs_too() -> None:
    fields, warnings = checked(IRS_APART_WRAPPED)
    assert fields["irs_withholding"] == Decimal("380.00")
    assert "arithmetic_mismatch" not in warnings


def test_overtime_nets_of_the_irs_the_slip_withholds_on_it_apart() -> None:
    """450,00 less 49,50 social security and the 70,00 withheld on it; not the month's rate."""
    fields, _ = checked(IRS_APART_WRAPPED)
    assert fields["variable_net_pay"] == Decimal("330.50")
    assert fields["regular_net_pay"] == Decimal("1402.00")


def test_a_wrapped_caption_joins_only_a_row_going_on_in_lower_case() -> None:
    """Guard (passes before the change too): a row below starting its own caption keeps it."""
    own_row = IRS_APART_WRAPPED.replace("IRS s/ horas\nextra 70,00", "Observações\nQuota sindical 70,00")
    fields, warnings = checked(own_row)
    assert fields["irs_withholding"] == Decimal("310.00")
    assert "arithmetic_mismatch" not in warnings


def test_irs_withheld_apart_on_overtime_on_one_line_is_the_overtimes_irs() -> None:
    """Guard (passes before the change too): the caption unwrapped was already read as IRS."""
    one_line = IRS_APART_WRAPPED.replace("IRS s/ horas\nextra 70,00", "IRS s/ trabalho suplementar 70,00")
    fields, _ = checked(one_line)
    assert fields["irs_withholding"] == Decimal("380.00")
    assert fields["variable_net_pay"] == Decimal("330.50")


# A student worker under the IRS withholding floor: social security charged, no IRS row, the deductions read making
# the printed total. 11 % of 446,40 is 49,10; of the overtime's 38,40, 4,22.
NO_IRS_WITHHELD = f"""{HEADER}
ABONOS
Horas normais 408,00 €
Horas extra 38,40 €
Subsídio de refeição 60,00 €
Total ilíquido 506,40 €
DESCONTOS
Segurança Social 11% 49,10 €
Total descontos 49,10 €
Líquido a receber 457,30 €"""


def test_overtime_of_a_month_that_withheld_no_irs_is_taken_out_less_its_social_security() -> None:
    fields, warnings = checked(NO_IRS_WITHHELD, SCREENSHOT)
    assert fields["variable_net_pay"] == Decimal("34.18")
    assert fields["regular_net_pay"] == Decimal("423.12")
    assert "derived:variable_net_pay" in warnings


def test_overtime_is_taken_whole_where_the_slip_charges_neither_social_security_nor_irs() -> None:
    """Guard (passes before the change too): nothing charged on the month, nothing to take off the overtime."""
    uncharged = (
        NO_IRS_WITHHELD.replace("Segurança Social 11% 49,10", "Quota sindical 4,00")
        .replace("Total descontos 49,10", "Total descontos 4,00")
        .replace("Líquido a receber 457,30", "Líquido a receber 502,40")
    )
    fields, _ = checked(uncharged, SCREENSHOT)
    assert fields["variable_net_pay"] == Decimal("38.40")
    assert fields["regular_net_pay"] == Decimal("464.00")


# A Christmas month with neither social security nor IRS charged: the subsidy is its own net.
SUBSIDY_NOTHING_CHARGED = f"""{HEADER.replace("Setembro", "Dezembro")}
ABONOS
Vencimento base 620,00 €
Subsídio de Natal 620,00 €
Total ilíquido 1.240,00 €
DESCONTOS
Quota sindical 6,00 €
Total descontos 6,00 €
Líquido a receber 1.234,00 €"""


def test_a_subsidy_of_a_month_charging_neither_social_security_nor_irs_is_taken_out_whole() -> None:
    fields, _ = checked(SUBSIDY_NOTHING_CHARGED, SCREENSHOT)
    assert fields["subsidy_amount"] == Decimal("620.00")
    assert fields["regular_net_pay"] == Decimal("614.00")


def test_a_subsidy_of_a_month_that_withheld_no_irs_is_taken_out_less_its_social_security() -> None:
    """Guard (passes before the change too): docs/api.md's "taken out less its social security alone"."""
    charged = (
        SUBSIDY_NOTHING_CHARGED.replace("Quota sindical 6,00", "Segurança Social 11% 136,40")
        .replace("Total descontos 6,00", "Total descontos 136,40")
        .replace("Líquido a receber 1.234,00", "Líquido a receber 1.103,60")
    )
    fields, _ = checked(charged, SCREENSHOT)
    assert fields["regular_net_pay"] == Decimal("551.80")


def test_a_line_printing_its_figures_first_lends_no_caption_to_the_row_below() -> None:
    """Guard: "450,00 IRS" ends with its own row's caption, not one wrapped onto the row below."""
    row = Segment("suplementar", [Decimal("12.00")], 1, TEXT_LAYER)
    caption_wrapped_after_figures("450,00 IRS s/ trabalho", row)
    assert (row.label, row.role) == ("suplementar", None)
    caption_wrapped_after_figures("Refeição 110,00 IRS s/ trabalho", row)
    assert (row.label, row.role) == ("IRS s/ trabalho suplementar", "irs_withholding")
