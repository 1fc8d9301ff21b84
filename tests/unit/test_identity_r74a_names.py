"""Names on identity documents the blind probe of round 74A read wrong (findings 1, 3 and 4): a name printed in two
scripts whose Latin rendering was followed by the next column's date, so the Cyrillic read through its Latin
look-alikes was taken ("OJEKCAHAP" for OLEKSANDR); the next column's caption or value on a name's row joined to the
name ("DNI", a permit's type); and a German card's front read without its umlauts while the back's MRZ writes them,
against a holder who typed the transliteration. Texts are shaped as the reader hands them over, with names and
numbers of their own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from documents.extraction.parsers.identity import latin_rendering
from documents.extraction.schema import DocumentKind
from samples.identity import td3
from screening.rules.identity import verify_identity
from tests.helpers import parse_identity_lines

BIRTH, EXPIRY = dt.date(1986, 4, 17), dt.date(2031, 8, 9)


def passport(*, state: str, surname: str, given: str) -> list[str]:
    return td3(code="P", state=state, number="FT4410927", birth=BIRTH, sex="M", expiry=EXPIRY, nationality=state,
               surname=surname, given=given)  # fmt: skip


def two_script_page(*, surname: str, given: str) -> list[str]:
    """A Ukrainian passport's data page as OCR in a Latin alphabet reads it: each name in Cyrillic, read through its
    Latin look-alikes, then in Latin, the next column's date after it on the row."""
    return ["YKPAÍHA / UKRAINE", "MACIMOPT / PASSPORT", "Apelido / Surname Emissão / Date of issue",
            f"{surname} 10 JAN/JAN 2023", "Nome / Given names Validade / Date of expiry", f"{given} 09 AGO/AUG 2031",
            "Data de nascimento / Date of birth", "17 ABR/APR 1986"]  # fmt: skip


def mismatches(warnings: list[str]) -> list[str]:
    return [code for code in warnings if code.startswith("mrz_viz_mismatch")]


# --- finding 1: a name in two scripts, the next column's date after the Latin one ------------------------------


def test_the_latin_rendering_is_judged_by_its_words_before_the_next_columns_date() -> None:
    assert latin_rendering("TAPAC / TARAS 09 AGO/AUG 2031").startswith("TARAS")
    assert latin_rendering("BOHAAPEHKO / BONDARENKO 10 JAN/JAN 2023").startswith("BONDARENKO")


def test_a_rendering_with_a_figure_inside_a_word_is_still_not_the_latin_one() -> None:
    """Guard: "Ш" read as "LII4"-like glyphs with a figure stays the other script's."""
    assert latin_rendering("LII4EBA / SHEVA").strip() == "SHEVA"


def test_a_passport_printing_names_in_cyrillic_and_latin_gives_the_latin_ones_unflagged() -> None:
    page = two_script_page(surname="BOHAAPEHKO / BONDARENKO", given="TAPAC / TARAS")
    fields, warnings = parse_identity_lines(page, DocumentKind.PASSAPORTE,
                                            mrz=passport(state="UKR", surname="BONDARENKO", given="TARAS"))  # fmt: skip
    assert (fields["surname"], fields["given_names"]) == ("Bondarenko", "Taras")
    assert not mismatches(warnings)


def test_another_latin_name_than_the_mrzs_in_two_scripts_is_still_flagged() -> None:
    """Guard: a Latin rendering that is another name (a page altered, another person's) still says so."""
    page = two_script_page(surname="NETPEHKO / PETRENKO", given="TAPAC / TARAS")
    fields, warnings = parse_identity_lines(page, DocumentKind.PASSAPORTE,
                                            mrz=passport(state="UKR", surname="BONDARENKO", given="TARAS"))  # fmt: skip
    assert fields["surname"] == "Petrenko"
    assert "mrz_viz_mismatch:surname" in warnings


# --- finding 3: another column's caption or value on a name's row ------------------------------------------------


