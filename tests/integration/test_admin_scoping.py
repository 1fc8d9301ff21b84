from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from applicants.models import AuditAction, AuditEvent, Membership
from applicants.services import AgencyCredentials
from tests.factories import ApplicantFactory, IntakeFormRequestFactory

pytestmark = pytest.mark.django_db


def logged_in(credentials: AgencyCredentials) -> Client:
    client = Client()
    client.force_login(credentials.user)
    return client


def test_staff_of_agency_b_gets_404_on_agency_a_applicant(alice: AgencyCredentials, bob: AgencyCredentials) -> None:
    applicant = ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization))
    assert logged_in(bob).get(f"/admin/applicants/applicant/{applicant.pk}/change/").status_code == 404
    assert logged_in(alice).get(f"/admin/applicants/applicant/{applicant.pk}/change/").status_code == 200


def test_applicant_list_shows_only_own_agency_with_masked_pii(alice: AgencyCredentials, bob: AgencyCredentials) -> None:
    ApplicantFactory(
        form_request=IntakeFormRequestFactory(organization=alice.organization), name="Maria Santos", nif="245718931"
    )
    ApplicantFactory(form_request=IntakeFormRequestFactory(organization=bob.organization), name="Bruno Costa")
    page = logged_in(alice).get("/admin/applicants/applicant/").content.decode()
    assert "M*** S***" in page
    assert "***931" in page
    assert "Maria Santos" not in page
    assert "B*** C***" not in page


def test_viewing_pii_needs_permission_and_is_audited(alice: AgencyCredentials, db: Any) -> None:
    applicant = ApplicantFactory(
        form_request=IntakeFormRequestFactory(organization=alice.organization), name="Maria Santos"
    )
    page = logged_in(alice).get(f"/admin/applicants/applicant/{applicant.pk}/change/").content.decode()
    assert "Maria Santos" in page
    event = AuditEvent.objects.get(action=AuditAction.PII_VIEWED)
    assert (event.actor, event.target_id) == (alice.user, str(applicant.pk))


def test_staff_without_view_pii_sees_masked_detail_and_no_audit(alice: AgencyCredentials, db: Any) -> None:
    from tests.factories import UserFactory

    colleague = UserFactory()
    Membership.objects.create(user=colleague, organization=alice.organization)
    from django.contrib.auth.models import Permission

    colleague.user_permissions.add(Permission.objects.get(codename="view_applicant"))
    applicant = ApplicantFactory(
        form_request=IntakeFormRequestFactory(organization=alice.organization), name="Maria Santos"
    )
    client = Client()
    client.force_login(colleague)
    page = client.get(f"/admin/applicants/applicant/{applicant.pk}/change/").content.decode()
    assert "Maria Santos" not in page
    assert "M*** S***" in page
    assert not AuditEvent.objects.filter(action=AuditAction.PII_VIEWED).exists()


def test_admin_search_by_exact_nif_uses_blind_index(alice: AgencyCredentials, bob: AgencyCredentials) -> None:
    mine = ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization), nif="245718931")
    ApplicantFactory(form_request=IntakeFormRequestFactory(organization=bob.organization), nif="245718931")
    response = logged_in(alice).get("/admin/applicants/applicant/", {"q": "PT 245 718 931"})
    assert response.context["cl"].result_count == 1
    assert list(response.context["cl"].result_list) == [mine]


def test_staff_without_the_personal_data_permission_cannot_test_a_nif(alice: AgencyCredentials) -> None:
    """E2e probe 20: the API's ``?nif=`` filter and the admin's NIF search answered 1 or 0 for any NIF typed, so staff
    who may not see NIFs could confirm that a person they knew had applied."""
    from rest_framework.test import APIClient

    from applicants.services import staff_member_add

    ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization), nif="245718931")
    trainee = staff_member_add(
        organization=alice.organization, email="eva@x.test", password="eva-Pa55word!", view_pii=False
    )
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {trainee.token}")
    refused = api.get("/api/v1/applicants", {"nif": "245718931"})
    assert (refused.status_code, refused.json()["code"]) == (403, "permission_denied")
    assert api.get("/api/v1/applicants").json()["count"] == 1
    admin = Client()
    admin.force_login(trainee.user)
    searched = admin.get("/admin/applicants/applicant/", {"q": "245718931"})
    assert searched.context["cl"].result_count == 0
    # Staff who may see NIFs still find the person by one.
    assert logged_in(alice).get("/admin/applicants/applicant/", {"q": "245718931"}).context["cl"].result_count == 1
