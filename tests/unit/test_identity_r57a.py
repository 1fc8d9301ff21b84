"""Identity documents as applicants send them (blind probe r57a): an e-mail printed to PDF with the passport's or the
card's photo inline, whose text layer is the e-mail's words only. Built with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
import io
import random
from unittest import mock

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from documents.extraction import reader
from documents.extraction.errors import ExtractionFailed
from documents.extraction.local import IDENTITY_DATA_UNREAD, UNRECOGNISED, LocalExtractor
from documents.extraction.schema import DocumentKind
from samples.identity import passport_png
from samples.synthetic import Person
from tests.helpers import parse_identity_lines, text_picture

pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))

HOLDER = Person(
    given_names="Teodora Isabel",
    surname="Valadares Brito",
    nif="251876430",
    date_of_birth=dt.date(1991, 3, 22),
    cc_number="",
    expiry_date=dt.date(2033, 7, 9),
    sex="F",
    nationality="BRA",
)
NAMING_THE_KIND = [
    "De: Teodora Brito <teo.brito@example.com>",
    "Para: Imobiliária Norte <rendas@example.pt>",
    "Assunto: Documentos para o arrendamento",
    "Boa tarde, segue o meu passaporte como pedido.",
    "Cumprimentos, Teodora",
]
NEUTRAL = [
    "From: T. Brito <teo.brito@example.com>",
    "To: lettings@example.pt",
    "Subject: Files",
    "Hello, as you asked, please find it below.",
    "Best, T.",
]


def passport_picture() -> tuple[ImageReader, str]:
    document = passport_png(HOLDER, rng=random.Random(57))
    return ImageReader(io.BytesIO(document.document.data)), document.number


def email_pdf(words: list[str], *, picture: ImageReader | None) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("DejaVuSans", 10)
    for row, text in enumerate(words):
        pdf.drawString(50, 790 - 16 * row, text)
    if picture is not None:
        pdf.drawImage(picture, 50, 330, width=480, height=320)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.mark.parametrize("words", [NAMING_THE_KIND, NEUTRAL], ids=["naming_the_kind", "neutral"])
def test_a_passport_photo_inline_in_an_emails_pdf_is_read_from_the_photo(words: list[str]) -> None:
    """The e-mail's words named a passport (every field came back empty, then refused as a blank document) or
    nothing (refused as not recognised): the photo was never OCR'd."""
    picture, number = passport_picture()
    result = LocalExtractor().extract(email_pdf(words, picture=picture), document_type="ID_DOCUMENT")
    assert result.kind == "PASSAPORTE"
    assert result.method == "ocr"
    assert result.fields["surname"] == "Valadares Brito"
    assert result.fields["full_name"] == "Teodora Isabel Valadares Brito"
    assert result.fields["document_number"] == number
    assert result.fields["date_of_birth"] == dt.date(1991, 3, 22)
    assert result.fields["mrz_valid"] is True


def test_an_email_naming_a_passport_with_no_picture_is_still_refused_as_unread() -> None:
    """Guard (passes either way): no page draws a picture, so nothing is read again and the refusal stands."""
    with pytest.raises(ExtractionFailed) as refused:
        LocalExtractor().extract(email_pdf(NAMING_THE_KIND, picture=None), document_type="ID_DOCUMENT")
    assert str(refused.value) == IDENTITY_DATA_UNREAD


def test_an_email_whose_picture_is_no_identity_document_is_refused_as_before() -> None:
    """Guard (passes either way): the picture is OCR'd, reads as no identity document, and the text layer's reading
    is kept."""
    logo = text_picture("Imobiliária Norte", (600, 80))
    with pytest.raises(ExtractionFailed) as refused:
        LocalExtractor().extract(email_pdf(NEUTRAL, picture=logo), document_type="ID_DOCUMENT")
    assert str(refused.value) == UNRECOGNISED["ID_DOCUMENT"]


