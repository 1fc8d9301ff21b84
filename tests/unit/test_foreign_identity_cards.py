"""Another state's identity card (an EU citizen's DNI, carte d'identité, carta d'identità...): known by its title
or by its MRZ (TD1 or TD2), read from the MRZ on its back, and checked as a passport is.

The texts are what the reader hands the parsers, cut down to what matters.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from documents.extraction.parsers.classify import classify
from documents.extraction.schema import DocumentKind
from samples.identity import td1, td2
from screening.rules.identity import verify_identity
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 2)
BIRTH, EXPIRY = dt.date(1991, 3, 14), dt.date(2031, 5, 20)
PERSON = {"birth": BIRTH, "sex": "F", "expiry": EXPIRY, "surname": "García López", "given": "Lucía"}
SPANISH_BACK = td1(code="ID", state="ESP", number="CAA123456", nationality="ESP", optional="99999999R", **PERSON)
SPANISH_FRONT = """REINO DE ESPAÑA
DOCUMENTO NACIONAL DE IDENTIDAD
APELLIDOS / SURNAME
GARCÍA LÓPEZ
NOMBRE / GIVEN NAMES
LUCÍA
SEXO / SEX F  NACIONALIDAD / NATIONALITY ESP
FECHA DE NACIMIENTO / DATE OF BIRTH 14 03 1991
VÁLIDO HASTA / VALID UNTIL 20 05 2031"""
FRENCH_BACK = td1(code="ID", state="FRA", number="X4RTBPFW4", nationality="FRA", **PERSON)
# The older Romanian card: two lines of 36, no title the parsers know.
ROMANIAN_TD2 = td2(code="ID", state="ROU", number="RX123456", nationality="ROU", **PERSON)


def read(text: str) -> tuple[DocumentKind, dict[str, Any], list[str]]:
    return read_text(text, document_type="ID_DOCUMENT", today=TODAY)


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(SPANISH_BACK),  # the back: an MRZ and nothing else
        "\n".join(["Lugar de nacimiento Sevilla", *SPANISH_BACK]),
        "\n".join(ROMANIAN_TD2),
        "\n".join(["CARTE D'IDENTITÉ / IDENTITY CARD", *FRENCH_BACK]),
    ],
)
def test_another_states_card_back_is_read_from_its_mrz(text: str) -> None:
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
    assert fields["mrz_valid"] is True and warnings == []
    assert (fields["date_of_birth"], fields["expiry_date"]) == (BIRTH, EXPIRY)
    assert (fields["surname"], fields["given_names"], fields["sex"]) == ("Garcia Lopez", "Lucia", "F")
    assert fields["side"] == "back"
    assert fields["nif"] is None


def test_the_front_is_known_by_its_title_and_read_by_its_english_labels() -> None:
    kind, fields, _ = read(SPANISH_FRONT)
    assert kind == DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
    assert fields["side"] == "front" and fields["mrz_valid"] is None
    assert (fields["surname"], fields["given_names"]) == ("García López", "Lucía")
    assert fields["date_of_birth"] == BIRTH


def test_a_portuguese_card_whose_own_title_ocr_lost_stays_a_cartao_de_cidadao() -> None:
    back = td1(code="I", state="PRT", number="123456784ZZ5", nationality="PRT", **PERSON)
    text = "\n".join(["CART O DE CIDAD O / IDENTITY CARD", *back])
    assert classify(text) == DocumentKind.CARTAO_CIDADAO


def test_a_visa_is_not_an_identity_card() -> None:
    visa = td2(code="V", state="FRA", number="X4RTBPFW4", nationality="USA", **PERSON)
    assert classify("\n".join(visa)) == DocumentKind.UNKNOWN


# --- Screening: checked as a passport is, the MRZ on the back required ---------------------------------


def card_side(side: str, document_id: str, **fields: Any) -> dict[str, Any]:
    return {"document_id": document_id, "document_type": "ID_DOCUMENT", "status": "EXTRACTED",
            "kind": "CARTAO_IDENTIDADE_ESTRANGEIRO", "fields": {"side": side, **fields}, "warnings": [],
            "confidence": {}}  # fmt: skip


def identity_state(documents: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "applicant": {"nif": "245718931", "name": "Lucía García López", "date_of_birth": BIRTH.isoformat()},
        "today": TODAY.isoformat(),
        "thresholds": {"id_expiry_warning_days": 60},
        "documents": documents,
    }


FRONT = {"surname": "García López", "given_names": "Lucía", "full_name": None, "date_of_birth": BIRTH.isoformat()}
BACK = {"surname": "Garcia Lopez", "given_names": "Lucia", "full_name": "Lucia Garcia Lopez",
        "date_of_birth": BIRTH.isoformat(), "expiry_date": EXPIRY.isoformat(), "document_number": "CAA123456",
        "nationality": "ESP", "mrz_valid": True}  # fmt: skip


def by_name(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in result["checks"]}


def test_front_and_back_are_one_identity_and_what_the_front_lacks_comes_from_the_back() -> None:
    result = verify_identity(identity_state([card_side("front", "f", **FRONT), card_side("back", "b", **BACK)]))
    assert result["verified"] is True, result["checks"]
    checks = by_name(result)
    assert checks["identity.sides_agree"]["evidence"].startswith("Frente e verso do cartão de identidade coincidem")
    assert checks["identity.mrz_valid"]["passed"] and checks["identity.not_expired"]["passed"]
    assert checks["identity.nif_match"]["passed"]  # no NIF on the card: name and birth date decide


def test_the_back_alone_is_enough_and_the_front_alone_is_not() -> None:
    assert verify_identity(identity_state([card_side("back", "b", **BACK)]))["verified"] is True
    result = verify_identity(identity_state([card_side("front", "f", **FRONT, expiry_date=EXPIRY.isoformat())]))
    assert result["verified"] is False
    assert "verso do cartão" in by_name(result)["identity.mrz_valid"]["evidence"]


def test_a_data_line_with_no_filler_still_belongs_to_the_mrz() -> None:
    # A Belgian card's national number fills line 2's optional data: not one "<" on the line.
    back = ["IDBEL5921234569<<<<<<<<<<<<<<<", "8503127F3001178BEL850312123452", "PEETERS<<SOPHIE<MARIE<<<<<<<<<"]
    kind, fields, warnings = read("\n".join(back))
    assert kind == DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
    assert fields["mrz_valid"] is True and fields["document_number"] == "592123456" and warnings == []


def test_a_visa_printing_the_passport_number_is_not_a_passport() -> None:
    visa = td2(code="V", state="PRT", number="X4RTBPFW4", nationality="IND", **PERSON)
    assert classify("\n".join(["VISTO / VISA", "Passport No. Z1234567", *visa])) == DocumentKind.UNKNOWN


# Found by a blind probe (2026-12-02, round 5): an Italian front's bilingual label gave the name "Name".
ITALIAN_FRONT = """REPUBBLICA ITALIANA
CARTA DI IDENTITA / IDENTITY CARD
COGNOME / SURNAME
ROSSI
NOME / NAME
MARIO
LUOGO E DATA DI NASCITA / PLACE AND DATE OF BIRTH"""


@pytest.mark.parametrize(
    "text",
    [
        ITALIAN_FRONT,
        ITALIAN_FRONT.replace("NOME / NAME\nMARIO", "NOME / NAME\nNAME\nMARIO"),  # a label OCR'd twice
        "IDENTITEITSKAART / IDENTITY CARD\nNAAM / SURNAME\nROSSI\nVOORNAMEN / GIVEN NAMES\nMARIO",
    ],
)
def test_a_label_word_under_a_bilingual_label_is_never_taken_for_the_name(text: str) -> None:
    kind, fields, _ = read(text)
    assert kind == DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
    assert (fields["surname"], fields["given_names"], fields["full_name"]) == ("Rossi", "Mario", "Mario Rossi")


# Found by a blind probe (2026-12-03, round 6): a Cartão de Cidadão front typed in mixed case lost both names.
MIXED_CASE_CC_FRONT = """REPÚBLICA PORTUGUESA PRT
CARTÃO DE CIDADÃO · CITIZEN CARD
Apelido(s) / Surname
da Costa e Silva
Nome(s) / Given name(s)
José Maria
Sexo / Sex
M
Nacionalidade / Nationality
PRT
Data de nascimento / Date of birth
09.05.1975"""


def test_names_typed_in_mixed_case_under_their_labels_are_read() -> None:
    kind, fields, warnings = read(MIXED_CASE_CC_FRONT)
    assert kind == DocumentKind.CARTAO_CIDADAO
    assert (fields["surname"], fields["given_names"]) == ("da Costa e Silva", "José Maria")
    assert "missing:full_name" not in warnings


@pytest.mark.parametrize("under", ["Assinatura do titular", "Altura / Height", "Data de nascimento / Date of birth"])
def test_a_label_in_mixed_case_where_the_name_was_not_read_is_not_taken_for_it(under: str) -> None:
    text = MIXED_CASE_CC_FRONT.replace("da Costa e Silva\nNome(s) / Given name(s)\nJosé Maria", f"{under}\n{under}")
    _, fields, _ = read(text)
    assert fields["surname"] is None and fields["given_names"] is None


@pytest.mark.parametrize("printed", ["13944117 7 ZZ3", "139441177ZZ3", "13944117 7 223"])
def test_a_citizen_cards_number_keeps_its_version_letters_spaced_or_not(printed: str) -> None:
    """Blind probe, round 6: "145029387ZZ5" came out "14502938 7 225". Repairing look-alike digits turned the
    unspaced version letters into digits, and the check digit holds for that reading too (as it does here).
    Round 7: OCR itself read a small card's "ZZ" as "22"."""
    text = f"""CARTÃO DE CIDADÃO
APELIDOS
VIEGAS MOURA
NOMES
ALICE BEATRIZ
DATA DE NASCIMENTO
04 11 1990
N.º DOCUMENTO
{printed}
VÁLIDO ATÉ
30 06 2031"""
    _, fields, warnings = read_text(text, document_type="ID_DOCUMENT", today=dt.date(2026, 12, 3))
    assert fields["document_number"] == "13944117 7 ZZ3"
    assert "document_number_check_invalid" not in warnings


