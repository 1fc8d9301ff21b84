"""A card's front and back in one file (one page or one photo) are compared as two files' sides are
(``identity.sides_agree``), blind probe r81c, T3: a residence permit's front of one person beside another's back was
one record mixing both, and only the name typed caught it. Names, numbers and dates are the tests' own."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from documents.extraction.parsers import parse_document
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1
from screening.rules.identity import one_image_sides_agree, verify_identity


def line(text: str) -> Line:
    return Line(text, 0.95, [(word, 0.95) for word in text.split()], [])


def permit_lines(*, surname: str, given: str, number: str, birth: str, expiry: str, mrz: list[str]) -> list[Line]:
    """A residence permit's front (names, number, expiry) and back (birth date, issuer, MRZ) as OCR read one image."""
    return [
        line("TÍTULO DE RESIDÊNCIA"),
        line("Apelido(s) / Surname"),
        line(surname),
        line("Nome(s) / Given names"),
        line(given),
        line("N.º DOCUMENTO / DOCUMENT No."),
        line(number),
        line("Válido até / Date of expiry"),
        line(expiry),
        line("Data de nascimento / Date of birth"),
        line(birth),
        line("Local de emissão / Place of issue"),
        line("AIMA LISBOA"),
        *(line(text) for text in mrz),
    ]


def graph_document(lines: list[Line], kind: DocumentKind = DocumentKind.TITULO_RESIDENCIA) -> dict[str, Any]:
    """The screening's documents input for the file, as the pipeline stores an extraction (dates as ISO text)."""
    parsed = parse_document(kind, lines)
    fields = {name: value.isoformat() if isinstance(value, dt.date) else value for name, value in parsed.fields.items()}
    return {
        "document_id": "id-1",
        "document_type": "ID_DOCUMENT",
        "status": "EXTRACTED",
        "kind": kind.value,
        "fields": fields,
        "warnings": list(parsed.warnings),
        "confidence": dict(parsed.confidence),
    }


def identity_of(document: dict[str, Any], *, name: str, birth: str) -> dict[str, Any]:
    return verify_identity(
        {
            "applicant": {"nif": "245718931", "name": name, "date_of_birth": birth},
            "today": "2026-12-01",
            "thresholds": {"id_expiry_warning_days": 60},
            "documents": [document],
        }
    )


def checks_of(result: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in result["checks"]}


# The back: ANJOS DIAS, TIAGO, a permit numbered K4F7M2Q85, born 21 April 1986.
BACK_MRZ = td1(code="IR", state="PRT", number="K4F7M2Q85", birth=dt.date(1986, 4, 21), sex="M",
               expiry=dt.date(2029, 9, 3), nationality="BRA", surname="ANJOS DIAS", given="TIAGO")  # fmt: skip


def test_a_front_of_another_person_beside_the_back_fails_the_sides_even_with_the_backs_name_typed() -> None:
    """The front prints another surname, number and birth date than the back's valid MRZ: two people's sides. The
    name typed is the back's, so the name's comparison alone would have confirmed the identity."""
    lines = permit_lines(surname="OKONKWO", given="CHINEDU EMEKA", number="R9X2T6W31", birth="14 02 1979",
                         expiry="03 09 2029", mrz=BACK_MRZ)  # fmt: skip
    document = graph_document(lines)
    assert document["fields"]["side"] == "both" and document["fields"]["mrz_valid"] is True
    result = identity_of(document, name="Tiago Anjos Dias", birth="1986-04-21")
    sides = checks_of(result)["identity.sides_agree"]
    assert sides["passed"] is False
    assert "a frente e o verso são de pessoas diferentes" in sides["evidence"]
    assert "Okonkwo" not in sides["evidence"] and "R9X2T6W31" not in sides["evidence"]
    assert result["verified"] is False