def test_a_text_layer_that_names_the_holder_is_not_ocrd_for_its_picture() -> None:
    """A digital card's PDF (its values in the text layer, its photo a picture) is read from its text alone."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setFont("DejaVuSans", 10)
    page = [
        "PASSAPORTE / PASSPORT",
        "Apelido / Surname",
        "VALADARES BRITO",
        "Nome / Given names",
        "TEODORA ISABEL",
        "Data de nascimento / Date of birth",
        "22/03/1991",
        "Data de validade / Date of expiry",
        "09/07/2033",
    ]
    for row, text in enumerate(page):
        pdf.drawString(250, 790 - 16 * row, text)
    pdf.drawImage(text_picture("FOTO", (200, 260)), 50, 620, width=150, height=190)
    pdf.showPage()
    pdf.save()
    with mock.patch.object(reader, "tesseract_data", side_effect=AssertionError("Tesseract ran")):
        result = LocalExtractor().extract(buffer.getvalue(), document_type="ID_DOCUMENT")
    assert result.method == "text"
    assert result.fields["surname"] == "Valadares Brito"


# A passport's data page as OCR read a phone photo of it: the surname's caption garbled past reading, the given
# names' caption's slash read as a letter, the MRZ's data line under a thumb (its first characters lost).
GARBLED_PAGE = [
    "REPÚBLICA PORTUGUESA",
    "PASSAPORTE / PASSPORT",
    "| P PRT CB719204",
    "Aqpelidafsumama",
    "FIGUEIREDO LOBATO",
    "NomeiGiren names",
    "DUARTE HENRIQUE",
    "Data de nascimento/Date of birth Sexo/Sex",
    "| 11/05/1987 M",
]
NAMES_LINE = "P<PRTFIGUEIREDO<LOBATO<<DUARTE<HENRIQUE<<<<<<<<<"
DATA_LINE_UNDER_A_THUMB = "*“9204<3PRT8705118M3110226<<<<<<<<<<<<<<<? AA"


def test_given_names_under_a_misread_caption_are_not_the_full_name() -> None:
    """A lone "Nome" with no surname caption captions the whole name; one whose translation names given names
    ("Given names", its slash misread) does not, whether or not the surname's caption was read."""
    fields, warnings = parse_identity_lines(GARBLED_PAGE, DocumentKind.PASSAPORTE)
    assert fields.get("full_name") is None
    assert fields["given_names"] == "Duarte Henrique"
    assert "mrz_unread" in warnings


def test_a_lone_nome_still_captions_the_whole_name() -> None:
    """Guard (passes either way): an older card's "Nome" alone, or Brazil's "Nome / Name", is the whole name."""
    for caption in ("Nome", "Nome / Name"):
        fields, _ = parse_identity_lines(
            ["BILHETE DE IDENTIDADE", caption, "AMADOU DJALÓ BALDÉ"], DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
        )
        assert fields["full_name"] == "Amadou Djaló Baldé"


def test_the_names_lines_names_vouch_for_printed_lines_that_spell_them() -> None:
    """The MRZ's data line lost, its names line whole: the surname printed under a misread caption is the one the
    names line spells letter for letter, and the full name is whole."""
    fields, warnings = parse_identity_lines(
        GARBLED_PAGE, DocumentKind.PASSAPORTE, mrz=[NAMES_LINE, DATA_LINE_UNDER_A_THUMB]
    )
    assert fields["surname"] == "Figueiredo Lobato"
    assert fields["given_names"] == "Duarte Henrique"
    assert fields["full_name"] == "Duarte Henrique Figueiredo Lobato"
    assert fields.get("mrz_valid") is None
    assert "mrz_unread" in warnings


def test_the_names_line_alone_names_nobody() -> None:
    """No check digit covers the names line: a surname it names that no printed line spells is not taken from it,
    and the given names alone are still no full name."""
    page = [line for line in GARBLED_PAGE if line != "FIGUEIREDO LOBATO"]
    fields, _ = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=[NAMES_LINE, DATA_LINE_UNDER_A_THUMB])
    assert fields.get("surname") is None
    assert fields.get("full_name") is None


def test_a_whole_name_that_is_the_names_lines_given_names_alone_is_left_out() -> None:
    """A lone "Nome" caption over the given names, the surname's caption and value both lost: the names line shows
    the name under it is the given names alone, which name someone else (another surname fails the identity)."""
    page = ["PASSAPORTE / PASSPORT", "| P PRT CB719204", "Nome", "DUARTE HENRIQUE", "| 11/05/1987 M"]
    fields, _ = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=[NAMES_LINE, DATA_LINE_UNDER_A_THUMB])
    assert fields.get("full_name") is None
