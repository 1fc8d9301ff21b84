"""Households for staff: the applications API and admin, scoped to the agency, PII masked, invitations and forced runs."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from types import SimpleNamespace
from typing import Any

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from applicants.models import (
    Applicant,
    ApplicantStatus,
    Application,
    ApplicationStatus,
    AuditAction,
    AuditEvent,
    IntakeFormRequest,
    Invitation,
    InvitationStatus,
    Membership,
    Role,
)
from applicants.services import AgencyCredentials, decision_record
from applicants.tokens import intake_token_hash
from intake.status import household_status
from screening.models import PipelineRun, ScreeningReport
from screening.services import applicant_screened_payload
from tests.factories import ApplicantFactory, IntakeFormRequestFactory, UserFactory, make_nif

pytestmark = pytest.mark.django_db


def invitation_of(
    application: Application, *, role: str, name: str, email: str, applicant: Applicant | None = None, **extra: Any
) -> Invitation:
    invitation: Invitation = Invitation.objects.create(
        organization_id=application.organization_id,
        application=application,
        role=role,
        name=name,
        email=email,
        token_hash=extra.pop("token_hash", intake_token_hash(f"token-{name}-{timezone.now().timestamp()}")),
        expires_at=extra.pop("expires_at", timezone.now() + dt.timedelta(days=14)),
        status=InvitationStatus.SUBMITTED if applicant else InvitationStatus.SENT,
        applicant=applicant,
        sent_at=timezone.now(),
        **extra,
    )
    return invitation


def household_of(
    credentials: AgencyCredentials,
    *,
    status: str = ApplicationStatus.COMPLETED,
    guarantor_invited: bool = False,
    title: str = "T2 em Arroios",
) -> tuple[Application, Applicant, Applicant]:
    """A lead tenant (Maria) and a co-tenant (João) who both submitted; optionally a guarantor invited, not yet in."""
    form: IntakeFormRequest = IntakeFormRequestFactory(
        organization=credentials.organization, property_title=title, property_price=Decimal("750.00")
    )
    application = Application.objects.create(organization=credentials.organization, form_request=form, status=status)
    member_status = {
        ApplicationStatus.WAITING: ApplicantStatus.WAITING,
        ApplicationStatus.PROCESSING: ApplicantStatus.PROCESSING,
        ApplicationStatus.COMPLETED: ApplicantStatus.COMPLETED,
        ApplicationStatus.FAILED: ApplicantStatus.FAILED,
    }[ApplicationStatus(status)]
    lead: Applicant = ApplicantFactory(
        form_request=form, application=application, role=Role.TENANT, name="Maria Santos", status=member_status
    )
    co_tenant: Applicant = ApplicantFactory(
        form_request=form,
        application=application,
        role=Role.CO_TENANT,
        name="João Pereira",
        email="joao@example.com",
        nif=make_nif(7_654_321),
        status=member_status,
    )
    invitation_of(application, role=Role.CO_TENANT, name="João Pereira", email="joao@example.com", applicant=co_tenant)
    if guarantor_invited:
        invitation_of(application, role=Role.GUARANTOR, name="Rui Lopes", email="rui@example.com")
    return application, lead, co_tenant


def report_of(application: Application, lead: Applicant, co_tenant: Applicant, **overrides: Any) -> ScreeningReport:
    """A household report as screening stores it: 750 € rent over 1450 € together = 0.5172; a guarantor who does not cover."""
    guarantor_id = "7d1c3c1e-7f3e-4d7a-9a55-2b0f4f7f1a01"
    fields: dict[str, Any] = {
        "organization_id": application.organization_id,
        "applicant": lead,
        "application": application,
        "risk_level": "HIGH",
        "identity_verified": True,
        "income_verified": True,
        "dti_ratio": Decimal("0.5172"),
        "average_monthly_income": Decimal("1450.00"),
        "justification": "Risco alto. Rendimento mensal conjunto de 2 arrendatário(s).",
        "checks": [
            {
                "name": "identity.nif_match",
                "passed": True,
                "evidence": "O NIF do documento confere.",
                "field": "nif",
                "value": co_tenant.nif,
                "expected": co_tenant.nif,
                "applicant_id": str(co_tenant.id),
                "role": "CO_TENANT",
            },
            {
                "name": "affordability.dti",
                "passed": False,
                "evidence": "Taxa de esforço 51,72 %.",
                "field": "dti_ratio",
                "value": "0.5172",
                "expected": "<= 0.400",
            },
        ],
        "household": {
            "household_monthly_income": "1450.00",
            "monthly_cost": "750.00",
            "members": [
                {
                    "applicant_id": str(lead.id),
                    "role": "TENANT",
                    "identity_verified": True,
                    "income_verified": True,
                    "average_monthly_income": "850.00",
                    "income_share": "0.5862",
                },
                {
                    "applicant_id": str(co_tenant.id),
                    "role": "CO_TENANT",
                    "identity_verified": True,
                    "income_verified": True,
                    "average_monthly_income": "600.00",
                    "income_share": "0.4138",
                },
                {
                    "applicant_id": guarantor_id,
                    "role": "GUARANTOR",
                    "identity_verified": True,
                    "income_verified": True,
                    "average_monthly_income": "2000.00",
                    "income_share": None,
                },
            ],
            "guarantor": {
                "applicant_id": guarantor_id,
                "covers": False,
                "identity_verified": True,
                "dti_ratio": "0.3750",
                "threshold": "0.300",
                "income_needed": "2500.00",
                "shortfall": "500.00",
            },
        },
        "backend": "rules",
        "rules_version": "test",
    }
    fields.update(overrides)
    report: ScreeningReport = ScreeningReport.objects.create(**fields)
    return report


def colleague_of(credentials: AgencyCredentials, *codenames: str) -> User:
    """A staff user of the same agency holding only the named permissions (no ``view_pii`` unless named)."""
    user: User = UserFactory()
    Membership.objects.create(user=user, organization=credentials.organization)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    return user


def api_as(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def admin_as(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


# --- API: reading applications ------------------------------------------------------------------


def assert_queued(queued: Any, *, lead: Applicant, force: bool, supersedes: str | None) -> None:
    """The run was recorded in the transaction that queued it, and sent under the lead after commit."""
    queued.assert_called_once_with(applicant_id=lead.id, force=force, supersedes=supersedes, recorded=True)
    run = PipelineRun.objects.get(applicant_id=lead.id)
    assert (run.force, run.supersedes) == (force, supersedes or "")


def test_application_detail_shows_every_person_the_household_figures_and_the_guarantor_verdict(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    application, lead, co_tenant = household_of(alice, guarantor_invited=True)
    report_of(application, lead, co_tenant)
    decision_record(
        applicant=lead, decided_by=alice.user, report_id=None, decision="MORE_INFO", reason="Pedir um fiador que cubra."
    )

    response = alice_api.get(f"/api/v1/applications/{application.id}")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "COMPLETED"
    assert body["form_request_id"] == str(application.form_request_id)
    assert body["risk_level"] == "HIGH"
    assert [(m["role"], m["name"], m["status"], m["invitation_status"]) for m in body["members"]] == [
        ("TENANT", "Maria Santos", "COMPLETED", None),
        ("CO_TENANT", "João Pereira", "COMPLETED", "SUBMITTED"),
        ("GUARANTOR", "Rui Lopes", None, "SENT"),
    ]
    assert body["members"][0]["applicant_id"] == str(lead.id)
    assert body["members"][2]["applicant_id"] is None
    report = body["report"]
    # 750 / (850 + 600) = 0.5172, each tenant's share of the 1450 €.
    assert report["household_dti_ratio"] == pytest.approx(0.5172)
    assert report["household_monthly_income"] == 1450.0
    assert report["monthly_cost"] == 750.0
    assert [(m["role"], m["income_share"]) for m in report["members"]] == [
        ("TENANT", 0.5862),
        ("CO_TENANT", 0.4138),
        ("GUARANTOR", None),
    ]
    # 750 / 2000 = 0.375 over the 0.30 limit: 2500 € would cover, 500 € short.
    assert report["guarantor"]["covers"] is False
    assert report["guarantor"]["dti_ratio"] == pytest.approx(0.375)
    assert report["guarantor"]["threshold"] == pytest.approx(0.3)
    assert report["guarantor"]["shortfall"] == 500.0
    assert report["checks"][0]["applicant_id"] == str(co_tenant.id)
    assert report["checks"][0]["role"] == "CO_TENANT"
    assert report["checks"][0]["value"] == co_tenant.nif  # alice holds view_pii
    assert body["decision"]["decision"] == "MORE_INFO"
    viewed = AuditEvent.objects.filter(action=AuditAction.PII_VIEWED, details__surface="api_application")
    assert set(viewed.values_list("target_id", flat=True)) == {str(lead.id), str(co_tenant.id)}


def test_without_view_pii_names_emails_and_personal_check_values_are_masked_and_nothing_is_audited(
    alice: AgencyCredentials,
) -> None:
    application, lead, co_tenant = household_of(alice, guarantor_invited=True)
    report_of(application, lead, co_tenant)
    client = api_as(colleague_of(alice, "view_applicant"))

    body = client.get(f"/api/v1/applications/{application.id}").json()
    listed = client.get("/api/v1/applications").json()["results"][0]

    assert [m["name"] for m in body["members"]] == ["M*** S***", "J*** P***", "R*** L***"]
    assert [m["name"] for m in listed["members"]] == ["M*** S***", "J*** P***", "R*** L***"]
    assert {i["email"] for i in body["invitations"]} == {"j***@example.com", "r***@example.com"}
    nif_check, dti_check = body["report"]["checks"]
    assert (nif_check["value"], nif_check["expected"]) == (None, None)
    assert dti_check["value"] == "0.5172"
    assert "Maria" not in str(body) and "João" not in str(body) and co_tenant.nif not in str(body)
    assert not AuditEvent.objects.filter(action=AuditAction.PII_VIEWED).exists()


def test_a_one_person_application_reads_as_a_household_of_one(alice: AgencyCredentials, alice_api: APIClient) -> None:
    form: IntakeFormRequest = IntakeFormRequestFactory(
        organization=alice.organization, property_price=Decimal("900.00")
    )
    application = Application.objects.create(
        organization=alice.organization, form_request=form, status=ApplicationStatus.COMPLETED
    )
    lead: Applicant = ApplicantFactory(form_request=form, application=application, status=ApplicantStatus.COMPLETED)
    ScreeningReport.objects.create(
        organization_id=alice.organization.id, applicant=lead, application=application, risk_level="LOW",
        identity_verified=True, income_verified=True, dti_ratio=Decimal("0.2500"),
        average_monthly_income=Decimal("3600.00"), justification="Risco baixo.", checks=[], backend="rules",
        rules_version="test",
    )  # fmt: skip

    report = alice_api.get(f"/api/v1/applications/{application.id}").json()["report"]

    assert report["household_dti_ratio"] == 0.25
    assert report["household_monthly_income"] == 3600.0
    assert report["monthly_cost"] == 900.0
    assert report["members"] == [
        {"applicant_id": str(lead.id), "role": "TENANT", "identity_verified": True, "income_verified": True,
         "average_monthly_income": 3600.0, "income_share": 1.0}
    ]  # fmt: skip
    assert report["guarantor"] is None


def test_applications_filter_by_status_risk_level_and_form(alice: AgencyCredentials, alice_api: APIClient) -> None:
    waiting, *_ = household_of(alice, status=ApplicationStatus.WAITING, guarantor_invited=True)
    done, lead, co_tenant = household_of(alice)
    report_of(done, lead, co_tenant)
    Applicant.objects.filter(application=done).update(risk_level="HIGH")

    def ids(**params: str) -> set[str]:
        response = alice_api.get("/api/v1/applications", params)
        assert response.status_code == 200, response.content
        return {item["id"] for item in response.json()["results"]}

    assert ids() == {str(waiting.id), str(done.id)}
    assert ids(status="WAITING") == {str(waiting.id)}
    assert ids(risk_level="HIGH") == {str(done.id)}
    assert ids(risk_level="LOW") == set()
    assert ids(form_request=str(waiting.form_request_id)) == {str(waiting.id)}
    assert alice_api.get("/api/v1/applications", {"status": "NOPE"}).status_code == 400


def test_applicant_detail_names_its_application_and_role_and_shows_the_households_report(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    application, lead, co_tenant = household_of(alice)
    report_of(application, lead, co_tenant)

    body = alice_api.get(f"/api/v1/applicants/{co_tenant.id}").json()

    assert body["application_id"] == str(application.id)
    assert body["role"] == "CO_TENANT"
    assert body["report"]["risk_level"] == "HIGH"
    assert body["report"]["checks"][0]["applicant_id"] == str(co_tenant.id)


def test_the_applications_report_carries_the_id_its_members_and_its_event_give(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    """End-to-end probe c23: a client reading applications could not match their report to the event's."""
    application, lead, co_tenant = household_of(alice)
    report = report_of(application, lead, co_tenant)

    body = alice_api.get(f"/api/v1/applications/{application.id}").json()
    listed = alice_api.get("/api/v1/applications").json()["results"][0]
    member = alice_api.get(f"/api/v1/applicants/{co_tenant.id}").json()

    event = applicant_screened_payload(applicant=lead, report=report)
    assert body["report"]["id"] == listed["report"]["id"] == member["report"]["id"] == event["report_id"]


