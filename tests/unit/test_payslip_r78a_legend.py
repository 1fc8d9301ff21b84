"""Blind probe r78a, finding 1: a payslip whose table prints only codes ("R21 1.075,00") with the legend printed beside
it ("R21 – Subsídio de Natal"), read off a phone photo. OCR gives each row and the legend's entry beside it on one
line, and the codes with look-alike letters ("Roi" for R01, "DOZ2" for D02); and a row whose figure cannot be part of
the printed total is left unread and worked out from it, never kept at full confidence and taken for a forged slip.
Lines of our own wording and codes (not the tester's); names and numbers of our own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction.parsers.payslip import codes_alike, parse_payslip
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from documents.extraction.validation import fields_revalidate
from screening.rules.authenticity import content_signals

TODAY = dt.date(2026, 12, 7)


def read(lines: list[Line]) -> tuple[dict[str, object], dict[str, float], list[str]]:
    parsed = parse_payslip(lines)
    fields = dict(parsed.fields)
    warnings = [
        *parsed.warnings,
        *fields_revalidate(
            DocumentKind.RECIBO_VENCIMENTO,
            fields,
            document_type="PROOF_OF_INCOME",
            total_deductions=parsed.total_deductions,
            today=TODAY,
        ),
    ]
    return fields, parsed.confidence, warnings


# December with the Christmas subsidy: base 1.320,00, meal 22 x 6,00 = 132,00, subsidy 1.320,00: gross 2.772,00;
# SS 11% of 2.640,00 = 290,40, IRS 231,60: deductions 522,00, net 2.250,00.
def beside_the_legend(*, base: str = "A10", meal: str = "A35", subsidy: str = "A52", ss: str = "B01", irs: str = "B05"):
    """A photo's lines of a codes-only table with its legend beside it, each row's code as OCR read it."""
    return [
        Line(text, 0.88)
        for text in (
            "Confeções Vale do Sousa, S.A. Recibo 12/2026",
            "NIF 503456780",
            "Sara Cristina Lobo Teixeira",
            "NIF 232415676 Admissão 02/05/2018",
            "Código Qtd Abonos Descontos Legenda",
            "A10 – Vencimento base",
            f"{base} 1.320,00 A35 – Subsídio de refeição",
            f"{meal} 22 132,00 A52 – Subsídio de Natal",
            f"{subsidy} 1.320,00 B01 – Segurança Social",
            f"{ss} 290,40 B05 – IRS",
            f"{irs} 231,60",
            "Totais 2.772,00 522,00",
            "Líquido 2.250,00",
        )
    ]


def test_a_legend_beside_the_table_names_each_row_and_not_the_next_one() -> None:
    fields, _, warnings = read(beside_the_legend())
    assert fields["social_security"] == Decimal("290.40")
    assert fields["irs_withholding"] == Decimal("231.60")
    assert fields["base_salary"] == Decimal("1320.00")
    assert fields["subsidy_amount"] == Decimal("1320.00")
    assert "arithmetic_mismatch" not in warnings


@pytest.mark.parametrize(
    ("codes", "why"),
    [
        ({"base": "AlO", "meal": "A3S", "subsidy": "AS2", "ss": "BO1", "irs": "BOS"}, "letters for figures"),
        ({"base": "Al0", "meal": "A35", "subsidy": "A5Z", "ss": "B0l", "irs": "B055"}, "a figure read twice"),
    ],
)
def test_a_photos_codes_read_with_look_alike_letters_find_their_legend(codes: dict[str, str], why: str) -> None:
    fields, _, warnings = read(beside_the_legend(**codes))
    assert fields["social_security"] == Decimal("290.40"), why
    assert fields["irs_withholding"] == Decimal("231.60"), why
    assert fields["subsidy_amount"] == Decimal("1320.00"), why
    assert "arithmetic_mismatch" not in warnings


def test_guard_a_code_alike_two_of_the_legends_is_given_neither() -> None:
    """ "B0?" is B01 or B05 alike only if one of its figures is a look-alike of both: "BOZ" could be B02 or B07."""
    assert codes_alike("BOZ", "B07") and codes_alike("BOZ", "B02")
    assert not codes_alike("BOZ", "B01")
    assert not codes_alike("R01", "D01")  # a code's letters are never one another's


def test_a_row_with_a_caption_of_its_own_is_no_code_alike_the_legends() -> None:
    """ "SS 290,40" beside a legend with a code "55" it looks like keeps its own caption."""
    lines = [
        Line("SS 290,40 B05 – IRS", 0.88) if line.text.startswith("B01 ") else line for line in beside_the_legend()
    ]
    lines.insert(5, Line("55 – Quotização sindical", 0.88))
    fields, _, warnings = read(lines)
    assert fields["social_security"] == Decimal("290.40")
    assert fields["irs_withholding"] == Decimal("231.60")
    assert "derived:social_security" not in warnings


# November's photo whose legend OCR could not pair with the rows: the Christmas subsidy's row is read as the social
# security its line goes on to explain. Base 1.075,00, meal 120,00, subsidy 1.075,00: gross 2.270,00; SS 236,50,
# IRS 159,10: deductions 395,60, net 1.874,40.
def subsidy_read_as_social_security(social: str) -> list[Line]:
    return [
        Line(text, 0.9)
        for text in (
            "Malhas do Minho, Lda. Recibo de vencimento Novembro 2026",
            "NIF 503456780",
            "Trabalhador: Paulo Jorge Neves Reis NIF 232415676",
            "Vencimento base 1.075,00",
            "Subsídio de alimentação 120,00",
            "Subsídio de Natal 1.075,00",
            f"Segurança Social {social}",
            "Retenção de IRS 159,10",
            "Totais 2.270,00 395,60",
            "Líquido a receber 1.874,40",
        )
    ]


def test_a_photos_social_security_the_printed_totals_cannot_hold_is_worked_out_from_them() -> None:
    fields, confidence, warnings = read(subsidy_read_as_social_security("1.075,00"))
    assert fields["social_security"] == Decimal("236.50")
    assert "derived:social_security" in warnings
    assert confidence["social_security"] < 0.9
    assert "arithmetic_mismatch" not in warnings


def test_a_photos_irs_with_a_figure_added_is_not_vouched_for_by_totals_it_does_not_make() -> None:
    """ "79,55" read "719,55": more than the deductions' total it is part of."""
    lines = [Line(line.text.replace("159,10", "1159,10"), 0.9) for line in subsidy_read_as_social_security("236,50")]
    fields, confidence, warnings = read(lines)
    assert fields["irs_withholding"] == Decimal("159.10")
    assert "derived:irs_withholding" in warnings
    assert confidence["irs_withholding"] < 0.9


