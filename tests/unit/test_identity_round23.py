"""Identity documents the blind probe of round 23 found read wrong: a residence permit's front beside its back (the
back's nationality code, on the given names' caption row, reported against a valid MRZ); a Cartão de Cidadão whose
MRZ names line lost its start under a thumb (its remnant reported as the surname); a residence permit printed on
paper naming the holder's passport (the passport's number taken for the permit's); a certificate of temporary
protection (no card, no photo, no card number) accepted as a residence permit. Texts are shaped as the reader hands
them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from documents.extraction.parsers.classify import classify
from documents.extraction.schema import DocumentKind
from samples.identity import td1
from tests.helpers import parse_identity_lines


def parse(
    lines: Sequence[str | tuple[str, float]], kind: DocumentKind, *, mrz: list[str] | None = None
) -> tuple[dict[str, object], list[str]]:
    return parse_identity_lines(lines, kind, mrz=mrz)


def permit_mrz(*, surname: str, given: str, nationality: str = "PAK") -> list[str]:
    return td1(code="IR", state="PRT", number="Q4K208517", birth=dt.date(1988, 11, 2), sex="M",
               expiry=dt.date(2029, 6, 15), nationality=nationality, surname=surname, given=given)  # fmt: skip


def cc_mrz(*, surname: str, given: str) -> list[str]:
    return td1(code="I", state="PRT", number="203948570ZZ1", birth=dt.date(1979, 2, 14), sex="F",
               expiry=dt.date(2031, 1, 20), nationality="PRT", surname=surname, given=given)  # fmt: skip


# --- 1. A permit's front beside its back: the back's values on the front's caption rows --------------------------


def test_a_state_code_beside_the_given_names_caption_does_not_stand_against_a_valid_mrz() -> None:
    """The back's nationality ("PAK") read on the front's "NOME / GIVEN NAMES" row is no name: the valid MRZ's
    given names are reported."""
    lines = [
        "AUTORIZAÇÃO DE RESIDÊNCIA / RESIDENCE PERMIT",
        "APELIDO / SURNAME M",
        "KHAN NACIONALIDADE / NATIONALITY",
        "NOME / GIVEN NAMES PAK",
        "IMRAN ALI LOCAL DE EMISSÃO",
        "N.º DOCUMENTO / DOCUMENT NO.",
        "Q4K208517",
    ]
    fields, _ = parse(lines, DocumentKind.TITULO_RESIDENCIA, mrz=permit_mrz(surname="KHAN", given="IMRAN ALI"))
    assert fields["given_names"] == "Imran Ali"
    assert fields["full_name"] == "Imran Ali Khan"


def test_a_printed_name_differing_in_its_letters_from_a_valid_mrz_still_stands() -> None:
    """Guard (passes before and after the fix): a name, not a code, read otherwise than the MRZ keeps the visual
    zone's reading, flagged."""
    lines = ["APELIDO / SURNAME", "KHAN", "NOME / GIVEN NAMES", "IMRAM ALY"]
    fields, warnings = parse(lines, DocumentKind.TITULO_RESIDENCIA, mrz=permit_mrz(surname="KHAN", given="IMRAN ALI"))
    assert fields["given_names"] == "Imram Aly"
    assert "mrz_viz_mismatch:given_names" in warnings


# --- 2. An MRZ names line whose start was lost ---------------------------------------------------------------------


def covered_start(mrz: list[str], *, lost: int) -> list[str]:
    """The MRZ as OCR reads it with a thumb over the start of its lines: characters lost, the first line's code
    misread."""
    first, second, third = mrz
    return ["JS" + first[lost:], second, third[lost:]]


def test_a_names_line_read_without_its_start_gives_no_name() -> None:
    """The name line "FIGUEIREDO<DE<CARVALHO<<ANA<RITA" read "EIREDO<DE<CARVALHO<<ANA<RI": fitted to its width,
    fillers in the middle, its first words are no surname. Left out (and the full name flagged missing) rather than
    reported."""
    lines = ["REPÚBLICA PORTUGUESA", "CARTÃO DE CIDADÃO", "Sexo / Sex", "F", "Nacionalidade / Nationality", "PRT"]
    mrz = covered_start(cc_mrz(surname="FIGUEIREDO DE CARVALHO", given="ANA RITA"), lost=4)
    fields, warnings = parse(lines, DocumentKind.CARTAO_CIDADAO, mrz=mrz)
    assert fields.get("surname") is None
    assert fields.get("given_names") is None
    assert "mrz_name_truncated" not in warnings


def test_a_names_line_read_without_its_start_leaves_the_printed_names_alone() -> None:
    """The printed names under their captions are the reading; the damaged MRZ line neither replaces them nor
    flags them."""
    lines = ["CARTÃO DE CIDADÃO", "Apelido(s) / Surname", "Figueiredo de Carvalho", "Nome(s) / Given Names", "Ana Rita"]
    mrz = covered_start(cc_mrz(surname="FIGUEIREDO DE CARVALHO", given="ANA RITA"), lost=4)
    fields, warnings = parse(lines, DocumentKind.CARTAO_CIDADAO, mrz=mrz)
    assert fields["surname"] == "Figueiredo de Carvalho"
    assert fields["given_names"] == "Ana Rita"
    assert not [code for code in warnings if code.startswith("mrz_viz_mismatch")]


# --- 3. A permit printed on paper, naming the holder's passport -----------------------------------------------------


def paper_permit(*rows: str) -> list[tuple[str, float]]:
    head = ["AIMA", "AUTORIZAÇÃO DE RESIDÊNCIA", "Nome: Ricardo Alves Pereira", "Data de nascimento: 04/05/1990"]
    return [(row, 1.0) for row in [*head, *rows, "Válido até: 10/10/2027"]]


def test_a_paper_permit_s_number_is_under_its_own_caption_not_the_passport_s() -> None:
    lines = paper_permit("Documento de viagem: Passaporte n.º YB803311 (BRA)", "N.º do título: AR-2025-7730412")
    fields, _ = parse(lines, DocumentKind.TITULO_RESIDENCIA)
    assert fields["document_number"] == "AR-2025-7730412"


def test_a_passport_number_captioned_first_is_not_the_permit_s() -> None:
    lines = paper_permit("N.º do passaporte: FK2209184", "Título n.º R4T118203")
    fields, _ = parse(lines, DocumentKind.TITULO_RESIDENCIA)
    assert fields["document_number"] == "R4T118203"


# --- 4. A certificate of temporary protection ------------------------------------------------------------------


def test_a_certificate_of_temporary_protection_is_no_identity_document() -> None:
    """It grants residence but is no card: no photo, no card number, no MRZ. Refused (the applicant is asked for a
    passport) rather than read as a residence permit."""
    text = "\n".join(
        [
            "CERTIFICADO DE AUTORIZAÇÃO DE RESIDÊNCIA",
            "REGIME DE PROTEÇÃO TEMPORÁRIA",
            "Nome: Oksana Petrivna Shevchuk",
            "Nacionalidade: Ucraniana",
            "Data de nascimento: 03/07/1985",
            "Validade: 04/03/2027",
        ]
    )
    assert classify(text) == DocumentKind.UNKNOWN


def test_a_residence_permit_card_is_still_one() -> None:
    """Guard (passes before and after the fix): a permit's card, titled so, with no word of temporary protection."""
    text = "\n".join(["AUTORIZAÇÃO DE RESIDÊNCIA / RESIDENCE PERMIT", "APELIDO / SURNAME", "KHAN"])
    assert classify(text) == DocumentKind.TITULO_RESIDENCIA
