"""Payslips in layout families the parsers were not written against: amounts by structure and arithmetic,
subsidies apart, derived values marked, labels never taken for names."""

from __future__ import annotations

import datetime as dt
import io
import random
from decimal import Decimal
from typing import Any

import pytest

from applicants.text import fold
from documents.extraction.local import LocalExtractor
from documents.extraction.schema import ExtractionResult
from samples.payslips import FAMILIES, Payroll, family_payslip, payslip_family_corpus
from samples.synthetic import make_person, scan

pytestmark = pytest.mark.ocr

TODAY = dt.date(2026, 11, 23)
CORPUS = payslip_family_corpus(today=TODAY, per_family=2)


def extract(document: Any) -> ExtractionResult:
    return LocalExtractor().extract(document.data, document_type=document.document_type)


def wrong_fields(document: Any, result: ExtractionResult) -> dict[str, Any]:
    got = result.json_fields()
    wrong = {}
    for name, expected in document.expected.items():
        value = got.get(name)
        derived_cents = name == "regular_net_pay" and value is not None
        ok = abs(value - expected) <= 0.05 if derived_cents else fold(str(value)) == fold(str(expected))
        if not ok:
            wrong[name] = (expected, value)
    return wrong


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_every_family_is_read_exactly_from_its_text_layer(family: str) -> None:
    for document in [d for d in CORPUS if f"family:{family}" in d.tags]:
        result = extract(document)
        assert result.kind.value == "RECIBO_VENCIMENTO"
        assert not wrong_fields(document, result)
        assert "arithmetic_mismatch" not in result.warnings


def test_scans_of_every_family_are_read() -> None:
    rng = random.Random(9)
    firsts = [next(d for d in CORPUS if f"family:{family}" in d.tags) for family in sorted(FAMILIES)]
    for document in firsts:
        scanned = scan(document, rng=rng)
        result = extract(scanned)
        assert result.method == "ocr"
        assert not wrong_fields(scanned, result), scanned.tags


def slip(family: str, payroll: Payroll, seed: int = 3) -> Any:
    person = make_person(random.Random(seed), TODAY)
    return family_payslip(
        family, person, dt.date(2026, 6, 1), base=payroll.base, rng=random.Random(seed), payroll=payroll
    )


@pytest.mark.parametrize("family", ["coded_table", "two_columns", "summary_line"])
def test_a_subsidy_month_gives_the_subsidy_and_the_regular_net_apart(family: str) -> None:
    payroll = Payroll(base=Decimal("1800"), meal_days=21, meal_per_day=Decimal("7.63"), irs_rate=Decimal("0.134"),
                      subsidy_name="Subsídio de Férias")  # fmt: skip
    result = extract(slip(family, payroll))
    assert result.fields["subsidy_amount"] == Decimal("1800.00")
    assert result.fields["net_pay"] == payroll.net
    assert abs(result.fields["regular_net_pay"] - payroll.regular_net) <= Decimal("0.05")
    assert "derived:regular_net_pay" in result.warnings
    assert result.confidence["regular_net_pay"] < result.confidence["net_pay"]


def test_duodecimos_are_part_of_the_regular_net() -> None:
    payroll = Payroll(base=Decimal("1500"), meal_days=20, meal_per_day=Decimal("6.00"), irs_rate=Decimal("0.115"),
                      twelfths=True)  # fmt: skip
    result = extract(slip("two_pages", payroll))
    assert result.fields["subsidy_twelfths_amount"] == Decimal("250.00")
    assert result.fields["subsidy_amount"] is None
    assert result.fields["regular_net_pay"] == result.fields["net_pay"] == payroll.net


def test_gross_pay_not_printed_is_derived_from_the_rows_and_marked() -> None:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    rows = ["Recibo de Vencimento - Outubro 2026", "Nome: Ana Sofia Santos   NIF 245718931",
            "Vencimento base 1.500,00", "Subsídio de refeição 132,00", "Segurança Social 165,00",
            "IRS 172,50", "Líquido a receber 1.294,50"]  # fmt: skip
    for index, row in enumerate(rows):
        pdf.drawString(60, 780 - 18 * index, row)
    pdf.save()
    result = LocalExtractor().extract(buffer.getvalue(), document_type="PROOF_OF_INCOME")
    assert result.fields["gross_pay"] == Decimal("1632.00")
    assert "derived:gross_pay" in result.warnings
    assert result.confidence["gross_pay"] < 0.9
    assert result.fields["net_pay"] == Decimal("1294.50")
    assert "arithmetic_mismatch" not in result.warnings


def test_a_deduction_label_below_the_employee_label_is_never_the_name() -> None:
    for document in [d for d in CORPUS if "family:summary_line" in d.tags]:
        result = extract(document)
        assert result.fields["employee_name"] == document.expected["employee_name"]
        assert "social" not in fold(result.fields["employee_name"])


def test_year_to_date_figures_are_not_taken_for_the_month() -> None:
    for document in [d for d in CORPUS if "family:header_value_rows" in d.tags]:
        result = extract(document)
        assert result.fields["gross_pay"] == Decimal(str(document.expected["gross_pay"])).quantize(Decimal("0.01"))


# --- Reading rules the new families exercise, on lines as a reader gives them -----------------------------


def parsed_lines(*texts: str) -> Any:
    from documents.extraction.parsers.payslip import parse_payslip
    from documents.extraction.reader import Line

    return parse_payslip([Line(text) for text in texts])


