"""Identity documents the blind probe of round 28 found read wrong: a Cartão de Cidadão's front and back side by side,
whose surname took the mother's name read on the surname caption's row and whose given names took the back's
caption "PLACE OF REQUEST"; a surname filling the MRZ's names line, flagged against an MRZ that OCR read one letter
too long; a card's back whose given names took their accent from the father's name. Texts are shaped as the reader
hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

from applicants.identifiers import cc_check_digit
from documents.extraction.mrz import read_mrz
from documents.extraction.parsers.common import Parsed
from documents.extraction.parsers.identity import merge_name
from documents.extraction.schema import DocumentKind
from samples.identity import td1
from tests.helpers import parse_identity_lines

BIRTH = dt.date(1991, 5, 27)
EXPIRY = dt.date(2032, 2, 16)
CC_NUMBER = "16204418" + "3" + "ZX" + cc_check_digit("16204418" + "3" + "ZX")
PRINTED_NUMBER = f"{CC_NUMBER[:8]} {CC_NUMBER[8]} {CC_NUMBER[9:]}"
MISMATCH = "mrz_viz_mismatch"


def cc_mrz(*, surname: str, given: str) -> list[str]:
    return td1(code="I", state="PRT", number=CC_NUMBER, birth=BIRTH, sex="M", expiry=EXPIRY, nationality="PRT",
               surname=surname, given=given)  # fmt: skip


# --- 1. Front and back side by side: each row of OCR holds both halves -------------------------------------------


def side_by_side(*, surname: str, given: str, father: str, mother: str) -> list[str]:
    """A CC's front (left) and back (right) in one image: OCR joins each front row with the back's row beside it,
    the back's rows a little higher, so a parent's name shares the surname caption's row."""
    return [
        "REPÚBLICA PORTUGUESA FILIAÇÃO | PARENTS",
        f"CARTÃO DE CIDADÃO - CITIZEN CARD {father}",
        f"APELIDO(S) / SURNAME {mother}",
        f"{surname} N.º IDENTIFICAÇÃO FISCAL / TAX No. N.º SEGURANÇA SOCIAL / SOCIAL SECURITY No.",
        "218464207 12049385127",
        "NOME(S) / GIVEN NAME(S)",
        f"{given} N.º UTENTE DE SAÚDE / HEALTH No. LOCAL DE PEDIDO / PLACE OF REQUEST",
        "508117243 COIMBRA",
        "SEXO / SEX ALTURA / HEIGHT NACIONALIDADE / NATIONALITY",
        "DATA DE NASCIMENTO / DATE OF BIRTH",
        BIRTH.strftime("%d %m %Y"),
        "N.º DOCUMENTO / DOCUMENT No DATA DE VALIDADE / EXPIRY DATE",
        f"{PRINTED_NUMBER} {EXPIRY.strftime('%d %m %Y')}",
    ]


def test_side_by_side_surname_is_the_holders_not_the_parent_on_the_caption_row() -> None:
    """The mother's "INÊS MARTA BARROS" shares a word with the holder's surname and is read on the surname caption's
    row: the row under the caption spells the valid MRZ's surname out, and is the holder's."""
    lines = side_by_side(surname="BARROS DA COSTA", given="HUGO MIGUEL", father="MIGUEL ÂNGELO DA COSTA",
                         mother="INÊS MARTA BARROS")  # fmt: skip
    fields, warnings = parse_identity_lines(
        lines, DocumentKind.CARTAO_CIDADAO, mrz=cc_mrz(surname="BARROS DA COSTA", given="HUGO MIGUEL")
    )
    assert fields["surname"] == "Barros da Costa"
    assert fields["given_names"] == "Hugo Miguel"
    assert fields["full_name"] == "Hugo Miguel Barros da Costa"
    assert not [code for code in warnings if code.startswith(MISMATCH)]


def test_back_caption_with_slashes_after_the_given_names_is_no_second_script() -> None:
    """Without any MRZ: "HUGO MIGUEL N.º UTENTE DE SAÚDE / HEALTH No. LOCAL DE PEDIDO / PLACE OF REQUEST" is the
    given names, then the back's captions; the slashes are the captions', not a name's two scripts."""
    lines = side_by_side(surname="BARROS DA COSTA", given="HUGO MIGUEL", father="MIGUEL ÂNGELO DA COSTA",
                         mother="INÊS MARTA BARROS")  # fmt: skip
    fields, _warnings = parse_identity_lines(lines, DocumentKind.CARTAO_CIDADAO)
    assert fields["given_names"] == "Hugo Miguel"


