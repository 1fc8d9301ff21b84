"""The staff workspace in admin: scoping everywhere, decisions, re-runs, downloads, pipeline, retention, export."""

from __future__ import annotations

import datetime as dt
import io
import json
import time
from decimal import Decimal
from typing import Any
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from applicants.models import Applicant, AuditAction, AuditEvent, Decision, IntakeFormRequest
from applicants.services import AgencyCredentials, decision_record
from documents.models import Document
from documents.storage import document_store
from screening.services import screen_applicant
from tests.factories import ApplicantFactory, IntakeFormRequestFactory

pytestmark = pytest.mark.django_db


def logged_in(credentials: AgencyCredentials) -> Client:
    client = Client()
    client.force_login(credentials.user)
    return client


def applicant_of(credentials: AgencyCredentials, **kwargs: Any) -> Applicant:
    applicant: Applicant = ApplicantFactory(
        form_request=IntakeFormRequestFactory(organization=credentials.organization), **kwargs
    )
    return applicant


def test_autocomplete_and_every_list_are_scoped(alice: AgencyCredentials, bob: AgencyCredentials) -> None:
    mine = applicant_of(alice)
    theirs = applicant_of(bob)
    client = logged_in(alice)
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "applicants", "model_name": "decision", "field_name": "applicant", "term": ""},
    )
    ids = {item["id"] for item in response.json()["results"]}
    assert ids == {str(mine.pk)}
    for url in [
        "/admin/applicants/intakeformrequest/",
        "/admin/documents/document/",
        "/admin/screening/screeningreport/",
        "/admin/applicants/auditevent/",
    ]:
        assert client.get(url).status_code == 200
    assert (
        str(theirs.form_request.property_title)
        not in client.get("/admin/applicants/intakeformrequest/").content.decode()
    )
    form_filter_page = client.get("/admin/applicants/applicant/").content.decode()
    assert theirs.form_request.property_title not in form_filter_page
    assert client.get(f"/admin/applicants/intakeformrequest/{theirs.form_request.pk}/change/").status_code == 404