RESIDENCE_BACK = td1(code="IR", state="PRT", number="B17420953", nationality="BRA", **PERSON)
RESIDENCE_FRONT = """REPÚBLICA PORTUGUESA
TÍTULO DE RESIDÊNCIA / RESIDENCE PERMIT
Apelido(s) / Surname
GARCÍA LÓPEZ
Nome(s) / Given names
LUCÍA
Nacionalidade / Nationality BRA
Data de Nascimento / Date of Birth 14 03 1991"""


def test_a_residence_permits_two_sides_are_told_apart_and_make_one_identity() -> None:
    """Blind probe, round 7: a título de residência's front and back both came back with no side, so the
    front's printed name and the back's MRZ were never one identity."""
    front_kind, front, _ = read(RESIDENCE_FRONT)
    back_kind, back, _ = read("\n".join(["Local de emissão / Place of issue: LISBOA", *RESIDENCE_BACK]))
    assert (front_kind, back_kind) == (DocumentKind.TITULO_RESIDENCIA, DocumentKind.TITULO_RESIDENCIA)
    assert (front["side"], back["side"]) == ("front", "back")
    documents = [
        {**card_side("front", "f", **FRONT), "kind": "TITULO_RESIDENCIA"},
        {**card_side("back", "b", **{**BACK, "document_number": "B17420953", "nationality": "BRA"}),
         "kind": "TITULO_RESIDENCIA"},
    ]  # fmt: skip
    result = verify_identity(identity_state(documents))
    assert result["verified"] is True, result["checks"]
    assert by_name(result)["identity.sides_agree"]["evidence"].startswith(
        "Frente e verso do título de residência coincidem"
    )


def test_a_citizen_cards_holder_is_portuguese_whatever_ocr_made_of_the_unchecked_nationality() -> None:
    """Blind probe, round 7: a back's MRZ nationality read "PRI" (no check digit covers it) came back as is."""
    lines = td1(code="I", state="PRT", number="139441177ZZ3", nationality="PRI", **PERSON)
    _, fields, _ = read("\n".join(lines))
    assert fields["nationality"] == "PRT"


def test_a_citizen_cards_number_in_the_mrz_survives_fillers_misread_after_it() -> None:
    """Blind probe, round 7: "I<PRT162409737<ZZ605B<<<" (OCR made two fillers "5B") gave no number, though the
    number's own check character holds."""
    lines = td1(code="I", state="PRT", number="139441177ZZ3", nationality="PRT", **PERSON)
    assert lines[0].startswith("I<PRT139441177<ZZ34<<")
    misread = [lines[0].replace("ZZ34<<", "ZZ345B", 1), *lines[1:]]
    _, fields, _ = read("\n".join(misread))
    assert fields["document_number"] == "13944117 7 ZZ3"