def test_at_least_twelve_layout_families_in_the_manner_of_different_payroll_products() -> None:
    assert len(FAMILIES) >= 12
    pages = {family: len(pdf_pages(next(d for d in CORPUS if f"family:{family}" in d.tags))) for family in FAMILIES}
    assert max(pages.values()) >= 3  # a slip that runs over several pages, subtotals carried over


def pdf_pages(document: Any) -> list[Any]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(document.data)
    return [pdf[index] for index in range(len(pdf))]


def test_amounts_printed_before_their_descriptions_are_read_by_the_description_after_them() -> None:
    parsed = parsed_lines("Recibo de vencimento", "2.000,00 Vencimento base", "220,00 Segurança Social 11%",
                          "-250,00 IRS (taxa 12,50%)", "2.000,00 Total Ilíquido", "1.530,00 LÍQUIDO A PAGAR")  # fmt: skip
    assert parsed.fields["gross_pay"] == Decimal("2000.00")
    assert parsed.fields["social_security"] == Decimal("220.00")
    assert parsed.fields["irs_withholding"] == Decimal("250.00")
    assert parsed.fields["net_pay"] == Decimal("1530.00")


def test_an_export_with_semicolons_and_underscored_keys_is_read() -> None:
    parsed = parsed_lines("500;SEG SOCIAL;220,00", "501;RET IRS;250,00", "TOTAL_ABONOS;2000,00",
                          "TOTAL_DESCONTOS;470,00", "LIQUIDO;1530,00")  # fmt: skip
    assert (parsed.fields["gross_pay"], parsed.fields["net_pay"]) == (Decimal("2000.00"), Decimal("1530.00"))


def test_a_summary_column_repeating_a_deduction_row_is_not_counted_twice() -> None:
    parsed = parsed_lines("Vencimento 2.000,00", "TSU Trabalhador 220,00", "Retenção IRS 250,00",
                          "Remuneração Ilíquida TSU Retenção IRS Valor Líquido", "2.000,00 220,00 250,00 1.530,00")  # fmt: skip
    assert parsed.fields["social_security"] == Decimal("220.00")
    assert parsed.fields["irs_withholding"] == Decimal("250.00")
    assert parsed.total_deductions == Decimal("470.00")


def test_one_misread_digit_in_a_deduction_is_put_right_by_the_totals_and_marked() -> None:
    # A scan read 237,71 as 237,11: the printed total and 11% of the gross say which row it was.
    parsed = parsed_lines("Vencimento Base 2.161,00", "Seg. Social 237,11", "IRS 205,30", "Total Ilíquido 2.161,00",
                          "Total Descontos 443,01", "Líquido a Receber 1.717,99")  # fmt: skip
    assert parsed.fields["social_security"] == Decimal("237.71")
    assert parsed.fields["irs_withholding"] == Decimal("205.30")
    assert "derived:social_security" in parsed.warnings


def test_a_date_in_the_period_line_is_not_an_amount() -> None:
    parsed = parsed_lines("Período de 01.11.2025 a 28.11.2025", "Vencimento 1.000,00", "Seg. Social 110,00",
                          "IRS 90,00", "Valor Líquido 800,00")  # fmt: skip
    assert parsed.fields["gross_pay"] == Decimal("1000.00")
    assert Decimal("1.11") not in parsed.fields.values()


def test_a_label_stuck_to_the_name_or_a_dotted_leader_is_not_part_of_it() -> None:
    assert parsed_lines("Colaborador: Catarina Ferreira nNIF: 299021998").fields["employee_name"] == "Catarina Ferreira"
    leader = parsed_lines("Nome do colaborador Eeeseeeeeeees João Pedro Santos")
    assert leader.fields["employee_name"] == "João Pedro Santos"


def test_a_name_with_no_label_is_the_one_printed_beside_the_employees_nif() -> None:
    parsed = parsed_lines("Recibo de vencimento - Junho 2026 - Ana Sofia Santos - NIF 245718931")
    assert parsed.fields["employee_name"] == "Ana Sofia Santos"


def test_phone_photos_of_the_new_families_are_read() -> None:
    rng = random.Random(12)
    for family in ("boxed_sections", "amount_first", "semicolon_export", "carry_forward", "signed_column"):
        document = next(d for d in CORPUS if f"family:{family}" in d.tags)
        photo = scan(document, rng=rng, dpi=150, rotation=rng.uniform(-3, 3), blur=0.8, quality=60)
        wrong = wrong_fields(photo, extract(photo))
        assert len(wrong) <= 1, (family, wrong)


def test_a_name_before_a_nif_whose_digits_the_scan_lost_is_still_the_employees() -> None:
    from documents.extraction.parsers.payslip import parse_payslip
    from documents.extraction.reader import Line

    lines = [
        Line("Construções Tejo, Lda. (Contribuinte 501 964843) Folha 1 de 3", 0.97),
        Line("Recibo de vencimento - Junho 2025 - Rui Miguel Sousa - NIF 2 .", 0.9),
        Line("Remuneração Base 1.724,00", 0.96),
    ]
    parsed = parse_payslip(lines)
    assert parsed.fields["employee_name"] == "Rui Miguel Sousa"
    assert "employee_nif" not in parsed.fields
    # The employer's line has a NIF label too, but a company is never the employee.
    assert parse_payslip(lines[:1] + lines[2:]).fields.get("employee_name") is None


def test_a_base_salary_label_cut_short_by_the_ocr_is_still_read() -> None:
    from documents.extraction.parsers.payslip import parse_payslip
    from documents.extraction.reader import Line

    parsed = parse_payslip([Line("Abonos", 0.92), Line("Salár 1.053,00", 0.94), Line("IRS 131,24", 0.97)])
    assert parsed.fields["base_salary"] == Decimal("1053.00")
