"""Rectification (GDPR art. 16) through ``PATCH /api/v1/applicants/{id}``, and the shell export's author.

Blind probe r64b, F1: nobody could correct a submitted name, NIF, birth date, e-mail or phone (405), and the
agency's answer to the person went to the mistyped mailbox. F9: ``export_applicant`` wrote ``EXPORTED`` with no
author.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from applicants.models import (
    Applicant,
    ApplicantStatus,
    Application,
    AuditAction,
    AuditEvent,
    Contest,
    Membership,
    Role,
)
from applicants.services import AgencyCredentials, staff_member_add, staff_permissions_grant
from screening.models import ScreeningReport
from tests.factories import ApplicantFactory, IntakeFormRequestFactory, UserFactory, make_nif

pytestmark = pytest.mark.django_db

NEW_NIF = make_nif(4_242_424)


@pytest.fixture
def applicant(alice: AgencyCredentials) -> Applicant:
    created: Applicant = ApplicantFactory(
        form_request=IntakeFormRequestFactory(organization=alice.organization),
        name="Vasco Lacerda Fontes",
        email="vasco.fontes64@exmplo.pt",
        status=ApplicantStatus.COMPLETED,
    )
    return created


def screened(applicant: Applicant) -> Applicant:
    ScreeningReport.objects.create(
        organization=applicant.organization, applicant=applicant, risk_level="HIGH", identity_verified=False,
        income_verified=True, dti_ratio=Decimal("0.3"), average_monthly_income=Decimal("2500"),
        justification="Identidade não confirmada.", checks=[], backend="rules", rules_version="rules-test",
    )  # fmt: skip
    return applicant


def url(applicant: Applicant) -> str:
    return f"/api/v1/applicants/{applicant.pk}"


def test_staff_correct_the_birth_date_and_e_mail_and_the_screened_applicant_is_screened_again(
    alice_api: APIClient, applicant: Applicant, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    screened(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.patch(
            url(applicant), {"date_of_birth": "1984-03-07", "email": " vasco.fontes64@exemplo.pt"}, format="json"
        )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["date_of_birth"] == "1984-03-07"
    assert body["email"] == "vasco.fontes64@exemplo.pt"
    assert body["id"] == str(applicant.pk) and "report" in body and "documents" in body
    assert sorted(body["rectified_fields"]) == ["date_of_birth", "email"]
    assert body["rescreened"] is True
    assert body["status"] == "PROCESSING"
    queued.assert_called_once()
    stored = Applicant.objects.get(pk=applicant.pk)
    assert stored.date_of_birth == dt.date(1984, 3, 7)
    assert stored.email == "vasco.fontes64@exemplo.pt"
    rectified = AuditEvent.objects.get(action=AuditAction.RECTIFIED)
    assert rectified.actor_id == applicant.organization.memberships.get().user_id
    assert rectified.details == {"fields": ["date_of_birth", "email"]}
    # Names only: none of the old or new values anywhere in the row.
    assert "1984" not in json.dumps(rectified.details) and "exemplo" not in json.dumps(rectified.details)
    assert AuditEvent.objects.filter(action=AuditAction.RERUN_REQUESTED, details__force=True).exists()


def test_a_contact_change_re_screens_nothing_and_later_mail_goes_to_the_corrected_address(
    alice: AgencyCredentials, alice_api: APIClient, applicant: Applicant, queued: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:  # fmt: skip
    screened(applicant)
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.patch(
            url(applicant), {"email": "vasco.fontes64@exemplo.pt", "phone": "(+351) 912.345.670"}, format="json"
        )
    assert response.status_code == 200, response.json()
    assert response.json()["rescreened"] is False
    assert response.json()["phone"] == "+351 912 345 670"  # rewritten as the intake rewrites it
    queued.assert_not_called()
    assert Applicant.objects.get(pk=applicant.pk).status == ApplicantStatus.COMPLETED

    contest = Contest.objects.create(organization=alice.organization, applicant=applicant, message="Corrijam o e-mail.")
    with django_capture_on_commit_callbacks(execute=True):
        answered = alice_api.post(
            f"{url(applicant)}/contests/{contest.pk}/answer", {"answer": "Corrigido."}, format="json"
        )
    assert answered.status_code == 200, answered.json()
    assert [message.to for message in mail.outbox] == [["vasco.fontes64@exemplo.pt"]]


def test_values_are_checked_as_the_intake_checks_them(alice_api: APIClient, applicant: Applicant) -> None:
    wrong_check_digit = NEW_NIF[:8] + str((int(NEW_NIF[8]) + 1) % 10)
    response = alice_api.patch(
        url(applicant),
        {"nif": wrong_check_digit, "date_of_birth": "2020-01-01", "email": "not-an-email", "phone": "call me",
         "name": "https://example.test"},
        format="json",
    )  # fmt: skip
    assert response.status_code == 400
    assert set(response.json()) >= {"nif", "date_of_birth", "email", "phone", "name"}
    assert Applicant.objects.get(pk=applicant.pk).name == "Vasco Lacerda Fontes"
    assert not AuditEvent.objects.filter(action=AuditAction.RECTIFIED).exists()


def test_a_nif_is_normalised_and_its_blind_index_follows(alice_api: APIClient, applicant: Applicant) -> None:
    spaced = f"PT {NEW_NIF[:3]} {NEW_NIF[3:6]} {NEW_NIF[6:]}"
    response = alice_api.patch(url(applicant), {"nif": spaced}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["nif"] == NEW_NIF
    found = alice_api.get("/api/v1/applicants", {"nif": NEW_NIF}).json()["results"]
    assert [row["id"] for row in found] == [str(applicant.pk)]


def test_a_nif_another_person_of_the_form_holds_is_refused_as_a_duplicate(
    alice_api: APIClient, applicant: Applicant
) -> None:
    ApplicantFactory(form_request=applicant.form_request, nif=NEW_NIF)
    response = alice_api.patch(url(applicant), {"nif": NEW_NIF}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "duplicate_submission"
    assert Applicant.objects.get(pk=applicant.pk).nif != NEW_NIF


def test_a_household_member_s_name_change_screens_the_household_again_under_its_lead(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    form = IntakeFormRequestFactory(organization=alice.organization)
    application = Application.objects.create(organization=alice.organization, form_request=form, status="COMPLETED")
    lead = ApplicantFactory(form_request=form, application=application, status=ApplicantStatus.COMPLETED)
    guarantor = ApplicantFactory(
        form_request=form, application=application, role=Role.GUARANTOR, status=ApplicantStatus.COMPLETED
    )
    screened(lead)
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.patch(url(guarantor), {"name": "Custódio Barros"}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["rescreened"] is True
    assert queued.call_args.kwargs["applicant_id"] == lead.id


def test_an_applicant_never_screened_is_corrected_without_a_run(
    alice_api: APIClient, applicant: Applicant, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    Applicant.objects.filter(pk=applicant.pk).update(status=ApplicantStatus.FAILED)
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.patch(url(applicant), {"name": "Vasco Lacerda Fontes Jr."}, format="json")
    assert response.status_code == 200
    assert response.json()["rescreened"] is False
    queued.assert_not_called()


def test_while_a_run_is_under_way_the_screened_fields_wait_but_the_contact_does_not(
    alice_api: APIClient, applicant: Applicant
) -> None:
    Applicant.objects.filter(pk=applicant.pk).update(status=ApplicantStatus.PROCESSING)
    refused = alice_api.patch(url(applicant), {"nif": NEW_NIF}, format="json")
    assert refused.status_code == 409 and refused.json()["code"] == "applicant_processing"
    allowed = alice_api.patch(url(applicant), {"email": "vasco@exemplo.pt"}, format="json")
    assert allowed.status_code == 200


def test_the_same_values_again_change_nothing_and_audit_nothing(alice_api: APIClient, applicant: Applicant) -> None:
    response = alice_api.patch(url(applicant), {"name": applicant.name, "email": applicant.email}, format="json")
    assert response.status_code == 200
    assert response.json()["rectified_fields"] == []
    assert not AuditEvent.objects.filter(action=AuditAction.RECTIFIED).exists()


def test_staff_without_view_pii_are_refused_another_agency_gets_404_and_put_stays_405(
    alice: AgencyCredentials, bob_api: APIClient, applicant: Applicant
) -> None:
    no_pii = staff_member_add(organization=alice.organization, email="trainee@alice.test", view_pii=False)
    trainee = APIClient()
    trainee.credentials(HTTP_AUTHORIZATION=f"Token {no_pii.token}")
    assert trainee.patch(url(applicant), {"email": "x@exemplo.pt"}, format="json").status_code == 403
    assert bob_api.patch(url(applicant), {"email": "x@exemplo.pt"}, format="json").status_code == 404
    owner = APIClient()
    owner.credentials(HTTP_AUTHORIZATION=f"Token {alice.token}")
    assert owner.put(url(applicant), {"email": "x@exemplo.pt"}, format="json").status_code == 405
    assert Applicant.objects.get(pk=applicant.pk).email == "vasco.fontes64@exmplo.pt"


def test_a_colleague_who_may_not_re_run_may_not_rectify(alice: AgencyCredentials, applicant: Applicant) -> None:
    user = UserFactory()
    Membership.objects.create(user=user, organization=alice.organization)
    staff_permissions_grant(user=user)
    user.user_permissions.remove(Permission.objects.get(codename="rerun_applicant"))
    api = APIClient()
    api.force_authenticate(type(user).objects.get(pk=user.pk))
    assert api.patch(url(applicant), {"email": "x@exemplo.pt"}, format="json").status_code == 403


def test_an_erased_applicant_answers_404(alice_api: APIClient, applicant: Applicant) -> None:
    assert alice_api.delete(url(applicant)).status_code == 204
    assert alice_api.patch(url(applicant), {"email": "x@exemplo.pt"}, format="json").status_code == 404


def test_the_history_page_says_which_fields_were_corrected_never_their_values(
    alice_api: APIClient, applicant: Applicant
) -> None:
    from workspace.history import file_history

    alice_api.patch(url(applicant), {"email": "vasco@exemplo.pt", "nif": NEW_NIF}, format="json")
    entries = [e for e in file_history(people=[applicant], with_access=False) if e.what == "Dados pessoais retificados"]
    assert len(entries) == 1
    assert entries[0].detail == "NIF, e-mail"
    assert "vasco@" not in entries[0].detail and NEW_NIF not in entries[0].detail


# --- F9: the shell export names who ran it ------------------------------------------------------------------------


def test_export_applicant_by_a_colleague_names_them_and_says_shell(
    alice: AgencyCredentials, applicant: Applicant
) -> None:
    call_command("export_applicant", str(applicant.pk), "--by", "ALICE@alice.test", stdout=io.StringIO())
    exported = AuditEvent.objects.get(action=AuditAction.EXPORTED)
    assert exported.actor_id == alice.user.pk
    assert exported.details == {"via": "shell", "format": "json"}


def test_export_applicant_without_by_still_says_shell(applicant: Applicant) -> None:
    call_command("export_applicant", str(applicant.pk), stdout=io.StringIO())
    exported = AuditEvent.objects.get(action=AuditAction.EXPORTED)
    assert exported.actor_id is None
    assert exported.details == {"via": "shell", "format": "json"}


def test_export_applicant_by_someone_not_of_the_agency_is_refused_and_exports_nothing(
    bob: AgencyCredentials, applicant: Applicant
) -> None:
    out = io.StringIO()
    with pytest.raises(CommandError, match="no active member"):
        call_command("export_applicant", str(applicant.pk), "--by", "bob@bob.test", stdout=out)
    assert out.getvalue() == ""
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORTED).exists()
