"""Blind probe r76c, F1: a public body's two-column scan whose worker's NIF OCR read with a space inside it ("NIF: 1
97777775"), so neither the NIF nor the name its block heads was read and the month was not counted; and three scans
whose worker's NIF under its caption OCR misread ("NIF 17777773", "A5777TTTA", "Mizizrm") with no word of it. Lines
of our own wording; names and numbers of our own."""

from __future__ import annotations

import pytest

from documents.extraction.parsers.common import Parsed, joined_nif
from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind

WORKER_NIF = "257634061"
PUBLIC_BODY_NIF = "654358001"

ROWS = (
    "REMUNERAÇÕES DESCONTOS",
    "Remuneração base (posição 2, nível 16) 1.385,99 Segurança Social 152,46",
    "Subsídio de refeição 132,00 IRS 150,00",
    "Quota sindical (1%) 13,86",
    "Total de remunerações 1.517,99 Total de descontos 316,32",
    "Valor líquido 1.201,67",
)


def laid_out(*columns: tuple[str, int], top: int = 100, confidence: float = 0.93) -> Line:
    """A line OCR read across columns, each column's words from its left edge (10 px a letter, 30 px high)."""
    words: list[str] = []
    boxes: list[tuple[int, int, int, int]] = []
    for text, left in columns:
        for word in text.split():
            words.append(word)
            boxes.append((left, top, 10 * len(word), 30))
            left += 10 * len(word) + 10
    return Line(" ".join(words), confidence, word_confidences=[(word, confidence) for word in words], word_boxes=boxes)


def two_column_slip(worker_nif_as_read: str) -> list[Line]:
    return [
        laid_out(("RECIBO DE REMUNERAÇÕES", 300), top=40),
        laid_out(("Unidade Local de Saúde do Oeste, E.P.E.", 50), ("Rita Sofia Almeida Serra", 900), top=100),
        laid_out((f"NIF: {PUBLIC_BODY_NIF}", 50), (f"NIF: {worker_nif_as_read}", 900), top=140),
        laid_out(("Rua da Fábrica, 12", 50), ("NISS: 11000000117", 900), top=180),
        laid_out(("Mês de referência: Outubro de 2026", 50), top=220),
        *(laid_out((row, 50), top=260 + 40 * at) for at, row in enumerate(ROWS)),
    ]


# --- F1: a NIF OCR read with a space or a dot inside it -----------------------------------------------------------


def test_a_workers_nif_read_with_a_space_inside_gives_the_nif_and_the_name_its_block_heads() -> None:
    parsed = parse_payslip(two_column_slip(f"{WORKER_NIF[0]} {WORKER_NIF[1:]}"))
    assert parsed.fields["employee_nif"] == WORKER_NIF
    assert parsed.fields["employee_name"] == "Rita Sofia Almeida Serra"
    assert parsed.fields["employer_nif"] == PUBLIC_BODY_NIF
    assert "missing:employee_name" not in parsed.warnings


def test_a_workers_nif_read_whole_reads_as_before() -> None:
    # Guard: the same slip with the NIF read as printed.
    parsed = parse_payslip(two_column_slip(WORKER_NIF))
    assert parsed.fields["employee_nif"] == WORKER_NIF
    assert parsed.fields["employee_name"] == "Rita Sofia Almeida Serra"


def test_digit_groups_whose_check_digit_fails_are_not_made_a_nif() -> None:
    # Guard: nine digits split by a space that fail the check digit are no NIF read.
    wrong = f"{WORKER_NIF[0]} {WORKER_NIF[1:8]}{(int(WORKER_NIF[8]) + 1) % 10}"
    parsed = parse_payslip(two_column_slip(wrong))
    assert "employee_nif" not in parsed.fields


def test_a_nifs_groups_split_by_spaces_or_dots_are_joined_when_the_check_digit_holds() -> None:
    assert joined_nif(f"NIF: {WORKER_NIF[:2]} {WORKER_NIF[2:]}") == f"NIF: {WORKER_NIF}"
    assert joined_nif(f"Contribuinte n.º {WORKER_NIF[:2]}.{WORKER_NIF[2:]}") == f"Contribuinte n.º {WORKER_NIF}"
    # The groups up to nine digits only: a figure after them is another.
    assert joined_nif(f"NIF {WORKER_NIF[:4]} {WORKER_NIF[4:]} 1.234,56") == f"NIF {WORKER_NIF} 1.234,56"


def test_groups_that_are_a_nif_already_or_no_nif_are_left_as_printed() -> None:
    # Guards: a NIF printed in threes is read as it is; an amount after a caption is no NIF; no caption, no join.
    spaced = f"NIF {WORKER_NIF[:3]} {WORKER_NIF[3:6]} {WORKER_NIF[6:]}"
    assert joined_nif(spaced) == spaced
    assert joined_nif("NIF 1 234,56") == "NIF 1 234,56"
    assert joined_nif(f"Total {WORKER_NIF[0]} {WORKER_NIF[1:]}") == f"Total {WORKER_NIF[0]} {WORKER_NIF[1:]}"


# --- A worker's NIF under its caption OCR misread: said unread, and read again by the page's blocks ---------------


def ocr_line(*words: tuple[str, float]) -> Line:
    return Line(" ".join(word for word, _ in words), 0.9, word_confidences=list(words))


