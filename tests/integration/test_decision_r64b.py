"""Blind probe r64b (a DPO's audit), the decision and the export's figures.

- F4: a decision's ``reason`` (free text about a person) is encrypted at rest, and staff without ``view_pii``
  read ``null`` in the API and "(reservado)" in the PDF and the admin.
- F6: a decision names the report current when it was taken (``report_id``, in the API and the audit row),
  keeps it when a re-run adds a newer one, and says ``null`` when it was taken with none.
- F10: the export's guarantor figures are JSON numbers, as the API's.
"""

from __future__ import annotations

import datetime as dt
import importlib
from decimal import Decimal
from typing import Any, cast

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from applicants.models import Applicant, AuditAction, AuditEvent, Decision, Membership, Role
from applicants.services import AgencyCredentials, staff_permissions_grant
from screening.models import ScreeningReport
from tests.factories import ApplicantFactory, IntakeFormRequestFactory, UserFactory
from tests.integration.test_privacy_c27 import a_household, export_of, household_report
from workspace.report_pdf import report_pdf_view

pytestmark = pytest.mark.django_db

# What the probe's agent wrote about a person, as staff do.
REASON = "Rodrigo Antunes Vieira: penhora de vencimento confirmada por telefone (915 640 404)"
IN_THE_REASON = ("Rodrigo", "Vieira", "915 640 404", "penhora")


@pytest.fixture
def no_pii(alice: AgencyCredentials) -> Any:
    """An agent of alice's agency with every staff permission but ``view_pii`` (``add_staff --no-pii``)."""
    user: Any = UserFactory()
    Membership.objects.create(user=user, organization=alice.organization)
    staff_permissions_grant(user=user)
    user.user_permissions.remove(Permission.objects.get(codename="view_pii"))
    user = type(user).objects.get(pk=user.pk)
    assert not user.has_perm("applicants.view_pii") and user.has_perm("applicants.add_decision")
    return user


