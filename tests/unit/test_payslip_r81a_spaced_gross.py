"""A payslip photo whose gross printed with its thousands a space apart ("2 310,00") was read with the group taken
for a quantity, and the base salary's group misread with it ("1 950,00" read "7 950,00", then split): the rows made
the short gross, which the net and the deductions do not, and a genuine slip was called one whose figures do not
add up (blind probe r81a F1; names and figures of our own). The net plus the deductions proves the gross; a slip
whose earnings cannot make that figure, or a text layer, keeps its mismatch."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind, fields_validate
from documents.extraction.validation import parsed_revalidate

SCAN = 0.88
TEXT_LAYER = 1.0


def checked(text: str, confidence: float = SCAN) -> tuple[dict[str, object], list[str]]:
    parsed = parse_payslip([Line(line, confidence) for line in text.splitlines()])
    fields = fields_validate(DocumentKind.RECIBO_VENCIMENTO, parsed.fields)
    warnings = [
        *parsed.warnings,
        *parsed_revalidate(DocumentKind.RECIBO_VENCIMENTO, fields, parsed, document_type="PROOF_OF_INCOME"),
    ]
    return fields, warnings


HEADER = """Recibo de Remunerações
Empresa: Oficina Ribeira do Sado, Lda. NIF: 508123455
Colaborador: Ana Sofia Pereira NIF: 245901236
Período: Março 2026"""

# 1 650,00 + 120,00 + 90,00 = 1 860,00; 191,40 + 135,20 = 326,60; 1 860,00 - 326,60 = 1 533,40. The base's "1" read
# "7": read one amount, 7 650,00 makes no total; read as a quantity and an amount, 650,00 with the other rows makes
# the gross read the same way (860,00), which the net and the deductions do not.
SPACED = f"""{HEADER}
Remunerações
Remuneração base 7 650,00 €
Subsídio de refeição 120,00 €
Prémio de assiduidade 90,00 €
Total de remunerações 1 860,00 €
Descontos
Segurança Social 191,40 €
IRS 135,20 €
Total de descontos 326,60 €
Valor líquido 1 533,40 €"""


def test_a_gross_whose_thousands_were_read_as_a_quantity_is_the_one_net_and_deductions_prove() -> None:
    fields, warnings = checked(SPACED)
    assert fields["gross_pay"] == Decimal("1860.00")
    assert fields["net_pay"] == Decimal("1533.40")
    assert fields["base_salary"] == Decimal("1650.00")
    assert "arithmetic_mismatch" not in warnings
    assert {"derived:gross_pay", "derived:base_salary"} <= set(warnings)


def test_a_gross_that_lost_its_group_outright_is_proven_when_it_cannot_carry_the_social_security() -> None:
    """No trace of the lost "1 " on the gross's row: 191,40 of social security is more than 11% of 860,00."""
    fields, warnings = checked(SPACED.replace("remunerações 1 860,00", "remunerações 860,00"))
    assert fields["gross_pay"] == Decimal("1860.00")
    assert fields["base_salary"] == Decimal("1650.00")
    assert "arithmetic_mismatch" not in warnings


def test_earnings_that_make_only_the_short_gross_keep_the_mismatch() -> None:
    """Gross and net raised by 1 000 together, the earning rows left as they were: no row lost a group."""
    raised = SPACED.replace("Remuneração base 7 650,00", "Remuneração base 650,00")
    fields, warnings = checked(raised)
    assert fields["gross_pay"] != Decimal("1860.00")
    assert "arithmetic_mismatch" in warnings


def test_a_social_security_the_short_gross_carries_keeps_the_mismatch() -> None:
    """The gross read 860,00 with nothing lost on its row, and the social security 11% of it: a net 1 000 too high
    is a slip that does not add up."""
    short = (
        SPACED.replace("Remuneração base 7 650,00", "Remuneração base 650,00")
        .replace("remunerações 1 860,00", "remunerações 860,00")
        .replace("Segurança Social 191,40", "Segurança Social 94,60")
        .replace("Total de descontos 326,60", "Total de descontos 229,80")
        .replace("Valor líquido 1 533,40", "Valor líquido 1 630,20")
    )
    fields, warnings = checked(short)
    assert fields["gross_pay"] == Decimal("860.00")
    assert "arithmetic_mismatch" in warnings


def test_a_text_layer_keeps_its_figures_as_printed() -> None:
    fields, warnings = checked(SPACED, TEXT_LAYER)
    assert fields["gross_pay"] != Decimal("1860.00")
    assert "arithmetic_mismatch" in warnings
