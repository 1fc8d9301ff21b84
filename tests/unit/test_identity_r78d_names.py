"""Names the blind probe of round 78D found wrong (causes 1 and 2): a passport's nationality ("UNITED STATES OF
AMERICA", "PAKISTANI") read as its given names, the first kept against a valid MRZ's; and a word typed that the
document's name, its surname not read, lacked, said absent from the document. Names and numbers are made up for the
tests, the layouts other than the probe's."""

from __future__ import annotations

import datetime as dt
from typing import Any

from documents.extraction.schema import DocumentKind
from samples.identity import td3
from screening.rules.identity import verify_identity
from screening.rules.report import fuzzy_name_words
from tests.helpers import parse_identity_lines

BIRTH, EXPIRY = dt.date(1986, 5, 17), dt.date(2031, 8, 9)


def canadian_page(given_line: str | None, *, mrz_given: str = "SOPHIE<ANNE") -> tuple[dict[str, Any], list[str]]:
    """A passport page whose given names' line reads ``given_line`` (None: lost to OCR) and whose nationality's caption
    was lost, its value under the given names."""
    page = ["CANADA", "PASSPORT / PASSEPORT", "Type Issuing Country Passport No.", "P CAN HK482913", "Surname / Nom",
            "TREMBLAY", "Given names / Prénoms", *([given_line] if given_line else []), "CANADIAN",
            "Date of birth / Date de naissance", "17 MAY 1986"]  # fmt: skip
    mrz = td3(code="P", state="CAN", number="HK482913", birth=BIRTH, sex="F", expiry=EXPIRY, nationality="CAN",
              surname="TREMBLAY", given=mrz_given)  # fmt: skip
    return parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=mrz)


def test_a_nationality_under_the_given_names_caption_is_no_name_beside_a_valid_mrz() -> None:
    fields, warnings = canadian_page(None)
    assert fields["given_names"] == "Sophie Anne"
    assert fields["full_name"] == "Sophie Anne Tremblay"
    assert not [code for code in warnings if code.startswith(("mrz_viz_name_kept", "mrz_viz_mismatch"))]


def test_specks_and_a_lone_e_before_the_given_names_are_no_part_of_them() -> None:
    fields, warnings = canadian_page("ab e. SOPHIE ANNE")
    assert fields["given_names"] == "Sophie Anne"
    assert "mrz_viz_mismatch:given_names" not in warnings


def test_given_names_sharing_no_word_with_a_valid_whole_mrz_give_way_to_it() -> None:
    """Another line's value read as the given names does not overrule the MRZ's given names; the page and the MRZ
    disagreeing is still said."""
    fields, warnings = canadian_page("MONTREAL QUEBEC")
    assert fields["given_names"] == "Sophie Anne"
    assert "mrz_viz_mismatch:given_names" in warnings
    assert "mrz_viz_name_kept:given_names" not in warnings


def test_a_surname_printed_otherwise_than_the_valid_mrz_is_still_kept_and_said() -> None:
    """Guard: the altered page's sign stays (ADR 010): the surname keeps its own rule."""
    page = ["CANADA", "PASSPORT / PASSEPORT", "P CAN HK482913", "Surname / Nom", "GAGNON", "Given names / Prénoms",
            "SOPHIE ANNE", "Nationality / Nationalité", "CANADIAN"]  # fmt: skip
    mrz = td3(code="P", state="CAN", number="HK482913", birth=BIRTH, sex="F", expiry=EXPIRY, nationality="CAN",
              surname="TREMBLAY", given="SOPHIE<ANNE")  # fmt: skip
    fields, warnings = parse_identity_lines(page, DocumentKind.PASSAPORTE, mrz=mrz)
    assert fields["surname"] == "Gagnon" and "mrz_viz_name_kept:surname" in warnings


def test_the_documents_own_nationality_is_no_name_without_an_mrz() -> None:
    """A passport whose MRZ was cut off, its given names' line lost: the nationality's adjective under their caption
    names the state its title and first row name, and is no name."""
    page = ["REPÚBLICA FEDERATIVA DO BRASIL", "PASSAPORTE / PASSPORT", "Tipo / Type Código / Code", "P BRA FZ318204",
            "Sobrenome / Surname", "SOUZA LIMA", "Nome / Given names", "BRASILEIRO", "Data de nascimento / Date of birth",
            "17 MAI/MAY 1986"]  # fmt: skip
    fields, _ = parse_identity_lines(page, DocumentKind.PASSAPORTE)
    assert fields.get("given_names") is None
    assert fields["surname"] == "Souza Lima"


def test_a_name_that_is_another_states_name_stays_a_name() -> None:
    """Guard: "ISRAEL", a given name, on a Brazilian passport names no state of the document."""
    page = ["REPÚBLICA FEDERATIVA DO BRASIL", "PASSAPORTE / PASSPORT", "P BRA FZ318204", "Sobrenome / Surname",
            "SOUZA LIMA", "Nome / Given names", "ISRAEL", "Nacionalidade / Nationality", "BRASILEIRO"]  # fmt: skip
    fields, _ = parse_identity_lines(page, DocumentKind.PASSAPORTE)
    assert fields["given_names"] == "Israel"


def test_a_state_is_named_by_its_formal_name_or_adjective_alone() -> None:
    from documents.extraction.parsers.identity import state_named

    assert state_named("UNITED STATES OF AMERICA") == "USA"
    assert state_named("ISLAMIC REPUBLIC OF PAKISTAN") == "PAK"
    assert state_named("República Portuguesa") == "PRT"
    assert state_named("CANADIAN") == "CAN"
    assert state_named("SOPHIE CANADA") is None
    assert state_named("OF THE") is None


# --- cause 2: a word typed that the name read in part lacks is not read, not absent ---------------------------------


def passport(**fields: Any) -> dict[str, Any]:
    return {"document_id": "p", "document_type": "ID_DOCUMENT", "status": "EXTRACTED", "kind": "PASSAPORTE",
            "fields": {"date_of_birth": BIRTH.isoformat(), "expiry_date": EXPIRY.isoformat(), "nationality": "AGO",
                       "issuing_state": "AGO", **fields},
            "warnings": [], "confidence": {}}  # fmt: skip


def name_check(typed: str, document: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    result = verify_identity(
        {
            "applicant": {"nif": "245718931", "name": typed, "date_of_birth": BIRTH.isoformat()},
            "today": "2026-12-07",
            "thresholds": {"id_expiry_warning_days": 60},
            "documents": [document],
        }
    )
    return next(c for c in result["checks"] if c["name"] == "identity.name_match"), result


def test_a_surname_not_read_is_said_not_read_not_absent_from_the_document() -> None:
    check, result = name_check("Joana Beatriz Quintas", passport(given_names="Joana Beatriz", surname=None))
    assert check["passed"]
    assert "que não se leu no documento" in check["evidence"] and "o apelido não foi lido" in check["evidence"]
    assert "que o documento não tem" not in check["evidence"]
    reason = fuzzy_name_words(result)
    assert reason == "o nome indicado tem o nome «Quintas», que não se leu no documento de identificação"


def test_a_word_typed_beside_a_whole_name_read_is_still_said_absent() -> None:
    """Guard: with the surname and given names both read, a word typed more is one the document does not print."""
    check, result = name_check("Joana Beatriz Quintas Lopes", passport(given_names="Joana Beatriz", surname="Quintas"))
    assert "que o documento não tem" in check["evidence"]
    assert "que o documento de identificação não tem" in fuzzy_name_words(result)
