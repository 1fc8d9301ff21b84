"""Printed names and nationalities a passport's page gives as its MRZ does, flagged as mismatches (blind probe r67a,
findings 6-8): a Spanish-style "Y" between two surnames the name's cleaning dropped, umlauts a Turkish page prints
that OCR read bare over an MRZ writing OE/UE (and a page's OE over an MRZ's O), and a nationality printed as the
country's name in two words, one of them another state's code ("VIET NAM": Namibia's NAM). Names and numbers are
the tests' own."""

from __future__ import annotations

import datetime as dt

from documents.extraction.mrz import read_mrz
from documents.extraction.parsers.common import Parsed
from documents.extraction.parsers.identity import merge_name, only_particles_lost, visual_nationality
from documents.extraction.schema import DocumentKind
from samples.identity import td3
from tests.helpers import parse_identity_lines


def passport_mrz(state: str, surname: str, given: str = "ELIF") -> list[str]:
    return td3(code="P", state=state, number="K70315529", birth=dt.date(1985, 3, 9), sex="F",
               expiry=dt.date(2032, 6, 1), nationality=state, surname=surname, given=given)  # fmt: skip


def merged_surname(printed: str, state: str, mrz_surname: str) -> Parsed:
    mrz = read_mrz(passport_mrz(state, mrz_surname))
    assert mrz is not None and mrz.valid
    parsed = Parsed()
    parsed.put("surname", printed, 0.9)
    merge_name(parsed, "surname", mrz.surname, mrz)
    return parsed


# --- finding 6: the conjunction between two surnames ---------------------------------------------------------------


def test_a_spanish_y_between_surnames_the_printed_reading_lost_is_no_mismatch() -> None:
    parsed = merged_surname("Ramírez de los Santos", "MEX", "RAMIREZ Y DE LOS SANTOS")
    assert parsed.warnings == []
    assert parsed.fields["surname"] == "Ramírez Y de los Santos"


def test_a_catalan_i_between_surnames_is_a_conjunction_too() -> None:
    assert only_particles_lost("SALVAT FONTANALS", "SALVAT I FONTANALS") is True


def test_a_passport_page_printing_y_between_surnames_gives_no_mismatch() -> None:
    lines = ["Apellidos / Surname", "TORRES Y DE LA VEGA", "Nombres / Given names", "JOSEFINA"]
    mrz = passport_mrz("MEX", "TORRES Y DE LA VEGA", "JOSEFINA")
    fields, warnings = parse_identity_lines(lines, DocumentKind.PASSAPORTE, mrz=mrz)
    assert not [warning for warning in warnings if warning.startswith("mrz_viz_mismatch")]
    assert str(fields["surname"]).casefold() == "torres y de la vega"


def test_a_surname_word_missing_beside_a_conjunction_is_still_a_mismatch() -> None:
    """Guard (passes either way): a name word lost is another name, whatever conjunction stands beside it."""
    assert merged_surname("Ramírez y de los", "MEX", "RAMIREZ Y DE LOS SANTOS").warnings == ["mrz_viz_mismatch:surname"]


# --- finding 7: umlauts of a state that is not German-speaking ----------------------------------------------------


def test_a_turkish_page_read_without_its_dots_over_an_mrz_writing_oe_ue_is_the_same_name() -> None:
    parsed = merged_surname("KOSEOĞLU", "TUR", "KOESEOGLU")
    assert parsed.warnings == []
    assert parsed.fields["surname"] == "Köseoğlu"


def test_a_page_spelling_oe_over_an_mrz_writing_o_is_the_same_name() -> None:
    parsed = merged_surname("GUELER", "TUR", "GULER")
    assert parsed.warnings == []
    assert parsed.fields["surname"] == "GUELER"


def test_the_reverse_holds_for_a_german_style_state_too() -> None:
    assert merged_surname("SCHOENBERG", "AUT", "SCHONBERG").warnings == []


def test_a_turkish_page_never_gets_a_ring_for_a_double_a() -> None:
    """Turkish has no Å: a page read "KAN" over the MRZ's "KAAN" is a letter OCR lost, still a mismatch."""
    parsed = merged_surname("KAN", "TUR", "KAAN")
    assert parsed.fields["surname"] != "Kån"
    assert parsed.warnings == ["mrz_viz_mismatch:surname"]


def test_a_lost_e_on_a_state_without_umlauts_is_still_a_mismatch() -> None:
    """Guard (passes either way): Mexico's alphabet has no umlaut; "MANUL" under "MANUEL" is OCR's lost E."""
    assert merged_surname("MANUL", "MEX", "MANUEL").warnings == ["mrz_viz_mismatch:surname"]


# --- finding 8: a nationality printed as the country's name --------------------------------------------------------


def test_a_nationality_printed_as_viet_nam_is_vietnams_code_not_namibias() -> None:
    assert visual_nationality("VIỆT NAM / VIETNAMESE") == "VNM"
    assert visual_nationality("VIETNAMESE") == "VNM"


def test_a_nationality_printed_in_english_or_its_own_language_gives_the_code() -> None:
    assert visual_nationality("FILIPINO") == "PHL"
    assert visual_nationality("SOUTH AFRICAN") == "ZAF"
    assert visual_nationality("TÜRKİYE CUMHURİYETİ / TURKISH") == "TUR"


def test_a_code_printed_alone_is_still_read() -> None:
    """Guard (passes either way)."""
    assert visual_nationality("NAM") == "NAM"