# --- API: tenancy -----------------------------------------------------------------------------------


def test_another_agency_gets_404_on_every_application_route_and_never_lists_it(
    alice: AgencyCredentials, bob: AgencyCredentials, bob_api: APIClient, queued: Any, mailoutbox: list[Any]
) -> None:
    application, lead, co_tenant = household_of(alice, status=ApplicationStatus.WAITING, guarantor_invited=True)
    report_of(application, lead, co_tenant)
    household_of(bob, title="T1 do Bob")

    assert bob_api.get(f"/api/v1/applications/{application.id}").status_code == 404
    invited = bob_api.post(
        f"/api/v1/applications/{application.id}/invitations",
        {"role": "GUARANTOR", "name": "Eva Intrusa", "email": "eva@example.com"},
        format="json",
    )
    assert invited.status_code == 404
    assert (
        bob_api.post(f"/api/v1/applications/{application.id}/screen", {"force": True}, format="json").status_code == 404
    )
    listed = bob_api.get("/api/v1/applications").json()
    assert [item["property_title"] for item in listed["results"]] == ["T1 do Bob"]
    assert bob_api.get("/api/v1/applications", {"form_request": str(application.form_request_id)}).json()["count"] == 0
    assert application.invitations.count() == 2
    assert Application.objects.get(id=application.id).status == ApplicationStatus.WAITING
    assert not queued.called
    assert mailoutbox == []


