"""A card's two sides in one file (blind probe r63a): a PDF page of scanned pictures whose MRZ the 300-dpi rendering
misread, a scanned back on a PDF's second page read at a wrong quarter turn, and an older residence permit's front
stacked over its back said "back". Built with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
import io
from unittest import mock

from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from documents.extraction import mrz_ocr, reader
from documents.extraction.reader import Line, OcrPage
from documents.extraction.schema import DocumentKind
from samples.identity import td1
from tests.helpers import parse_identity_lines

PERMIT_MRZ = td1(code="IR", state="PRT", number="D50817264", birth=dt.date(1979, 11, 4), sex="F",
                 expiry=dt.date(2028, 6, 15), nationality="NPL", surname="TAMANG", given="SUNITA")  # fmt: skip
CARD_MRZ = td1(code="I", state="PRT", number="184620932ZX4", birth=dt.date(1983, 5, 17), sex="M",
               expiry=dt.date(2031, 1, 9), nationality="PRT", surname="QUEIROS", given="DUARTE")  # fmt: skip


# --- Finding 9: an older residence permit's front captions the whole name "NOME" alone ------------------------------

OLD_PERMIT_FRONT = [
    "TÍTULO DE RESIDÊNCIA",
    "SERVIÇO DE ESTRANGEIROS E FRONTEIRAS",
    "NOME",
    "SUNITA TAMANG",
    "NACIONALIDADE",
    "NEPALESA",
    "VALIDADE N.º",
    "15-06-2028 D50817264",
    "TEMPORÁRIA",
]
OLD_PERMIT_BACK = ["DATA DE NASCIMENTO", "04-11-1979", "OBSERVAÇÕES", "ART. 88.º N.º 2"]


def test_an_older_permits_front_stacked_over_its_back_is_both_sides() -> None:
    fields, _ = parse_identity_lines(OLD_PERMIT_FRONT + OLD_PERMIT_BACK, DocumentKind.TITULO_RESIDENCIA, mrz=PERMIT_MRZ)
    assert fields["mrz_valid"] is True
    assert fields["side"] == "both"


def test_an_older_permits_name_caption_read_after_a_frames_edge_is_both_sides() -> None:
    front = ["| / | NOME" if line == "NOME" else line for line in OLD_PERMIT_FRONT]
    fields, _ = parse_identity_lines(front + OLD_PERMIT_BACK, DocumentKind.TITULO_RESIDENCIA, mrz=PERMIT_MRZ)
    assert fields["side"] == "both"


def test_guard_an_older_permits_back_alone_is_its_back() -> None:
    """Guard (passes either way): the back alone, with no name's caption, is the back."""
    fields, _ = parse_identity_lines(OLD_PERMIT_BACK, DocumentKind.TITULO_RESIDENCIA, mrz=PERMIT_MRZ)
    assert fields["side"] == "back"


def test_a_parents_name_caption_on_a_permits_back_names_no_front() -> None:
    """A "Nome do pai" caption is no caption of the holder's name: the back stays a back."""
    back = ["NOME DO PAI", "RAM TAMANG", *OLD_PERMIT_BACK]
    fields, _ = parse_identity_lines(back, DocumentKind.TITULO_RESIDENCIA, mrz=PERMIT_MRZ)
    assert fields["side"] == "back"


# --- Finding 7: a page whose MRZ lines read as it came is not turned ------------------------------------------------


def low_confidence(texts: list[str], confidence: float = 0.4) -> list[Line]:
    return [Line(text, confidence, [(word, confidence) for word in text.split()]) for text in texts]


BACK_READ_POORLY = low_confidence(["DO INV TAS", "N.o Segur Socia", "251987346", "19283746501", "402938175", *CARD_MRZ])
NOISE_READ_TURNED = low_confidence(["A MN A"] * 30, 0.62)


def read_page(first_reading: list[Line]) -> OcrPage:
    image = Image.new("L", (1200, 800), 255)
    image.paste(0, (100, 100, 300, 140))  # some ink: not a blank page
    with (
        mock.patch.object(reader, "levelled_page_reading", return_value=(first_reading, image)),
        mock.patch.object(reader, "text_region_reading", return_value=None),
        mock.patch.object(reader, "document_cut_out", return_value=None),
        mock.patch.object(reader, "upright_reading", return_value=(NOISE_READ_TURNED, 270)),
    ):
        return reader.ocr_page(image)


def test_a_page_whose_mrz_lines_read_as_it_came_stays_upright() -> None:
    page = read_page(BACK_READ_POORLY)
    assert page.turn == 0
    assert [line.text for line in page.lines][-3:] == CARD_MRZ


