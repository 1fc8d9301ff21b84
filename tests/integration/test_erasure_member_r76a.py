"""Blind probe r76a, F2 (GDPR arts. 7(3), 17(1)(b)): one member of a household erased on their own.

Every person, co-tenants and guarantors included, accepts a notice saying that on withdrawing consent the agency
erases their data; ``DELETE /api/v1/applicants/{member}`` answered ``409 application_has_others`` for a co-tenant or
a guarantor, so the only way to erase one was to erase everyone. A member now goes alone, with every report that
screened them; the others are screened again without them (or wait for whoever is still to submit), and the lead
tenant hands the lead to the earliest co-tenant (ADR 011, docs/api.md ``DELETE /api/v1/applicants/{id}``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

import pytest
from django.test import Client
from rest_framework.test import APIClient

from applicants.models import (
    Applicant,
    ApplicantStatus,
    Application,
    ApplicationStatus,
    AuditAction,
    AuditEvent,
    Decision,
    FormStatus,
    IntakeFormRequest,
    Invitation,
    Role,
)
from applicants.services import AgencyCredentials, decision_record
from applicants.tokens import intake_token_hash
from documents.models import Document
from documents.storage import document_store
from screening.models import ScreeningReport
from tests.factories import ApplicantFactory, make_nif
from tests.integration.test_households_staff import assert_queued, household_of, invitation_of

pytestmark = pytest.mark.django_db

LEAD_LINK, CO_TENANT_LINK, GUARANTOR_LINK = "r76a-lead-link", "r76a-co-tenant-link", "r76a-guarantor-link"


@dataclass(frozen=True)
class Household:
    application: Application
    lead: Applicant
    co_tenant: Applicant
    guarantor: Applicant | None
    reports: list[ScreeningReport]
    decision: Decision
    key: str


def traces(person: Applicant) -> list[str]:
    """What of this person a report, an export or a page could hold: their id, NIF, name, e-mail."""
    return [str(person.id), person.nif, person.name, person.email]


def household_report(application: Application, people: list[Applicant], *, risk: str) -> ScreeningReport:
    """A household report as screening files it: under the lead, each person's checks tagged with their id, the
    guarantor's verdict, a justification that names who was not verified."""
    lead = people[0]
    guarantor = next((p for p in people if p.role == Role.GUARANTOR), None)
    members = [
        {"applicant_id": str(p.id), "role": p.role, "identity_verified": True, "income_verified": True,
         "average_monthly_income": "900.00", "income_share": None}
        for p in people
    ]  # fmt: skip
    checks = [
        {"name": "identity.name_match", "passed": True, "evidence": f"Nome {p.name} confere.", "field": "name",
         "value": p.name, "expected": p.name, "applicant_id": str(p.id), "role": p.role}
        for p in people
    ]  # fmt: skip
    verdict = None
    if guarantor is not None:
        verdict = {"applicant_id": str(guarantor.id), "covers": False, "identity_verified": True,
                   "dti_ratio": "0.3750", "threshold": "0.300", "income_needed": "2500.00", "shortfall": "500.00"}  # fmt: skip
    return cast(
        ScreeningReport,
        ScreeningReport.objects.create(
            organization_id=application.organization_id, applicant=lead, application=application, risk_level=risk,
            identity_verified=True, income_verified=True, dti_ratio=Decimal("0.4167"),
            average_monthly_income=Decimal("1800.00"), checks=checks, backend="rules", rules_version="test",
            justification="Risco. " + "; ".join(f"{p.name} ({p.nif})" for p in people),
            household={"household_monthly_income": "1800.00", "monthly_cost": "750.00", "members": members,
                       "guarantor": verdict},
        ),
    )  # fmt: skip


