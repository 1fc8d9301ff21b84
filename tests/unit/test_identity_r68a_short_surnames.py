"""Short surnames of look-alike glyphs on identity documents (blind probe r68a): a Cartão de Cidadão's "WANG LI"
read with the "LI" at 0.40 (the sans-serif "I" and "l" alike) and dropped as a speck; a passport's printed "WANG LI"
read "WANG Ll", cut off as a mixed-case word and flagged against the valid MRZ's WANG<LI; the MRZ's "XIAOMING" read
"XIAOQMING", one glyph read as two, reported over the printed "XIAOMING". Lines are shaped as the reader hands them
over (each word's confidence and box); the pictures are drawn as the probe drew them, names of their own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from documents.extraction.local import LocalExtractor
from documents.extraction.parsers.identity import capital_i_restored, parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td3

BIRTH, EXPIRY = dt.date(1990, 6, 15), dt.date(2031, 5, 22)


def name_line(*words: tuple[str, float, tuple[int, int, int, int]]) -> Line:
    """A name's line as OCR reads it: each word with its confidence and its box (left, top, width, height)."""
    confidence = sum(sure for _, sure, _ in words) / len(words)
    return Line(
        " ".join(word for word, _, _ in words),
        confidence,
        [(word, sure) for word, sure, _ in words],
        [box for _, _, box in words],
    )


def cc_front(surname: Line) -> list[Line]:
    texts: list[str | Line] = [
        "REPÚBLICA PORTUGUESA",
        "CARTÃO DE CIDADÃO / CITIZEN CARD",
        "Apelido(s) / Surname",
        surname,
        "Nome(s) / Given Name",
        "XIAOMING",
        "Sexo / Sex Altura / Height Nacionalidade / Nationality",
        "M 1,70 PRT",
        "Data de Nascimento / Date of Birth",
        "15 06 1990",
        "N.º Documento / Document No.",
        "16204006 7 ZZ3",
        "Data de Validade / Expiry Date",
        "22 05 2031",
    ]
    return [text if isinstance(text, Line) else Line(text, 0.93) for text in texts]


# --- 1. A card's front: a short surname OCR doubted, printed in the name's type, stays -------------------------


PLAIN, ACCENTED = (421, 197, 115, 25), (421, 189, 160, 38)


@pytest.mark.parametrize(
    ("first", "first_box", "short", "short_box", "surname"),
    [
        ("WANG", PLAIN, "LI", (553, 197, 29, 25), "Wang Li"),
        ("WANG", PLAIN, "LU", (553, 197, 36, 25), "Wang Lu"),
        ("CHAN", PLAIN, "NG", (553, 197, 40, 25), "Chan Ng"),
        ("ZHANG", PLAIN, "WU", (553, 197, 44, 25), "Zhang Wu"),
        ("CHOI", PLAIN, "IL", (553, 197, 29, 25), "Choi Il"),
        # An accent makes the short word's box, or the name's, taller than plain capitals.
        ("COSTA", PLAIN, "SÁ", (553, 189, 40, 33), "Costa Sá"),
        ("COSTA", PLAIN, "Ó", (553, 189, 22, 33), "Costa Ó"),
        ("CONCEIÇÃO", ACCENTED, "LI", (598, 197, 29, 25), "Conceição Li"),
    ],
)
def test_a_short_surname_read_unsurely_in_the_names_type_stays(
    first: str, first_box: tuple[int, int, int, int], short: str, short_box: tuple[int, int, int, int], surname: str
) -> None:
    """ "WANG LI", the "LI" at 0.40 as tall as "WANG", on its row and a space after it: the holder's surname,
    dropped as a speck before (identity.name_match then said "apenas semelhante" against the typed name)."""
    line = name_line((first, 0.92, first_box), (short, 0.40, short_box))
    parsed = parse_identity(cc_front(line), DocumentKind.CARTAO_CIDADAO)
    assert parsed.fields["surname"] == surname
    assert parsed.fields["full_name"] == f"Xiaoming {surname}"


@pytest.mark.parametrize(
    "speck",
    [
        pytest.param((1180, 203, 22, 11), id="half_as_tall"),
        pytest.param((980, 197, 29, 25), id="far_from_the_name"),
        pytest.param((553, 215, 29, 25), id="below_the_row"),
    ],
)
def test_a_speck_read_as_a_short_word_after_the_name_is_still_dropped(speck: tuple[int, int, int, int]) -> None:
    """Guard: a glare's edge read "ES" at 0.35 whose box is not a letter of the name's (smaller, far off, lower)."""
    surname = name_line(("WANG", 0.92, (421, 197, 115, 25)), ("ES", 0.35, speck))
    parsed = parse_identity(cc_front(surname), DocumentKind.CARTAO_CIDADAO)
    assert parsed.fields["surname"] == "Wang"