def test_application_routes_need_staff_credentials_and_the_named_permissions(
    alice: AgencyCredentials, anonymous_api: APIClient, outsider: Any
) -> None:
    application, *_ = household_of(alice)
    assert anonymous_api.get("/api/v1/applications").status_code == 401
    assert api_as(outsider).get(f"/api/v1/applications/{application.id}").status_code == 403
    reader = api_as(colleague_of(alice, "view_applicant"))
    assert reader.get(f"/api/v1/applications/{application.id}").status_code == 200
    body = {"role": "GUARANTOR", "name": "Rui Lopes", "email": "rui@example.com"}
    assert reader.post(f"/api/v1/applications/{application.id}/invitations", body, format="json").status_code == 403
    assert (
        reader.post(f"/api/v1/applications/{application.id}/screen", {"force": True}, format="json").status_code == 403
    )
    assert api_as(colleague_of(alice, "rerun_applicant")).get("/api/v1/applications").status_code == 403


# --- API: invitations -----------------------------------------------------------------------------


def test_staff_invitation_shows_the_link_once_mails_it_and_the_application_waits_for_the_person(
    alice: AgencyCredentials,
    alice_api: APIClient,
    mailoutbox: list[Any],
    django_capture_on_commit_callbacks: Any,
) -> None:
    application, lead, co_tenant = household_of(alice)
    report_of(application, lead, co_tenant)

    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.post(
            f"/api/v1/applications/{application.id}/invitations",
            {"role": "GUARANTOR", "name": "Rui Lopes", "email": "rui@example.com"},
            format="json",
        )

    assert response.status_code == 201, response.content
    created = response.json()
    assert (created["role"], created["email"], created["status"]) == ("GUARANTOR", "rui@example.com", "SENT")
    assert created["intake_url"] == f"http://testserver/intake/{created['token']}/"
    invitation = Invitation.objects.get(id=created["id"])
    assert invitation.token_hash == intake_token_hash(created["token"])
    assert invitation.invited_by_user == alice.user
    assert [message.to for message in mailoutbox] == [["rui@example.com"]]
    assert created["intake_url"] in mailoutbox[0].body
    assert Application.objects.get(id=application.id).status == ApplicationStatus.WAITING
    event = AuditEvent.objects.get(action=AuditAction.INVITATION_SENT)
    assert (event.actor, event.target_id) == (alice.user, str(application.id))
    assert "Rui" not in str(event.details) and "rui@" not in str(event.details)
    # Their link is theirs: it says who invited them and never shows the token again to staff.
    info = APIClient().get(f"/api/v1/intake/{created['token']}").json()
    assert (info["role"], info["invited_by_name"]) == ("GUARANTOR", "Maria")
    detail = alice_api.get(f"/api/v1/applications/{application.id}").json()
    assert created["token"] not in str(detail)
    assert detail["members"][-1] == {
        "applicant_id": None, "role": "GUARANTOR", "name": "Rui Lopes", "status": None, "invitation_status": "SENT",
        "info_request": None,
    }  # fmt: skip