def screened_household(credentials: AgencyCredentials, *, guarantor: bool = True) -> Household:
    """Maria (lead), João (co-tenant, a stored file) and Rui (guarantor), each with their own link, screened twice
    (the current report and one in its history, both listing everyone); the household's decision on the lead rests
    on the current report."""
    application, lead, co_tenant = household_of(credentials)
    IntakeFormRequest.objects.filter(pk=application.form_request_id).update(
        token_hash=intake_token_hash(LEAD_LINK), status=FormStatus.COMPLETED
    )
    Invitation.objects.filter(applicant=co_tenant).update(token_hash=intake_token_hash(CO_TENANT_LINK))
    people = [lead, co_tenant]
    rui = None
    if guarantor:
        rui = cast(Applicant, ApplicantFactory(form_request=lead.form_request, application=application,
                                               role=Role.GUARANTOR, name="Rui Lopes", email="rui@example.com",
                                               nif=make_nif(2_345_678), status=ApplicantStatus.COMPLETED))  # fmt: skip
        invitation_of(application, role=Role.GUARANTOR, name="Rui Lopes", email="rui@example.com", applicant=rui,
                      token_hash=intake_token_hash(GUARANTOR_LINK))  # fmt: skip
        people.append(rui)
    earlier = household_report(application, people, risk="HIGH")
    ScreeningReport.objects.filter(pk=earlier.pk).update(created_at=earlier.created_at.replace(year=2025))
    current = household_report(application, people, risk="MEDIUM")
    Applicant.objects.filter(application=application).update(risk_level="MEDIUM")
    decision = decision_record(applicant=lead, decided_by=None, decision="APPROVED", reason="Aprovado.",
                               report_id=current.id)  # fmt: skip
    key = f"documents/{co_tenant.form_request_id}/{co_tenant.id}/recibo.pdf"
    document_store().put(key, b"%PDF-1.4", "application/pdf")
    Document.objects.create(organization=co_tenant.organization, applicant=co_tenant, document_type="PROOF_OF_INCOME",
                            storage_key=key, original_filename="recibo.pdf", content_type="application/pdf", size=8)  # fmt: skip
    return Household(application, lead, co_tenant, rui, [earlier, current], decision, key)


def erase(api: APIClient, person: Applicant, capture: Any) -> Any:
    with capture(execute=True):
        return api.delete(f"/api/v1/applicants/{person.id}")


def link(token: str, path: str = "") -> tuple[int, Any]:
    response = APIClient().get(f"/api/v1/intake/{token}{path}")
    return response.status_code, response.json()


# --- a co-tenant or a guarantor --------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["co_tenant", "guarantor"])
def test_a_co_tenant_or_a_guarantor_is_erased_alone_with_the_reports_that_screened_them(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any, who: str
) -> None:
    household = screened_household(alice)
    erased = cast(Applicant, getattr(household, who))
    kept = [p for p in (household.lead, household.co_tenant, household.guarantor) if p is not None and p != erased]

    response = erase(alice_api, erased, django_capture_on_commit_callbacks)

    assert response.status_code == 204, response.content
    assert not Applicant.objects.filter(id=erased.id).exists()
    assert set(Applicant.objects.filter(application=household.application).values_list("id", flat=True)) == {
        p.id for p in kept
    }
    # Every report that screened them went, the history included; the decision keeps its outcome, no report.
    assert not ScreeningReport.objects.filter(id__in=[r.id for r in household.reports]).exists()
    decision = Decision.objects.get(id=household.decision.id)
    assert (decision.decision, decision.report_id) == ("APPROVED", None)
    # The invitation that named them went too (the lead's page listed their name), and their link says why.
    assert not Invitation.objects.filter(application=household.application, role=erased.role).exists()
    token = CO_TENANT_LINK if who == "co_tenant" else GUARANTOR_LINK
    assert link(token)[0] == 410 and link(token)[1]["code"] == "data_erased"
    # The others are screened again without them, under the lead, with no report left to replace.
    application = Application.objects.get(id=household.application.id)
    assert application.status == ApplicationStatus.PROCESSING
    assert {(p.status, p.risk_level) for p in application.members.all()} == {(ApplicantStatus.PROCESSING, "")}
    assert_queued(queued, lead=household.lead, force=False, supersedes=None)


