"""A screened application waiting again for someone staff invited later (blind probe r75c, S16 and S17).

A correction of the lead's name (``PATCH``, "as rescreen with force") or a forced ``rescreen`` started the household
without the co-tenant just invited: a new report named them "fora desta análise", the application read
``COMPLETED`` and their link answered 410, while their invitation still read ``SENT`` with no ``left_out_at``. Only
``POST /api/v1/applications/{id}/screen`` with ``force`` leaves people out (docs/api.md): a member's re-run waits for
them, the current report staying, and the household is screened once they submit or staff force it.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from applicants.models import (
    Applicant,
    ApplicantStatus,
    Application,
    ApplicationStatus,
    AuditAction,
    AuditEvent,
    Invitation,
    Role,
)
from applicants.services import AgencyCredentials
from documents.models import Document
from screening.models import ScreeningReport
from screening.services import report_current_id
from tests.integration.test_admin_pages_r69a import client_in, document_of
from tests.integration.test_admin_pages_r73c import rerun_action
from tests.integration.test_households_staff import household_of, report_of

pytestmark = pytest.mark.django_db


def screened_then_invited(alice: AgencyCredentials, alice_api: APIClient) -> tuple[Application, Applicant, str]:
    """A household screened (report current), then a guarantor invited by staff: the application waits again."""
    application, lead, co_tenant = household_of(alice)
    report_of(application, lead, co_tenant)
    response = alice_api.post(
        f"/api/v1/applications/{application.id}/invitations",
        {"role": "GUARANTOR", "name": "Rui Lopes", "email": "rui@example.com"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.WAITING
    return application, lead, response.json()["token"]


def assert_still_waiting_for_the_invitee(
    alice_api: APIClient, application: Application, lead: Applicant, token: str, report_id: str | None
) -> None:
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.WAITING
    assert report_current_id(lead.id) == report_id  # the earlier report stays current
    invitation = Invitation.objects.get(application=application, role=Role.GUARANTOR)
    assert invitation.left_out_at is None
    assert alice_api.get(f"/api/v1/intake/{token}").status_code == 200  # their link still opens
    assert set(application.members.values_list("status", flat=True)) == {ApplicantStatus.COMPLETED}


@pytest.mark.parametrize("member_role", [Role.TENANT, Role.CO_TENANT])
def test_a_forced_rescreen_of_a_member_waits_for_the_person_invited_after_the_report(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any,
    member_role: str,
) -> None:  # fmt: skip
    application, lead, token = screened_then_invited(alice, alice_api)
    member = application.members.get(role=member_role)
    report_id = report_current_id(lead.id)
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.post(f"/api/v1/applicants/{member.id}/rescreen", {"force": True}, format="json")
    assert (response.status_code, response.json()) == (200, {"status": "COMPLETED"})
    queued.assert_not_called()
    assert_still_waiting_for_the_invitee(alice_api, application, lead, token, report_id)
    assert AuditEvent.objects.get(action=AuditAction.RERUN_REQUESTED).details["deferred"] is True


def test_a_rescreen_without_force_leaves_the_waiting_application_as_before(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application, lead, token = screened_then_invited(alice, alice_api)
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.post(f"/api/v1/applicants/{lead.id}/rescreen", {}, format="json")
    assert (response.status_code, response.json()) == (200, {"status": "COMPLETED"})
    queued.assert_not_called()
    assert_still_waiting_for_the_invitee(alice_api, application, lead, token, report_current_id(lead.id))
    assert not AuditEvent.objects.filter(action=AuditAction.RERUN_REQUESTED).exists()


def test_a_forced_reextraction_puts_the_documents_back_to_be_read_with_the_household_s_run(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application, lead, token = screened_then_invited(alice, alice_api)
    document = document_of(lead)
    report_id = report_current_id(lead.id)
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.post(
            f"/api/v1/applicants/{lead.id}/rescreen", {"force": True, "reextract": True}, format="json"
        )
    assert response.status_code == 200
    queued.assert_not_called()
    assert Document.objects.get(pk=document.pk).status == "UPLOADED"  # read again when the household runs
    assert_still_waiting_for_the_invitee(alice_api, application, lead, token, report_id)


def test_correcting_the_lead_s_name_waits_for_the_invitee_and_the_forced_screening_then_leaves_them_out(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application, lead, token = screened_then_invited(alice, alice_api)
    report_id = report_current_id(lead.id)
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.patch(f"/api/v1/applicants/{lead.id}", {"name": "Maria Santos Sá"}, format="json")
    assert response.status_code == 200, response.content
    assert (response.json()["rectified_fields"], response.json()["rescreened"]) == (["name"], False)
    queued.assert_not_called()
    assert_still_waiting_for_the_invitee(alice_api, application, lead, token, report_id)

    # Staff forcing the application's screening is what leaves the invitee out, and says so.
    with django_capture_on_commit_callbacks(execute=True):
        forced = alice_api.post(f"/api/v1/applications/{application.id}/screen", {"force": True}, format="json")
    assert forced.status_code == 202
    queued.assert_called_once_with(applicant_id=lead.id, force=True, supersedes=report_id, recorded=True)
    assert Invitation.objects.get(application=application, role=Role.GUARANTOR).left_out_at is not None


def test_a_rescreen_of_a_screened_household_not_waiting_still_replaces_its_report(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """Guard: an invitation that expired holds nothing, so the forced re-run starts as before."""
    application, lead, _ = screened_then_invited(alice, alice_api)
    Invitation.objects.filter(application=application, role=Role.GUARANTOR).update(expires_at="2020-01-01T00:00Z")
    report_id = report_current_id(lead.id)
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.post(f"/api/v1/applicants/{lead.id}/rescreen", {"force": True}, format="json")
    assert response.status_code == 202
    queued.assert_called_once_with(applicant_id=lead.id, force=True, supersedes=report_id, recorded=True)


def test_the_admin_re_run_and_the_shell_command_wait_too_and_say_why(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application, lead, token = screened_then_invited(alice, alice_api)
    report_id = report_current_id(lead.id)
    with django_capture_on_commit_callbacks(execute=True):
        said = rerun_action(client_in(alice), lead)
    assert "a candidatura espera por Fiador R*** L*** (convite por responder)" in said
    assert "o relatório atual mantém-se até lá" in said and "Concluído" not in said
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("rescreen", str(lead.id), "--force", stdout=out)
    assert "waits for the people it invited" in out.getvalue() and "use --force" not in out.getvalue()
    queued.assert_not_called()
    assert_still_waiting_for_the_invitee(alice_api, application, lead, token, report_id)
    assert ScreeningReport.objects.filter(applicant=lead).count() == 1
