"""Model permissions on every staff write, in the API and the admin (issue 13, item 13).

A membership says which agency a user works for; what they may do there is
Django's model permissions, granted by role (``create_agency`` grants the
agency admin every staff permission): ``add_intakeformrequest`` to create a
form, ``rerun_applicant`` to re-run the pipeline, ``add_decision`` to decide,
``view_*`` to read.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from rest_framework.test import APIClient

from applicants.models import Applicant, AuditAction, AuditEvent, Decision, IntakeFormRequest, Membership
from applicants.services import AgencyCredentials, staff_permissions_grant
from tests.factories import ApplicantFactory, IntakeFormRequestFactory, UserFactory

pytestmark = pytest.mark.django_db

FORM = {"listing_type": "ARRENDAMENTO", "property_type": "APARTAMENTO", "property_title": "T1 em Faro",
        "property_price": 600.0}  # fmt: skip


@pytest.fixture
def applicant(alice: AgencyCredentials) -> Applicant:
    created: Applicant = ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization))
    return created


def member_without(alice: AgencyCredentials, *codenames: str) -> Any:
    """A member of alice's agency holding every staff permission but ``codenames``."""
    user = UserFactory()
    Membership.objects.create(user=user, organization=alice.organization)
    staff_permissions_grant(user=user)
    user.user_permissions.remove(*Permission.objects.filter(codename__in=codenames))
    return type(user).objects.get(pk=user.pk)


def api_for(user: Any) -> APIClient:
    api = APIClient()
    api.force_authenticate(user)
    return api


def admin_for(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_creating_a_form_through_the_api_needs_add_intakeformrequest(alice: AgencyCredentials) -> None:
    refused = api_for(member_without(alice, "add_intakeformrequest")).post(
        "/api/v1/applicants/intake-form-requests", FORM, format="json"
    )
    assert refused.status_code == 403
    assert not IntakeFormRequest.objects.exists()
    allowed = api_for(alice.user).post("/api/v1/applicants/intake-form-requests", FORM, format="json")
    assert allowed.status_code == 201


def test_a_rerun_through_the_api_needs_rerun_applicant(
    alice: AgencyCredentials, applicant: Applicant, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    url = f"/api/v1/applicants/{applicant.pk}/rescreen"
    with django_capture_on_commit_callbacks(execute=True):
        refused = api_for(member_without(alice, "rerun_applicant")).post(url, {"force": True}, format="json")
    assert refused.status_code == 403
    queued.assert_not_called()
    assert not AuditEvent.objects.filter(action=AuditAction.RERUN_REQUESTED).exists()
    with django_capture_on_commit_callbacks(execute=True):
        allowed = api_for(alice.user).post(url, {"force": True}, format="json")
    assert allowed.status_code == 202
    queued.assert_called_once()


def test_a_decision_through_the_api_needs_add_decision(alice: AgencyCredentials, applicant: Applicant) -> None:
    url = f"/api/v1/applicants/{applicant.pk}/decision"
    body = {"decision": "APPROVED", "reason": "Rendimentos suficientes"}
    assert api_for(member_without(alice, "add_decision")).post(url, body, format="json").status_code == 403
    assert not Decision.objects.exists()
    assert api_for(alice.user).post(url, body, format="json").status_code == 201


@pytest.mark.parametrize(
    ("codename", "route"),
    [
        ("view_applicant", "/api/v1/applicants"),
        ("view_applicant", "/api/v1/applicants/{id}"),
        ("view_applicant", "/api/v1/applicants/{id}/status"),
        ("view_intakeformrequest", "/api/v1/applicants/intake-form-requests"),
        ("view_intakeformrequest", "/api/v1/applicants/intake-form-requests/{form}"),
    ],
)
def test_reads_through_the_api_need_the_view_permission(
    alice: AgencyCredentials, applicant: Applicant, codename: str, route: str
) -> None:
    url = route.format(id=applicant.pk, form=applicant.form_request_id)
    assert api_for(member_without(alice, codename)).get(url).status_code == 403
    assert api_for(alice.user).get(url).status_code == 200


def test_the_admin_rerun_view_needs_rerun_applicant(
    alice: AgencyCredentials, applicant: Applicant, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    url = f"/admin/applicants/applicant/{applicant.pk}/rerun/"
    colleague = member_without(alice, "rerun_applicant")
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_for(colleague).post(url).status_code == 403
    queued.assert_not_called()
    page = admin_for(colleague).get(f"/admin/applicants/applicant/{applicant.pk}/change/").content.decode()
    assert "/rerun/" not in page
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_for(alice.user).post(url).status_code == 302
    queued.assert_called_once()


@pytest.mark.parametrize("action", ["rerun_screening", "rerun_extraction_and_screening"])
def test_the_admin_rerun_actions_need_rerun_applicant(
    alice: AgencyCredentials,
    applicant: Applicant,
    queued: Any,
    django_capture_on_commit_callbacks: Any,
    action: str,
) -> None:
    body = {"action": action, "_selected_action": [str(applicant.pk)]}
    colleague = member_without(alice, "rerun_applicant")
    listing = admin_for(colleague).get("/admin/applicants/applicant/").content.decode()
    assert f'value="{action}"' not in listing
    with django_capture_on_commit_callbacks(execute=True):
        admin_for(colleague).post("/admin/applicants/applicant/", body)
    queued.assert_not_called()
    assert not AuditEvent.objects.filter(action=AuditAction.RERUN_REQUESTED).exists()
    with django_capture_on_commit_callbacks(execute=True):
        admin_for(alice.user).post("/admin/applicants/applicant/", body)
    queued.assert_called_once()


def test_the_admin_decision_needs_add_decision(alice: AgencyCredentials, applicant: Applicant) -> None:
    url = f"/admin/applicants/applicant/{applicant.pk}/decide/"
    body = {"decision": "REJECTED", "reason": "Taxa de esforço alta"}
    assert admin_for(member_without(alice, "add_decision")).post(url, body).status_code == 403
    assert not Decision.objects.exists()
    assert admin_for(alice.user).post(url, body).status_code == 302
    assert Decision.objects.count() == 1


def test_creating_a_form_in_admin_needs_add_intakeformrequest(alice: AgencyCredentials) -> None:
    url = "/admin/applicants/intakeformrequest/add/"
    assert admin_for(member_without(alice, "add_intakeformrequest")).get(url).status_code == 403


def test_the_pipeline_overview_needs_view_applicant(alice: AgencyCredentials) -> None:
    url = "/admin/applicants/applicant/pipeline/"
    assert admin_for(member_without(alice, "view_applicant")).get(url).status_code == 403
    assert admin_for(alice.user).get(url).status_code == 200


def test_create_agency_grants_the_agency_admin_every_staff_permission(alice: AgencyCredentials) -> None:
    for permission in ("add_intakeformrequest", "rerun_applicant", "add_decision", "view_applicant", "view_pii"):
        assert alice.user.has_perm(f"applicants.{permission}"), permission


def test_a_staff_member_gets_the_staff_role_without_the_agency_settings(alice: AgencyCredentials) -> None:
    user = UserFactory()
    Membership.objects.create(user=user, organization=alice.organization)
    staff_permissions_grant(user=user)
    user = type(user).objects.get(pk=user.pk)
    assert user.has_perm("applicants.rerun_applicant") and user.has_perm("applicants.add_decision")
    assert not user.has_perm("applicants.change_organization")
