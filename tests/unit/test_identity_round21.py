"""Identity documents the blind probe of round 21 found read wrong: a Cartão de Cidadão whose back is a PDF's page of
its own lost its NIF (the back's captions dropped by OCR beside the large MRZ), and the health-user number, printed
under the NIF and passing its check digit, was taken for it; a valid MRZ whose names OCR misread by one look-alike
letter ("TONUT" for "IONUT") won over the visual zone's hyphenated spelling; a residence permit's given names cut
at a word by its MRZ ("…<<THAIS<", one filler left) were reported cut and flagged. Texts are shaped as the reader
hands them over, and the card is drawn here, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections.abc import Sequence

import pytest
from PIL import Image, ImageDraw, ImageFont

from documents.extraction.local import LocalExtractor
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1, td3
from samples.synthetic import pil_font, reportlab_font_dir

needs_tesseract = pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract is not installed")

# NIF-valid personal numbers: the card's NIF and a health-user number that passes the same check.
NIF = "234567015"
HEALTH_PASSING_THE_NIF_CHECK = "234567007"
NISS = "12345678901"


def parse(
    lines: Sequence[str], kind: DocumentKind, *, mrz: list[str] | None = None
) -> tuple[dict[str, object], list[str]]:
    parsed = parse_identity([Line(text, 0.9) for text in [*lines, *(mrz or [])]], kind)
    return parsed.fields, parsed.warnings


def cc_mrz() -> list[str]:
    return td1(code="I", state="PRT", number="203948570ZZ1", birth=dt.date(2006, 5, 9), sex="F",
               expiry=dt.date(2032, 1, 20), nationality="PRT", surname="PEDROSA LOBO", given="INES")  # fmt: skip


# --- 1. A Cartão de Cidadão's NIF, and the numbers printed under it --------------------------------------------


def test_a_bare_number_after_another_long_number_is_never_taken_for_the_nif() -> None:
    """Every caption of the back lost, the NIF misread to ten digits: the health-user number, last of the three and
    passing the NIF's check digit, stands where the NIF is not printed; it is left out and the NIF said missing."""
    lines = ["Artur Pedrosa", "Inês Lobo", "2345670155", NISS, HEALTH_PASSING_THE_NIF_CHECK]
    fields, warnings = parse(lines, DocumentKind.CARTAO_CIDADAO, mrz=cc_mrz())
    assert fields["mrz_valid"] is True
    assert fields.get("nif") is None
    assert "missing:nif" in warnings


def test_a_number_captioned_as_another_after_a_bare_one_is_never_the_nif() -> None:
    """The NISS's caption read, the health-user number's lost: a bare number after the NISS is no NIF."""
    lines = ["N.º SEGURANÇA SOCIAL / SOCIAL SECURITY No.", NISS, "N.º UT", HEALTH_PASSING_THE_NIF_CHECK]
    fields, _ = parse(lines, DocumentKind.CARTAO_CIDADAO, mrz=cc_mrz())
    assert fields.get("nif") is None


def test_a_bare_nif_printed_first_is_still_read() -> None:
    """Guard (passes before the fix too): the captions lost on a blurred photo, the NIF is the first of the back's
    numbers, the only one passing its check: it is read."""
    lines = ["Artur Pedrosa", NIF, NISS, "234567008"]
    fields, _ = parse(lines, DocumentKind.CARTAO_CIDADAO, mrz=cc_mrz())
    assert fields.get("nif") == NIF


def cc_back_image() -> Image.Image:
    """A card's back at 300 dpi (1011 px wide), grey captions over the numbers and a large MRZ in Courier Bold: read
    as one block on a page of its own, Tesseract drops the captions and the numbers beside the MRZ's type."""
    card = Image.new("RGB", (1011, 638), (232, 238, 236))
    draw = ImageDraw.Draw(card)
    draw.rounded_rectangle([2, 2, 1008, 635], 30, outline=(150, 150, 150), width=3)
    draw.text((30, 25), "FILIAÇÃO / PARENTS", font=pil_font(15), fill=(60, 90, 80))
    draw.text((30, 45), "Artur Pedrosa", font=pil_font(22, True), fill=0)
    draw.text((30, 75), "Inês Lobo", font=pil_font(22, True), fill=0)
    rows = [
        ("N.º IDENTIFICAÇÃO FISCAL / TAX No.", NIF),
        ("N.º SEGURANÇA SOCIAL / SOCIAL SECURITY No.", NISS),
        ("N.º UTENTE DE SAÚDE / NATIONAL HEALTH USER No.", HEALTH_PASSING_THE_NIF_CHECK),
    ]
    for index, (caption, value) in enumerate(rows):
        top = 113 + 56 * index
        draw.text((30, top), caption, font=pil_font(15), fill=(60, 90, 80))
        draw.text((30, top + 19), value, font=pil_font(24, True), fill=0)
    draw.rectangle([0, 400, 1011, 634], fill=(245, 245, 245))
    courier_bold = ImageFont.truetype(str(reportlab_font_dir() / "cob_____.pfb"), 50)
    for index, line in enumerate(cc_mrz()):
        draw.text((45, 420 + 68 * index), line, font=courier_bold, fill=0)
    return card


