"""Certificates state the person's tax and social-security situation; they never reject anyone."""

from __future__ import annotations

from typing import Any

from applicants.masking import check_masked
from screening.rules.certificates import verify_certificates

NIF = "123456789"


def certificate(kind: str = "CERTIDAO_AT", **fields: Any) -> dict[str, Any]:
    base = {"issuer": "AT" if kind == "CERTIDAO_AT" else "SS", "holder_nif": NIF, "status": "REGULAR",
            "issue_date": "2026-10-01", "valid_until": "2027-01-01", "validation_code": "AB12-CD34-EF56"}  # fmt: skip
    return {"document_id": "d1", "status": "EXTRACTED", "kind": kind, "fields": {**base, **fields}}


def state(*documents: dict[str, Any], today: str = "2026-11-23") -> dict[str, Any]:
    return {"today": today, "applicant": {"nif": NIF}, "documents": list(documents)}


def test_a_regular_certificate_passes_and_shows_the_code_to_staff() -> None:
    result = verify_certificates(state(certificate()))
    [check] = result["checks"]
    assert check["name"] == "certificates.at_situation"
    assert check["passed"] is True
    assert check["value"] == "AB12-CD34-EF56"
    assert "regularizada" in check["evidence"] and "Portal das Finanças" in check["evidence"]
    assert result["reasons"] == []


def test_an_irregular_situation_is_a_stated_reason_not_a_rejection() -> None:
    result = verify_certificates(state(certificate("DECLARACAO_SS", status="IRREGULAR")))
    [check] = result["checks"]
    assert check["passed"] is False
    assert "não regularizada" in check["evidence"] and "não de recusa" in check["evidence"]
    assert result["reasons"] == ["certificate_irregular"]
    assert set(result) == {"checks", "reasons", "situations"}  # no risk level, no verdict


def test_a_certificate_past_its_validity_is_expired() -> None:
    result = verify_certificates(state(certificate(valid_until="2026-11-22")))
    assert result["situations"] == {"d1": "EXPIRED"}
    assert result["reasons"] == ["certificate_expired"]


def test_a_certificate_of_someone_else_is_said_so() -> None:
    result = verify_certificates(state(certificate(holder_nif="234567899")))
    assert result["situations"] == {"d1": "NOT_OWNED"}


def test_the_validation_code_is_hidden_from_staff_without_the_pii_permission() -> None:
    [check] = verify_certificates(state(certificate()))["checks"]
    assert check_masked(check)["value"] is None


def test_other_documents_and_failed_reads_give_no_certificate_check() -> None:
    payslip = {"document_id": "p", "status": "EXTRACTED", "kind": "RECIBO_VENCIMENTO", "fields": {}}
    failed = {**certificate(), "status": "FAILED"}
    assert verify_certificates(state(payslip, failed))["checks"] == []
