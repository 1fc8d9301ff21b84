"""Identity document numbers (blind probe r74a, F2 and F5).

F5: a Cartão de Cidadão's front edited to print "11223374 9 ZZ5", whose check character fails, was read "... Z25" by
OCR, and the version's "2" kept as a digit made the check character hold: the forged number came at 0.99. The version
is two letters; a digit read there is read as the letter it looks like, never a letter as a digit.

F2: a French card's front number read "X4RTBPFWA4" (one glyph more) beside its back's valid MRZ's "X4RTBPFW4" failed
``identity.sides_agree``: a glyph more or fewer is OCR's slip, as look-alikes are; another number is another card.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from applicants.identifiers import card_number_misread, cc_check_digit, cc_is_valid, cc_number_holds
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from documents.extraction.validation import identity_revalidate
from screening.rules.identity import verify_identity

TODAY = dt.date(2026, 12, 7)
# "11223374 9 ZZ5" fails its check character; read "Z25" (a Z as a 2) it holds.
EDITED, EDITED_AS_READ = "112233749ZZ5", "112233749Z25"
GENUINE = "112233449ZZ" + cc_check_digit("112233449ZZ")


def cc_front(number: str) -> list[Line]:
    texts = [
        "REPÚBLICA PORTUGUESA",
        "CARTÃO DE CIDADÃO / CITIZEN CARD",
        "APELIDO(S) / SURNAME N.º DOCUMENTO / DOCUMENT No.",
        f"ANTUNES BARROS {number}",
        "NOME(S) / GIVEN NAME(S) DATA DE VALIDADE / EXPIRY DATE",
        "RICARDO 21 06 2030",
        "SEXO / SEX",
        "M",
        "NACIONALIDADE / NATIONALITY",
        "PRT",
        "DATA DE NASCIMENTO / DATE OF BIRTH",
        "21 06 1977",
    ]
    return [Line(text, 0.93) for text in texts]


def test_the_arithmetic_alone_holds_for_a_letter_read_as_a_digit() -> None:
    assert not cc_is_valid(EDITED) and cc_is_valid(EDITED_AS_READ)
    assert not cc_number_holds(EDITED_AS_READ)
    assert cc_number_holds(GENUINE) and cc_number_holds("11223344 9 " + GENUINE[9:])


def test_a_front_whose_version_letter_was_read_as_a_digit_fails_its_check() -> None:
    parsed = parse_identity(cc_front("11223374 9 Z25"), DocumentKind.CARTAO_CIDADAO)
    assert parsed.fields.get("document_number") is None
    assert "document_number_check_invalid" in parsed.warnings


@pytest.mark.parametrize("version", ["ZZ", "Z2", "22"])
def test_a_genuine_front_s_version_read_as_digits_is_still_read_as_letters(version: str) -> None:
    """Guard: a digit read in the version is the letter it looks like, as before."""
    printed = f"{GENUINE[:8]} {GENUINE[8]} {version}{GENUINE[11]}"
    parsed = parse_identity(cc_front(printed), DocumentKind.CARTAO_CIDADAO)
    assert parsed.fields["document_number"] == f"{GENUINE[:8]} {GENUINE[8]} {GENUINE[9:]}"
    assert "document_number_check_invalid" not in parsed.warnings


def test_a_number_given_with_a_digit_in_its_version_is_left_null_whoever_read_it() -> None:
    """Another backend's reading (Reducto's) is held to the same rule when it is validated."""
    fields: dict[str, Any] = {"document_number": "11223374 9 Z25"}
    warnings = identity_revalidate(DocumentKind.CARTAO_CIDADAO, fields, today=TODAY)
    assert fields["document_number"] is None and "document_number_check_invalid" in warnings
    fields = {"document_number": f"{GENUINE[:8]} {GENUINE[8]} {GENUINE[9:]}"}
    assert "document_number_check_invalid" not in identity_revalidate(DocumentKind.CARTAO_CIDADAO, fields, today=TODAY)


@pytest.mark.parametrize(
    ("printed", "vouched", "misread"),
    [
        ("X4RTBPFWA4", "X4RTBPFW4", True),  # a glyph more (blind probe r74a, A13)
        ("X4RTBPW4", "X4RTBPFW4", True),  # a glyph fewer
        ("X4RTBPFWA4", "X4RT8PFW4", True),  # a glyph more and a look-alike
        ("X4RTBPFW4", "X4RTBPFW4", True),
        ("X4RTBPFWAA4", "X4RTBPFW4", False),  # two glyphs more
        ("Y7KLMN2Q8", "X4RTBPFW4", False),  # another card
        ("X4RTBPFW7", "X4RTBPFW4", False),  # another digit: another card, or an edit
        ("X4RTCPFWA4", "X4RTBPFW4", False),  # a glyph more and another letter
        ("12345", "1234", False),  # too short for a glyph to be a slip
    ],
)
def test_a_printed_number_is_the_vouched_one_misread_only_by_ocr_s_slips(
    printed: str, vouched: str, misread: bool
) -> None:
    assert card_number_misread(printed, vouched) is misread


def card_side(side: str, document_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "document_type": "ID_DOCUMENT",
        "status": "EXTRACTED",
        "kind": "CARTAO_IDENTIDADE_ESTRANGEIRO",
        "fields": {"side": side, **fields},
        "warnings": [],
        "confidence": {},
    }


FRONT = {"full_name": "Jean-Baptiste Lefevre", "date_of_birth": "1991-08-03", "expiry_date": "2031-08-02",
         "document_number": "X4RTBPFWA4"}  # fmt: skip
BACK = {"surname": "LEFEVRE", "given_names": "JEAN BAPTISTE", "date_of_birth": "1991-08-03",
        "expiry_date": "2031-08-02", "document_number": "X4RTBPFW4", "mrz_valid": True}  # fmt: skip


def sides_check(front: dict[str, Any], back: dict[str, Any], kind: str = "CARTAO_IDENTIDADE_ESTRANGEIRO") -> Any:
    documents = [{**card_side("front", "f", **front), "kind": kind}, {**card_side("back", "b", **back), "kind": kind}]
    state = {
        "applicant": {"nif": "214716031", "name": "Jean-Baptiste Lefèvre", "date_of_birth": "1991-08-03"},
        "today": TODAY.isoformat(),
        "thresholds": {"id_expiry_warning_days": 60},
        "documents": documents,
    }
    result = verify_identity(state)
    return next((c for c in result["checks"] if c["name"] == "identity.sides_agree"), None), result


def test_a_front_number_with_a_glyph_more_than_the_valid_mrz_s_agrees() -> None:
    check, result = sides_check(FRONT, BACK)
    assert check["passed"] is True
    assert result["verified"] is True


@pytest.mark.parametrize(
    ("front_number", "mrz_valid"),
    [
        ("Y7KLMN2Q8", True),  # another card's front
        ("X4RTBPFW7", True),  # another digit
        ("X4RTBPFWA4", False),  # the back's MRZ vouches for nothing
    ],
)
def test_a_front_number_otherwise_apart_still_disagrees(front_number: str, mrz_valid: bool) -> None:
    check, _ = sides_check({**FRONT, "document_number": front_number}, {**BACK, "mrz_valid": mrz_valid})
    assert check["passed"] is False and check["field"] == "document_number"


def test_sides_that_agree_name_only_what_was_compared() -> None:
    """Blind probe r74a, C04: the back's number unread and its MRZ's check digits failing (so its name unweighed), the
    evidence said "coincidem (nome, número, nascimento e validade)"."""
    cc_front_fields = {**FRONT, "document_number": None, "full_name": "Ricardo Antunes Barros"}
    back = {**BACK, "document_number": None, "mrz_valid": False, "surname": "ANTUNES BARROS", "given_names": "RICARDO"}
    check, _ = sides_check(cc_front_fields, back, kind="CARTAO_CIDADAO")
    assert check["passed"] is True
    assert check["evidence"] == "Frente e verso do Cartão de Cidadão coincidem (nascimento e validade)."


def test_sides_that_agree_on_everything_say_so_as_before() -> None:
    """Guard: every field read on both sides and the MRZ valid, the evidence names all four."""
    check, _ = sides_check({**FRONT, "document_number": "X4RTBPFW4"}, BACK)
    assert (
        check["evidence"] == "Frente e verso do cartão de identidade coincidem (nome, número, nascimento e validade)."
    )


def test_sides_with_nothing_read_on_both_make_no_check() -> None:
    check, _ = sides_check({"full_name": "Jean-Baptiste Lefevre"}, {"mrz_valid": False, "nif": "214716031"})
    assert check is None
