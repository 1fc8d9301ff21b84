"""Each identity check on its own: the document it reads, what it compares, the evidence it writes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from screening.rules.identity import (
    birth_date_match,
    expiry_margin,
    identity_document_pick,
    identity_document_read,
    name_match_check,
    nif_match,
    not_expired,
    verify_identity,
)

TODAY = dt.date(2026, 11, 23)
NIF = "245718931"


def id_document(document_id: str = "id-1", status: str = "EXTRACTED", **overrides: Any) -> dict[str, Any]:
    fields = {
        "full_name": "Maria João Santos",
        "given_names": "Maria João",
        "surname": "Santos",
        "nif": NIF,
        "date_of_birth": "1990-06-15",
        "expiry_date": "2030-01-01",
    }
    fields.update(overrides)
    return {"document_id": document_id, "status": status, "kind": "CARTAO_CIDADAO", "fields": fields, "warnings": []}


def test_identity_document_read_fails_when_no_identity_document_was_read() -> None:
    result = identity_document_read(None)
    assert result["name"] == "identity.document_read"
    assert not result["passed"]


def test_identity_document_read_passes_and_names_the_kind_read() -> None:
    result = identity_document_read(id_document())
    assert result["passed"]
    assert result["document_id"] == "id-1"
    assert "(Cartão de Cidadão)" in result["evidence"]


def test_identity_document_pick_trusts_the_document_that_read_most_fields() -> None:
    sparse = id_document("sparse", nif=None, date_of_birth=None)
    full = id_document("full")
    assert identity_document_pick([sparse, full])["document_id"] == "full"  # type: ignore[index]


def test_identity_document_pick_ignores_failed_documents_and_other_kinds() -> None:
    failed = id_document("failed", status="FAILED")
    payslip = {**id_document("payslip"), "kind": "RECIBO_VENCIMENTO"}
    assert identity_document_pick([failed, payslip]) is None


def test_nif_match_passes_when_document_nif_equals_the_typed_one() -> None:
    result = nif_match(id_document(), applicant_nif=NIF)
    assert result["name"] == "identity.nif_match"
    assert result["passed"]
    assert (result["value"], result["expected"]) == (NIF, NIF)


def test_nif_match_fails_when_document_nif_differs() -> None:
    result = nif_match(id_document(nif="123456789"), applicant_nif=NIF)
    assert not result["passed"]
    assert result["value"] == "123456789"
    assert result["evidence"] == "NIF do documento diferente do NIF indicado."


def test_nif_match_passes_without_a_printed_nif_and_says_name_and_birth_decide() -> None:
    result = nif_match(id_document(nif=None), applicant_nif=NIF)
    assert result["passed"]
    assert result["value"] is None
    assert "nome e data de nascimento" in result["evidence"]


def test_name_match_check_fails_only_when_names_do_not_match_at_all() -> None:
    assert not name_match_check(id_document(), applicant_name="Ana Sousa", match="none")["passed"]
    assert name_match_check(id_document(), applicant_name="Maria Santos", match="partial")["passed"]
    assert name_match_check(id_document(), applicant_name="Maria Joao Santoss", match="fuzzy")["passed"]


def test_a_name_typed_without_the_last_surname_says_so_not_a_typo() -> None:
    """E2e probe c30: "Ana Sofia Ribeiro" for "Ana Sofia Ribeiro Matos" read "possível erro de escrita ou de leitura"."""
    document = id_document(full_name="Ana Sofia Ribeiro Matos")
    left_out = name_match_check(document, applicant_name="Ana Sofia Ribeiro", match="fuzzy")
    assert left_out["passed"] and left_out["evidence"].startswith("Nome indicado sem o último apelido do documento")
    typo = name_match_check(document, applicant_name="Ana Sofia Ribeiro Matoss", match="fuzzy")
    assert typo["evidence"] == "Nome apenas semelhante ao do documento (possível erro de escrita ou de leitura)."


def test_name_match_check_reads_given_names_and_surname_when_no_full_name_is_printed() -> None:
    result = name_match_check(id_document(full_name=None), applicant_name="Maria João Santos", match="exact")
    assert result["value"] == "Maria João Santos"
    assert result["expected"] == "Maria João Santos"
    assert result["evidence"] == "Nome igual ao do documento."


def test_birth_date_match_passes_when_the_dates_are_equal() -> None:
    assert birth_date_match(id_document(), applicant_birth="1990-06-15", today=TODAY)["passed"]


def test_birth_date_match_fails_when_document_date_differs() -> None:
    result = birth_date_match(id_document(date_of_birth="1991-06-15"), applicant_birth="1990-06-15", today=TODAY)
    assert not result["passed"]
    assert result["evidence"] == "Data de nascimento diferente da do documento."


def test_birth_date_match_fails_when_the_date_was_not_read() -> None:
    result = birth_date_match(id_document(date_of_birth="not a date"), applicant_birth="1990-06-15", today=TODAY)
    assert not result["passed"]
    assert result["evidence"] == "Data de nascimento não lida no documento."


def test_not_expired_passes_on_the_expiry_day_itself() -> None:
    result = not_expired(id_document(expiry_date=TODAY.isoformat()), today=TODAY)
    assert result["passed"]
    assert result["expected"] == f">= {TODAY.isoformat()}"


def test_not_expired_fails_the_day_after_expiry() -> None:
    result = not_expired(id_document(expiry_date="2026-11-22"), today=TODAY)
    assert not result["passed"]
    assert result["evidence"] == "Documento caducado em 22/11/2026."


def test_not_expired_fails_when_the_expiry_date_was_not_read() -> None:
    assert not not_expired(id_document(expiry_date=None), today=TODAY)["passed"]


def test_expiry_margin_warns_when_a_valid_document_expires_within_the_window() -> None:
    expiry = TODAY + dt.timedelta(days=60)
    result = expiry_margin(id_document(expiry_date=expiry.isoformat()), today=TODAY, warning_days=60)
    assert result is not None
    assert result["name"] == "identity.expiry_margin"
    assert not result["passed"]
    assert "60 dias" in result["evidence"]


def test_expiry_margin_is_silent_outside_the_window_and_for_expired_or_unread_documents() -> None:
    later = (TODAY + dt.timedelta(days=61)).isoformat()
    assert expiry_margin(id_document(expiry_date=later), today=TODAY, warning_days=60) is None
    assert expiry_margin(id_document(expiry_date="2026-11-22"), today=TODAY, warning_days=60) is None
    assert expiry_margin(id_document(expiry_date=None), today=TODAY, warning_days=60) is None


def test_verify_identity_stays_verified_when_only_the_expiry_margin_fails() -> None:
    state = {
        "applicant": {"nif": NIF, "name": "Maria João Santos", "date_of_birth": "1990-06-15"},
        "thresholds": {"id_expiry_warning_days": 60},
        "today": TODAY.isoformat(),
        "documents": [id_document(expiry_date=(TODAY + dt.timedelta(days=10)).isoformat())],
    }
    result = verify_identity(state)
    assert result["verified"]
    assert result["warnings"] == ["id_expiring_soon"]
    assert [c["name"] for c in result["checks"]] == [
        "identity.document_read",
        "identity.nif_match",
        "identity.name_match",
        "identity.birth_date_match",
        "identity.not_expired",
        "identity.expiry_margin",
    ]


# --- Both sides of the Cartão de Cidadão, and the MRZ ------------------------------------------


def cc_side(side: str, document_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "document_type": "ID_DOCUMENT",
        "status": "EXTRACTED",
        "kind": "CARTAO_CIDADAO",
        "fields": {"side": side, **fields},
        "warnings": [],
        "confidence": {},
    }


def identity_state(documents: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "applicant": {"nif": "245718931", "name": "Maria João Santos", "date_of_birth": "1990-06-15"},
        "today": "2026-12-01",
        "thresholds": {"id_expiry_warning_days": 60},
        "documents": documents,
    }


FRONT = {"full_name": "Maria João Santos", "date_of_birth": "1990-06-15", "expiry_date": "2030-01-01",
         "document_number": "123456789ZZ1"}  # fmt: skip
BACK = {"nif": "245718931", "surname": "SANTOS", "given_names": "MARIA JOAO", "date_of_birth": "1990-06-15",
        "expiry_date": "2030-01-01", "document_number": "123456789ZZ1", "mrz_valid": True}  # fmt: skip


def test_front_and_back_merge_into_one_identity_with_the_nif_from_the_back() -> None:
    result = verify_identity(identity_state([cc_side("front", "f", **FRONT), cc_side("back", "b", **BACK)]))
    assert result["verified"] is True
    by_name = {c["name"]: c for c in result["checks"]}
    assert by_name["identity.nif_match"]["passed"] and by_name["identity.nif_match"]["value"] == "245718931"
    assert by_name["identity.name_match"]["value"] == "Maria João Santos"  # the front's name, with accents
    assert by_name["identity.sides_agree"]["passed"] and by_name["identity.mrz_valid"]["passed"]


def test_sides_that_disagree_on_the_birth_date_fail_the_identity() -> None:
    back = {**BACK, "date_of_birth": "1991-06-15"}
    result = verify_identity(identity_state([cc_side("front", "f", **FRONT), cc_side("back", "b", **back)]))
    check = next(c for c in result["checks"] if c["name"] == "identity.sides_agree")
    assert check["passed"] is False and check["field"] == "date_of_birth"
    assert result["verified"] is False


def test_a_back_whose_mrz_check_digits_fail_is_not_verified() -> None:
    back = {**BACK, "mrz_valid": False}
    result = verify_identity(identity_state([cc_side("front", "f", **FRONT), cc_side("back", "b", **back)]))
    assert next(c for c in result["checks"] if c["name"] == "identity.mrz_valid")["passed"] is False
    assert result["verified"] is False


@pytest.mark.parametrize(("mrz_valid", "verified"), [(True, True), (False, False), (None, False)])
def test_a_passport_needs_a_valid_mrz(mrz_valid: bool | None, verified: bool) -> None:
    passport = {**cc_side("both", "p", **FRONT, mrz_valid=mrz_valid), "kind": "PASSAPORTE"}
    result = verify_identity(identity_state([passport]))
    assert result["verified"] is verified


def test_a_cc_front_alone_needs_no_mrz() -> None:
    result = verify_identity(identity_state([cc_side("front", "f", **FRONT, nif="245718931")]))
    assert result["verified"] is True
    assert "identity.mrz_valid" not in {c["name"] for c in result["checks"]}


def sides_check(front: dict[str, Any], back: dict[str, Any]) -> dict[str, Any]:
    result = verify_identity(identity_state([cc_side("front", "f", **front), cc_side("back", "b", **back)]))
    return next(c for c in result["checks"] if c["name"] == "identity.sides_agree")


def test_a_back_whose_valid_mrz_names_another_person_fails_the_identity() -> None:
    """The front of one card and the back of another: the front's number was not read, so only the names tell."""
    front = {k: v for k, v in FRONT.items() if k != "document_number"}
    back = {**BACK, "surname": "SANTOS", "given_names": "PEDRO MIGUEL"}
    check = sides_check(front, back)
    assert check["passed"] is False and check["field"] == "full_name"
    assert check["evidence"] == (
        "Frente e verso do Cartão de Cidadão não coincidem: nome; a frente e o verso são de pessoas diferentes."
    )
    result = verify_identity(identity_state([cc_side("front", "f", **front), cc_side("back", "b", **back)]))
    assert result["verified"] is False


