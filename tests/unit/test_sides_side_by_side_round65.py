"""A card's front and back side by side in one image with no darker surface round them (a scan or a render on
white), blind probe r65b: OCR joined the front's rows to the back's ("AHMED MAHMOUD AIMA, I.P.", the back's issuer
on the given names' row). Rows of an MRZ wholly on one side of a gap no word crosses tell two documents, and the
lines are parted there as for two cards on a table. Names and numbers are the tests' own."""

from __future__ import annotations

import datetime as dt

from documents.extraction import local, reader
from documents.extraction.mrz import read_mrz
from documents.extraction.parsers import parse_document
from documents.extraction.parsers.common import Parsed
from documents.extraction.parsers.identity import card_side, merge_name, only_particles_lost
from documents.extraction.reader import Line, ReadDocument, an_mrz_beside_other_words, read_side_by_side
from documents.extraction.schema import DocumentKind
from samples.identity import td1

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


def words(*placed: tuple[str, int]) -> Line:
    """A line of words, each at its left edge on one row, 12 px a character, 20 px high."""
    confidences = [(text, 0.93) for text, _ in placed]
    return Line(" ".join(text for text, _ in placed), 0.93, confidences, [(x, 100, 12 * len(t), 20) for t, x in placed])


# A permit's front (left, x 100-600) and back (right, x 1000-1400) as OCR read them on one page.
FRONT_BESIDE_BACK = [
    words(("AUTORIZAÇÃO", 100), ("DE", 250), ("RESIDÊNCIA", 290), ("06", 1000), ("03", 1040), ("1979", 1080)),
    words(("MOREIRA", 100), ("TEIXEIRA", 200), ("281736459", 1000)),
    words(("NOME(S)", 100), ("/", 190), ("GIVEN", 210), ("NAMES", 280), ("EMITIDO", 1000), ("POR", 1100)),
    words(("ROSA", 100), ("LINDA", 160), ("AIMA,", 1000), ("I.P.", 1070)),
    words(("IRPRTC72K19P40<<<<<<<<<<<<<<<", 1000)),
    words(("7903064F3107228BRA<<<<<<<<<<<4", 1000)),
    words(("MOREIRA<TEIXEIRA<<ROSA<LINDA<<", 1000)),
]


def test_an_mrz_wholly_beside_the_other_sides_words_tells_two_documents() -> None:
    assert an_mrz_beside_other_words(FRONT_BESIDE_BACK) is True


def test_a_back_alone_whose_mrz_runs_across_it_is_one_document() -> None:
    """Guard (passes either way): on one card the MRZ runs across it (x 100-460 here), so no gap parts it."""
    back = [
        words(("281736459", 100), ("EMITIDO", 300), ("POR", 400)),
        words(("IRPRTC72K19P40<<<<<<<<<<<<<<<", 100)),
        words(("7903064F3107228BRA<<<<<<<<<<<4", 100)),
        words(("MOREIRA<TEIXEIRA<<ROSA<LINDA<<", 100)),
    ]
    assert an_mrz_beside_other_words(back) is False


def test_two_columns_of_one_front_without_an_mrz_are_not_parted() -> None:
    """Guard: a front's columns (captions left, values right) may leave a gap; without an MRZ beside it, the page
    is read as it came."""
    front = [
        words(("APELIDO(S)", 100), ("MOREIRA", 1000)),
        words(("NOME(S)", 100), ("ROSA", 1000)),
        words(("VALIDADE", 100), ("22", 1000), ("07", 1040), ("2031", 1080)),
    ]
    assert an_mrz_beside_other_words(front) is False


def test_a_front_beside_its_back_on_white_is_read_side_by_side(monkeypatch) -> None:
    """No darker surface shows round the cards (``documents_side_by_side`` finds none): the MRZ beside the
    front's words parts the lines, so the given names' row keeps only the front's words."""
    read = ReadDocument(lines=FRONT_BESIDE_BACK, pages=1, method="ocr", turns=(0,))
    monkeypatch.setattr(reader, "read_document", lambda data: read)
    monkeypatch.setattr(reader, "open_image", lambda data: object())
    monkeypatch.setattr(reader, "as_grey_on_white", lambda image: image)
    monkeypatch.setattr(reader, "documents_side_by_side", lambda image: [])
    monkeypatch.setattr("PIL.ImageOps.exif_transpose", lambda image: image)
    parted = read_side_by_side(PNG)
    texts = [line.text for line in parted.lines]
    assert "ROSA LINDA" in texts
    assert "AIMA, I.P." in texts
    assert texts[-3:] == [line.text for line in FRONT_BESIDE_BACK[-3:]]


def test_a_permits_given_names_caption_tells_its_front() -> None:
    """The front's surname caption lost to OCR, its given names' caption "NOME(S) / GIVEN NAMES" still says the
    front is on the page (blind probe r65b: a front and back side by side read as the back alone)."""
    lines = [Line("NOME(S) / GIVEN NAMES"), Line("ROSA LINDA"), Line("NIF")]
    assert card_side(lines, has_mrz=True, kind=DocumentKind.TITULO_RESIDENCIA) == "both"