def test_actions_on_another_agencys_rows_do_nothing(
    alice: AgencyCredentials, bob: AgencyCredentials, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    theirs = applicant_of(bob)
    mine = applicant_of(alice)
    with django_capture_on_commit_callbacks(execute=True):
        logged_in(alice).post(
            "/admin/applicants/applicant/",
            {"action": "rerun_screening", "_selected_action": [str(theirs.pk), str(mine.pk)]},
        )
    assert [call.kwargs["applicant_id"] for call in queued.call_args_list] == [mine.pk]
    assert logged_in(alice).post(f"/admin/applicants/applicant/{theirs.pk}/rerun/").status_code == 404
    assert (
        logged_in(alice)
        .post(f"/admin/applicants/applicant/{theirs.pk}/decide/", {"decision": "APPROVED", "reason": "x"})
        .status_code
        == 404
    )
    assert not Decision.objects.exists()


def test_rerun_action_reports_what_was_queued_and_is_audited(
    alice: AgencyCredentials, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    applicant = applicant_of(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = logged_in(alice).post(
            "/admin/applicants/applicant/",
            {"action": "rerun_extraction_and_screening", "_selected_action": [str(applicant.pk)]},
            follow=True,
        )
    assert "1 candidatura em fila" in response.content.decode()
    queued.assert_called_once()
    assert AuditEvent.objects.filter(action=AuditAction.RERUN_REQUESTED, target_id=str(applicant.pk)).exists()


def test_decision_from_the_detail_page_needs_a_reason_and_is_recorded(alice: AgencyCredentials) -> None:
    applicant = applicant_of(alice)
    client = logged_in(alice)
    client.post(f"/admin/applicants/applicant/{applicant.pk}/decide/", {"decision": "REJECTED", "reason": "  "})
    assert not Decision.objects.exists()
    response = client.post(
        f"/admin/applicants/applicant/{applicant.pk}/decide/",
        {"decision": "REJECTED", "reason": "Taxa de esforço alta"},
        follow=True,
    )
    assert "Decisão registada" in response.content.decode()
    decision = Decision.objects.get()
    assert (decision.decision, decision.decided_by, decision.reason) == ("REJECTED", alice.user, "Taxa de esforço alta")
    assert AuditEvent.objects.filter(action=AuditAction.DECISION_RECORDED).exists()
    listing = client.get("/admin/applicants/applicant/", {"decision": "REJECTED"})
    assert listing.context["cl"].result_count == 1
    assert client.get("/admin/applicants/applicant/", {"decision": "NONE"}).context["cl"].result_count == 0


def test_detail_shows_report_checks_and_documents(alice: AgencyCredentials) -> None:
    applicant = applicant_of(alice)
    screen_applicant(applicant_id=applicant.id)
    page = logged_in(alice).get(f"/admin/applicants/applicant/{applicant.pk}/change/").content.decode()
    assert "Risco Alto" in page
    assert "identity.document_read" in page
    assert "Nenhum documento de identificação foi enviado." in page
    assert "Registar decisão" in page


def test_detail_prints_the_ratio_and_income_as_the_report_does_and_the_risk_by_its_label(
    alice: AgencyCredentials,
) -> None:
    # Blind probe c25: a ratio of 0.3485 (LOW) printed "35 %", the MEDIUM line; "1649,73 €"; "MEDIUM" on a pt-PT page.
    applicant = applicant_of(alice)
    screen_applicant(applicant_id=applicant.id)
    applicant.reports.update(
        dti_ratio=Decimal("0.3485"), average_monthly_income=Decimal("1649.73"), risk_level="MEDIUM"
    )
    Applicant.objects.filter(pk=applicant.pk).update(risk_level="MEDIUM")
    page = logged_in(alice).get(f"/admin/applicants/applicant/{applicant.pk}/change/").content.decode()
    assert "<td>34,85 %</td>" in page and "<td>1 649,73 €</td>" in page
    assert '<div class="readonly">Médio</div>' in page and '<div class="readonly">MEDIUM</div>' not in page


def test_download_link_is_short_lived_and_audited(alice: AgencyCredentials, bob: AgencyCredentials) -> None:
    applicant = applicant_of(alice)
    key = f"uploads/{applicant.form_request_id}/00000000-0000-4000-8000-000000000001/cc.png"
    document_store().put(key, b"\x89PNG\r\n\x1a\nfake", "image/png")
    document = Document.objects.create(organization=applicant.organization, applicant=applicant, document_type="ID_DOCUMENT",
                                       storage_key=key, original_filename="cc.png", content_type="image/png", size=12)  # fmt: skip
    url = f"/admin/applicants/applicant/{applicant.pk}/documents/{document.pk}/download/"
    assert logged_in(bob).get(url).status_code == 404
    redirect = logged_in(alice).get(url)
    assert redirect.status_code == 302
    assert AuditEvent.objects.filter(action=AuditAction.DOCUMENT_DOWNLOADED, target_id=str(document.pk)).exists()
    downloaded = Client().get(redirect["Location"].replace("http://testserver", ""))
    assert downloaded.status_code == 200
    assert b"".join(downloaded.streaming_content) == b"\x89PNG\r\n\x1a\nfake"
    # A person's document is kept by no cache on its way (cases probe 11: it came with no Cache-Control).
    assert downloaded["Cache-Control"] == "private, no-store"
    forged = Client().get("/storage/download?token=forged")
    # JSON as the API's errors, never Django's HTML (under DEBUG its debug page: blind probe r63b).
    assert (forged.status_code, forged.json()["code"]) == (404, "not_found")
    with mock.patch("django.core.signing.time.time", return_value=time.time() + 3600):
        late = Client().get(redirect["Location"].replace("http://testserver", ""))
    assert (late.status_code, late.json()["code"]) == (403, "download_expired")


def test_pipeline_view_shows_failed_items_of_own_agency_only(alice: AgencyCredentials, bob: AgencyCredentials) -> None:
    mine = applicant_of(alice, status="FAILED", failure_reason="O serviço de análise automática esteve indisponível.")
    theirs = applicant_of(bob, status="FAILED", failure_reason="outro")
    page = logged_in(alice).get("/admin/applicants/applicant/pipeline/").content.decode()
    assert str(mine.pk) in page and "indisponível" in page
    assert str(theirs.pk) not in page


def test_creating_a_form_in_admin_shows_the_link_once(alice: AgencyCredentials) -> None:
    response = logged_in(alice).post(
        "/admin/applicants/intakeformrequest/add/",
        {"listing_type": "ARRENDAMENTO", "property_type": "MORADIA", "property_title": "Moradia V3 em Braga", "property_price": "1200",
         "expires_at": (timezone.localdate() + dt.timedelta(days=10)).isoformat()},
        follow=True,
    )  # fmt: skip
    page = response.content.decode()
    assert "/intake/" in page
    form = IntakeFormRequest.objects.get(property_title="Moradia V3 em Braga")
    assert form.organization == alice.organization
    token = page.split("/intake/")[1].split("/")[0]
    assert Client().get(f"/api/v1/intake/{token}").json()["property_title"] == "Moradia V3 em Braga"


def test_purge_deletes_rows_and_stored_files_and_is_audited(
    alice: AgencyCredentials, django_capture_on_commit_callbacks: Any
) -> None:
    old = applicant_of(alice)
    recent = applicant_of(alice)
    key = f"uploads/{old.form_request_id}/00000000-0000-4000-8000-000000000002/r.pdf"
    document_store().put(key, b"%PDF-1.4", "application/pdf")
    Document.objects.create(organization=old.organization, applicant=old, document_type="PROOF_OF_INCOME", storage_key=key,
                            original_filename="r.pdf", content_type="application/pdf", size=8)  # fmt: skip
    decision = decision_record(applicant=old, decided_by=alice.user, report_id=None, decision="REJECTED", reason="x")
    Decision.objects.filter(id=decision.id).update(
        decided_at=timezone.now() - dt.timedelta(days=alice.organization.retention_days_after_decision + 1)
    )
    out = io.StringIO()
    call_command("purge_expired", "--dry-run", stdout=out)
    assert "would delete 1 applicant(s) and 1 stored file(s)" in out.getvalue()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_expired", stdout=out)
    assert list(Applicant.objects.all()) == [recent]
    assert not Document.objects.exists()
    assert document_store().stat(key) is None
    event = AuditEvent.objects.get(action=AuditAction.PURGED)
    assert event.details["applicants"] == 1 and event.details["files"] == 1


def test_undecided_applicants_are_purged_after_the_form_expiry_period(alice: AgencyCredentials) -> None:
    from workspace.retention import purge_expired

    stale_form = IntakeFormRequestFactory(
        organization=alice.organization,
        expires_at=timezone.now() - dt.timedelta(days=alice.organization.retention_days_undecided + 1),
    )
    ApplicantFactory(form_request=stale_form)
    kept = applicant_of(alice)
    assert purge_expired().applicants == 1
    assert list(Applicant.objects.all()) == [kept]


def test_export_holds_the_persons_data_and_is_audited(alice: AgencyCredentials) -> None:
    applicant = applicant_of(alice, name="Maria Santos", nif="245718931")
    screen_applicant(applicant_id=applicant.id)
    decision_record(
        applicant=applicant, decided_by=alice.user, report_id=None, decision="MORE_INFO", reason="Falta recibo"
    )
    out = io.StringIO()
    call_command("export_applicant", str(applicant.pk), stdout=out)
    export = json.loads(out.getvalue())
    assert export["applicant"]["nif"] == "245718931"
    assert export["applicant"]["name"] == "Maria Santos"
    assert export["applicant"]["consent"]["text_version"]
    assert export["reports"][0]["risk_level"] == "HIGH"
    assert export["decisions"][0]["reason"] == "Falta recibo"
    assert AuditEvent.objects.filter(action=AuditAction.EXPORTED, target_id=str(applicant.pk)).exists()


def test_agency_admin_sets_its_own_thresholds_and_retention_only(
    alice: AgencyCredentials, bob: AgencyCredentials
) -> None:
    client = logged_in(alice)
    url = f"/admin/applicants/organization/{alice.organization.pk}/change/"
    form = client.get(url).context["adminform"].form
    # As the page shows them: the ratios as percentages (blind probe r69a).
    data = {name: form[name].value() for name in form.fields}
    data.update({"dti_medium_threshold": "33", "retention_days_after_decision": "90", "name": alice.organization.name})
    response = client.post(url, {k: v for k, v in data.items() if v is not None})
    assert response.status_code == 302, response.content
    alice.organization.refresh_from_db()
    assert (str(alice.organization.dti_medium_threshold), alice.organization.retention_days_after_decision) == (
        "0.330",
        90,
    )
    assert client.get(f"/admin/applicants/organization/{bob.organization.pk}/change/").status_code == 404


def test_colleagues_are_named_not_linked_to_user_pages_an_agency_admin_may_not_open(alice: AgencyCredentials) -> None:
    """The decision history, the audit trail and a form named their author with a link to Django's user page, which
    answered the agency's admin a bare English 403 (cases probe 11)."""
    applicant = applicant_of(alice)
    author = applicant.organization.memberships.first().user
    decision_record(
        applicant=applicant, decided_by=author, report_id=None, decision="APPROVED", reason="Rendimento suficiente."
    )
    client = logged_in(alice)
    event = AuditEvent.objects.filter(organization=applicant.organization, actor=author).first()
    pages = [
        f"/admin/applicants/applicant/{applicant.pk}/change/",
        f"/admin/applicants/auditevent/{event.pk}/change/",
        f"/admin/applicants/intakeformrequest/{applicant.form_request_id}/change/",
    ]
    for page in pages:
        html = client.get(page).content.decode()
        assert "/admin/auth/user/" not in html, page
        assert str(author) in html, page


ENGLISH_LEFT = ["View ", ">View<", "Document type", "Content type", "Risk level", "Identity verified", "Dti ratio",
                "Backend", "Created at", "Decided at", ">Decision<", ">Reason<", "Applicant "]  # fmt: skip


def test_the_admin_reads_in_european_portuguese(alice: AgencyCredentials) -> None:
    """Labels, columns, filters and titles left in English on the pages staff use every day, and the risk shown
    as the stored "HIGH" (cases probe 11)."""
    applicant = applicant_of(alice)
    screen_applicant(applicant_id=applicant.id)
    decision_record(
        applicant=applicant, decided_by=alice.user, report_id=None, decision="REJECTED", reason="Sem rendimento."
    )
    client = logged_in(alice)
    pages = {
        url: client.get(url).content.decode()
        for url in [
            "/admin/",
            "/admin/applicants/applicant/",
            f"/admin/applicants/applicant/{applicant.pk}/change/",
            "/admin/documents/document/",
            "/admin/screening/screeningreport/",
        ]
    }
    left = {url: [text for text in ENGLISH_LEFT if text in html] for url, html in pages.items()}
    assert {url: found for url, found in left.items() if found} == {}
    assert "Alto" in pages["/admin/applicants/applicant/"]