@pytest.mark.parametrize(
    ("printed", "surname", "given_names"),
    [
        ("Maria da Conceição Fernandes Silva", "FERNANDES SILVA", "MARIA DA CONCEICAO"),
        # Cut to fit the MRZ's line, and shortened to initials.
        ("Maria da Conceição Fernandes Silva", "FERNANDES SILVA", "MARIA C F"),
        ("Ana Sofia Rodrigues Vasconcelos Albuquerque", "RODRIGUES VASCONCELOS ALBUQ", "ANA SOFIA"),
        # Transliterated by the MRZ's rules, and a letter OCR misread in the printed name.
        ("Jürgen Müller", "MUELLER", "JUERGEN"),
        ("Maria João Montelro", "MONTEIRO", "MARIA JOAO"),
    ],
)
def test_a_back_whose_mrz_is_the_printed_name_shortened_agrees(printed: str, surname: str, given_names: str) -> None:
    check = sides_check({**FRONT, "full_name": printed}, {**BACK, "surname": surname, "given_names": given_names})
    assert check["passed"] is True, check["evidence"]


def test_a_back_whose_mrz_check_digits_fail_is_not_compared_by_name() -> None:
    """An MRZ's names have no check digit: read with a failing one they may be OCR's, and the MRZ check says so."""
    check = sides_check(FRONT, {**BACK, "given_names": "PEDRO", "mrz_valid": False})
    assert check["passed"] is True


