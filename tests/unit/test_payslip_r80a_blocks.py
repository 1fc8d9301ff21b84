"""Blind probe r80a cause 2: the employer's address block and the worker's side by side, each closed by "NIF" and
nothing else to tell them apart, the left block's name long and set larger. No gap wide enough for a column's parts
the two names on their line, on a text layer as in OCR, and the worker's name was left unread. The NIF's line shows
where the worker's column starts: the words of the line above from there to the next column are the block's. Lines,
names and numbers of our own."""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from documents.extraction.local import LocalExtractor
from documents.extraction.parsers.payslip import parse_payslip, words_between
from documents.extraction.reader import Line

WORKER_NIF = "249135787"
COMPANY_NIF = "507132645"
PUBLIC_BODY_NIF = "600873412"

ROWS = (
    "Recibo de vencimento - Outubro de 2026",
    "Vencimento base 1.100,00",
    "Subsídio de refeição (22 dias) 132,00",
    "Remuneração ilíquida 1.232,00",
    "Segurança Social (11%) -121,00",
    "IRS -77,00",
    "Soma dos descontos -198,00",
    "Total a receber 1.034,00",
)


def laid_out(*columns: tuple[str, int, int], top: int = 100) -> Line:
    """A line read across columns, each (text, left edge, letter height): a letter as wide as 0.6 of its height, a
    space as wide as 0.3 of it (a photo's pixels or a text layer's points alike)."""
    words: list[str] = []
    boxes: list[tuple[int, int, int, int]] = []
    for text, left, height in columns:
        for word in text.split():
            width = round(0.6 * height * len(word))
            words.append(word)
            boxes.append((left, top, width, height))
            left += width + round(0.3 * height)
    return Line(" ".join(words), 0.95, word_confidences=[(word, 0.95) for word in words], word_boxes=boxes)


def side_by_side(left: tuple[str, str, str, str], right: tuple[str, str, str, str], *, at: int = 500) -> list[Line]:
    """Two blocks (name, street, postcode, NIF's line), the left name set larger and long enough to run close to the
    right column (a gap of a word's height or two, far under a column's)."""
    name_height = 30
    return [
        laid_out((left[0], 100, name_height), (right[0], at, 22), top=80),
        *(
            laid_out((left_text, 100, 20), (right_text, at, 20), top=120 + 40 * row)
            for row, (left_text, right_text) in enumerate(zip(left[1:], right[1:], strict=True))
        ),
        *(Line(text) for text in ROWS),
    ]


EMPLOYER_BLOCK = ("Sabor do Cais, Lda.", "Largo do Peixe 4", "8000-136 Faro", f"NIF {COMPANY_NIF}")
WORKER_BLOCK = ("Joana Filipa Reis Amaral", "Rua da Sé 12, 2.º Esq.", "8005-201 Faro", f"NIF {WORKER_NIF}")


def test_the_workers_block_right_of_the_employers_gives_the_workers_name() -> None:
    parsed = parse_payslip(side_by_side(EMPLOYER_BLOCK, WORKER_BLOCK))
    assert parsed.fields["employee_name"] == "Joana Filipa Reis Amaral"
    assert parsed.fields["employer_name"] == "Sabor do Cais, Lda."
    assert "missing:employee_name" not in parsed.warnings


def test_the_workers_block_left_of_the_employers_keeps_the_employers_name_out() -> None:
    parsed = parse_payslip(side_by_side(WORKER_BLOCK, EMPLOYER_BLOCK, at=560))
    assert parsed.fields["employee_name"] == "Joana Filipa Reis Amaral"
    assert parsed.fields["employer_name"] == "Sabor do Cais, Lda."


def test_a_public_bodys_block_beside_the_workers_names_each_party() -> None:
    """No legal form tells the employer's name from a person's: each block's NIF says whose it is."""
    body = ("Junta de Freguesia de Santo Amaro", "Largo da Igreja 2", "5000-300 Vila Real", f"NIF {PUBLIC_BODY_NIF}")
    parsed = parse_payslip(side_by_side(body, WORKER_BLOCK, at=700))
    assert parsed.fields["employee_name"] == "Joana Filipa Reis Amaral"
    assert parsed.fields["employer_name"] == "Junta de Freguesia de Santo Amaro"


def test_a_street_heading_the_workers_column_is_no_name() -> None:
    """The worker's name not printed, their street first in the block: neither the street nor the employer's name
    beside it is the worker's."""
    street_first = ("Rua da Sé 12, 2.º Esq.", "Travessa do Forno 3", "8005-201 Faro", f"NIF {WORKER_NIF}")
    parsed = parse_payslip(side_by_side(EMPLOYER_BLOCK, street_first))
    assert "employee_name" not in parsed.fields
    assert parsed.fields["employer_name"] == "Sabor do Cais, Lda."


def test_a_line_is_cut_at_a_column_only_across_a_gap() -> None:
    """A name running across the column's start, its words an ordinary space apart, is no two blocks' line."""
    line = laid_out(("Joana Filipa Reis Amaral Pereira da Costa", 100, 30))
    assert words_between(line, 300, None) is None
    joined = laid_out(("Sabor do Cais, Lda.", 100, 30), ("Joana Filipa Reis Amaral", 480, 22))
    assert words_between(joined, 480, None) == "Joana Filipa Reis Amaral"
    assert words_between(joined, 100, 480) == "Sabor do Cais, Lda."


def payslip_pdf(left: tuple[str, ...], right: tuple[str, ...]) -> bytes:
    """A text PDF: the left block's name in 13 pt running close to the right block's in 10 pt."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    for row, (left_text, right_text) in enumerate(zip(left, right, strict=True)):
        y = 800 - 14 * row
        pdf.setFont("Helvetica-Bold" if row == 0 else "Helvetica", 13 if row == 0 else 9)
        pdf.drawString(50, y, left_text)
        pdf.setFont("Helvetica-Bold" if row == 0 else "Helvetica", 10 if row == 0 else 9)
        pdf.drawString(340, y, right_text)
    pdf.setFont("Helvetica", 10)
    for row, text in enumerate(ROWS):
        pdf.drawString(50, 720 - 16 * row, text)
    pdf.save()
    return buffer.getvalue()


@pytest.mark.parametrize("employer_first", [True, False], ids=["employer-left", "worker-left"])
def test_a_text_layers_blocks_side_by_side_give_the_workers_name(employer_first: bool) -> None:
    employer = ("Tasca Nova da Ribeira, Restauração, Lda.", "Largo do Peixe 4", "8000-136 Faro", f"NIF {COMPANY_NIF}")
    worker = ("Joana Filipa Reis Amaral", "Rua da Sé 12, 2.º Esq.", "8005-201 Faro", f"NIF {WORKER_NIF}")
    if not employer_first:
        worker = ("Maria Joana Figueiredo de Vasconcelos", *worker[1:])
        employer = ("Sabor do Cais, Lda.", *employer[1:])
    data = payslip_pdf(*((employer, worker) if employer_first else (worker, employer)))
    result = LocalExtractor().extract(data, document_type="PROOF_OF_INCOME")
    assert result.fields["employee_name"] == worker[0]
    assert result.fields["employer_name"] == employer[0]
