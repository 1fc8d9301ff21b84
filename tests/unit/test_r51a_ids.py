"""What blind probe r51a (hard captures) found in names, MRZs, dark frames and refusals: a passport's names lost to
marks before them in low light (the MRZ's misread name then stood at 0.99), a given name washed out by glare, a stray
"e", a name one OCR confusion from the lexicon's, a nearly black photo read for a minute, a crumpled payslip refused
as no income document, a pension statement's lost name unwarned. Texts and images are built here, with names and
figures of their own."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from PIL import Image, ImageDraw, ImageFont

from documents.extraction import local
from documents.extraction.errors import ExtractionFailed
from documents.extraction.parsers.pension import parse_pension
from documents.extraction.reader import ILLEGIBLE, Line, ReadDocument, read_document, taken_in_the_dark
from documents.extraction.schema import DocumentKind
from samples.identity import td3
from tests.helpers import parse_identity_lines

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BIRTH, EXPIRY = dt.date(1988, 3, 14), dt.date(2031, 5, 9)


def passport_mrz(*, surname: str, given: str) -> list[str]:
    return td3(code="P", state="PRT", number="CF401273", birth=BIRTH, sex="F", expiry=EXPIRY, nationality="PRT",
               surname=surname, given=given)  # fmt: skip


def test_a_passports_names_behind_marks_in_low_light_are_read_and_fit_the_mrzs_line_read_a_letter_too_long() -> None:
    """Blind probe r51a (pp03): the surname read "Gisa | | ANTUNES BRANDÃO" (the frame line's two edges) and the
    given names "SS = LUCIA MARGARIDA" (a speck read surely of nothing, and a mark): both were taken for no name, and
    the MRZ's names line, read with a letter too many ("LUCTIA"), stood for the name at 0.99 with no warning."""
    mrz = passport_mrz(surname="FALCAO ROCHA", given="ROSALIA MARIANA")
    names_line = mrz[0].replace("ROSALIA", "ROSALTIA")[:45].ljust(45, "<")
    page = [
        ("PASSAPORTE / PASSPORT", 0.9),
        ("ed E Ko Apelido/Surname", 0.3),
        ("Gisa | | FALCÃO ROCHA", 0.4, [("Gisa", 0.0), ("|", 0.0), ("|", 0.3), ("FALCÃO", 0.9), ("ROCHA", 0.9)]),
        ("PD y Nome próprio/Given names", 0.5),
        ("SS = ROSÁLIA MARIANA", 0.48, [("SS", 0.0), ("=", 0.08), ("ROSÁLIA", 0.88), ("MARIANA", 0.95)]),
        ("Nacionalidade/Nationality", 0.9),
        ("PORTUGUESA", 0.9),
    ]
    fields, _ = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=[names_line, mrz[1]])
    assert fields["mrz_valid"] is True
    assert fields["given_names"] == "Rosália Mariana"
    assert fields["full_name"] == "Rosália Mariana Falcão Rocha"


def pension_statement(name_line: str) -> list[Line]:
    return [
        Line(text, 0.9)
        for text in (
            "Segurança Social",
            "Centro Nacional de Pensões",
            "Declaração de pensão",
            name_line,
            "NIF 232145670",
            "Pensão de velhice",
            "Montante mensal ilíquido 612,40 €",
            "Montante líquido 612,40 €",
            "A pensão é paga 14 vezes por ano.",
            "Lisboa, 4 de outubro de 2025",
        )
    ]


def test_a_pension_statements_unread_name_is_warned_missing() -> None:
    """Blind probe r51a (pe01): glare over the end of the name's line lost the pensioner's name, and nothing said so:
    staff took the statement for complete."""
    parsed = parse_pension(pension_statement("Nome: ░▒▓ ▓▒░"))
    assert "pensioner_name" not in parsed.fields
    assert "missing:pensioner_name" in parsed.warnings


def test_a_pension_statements_read_name_is_not_warned() -> None:
    parsed = parse_pension(pension_statement("Nome: Teodora Vasconcelos Pimentel"))
    assert parsed.fields["pensioner_name"] == "Teodora Vasconcelos Pimentel"
    assert "missing:pensioner_name" not in parsed.warnings


def photo_of_a_page(*, paper: int, ink: int) -> bytes:
    image = Image.new("L", (420, 300), paper)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 22)
    for index, text in enumerate(("RECIBO DE VENCIMENTO", "Vencimento base 1.050,50", "Líquido 912,33")):
        draw.text((20, 30 + index * 60), text, fill=ink, font=font)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=60)
    return out.getvalue()


def test_a_nearly_black_photo_is_refused_as_illegible_before_it_is_read() -> None:
    """Blind probe r51a (neg05): a payslip photographed in the dark (paper at grey 20) was read at every turn and
    level for 60 s, then refused as illegible all the same."""
    with pytest.raises(ExtractionFailed) as failed:
        read_document(photo_of_a_page(paper=22, ink=6))
    assert str(failed.value) == ILLEGIBLE


def test_a_dim_photo_whose_paper_stands_out_is_not_refused_as_dark() -> None:
    """The guard: paper at grey 120, as the low-light photos of r51a that read well (a passport, a card's back)."""
    assert not taken_in_the_dark(Image.open(io.BytesIO(photo_of_a_page(paper=120, ink=20))))


def test_a_cards_cut_out_is_read_once_for_its_mrz_and_its_nif(monkeypatch: pytest.MonkeyPatch) -> None:
    """Blind probe r51a (cc06): a CC back whose MRZ failed and whose NIF went unread had its cut-out read twice, once
    for each, at every turn as it read poorly: 21 of the file's 36 s."""
    back = [
        Line("REPÚBLICA PORTUGUESA", 0.9),
        Line("Altura Height Filiação Parents", 0.9),
        Line("I<PRT123456780ZZ41<<<<<<<<<<<<", 0.9),
        Line("8803149F3105096PRT<<<<<<<<<<<3", 0.9),
        Line("SOUSA<FALCAO<<ROSA<MARIA<<<<<<", 0.9),
    ]
    monkeypatch.setattr(local, "read_side_by_side", lambda data: ReadDocument(lines=back, pages=1, method="ocr"))
    monkeypatch.setattr(local, "mrz_ocr_texts", lambda data, turns=(): [])
    monkeypatch.setattr(local, "laid_out_reading", lambda page: [])
    reads: list[bytes] = []

    def read_cut_out(data: bytes) -> list[Line]:
        reads.append(data)
        return back

    monkeypatch.setattr(local, "read_cut_out", read_cut_out)
    result = local.LocalExtractor().extract(photo_of_a_page(paper=200, ink=20), document_type="ID_DOCUMENT")
    assert result.fields["mrz_valid"] is False
    assert "missing:nif" in result.warnings
    assert len(reads) == 1


def test_a_page_on_a_transparent_background_is_not_taken_for_a_dark_photo() -> None:
    """The guard: a PNG exported with a clear background holds black under its clear pixels; shown on white paper,
    as a viewer shows it, it is a page with dark print (r49a's transparent payslip, read whole)."""
    page = Image.new("RGBA", (420, 300), (0, 0, 0, 0))
    ImageDraw.Draw(page).text(
        (20, 30), "RECIBO DE VENCIMENTO", fill=(20, 20, 20, 255), font=ImageFont.truetype(FONT, 22)
    )
    assert not taken_in_the_dark(page)