def slip_with_workers_line(line: Line) -> list[Line]:
    return [
        Line("RECIBO DE VENCIMENTO OUTUBRO 2026", 0.95),
        Line(f"Entidade: Tasca da Ribeira, Lda. NIF {COMPANY_NIF}", 0.95),
        line,
        *(Line(row, 0.95) for row in ROWS[1:]),
    ]


COMPANY_NIF = "534477313"
WORKERS_CAPTION = (("Trabalhador:", 0.96), ("Rita", 0.96), ("Sofia", 0.96), ("Serra", 0.95))


def test_a_workers_nif_read_a_digit_short_is_said_unread() -> None:
    parsed = parse_payslip(slip_with_workers_line(ocr_line(*WORKERS_CAPTION, ("NIF", 0.91), (WORKER_NIF[1:], 0.47))))
    assert "employee_nif" not in parsed.fields
    assert "nif_unread" in parsed.warnings


def test_a_workers_nif_read_as_marks_is_said_unread() -> None:
    parsed = parse_payslip(slip_with_workers_line(ocr_line(*WORKERS_CAPTION, ("NIF", 0.88), ("Mizizrm", 0.17))))
    assert "nif_unread" in parsed.warnings
    captioned = ocr_line(*WORKERS_CAPTION, ("NIF", 0.9), ("do", 0.96), ("trabalhador:", 0.96), ("A5777TTTA", 0.12))
    assert "nif_unread" in parse_payslip(slip_with_workers_line(captioned)).warnings


def test_a_workers_nif_read_whole_or_a_caption_before_a_word_is_not_said_unread() -> None:
    # Guards: the NIF read; a caption whose next word is one read well ("NIF Empresa ..."), no number at all.
    read = parse_payslip(slip_with_workers_line(ocr_line(*WORKERS_CAPTION, ("NIF", 0.91), (WORKER_NIF, 0.95))))
    assert read.fields["employee_nif"] == WORKER_NIF and "nif_unread" not in read.warnings
    worded = parse_payslip(slip_with_workers_line(ocr_line(*WORKERS_CAPTION, ("NIF", 0.91), ("Pessoal", 0.95))))
    assert "nif_unread" not in worded.warnings


def first_reading_without_the_nif() -> Parsed:
    from documents.extraction.parsers import parse_document

    lines = slip_with_workers_line(ocr_line(*WORKERS_CAPTION, ("NIF", 0.88), ("Mizizrm", 0.17)))
    return parse_document(DocumentKind.RECIBO_VENCIMENTO, lines)


def second_reading(name: str, period: str) -> list[Line]:
    """A page's blocks read apart: the header whole, the amounts' rows lost."""
    return [
        Line(f"RECIBO DE VENCIMENTO {period}", 0.95),
        Line(f"Entidade: Tasca da Ribeira, Lda. NIF {COMPANY_NIF}", 0.95),
        Line(f"Trabalhador: {name} NIF {WORKER_NIF}", 0.95),
    ]


def test_a_workers_nif_misread_is_read_again_by_the_prepared_pages_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    from documents.extraction import local
    from documents.extraction.reader import ReadDocument

    parsed = first_reading_without_the_nif()
    assert parsed.fields["employee_name"] == "Rita Sofia Serra" and "nif_unread" in parsed.warnings
    assert local.gaps_wanted(DocumentKind.RECIBO_VENCIMENTO, parsed)
    # Tesseract is the boundary: the page's own size reads the NIF as badly, the prepared page reads it whole.
    monkeypatch.setattr(local, "page_images", lambda data: ["page"])
    monkeypatch.setattr(local, "own_size", lambda image: "own")
    monkeypatch.setattr(local, "prepare_for_ocr", lambda image: "prepared")
    readings = {
        "own": slip_with_workers_line(ocr_line(*WORKERS_CAPTION, ("NIF", 0.88), ("Mizizrm", 0.17))),
        "prepared": second_reading("Rita Sofia Serra", "OUTUBRO 2026"),
    }
    monkeypatch.setattr(local, "laid_out_reading", lambda page: readings[page])
    local.gaps_from_a_laid_out_reading(
        b"", DocumentKind.RECIBO_VENCIMENTO, ReadDocument(lines=[], pages=1, method="ocr", turns=(0,)), parsed
    )
    assert parsed.fields["employee_nif"] == WORKER_NIF
    assert "nif_unread" not in parsed.warnings


@pytest.mark.parametrize(
    ("name", "period"), [("Marta Isabel Figueiredo Santos", "OUTUBRO 2026"), ("Rita Sofia Serra", "SETEMBRO 2026")]
)
def test_a_second_reading_of_another_worker_or_month_gives_no_nif(
    monkeypatch: pytest.MonkeyPatch, name: str, period: str
) -> None:
    # Guard: a reading whose amounts went unread gives the NIF only for the same worker's name and month.
    from documents.extraction import local
    from documents.extraction.reader import ReadDocument

    parsed = first_reading_without_the_nif()
    monkeypatch.setattr(local, "page_images", lambda data: ["page"])
    monkeypatch.setattr(local, "own_size", lambda image: image)
    monkeypatch.setattr(local, "prepare_for_ocr", lambda image: image)
    monkeypatch.setattr(local, "laid_out_reading", lambda page: second_reading(name, period))
    local.gaps_from_a_laid_out_reading(
        b"", DocumentKind.RECIBO_VENCIMENTO, ReadDocument(lines=[], pages=1, method="ocr", turns=(0,)), parsed
    )
    assert "employee_nif" not in parsed.fields
    assert "nif_unread" in parsed.warnings