def test_a_back_caption_read_for_a_name_gives_way_to_the_valid_mrz() -> None:
    """What the visual zone read under the names' caption is a caption of the card's back: no name, so a valid MRZ's
    name replaces it (still flagged)."""
    mrz = read_mrz(cc_mrz(surname="BARROS DA COSTA", given="HUGO MIGUEL"))
    assert mrz is not None and mrz.valid
    parsed = Parsed(fields={"given_names": "Place Of Request"}, confidence={"given_names": 0.9})
    merge_name(parsed, "given_names", mrz.given_names, mrz)
    assert parsed.fields["given_names"] == "Hugo Miguel"
    assert f"{MISMATCH}:given_names" in parsed.warnings


def test_a_different_printed_name_still_stands_flagged_against_the_mrz() -> None:
    """Guard (passes before and after): a real name that differs within its words stays, flagged."""
    mrz = read_mrz(cc_mrz(surname="BARROS DA COSTA", given="HUGO MIGUEL"))
    assert mrz is not None
    parsed = Parsed(fields={"given_names": "Hugo Manuel"}, confidence={"given_names": 0.9})
    merge_name(parsed, "given_names", mrz.given_names, mrz)
    assert parsed.fields["given_names"] == "Hugo Manuel"
    assert f"{MISMATCH}:given_names" in parsed.warnings


# --- 2. A surname that fills the MRZ's names line ------------------------------------------------------------------

# "TEIXEIRA<MOURAO<DE<VASCONCELOS": 30 characters, the given names cut off entirely.
LONG_SURNAME = "TEIXEIRA-MOURÃO DE VASCONCELOS"


def stacked_card(*, surname: str, names_line: str) -> list[str]:
    """A CC's front over its back, the MRZ's names line as OCR read it."""
    mrz = cc_mrz(surname=LONG_SURNAME.replace("-", " "), given="RODRIGO")
    assert mrz[2] == "TEIXEIRA<MOURAO<DE<VASCONCELOS"
    return [
        "REPÚBLICA PORTUGUESA",
        "CARTÃO DE CIDADÃO - CITIZEN CARD",
        "APELIDO(S) / SURNAME",
        surname,
        "NOME(S) / GIVEN NAME(S)",
        "RODRIGO",
        "DATA DE NASCIMENTO / DATE OF BIRTH",
        BIRTH.strftime("%d %m %Y"),
        "N.º DOCUMENTO / DOCUMENT No. DATA DE VALIDADE / EXPIRY DATE",
        f"{PRINTED_NUMBER} {EXPIRY.strftime('%d %m %Y')}",
        "FILIAÇÃO / PARENTS",
        "JORGE TEIXEIRA-MOURÃO",
        "CLARA DE VASCONCELOS",
        "N.º IDENTIFICAÇÃO FISCAL / TAX No.",
        "218464207",
        mrz[0],
        mrz[1],
        names_line,
    ]


def test_names_line_read_a_letter_too_long_is_fitted_as_the_name_is_printed() -> None:
    """OCR read "MOUTRAO" for "MOURAO" (31 characters for 30); fitting the width dropped the "A" before the first
    filler instead. The one drop that gives the printed surname is the line's reading: no mismatch."""
    lines = stacked_card(surname=LONG_SURNAME, names_line="TEIXEIRA<MOUTRAO<DE<VASCONCELOS")
    fields, warnings = parse_identity_lines(lines, DocumentKind.CARTAO_CIDADAO)
    assert fields["mrz_valid"] is True
    assert fields["surname"] == "Teixeira-Mourão de Vasconcelos"
    assert fields["given_names"] == "Rodrigo"
    assert fields["full_name"] == "Rodrigo Teixeira-Mourão de Vasconcelos"
    assert warnings == []


def test_surname_filling_the_names_line_read_in_the_visual_zone_is_not_reported_cut() -> None:
    """The names line read right: the surname read under its caption is whole, and so is the given name the MRZ had
    no room for; nothing was cut from what is reported."""
    lines = stacked_card(surname=LONG_SURNAME, names_line="TEIXEIRA<MOURAO<DE<VASCONCELOS")
    fields, warnings = parse_identity_lines(lines, DocumentKind.CARTAO_CIDADAO)
    assert fields["surname"] == "Teixeira-Mourão de Vasconcelos"
    assert fields["given_names"] == "Rodrigo"
    assert warnings == []


def test_another_printed_surname_against_a_long_names_line_is_still_flagged() -> None:
    """Guard (passes before and after): no single dropped character makes the line the printed "TEIXEIRA-MOURA DE
    VASCONCELOS": the two still disagree."""
    lines = stacked_card(surname="TEIXEIRA-MOURA DE VASCONCELOS", names_line="TEIXEIRA<MOUTRAO<DE<VASCONCELOS")
    _fields, warnings = parse_identity_lines(lines, DocumentKind.CARTAO_CIDADAO)
    assert f"{MISMATCH}:surname" in warnings