def test_a_speck_on_a_line_without_boxes_is_still_dropped() -> None:
    """Guard: round 19's "SITA DEVI ES", no word boxes to vouch for the short word: the doubt stands."""
    surname = Line("WANG ES", 0.63, [("WANG", 0.92), ("ES", 0.35)])
    parsed = parse_identity(cc_front(surname), DocumentKind.CARTAO_CIDADAO)
    assert parsed.fields["surname"] == "Wang"


# --- 2. A passport: the printed "LI" read "Ll" beside a valid MRZ ---------------------------------------------


def passport(surname: Line, given: str | Line, mrz: list[str]) -> list[Line]:
    texts: list[str | Line] = [
        "PEOPLE'S REPUBLIC OF CHINA",
        "PASSAPORTE / PASSPORT / PASSEPORT",
        "Tipo/ Type Código /Code Passaporte N.º / Passport No.",
        "P CHN EA1234567",
        "Apelido / Surname",
        surname,
        "Nome / Given names",
        given,
        "Nacionalidade / Nationality",
        "CHINESE",
        "Data de nascimento / Date of birth",
        "15 JUN 1990",
        "Sexo / Sex",
        "M",
        "Data de validade / Date of expiry",
        "22 MAY 2031",
    ]
    return [text if isinstance(text, Line) else Line(text, 0.93) for text in texts] + [Line(line, 0.85) for line in mrz]


def china_mrz(surname: str, given: str) -> list[str]:
    return td3(code="P", state="CHN", number="EA1234567", birth=BIRTH, sex="M", expiry=EXPIRY, nationality="CHN",
               surname=surname, given=given)  # fmt: skip


def mismatches(warnings: list[str]) -> list[str]:
    return [code for code in warnings if code.startswith("mrz_viz_mismatch")]


@pytest.mark.parametrize(
    ("read", "mrz_surname"), [("WANG Ll", "WANG LI"), ("WANG L1U", "WANG LIU"), ("lL CHOI", "IL CHOI")]
)
def test_a_capital_i_read_as_l_or_1_agrees_with_the_mrz(read: str, mrz_surname: str) -> None:
    """ "WANG Ll" over the MRZ's WANG<LI: the mixed-case "Ll" was cut off as the parents' names, the surname flagged
    against the valid MRZ and identity.name_match failed (HIGH)."""
    words = read.split()
    surname = name_line(
        *((word, 0.62, (481 + 130 * index, 282, 26 * len(word), 23)) for index, word in enumerate(words))
    )
    parsed = parse_identity(passport(surname, "XIAOMING", china_mrz(mrz_surname, "XIAOMING")), DocumentKind.PASSAPORTE)
    assert parsed.fields["surname"] == mrz_surname.title()
    assert parsed.fields["full_name"] == f"Xiaoming {mrz_surname.title()}"
    assert not mismatches(parsed.warnings)


def test_another_short_surname_printed_still_disagrees_with_the_mrz() -> None:
    """Guard: the page prints "WANG LU" where the MRZ says WANG<LI: another letter, still flagged."""
    surname = name_line(("WANG", 0.91, (481, 282, 108, 23)), ("LU", 0.9, (606, 282, 30, 23)))
    parsed = parse_identity(passport(surname, "XIAOMING", china_mrz("WANG LI", "XIAOMING")), DocumentKind.PASSAPORTE)
    assert "mrz_viz_mismatch:surname" in parsed.warnings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WANG Ll", "WANG LI"),
        ("Ll", "LI"),
        ("WANG L1", "WANG LI"),
        # Guards: a line in mixed case (a typed document's, the parents' names) and a figure opening a word.
        ("Lloyd Jones", "Lloyd Jones"),
        ("ANA Lúcia", "ANA Lúcia"),
        ("1WANG", "1WANG"),
        ("WANG LI", "WANG LI"),
    ],
)
def test_capital_i_restored_only_in_a_name_in_capitals(text: str, expected: str) -> None:
    assert capital_i_restored(text) == expected


# --- 3. The MRZ's names line with one glyph read as two --------------------------------------------------------


