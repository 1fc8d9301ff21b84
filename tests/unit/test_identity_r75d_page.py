"""Identity checks the blind probe of round 75D found wrong (findings 1, 1b and 5): a French passport page printing
another birth date than its valid MRZ's read LOW, every check passed; one whose applicant typed the page's date was
told to type it "tal como está no documento", staff never told the document contradicts itself; and a Cartão de
Cidadão's back whose NIF went unread was said not to show it. Names, numbers and dates are made up for the tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td3
from screening.explanation import PT, Person, identity_entry, identity_lever
from screening.rules.identity import verify_identity
from tests.unit.test_rules import THREE_MONTHS, payslip, screen

MRZ_BIRTH, EXPIRY = dt.date(1985, 6, 20), dt.date(2033, 6, 19)


def passport_page(birth_line: Line, *, expiry_line: Line | None = None) -> dict[str, Any]:
    """A French passport's page whose birth date is read from ``birth_line``, over a valid MRZ of MRZ_BIRTH."""
    lines = [Line(text, 0.95) for text in ("RÉPUBLIQUE FRANÇAISE", "PASSEPORT / PASSPORT", "Nom / Surname", "DUVAL",
                                           "Prénoms / Given names", "CLAIRE", "Date de naissance / Date of birth")]  # fmt: skip
    lines.append(birth_line)
    if expiry_line is not None:
        lines += [Line("Date d'expiration / Date of expiry", 0.95), expiry_line]
    mrz = td3(code="P", state="FRA", number="21CD45678", birth=MRZ_BIRTH, sex="F", expiry=EXPIRY, nationality="FRA",
              surname="DUVAL", given="CLAIRE")  # fmt: skip
    parsed = parse_identity([*lines, *(Line(text, 0.95) for text in mrz)], DocumentKind.PASSAPORTE)
    return {"document_id": "p", "document_type": "ID_DOCUMENT", "status": "EXTRACTED", "kind": "PASSAPORTE",
            "fields": {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in parsed.fields.items()},
            "warnings": parsed.warnings, "confidence": {}}  # fmt: skip


def date_line(text: str, *words: tuple[str, float]) -> Line:
    return Line(text, sum(c for _, c in words) / len(words), word_confidences=list(words))


CLEAR_1983 = date_line("20 06 1983", ("20", 0.95), ("06", 0.95), ("1983", 0.97))


def verified(typed_birth: str, *documents: dict[str, Any], nif: str = "245718931") -> dict[str, Any]:
    return verify_identity(
        {
            "applicant": {"nif": nif, "name": "Claire Duval", "date_of_birth": typed_birth},
            "today": "2026-12-07",
            "thresholds": {"id_expiry_warning_days": 60},
            "documents": list(documents),
        }
    )


def named(result: dict[str, Any], name: str) -> dict[str, Any] | None:
    return next((c for c in result["checks"] if c["name"] == name), None)


# --- finding 1: a page's birth date (or expiry) unlike its valid MRZ's ----------------------------------------------


def test_a_page_printing_another_birth_date_than_its_valid_mrz_fails_its_check_and_warns() -> None:
    """The applicant typed the MRZ's date: the identity holds, the page is stated (MEDIUM, confirm on the original)."""
    document = passport_page(CLEAR_1983)
    assert document["fields"]["mrz_valid"] is True and "mrz_viz_mismatch:date_of_birth" in document["warnings"]
    result = verified(MRZ_BIRTH.isoformat(), document)
    check = named(result, "identity.mrz_matches_page")
    assert check is not None and not check["passed"] and check["field"] == "date_of_birth"
    assert check["evidence"].startswith("A data de nascimento impressa na página do documento não é a da zona")
    assert result["verified"] and "page_date_not_mrz" in result["warnings"]
    assert "page_surname_not_mrz" not in result["warnings"]


def test_a_page_printing_another_birth_date_makes_the_risk_medium_with_its_reason() -> None:
    document = passport_page(CLEAR_1983)
    payslips = [payslip(period, 2000.0) for period in THREE_MONTHS]
    result = screen([document, *payslips], name="Claire Duval", birth=MRZ_BIRTH.isoformat())
    assert result["affordability"]["risk_level"] == "MEDIUM"
    assert "page_date_not_mrz" in result["affordability"]["reasons"]
    assert "não é a da sua zona de leitura ótica (MRZ)" in result["report"]["justification"]


def test_a_page_printing_another_expiry_than_its_valid_mrz_is_said_too() -> None:
    document = passport_page(
        date_line("20 06 1985", ("20", 0.95), ("06", 0.95), ("1985", 0.97)),
        expiry_line=date_line("19 06 2036", ("19", 0.95), ("06", 0.95), ("2036", 0.96)),
    )
    assert "mrz_viz_mismatch:expiry_date" in document["warnings"]
    check = named(verified(MRZ_BIRTH.isoformat(), document), "identity.mrz_matches_page")
    assert check is not None and check["field"] == "expiry_date"
    assert check["evidence"].startswith("A data de validade impressa")


def test_a_surname_and_a_birth_date_unlike_the_mrzs_are_named_together() -> None:
    document = passport_page(CLEAR_1983)
    document["warnings"] += ["mrz_viz_mismatch:surname", "mrz_viz_name_kept:surname"]
    result = verified(MRZ_BIRTH.isoformat(), document)
    check = named(result, "identity.mrz_matches_page")
    assert check is not None and check["evidence"].startswith("O apelido e a data de nascimento impressos")
    assert {"page_surname_not_mrz", "page_date_not_mrz"} <= set(result["warnings"])


