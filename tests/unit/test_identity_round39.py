"""Blind probe r38b, identity documents as applicants photograph them: on a card back tilted 9.3 degrees, levelled
now (``tests/integration/test_extraction_photos.py``), OCR broke the NIF with one gap away from its grouping
("20631 2083"); OCR dropped the accents of a Portuguese card's capitals; a particle read "É". Texts of our own."""

from __future__ import annotations

from documents.extraction.parsers.common import title_case
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.parsers.portuguese_names import accents_restored
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from tests.unit.test_identity_round13 import td3

CARD_BACK_LINES = [
    "FILIAÇÃO / PARENTS",
    "Estêvão Teixeira",
    "Cátia Sónia Carvalho",
    "N.º IDENTIFICAÇÃO FISCAL / TAX No.",
]


def back(nif_row: str) -> dict[str, object]:
    lines = [*CARD_BACK_LINES, nif_row, "N.º SEGURANÇA SOCIAL / SOCIAL SECURITY No."]
    return dict(parse_identity([Line(text, 0.9) for text in lines], DocumentKind.CARTAO_CIDADAO).fields)


def test_a_nif_ocr_broke_with_one_gap_is_read_under_its_caption() -> None:
    assert back("20631 2083 -").get("nif") == "206312083"
    assert back("2063120 83").get("nif") == "206312083"


def test_digits_with_a_gap_that_fail_the_check_or_are_two_numbers_are_no_nif() -> None:
    assert back("20631 2084").get("nif") is None  # the check digit fails
    assert back("20631 2083 1").get("nif") is None  # two gaps: two numbers or a misread, not one NIF
    assert back("2063 2083").get("nif") is None  # eight digits


def test_a_particle_ocr_gave_an_accent_is_the_particle() -> None:
    assert title_case("RODRIGO GOMES É SIMÕES") == "Rodrigo Gomes e Simões"
    assert title_case("É SIMÕES") == "É Simões"  # not between names: left as read


def test_the_accents_ocr_dropped_on_a_portuguese_cards_capitals_are_put_back() -> None:
    assert accents_restored("Maria Fatima Sa-Pereira") == "Maria Fátima Sá-Pereira"
    assert accents_restored("ANDRE JOAO SOUSA") == "ANDRÉ JOÃO SOUSA"
    assert accents_restored("RUBEN CESAR LEAO MENDONCA") == "RÚBEN CÉSAR LEÃO MENDONÇA"
    # An accent read otherwise, and a name the list does not hold, stay as read.
    assert accents_restored("Tomás Antônio Vaz") == "Tomás Antônio Vaz"


def front(given: str) -> dict[str, object]:
    lines = [
        "REPÚBLICA PORTUGUESA CARTÃO DE CIDADÃO",
        "APELIDO(S) / SURNAME",
        "MAGALHAES GONCALVES",
        "NOME(S) / GIVEN NAMES",
        given,
        "SEXO ALTURA NACIONALIDADE DATA DE NASCIMENTO",
        "F 1,64 PRT 14 02 1991",
    ]
    return dict(parse_identity([Line(text, 0.9) for text in lines], DocumentKind.CARTAO_CIDADAO).fields)


def test_a_card_fronts_names_are_spelt_as_the_registry_spells_them() -> None:
    fields = front("MARIA FATIMA")
    assert fields["full_name"] == "Maria Fátima Magalhães Gonçalves"
    assert (fields["given_names"], fields["surname"]) == ("Maria Fátima", "Magalhães Gonçalves")


def test_a_passports_names_are_respelt_only_on_a_portuguese_passport() -> None:
    def read(state: str) -> dict[str, object]:
        lines = td3("MAGALHAES<<JOAO", "FA1234567", state, "900214", "M", "300101")
        return dict(parse_identity([Line(text, 0.9) for text in lines], DocumentKind.PASSAPORTE).fields)

    assert (read("BRA")["surname"], read("BRA")["given_names"]) == ("Magalhaes", "Joao")
    assert (read("PRT")["surname"], read("PRT")["given_names"]) == ("Magalhães", "João")