def test_an_mrz_letter_read_twice_is_the_printed_name() -> None:
    """The MRZ's "XIAOQMING" (its "O" read "OQ", a filler lost) beside the printed "XIAOMING" read at 0.91: the
    MRZ's extra letter was taken for one the visual zone merged, "Xiaoqming" reported and flagged."""
    mrz = china_mrz("WANG LI", "XIAOMING")
    mrz[0] = mrz[0].replace("XIAOMING<", "XIAOQMING")
    surname = name_line(("WANG", 0.91, (481, 282, 108, 23)), ("LI", 0.9, (606, 282, 26, 23)))
    given = Line("XIAOMING", 0.91, [("XIAOMING", 0.91)])
    parsed = parse_identity(passport(surname, given, mrz), DocumentKind.PASSAPORTE)
    assert parsed.fields["given_names"] == "Xiaoming"
    assert not mismatches(parsed.warnings)


def test_an_mrz_letter_more_of_another_shape_is_still_flagged() -> None:
    """Guard: the MRZ's "XIAORMING" has a letter no look-alike of its neighbours: another name, still flagged."""
    mrz = china_mrz("WANG LI", "XIAOMING")
    mrz[0] = mrz[0].replace("XIAOMING<", "XIAORMING")
    surname = name_line(("WANG", 0.91, (481, 282, 108, 23)), ("LI", 0.9, (606, 282, 26, 23)))
    given = Line("XIAOMING", 0.91, [("XIAOMING", 0.91)])
    parsed = parse_identity(passport(surname, given, mrz), DocumentKind.PASSAPORTE)
    assert "mrz_viz_mismatch:given_names" in parsed.warnings


# --- 4. The pictures as the probe drew them (DejaVu Sans Bold: "I" and "l" alike) ------------------------------

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"


def drawn(rows: list[tuple[str, str]], *, size: tuple[int, int], title: list[str], left: int, step: int,
          mrz: Sequence[str] = ()) -> bytes:  # fmt: skip
    import io

    from PIL import Image, ImageDraw, ImageFont

    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    for index, text in enumerate(title):
        draw.text((40, 30 + 50 * index), text, fill="black", font=ImageFont.truetype(BOLD, 40 - 6 * index))
    top = 150
    for caption, value in rows:
        draw.text((left, top), caption, fill="black", font=ImageFont.truetype(FONT, 24))
        draw.text((left, top + 30), value, fill="black", font=ImageFont.truetype(BOLD, 33))
        top += step
    for index, line in enumerate(mrz):
        draw.text((40, 920 + 70 * index), line, fill="black", font=ImageFont.truetype(MONO, 46))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_card_front_drawn_with_li_keeps_the_surname() -> None:
    rows = [
        ("Apelido(s) / Surname", "WANG LI"),
        ("Nome(s) / Given Name", "XIAOMING"),
        ("Sexo / Sex   Altura / Height   Nacionalidade / Nationality", "M      1,70      PRT"),
        ("Data de Nascimento / Date of Birth", "15 06 1990"),
        ("N.º Documento / Document No.", "16204006 7 ZZ3"),
        ("Data de Validade / Expiry Date", "22 05 2031"),
    ]
    picture = drawn(rows, size=(1400, 880), title=["REPÚBLICA PORTUGUESA", "CARTÃO DE CIDADÃO / CITIZEN CARD"],
                    left=420, step=110)  # fmt: skip
    result = LocalExtractor().extract(picture, document_type="ID_DOCUMENT")
    assert result.kind == "CARTAO_CIDADAO"
    assert result.fields["full_name"] == "Xiaoming Wang Li"


def test_a_passport_drawn_with_li_agrees_with_its_mrz() -> None:
    rows = [
        ("Tipo / Type   Código / Code   Passaporte N.º / Passport No.", "P      CHN      EA1234567"),
        ("Apelido / Surname", "WANG LI"),
        ("Nome / Given names", "XIAOMING"),
        ("Nacionalidade / Nationality", "CHINESE"),
        ("Data de nascimento / Date of birth", "15 JUN 1990"),
        ("Sexo / Sex", "M"),
        ("Data de emissão / Date of issue", "22 MAY 2021"),
        ("Data de validade / Date of expiry", "22 MAY 2031"),
    ]
    picture = drawn(rows, size=(1600, 1100), title=["PEOPLE'S REPUBLIC OF CHINA", "PASSAPORTE / PASSPORT / PASSEPORT"],
                    left=480, step=95, mrz=china_mrz("WANG LI", "XIAOMING"))  # fmt: skip
    result = LocalExtractor().extract(picture, document_type="ID_DOCUMENT")
    assert result.kind == "PASSAPORTE"
    assert result.fields["full_name"] == "Xiaoming Wang Li"
    assert result.fields["mrz_valid"] is True
    assert not mismatches(result.warnings)
