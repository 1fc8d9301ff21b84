"""Names on EU identity cards the blind probe of round 80D found wrong (causes 1, 5 and 3): a caption in three
languages read by one of its words ("NAAM / NOM / NAME" taken for both names' captions, neither name read); an
Italian card's given names read under the surname's caption, kept against the valid MRZ and failing a genuine card;
a name not read said "different"; and the accents a page prints lost to the MRZ's spelling. Names, numbers and
layouts are made up for the tests, other than the probe's."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.parsers import Parsed
from documents.extraction.parsers.identity import accents_unread, names_accented_as_read_again
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1
from screening.explanation import EN, PT, Person, identity_lever, identity_problem
from screening.rules.common import check
from screening.rules.identity import name_match_check
from tests.helpers import parse_identity_lines

CARD = DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
BIRTH, EXPIRY = dt.date(1991, 4, 23), dt.date(2032, 4, 23)


def back(state: str, surname: str, given: str) -> list[str]:
    return td1(code="ID", state=state, number="LM4829173", birth=BIRTH, sex="M", expiry=EXPIRY, nationality=state,
               surname=surname, given=given)  # fmt: skip


def names(fields: dict[str, object]) -> tuple[object, object, object]:
    return fields.get("surname"), fields.get("given_names"), fields.get("full_name")


# --- A caption means what its languages say together (cause 5) ------------------------------------------------


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        # English "Name" closing a surname's caption is the surname's, its value on the caption's row or under it.
        (["NAAM / NOM / NAME  WILLEMS", "VOORNAMEN / PRÉNOMS / GIVEN NAMES  ARNE"], ("Willems", "Arne")),
        (["NAAM / NAME", "DE SMET", "VOORNAMEN / GIVEN NAMES", "NOOR ELISE"], ("de Smet", "Noor Elise")),
        # English "last name" and "first name(s)", a Romanian-style caption and one in English alone.
        (["NUME / NOM / LAST NAME  DUMITRESCU", "PRENUME / PRÉNOM / FIRST NAME  IOANA"], ("Dumitrescu", "Ioana")),
        (["LAST NAME", "HORVAT", "FIRST NAMES", "LUKA MATEJ"], ("Horvat", "Luka Matej")),
    ],
)
def test_a_card_front_alone_reads_its_names_under_captions_in_several_languages(
    front: list[str], expected: tuple[str, str]
) -> None:
    fields, _ = parse_identity_lines(["IDENTITY CARD", *front, "GEBOORTEDATUM / DATE OF BIRTH", "23 04 1991"], CARD)
    assert names(fields)[:2] == expected


@pytest.mark.parametrize(
    "front",
    [
        # Guards, read so before: the German order, and a given-names caption in English beside its languages.
        ["NAME / NOM / NAAM", "KEMPF", "VORNAMEN / PRÉNOMS / VOORNAMEN", "TOBIAS"],
        ["FAMILY NAME / NOM", "KEMPF", "FIRST NAMES / PRÉNOMS", "TOBIAS"],
    ],
)
def test_other_orders_of_the_captions_still_read(front: list[str]) -> None:
    fields, _ = parse_identity_lines(["IDENTITY CARD", *front], CARD)
    assert names(fields) == ("Kempf", "Tobias", "Tobias Kempf")


def test_a_lone_nome_name_caption_still_captions_the_whole_name() -> None:
    """Guard: with no surname's caption, "Nome / Name" is the whole name's (Brazil's CIN)."""
    fields, _ = parse_identity_lines(["CARTEIRA DE IDENTIDADE", "Nome / Name", "LUCAS PEREIRA ALVES"], CARD)
    assert fields.get("full_name") == "Lucas Pereira Alves"
    assert not fields.get("surname")


def test_a_belgian_nationality_in_dutch_is_read() -> None:
    fields, _ = parse_identity_lines(["IDENTITY CARD", "NATIONALITEIT / NATIONALITY", "BELG"], CARD)
    assert fields.get("nationality") == "BEL"


# --- Given names read under the surname's caption (cause 1) ----------------------------------------------------


def test_given_names_read_under_the_surname_caption_give_way_to_the_valid_mrz() -> None:
    """The surname's line and the given names' caption lost to OCR: the given names' line follows the surname's
    caption. The MRZ's surname, and no altered page."""
    front = ["REPUBBLICA ITALIANA", "ag SURNAME", "MARCO LUCA", "MILANO (MI) 23.04.1991"]
    fields, warnings = parse_identity_lines(front, CARD, mrz=back("ITA", "FERRARI", "MARCO<LUCA"))
    assert names(fields) == ("Ferrari", "Marco Luca", "Marco Luca Ferrari")
    assert "mrz_viz_name_kept:surname" not in warnings


def test_one_of_the_given_names_under_the_surname_caption_gives_way_too() -> None:
    front = ["REPUBBLICA ITALIANA", "COGNOME / SURNAME", "LUCA", "MILANO (MI) 23.04.1991"]
    fields, warnings = parse_identity_lines(front, CARD, mrz=back("ITA", "FERRARI", "MARCO<LUCA"))
    assert fields["surname"] == "Ferrari"
    assert "mrz_viz_name_kept:surname" not in warnings


def test_another_surname_printed_is_still_kept_against_the_mrz() -> None:
    """Guard: a page printing a surname that is not the MRZ's, nor its given names, is the altered page's sign."""
    front = ["REPUBBLICA ITALIANA", "COGNOME / SURNAME", "GALLO", "NOME / NAME", "MARCO LUCA"]
    fields, warnings = parse_identity_lines(front, CARD, mrz=back("ITA", "FERRARI", "MARCO<LUCA"))
    assert fields["surname"] == "Gallo"
    assert "mrz_viz_name_kept:surname" in warnings


def test_a_surname_that_is_also_a_given_name_of_the_mrz_stays() -> None:
    """Guard: a holder whose surname is one of their given names too (MARTIN<<MARTIN JOSE) is read as printed."""
    front = ["REPUBBLICA ITALIANA", "COGNOME / SURNAME", "MARTIN", "NOME / NAME", "MARTIN JOSE"]
    fields, warnings = parse_identity_lines(front, CARD, mrz=back("ITA", "MARTIN", "MARTIN<JOSE"))
    assert names(fields) == ("Martin", "Martin Jose", "Martin Jose Martin")
    assert not [code for code in warnings if code.startswith("mrz_viz")]


# --- A name not read is said not read (cause 5) ----------------------------------------------------------------


def card_without_a_name() -> dict[str, object]:
    fields = {"full_name": None, "surname": None, "given_names": None, "date_of_birth": "1991-04-23"}
    return {"document_id": "id-1", "kind": "CARTAO_IDENTIDADE_ESTRANGEIRO", "fields": fields, "warnings": []}


def test_a_document_whose_name_was_not_read_says_so_not_different() -> None:
    result = name_match_check(card_without_a_name(), applicant_name="Arne Willems", match="none")
    assert not result["passed"]
    assert "não lido" in result["evidence"]
    assert "diferente" not in result["evidence"]
    assert result["value"] is None


def test_the_explanation_says_the_name_was_not_read_and_asks_for_a_readable_document() -> None:
    unread = check("identity.name_match", False, "Nome não lido no documento.", field="full_name")
    person = Person(applicant_id="a", role="TENANT", checks=[unread], identity={"verified": False, "warnings": []},
                    income={})  # fmt: skip
    assert identity_problem(unread, PT) == PT.identity_name_unread
    assert identity_problem(unread, EN) == EN.identity_name_unread
    assert identity_lever(person, PT) == PT.identity_lever_readable


def test_a_name_read_and_different_is_still_said_different() -> None:
    """Guard."""
    read = check("identity.name_match", False, "Nome diferente do documento.", value="Noor de Smet")
    assert identity_problem(read, PT) == PT.identity_problems["identity.name_match"]


# --- Accents a second reading of the page sees (cause 3) -------------------------------------------------------


def parsed_names(surname: str, given: str, **others: str) -> Parsed:
    parsed = Parsed()
    parsed.put("surname", surname, 0.99)
    parsed.put("given_names", given, 0.99)
    parsed.put("full_name", f"{given} {surname}", 0.99)
    for name, value in others.items():
        parsed.put(name, value, 0.99)
    return parsed


def test_a_second_reading_s_accents_on_the_same_letters_are_the_names_spelling() -> None:
    parsed = parsed_names("Nunez Ibanez", "Ines Maria", issuing_state="ESP")
    names_accented_as_read_again(
        [Line("Apellidos / Surname", 0.9), Line("NÚÑEZ IBÁÑEZ", 0.93), Line("INÉS MARÍA", 0.95)], parsed
    )
    assert parsed.fields["surname"] == "Núñez Ibáñez"
    assert parsed.fields["given_names"] == "Inés María"
    assert parsed.fields["full_name"] == "Inés María Núñez Ibáñez"


def test_an_umlaut_the_mrz_writes_as_two_letters_is_taken_on_a_state_writing_umlauts() -> None:
    parsed = parsed_names("Schroeder", "Joerg", issuing_state="DEU")
    names_accented_as_read_again([Line("SCHRÖDER", 0.92), Line("JÖRG", 0.9)], parsed)
    assert (parsed.fields["surname"], parsed.fields["given_names"]) == ("Schröder", "Jörg")


def test_an_accent_on_a_line_read_unsurely_or_on_other_letters_is_not_taken() -> None:
    parsed = parsed_names("Moreau", "Lea", issuing_state="FRA")
    names_accented_as_read_again([Line("MOREAU", 0.9), Line("LÉA", 0.55), Line("MÓRAU", 0.95)], parsed)
    assert (parsed.fields["surname"], parsed.fields["given_names"]) == ("Moreau", "Lea")


def test_only_names_read_in_plain_letters_of_another_state_than_portugal_are_read_again() -> None:
    assert accents_unread(CARD, parsed_names("Moreau", "Lea"))
    assert not accents_unread(CARD, parsed_names("Moreau", "Léa"))
    portuguese = parsed_names("Simoes", "Joao", issuing_state="PRT")
    assert not accents_unread(DocumentKind.PASSAPORTE, portuguese)


def test_a_card_s_back_alone_and_a_cartao_de_cidadao_are_not_read_again() -> None:
    """A back prints the names in its MRZ only; a Cartão de Cidadão's take the registry's spelling."""
    assert not accents_unread(CARD, parsed_names("Moreau", "Lea", side="back"))
    assert accents_unread(CARD, parsed_names("Moreau", "Lea", side="front"))
    assert not accents_unread(DocumentKind.CARTAO_CIDADAO, parsed_names("Simoes", "Joao", side="back"))