def test_sides_that_disagree_name_the_fields_in_portuguese() -> None:
    check = sides_check(FRONT, {**BACK, "date_of_birth": "1991-06-15", "expiry_date": "2031-01-01"})
    assert check["evidence"].endswith("não coincidem: data de nascimento, data de validade.")


# As the extraction gives a card's back: the full name built from the MRZ's given names and surname.
CUT_BACK = {**BACK, "surname": "RODRIGUES DA SILVA", "given_names": "ANA BEATRI",
            "full_name": "ANA BEATRI RODRIGUES DA SILVA"}  # fmt: skip


def cut_back_state(name: str, *, cut: bool = True) -> dict[str, Any]:
    back = cc_side("back", "b", **CUT_BACK)
    back["warnings"] = ["mrz_name_truncated"] if cut else []
    state = identity_state([back])
    state["applicant"]["name"] = name
    return state


def test_a_name_the_mrz_cut_short_matches_the_name_it_starts() -> None:
    """A CC back alone: a long name does not fit the MRZ's 30 characters, and the extraction says so."""
    result = verify_identity(cut_back_state("Ana Beatriz Rodrigues da Silva"))
    check = next(c for c in result["checks"] if c["name"] == "identity.name_match")
    assert result["verified"] is True and result["warnings"] == []
    assert check["value"] == "ANA BEATRI RODRIGUES DA SILVA"  # what the document says
    assert check["evidence"].startswith("Nome igual ao do documento.") and "cortado" in check["evidence"]
    # A field filled to its end may as well hold a name that just fits: the evidence says "may" (blind probe r41a).
    assert "pode estar cortado" in check["evidence"]