def test_a_front_whose_name_went_unread_is_told_by_its_number_and_birth_date() -> None:
    """The front's name captions lost to OCR (r81c's T3): the back's valid MRZ gives the record its name, which the
    applicant typed; the front's other number and birth date still tell two people, and the identity is not
    confirmed."""
    lines = permit_lines(surname="OKONKWO", given="CHINEDU EMEKA", number="R9X2T6W31", birth="14 02 1979",
                         expiry="03 09 2029", mrz=BACK_MRZ)  # fmt: skip
    document = graph_document([line for line in lines if "name" not in line.text.lower()])
    assert document["fields"]["full_name"] == "Tiago Anjos Dias"
    result = identity_of(document, name="Tiago Anjos Dias", birth="1986-04-21")
    checks = checks_of(result)
    assert checks["identity.name_match"]["passed"] is True
    assert checks["identity.sides_agree"]["passed"] is False
    assert checks["identity.sides_agree"]["evidence"] == (
        "Frente e verso do título de residência não coincidem: número do documento, data de nascimento; a frente e "
        "o verso são de pessoas diferentes."
    )
    assert result["verified"] is False


def test_a_genuine_permits_sides_in_one_image_agree_through_ocrs_slips_and_icaos_spellings() -> None:
    """Guard: the same person's front, its name accented where the MRZ writes none and its number with a look-alike
    glyph ("K4F7M2O85"), raises no disagreement and confirms the identity."""
    lines = permit_lines(surname="ANJOS DIAS", given="TIAGO", number="K4F7M2O85", birth="21 04 1986",
                         expiry="03 09 2029", mrz=BACK_MRZ)  # fmt: skip
    document = graph_document(lines)
    result = identity_of(document, name="Tiago Anjos Dias", birth="1986-04-21")
    assert "identity.sides_agree" not in checks_of(result)
    assert result["verified"] is True


def one_image(kind: str, *warnings: str) -> dict[str, Any]:
    fields = {"side": "both", "surname": "Dias", "given_names": "Tiago", "mrz_valid": True}
    return {"document_id": "d", "kind": kind, "fields": fields, "warnings": list(warnings)}


@pytest.mark.parametrize("kind", ["CARTAO_CIDADAO", "TITULO_RESIDENCIA", "CARTAO_IDENTIDADE_ESTRANGEIRO"])
def test_another_surname_on_the_front_is_another_persons_on_every_card(kind: str) -> None:
    check = one_image_sides_agree(one_image(kind, "mrz_viz_name_kept:surname"))
    assert check is not None and check["passed"] is False and check["field"] == "full_name"
    assert check["evidence"].endswith(": nome; a frente e o verso são de pessoas diferentes.")


def test_another_number_alone_is_another_cards_and_another_birth_date_beside_it_another_persons() -> None:
    number = one_image_sides_agree(one_image("TITULO_RESIDENCIA", "mrz_viz_mismatch:document_number"))
    assert number is not None and number["evidence"] == (
        "Frente e verso do título de residência não coincidem: número do documento; a frente e o verso são de "
        "cartões diferentes."
    )
    both = one_image_sides_agree(
        one_image("TITULO_RESIDENCIA", "mrz_viz_mismatch:document_number", "mrz_viz_mismatch:date_of_birth")
    )
    assert both is not None and both["evidence"].endswith("; a frente e o verso são de pessoas diferentes.")


def test_another_nationality_is_said_only_beside_another_number() -> None:
    """r81c's T3: the front's name unread and the birth date printed on the back, another number and nationality
    are two people's; another nationality alone is no check (no check digit covers it, OCR may misread it)."""
    both = one_image_sides_agree(
        one_image("TITULO_RESIDENCIA", "mrz_viz_mismatch:document_number", "mrz_viz_mismatch:nationality")
    )
    assert both is not None and both["evidence"] == (
        "Frente e verso do título de residência não coincidem: número do documento, nacionalidade; a frente e o "
        "verso são de pessoas diferentes."
    )
    assert one_image_sides_agree(one_image("TITULO_RESIDENCIA", "mrz_viz_mismatch:nationality")) is None


def test_a_passport_page_or_a_single_side_is_no_card_of_two_sides() -> None:
    """Guard: a passport's page against its MRZ stays ``identity.mrz_matches_page``'s; a back alone compares nothing."""
    passport = {**one_image("PASSAPORTE", "mrz_viz_name_kept:surname")}
    back = one_image("TITULO_RESIDENCIA", "mrz_viz_mismatch:document_number")
    back["fields"]["side"] = "back"
    assert one_image_sides_agree(passport) is None and one_image_sides_agree(back) is None
