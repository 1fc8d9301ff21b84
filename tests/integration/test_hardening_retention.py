"""Retention cannot be switched off: bounded periods, one agency's failure isolated, form expiry capped (issue 13, item 10)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone

from applicants.models import (
    Applicant,
    Application,
    AuditAction,
    AuditEvent,
    IntakeFormRequest,
    Invitation,
    Organization,
)
from applicants.services import AgencyCredentials, decision_record, form_request_create
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from workspace import retention

pytestmark = pytest.mark.django_db

FORM = {"listing_type": "ARRENDAMENTO", "property_type": "MORADIA", "property_title": "Moradia V3 em Braga",
        "property_price": "1200"}  # fmt: skip


def logged_in(credentials: AgencyCredentials) -> Client:
    client = Client()
    client.force_login(credentials.user)
    return client


def decided_long_ago(credentials: AgencyCredentials) -> Applicant:
    applicant: Applicant = ApplicantFactory(
        form_request=IntakeFormRequestFactory(organization=credentials.organization)
    )
    decision = decision_record(
        applicant=applicant, decided_by=credentials.user, report_id=None, decision="REJECTED", reason="x"
    )
    decision.__class__.objects.filter(id=decision.id).update(decided_at=timezone.now() - dt.timedelta(days=3000))
    return applicant


@pytest.mark.parametrize("field", ["retention_days_after_decision", "retention_days_undecided"])
@pytest.mark.parametrize("days", [0, 3651, 10**9])
def test_the_database_refuses_retention_periods_out_of_bounds(alice: AgencyCredentials, field: str, days: int) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        Organization.objects.filter(pk=alice.organization.pk).update(**{field: days})


@pytest.mark.parametrize("days", ["0", "3651", "1000000000"])
def test_the_agency_admin_form_refuses_retention_periods_out_of_bounds(alice: AgencyCredentials, days: str) -> None:
    client = logged_in(alice)
    url = f"/admin/applicants/organization/{alice.organization.pk}/change/"
    form = client.get(url).context["adminform"].form
    data = {name: form.initial.get(name) for name in form.fields}
    data.update({"retention_days_undecided": days, "name": alice.organization.name})
    response = client.post(url, {k: v for k, v in data.items() if v is not None})
    assert response.status_code == 200
    assert "retention_days_undecided" in response.context["adminform"].form.errors
    alice.organization.refresh_from_db()
    assert alice.organization.retention_days_undecided == 90


def test_one_agency_failing_to_purge_does_not_stop_the_others(
    alice: AgencyCredentials, bob: AgencyCredentials, django_capture_on_commit_callbacks: Any
) -> None:
    kept = decided_long_ago(alice)
    purged = decided_long_ago(bob)
    original = retention.applicants_past_retention

    def failing_for_alice(*, organization: Organization, now: dt.datetime) -> Any:
        if organization.pk == alice.organization.pk:  # sorted first by name
            raise OverflowError("date value out of range")
        return original(organization=organization, now=now)

    with (
        mock.patch.object(retention, "applicants_past_retention", side_effect=failing_for_alice),
        mock.patch.object(retention.logger, "error") as logged,
        django_capture_on_commit_callbacks(execute=True),
    ):
        result = retention.purge_expired()
    assert (result.applicants, result.failed_organizations) == (1, 1)
    assert list(Applicant.objects.all()) == [kept]
    assert not Applicant.objects.filter(pk=purged.pk).exists()
    assert AuditEvent.objects.get(action=AuditAction.PURGED).organization == bob.organization
    logged.assert_called_once()
    assert logged.call_args.kwargs["organization_id"] == str(alice.organization.pk)


def test_the_purge_command_fails_loudly_when_an_agency_could_not_be_purged(
    alice: AgencyCredentials, bob: AgencyCredentials
) -> None:
    from django.core.management import CommandError, call_command

    with (
        mock.patch.object(retention, "applicants_past_retention", side_effect=OverflowError("x")),
        pytest.raises(CommandError, match="2 agenc"),
    ):
        call_command("purge_expired")


@pytest.mark.parametrize("days_ahead", [366, 365 * 5, -1])
def test_form_request_create_refuses_an_expiry_beyond_a_year_or_in_the_past(
    alice: AgencyCredentials, days_ahead: int
) -> None:
    with pytest.raises(ValidationError):
        form_request_create(organization=alice.organization, created_by=alice.user, listing_type="ARRENDAMENTO",
                            property_type="MORADIA", property_title="T", property_price=1,
                            expires_at=timezone.now() + dt.timedelta(days=days_ahead))  # fmt: skip
    assert not IntakeFormRequest.objects.exists()


@pytest.mark.parametrize("days", [0, 366, 10**6])
def test_form_request_create_refuses_expiry_days_out_of_bounds(alice: AgencyCredentials, days: int) -> None:
    with pytest.raises(ValidationError):
        form_request_create(organization=alice.organization, created_by=alice.user, listing_type="ARRENDAMENTO",
                            property_type="MORADIA", property_title="T", property_price=1, expires_in_days=days)  # fmt: skip
    assert not IntakeFormRequest.objects.exists()


@pytest.mark.parametrize("days_ahead", [400, 365 * 100, -2])
def test_the_admin_form_refuses_an_expiry_beyond_a_year_or_in_the_past(
    alice: AgencyCredentials, days_ahead: int
) -> None:
    expires = timezone.localdate() + dt.timedelta(days=days_ahead)
    response = logged_in(alice).post(
        "/admin/applicants/intakeformrequest/add/",
        {**FORM, "expires_at": expires.isoformat()},
    )
    assert response.status_code == 200
    assert "expires_at" in response.context["adminform"].form.errors
    assert not IntakeFormRequest.objects.exists()


def test_the_admin_form_keeps_an_expiry_within_a_year(alice: AgencyCredentials) -> None:
    expires = timezone.localdate() + dt.timedelta(days=364)
    response = logged_in(alice).post(
        "/admin/applicants/intakeformrequest/add/",
        {**FORM, "expires_at": expires.isoformat()},
    )
    assert response.status_code == 302
    assert timezone.localdate(IntakeFormRequest.objects.get().expires_at) == expires


def test_the_purge_takes_an_application_whose_members_all_expired_and_its_invitations_names(
    alice: AgencyCredentials,
) -> None:
    # The invited people's names and e-mails live on the invitations, which hang on the application: the purge
    # deleted the members and left both behind.
    lead = decided_long_ago(alice)
    application = Application.objects.create(organization=alice.organization, form_request=lead.form_request)
    Applicant.objects.filter(id=lead.id).update(application=application)
    Invitation.objects.create(organization=alice.organization, application=application, role="GUARANTOR",
                              name="Rui Fiador", email="rui@example.pt", token_hash="x" * 64,
                              expires_at=timezone.now())  # fmt: skip
    other_form = IntakeFormRequestFactory(organization=alice.organization)
    kept = Application.objects.create(organization=alice.organization, form_request=other_form)
    ApplicantFactory(form_request=other_form, application=kept)

    assert retention.purge_expired().applicants == 1

    assert not Application.objects.filter(id=application.id).exists()
    assert not Invitation.objects.filter(application_id=application.id).exists()
    assert Application.objects.filter(id=kept.id).exists()