def test_guard_a_text_layers_social_security_above_its_rate_stands_as_printed() -> None:
    """ADR 024: a text layer's figures are the document's own; the slip does not add up and says so."""
    lines = [Line(line.text) for line in subsidy_read_as_social_security("1.075,00")]
    fields, _, warnings = read(lines)
    assert fields["social_security"] == Decimal("1075.00")
    assert "arithmetic_mismatch" in warnings


def payslip_document(method: str, warnings: list[str]) -> dict[str, object]:
    fields = {"employee_nif": "232415676", "employer_nif": "503456780", "period": "2026-11", "gross_pay": 2270.0,
              "social_security": 1075.0, "irs_withholding": 159.1, "net_pay": 1874.4}  # fmt: skip
    return {"document_id": "a", "status": "EXTRACTED", "kind": "RECIBO_VENCIMENTO", "fields": fields,
            "warnings": warnings, "method": method, "authenticity": [], "reuse": []}  # fmt: skip


def test_a_photos_amounts_that_do_not_add_up_are_a_note_not_a_forgery_hint() -> None:
    found = content_signals([payslip_document("ocr", ["arithmetic_mismatch"])], today=TODAY)
    [signal] = found["a"]
    assert (signal["code"], signal["severity"]) == ("PAYSLIP_SS_ABOVE_RATE", "LOW")
    assert "mal lido" in signal["explanation"]


@pytest.mark.parametrize(("method", "warnings"), [("text", ["arithmetic_mismatch"]), ("ocr", [])])
def test_guard_a_text_layers_or_a_consistent_photos_amounts_stay_medium(method: str, warnings: list[str]) -> None:
    found = content_signals([payslip_document(method, warnings)], today=TODAY)
    assert [(s["code"], s["severity"]) for s in found["a"]] == [("PAYSLIP_SS_ABOVE_RATE", "MEDIUM")]