def test_a_year_misread_unsurely_on_a_clear_line_is_no_other_date() -> None:
    """Guard (blind probe r73d's A04, a genuine card): "2031" read "2084" at 0.78 among clear words, its line's mean
    0.86. Two figures apart, it was flagged; the figures' own confidence says OCR's slip."""
    document = passport_page(date_line("20 06 1959", ("20", 0.95), ("06", 0.93), ("1959", 0.78)))
    assert document["fields"]["date_of_birth"] == MRZ_BIRTH.isoformat()
    assert "mrz_viz_mismatch:date_of_birth" not in document["warnings"]
    assert named(verified(MRZ_BIRTH.isoformat(), document), "identity.mrz_matches_page") is None


def test_one_look_alike_figure_read_unsurely_is_still_a_misreading() -> None:
    """Guard (blind probe r47a): one figure apart on a line OCR was unsure of."""
    document = passport_page(Line("20 06 1983", 0.58))
    assert "mrz_viz_mismatch:date_of_birth" not in document["warnings"]


def test_a_page_whose_dates_are_its_mrzs_or_whose_mrz_fails_has_no_such_check() -> None:
    """Guard: a page that agrees says nothing more; an MRZ whose check digits fail vouches for no date."""
    agreeing = passport_page(date_line("20 06 1985", ("20", 0.95), ("06", 0.95), ("1985", 0.97)))
    assert named(verified(MRZ_BIRTH.isoformat(), agreeing), "identity.mrz_matches_page") is None
    failing = passport_page(CLEAR_1983)
    failing["fields"]["mrz_valid"] = False
    assert named(verified(MRZ_BIRTH.isoformat(), failing), "identity.mrz_matches_page") is None


# --- finding 1b: the page's date typed -------------------------------------------------------------------------------


def test_a_birth_date_typed_as_the_page_prints_it_says_the_document_contradicts_itself() -> None:
    document = passport_page(CLEAR_1983)
    result = verified("1983-06-20", document)
    check = named(result, "identity.birth_date_match")
    assert check is not None and not check["passed"] and not result["verified"]
    assert "o documento contradiz-se" in check["evidence"] and "página de dados alterada" in check["evidence"]


def test_a_birth_date_typed_otherwise_than_an_agreeing_document_is_still_the_applicants_to_set_right() -> None:
    """Guard: a page that agrees with its MRZ says the date differs from the document's, as before."""
    document = passport_page(date_line("20 06 1985", ("20", 0.95), ("06", 0.95), ("1985", 0.97)))
    check = named(verified("1983-06-20", document), "identity.birth_date_match")
    assert check is not None and check["evidence"] == "Data de nascimento diferente da do documento."


def test_the_applicant_who_typed_the_pages_date_is_asked_for_the_original_not_to_retype_it() -> None:
    result = verified("1983-06-20", passport_page(CLEAR_1983))
    person = Person(applicant_id="a", role="TENANT", checks=result["checks"], identity=result, income={})
    assert identity_lever(person, PT) == PT.identity_lever_original
    text = identity_entry(person, PT)["text"]
    assert PT.identity_birth_page_not_mrz in text
    assert PT.identity_problems["identity.birth_date_match"] not in text
    # Said once: the page's date unlike its MRZ's is the birth date's problem.
    assert PT.identity_problems["identity.mrz_matches_page"] not in text


# --- finding 5: a Cartão de Cidadão's NIF unread -----------------------------------------------------------------


def citizen_card(side: str, nif: str | None) -> dict[str, Any]:
    return {"document_id": "c", "document_type": "ID_DOCUMENT", "status": "EXTRACTED", "kind": "CARTAO_CIDADAO",
            "fields": {"side": side, "full_name": "Claire Duval", "surname": "Duval", "given_names": "Claire",
                       "date_of_birth": MRZ_BIRTH.isoformat(), "expiry_date": EXPIRY.isoformat(),
                       "document_number": "13948572 4 ZZ9", "nif": nif, "mrz_valid": True},
            "warnings": [] if nif else ["missing:nif"], "confidence": {}}  # fmt: skip


def test_a_citizen_cards_back_whose_nif_went_unread_says_so_and_still_passes() -> None:
    check = named(verified(MRZ_BIRTH.isoformat(), citizen_card("both", None)), "identity.nif_match")
    assert check is not None and check["passed"]
    assert check["evidence"].startswith("NIF não lido no documento:")
    assert "não mostra" not in check["evidence"]


def test_a_card_back_without_an_mrz_read_is_not_said_to_show_its_nif() -> None:
    """An old Bilhete de Identidade is read as a card and prints no NIF: without an MRZ read, the NIF is said unread,
    not shown by "o verso do Cartão de Cidadão"."""
    card = citizen_card("back", None)
    card["fields"]["mrz_valid"] = None
    check = named(verified(MRZ_BIRTH.isoformat(), card), "identity.nif_match")
    assert check is not None and check["passed"]
    assert check["evidence"] == "NIF não lido no documento; verificação por nome e data de nascimento."


def test_a_document_that_prints_no_nif_still_says_it_does_not_show_it() -> None:
    """Guard: a passport, or a card's front alone, prints no NIF."""
    front = named(verified(MRZ_BIRTH.isoformat(), citizen_card("front", None)), "identity.nif_match")
    passport = named(verified(MRZ_BIRTH.isoformat(), passport_page(CLEAR_1983)), "identity.nif_match")
    for check in (front, passport):
        assert check is not None and check["passed"] and check["evidence"].startswith("O documento não mostra o NIF")


def test_a_citizen_cards_nif_read_is_compared_as_before() -> None:
    check = named(verified(MRZ_BIRTH.isoformat(), citizen_card("back", "245718931")), "identity.nif_match")
    assert check is not None and check["passed"] and check["evidence"] == "NIF do documento igual ao NIF indicado."