@pytest.mark.ocr
@needs_tesseract
def test_a_cc_back_on_a_pdf_page_of_its_own_has_its_nif_read() -> None:
    """Front on page 1, back on page 2: the back, its captions lost in the first reading, is read again with
    Tesseract finding its blocks, and the NIF under its caption is read, not the health-user number."""
    front = Image.new("RGB", (1011, 638), (226, 236, 232))
    ImageDraw.Draw(front).text((30, 30), "CARTÃO DE CIDADÃO / CITIZEN CARD", font=pil_font(22, True), fill=0)
    pdf = io.BytesIO()
    front.save(pdf, format="PDF", save_all=True, append_images=[cc_back_image()], resolution=300)
    result = LocalExtractor().extract(pdf.getvalue(), document_type="ID_DOCUMENT")
    fields = result.json_fields()
    assert (fields["nif"], fields["mrz_valid"]) == (NIF, True)
    assert "missing:nif" not in result.warnings


# --- 2. A valid MRZ's names misread by one look-alike letter ----------------------------------------------------


def romanian_mrz(given: str) -> list[str]:
    return td3(code="P", state="ROU", number="071953284", birth=dt.date(1990, 2, 11), sex="M",
               expiry=dt.date(2030, 2, 10), nationality="ROU", surname="DUMITRESCU", given=given)  # fmt: skip


def test_a_printed_hyphenated_name_one_look_alike_from_the_mrz_s_is_its_spelling() -> None:
    """No caption read: "IOAN-CRISTIAN" printed, the MRZ read "TOAN<CRISTIAN" (OCR's "T" for the monospaced "I").
    No check digit covers the names: the printed word, one look-alike apart, is the name."""
    lines = ["ROMÂNIA", "DUMITRESCU", "IOAN-CRISTIAN", "ROMÂNĂ/ROU"]
    fields, _ = parse(lines, DocumentKind.PASSAPORTE, mrz=romanian_mrz("TOAN CRISTIAN"))
    assert fields["mrz_valid"] is True
    assert fields["given_names"] == "Ioan-Cristian"
    assert fields["full_name"] == "Ioan-Cristian Dumitrescu"


def test_a_printed_word_further_from_the_mrz_s_is_another() -> None:
    """Guard (passes before the fix too): a printed word two letters from the MRZ's, or one letter that is no
    look-alike ("IOAN-CRISTINA" for "IOAN<CRISTIAN"), is another word: the MRZ's name stands."""
    lines = ["ROMÂNIA", "DUMITRESCU", "IOAN-CRISTINA", "ROMÂNĂ/ROU"]
    fields, _ = parse(lines, DocumentKind.PASSAPORTE, mrz=romanian_mrz("IOAN CRISTIAN"))
    assert fields["given_names"] == "Ioan Cristian"


# --- 3. A TD1's names cut at a word --------------------------------------------------------------------------


def permit(surname: str, given: str) -> list[str]:
    return td1(code="IR", state="PRT", number="R7C305928", birth=dt.date(1993, 8, 14), sex="F",
               expiry=dt.date(2029, 4, 2), nationality="BRA", surname=surname, given=given)  # fmt: skip


def permit_front(given: str) -> list[str]:
    return ["TÍTULO DE RESIDÊNCIA / RESIDENCE PERMIT", "APELIDOS / SURNAME", "FERNANDES DE ANDRADE",
            "NOMES / GIVEN NAMES", given, "NACIONALIDADE / NATIONALITY", "BRA"]  # fmt: skip


def test_given_names_a_td1_cut_at_a_word_are_read_whole_from_the_visual_zone() -> None:
    """ "FERNANDES<DE<ANDRADE<<LUCIANA<": one filler left, no room for another name; the printed "LUCIANA BEATRIZ"
    starts as the MRZ's names do, and is the whole name, not a mismatch."""
    mrz = permit("FERNANDES DE ANDRADE", "LUCIANA")
    assert mrz[2] == "FERNANDES<DE<ANDRADE<<LUCIANA<"
    fields, warnings = parse(permit_front("LUCIANA BEATRIZ"), DocumentKind.TITULO_RESIDENCIA, mrz=mrz)
    assert fields["given_names"] == "Luciana Beatriz"
    assert fields["full_name"] == "Luciana Beatriz Fernandes de Andrade"
    assert not [code for code in warnings if code.startswith("mrz_viz_mismatch")]


def test_a_name_ending_with_room_for_another_is_whole_and_a_longer_reading_is_flagged() -> None:
    """Guard (passes before the fix too): "…<<LUCIA<<" leaves room for another name; a printed "LUCIA BEATRIZ" is
    not the MRZ's names, and the difference is flagged."""
    mrz = permit("FERNANDES DE ANDRADE", "LUCIA")
    assert mrz[2].endswith("<<")
    _, warnings = parse(permit_front("LUCIA BEATRIZ"), DocumentKind.TITULO_RESIDENCIA, mrz=mrz)
    assert "mrz_viz_mismatch:given_names" in warnings


# --- 4. A name the MRZ transliterates --------------------------------------------------------------------------


def test_a_printed_umlaut_the_mrz_transliterates_is_the_name() -> None:
    """Guard (passes before the fix too): "SCHÖNBERGER" printed under its caption, "SCHOENBERGER" in the MRZ: the
    printed spelling is the name. Round 21's German passport lost its surname line to OCR, not to this rule."""
    lines = ["Name/Surname/Nom", "SCHÖNBERGER", "Vornamen/Given names/Prénoms", "JONAS"]
    mrz = td3(code="P", state="D", number="C7F3K9L21", birth=dt.date(1985, 1, 4), sex="M",
              expiry=dt.date(2033, 5, 6), nationality="D", surname="SCHOENBERGER", given="JONAS")  # fmt: skip
    fields, warnings = parse(lines, DocumentKind.PASSAPORTE, mrz=mrz)
    assert fields["full_name"] == "Jonas Schönberger"
    assert not [code for code in warnings if code.startswith("mrz_viz_mismatch")]