def test_guard_a_page_of_noise_without_an_mrz_is_still_turned() -> None:
    """Guard (passes either way): a page read as noise with no MRZ line is tried at the other turns."""
    page = read_page(low_confidence(["a FAN", "Ss OMF wz", "OMC A Bs 84 85", "Lou Né mi Sá"] * 3))
    assert page.turn == 270


def test_one_mrz_shaped_line_alone_does_not_keep_a_page_upright() -> None:
    assert not reader.mrz_read_upright(low_confidence(["noise", CARD_MRZ[0], "noise"]))
    assert reader.mrz_read_upright(low_confidence(["noise", *CARD_MRZ[:2]]))


# --- Finding 6: a PDF page of pictures read at the pictures' own resolution too ------------------------------------


def pdf_of_pictures(pixels: tuple[int, int], points: tuple[float, float], count: int = 1) -> bytes:
    """An A4 page with ``count`` grey pictures ``pixels`` large, each drawn ``points`` large, stacked."""
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    picture = io.BytesIO()
    Image.new("L", pixels, 200).save(picture, format="PNG")
    for index in range(count):
        page.drawImage(ImageReader(io.BytesIO(picture.getvalue())), 60, 480 - index * 330, *points)
    page.save()
    return buffer.getvalue()


def first_page(data: bytes) -> object:
    import pypdfium2 as pdfium

    return pdfium.PdfDocument(data)[0]


def test_a_scanned_pages_pictures_resolution_is_measured_along_the_picture() -> None:
    page = first_page(pdf_of_pictures((900, 570), (450, 285), count=2))  # 900 px over 450 pt: 144 dpi
    assert round(reader.pictures_resolution(page)) == 144
    rendered = reader.render_at_its_pictures_resolution(page)
    assert rendered is not None
    assert abs(rendered.width - 595 * 2) <= 2  # the A4 page at 144 dpi


def test_a_sharp_scan_and_a_small_logo_are_not_rendered_again() -> None:
    sharp = first_page(pdf_of_pictures((1800, 1140), (450, 285)))  # 288 dpi: as sharp as the reader's rendering
    assert reader.render_at_its_pictures_resolution(sharp) is None
    logo = first_page(pdf_of_pictures((60, 40), (60, 40)))  # a picture of a few points, no scan
    assert reader.pictures_resolution(logo) is None


def test_the_mrz_pass_reads_a_pdf_page_of_pictures_at_their_own_resolution_too() -> None:
    """The page rendered at 300 dpi reads the MRZ with a digit its check refuses; at the pictures' own 144 dpi it
    reads right, and that reading is among the pass's."""
    data = pdf_of_pictures((900, 570), (450, 285), count=2)
    misread = [CARD_MRZ[0], CARD_MRZ[1].replace("8305", "8805", 1), CARD_MRZ[2]]
    sizes: list[int] = []

    def fake_read(image: Image.Image) -> mrz_ocr.PageReading:
        sizes.append(image.width)
        # prepare_for_ocr enlarges the 1190-px page to 1600 px; the 300-dpi rendering is 2480 px wide.
        return mrz_ocr.PageReading(CARD_MRZ if image.width < 2000 else misread)

    with mock.patch.object(mrz_ocr, "mrz_read", side_effect=fake_read):
        texts = mrz_ocr.mrz_ocr_texts(data, turns=(0,))
    assert mrz_ocr.valid_mrz(texts)
    assert any(width < 2000 for width in sizes)


def test_a_photos_card_cut_out_of_its_table_is_still_read_when_its_mrz_read_upright() -> None:
    """Only the turns are spared: a photo on a table whose first reading was poor is read again as the card cut
    out of it, as before, and that better reading kept."""
    image = Image.new("L", (1200, 800), 255)
    image.paste(0, (100, 100, 300, 140))
    cut_reading = low_confidence(["PASSAPORTE PASSPORT", "Apelido Surname", "QUEIROS", *CARD_MRZ], 0.6)
    with (
        mock.patch.object(reader, "levelled_page_reading", return_value=(BACK_READ_POORLY, image)),
        mock.patch.object(reader, "text_region_reading", return_value=None),
        mock.patch.object(reader, "document_cut_out", return_value=image),
        mock.patch.object(reader, "levelled_reading", return_value=cut_reading),
        mock.patch.object(reader, "upright_reading", return_value=(NOISE_READ_TURNED, 270)),
    ):
        page = reader.ocr_page(image)
    assert (page.lines, page.turn) == (cut_reading, 0)