def api_of(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def admin_of(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def an_applicant(alice: AgencyCredentials) -> Applicant:
    form = IntakeFormRequestFactory(organization=alice.organization, property_price=Decimal("750.00"))
    return cast(Applicant, ApplicantFactory(form_request=form))


def a_report(applicant: Applicant, *, risk: str = "LOW", at: dt.datetime | None = None) -> ScreeningReport:
    return ScreeningReport.objects.create(
        organization_id=applicant.organization_id,
        applicant=applicant,
        application=applicant.application,
        risk_level=risk,
        identity_verified=True,
        income_verified=True,
        dti_ratio=Decimal("0.4180"),
        average_monthly_income=Decimal("1794.33"),
        justification="Risco baixo.",
        backend="rules",
        rules_version="t",
        created_at=at or timezone.now(),
    )


def decide(api: APIClient, applicant: Applicant, decision: str = "REJECTED", reason: str = REASON) -> dict[str, Any]:
    response = api.post(
        f"/api/v1/applicants/{applicant.id}/decision", {"decision": decision, "reason": reason}, format="json"
    )
    assert response.status_code == 201, response.content
    return cast(dict[str, Any], response.json())


def raw_reasons() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reason FROM applicants_decision")
        return " ".join(str(row[0]) for row in cursor.fetchall())


# --- F4 -------------------------------------------------------------------------------------------------------


def test_a_decisions_reason_is_stored_encrypted_and_read_back_whole(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    applicant = an_applicant(alice)

    assert decide(alice_api, applicant)["reason"] == REASON

    raw = raw_reasons()
    assert raw and not any(text in raw for text in IN_THE_REASON)
    assert Decision.objects.get(applicant=applicant).reason == REASON


def test_a_blank_reason_is_still_refused_without_the_check_constraint(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    applicant = an_applicant(alice)
    response = alice_api.post(
        f"/api/v1/applicants/{applicant.id}/decision", {"decision": "APPROVED", "reason": "   "}, format="json"
    )
    assert response.status_code == 400 and "reason" in str(response.json())
    assert not Decision.objects.exists()


def test_staff_without_view_pii_read_no_reason_in_the_api(
    alice: AgencyCredentials, alice_api: APIClient, no_pii: Any
) -> None:
    lead, [guarantor] = a_household(alice, Role.GUARANTOR)
    decide(alice_api, lead)
    masked = api_of(no_pii)

    detail = masked.get(f"/api/v1/applicants/{lead.id}").json()
    application = masked.get(f"/api/v1/applications/{lead.application_id}").json()
    listed = masked.get("/api/v1/applications").json()["results"]
    own = decide(masked, guarantor, "APPROVED", reason=REASON)

    assert detail["decision"]["decision"] == "REJECTED" and detail["decision"]["reason"] is None
    assert application["decision"]["reason"] is None and listed[0]["decision"]["reason"] is None
    assert own["reason"] is None  # even their own: the API answers by the reader's permission
    seen = str([detail, application, listed, own])
    assert not any(text in seen for text in IN_THE_REASON)
    # Staff with view_pii read it.
    assert alice_api.get(f"/api/v1/applicants/{lead.id}").json()["decision"]["reason"] == REASON


def test_the_pdf_and_the_admin_print_the_reason_reserved_without_view_pii(
    alice: AgencyCredentials, alice_api: APIClient, no_pii: Any
) -> None:
    applicant = an_applicant(alice)
    report = a_report(applicant)
    decide(alice_api, applicant)
    decision = Decision.objects.get()

    assert report_pdf_view(applicant=applicant, report=report, can_view_pii=False)["decisions"][0]["reason"] == (
        "(reservado)"
    )
    assert report_pdf_view(applicant=applicant, report=report, can_view_pii=True)["decisions"][0]["reason"] == REASON

    for page in (
        f"/admin/applicants/applicant/{applicant.id}/change/",
        f"/admin/applicants/decision/{decision.id}/change/",
    ):
        masked = admin_of(no_pii).get(page)
        assert masked.status_code == 200, page
        text = masked.content.decode()
        assert "(reservado)" in text and not any(t in text for t in IN_THE_REASON), page
        plain = admin_of(alice.user).get(page)
        assert plain.status_code == 200 and "Rodrigo Antunes Vieira" in plain.content.decode(), page


# --- F6 -------------------------------------------------------------------------------------------------------


def decision_audit(applicant: Applicant) -> list[dict[str, Any]]:
    events = AuditEvent.objects.filter(action=AuditAction.DECISION_RECORDED, target_id=str(applicant.id))
    return [event.details for event in events.order_by("created_at")]


def test_a_decision_names_the_report_it_rested_on_and_keeps_it_after_a_rerun(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    applicant = an_applicant(alice)
    first = a_report(applicant, risk="HIGH", at=timezone.now() - dt.timedelta(hours=1))

    taken = decide(alice_api, applicant)
    second = a_report(applicant, risk="LOW")  # a re-run adds a newer report

    assert taken["report_id"] == str(first.id)
    assert alice_api.get(f"/api/v1/applicants/{applicant.id}").json()["decision"]["report_id"] == str(first.id)
    assert Decision.objects.get().report_id == first.id
    assert decide(alice_api, applicant, "APPROVED")["report_id"] == str(second.id)
    assert [d["report_id"] for d in decision_audit(applicant)] == [str(first.id), str(second.id)]
    exported = alice_api.get(f"/api/v1/applicants/{applicant.id}/export").json()
    assert [d["report_id"] for d in exported["decisions"]] == [str(first.id), str(second.id)]
    # The reports the decisions name are in the export by their ids (blind probe r65a).
    assert [(r["id"], r["resubmission"]) for r in exported["reports"]] == [
        (str(first.id), False),
        (str(second.id), False),
    ]


def test_a_household_members_decision_names_the_applications_report_filed_under_the_lead(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    lead, [guarantor] = a_household(alice, Role.GUARANTOR)
    report = household_report(lead, [guarantor], income="850.00", dti="0.8824")

    taken = decide(alice_api, guarantor, "MORE_INFO")

    assert taken["report_id"] == str(report.id)
    application = alice_api.get(f"/api/v1/applications/{lead.application_id}").json()
    assert application["decision"]["report_id"] == str(report.id)


def test_a_decision_without_a_report_is_recorded_and_says_so(alice: AgencyCredentials, alice_api: APIClient) -> None:
    applicant = an_applicant(alice)

    taken = decide(alice_api, applicant, "APPROVED")

    assert taken["report_id"] is None
    assert alice_api.get(f"/api/v1/applicants/{applicant.id}").json()["decision"]["report_id"] is None
    assert decision_audit(applicant) == [
        {"decision": "APPROVED", "decision_id": str(Decision.objects.get().id), "report_id": None}
    ]
    page = admin_of(alice.user).get(f"/admin/applicants/applicant/{applicant.id}/change/").content.decode()
    assert "decidida sem relatório" in page


def test_the_admins_decision_form_records_the_report_too(alice: AgencyCredentials) -> None:
    applicant = an_applicant(alice)
    report = a_report(applicant)

    response = admin_of(alice.user).post(
        f"/admin/applicants/applicant/{applicant.id}/decide/",
        {"decision": "APPROVED", "reason": "Rendimento suficiente.", "seen_decision": ""},
    )

    assert response.status_code == 302
    assert Decision.objects.get().report_id == report.id
    assert decision_audit(applicant)[0]["report_id"] == str(report.id)


# --- F10 ------------------------------------------------------------------------------------------------------


def test_the_exports_guarantor_figures_are_json_numbers(alice: AgencyCredentials, alice_api: APIClient) -> None:
    lead, [guarantor] = a_household(alice, Role.GUARANTOR)
    household_report(lead, [guarantor], income="850.00", dti="0.8824")

    [report] = export_of(alice_api, guarantor)["reports"]

    figures = {key: report["guarantor"][key] for key in ("dti_ratio", "threshold", "income_needed", "shortfall")}
    assert figures == {"dti_ratio": 0.375, "threshold": 0.3, "income_needed": 2500.0, "shortfall": 500.0}
    assert all(type(value) is float for value in figures.values())


# --- The migration ----------------------------------------------------------------------------------------------


def test_the_migration_encrypts_the_reasons_written_in_clear_and_links_the_report_then_current(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    from django.apps import apps as django_apps
    from django.db.migrations.loader import MigrationLoader

    migration = importlib.import_module("applicants.migrations.0021_decision_reason_encrypted_and_report")
    applicant = an_applicant(alice)
    before = a_report(applicant, risk="HIGH", at=timezone.now() - dt.timedelta(days=2))
    decide(alice_api, applicant)
    a_report(applicant, risk="LOW")  # written after the decision: not the one it rested on
    with connection.cursor() as cursor:  # as rows written before the migration: plain text, no report
        cursor.execute("UPDATE applicants_decision SET reason = %s, report_id = NULL", [REASON])
    before_it = MigrationLoader(connection).project_state(("applicants", "0018_erased_links")).apps

    migration.reasons_encrypt(before_it, None)
    migration.reports_link(django_apps, None)

    assert not any(text in raw_reasons() for text in IN_THE_REASON)
    decision = Decision.objects.get()
    assert (decision.reason, decision.report_id) == (REASON, before.id)