# --- a particle OCR lost is the same name (blind probe r65b, finding 3) ------------------------------------------

HOLDER_MRZ = td1(code="IR", state="PRT", number="C72K19P40", birth=dt.date(1979, 3, 6), sex="F",
                 expiry=dt.date(2031, 7, 22), nationality="BRA", surname="DA ROCHA E MELO", given="ROSA LINDA")  # fmt: skip


def merged_surname(printed: str) -> Parsed:
    mrz = read_mrz(HOLDER_MRZ)
    assert mrz is not None and mrz.valid
    parsed = Parsed()
    parsed.put("surname", printed, 0.9)
    merge_name(parsed, "surname", mrz.surname, mrz)
    return parsed


def test_a_particle_ocr_lost_between_two_words_is_no_mismatch() -> None:
    parsed = merged_surname("DA ROCHA MELO")
    assert parsed.warnings == []
    assert parsed.fields["surname"] == "da Rocha e Melo"


def test_a_name_word_missing_is_still_a_mismatch() -> None:
    """Guard (passes either way): a word that is no particle missing is another name."""
    assert merged_surname("DA ROCHA E").warnings == ["mrz_viz_mismatch:surname"]


def test_particles_lost_compares_words_in_order_accents_aside() -> None:
    assert only_particles_lost("Dos Santos Simões", "DOS SANTOS E SIMOES") is True
    assert only_particles_lost("SANTOS SIMOES", "DOS SANTOS E SIMOES") is True
    assert only_particles_lost("DOS SANTOS E SIMOES", "DOS SANTOS E SIMOES") is False
    assert only_particles_lost("SIMOES SANTOS", "DOS SANTOS E SIMOES") is False


# --- the back's MRZ read again from its own side of the page (blind probe r65b, finding 2) ------------------------


def back_beside_front_read(misread_first_line: str) -> ReadDocument:
    """The lines of FRONT_BESIDE_BACK, the MRZ's first row misread where the front's signature ran into it."""
    lines = [*FRONT_BESIDE_BACK[:4], words(("ASSINATURA", 100), (misread_first_line, 1000)), *FRONT_BESIDE_BACK[5:]]
    return ReadDocument(lines=lines, pages=1, method="ocr", turns=(0,))


def test_the_backs_mrz_is_read_again_from_its_side_of_the_page(monkeypatch) -> None:
    from PIL import Image

    crops: list[tuple[int, int]] = []

    def mrz_read(image):
        crops.append(image.size)
        return [HOLDER_MRZ[0], HOLDER_MRZ[1], HOLDER_MRZ[2]]

    monkeypatch.setattr(local, "open_image", lambda data: None)
    monkeypatch.setattr(local, "prepare_for_ocr", lambda image: Image.new("L", (1500, 400), 255))
    monkeypatch.setattr(local, "mrz_read", mrz_read)
    read = back_beside_front_read(HOLDER_MRZ[0].replace("C72K19P40", "C7ZK1OP4O"))
    read.lines[5:7] = [words((HOLDER_MRZ[1], 1000)), words((HOLDER_MRZ[2], 1000))]
    parsed = parse_document(DocumentKind.TITULO_RESIDENCIA, read.lines)
    assert parsed.fields.get("mrz_valid") is False
    again = local.mrz_from_the_back_beside_the_front(PNG, DocumentKind.TITULO_RESIDENCIA, read, parsed)
    assert again.fields["mrz_valid"] is True
    assert again.fields["document_number"] == "C72K19P40"
    # Cut in the gap between the two cards (the front's words end at x 410, the back's start at 1000): the back's
    # side kept, from the cut to the page's right edge.
    assert len(crops) == 1 and crops[0][1] == 400 and 1500 - 1000 < crops[0][0] < 1500 - 410


def test_a_reading_of_the_backs_side_that_still_fails_is_not_taken(monkeypatch) -> None:
    """Guard: the check digits judge the second reading; one that fails them leaves the first as it was."""
    from PIL import Image

    misread = HOLDER_MRZ[0].replace("C72K19P40", "C7ZK1OP4O")
    monkeypatch.setattr(local, "open_image", lambda data: None)
    monkeypatch.setattr(local, "prepare_for_ocr", lambda image: Image.new("L", (1500, 400), 255))
    monkeypatch.setattr(local, "mrz_read", lambda image: [misread, HOLDER_MRZ[1], HOLDER_MRZ[2]])
    read = back_beside_front_read(misread)
    read.lines[5:7] = [words((HOLDER_MRZ[1], 1000)), words((HOLDER_MRZ[2], 1000))]
    parsed = parse_document(DocumentKind.TITULO_RESIDENCIA, read.lines)
    assert local.mrz_from_the_back_beside_the_front(PNG, DocumentKind.TITULO_RESIDENCIA, read, parsed) is parsed
