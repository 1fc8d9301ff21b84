"""Payslips drawn by a generator of random layouts (doc probe, 2026-12-04 session): a company named by one word
over its NIF, Brazil's "S/A", and a logo OCR reads as marks or a letter before the letterhead's name."""

from __future__ import annotations

from documents.extraction.parsers.payslip import logo_marks_dropped, parse_payslip
from documents.extraction.reader import Line

BODY = [
    "Recibo de vencimento",
    "Período: Outubro 2026",
    "Trabalhador: Andreia Samuel Matos",
    "NIF: 304882143",
    "Vencimento base 1.908,00",
    "Segurança Social 209,88",
    "IRS 171,72",
    "Total ilíquido 1.908,00",
    "Total descontos 381,60",
    "Líquido a receber 1.526,40",
]


def text_slip(*letterhead: str) -> dict[str, object]:
    return parse_payslip([Line(text) for text in [*letterhead, *BODY]]).fields


def ocr_line(*words: tuple[str, float]) -> Line:
    return Line(" ".join(word for word, _ in words), sum(c for _, c in words) / len(words), list(words))


def test_a_company_named_by_one_word_over_its_nif_is_the_employer() -> None:
    fields = text_slip("Paiva", "NIF 560219300", "Av. Benjamim Vicente, 479, 5091-621 Caldas da Rainha")
    assert fields["employer_name"] == "Paiva"
    assert fields["employer_nif"] == "560219300"
    assert text_slip("SOUSA-LOBO", "Contribuinte: 512253455")["employer_name"] == "Sousa-Lobo"


def test_a_word_over_the_nif_that_names_no_company_is_not_taken() -> None:
    assert "employer_name" not in text_slip("Original", "NIF 560219300")
    assert "employer_name" not in text_slip("Duplicado", "NIF 560219300")
    assert "employer_name" not in text_slip("Confidencial", "Contribuinte: 512253455")


def test_brazil_s_s_a_is_a_legal_form() -> None:
    assert text_slip("Cunha Freitas S/A", "Contribuinte: 529617188")["employer_name"] == "Cunha Freitas S/A"
    assert text_slip("Melo S/A", "NIF 573472718")["employer_name"] == "Melo S/A"


def test_a_logo_read_as_a_stroke_or_a_faint_letter_is_no_part_of_the_name() -> None:
    assert logo_marks_dropped(ocr_line(("E", 0.44), ("Castro", 0.96))).text == "Castro"
    assert logo_marks_dropped(ocr_line(("[|]", 0.73), ("Sousa", 0.96))).text == "Sousa"
    assert logo_marks_dropped(ocr_line(("|", 0.45), ("Paiva", 0.97))).text == "Paiva"
    kept = logo_marks_dropped(ocr_line(("E", 0.43), ("Martins", 0.95), ("e", 0.9), ("Filhos", 0.96)))
    assert kept.text == "Martins e Filhos"
    assert kept.word_confidences == [("Martins", 0.95), ("e", 0.9), ("Filhos", 0.96)]


def test_a_letter_read_well_or_before_a_poorly_read_word_stays() -> None:
    # "A Padaria, Lda." read clearly: the article is the name's.
    assert logo_marks_dropped(ocr_line(("A", 0.93), ("Padaria,", 0.95), ("Lda.", 0.96))).text == "A Padaria, Lda."
    # Nothing read well after the letter: no printed word to tell the mark from.
    assert logo_marks_dropped(ocr_line(("E", 0.44), ("Castr0", 0.5))).text == "E Castr0"
    # A currency sign is no mark.
    assert logo_marks_dropped(ocr_line(("€", 0.5), ("1.234,56", 0.96))).text == "€ 1.234,56"
    # A text layer has no confidences, and nothing is dropped.
    assert logo_marks_dropped(Line("E Castro")).text == "E Castro"


def test_the_employer_behind_a_logo_is_read_on_a_scan() -> None:
    lines = [
        ocr_line(("E", 0.44), ("Castro", 0.96)),
        ocr_line(("Contribuinte:", 0.92), ("512253455", 0.96)),
        *(Line(text, 0.95, [(word, 0.95) for word in text.split()]) for text in BODY),
    ]
    assert parse_payslip(lines).fields["employer_name"] == "Castro"
