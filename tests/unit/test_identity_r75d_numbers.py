"""Identity document numbers on phone photos (blind probe r75d, F7).

Two residence permits' fronts read "o Y4K7N2P81 ." (a speck read as a glyph before the number) and "C8M3kK7T21" (the
"K" read twice, once in lower case): neither number was taken, and nothing said so. A German card's front read
"LO1X00T47", whose "O" no German card's number holds. Another German card's front read "T22000129" as "722000129",
and its sides were said to differ in their number though both print the same; its back's birth date was edited, so
its MRZ failed, but the number's own check digit held.
"""

from __future__ import annotations

from typing import Any

import pytest

from applicants.identifiers import card_number_misread
from documents.extraction.local import validated
from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from screening.rules.identity import verify_identity


def permit_front(number_row: str, confidence: float = 0.5) -> list[Line]:
    texts = [
        ("PORTUGAL TÍTULO DE RESIDÊNCIA / RESIDENCE PERMIT", 0.92),
        ("Apelido(s) / Surname(s)", 0.9),
        ("DE SOUZA LIMA", 0.97),
        ("Nome(s) / Given name(s)", 0.9),
        ("JOÃO PEDRO", 0.96),
        ("Nacionalidade / Nationality Sexo / Sex", 0.92),
        ("BRA M", 0.95),
        ("N.º documento / Document No", 0.95),
        (number_row, confidence),
        ("Válido até / Valid until", 0.95),
        ("30 09 2027", 0.86),
        ("Tipo de título / Type of permit", 0.95),
        ("AUTORIZAÇÃO DE RESIDÊNCIA TEMPORÁRIA", 0.96),
    ]
    return [Line(text, sure) for text, sure in texts]


def read_front(number_row: str) -> tuple[dict[str, Any], list[str]]:
    parsed = parse_identity(permit_front(number_row), DocumentKind.TITULO_RESIDENCIA)
    fields, _, warnings = validated(DocumentKind.TITULO_RESIDENCIA, parsed, document_type="ID_DOCUMENT")
    return fields, warnings


@pytest.mark.parametrize(
    ("row", "number"),
    [
        ("o Y4K7N2P81 .", "Y4K7N2P81"),  # a speck before it, a dot after
        ("C8M3kK7T21", "C8M3K7T21"),  # a capital read twice, once in lower case
        ("C8M3Kk7T21", "C8M3K7T21"),
        ("Y4K7N2P81", "Y4K7N2P81"),  # guard: read right
    ],
)
def test_a_permit_front_s_number_read_with_a_speck_or_a_letter_twice_is_taken(row: str, number: str) -> None:
    fields, warnings = read_front(row)
    assert fields["document_number"] == number
    assert not any("document_number" in code for code in warnings)


@pytest.mark.parametrize("row", ["C8M3kX7T21", "C8M3KX7T21", "Y4K7N2P8"])
def test_a_permit_front_s_number_read_otherwise_is_left_out_and_flagged(row: str) -> None:
    fields, warnings = read_front(row)
    assert fields["document_number"] is None
    assert "document_number_implausible" in warnings
    assert "missing:document_number" not in warnings  # the warning of its own says why


def test_a_permit_front_whose_number_went_unread_says_it_is_missing() -> None:
    fields, warnings = read_front("~ ,")
    assert fields["document_number"] is None
    assert "missing:document_number" in warnings


def german_front(number: str, nationality_row: str = "M DEUTSCH") -> list[Line]:
    texts = [
        "BUNDESREPUBLIK DEUTSCHLAND / PERSONALAUSWEIS", "Surname | Apelido", "MULLER", "Given names / Nome(s)",
        "JURGEN", "Sexe | Sex Nationalité / Nationality", nationality_row, "Date of birth / Data de nascimento",
        "07 07 1977", "Document No. / N.º documento", number, "Date of expiry / Data de validade", "06 07 2029",
    ]  # fmt: skip
    return [Line(text, 0.9) for text in texts]


@pytest.mark.parametrize(
    ("read_as", "number"),
    [
        ("LO1X00T47", "L01X00T47"),  # an "O" no German card's number holds
        ("L01X00T47", "L01X00T47"),  # guard: read right
        ("LE1X00T47", "LE1X00T47"),  # guard: a vowel no digit looks like stays as read
    ],
)
def test_a_german_card_front_s_number_is_read_in_its_alphabet(read_as: str, number: str) -> None:
    parsed = parse_identity(german_front(read_as), DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert parsed.fields["nationality"] in {"D", "DEU"}
    assert parsed.fields["document_number"] == number


def test_another_state_s_card_front_keeps_its_number_as_read() -> None:
    lines = german_front("LO1X00T47", nationality_row="M FRANÇAISE")
    lines[0] = Line("RÉPUBLIQUE FRANÇAISE / CARTE NATIONALE D'IDENTITÉ", 0.9)
    parsed = parse_identity(lines, DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert parsed.fields["document_number"] == "LO1X00T47"


@pytest.mark.parametrize(
    ("printed", "vouched", "misread"),
    [
        ("722000129", "T22000129", True),  # a "T" read "7"
        ("T22000129", "722000129", True),
        ("722000129", "T22000128", False),  # guard: another digit too
        ("822000129", "T22000129", False),  # guard: no look-alike of a "T"
    ],
)
def test_a_t_and_a_7_are_look_alikes_on_a_card_s_number(printed: str, vouched: str, misread: bool) -> None:
    assert card_number_misread(printed, vouched) is misread


def card_side(side: str, fields: dict[str, Any], confidence: dict[str, float]) -> dict[str, Any]:
    return {
        "document_id": side,
        "document_type": "ID_DOCUMENT",
        "status": "EXTRACTED",
        "kind": "CARTAO_IDENTIDADE_ESTRANGEIRO",
        "fields": {"side": side, **fields},
        "warnings": [],
        "confidence": confidence,
    }


FRONT = {"full_name": "Katharina Schneider", "date_of_birth": "1990-02-02", "expiry_date": "2030-02-01",
         "document_number": "722000129", "nationality": "DEU"}  # fmt: skip
BACK = {"surname": "SCHNEIDER", "given_names": "KATHARINA", "expiry_date": "2030-02-01",
        "document_number": "T22000129", "issuing_state": "D", "nationality": "DEU", "mrz_valid": False}  # fmt: skip


def checks_of(back_number_confidence: float) -> dict[str, dict[str, Any]]:
    state = {
        "applicant": {"nif": "237570424", "name": "Katharina Schneider", "date_of_birth": "1990-02-02"},
        "today": "2026-12-07",
        "thresholds": {"id_expiry_warning_days": 60},
        "documents": [
            card_side("front", FRONT, {"document_number": 0.5}),
            card_side("back", BACK, {"document_number": back_number_confidence, "expiry_date": 0.99}),
        ],
    }
    return {c["name"]: c for c in verify_identity(state)["checks"]}


def test_a_front_number_a_look_alike_from_the_back_s_checked_number_agrees_though_another_check_fails() -> None:
    checks = checks_of(0.99)
    assert checks["identity.sides_agree"]["passed"] is True
    # The edited birth date is still the MRZ's failure.
    assert checks["identity.mrz_valid"]["passed"] is False


@pytest.mark.parametrize("confidence", [0.85, 1.0])
def test_a_back_number_no_check_digit_vouched_for_still_differs_from_the_front_s(confidence: float) -> None:
    assert checks_of(confidence)["identity.sides_agree"]["passed"] is False