def test_back_alone_with_its_surname_filling_the_line_is_still_reported_cut() -> None:
    """Guard (passes before and after): with no visual zone, the surname is the MRZ's, which may be cut."""
    mrz = cc_mrz(surname=LONG_SURNAME.replace("-", " "), given="RODRIGO")
    lines = ["N.º IDENTIFICAÇÃO FISCAL / TAX No.", "218464207", "LOCAL DE PEDIDO / PLACE OF REQUEST", "FARO"]
    fields, warnings = parse_identity_lines(lines, DocumentKind.CARTAO_CIDADAO, mrz=mrz)
    assert fields["surname"] == "Teixeira Mourao de Vasconcelos"
    assert "mrz_name_truncated" in warnings


# --- 3. A card's back: the parents' names are not the holder's ------------------------------------------------------


def card_back(*, father: str) -> list[str]:
    return [
        "FILIAÇÃO / PARENTS",
        f"| {father} |",
        "MARIA HELENA SIMÕES",
        "N.º IDENTIFICAÇÃO FISCAL / TAX No. N.º SEGURANÇA SOCIAL / SOCIAL SECURITY No.",
        "218464207 12049385127",
        "N.º UTENTE DE SAÚDE / HEALTH No. LOCAL DE PEDIDO / PLACE OF REQUEST",
        "508117243 FARO",
    ]


def test_back_given_names_take_no_accent_from_the_fathers_name() -> None:
    """The father's "JOSÉ" is another person's name: the holder's given names stay the MRZ's "TIAGO JOSE"."""
    fields, _warnings = parse_identity_lines(
        card_back(father="JOSÉ CARLOS PAIVA"), DocumentKind.CARTAO_CIDADAO,
        mrz=cc_mrz(surname="PAIVA", given="TIAGO JOSE"),
    )  # fmt: skip
    assert fields["given_names"] == "Tiago Jose"
    assert fields["surname"] == "Paiva"


def test_front_spelling_still_used_with_the_parents_lines_beside() -> None:
    """Guard (passes before and after): a front and back together, the holder's printed "JOSÉ" is used."""
    lines = [
        "APELIDO(S) / SURNAME",
        "PAIVA",
        "NOME(S) / GIVEN NAME(S)",
        "TIAGO JOSÉ",
        *card_back(father="JOSÉ CARLOS PAIVA"),
    ]
    fields, _warnings = parse_identity_lines(
        lines, DocumentKind.CARTAO_CIDADAO, mrz=cc_mrz(surname="PAIVA", given="TIAGO JOSE")
    )
    assert fields["given_names"] == "Tiago José"


def test_only_the_name_the_mrz_cut_is_completed_from_the_visual_zone() -> None:
    """The surname fills the names line and OCR lost its caption: the surname is the MRZ's, reported cut. The given
    names, read under their caption, are whole: the signature that starts with them ("Rodrigo Teix.") does not
    lengthen them."""
    mrz = cc_mrz(surname=LONG_SURNAME.replace("-", " "), given="RODRIGO")
    lines = [
        "REPÚBLICA PORTUGUESA",
        "NOME(S) / GIVEN NAME(S)",
        "RODRIGO",
        "DATA DE NASCIMENTO / DATE OF BIRTH",
        BIRTH.strftime("%d %m %Y"),
        "ASSINATURA / SIGNATURE",
        "— Rodrigo Teix.",
    ]
    fields, warnings = parse_identity_lines(lines, DocumentKind.CARTAO_CIDADAO, mrz=mrz)
    assert fields["given_names"] == "Rodrigo"
    # The MRZ's words, spelt as the card prints them ("MOURÃO": the registry's spelling, round 39).
    assert fields["surname"] == "Teixeira Mourão de Vasconcelos"
    assert "mrz_name_truncated" in warnings


def test_given_names_past_a_cut_mrz_are_completed_from_their_line() -> None:
    """Guard (passes before and after): the MRZ cut the given names to "MARTIM" and the caption's row reads as if
    another caption were beside it ("Nomef(s) / Given Names"), so the name under it is first cut where the MRZ's
    ends; the line it was read from gives it back whole."""
    mrz = cc_mrz(surname="PEREIRA DE ALBUQUERQUE", given="MARTIM JOSE")
    assert mrz[2] == "PEREIRA<DE<ALBUQUERQUE<<MARTIM"
    lines = [
        "REPÚBLICA CARTÃO DE CIDADÃO",
        "PORTUGUESA CITIZEN CARD",
        "Apelido(s) / Surname",
        "Pereira de Albuquerque",
        "Nomef(s) / Given Names",
        "Martim José",
        "Sexo / Sex",
        "M",
    ]
    fields, warnings = parse_identity_lines(lines, DocumentKind.CARTAO_CIDADAO, mrz=mrz)
    assert fields["given_names"] == "Martim José"
    assert "mrz_name_truncated" not in warnings