def test_a_name_not_said_to_be_cut_is_only_similar() -> None:
    """The guard: without the extraction's warning the same letters are a near spelling (MEDIUM)."""
    result = verify_identity(cut_back_state("Ana Beatriz Rodrigues da Silva", cut=False))
    assert result["warnings"] == ["fuzzy_name_match"]


def test_a_cut_name_completes_only_from_a_word_it_starts() -> None:
    """Another person's name is not made to fit by the cut: 'Beatri' does not start 'Bruna'."""
    result = verify_identity(cut_back_state("Ana Bruna Rodrigues da Silva"))
    assert result["verified"] is False


def test_a_card_sent_by_one_side_says_which_side_is_missing_without_changing_the_outcome() -> None:
    """Cases probe 4: a CC back alone verified the identity (LOW) and nothing said the photo side was missing."""
    back = verify_identity(identity_state([cc_side("back", "b", **BACK)]))
    read = next(c for c in back["checks"] if c["name"] == "identity.document_read")
    assert read["evidence"].endswith(
        "Só foi enviado um lado do Cartão de Cidadão: falta a frente (fotografia e nome impresso)."
    )
    assert back["verified"] is True
    both = verify_identity(identity_state([cc_side("front", "f", **FRONT), cc_side("back", "b", **BACK)]))
    assert "Só foi enviado" not in next(c for c in both["checks"] if c["name"] == "identity.document_read")["evidence"]


def test_a_front_number_ocr_misread_into_look_alikes_agrees_with_the_backs_vouched_number() -> None:
    """A clean card's front "72256335 3 ZZ5" read "12256335 3 Z25" (which the number's own check character
    accepts) failed the identity although the back's MRZ held: a genuine applicant came out HIGH (cases probe 10)."""
    back = {**BACK, "document_number": "72256335 3 ZZ5"}
    assert sides_check({**FRONT, "document_number": "12256335 3 Z25"}, back)["passed"]
    # Another number altogether, or a number no valid MRZ vouches for, still disagrees.
    assert not sides_check({**FRONT, "document_number": "52256335 3 ZZ5"}, back)["passed"]
    assert not sides_check({**FRONT, "document_number": "12256335 3 Z25"}, {**back, "mrz_valid": None})["passed"]


# --- A date of issue no genuine document has (round 25's blind probe: issued 2030, expiring 2029) -----------


def test_a_back_read_with_an_impossible_issue_date_fails_the_identity() -> None:
    back = cc_side("back", "b", **BACK)
    back["warnings"] = ["issue_date_implausible"]
    result = verify_identity(identity_state([cc_side("front", "f", **FRONT), back]))
    check = next(c for c in result["checks"] if c["name"] == "identity.issue_date_plausible")
    assert check["passed"] is False and check["document_id"] == "b" and check["field"] == "issue_date"
    assert "Confirme no original" in check["evidence"]
    assert result["verified"] is False


def test_a_single_document_with_an_impossible_issue_date_fails_the_identity() -> None:
    document = {**id_document(), "warnings": ["issue_date_implausible"]}
    state = identity_state([document])
    state["applicant"]["name"] = "Maria João Santos"
    result = verify_identity(state)
    assert [c["passed"] for c in result["checks"] if c["name"] == "identity.issue_date_plausible"] == [False]
    assert result["verified"] is False


def test_without_the_warning_there_is_no_issue_date_check() -> None:
    """The guard: the check is shown only when the reading found the date impossible."""
    result = verify_identity(identity_state([cc_side("front", "f", **FRONT), cc_side("back", "b", **BACK)]))
    assert result["verified"] is True
    assert "identity.issue_date_plausible" not in {c["name"] for c in result["checks"]}