def test_staff_invitation_is_refused_while_the_application_is_being_screened(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    application, *_ = household_of(alice, status=ApplicationStatus.PROCESSING)
    response = alice_api.post(
        f"/api/v1/applications/{application.id}/invitations",
        {"role": "GUARANTOR", "name": "Rui Lopes", "email": "rui@example.com"},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "application_not_waiting"
    assert application.invitations.count() == 1


def test_staff_invitation_validates_role_name_and_email(alice: AgencyCredentials, alice_api: APIClient) -> None:
    application, *_ = household_of(alice)
    url = f"/api/v1/applications/{application.id}/invitations"
    for body in (
        {"role": "TENANT", "name": "Rui Lopes", "email": "rui@example.com"},
        {"role": "GUARANTOR", "name": " R ", "email": "rui@example.com"},
        {"role": "GUARANTOR", "name": "Rui Lopes", "email": "not-an-email"},
    ):
        assert alice_api.post(url, body, format="json").status_code == 400
    assert application.invitations.count() == 1
    # A role that is not one's to invite answers with the contract's code (cases probe 16: a bare field error).
    for role in ("TENANT", "tenant", "", None):
        refused = alice_api.post(url, {"role": role, "name": "Rui Lopes", "email": "rui@example.com"}, format="json")
        assert refused.status_code == 400
        assert refused.json()["code"] == "invalid_role", refused.content
    missing = alice_api.post(url, {"name": "Rui Lopes", "email": "rui@example.com"}, format="json")
    assert missing.status_code == 400 and "role" in missing.json()


# --- API: forced screening --------------------------------------------------------------------------


def test_forced_screening_runs_with_whoever_submitted_and_is_audited_with_ids_only(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application, lead, co_tenant = household_of(alice, status=ApplicationStatus.WAITING, guarantor_invited=True)
    waiting_for = application.invitations.get(role=Role.GUARANTOR)

    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.post(f"/api/v1/applications/{application.id}/screen", {"force": True}, format="json")

    assert response.status_code == 202, response.content
    assert response.json() == {"status": "PROCESSING"}
    assert Application.objects.get(id=application.id).status == ApplicationStatus.PROCESSING
    assert set(Applicant.objects.filter(application=application).values_list("status", flat=True)) == {"PROCESSING"}
    assert_queued(queued, lead=lead, force=False, supersedes=None)
    event = AuditEvent.objects.get(action=AuditAction.FORCED_SCREENING)
    assert (event.actor, event.target_type, event.target_id) == (alice.user, "application", str(application.id))
    assert set(event.details["applicant_ids"]) == {str(lead.id), str(co_tenant.id)}
    assert event.details["invitations_not_submitted"] == [str(waiting_for.id)]
    assert "Maria" not in str(event.details) and "Rui" not in str(event.details)


def test_a_person_left_out_of_a_forced_screening_finds_their_link_closed(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """docs/api.md: after a forced screening "their link answers 410". The cases probe found the link's read
    still answering 200 PENDING (only writes were refused), so an intake page showed an open form."""
    application, *_ = household_of(alice, status=ApplicationStatus.WAITING)
    token = "left-out-guarantor-token"
    invitation_of(
        application, role=Role.GUARANTOR, name="Rui Lopes", email="rui@example.com", token_hash=intake_token_hash(token)
    )
    assert APIClient().get(f"/api/v1/intake/{token}").json()["status"] == "PENDING"

    with django_capture_on_commit_callbacks(execute=True):
        alice_api.post(f"/api/v1/applications/{application.id}/screen", {"force": True}, format="json")

    read = APIClient().get(f"/api/v1/intake/{token}")
    assert read.status_code == 410
    assert read.json() == {
        "detail": "A candidatura já seguiu para análise sem esta pessoa.",
        "code": "form_already_submitted",
    }
    slot = {"filename": "cc.png", "content_type": "image/png", "size": 1000, "document_type": "ID_DOCUMENT"}
    write = APIClient().post(f"/api/v1/intake/{token}/uploads", slot, format="json")
    assert (write.status_code, write.json()["code"]) == (410, "form_already_submitted")
    # Their progress and a contest too: nothing of theirs was screened (cases probe 3 read "PENDING" and
    # "A candidatura ainda não foi analisada.").
    progress = APIClient().get(f"/api/v1/intake/{token}/status")
    assert (progress.status_code, progress.json()["code"]) == (410, "form_already_submitted")
    contest = APIClient().post(f"/api/v1/intake/{token}/contest", {"message": "Não concordo."}, format="json")
    assert (contest.status_code, contest.json()["code"]) == (410, "form_already_submitted")


def test_forcing_a_screened_application_again_replaces_its_report(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application, lead, co_tenant = household_of(alice)
    report = report_of(application, lead, co_tenant)
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.post(f"/api/v1/applications/{application.id}/screen", {"force": True}, format="json")
    assert response.status_code == 202
    assert_queued(queued, lead=lead, force=True, supersedes=str(report.id))


def test_screening_without_force_leaves_an_application_that_still_waits_alone(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application, *_ = household_of(alice, status=ApplicationStatus.WAITING, guarantor_invited=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.post(f"/api/v1/applications/{application.id}/screen", {}, format="json")
    assert response.status_code == 200
    assert response.json() == {"status": "WAITING"}
    assert not queued.called
    assert not AuditEvent.objects.filter(action=AuditAction.FORCED_SCREENING).exists()


def test_screening_without_force_starts_an_application_whose_invitations_expired(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application, lead, _ = household_of(alice, status=ApplicationStatus.WAITING, guarantor_invited=True)
    application.invitations.filter(role=Role.GUARANTOR).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.post(f"/api/v1/applications/{application.id}/screen", {}, format="json")
    assert response.status_code == 202
    assert_queued(queued, lead=lead, force=False, supersedes=None)


def test_forced_screening_is_refused_while_a_run_is_under_way_or_without_a_lead(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any
) -> None:
    running, *_ = household_of(alice, status=ApplicationStatus.PROCESSING)
    response = alice_api.post(f"/api/v1/applications/{running.id}/screen", {"force": True}, format="json")
    assert (response.status_code, response.json()["code"]) == (409, "application_not_waiting")

    leaderless, lead, _ = household_of(alice, status=ApplicationStatus.WAITING)
    lead.delete()
    response = alice_api.post(f"/api/v1/applications/{leaderless.id}/screen", {"force": True}, format="json")
    assert (response.status_code, response.json()["code"]) == (409, "application_without_lead")
    assert not queued.called


# --- Admin ----------------------------------------------------------------------------------------------


def test_admin_application_pages_are_scoped_to_the_agency(
    alice: AgencyCredentials, bob: AgencyCredentials, queued: Any, mailoutbox: list[Any]
) -> None:
    application, *_ = household_of(alice, status=ApplicationStatus.WAITING, guarantor_invited=True)
    invitation = application.invitations.get(role=Role.GUARANTOR)
    household_of(bob, title="T1 do Bob")
    bob_admin = admin_as(bob.user)

    assert bob_admin.get(f"/admin/applicants/application/{application.id}/change/").status_code == 404
    assert bob_admin.post(f"/admin/applicants/application/{application.id}/screen/").status_code == 404
    invite = {"role": "GUARANTOR", "name": "Eva Intrusa", "email": "eva@example.com"}
    assert bob_admin.post(f"/admin/applicants/application/{application.id}/invite/", invite).status_code == 404
    resend = f"/admin/applicants/application/{application.id}/invitations/{invitation.id}/resend/"
    assert bob_admin.post(resend).status_code == 404
    listing = bob_admin.get("/admin/applicants/application/").content.decode()
    assert "T1 do Bob" in listing and "T2 em Arroios" not in listing
    assert application.invitations.count() == 2
    assert not queued.called
    assert mailoutbox == []


def test_admin_lists_roles_states_and_the_guarantor_verdict_without_names(alice: AgencyCredentials) -> None:
    application, lead, co_tenant = household_of(alice, guarantor_invited=True)
    report_of(application, lead, co_tenant)
    page = admin_as(alice.user).get("/admin/applicants/application/").content.decode()
    assert "Arrendatário principal: Concluído" in page
    assert "Coarrendatário: Concluído" in page
    assert "Fiador: Enviado" in page
    assert "não cobre" in page
    assert "Maria" not in page and "Rui" not in page


def test_admin_application_page_masks_people_without_view_pii_and_audits_those_who_have_it(
    alice: AgencyCredentials,
) -> None:
    application, lead, co_tenant = household_of(alice, guarantor_invited=True)
    report_of(application, lead, co_tenant)
    url = f"/admin/applicants/application/{application.id}/change/"

    masked = admin_as(colleague_of(alice, "view_applicant")).get(url).content.decode()
    assert "M*** S***" in masked and "R*** L***" in masked and "r***@example.com" in masked
    assert "Maria Santos" not in masked and "rui@example.com" not in masked
    assert "Forçar análise" not in masked and "Enviar convite" not in masked
    assert not AuditEvent.objects.filter(action=AuditAction.PII_VIEWED).exists()

    page = admin_as(alice.user).get(url).content.decode()
    assert "Maria Santos" in page and "rui@example.com" in page
    assert "O fiador não cobre o encargo" in page
    assert "faltam 500,00 €" in page
    assert "Forçar análise" in page and "Enviar convite" in page
    viewed = AuditEvent.objects.filter(action=AuditAction.PII_VIEWED, details__surface="admin_application")
    assert viewed.count() == 2


def test_admin_application_page_prints_ratios_and_amounts_as_the_report_does(alice: AgencyCredentials) -> None:
    # Blind probe c25: "52 %" for 0.5172 (a ratio of 0.3485 printed "35 %", the MEDIUM line), "1450,00 €".
    application, lead, co_tenant = household_of(alice, guarantor_invited=True)
    report_of(application, lead, co_tenant)
    page = admin_as(alice.user).get(f"/admin/applicants/application/{application.id}/change/").content.decode()
    assert "<td>51,72 %</td>" in page and "<td>1 450,00 €</td>" in page and "<td>750,00 €</td>" in page
    assert "<td>58,62 %</td>" in page and "<td>850,00 €</td>" in page
    assert "taxa de esforço do fiador 37,5 %" in page and "(limite 30 %)" in page
    assert "faltam 500,00 € de rendimento mensal (necessários 2 500,00 €)" in page


def test_admin_application_page_numbers_several_guarantors_as_the_pdf_does(alice: AgencyCredentials) -> None:
    """Left alone in round 77: the PDF and the justification say "o fiador 2", and this page listed two rows
    "Fiador" and a verdict on "the guarantor", telling them apart by nothing."""
    application, lead, co_tenant = household_of(alice)
    first, second = "7d1c3c1e-7f3e-4d7a-9a55-2b0f4f7f1a01", "7d1c3c1e-7f3e-4d7a-9a55-2b0f4f7f1a02"
    guarantor = {"role": "GUARANTOR", "identity_verified": True, "income_verified": True, "income_share": None}
    report = report_of(application, lead, co_tenant)
    report.household["members"][2:] = [
        {**guarantor, "applicant_id": first, "average_monthly_income": "1200.00"},
        {**guarantor, "applicant_id": second, "average_monthly_income": "2000.00"},
    ]
    report.household["guarantor"]["applicant_id"] = second
    report.checks.append(
        {"name": "guarantor.dti", "passed": False, "evidence": "—", "applicant_id": second, "role": "GUARANTOR"}
    )
    report.save()

    page = admin_as(alice.user).get(f"/admin/applicants/application/{application.id}/change/").content.decode()

    members = re.search(r'<table data-testid="member-figures">.*?</table>', page, re.S)
    assert members
    assert re.findall(r"<tr><td>(Fiador[^<]*)</td>", members.group(0)) == ["Fiador 1", "Fiador 2"]
    verdict = re.search(r'<p data-testid="guarantor-verdict"[^>]*>(.*?)</p>', page, re.S)
    assert verdict and " ".join(re.sub(r"<[^>]+>", " ", verdict.group(1)).split()).startswith(
        "Fiador 2 — O fiador não cobre o encargo"
    ), verdict
    checks = re.search(r'<table data-testid="checks">.*?</table>', page, re.S)
    assert checks and "<td>Fiador 2</td>" in checks.group(0)


def test_admin_application_page_keeps_one_guarantor_unnumbered(alice: AgencyCredentials) -> None:
    application, lead, co_tenant = household_of(alice)
    report_of(application, lead, co_tenant)
    page = admin_as(alice.user).get(f"/admin/applicants/application/{application.id}/change/").content.decode()
    verdict = re.search(r'<p data-testid="guarantor-verdict"[^>]*>(.*?)</p>', page, re.S)
    assert verdict and "<strong>" not in verdict.group(1) and "Fiador 1" not in page


def test_admin_force_button_screens_with_whoever_submitted(
    alice: AgencyCredentials, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application, lead, _ = household_of(alice, status=ApplicationStatus.WAITING, guarantor_invited=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_as(alice.user).post(f"/admin/applicants/application/{application.id}/screen/")
    assert response.status_code == 302
    assert_queued(queued, lead=lead, force=False, supersedes=None)
    assert AuditEvent.objects.filter(action=AuditAction.FORCED_SCREENING, target_id=str(application.id)).exists()


def test_admin_invites_a_person_and_resends_a_link_ending_the_old_one(
    alice: AgencyCredentials, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    application, *_ = household_of(alice)
    client = admin_as(alice.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/applicants/application/{application.id}/invite/",
            {"role": "GUARANTOR", "name": "Rui Lopes", "email": "rui@example.com"},
            follow=True,
        )
    first = application.invitations.get(role=Role.GUARANTOR)
    assert "Convite criado" in response.content.decode()
    # Shown once with a button that copies it, whose script the page loads (blind probe r73c, F9).
    assert 'class="button copy-link"' in response.content.decode()
    assert "staff/copy_link" in response.content.decode()
    assert [m.to for m in mailoutbox] == [["rui@example.com"]]
    first_link = next(line for line in mailoutbox[0].body.splitlines() if "/intake/" in line).strip()
    first_token = first_link.rstrip("/").rsplit("/", 1)[1]
    assert APIClient().get(f"/api/v1/intake/{first_token}").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/applicants/application/{application.id}/invitations/{first.id}/resend/")

    first.refresh_from_db()
    assert first.expires_at <= timezone.now()
    assert first.effective_status == InvitationStatus.EXPIRED
    second = application.invitations.exclude(id=first.id).get(role=Role.GUARANTOR)
    assert (second.name, second.email, second.effective_status) == ("Rui Lopes", "rui@example.com", "SENT")
    assert len(mailoutbox) == 2 and first_link not in mailoutbox[1].body
    assert APIClient().get(f"/api/v1/intake/{first_token}").status_code == 410
    detail = api_as(alice.user).get(f"/api/v1/applications/{application.id}").json()
    assert [m["invitation_status"] for m in detail["members"] if m["role"] == "GUARANTOR"] == ["SENT"]
    # The lead's page counts the person once too (e2e probe 22: it listed the old link EXPIRED beside the new one).
    leads_page = household_status(SimpleNamespace(invitation=None, form_request=application.form_request))
    assert [m["invitation_status"] for m in leads_page if m["role"] == "GUARANTOR"] == ["SENT"]


def test_admin_invite_needs_the_permission_and_a_valid_form(alice: AgencyCredentials) -> None:
    application, *_ = household_of(alice)
    url = f"/admin/applicants/application/{application.id}/invite/"
    reader = admin_as(colleague_of(alice, "view_applicant"))
    assert reader.post(url, {"role": "GUARANTOR", "name": "Rui Lopes", "email": "rui@example.com"}).status_code == 403
    response = admin_as(alice.user).post(url, {"role": "TENANT", "name": "R", "email": "x"}, follow=True)
    assert "O convite não foi enviado. Papel: " in response.content.decode()
    assert application.invitations.count() == 1


def test_applicant_page_links_to_its_application(alice: AgencyCredentials) -> None:
    application, _, co_tenant = household_of(alice)
    page = admin_as(alice.user).get(f"/admin/applicants/applicant/{co_tenant.id}/change/").content.decode()
    assert f"/admin/applicants/application/{application.id}/change/" in page
    assert "Coarrendatário" in page


# --- Re-running a member re-runs the household ---------------------------------------------------------


def test_rescreening_a_co_tenant_reruns_the_household_under_its_lead(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application, lead, co_tenant = household_of(alice)
    report = report_of(application, lead, co_tenant)
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.post(f"/api/v1/applicants/{co_tenant.id}/rescreen", {"force": True}, format="json")
    assert response.status_code == 202
    assert_queued(queued, lead=lead, force=True, supersedes=str(report.id))
    assert set(Applicant.objects.filter(application=application).values_list("status", flat=True)) == {"PROCESSING"}
    assert Application.objects.get(id=application.id).status == ApplicationStatus.PROCESSING


def test_rescreening_a_member_of_a_waiting_application_leaves_it_waiting(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    application, _, co_tenant = household_of(alice, status=ApplicationStatus.WAITING, guarantor_invited=True)
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_api.post(f"/api/v1/applicants/{co_tenant.id}/rescreen", {"force": True}, format="json")
    # Left alone (200, nothing queued); to a client the member is PROCESSING, the application WAITING.
    assert (response.status_code, response.json()) == (200, {"status": "PROCESSING"})
    assert not queued.called
    assert Application.objects.get(id=application.id).status == ApplicationStatus.WAITING


def test_admin_application_page_shows_each_persons_authenticity_signals_and_the_proposal(
    alice: AgencyCredentials,
) -> None:
    application, lead, co_tenant = household_of(alice, guarantor_invited=True)
    report = report_of(application, lead, co_tenant)
    url = f"/admin/applicants/application/{application.id}/change/"
    assert 'data-testid="authenticity"' not in admin_as(alice.user).get(url).content.decode()
    report.authenticity = [
        {"document_id": "0f3c2a9e-0000-4000-8000-000000000002", "document_type": "PROOF_OF_INCOME",
         "kind": "RECIBO_VENCIMENTO", "highest": "HIGH", "raises": True, "applicant_id": str(co_tenant.id),
         "role": "CO_TENANT",
         "signals": [{"code": "DOCUMENT_REUSED", "severity": "HIGH", "source": "reuse", "explanation": "...",
                      "evidence": {"match": "file", "other_applicant_ids": [str(lead.id)]}}]}
    ]  # fmt: skip
    report.save(update_fields=["authenticity"])
    page = admin_as(alice.user).get(url).content.decode()
    assert 'data-testid="authenticity"' in page and "DOCUMENT_REUSED" in page
    assert f"/admin/applicants/applicant/{lead.id}/change/" in page
    assert 'data-testid="authenticity-proposal"' in page


# --- API: inviting the same person again ---------------------------------------------------------------------


def test_inviting_the_same_person_again_re_sends_their_link_and_the_old_one_ends(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, mailoutbox: list[Any]
) -> None:
    """Cases probe 7: staff invited a guarantor again through the API (same name and e-mail); both links stayed
    live, the guarantor used the first, and the application waited for the second for ever."""
    application, *_ = household_of(alice, status=ApplicationStatus.WAITING, guarantor_invited=True)
    first = application.invitations.get(role=Role.GUARANTOR)
    url = f"/api/v1/applications/{application.id}/invitations"

    response = alice_api.post(
        url, {"role": "GUARANTOR", "name": " rui  LOPES", "email": "Rui@Example.com"}, format="json"
    )

    assert response.status_code == 201, response.content
    first.refresh_from_db()
    assert first.expires_at <= timezone.now()  # the old link opens nothing any more
    live = application.invitations.filter(role=Role.GUARANTOR, expires_at__gt=timezone.now())
    assert [str(i.id) for i in live] == [response.json()["id"]]
    assert alice_api.get(f"/api/v1/intake/{response.json()['token']}").status_code == 200


def test_a_person_who_submitted_is_not_invited_again_but_another_person_with_their_e_mail_is(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any
) -> None:
    application, *_ = household_of(alice, status=ApplicationStatus.WAITING)
    url = f"/api/v1/applications/{application.id}/invitations"

    again = alice_api.post(
        url, {"role": "CO_TENANT", "name": "João Pereira", "email": "joao@example.com"}, format="json"
    )
    assert again.status_code == 409 and again.json()["code"] == "invitation_submitted"

    sharing = alice_api.post(
        url, {"role": "CO_TENANT", "name": "Ana Pereira", "email": "joao@example.com"}, format="json"
    )
    assert sharing.status_code == 201  # a couple sharing one address are two people


def test_a_screening_forced_without_some_invitees_says_who_is_not_in_it(alice: AgencyCredentials, queued: Any) -> None:
    """Cases probe 7: staff screened an application without the co-tenant and guarantor who never answered, and
    the report did not say anyone was left out. The state carries their roles (no names), a re-sent invitation
    once, and the report says it; whoever submitted is not listed."""
    from screening.rules.report import generate_report
    from screening.selectors import screening_state_build

    application, lead, _ = household_of(alice, status=ApplicationStatus.WAITING, guarantor_invited=True)
    invitation_of(application, role=Role.GUARANTOR, name="rui lopes", email="RUI@example.com")  # re-sent to him
    state = screening_state_build(applicant=lead)
    assert state["not_submitted"] == ["GUARANTOR"]

    report = generate_report(
        {
            **state,
            "identity": {"verified": True},
            "income": {"verified": True, "average_monthly_income": "1500.00", "method": "", "source": "payslips"},
            "affordability": {
                "risk_level": "LOW",
                "dti_ratio": "0.3000",
                "reasons": [],
                "cost_label": "renda mensal",
                "monthly_cost": "450.00",
            },
        }
    )
    assert "Convidados que não submeteram (fora desta análise): fiador." in report["justification"]
    assert "Rui" not in report["justification"]
