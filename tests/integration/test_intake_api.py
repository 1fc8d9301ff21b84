"""The REST contract of docs/api.md: the reference flow, every error code, tenancy."""

from __future__ import annotations

import datetime as dt
from typing import Any
from unittest import mock

import pytest
from django.utils import timezone
from rest_framework.test import APIClient

from applicants.models import Applicant, IntakeFormRequest
from applicants.services import AgencyCredentials
from documents.models import Document, DocumentStatus
from screening.selectors import documents_facts
from tests.helpers import form_request_create, submission_body, upload

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def pdf_document(
    name: str = "recibo.pdf", data: bytes = PDF, document_type: str = "PROOF_OF_INCOME"
) -> tuple[str, bytes, str, str]:
    return (name, data, "application/pdf", document_type)


def submit(token: str, body: dict[str, Any]) -> Any:
    return APIClient().post(f"/api/v1/intake/{token}/submissions", body, format="json")


def doc_entry(
    key: str, name: str = "recibo.pdf", content_type: str = "application/pdf", document_type: str = "PROOF_OF_INCOME"
) -> dict[str, str]:
    return {"key": key, "original_filename": name, "content_type": content_type, "document_type": document_type}


def test_reference_flow_from_form_to_listed_applicant(
    alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    form = form_request_create(alice_api)
    assert form["status"] == "PENDING" and form["submission"] is None and form["property_price"] == 750.0
    assert form["intake_url"].endswith(f"/intake/{form['token']}/")
    token = form["token"]

    info = APIClient().get(f"/api/v1/intake/{token}")
    assert info.status_code == 200
    assert info.json()["organization_name"] == "Imobiliária Alice"
    assert info.json()["document_types"] == ["ID_DOCUMENT", "PROOF_OF_INCOME"]

    id_key = upload(token, ("cc.png", PNG, "image/png", "ID_DOCUMENT"))
    payslip_key = upload(token, pdf_document())
    assert id_key.startswith(f"uploads/{form['id']}/")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = submit(
            token,
            submission_body(
                "PT 245 718 931", [doc_entry(id_key, "cc.png", "image/png", "ID_DOCUMENT"), doc_entry(payslip_key)]
            ),
        )
    assert response.status_code == 201, response.content
    assert response.json()["status"] == "PROCESSING"
    assert response.json()["documents_uploaded"] == 2
    applicant_id = response.json()["applicant_id"]
    assert len(callbacks) == 2  # queue the pipeline; delete the form's uploads (submission kept copies)
    queued.assert_called_once()
    assert str(queued.call_args.kwargs["applicant_id"]) == applicant_id

    status = APIClient().get(f"/api/v1/intake/{token}/status").json()
    assert status["status"] == "PROCESSING"
    assert {d["original_filename"] for d in status["documents"]} == {"cc.png", "recibo.pdf"}
    assert {d["reason"] for d in status["documents"]} == {None}

    # A document that could not be read says why to the person who sent it (the cases probe's applicant
    # saw only FAILED, while staff read the reason).
    Document.objects.filter(applicant_id=applicant_id, document_type="PROOF_OF_INCOME").update(
        status=DocumentStatus.FAILED, error="PDF protegido por palavra-passe: envie uma versão sem proteção."
    )
    # Submitted, the link takes no file until the agency asks for one, and the reason says so (blind probe r77b, F5).
    failed = APIClient().get(f"/api/v1/intake/{token}/status").json()["documents"]
    reason_of = {d["original_filename"]: d["reason"] for d in failed}
    assert reason_of["cc.png"] is None
    assert reason_of["recibo.pdf"].startswith("PDF protegido por palavra-passe: envie uma versão sem proteção. ")
    assert "a agência" in reason_of["recibo.pdf"]
    # Screening reads the same reason, for the report's evidence (cases probe 16).
    facts = {d["document_type"]: d["failure_reason"] for d in documents_facts(Applicant.objects.get(id=applicant_id))}
    assert facts == {
        "ID_DOCUMENT": "",
        "PROOF_OF_INCOME": "PDF protegido por palavra-passe: envie uma versão sem proteção.",
    }
    # In the page's language, as errors are: ?lang=en or the Accept-Language the page sends.
    for english in (
        APIClient().get(f"/api/v1/intake/{token}/status?lang=en"),
        APIClient().get(f"/api/v1/intake/{token}/status", HTTP_ACCEPT_LANGUAGE="en"),
    ):
        reason_of = {d["original_filename"]: d["reason"] for d in english.json()["documents"]}
        assert reason_of["cc.png"] is None
        assert reason_of["recibo.pdf"].startswith("The PDF is password-protected: send a version without protection. ")
        assert "the agency" in reason_of["recibo.pdf"]

    listed = alice_api.get("/api/v1/applicants").json()
    assert listed["count"] == 1
    assert listed["results"][0]["id"] == applicant_id
    assert listed["results"][0]["name"] == "Maria Santos"
    assert listed["results"][0]["risk_level"] is None

    detail = alice_api.get(f"/api/v1/applicants/{applicant_id}").json()
    assert detail["nif"] == "245718931"
    assert detail["report"] is None and detail["decision"] is None
    assert len(detail["documents"]) == 2

    form_after = alice_api.get(f"/api/v1/applicants/intake-form-requests/{form['id']}").json()
    assert form_after["status"] == "COMPLETED"
    assert form_after["submission"]["applicant_id"] == applicant_id
    assert "token" not in form_after

    assert alice_api.get(f"/api/v1/applicants/{applicant_id}/status").json() == {"status": "PROCESSING", "report": None}


def test_nif_filter_uses_the_blind_index(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    assert submit(form["token"], submission_body("245718931", [])).status_code == 201
    assert alice_api.get("/api/v1/applicants", {"nif": "PT 245 718 931"}).json()["count"] == 1
    assert alice_api.get("/api/v1/applicants", {"nif": "123456789"}).json()["count"] == 0
    assert alice_api.get("/api/v1/applicants", {"status": "PROCESSING"}).json()["count"] == 1
    assert alice_api.get("/api/v1/applicants", {"status": "COMPLETED"}).json()["count"] == 0
    assert alice_api.get("/api/v1/applicants", {"form_request": form["id"]}).json()["count"] == 1
    assert alice_api.get("/api/v1/applicants", {"status": "NOPE"}).status_code == 400


# --- Error codes ------------------------------------------------------------------------------


def test_invalid_storage_key_for_another_forms_prefix(alice_api: APIClient, queued: Any) -> None:
    first, second = form_request_create(alice_api), form_request_create(alice_api)
    key = upload(first["token"], pdf_document())
    response = submit(second["token"], submission_body("245718931", [doc_entry(key)]))
    assert (response.status_code, response.json()["code"]) == (400, "invalid_storage_key")


def test_the_same_key_twice_is_an_invalid_storage_key_that_says_so(alice_api: APIClient, queued: Any) -> None:
    """The code the contract names, and a message that says what is wrong: the file does belong to the form (e2e
    probe 18 was told it did not)."""
    form = form_request_create(alice_api)
    key = upload(form["token"], pdf_document())
    response = submit(form["token"], submission_body("245718931", [doc_entry(key), doc_entry(key)]))
    assert (response.status_code, response.json()["code"]) == (400, "invalid_storage_key")
    assert "mais do que uma vez" in response.json()["detail"]


def test_path_traversal_key_is_an_invalid_storage_key(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    key = f"uploads/{form['id']}/../../etc/passwd"
    response = submit(form["token"], submission_body("245718931", [doc_entry(key)]))
    assert response.json()["code"] == "invalid_storage_key"


def test_file_not_found_when_nothing_was_uploaded(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    key = f"uploads/{form['id']}/7d0e2c1a-0000-4000-8000-000000000000.pdf"
    response = submit(form["token"], submission_body("245718931", [doc_entry(key)]))
    assert (response.status_code, response.json()["code"]) == (400, "file_not_found")


def test_declared_pdf_whose_bytes_are_not_pdf_is_refused(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    key = upload(form["token"], pdf_document(data=b"MZ\x90\x00 this is an executable renamed to pdf"))
    response = submit(form["token"], submission_body("245718931", [doc_entry(key)]))
    assert (response.status_code, response.json()["code"]) == (400, "file_type_not_allowed")
    assert not Applicant.objects.exists()


def test_declared_type_not_allowed_at_upload_slot(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    response = APIClient().post(
        f"/api/v1/intake/{form['token']}/uploads",
        {"filename": "x.docx", "content_type": "application/msword", "size": 10, "document_type": "PROOF_OF_INCOME"},
        format="json",
    )
    assert (response.status_code, response.json()["code"]) == (400, "file_type_not_allowed")


def test_file_too_large_at_upload_slot_and_at_submission(alice_api: APIClient, settings: Any, queued: Any) -> None:
    form = form_request_create(alice_api)
    response = APIClient().post(
        f"/api/v1/intake/{form['token']}/uploads",
        {
            "filename": "big.pdf",
            "content_type": "application/pdf",
            "size": 10 * 1024 * 1024 + 1,
            "document_type": "PROOF_OF_INCOME",
        },
        format="json",
    )
    assert (response.status_code, response.json()["code"]) == (400, "file_too_large")
    # The limit is said (cases probe 7: "the maximum allowed" left the applicant guessing), in either language.
    assert response.json()["detail"] == "O ficheiro excede o tamanho máximo permitido (10 MB)."
    english = APIClient().post(
        f"/api/v1/intake/{form['token']}/uploads?lang=en",
        {"filename": "big.pdf", "content_type": "application/pdf", "size": 10 * 1024 * 1024 + 1,
         "document_type": "PROOF_OF_INCOME"},
        format="json",
    )  # fmt: skip
    assert english.json()["detail"] == "The file is larger than the maximum allowed (10 MB)."
    key = upload(form["token"], pdf_document(data=PDF + b"0" * 2000))
    settings.INTAKE_MAX_FILE_SIZE = 1000
    response = submit(form["token"], submission_body("245718931", [doc_entry(key)]))
    assert (response.status_code, response.json()["code"]) == (400, "file_too_large")


def test_local_upload_refuses_more_bytes_than_declared(alice_api: APIClient) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    form = form_request_create(alice_api)
    slot = (
        APIClient()
        .post(
            f"/api/v1/intake/{form['token']}/uploads",
            {"filename": "r.pdf", "content_type": "application/pdf", "size": 10, "document_type": "PROOF_OF_INCOME"},
            format="json",
        )
        .json()
    )
    fields = dict(slot["upload"]["fields"], file=SimpleUploadedFile("r.pdf", PDF, content_type="application/pdf"))
    assert Client().post("/storage/upload", fields).status_code == 400
    tampered = dict(
        slot["upload"]["fields"], key=slot["key"].replace(".pdf", ".png"), file=SimpleUploadedFile("r.pdf", PDF[:10])
    )
    assert Client().post("/storage/upload", tampered).status_code == 403


def test_too_many_documents(alice_api: APIClient, settings: Any, queued: Any) -> None:
    settings.INTAKE_MAX_DOCUMENTS = 2
    form = form_request_create(alice_api)
    keys = [upload(form["token"], pdf_document(f"r{i}.pdf")) for i in range(3)]
    response = submit(form["token"], submission_body("245718931", [doc_entry(k) for k in keys]))
    assert (response.status_code, response.json()["code"]) == (400, "too_many_documents")


def test_terms_not_accepted(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    response = submit(form["token"], submission_body("245718931", [], terms_accepted=False))
    assert (response.status_code, response.json()["code"]) == (400, "terms_not_accepted")


@pytest.mark.parametrize("consent", ["true", "1", 1, "yes", "on", None, "missing"])
def test_consent_is_the_json_value_true_and_nothing_else(alice_api: APIClient, queued: Any, consent: Any) -> None:
    """Cases probe 7: "true", "1", 1, "yes" and "on" were recorded as consent (DRF's boolean coercion), and a missing
    ``terms_accepted`` was a field error instead of ``terms_not_accepted``."""
    form = form_request_create(alice_api)
    body = submission_body("245718931", [])
    if consent == "missing":
        del body["terms_accepted"]
    else:
        body["terms_accepted"] = consent
    response = submit(form["token"], body)
    assert (response.status_code, response.json()["code"]) == (400, "terms_not_accepted")
    assert not Applicant.objects.filter(form_request_id=form["id"]).exists()


def test_after_completion_the_same_nif_and_another_are_both_410(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    assert submit(form["token"], submission_body("245718931", [])).status_code == 201
    again = submit(form["token"], submission_body("PT245718931", []))
    assert (again.status_code, again.json()["code"]) == (410, "form_already_submitted")
    other = submit(form["token"], submission_body("123456789", []))
    assert (other.status_code, other.json()["code"]) == (410, "form_already_submitted")
    upload_after = APIClient().post(
        f"/api/v1/intake/{form['token']}/uploads",
        {"filename": "r.pdf", "content_type": "application/pdf", "size": 10, "document_type": "PROOF_OF_INCOME"},
        format="json",
    )
    assert (upload_after.status_code, upload_after.json()["code"]) == (410, "form_already_submitted")
    assert Applicant.objects.count() == 1


def test_expired_form_is_410(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    IntakeFormRequest.objects.filter(id=form["id"]).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    for response in (
        APIClient().get(f"/api/v1/intake/{form['token']}"),
        submit(form["token"], submission_body("245718931", [])),
    ):
        assert (response.status_code, response.json()["code"]) == (410, "form_expired")
    assert alice_api.get(f"/api/v1/applicants/intake-form-requests/{form['id']}").json()["status"] == "EXPIRED"


def test_unknown_token_is_404() -> None:
    assert APIClient().get("/api/v1/intake/not-a-real-token").status_code == 404
    assert APIClient().get("/api/v1/intake/not-a-real-token/status").status_code == 404


@pytest.mark.parametrize("nif", ["245718932", "12345", "501964843", "PT 999 999 999"])
def test_invalid_nif_is_a_field_error(alice_api: APIClient, nif: str, queued: Any) -> None:
    form = form_request_create(alice_api)
    response = submit(form["token"], submission_body(nif, []))
    assert response.status_code == 400
    assert "nif" in response.json()


def test_a_created_form_request_gives_its_address_and_it_reads_back(alice_api: APIClient) -> None:
    response = alice_api.post(
        "/api/v1/applicants/intake-form-requests",
        {
            "listing_type": "ARRENDAMENTO",
            "property_type": "APARTAMENTO",
            "property_title": "T2 Alvalade",
            "property_price": 900.0,
        },
        format="json",
    )
    assert response.status_code == 201, response.content
    location = response["Location"]
    assert location == f"http://testserver/api/v1/applicants/intake-form-requests/{response.json()['id']}"
    assert alice_api.get(location).json()["property_title"] == "T2 Alvalade"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("(+351) 912 345 678", "+351 912 345 678"),
        ("+351.912.345.678", "+351 912 345 678"),
        ("  912345678 ", "912345678"),
    ],
)
def test_a_phone_is_stored_as_the_intake_page_writes_it(
    alice_api: APIClient, queued: Any, typed: str, stored: str
) -> None:
    """Blind probe r55a: the page rewrote "(+351) 912 345 678" before sending it and the API refused it typed so."""
    form = form_request_create(alice_api)
    response = submit(form["token"], submission_body("245718931", [], phone=typed))
    assert response.status_code == 201, response.content
    assert Applicant.objects.get().phone == stored


@pytest.mark.parametrize("phone", ["12345", "+351 912 345 678 ext 2", "912345678@sms", "(+351"])
def test_a_phone_that_is_no_number_is_a_field_error_that_says_how_to_write_it(
    alice_api: APIClient, queued: Any, phone: str
) -> None:
    form = form_request_create(alice_api)
    response = submit(form["token"], submission_body("245718931", [], phone=phone))
    assert response.status_code == 400
    assert "+351 912 345 678" in response.json()["phone"][0]


def test_submission_stores_encrypted_pii_and_the_consent_record(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    key = upload(form["token"], pdf_document())
    submit(form["token"], submission_body("245718931", [doc_entry(key)]))
    applicant = Applicant.objects.get()
    assert applicant.consent_text_version and applicant.consent_given_at
    assert applicant.consent_ip == "127.0.0.1"
    assert Document.objects.get().content_type == "application/pdf"


# --- Staff: decisions and re-runs --------------------------------------------------------------


def test_decision_is_recorded_and_shown_as_latest(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    applicant_id = submit(form["token"], submission_body("245718931", [])).json()["applicant_id"]
    blank = alice_api.post(
        f"/api/v1/applicants/{applicant_id}/decision", {"decision": "APPROVED", "reason": "  "}, format="json"
    )
    assert blank.status_code == 400 and "reason" in blank.json()
    unknown = alice_api.post(
        f"/api/v1/applicants/{applicant_id}/decision", {"decision": "MAYBE", "reason": "x"}, format="json"
    )
    assert unknown.status_code == 400 and "decision" in unknown.json()
    first = alice_api.post(
        f"/api/v1/applicants/{applicant_id}/decision",
        {"decision": "MORE_INFO", "reason": "Falta recibo"},
        format="json",
    )
    assert first.status_code == 201
    assert first.json()["decided_by"] == "alice@alice.test"
    alice_api.post(
        f"/api/v1/applicants/{applicant_id}/decision",
        {"decision": "APPROVED", "reason": "Recibo entregue"},
        format="json",
    )
    detail = alice_api.get(f"/api/v1/applicants/{applicant_id}").json()
    assert detail["decision"]["decision"] == "APPROVED"


def test_rescreen_without_report_queues_and_without_force_leaves_a_report_alone(
    alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from tests.integration.test_encrypted_fields import report_for

    form = form_request_create(alice_api)
    applicant_id = submit(form["token"], submission_body("245718931", [])).json()["applicant_id"]
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.post(f"/api/v1/applicants/{applicant_id}/rescreen", {}, format="json")
    assert (response.status_code, response.json()) == (202, {"status": "PROCESSING"})
    report = report_for(Applicant.objects.get(id=applicant_id))
    Applicant.objects.filter(id=applicant_id).update(status="COMPLETED")
    queued.reset_mock()
    response = alice_api.post(f"/api/v1/applicants/{applicant_id}/rescreen", {"force": False}, format="json")
    assert (response.status_code, response.json()) == (200, {"status": "COMPLETED"})
    queued.assert_not_called()
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.post(f"/api/v1/applicants/{applicant_id}/rescreen", {"force": True}, format="json")
    assert response.status_code == 202
    assert queued.call_args.kwargs == {
        "applicant_id": mock.ANY,
        "force": True,
        "supersedes": str(report.id),
        "recorded": True,  # by the re-run's transaction
    }


# --- Tenancy and authentication on every staff route --------------------------------------------

STAFF_ROUTES = [
    ("get", "/api/v1/applicants/intake-form-requests/{form}"),
    ("get", "/api/v1/applicants/{applicant}"),
    ("get", "/api/v1/applicants/{applicant}/status"),
    ("post", "/api/v1/applicants/{applicant}/rescreen"),
    ("post", "/api/v1/applicants/{applicant}/decision"),
]


@pytest.fixture
def alice_applicant(alice_api: APIClient, queued: Any) -> dict[str, str]:
    form = form_request_create(alice_api)
    applicant_id = submit(form["token"], submission_body("245718931", [])).json()["applicant_id"]
    return {"form": form["id"], "applicant": applicant_id}


@pytest.mark.parametrize(("method", "route"), STAFF_ROUTES)
def test_other_agency_gets_404_on_every_staff_route(
    bob_api: APIClient, alice_applicant: dict[str, str], method: str, route: str
) -> None:
    body = {"decision": "APPROVED", "reason": "x", "force": True}
    response = getattr(bob_api, method)(route.format(**alice_applicant), body, format="json")
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("method", "route"),
    [
        *STAFF_ROUTES,
        ("get", "/api/v1/applicants"),
        ("get", "/api/v1/applicants/intake-form-requests"),
        ("post", "/api/v1/applicants/intake-form-requests"),
    ],
)
def test_anonymous_and_outsider_are_refused_on_every_staff_route(
    anonymous_api: APIClient, outsider: Any, alice_applicant: dict[str, str], method: str, route: str
) -> None:
    assert getattr(anonymous_api, method)(route.format(**alice_applicant), {}, format="json").status_code in {401, 403}
    outsider_api = APIClient()
    outsider_api.force_authenticate(outsider)
    assert getattr(outsider_api, method)(route.format(**alice_applicant), {}, format="json").status_code == 403


def test_other_agency_lists_are_empty(bob_api: APIClient, alice_applicant: dict[str, str]) -> None:
    assert bob_api.get("/api/v1/applicants").json()["count"] == 0
    assert bob_api.get("/api/v1/applicants/intake-form-requests").json()["count"] == 0


def test_staff_without_view_pii_gets_masked_personal_data(
    alice: AgencyCredentials, alice_applicant: dict[str, str]
) -> None:
    from django.contrib.auth.models import Permission

    from applicants.models import Membership
    from tests.factories import UserFactory

    colleague = UserFactory()
    Membership.objects.create(user=colleague, organization=alice.organization)
    # Reading applicants needs view_applicant (issue 13, item 13); view_pii stays off.
    colleague.user_permissions.add(Permission.objects.get(codename="view_applicant"))
    api = APIClient()
    api.force_authenticate(colleague)
    detail = api.get(f"/api/v1/applicants/{alice_applicant['applicant']}").json()
    assert detail["name"] == "M*** S***"
    assert detail["nif"] == "***931"
    assert detail["date_of_birth"] is None


def test_local_upload_refuses_an_oversized_body_before_reading_it(alice_api: APIClient, settings: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    settings.INTAKE_MAX_FILE_SIZE = 1000
    form = form_request_create(alice_api)
    slot = (
        APIClient()
        .post(
            f"/api/v1/intake/{form['token']}/uploads",
            {"filename": "r.pdf", "content_type": "application/pdf", "size": 900, "document_type": "PROOF_OF_INCOME"},
            format="json",
        )
        .json()
    )
    fields = dict(
        slot["upload"]["fields"], file=SimpleUploadedFile("r.pdf", PDF + b"0" * 200_000, content_type="application/pdf")
    )
    response = Client().post("/storage/upload", fields)
    assert (response.status_code, response.json()["code"]) == (413, "file_too_large")
    # An empty file is said to be empty, not too large (cases probe 16).
    empty = dict(slot["upload"]["fields"], file=SimpleUploadedFile("r.pdf", b"", content_type="application/pdf"))
    response = Client().post("/storage/upload", empty)
    assert (response.status_code, response.json()["code"]) == (400, "file_empty")


def test_intake_endpoints_are_throttled_per_address(alice_api: APIClient, settings: Any) -> None:
    from rest_framework.settings import api_settings

    form = form_request_create(alice_api)
    rates = dict(api_settings.DEFAULT_THROTTLE_RATES)
    with (
        mock.patch.dict(api_settings.DEFAULT_THROTTLE_RATES, {**rates, "intake": "3/min"}),
        mock.patch("rest_framework.throttling.SimpleRateThrottle.THROTTLE_RATES", {**rates, "intake": "3/min"}),
    ):
        codes = [APIClient().get(f"/api/v1/intake/{form['token']}").status_code for _ in range(5)]
    assert codes == [200, 200, 200, 429, 429]


def test_broker_outage_after_commit_keeps_the_submission(
    alice_api: APIClient, django_capture_on_commit_callbacks: Any
) -> None:
    form = form_request_create(alice_api)
    with (
        mock.patch("screening.pipeline.pipeline_start", side_effect=ConnectionError("broker down")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = submit(form["token"], submission_body("245718931", []))
    assert response.status_code == 201
    assert Applicant.objects.get().status == "PROCESSING"


def test_the_local_upload_answers_in_the_language_of_the_page_that_asked_for_its_slot(alice_api: APIClient) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    form = form_request_create(alice_api)

    def slot(query: str) -> dict[str, Any]:
        return dict(
            APIClient()
            .post(
                f"/api/v1/intake/{form['token']}/uploads{query}",
                {"filename": "r.pdf", "content_type": "application/pdf", "size": len(PDF), "document_type": "PROOF_OF_INCOME"},
                format="json",
            )
            .json()
        )  # fmt: skip

    def post_twice(given: dict[str, Any]) -> tuple[str, str]:
        path = given["upload"]["url"].removeprefix("http://testserver").split("/storage/upload")[1]
        url = f"/storage/upload{path}"
        first = Client().post(url, dict(given["upload"]["fields"], file=SimpleUploadedFile("r.pdf", PDF)))
        assert first.status_code == 204
        again = Client().post(url, dict(given["upload"]["fields"], file=SimpleUploadedFile("r.pdf", PDF)))
        assert again.json()["code"] == "upload_used"
        return url, again.json()["detail"]

    english_url, english = post_twice(slot("?lang=en"))
    portuguese_url, portuguese = post_twice(slot(""))
    assert english_url.endswith("?lang=en") and english == "This upload address was already used."
    assert portuguese_url == "/storage/upload" and portuguese == "Este endereço de carregamento já foi usado."
