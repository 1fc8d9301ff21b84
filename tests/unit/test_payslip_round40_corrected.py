"""A payslip and its correction in one file (blind probe r40a): the same month printed twice, the second page a
"Recibo retificativo" that replaces the first. The superseded original was read, and the file was flagged as
holding several months. The correction is read, flagged ``payslip_corrected``; a file that also holds another
month still says ``multiple_payslips``. The lines are a text layer's, with names and figures of their own."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.local import one_payslip
from documents.extraction.parsers import Parsed, classify
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind


def slip(title: str, month: str, irs: str, deductions: str, net: str) -> list[str]:
    return [
        title,
        "RECIBO DE VENCIMENTO",
        "Entidade Empregadora: Serralharia Vale do Sousa, Lda.",
        "NIPC: 507204531",
        f"Período: {month} 2026",
        "Nome: Rui Miguel Cardoso Pinto",
        "NIF: 213587240",
        "Descrição Abonos Descontos",
        "Vencimento Base 1.300,00",
        "Segurança Social 143,00",
        f"IRS {irs}",
        f"Totais 1.300,00 {deductions}",
        f"Valor Líquido a Receber: {net} €",
    ]


ORIGINAL = slip("ORIGINAL", "Outubro", "98,00", "241,00", "1.059,00")
CORRECTION = slip("RECIBO RETIFICATIVO - substitui o recibo emitido em 30/10/2026", "Outubro", "72,00", "215,00",
                  "1.085,00")  # fmt: skip
SEPTEMBER = slip("ORIGINAL", "Setembro", "98,00", "241,00", "1.059,00")


def read(*pages: list[str]) -> Parsed:
    lines = [Line(text) for page in pages for text in page]
    starts = [sum(len(page) for page in pages[:index]) for index in range(len(pages))]
    kind = classify("\n".join(line.text for line in lines))
    assert kind == DocumentKind.RECIBO_VENCIMENTO
    chosen, _ = one_payslip(
        kind, ReadDocument(lines=lines, pages=len(pages), method="text", page_starts=starts), Parsed()
    )
    return chosen


def test_a_correction_of_the_same_month_is_read_over_the_original() -> None:
    for pages in ((ORIGINAL, CORRECTION), (CORRECTION, ORIGINAL)):
        parsed = read(*pages)
        assert parsed.fields["net_pay"] == Decimal("1085.00")
        assert parsed.fields["irs_withholding"] == Decimal("72.00")
        assert parsed.warnings.count("payslip_corrected") == 1
        assert "multiple_payslips" not in parsed.warnings  # one month: nothing else in the file went uncounted


def test_a_correction_beside_another_month_still_says_the_file_holds_several() -> None:
    parsed = read(SEPTEMBER, ORIGINAL, CORRECTION)
    assert parsed.fields["period"] == "2026-10"
    assert parsed.fields["net_pay"] == Decimal("1085.00")
    assert {"payslip_corrected", "multiple_payslips"} <= set(parsed.warnings)


def test_two_months_without_a_correction_read_the_latest_as_before() -> None:
    parsed = read(SEPTEMBER, ORIGINAL)
    assert parsed.fields["period"] == "2026-10"
    assert "multiple_payslips" in parsed.warnings
    assert "payslip_corrected" not in parsed.warnings
