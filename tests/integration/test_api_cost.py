"""What the hot API paths cost in queries (issue 18): the staff status read and the permission check."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from rest_framework.test import APIClient

from applicants.models import Applicant, Application, ApplicationStatus
from applicants.services import AgencyCredentials
from screening.models import ScreeningReport
from tests.factories import ApplicantFactory, IntakeFormRequestFactory, UserFactory


def report_for(applicant: Applicant, *, application: Application | None, age_minutes: int) -> ScreeningReport:
    report = ScreeningReport.objects.create(organization=applicant.organization, applicant=applicant, application=application,
                                            risk_level="LOW", identity_verified=True, income_verified=True,
                                            dti_ratio=Decimal("0.3"), average_monthly_income=Decimal("2500"),
                                            justification="Risco BAIXO.", checks=[], backend="rules", rules_version="t")  # fmt: skip
    ScreeningReport.objects.filter(pk=report.pk).update(created_at=timezone.now() - dt.timedelta(minutes=age_minutes))
    return report


def test_the_staff_status_read_is_three_queries_while_no_report_exists(
    alice: AgencyCredentials, alice_api: APIClient, django_assert_num_queries: Any
) -> None:
    applicant = ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization))
    # The token with its user and agency; the user's permissions; the applicant with its current report's id.
    with django_assert_num_queries(3):
        response = alice_api.get(f"/api/v1/applicants/{applicant.pk}/status")
    assert response.status_code == 200, response.content
    assert response.json()["report"] is None


def test_the_status_read_shows_the_households_report_before_the_persons_newer_own(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    applicant = ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization))
    application = Application.objects.create(
        organization=alice.organization, form_request=applicant.form_request, status=ApplicationStatus.PROCESSING
    )
    Applicant.objects.filter(pk=applicant.pk).update(application=application)
    applicant.refresh_from_db()
    own = report_for(applicant, application=None, age_minutes=1)
    assert alice_api.get(f"/api/v1/applicants/{applicant.pk}/status").json()["report"]["id"] == str(own.pk)
    household = report_for(applicant, application=application, age_minutes=10)
    report_for(applicant, application=application, age_minutes=20)
    assert alice_api.get(f"/api/v1/applicants/{applicant.pk}/status").json()["report"]["id"] == str(household.pk)


def test_a_members_status_shows_the_report_filed_under_the_lead_as_report_latest_does(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    from screening.selectors import report_latest

    lead = ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization))
    member = ApplicantFactory(form_request=lead.form_request)
    application = Application.objects.create(
        organization=alice.organization, form_request=lead.form_request, status=ApplicationStatus.PROCESSING
    )
    Applicant.objects.filter(pk__in=[lead.pk, member.pk]).update(application=application)
    member.refresh_from_db()
    member_own = report_for(member, application=None, age_minutes=1)
    assert alice_api.get(f"/api/v1/applicants/{member.pk}/status").json()["report"]["id"] == str(member_own.pk)
    household = report_for(lead, application=application, age_minutes=30)
    body = alice_api.get(f"/api/v1/applicants/{member.pk}/status").json()
    assert body["report"]["id"] == str(household.pk) == str(report_latest(applicant=member).pk)  # type: ignore[union-attr]


def test_a_malformed_id_is_a_404_not_an_error(alice: AgencyCredentials) -> None:
    from django.http import Http404

    from screening.selectors import applicant_status_and_report

    for malformed in ("not-a-uuid", "1" * 40, ""):
        try:
            applicant_status_and_report(organization=alice.organization, applicant_id=malformed)
        except Http404:
            continue
        raise AssertionError(f"{malformed!r} was not a 404")


def test_another_agencys_applicant_status_is_a_404(alice: AgencyCredentials, bob_api: APIClient) -> None:
    applicant = ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization))
    assert bob_api.get(f"/api/v1/applicants/{applicant.pk}/status").status_code == 404


def test_permissions_come_from_the_user_and_their_groups_in_one_query(db: Any, django_assert_num_queries: Any) -> None:
    user = UserFactory()
    group = Group.objects.create(name="reviewers")
    group.permissions.add(Permission.objects.get(codename="view_applicant"))
    user.groups.add(group)
    user.user_permissions.add(Permission.objects.get(codename="add_decision"))
    user = type(user).objects.get(pk=user.pk)
    with django_assert_num_queries(1):
        assert user.has_perms(["applicants.view_applicant", "applicants.add_decision"])
        assert not user.has_perm("applicants.view_pii")
    user.groups.remove(group)
    assert not type(user).objects.get(pk=user.pk).has_perm("applicants.view_applicant")


def test_a_superuser_has_every_permission_in_one_query(db: Any, django_assert_num_queries: Any) -> None:
    user = UserFactory(is_superuser=True)
    user = type(user).objects.get(pk=user.pk)
    with django_assert_num_queries(1):
        permissions = user.get_all_permissions()
    assert permissions == {f"{p.content_type.app_label}.{p.codename}" for p in Permission.objects.all()}


def test_an_inactive_user_has_no_permissions(db: Any) -> None:
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="view_applicant"))
    type(user).objects.filter(pk=user.pk).update(is_active=False)
    assert not type(user).objects.get(pk=user.pk).has_perm("applicants.view_applicant")
