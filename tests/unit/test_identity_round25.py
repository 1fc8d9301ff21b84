"""Identity documents the blind probe of round 25 found read wrong: a Cartão de Cidadão whose "Surname" caption OCR
misread ("Summame") had the misread caption taken for the surname; a German-speaking state's card whose umlauts OCR
read as acute accents ("MÚLLER" over the MRZ's "MUELLER"); a card whose issue date falls after its expiry date, read
without a word. Texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.schema import DocumentKind
from samples.identity import td1
from tests.helpers import parse_identity_lines

EXPIRY = dt.date(2032, 4, 18)
BIRTH = dt.date(1984, 9, 27)


def cc_mrz(*, surname: str, given: str) -> list[str]:
    return td1(code="I", state="PRT", number="203948570ZZ1", birth=BIRTH, sex="F", expiry=EXPIRY,
               nationality="PRT", surname=surname, given=given)  # fmt: skip


def cc_lines(*, surname_caption: str, surname: str, given: str, issued: str = "18 04 2022") -> list[str]:
    """A Cartão de Cidadão's front and back as one photo reads them, captions in mixed case."""
    return [
        "REPÚBLICA PORTUGUESA CARTÃO DE CIDADÃO",
        surname_caption,
        surname,
        "Nome(s) / Given Name(s)",
        given,
        "Sexo / Sex Altura / Height Nacionalidade",
        "F 1,64 PRT",
        "Data de Nascimento / Date of Birth",
        BIRTH.strftime("%d %m %Y"),
        "N.º Documento / Document No. Data de Validade",
        f"20394857 0 ZZ1 {EXPIRY.strftime('%d %m %Y')}",
        "N.º Utente de Saúde Data de Emissão",
        f"184736251 {issued}",
    ]


# --- 1. A misread caption word is no name ---------------------------------------------------------------------


@pytest.mark.parametrize("caption", ["Apelido(s) / Summame", "Apelido(s) / Surnarne"])
def test_a_misread_surname_caption_is_not_taken_for_the_surname(caption: str) -> None:
    """ "Surname" read with a letter or two wrong is still the caption: the line under it is the surname."""
    lines = cc_lines(surname_caption=caption, surname="TEIXEIRA DO AMARAL", given="LEONOR")
    fields, warnings = parse_identity_lines(
        lines, DocumentKind.CARTAO_CIDADAO, mrz=cc_mrz(surname="TEIXEIRA DO AMARAL", given="LEONOR")
    )
    assert fields["surname"] == "Teixeira do Amaral"
    assert fields["full_name"] == "Leonor Teixeira do Amaral"
    assert "mrz_viz_mismatch:surname" not in warnings


def test_a_surname_near_another_caption_word_stays_a_name() -> None:
    """Guard (passes before and after the fix): "PARENTE" is a letter from the card's "Parents" caption, and a
    surname; only the names' own captions are taken misread."""
    lines = cc_lines(surname_caption="Apelido(s) / Surname", surname="PARENTE", given="LEONOR")
    fields, _warnings = parse_identity_lines(
        lines, DocumentKind.CARTAO_CIDADAO, mrz=cc_mrz(surname="PARENTE", given="LEONOR")
    )
    assert fields["surname"] == "Parente"


def test_a_full_name_made_of_a_surname_the_mrz_contradicts_is_flagged() -> None:
    """The visual zone's surname shares nothing with the valid MRZ's: it stays, flagged, and so does the full name
    made of it (it was returned unflagged)."""
    lines = cc_lines(surname_caption="Apelido(s) / Surname", surname="CARDOSO LOBO", given="LEONOR")
    fields, warnings = parse_identity_lines(
        lines, DocumentKind.CARTAO_CIDADAO, mrz=cc_mrz(surname="TEIXEIRA DO AMARAL", given="LEONOR")
    )
    assert "mrz_viz_mismatch:surname" in warnings
    assert fields["full_name"] is not None
    assert "mrz_viz_mismatch:full_name" in warnings


# --- 2. Umlauts OCR read as acute accents -----------------------------------------------------------------------


def aut_card(surname: str, given: str) -> list[str]:
    return [
        "REPUBLIK ÖSTERREICH PERSONALAUSWEIS / IDENTITY CARD",
        "Apelido / Surname / Nom",
        surname,
        "Nome / Given names / Prénom",
        given,
        "Sexo Nacionalidade Data de nascimento",
        "M AUT 03.05.1981",
        "Documento N.º Válido até",
        "P3K8W2N71 14.08.2030",
    ]


def aut_mrz() -> list[str]:
    return td1(code="ID", state="AUT", number="P3K8W2N71", birth=dt.date(1981, 5, 3), sex="M",
               expiry=dt.date(2030, 8, 14), nationality="AUT", surname="HOEFER-KRAEMER", given="GUENTHER")  # fmt: skip


def test_umlauts_read_as_acute_accents_are_restored_from_the_mrz() -> None:
    """ "HÓFER-KRÁMER" over the MRZ's HOEFER<KRAEMER: the accented vowel where the MRZ has OE/AE is the umlaut."""
    fields, warnings = parse_identity_lines(
        aut_card("HÓFER-KRÁMER", "GÚNTHER"), DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO, mrz=aut_mrz()
    )
    assert fields["surname"] == "Höfer-Krämer"
    assert fields["given_names"] == "Günther"
    assert fields["full_name"] == "Günther Höfer-Krämer"
    assert not [code for code in warnings if "name" in code]


# --- 3. An issue date after the expiry date, or in the future ---------------------------------------------------


def issue_warning(issued: str) -> list[str]:
    lines = cc_lines(
        surname_caption="Apelido(s) / Surname", surname="TEIXEIRA DO AMARAL", given="LEONOR", issued=issued
    )
    _fields, warnings = parse_identity_lines(
        lines, DocumentKind.CARTAO_CIDADAO, mrz=cc_mrz(surname="TEIXEIRA DO AMARAL", given="LEONOR")
    )
    return warnings


def test_an_issue_date_after_the_expiry_date_is_flagged() -> None:
    assert "issue_date_implausible" in issue_warning((EXPIRY + dt.timedelta(days=365)).strftime("%d %m %Y"))


def test_an_issue_date_in_the_future_is_flagged() -> None:
    issued = dt.date.today() + dt.timedelta(days=60)
    assert issued < EXPIRY
    assert "issue_date_implausible" in issue_warning(issued.strftime("%d %m %Y"))


def test_a_plausible_issue_date_is_not_flagged() -> None:
    """Guard (passes before and after the fix): ten years before the expiry, as a card is issued."""
    assert "issue_date_implausible" not in issue_warning("18 04 2022")
