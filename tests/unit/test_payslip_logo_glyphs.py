"""A logo OCR reads as one clear glyph before the letterhead's name ("À", "O", "8"), told from a name's first
letter by where OCR boxed it: taller than the name and set apart from it; and "Ida." after "Unipessoal"."""

from __future__ import annotations

from documents.extraction.parsers.payslip import logo_marks_dropped, parse_payslip
from documents.extraction.reader import Line, lines_from_tesseract
from tests.helpers import boxed_line
from tests.unit.test_payslip_random_layouts import BODY  # the same slip under another letterhead

# As Tesseract boxed them on two probe scans: a circle read "À" (74 px tall beside 38-51 px words, 64 px
# before the next word) and "O" (41 px beside 14-19 px words, 44 px before the next).
LOGO_A = boxed_line(
    ("À", 0.73, (264, 192, 71, 74)),
    ("Serviços", 0.97, (399, 204, 214, 51)),
    ("de", 0.97, (633, 212, 60, 39)),
    ("Limpeza", 0.97, (715, 216, 207, 48)),
    ("Lda.", 0.95, (941, 234, 102, 38)),
)
LOGO_O = boxed_line(
    ("O", 0.93, (128, 159, 41, 41)),
    ("Clínica", 0.97, (213, 166, 100, 17)),
    ("Dentária", 0.96, (327, 168, 115, 16)),
    ("S.A.", 0.95, (574, 172, 52, 14)),
)


def test_a_glyph_taller_than_the_name_and_apart_from_it_is_a_logo() -> None:
    assert logo_marks_dropped(LOGO_A).text == "Serviços de Limpeza Lda."
    assert logo_marks_dropped(LOGO_O).text == "Clínica Dentária S.A."
    knot = boxed_line(
        ("8", 0.85, (162, 284, 47, 47)), ("Têxteis", 0.96, (262, 280, 136, 30)), ("Lda.", 0.97, (300, 276, 77, 30))
    )
    assert logo_marks_dropped(knot).text == "Têxteis Lda."


def test_an_article_starting_a_name_stays() -> None:
    # As tall as the name, one word space before it.
    article = boxed_line(
        ("O", 0.95, (100, 50, 16, 18)), ("Cantinho", 0.96, (122, 50, 90, 18)), ("Lda.", 0.96, (218, 50, 40, 18))
    )
    assert logo_marks_dropped(article).text == "O Cantinho Lda."
    # Taller (a capital beside small letters) but set close: no logo.
    close = boxed_line(
        ("A", 0.95, (100, 50, 20, 26)), ("padaria", 0.96, (126, 56, 90, 18)), ("Lda.", 0.96, (222, 56, 40, 18))
    )
    assert logo_marks_dropped(close).text == "A padaria Lda."
    # Far apart but no taller: a code column before a description.
    code = boxed_line(
        ("1", 0.95, (100, 50, 10, 18)), ("Vencimento", 0.96, (160, 50, 100, 18)), ("base", 0.96, (266, 50, 40, 18))
    )
    assert logo_marks_dropped(code).text == "1 Vencimento base"


def test_the_employer_behind_a_logo_glyph_is_read_on_a_scan() -> None:
    lines = [
        LOGO_O,
        Line("NIF/NIPC 511911424", 0.95, [("NIF/NIPC", 0.93), ("511911424", 0.97)]),
        *(Line(text, 0.95, [(word, 0.95) for word in text.split()]) for text in BODY),
    ]
    assert parse_payslip(lines).fields["employer_name"] == "Clínica Dentária S.A."


def test_tesseract_s_boxes_reach_the_line() -> None:
    data = {
        "text": ["O", "Clínica", "NIF"],
        "conf": [93.0, 97.0, 92.0],
        "page_num": [1, 1, 1],
        "block_num": [1, 1, 1],
        "par_num": [1, 1, 1],
        "line_num": [1, 1, 2],
        "left": [128, 213, 214],
        "top": [159, 166, 227],
        "width": [41, 100, 40],
        "height": [41, 17, 12],
    }
    first, second = lines_from_tesseract(data)
    assert first.word_boxes == [(128, 159, 41, 41), (213, 166, 100, 17)]
    assert second.word_boxes == [(214, 227, 40, 12)]


def test_ida_after_unipessoal_is_the_legal_form() -> None:
    lines = [
        Line("Soluções Informáticas Lusitânia Unipessoal Ida.", 0.95),
        Line("NIF 507127188", 0.95),
        *(Line(text) for text in BODY),
    ]
    assert parse_payslip(lines).fields["employer_name"] == "Soluções Informáticas Lusitânia Unipessoal Lda."