def test_a_co_tenants_files_go_and_the_trail_keeps_ids_and_counts_on_the_person_and_the_application(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    household = screened_household(alice)
    co_tenant, application = household.co_tenant, household.application

    assert erase(alice_api, co_tenant, django_capture_on_commit_callbacks).status_code == 204

    assert not Document.objects.filter(applicant_id=co_tenant.id).exists()
    assert document_store().stat(household.key) is None
    on_person = AuditEvent.objects.get(action=AuditAction.PURGED, target_type="applicant")
    assert on_person.target_id == str(co_tenant.id) and on_person.actor == alice.user
    assert on_person.details == {"reason": "erasure_request", "applicant_ids": [str(co_tenant.id)],
                                 "application_id": str(application.id), "files": 1, "reports": 2}  # fmt: skip
    on_application = AuditEvent.objects.get(action=AuditAction.PURGED, target_type="application")
    assert on_application.target_id == str(application.id)
    assert on_application.details == {"reason": "member_erased", "applicant_id": str(co_tenant.id), "reports": 2,
                                      "rescreened": True}  # fmt: skip
    trail = json.dumps([e.details for e in AuditEvent.objects.all()], ensure_ascii=False)
    assert not [t for t in traces(co_tenant)[1:] if t in trail]


def test_nothing_of_the_erased_member_is_left_in_a_report_the_others_export_or_their_status(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """A report that did not screen them (the lead's own, before anyone joined) stays; the rest is theirs."""
    household = screened_household(alice)
    lead, co_tenant, guarantor = household.lead, household.co_tenant, cast(Applicant, household.guarantor)
    alone_before = household_report(household.application, [lead], risk="HIGH")
    ScreeningReport.objects.filter(pk=alone_before.pk).update(created_at=alone_before.created_at.replace(year=2024))

    assert erase(alice_api, co_tenant, django_capture_on_commit_callbacks).status_code == 204

    left = list(ScreeningReport.objects.filter(organization_id=alice.organization.id))
    assert [r.id for r in left] == [alone_before.id]
    held = json.dumps(
        [[r.justification, r.checks, r.household, r.authenticity] for r in left]
        + [alice_api.get(f"/api/v1/applicants/{p.id}/export").json() for p in (lead, guarantor)]
        + [alice_api.get(f"/api/v1/applicants/{p.id}").json() for p in (lead, guarantor)]
        + [alice_api.get(f"/api/v1/applications/{household.application.id}").json()]
        + [link(LEAD_LINK, "/status")[1], link(GUARANTOR_LINK, "/status")[1]],
        ensure_ascii=False,
        default=str,
    )
    assert [t for t in traces(co_tenant) if t in held] == []
    assert lead.name in held and guarantor.name in held  # the others' own data is still there


def test_a_member_erased_while_someone_invited_has_yet_to_submit_leaves_the_application_waiting_for_them(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    household = screened_household(alice)
    invited = alice_api.post(
        f"/api/v1/applications/{household.application.id}/invitations",
        {"role": "CO_TENANT", "name": "Sofia Reis", "email": "sofia@example.com"},
        format="json",
    )
    assert invited.status_code == 201, invited.content

    assert erase(alice_api, cast(Applicant, household.guarantor), django_capture_on_commit_callbacks).status_code == 204

    application = Application.objects.get(id=household.application.id)
    assert application.status == ApplicationStatus.WAITING
    assert {(p.status, p.risk_level) for p in application.members.all()} == {(ApplicantStatus.WAITING, "")}
    assert not ScreeningReport.objects.filter(application=application).exists()
    queued.assert_not_called()
    assert link(invited.json()["token"])[0] == 200  # their link still opens; their submission screens the others
    purged = AuditEvent.objects.get(action=AuditAction.PURGED, target_type="application")
    assert purged.details["rescreened"] is False


# --- the lead tenant ---------------------------------------------------------------------------------------------


def test_the_lead_erased_hands_the_lead_to_the_earliest_co_tenant_and_their_old_link_opens_nothing(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    household = screened_household(alice)
    lead, co_tenant = household.lead, household.co_tenant
    later = cast(Applicant, ApplicantFactory(form_request=lead.form_request, application=household.application,
                                             role=Role.CO_TENANT, name="Sofia Reis", nif=make_nif(3_456_789),
                                             status=ApplicantStatus.COMPLETED))  # fmt: skip

    assert erase(alice_api, lead, django_capture_on_commit_callbacks).status_code == 204

    assert not Applicant.objects.filter(id=lead.id).exists()
    assert Applicant.objects.get(id=co_tenant.id).role == Role.TENANT
    assert Applicant.objects.get(id=later.id).role == Role.CO_TENANT
    assert not ScreeningReport.objects.filter(application=household.application).exists()
    # The form's link was the erased lead's: it opened the form's lead, now João; it says the data was erased.
    for path in ("", "/status"):
        status, body = link(LEAD_LINK, path)
        assert (status, body.get("code")) == (410, "data_erased"), path
    assert Client().get(f"/intake/{LEAD_LINK}/").status_code == 410
    # João keeps his own link, to his own data.
    status, body = link(CO_TENANT_LINK, "/status")
    assert status == 200 and body["status"] == ApplicantStatus.PROCESSING
    assert_queued(queued, lead=co_tenant, force=False, supersedes=None)
    purged = AuditEvent.objects.get(action=AuditAction.PURGED, target_type="application")
    assert purged.details["new_lead_id"] == str(co_tenant.id)


def test_a_lead_who_would_leave_only_guarantors_is_refused_saying_what_to_do(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    household = screened_household(alice)
    Applicant.objects.filter(id=household.co_tenant.id).delete()
    lead, guarantor = household.lead, cast(Applicant, household.guarantor)

    refused = erase(alice_api, lead, django_capture_on_commit_callbacks)

    assert refused.status_code == 409 and refused.json()["code"] == "application_has_others"
    assert "apague a candidatura inteira, ou apague primeiro os fiadores" in refused.json()["detail"]
    assert Applicant.objects.filter(id=lead.id).exists() and ScreeningReport.objects.exists()
    # What it says works: the guarantor first (the lead is screened again alone), then the lead with the application.
    assert erase(alice_api, guarantor, django_capture_on_commit_callbacks).status_code == 204
    Applicant.objects.filter(id=lead.id).update(status=ApplicantStatus.COMPLETED)
    Application.objects.filter(id=household.application.id).update(status=ApplicationStatus.COMPLETED)
    assert erase(alice_api, lead, django_capture_on_commit_callbacks).status_code == 204
    assert not Application.objects.filter(id=household.application.id).exists()


# --- guards ------------------------------------------------------------------------------------------------------


def test_another_agency_cannot_erase_a_member_nor_a_colleague_without_the_admins_permission(
    alice: AgencyCredentials, bob_api: APIClient, django_capture_on_commit_callbacks: Any
) -> None:
    from tests.integration.test_erasure import colleague_api

    household = screened_household(alice)
    assert erase(bob_api, household.co_tenant, django_capture_on_commit_callbacks).status_code == 404
    assert erase(colleague_api(alice), household.co_tenant, django_capture_on_commit_callbacks).status_code == 403
    assert Applicant.objects.filter(id=household.co_tenant.id).exists()
    assert ScreeningReport.objects.count() == 2


def being_screened(household: Household) -> Household:
    """The household as while its screening runs: the application and every member ``PROCESSING``."""
    Application.objects.filter(id=household.application.id).update(status=ApplicationStatus.PROCESSING)
    Applicant.objects.filter(application=household.application).update(status=ApplicantStatus.PROCESSING)
    return household


def test_a_member_of_a_household_being_screened_answers_applicant_processing(
    alice: AgencyCredentials, alice_api: APIClient, django_capture_on_commit_callbacks: Any
) -> None:
    household = being_screened(screened_household(alice))

    refused = erase(alice_api, household.co_tenant, django_capture_on_commit_callbacks)

    assert refused.status_code == 409 and refused.json()["code"] == "applicant_processing"
    assert Applicant.objects.filter(id=household.co_tenant.id).exists() and ScreeningReport.objects.count() == 2


def test_the_application_is_still_erased_whole(
    alice: AgencyCredentials, alice_api: APIClient, django_capture_on_commit_callbacks: Any
) -> None:
    household = screened_household(alice)
    with django_capture_on_commit_callbacks(execute=True):
        assert alice_api.delete(f"/api/v1/applications/{household.application.id}").status_code == 204
    assert not Applicant.objects.filter(organization=alice.organization).exists()
    assert not ScreeningReport.objects.exists() and not Application.objects.exists()


# --- the admin's "Remover" ----------------------------------------------------------------------------------------


def test_the_admins_remover_of_a_co_tenant_says_the_household_reports_go_and_the_others_are_screened_again(
    alice: AgencyCredentials, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    household = screened_household(alice)
    manager = Client()
    manager.force_login(alice.user)
    url = f"/admin/applicants/applicant/{household.co_tenant.id}/delete/"

    page = manager.get(url).content.decode()

    counts = page.split('data-testid="erasure-counts"', 1)[1].split("</ul>", 1)[0]
    assert "Relatórios de análise: 2" in counts and "Ficheiros guardados: 1" in counts
    consequences = page.split('data-testid="erasure-consequences"', 1)[1].split("</ul>", 1)[0]
    assert "Os relatórios da candidatura que analisaram esta pessoa (2) são apagados com ela" in consequences
    assert "As restantes pessoas da candidatura (2) são analisadas de novo, sem esta pessoa" in consequences
    with django_capture_on_commit_callbacks(execute=True):
        assert manager.post(url, {"post": "yes"}).status_code == 302
    assert not Applicant.objects.filter(id=household.co_tenant.id).exists()
    assert not ScreeningReport.objects.exists()
    assert_queued(queued, lead=household.lead, force=False, supersedes=None)
    # The lead's decision rested on a report that went with João: its history says so, not "decided without one".
    history = manager.get(f"/admin/applicants/applicant/{household.lead.id}/change/").content.decode()
    assert "Apagado com os dados de uma pessoa da candidatura" in history and "decidida sem relatório" not in history
    # The application's "Histórico" says one of its people was erased, not that its data was.
    trail = manager.get(f"/admin/applicants/application/{household.application.id}/history/").content.decode()
    trail = trail.split('data-testid="file-history"', 1)[1]
    assert "uma pessoa da candidatura, a seu pedido · as restantes analisadas de novo" in trail


def test_a_report_that_names_a_guarantor_only_in_its_verdict_goes_with_them(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """A household report's guarantor verdict holds the guarantor's income and shortfall: it screened them."""
    household = screened_household(alice)
    guarantor = cast(Applicant, household.guarantor)
    for report in household.reports:
        report.household["members"] = [m for m in report.household["members"] if m["role"] != Role.GUARANTOR]
        report.save(update_fields=["household"])

    assert erase(alice_api, guarantor, django_capture_on_commit_callbacks).status_code == 204

    assert not ScreeningReport.objects.exists()


def test_the_admins_remover_of_the_lead_names_who_takes_the_lead_or_says_why_not(alice: AgencyCredentials) -> None:
    household = screened_household(alice)
    manager = Client()
    manager.force_login(alice.user)
    url = f"/admin/applicants/applicant/{household.lead.id}/delete/"

    page = manager.get(url).content.decode()
    consequences = page.split('data-testid="erasure-consequences"', 1)[1].split("</ul>", 1)[0]
    assert "João Pereira (Coarrendatário) passa a arrendatário principal" in consequences

    Applicant.objects.filter(id=household.co_tenant.id).delete()
    refused = manager.get(url, follow=True).content.decode()
    assert "apague a candidatura inteira, ou apague primeiro os fiadores" in refused
    assert 'name="post"' not in refused