def test_a_document_numbers_caption_beside_the_given_names_caption_is_no_given_name() -> None:
    """Blind probe r74a: a Spanish card's "Nome(s) / Given names DNI" gave the given names "DNI"."""
    page = ["ESPANA", "DOCUMENTO NACIONAL DE IDENTIDAD", "Apelido(s) / Surname Validade / Date of expiry",
            "SERRANO GIL 1708 2031", "Nome(s) / Given names DNI", "ANA DEL PILAR 71234567Z", "Sexo / Sex", "F",
            "Nacionalidade / Nationality", "ESP", "Data de nascimento / Date of birth", "1704 1986"]  # fmt: skip
    fields, _ = parse_identity_lines(page, DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert (fields["surname"], fields["given_names"]) == ("Serrano Gil", "Ana del Pilar")


CHARACTER_WIDTH, ROW_HEIGHT = 12, 24


def boxed_row(top: int, *columns: tuple[int, str]) -> tuple[str, float, list[Any], list[tuple[int, int, int, int]]]:
    """A line read by OCR with its words' boxes: each column's words from its left edge on."""
    words: list[str] = []
    boxes: list[tuple[int, int, int, int]] = []
    for left, text in columns:
        for word in text.split():
            boxes.append((left, top, len(word) * CHARACTER_WIDTH, ROW_HEIGHT))
            words.append(word)
            left += (len(word) + 1) * CHARACTER_WIDTH
    return " ".join(words), 0.9, [], boxes


NAME_COLUMN, OTHER_COLUMN = 530, 955


def permit_front(given: tuple[int, str], *beside: tuple[int, str]) -> list[Any]:
    return ["REPÚBLICA PORTUGUESA", "TÍTULO DE RESIDÊNCIA / RESIDENCE PERMIT",
            boxed_row(360, (NAME_COLUMN, "Apelido(s) / Surname"), (OTHER_COLUMN, "Validade / Date of expiry")),
            boxed_row(385, (NAME_COLUMN, "MOREIRA SALES"), (OTHER_COLUMN, "09 08 2031")),
            boxed_row(437, (NAME_COLUMN, "Nome(s) / Given names"), (OTHER_COLUMN, "Tipo de título / Type of permit")),
            boxed_row(456, given, *beside),
            "Sexo / Sex", "M", "Nacionalidade / Nationality", "BRA", "Data de nascimento / Date of birth",
            "17 04 1986"]  # fmt: skip


def test_the_next_columns_value_on_the_given_names_row_is_left_out_by_its_words_boxes() -> None:
    """Blind probe r74a: a residence permit's "THIAGO AUTORIZAÇÃO DE RESIDÊ", the permit's type beside the given
    names, was read as the given names."""
    page = permit_front((NAME_COLUMN, "RAFAEL"), (OTHER_COLUMN, "AUTORIZAÇÃO DE RESIDÊ"))
    fields, _ = parse_identity_lines(page, DocumentKind.TITULO_RESIDENCIA)
    assert (fields["surname"], fields["given_names"]) == ("Moreira Sales", "Rafael")


def test_given_names_under_their_caption_stay_whole_beside_another_column() -> None:
    """Guard: the words in the name's column are the name's, however many."""
    page = permit_front((NAME_COLUMN, "RAFAEL AUGUSTO DE JESUS"), (OTHER_COLUMN, "AUTORIZAÇÃO DE RESIDÊ"))
    fields, _ = parse_identity_lines(page, DocumentKind.TITULO_RESIDENCIA)
    assert fields["given_names"] == "Rafael Augusto de Jesus"


# --- finding 4: a German card's umlauts, read bare on the front, written AE/OE/UE by the back's MRZ --------------


def card_side(side: str, document_id: str, **fields: Any) -> dict[str, Any]:
    return {"document_id": document_id, "document_type": "ID_DOCUMENT", "status": "EXTRACTED",
            "kind": "CARTAO_IDENTIDADE_ESTRANGEIRO", "fields": {"side": side, **fields}, "warnings": [],
            "confidence": {}}  # fmt: skip


def card_read(*, typed: str, state: str) -> dict[str, Any]:
    front = {"surname": "Kuhne-Rossler", "given_names": "Gunther", "full_name": "Gunther Kuhne-Rossler",
             "date_of_birth": BIRTH.isoformat(), "expiry_date": EXPIRY.isoformat()}  # fmt: skip
    back = {"surname": "Kuehne Roessler", "given_names": "Guenther", "full_name": "Guenther Kuehne Roessler",
            "date_of_birth": BIRTH.isoformat(), "expiry_date": EXPIRY.isoformat(), "document_number": "L01X00T45",
            "nationality": state, "issuing_state": state, "mrz_valid": True}  # fmt: skip
    return verify_identity(
        {
            "applicant": {"nif": "245718931", "name": typed, "date_of_birth": BIRTH.isoformat()},
            "today": "2026-12-07",
            "thresholds": {"id_expiry_warning_days": 60},
            "documents": [card_side("front", "f", **front), card_side("back", "b", **back)],
        }
    )


def test_a_german_cards_front_read_without_umlauts_is_the_name_the_back_writes_and_the_holder_typed() -> None:
    result = card_read(typed="Guenther Kuehne-Roessler", state="DEU")
    assert result["name_match"] == "exact"
    match = next(c for c in result["checks"] if c["name"] == "identity.name_match")
    assert match["value"] == "Günther Kühne-Rössler"


def test_the_umlauts_as_typed_match_too() -> None:
    assert card_read(typed="Günther Kühne-Rössler", state="DEU")["name_match"] == "exact"


def test_a_card_of_a_state_without_umlauts_keeps_its_front_as_printed() -> None:
    """Guard: elsewhere an E the front lacks is OCR's lost letter, not an umlaut, and the typed transliteration is
    only similar."""
    assert card_read(typed="Guenther Kuehne-Roessler", state="FRA")["name_match"] == "fuzzy"


# --- finding 1: a name printed in Cyrillic alone, read through Latin look-alikes --------------------------------


def cyrillic_only_page(*, surname: str, given: str) -> list[str]:
    return ["YKPAÍHA / UKRAINE", "Apelido / Surname", surname, "Nome / Given names", given,
            "Data de nascimento / Date of birth", "17 ABR/APR 1986"]  # fmt: skip


def test_a_name_read_in_cyrillic_through_latin_look_alikes_is_the_valid_mrzs_unflagged() -> None:
    """The page's Latin line lost, the Cyrillic "БОНДАРЕНКО" read "BOHAAPEHKO" and "ЛІЯ" "JIIR": the MRZ's name in
    another script, not another name."""
    page = cyrillic_only_page(surname="BOHAAPEHKO", given="JIIR")
    fields, warnings = parse_identity_lines(page, DocumentKind.PASSAPORTE,
                                            mrz=passport(state="UKR", surname="BONDARENKO", given="LIYA"))  # fmt: skip
    assert (fields["surname"], fields["given_names"]) == ("Bondarenko", "Liya")
    assert not mismatches(warnings)


def test_another_latin_name_on_a_ukrainian_page_is_still_flagged() -> None:
    """Guard: "PETRENKO" read back through the look-alikes spells no BONDARENKO."""
    page = cyrillic_only_page(surname="PETRENKO", given="TARAS")
    fields, warnings = parse_identity_lines(page, DocumentKind.PASSAPORTE,
                                            mrz=passport(state="UKR", surname="BONDARENKO", given="TARAS"))  # fmt: skip
    assert fields["surname"] == "Petrenko"
    assert "mrz_viz_mismatch:surname" in warnings


def test_look_alikes_are_read_so_only_on_a_state_writing_cyrillic_or_greek() -> None:
    """Guard: a Polish page has no Cyrillic to read; "BOHAAPEHKO" there is another name, flagged."""
    page = cyrillic_only_page(surname="BOHAAPEHKO", given="TARAS")
    _, warnings = parse_identity_lines(page, DocumentKind.PASSAPORTE,
                                       mrz=passport(state="POL", surname="BONDARENKO", given="TARAS"))  # fmt: skip
    assert "mrz_viz_mismatch:surname" in warnings


def test_a_long_name_running_on_under_the_next_caption_stays_whole() -> None:
    """Guard: an old Bilhete de Identidade's name runs under its "Válido até", no gap between its words (blind probe
    r74a, A18: its last word was dropped as the validity's)."""
    name_row = boxed_row(390, (NAME_COLUMN, "MANUEL JOAQUIM PEREIRA DOS SANTOS CARVALHO ROCHA"))
    page = ["REPÚBLICA PORTUGUESA", "BILHETE DE IDENTIDADE",
            boxed_row(372, (NAME_COLUMN, "Nome"), (OTHER_COLUMN, "Válido até")), name_row, "Filiação",
            "Data de nascimento", "02-04-1940"]  # fmt: skip
    fields, _ = parse_identity_lines(page, DocumentKind.CARTAO_CIDADAO)
    assert fields["full_name"] == "Manuel Joaquim Pereira dos Santos Carvalho Rocha"


def test_a_name_captions_slash_misread_is_no_other_caption() -> None:
    """Guard: "Nome ! Given names" (the slash read "!") is the name's caption in its two languages; the next
    column is the expiry date's (blind probe r74a, B09: "CARLOS" was dropped as that column's)."""
    page = ["REPÚBLICA PORTUGUESA", "PASSAPORTE / PASSPORT",
            boxed_row(314, (NAME_COLUMN, "Apelido / Surname"), (1025, "Emissão / Date of issue")),
            boxed_row(342, (NAME_COLUMN, "MOREIRA SALES"), (1025, "10 JAN/JAN 2023")),
            boxed_row(396, (NAME_COLUMN, "Nome ! Given names"), (1025, "Validade / Date of expiry")),
            boxed_row(423, (NAME_COLUMN, "RAFAEL AUGUSTO"), (1025, "09 AGO/AUG 2031"))]  # fmt: skip
    fields, _ = parse_identity_lines(page, DocumentKind.PASSAPORTE)
    assert fields["given_names"] == "Rafael Augusto"
