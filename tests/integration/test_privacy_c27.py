"""Blind security probe C27: what a household member's GDPR export holds, how many invitation e-mails an
applicant's link can make the agency send and with what name, and what an invitation shows staff without
``view_pii``."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, cast

import pytest
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from applicants.models import Applicant, ApplicantStatus, Application, Membership, Role
from applicants.services import AgencyCredentials
from screening.models import ScreeningReport
from tests.factories import ApplicantFactory, IntakeFormRequestFactory, UserFactory, make_nif

pytestmark = pytest.mark.django_db


# --- F1: a member's export holds what the report says about them, and nothing about the others ----------------


def member(application: Application, role: str, seed: int, name: str) -> Applicant:
    return cast(
        Applicant,
        ApplicantFactory(
            form_request=application.form_request,
            application=application,
            role=role,
            name=name,
            nif=make_nif(seed),
            status=ApplicantStatus.COMPLETED,
        ),
    )


def check(name: str, about: Applicant | None, value: Any = None, expected: Any = None) -> dict[str, Any]:
    return {
        "name": name,
        "passed": False,
        "evidence": "...",
        "field": None,
        "value": value,
        "expected": expected,
        "applicant_id": str(about.id) if about else None,
        "role": about.role if about else None,
    }


def household_report(lead: Applicant, others: list[Applicant], *, income: str, dti: str) -> ScreeningReport:
    """A household report as screening files it: under the lead, each person's checks tagged with their id."""
    people = [lead, *others]
    guarantor = next((p for p in people if p.role == Role.GUARANTOR), None)
    incomes = {Role.TENANT: "850.00", Role.CO_TENANT: "600.00", Role.GUARANTOR: "2000.00"}
    checks = [check("income.payslip_owner", p, value=p.nif, expected=p.nif) for p in people]
    checks.append(check("affordability.dti", None, value=dti, expected="<= 0.400"))
    household: dict[str, Any] = {
        "household_monthly_income": income,
        "monthly_cost": "750.00",
        "members": [
            {"applicant_id": str(p.id), "role": p.role, "identity_verified": True, "income_verified": True,
             "average_monthly_income": incomes[p.role], "income_share": None}
            for p in people
        ],  # fmt: skip
        "guarantor": None,
    }
    if guarantor is not None:
        household["guarantor"] = {"applicant_id": str(guarantor.id), "covers": False, "identity_verified": True,
                                  "dti_ratio": "0.3750", "threshold": "0.300", "income_needed": "2500.00",
                                  "shortfall": "500.00"}  # fmt: skip
        checks.append(check("household.guarantor_covers", None, value="0.3750", expected="<= 0.300"))
    return cast(
        ScreeningReport,
        ScreeningReport.objects.create(
            organization_id=lead.organization_id,
            applicant=lead,
            application=lead.application,
            risk_level="HIGH",
            identity_verified=True,
            income_verified=True,
            dti_ratio=Decimal(dti),
            average_monthly_income=Decimal(income),
            justification="Risco alto. Fiador não cobre a renda: faltam 500,00 €.",
            checks=checks,
            household=household,
            backend="rules",
            rules_version="test",
        ),
    )


def a_household(credentials: AgencyCredentials, *roles: str) -> tuple[Applicant, list[Applicant]]:
    form = IntakeFormRequestFactory(organization=credentials.organization, property_price=Decimal("750.00"))
    application = Application.objects.create(organization=credentials.organization, form_request=form)
    lead = member(application, Role.TENANT, 245_718_93, "João Pedro Almeida")
    names = {Role.CO_TENANT: "Ana Pereira", Role.GUARANTOR: "Rui Lopes"}
    return lead, [member(application, role, 212_345_67 + i, names[role]) for i, role in enumerate(roles)]


def export_of(api: APIClient, person: Applicant) -> dict[str, Any]:
    response = api.get(f"/api/v1/applicants/{person.id}/export")
    assert response.status_code == 200, response.content
    return cast(dict[str, Any], response.json())


def test_a_lead_tenants_export_holds_their_checks_and_none_of_the_guarantors(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    """Probe C27 F1: the lead's export held the guarantor's checks, with the guarantor's NIF as ``expected``."""
    lead, [guarantor] = a_household(alice, Role.GUARANTOR)
    household_report(lead, [guarantor], income="850.00", dti="0.8824")

    export = export_of(alice_api, lead)

    assert guarantor.nif not in json.dumps(export) and str(guarantor.id) not in json.dumps(export)
    [report] = export["reports"]
    assert {(c["name"], c["applicant_id"]) for c in report["checks"]} == {
        ("income.payslip_owner", str(lead.id)),
        ("affordability.dti", None),  # the lead is the one tenant: the household's ratio is theirs alone
    }
    assert (report["role"], report["average_monthly_income"], report["dti_ratio"]) == ("TENANT", 850.0, 0.8824)
    assert report["guarantor"] is None and report["justification"] is None  # the text quotes the shortfall
    assert report["risk_level"] == "HIGH"


def test_a_guarantors_export_holds_the_checks_and_the_verdict_about_them(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    """Probe C27 F1: the guarantor's own export had ``reports: []``."""
    lead, [guarantor] = a_household(alice, Role.GUARANTOR)
    household_report(lead, [guarantor], income="850.00", dti="0.8824")

    export = export_of(alice_api, guarantor)

    assert lead.nif not in json.dumps(export) and str(lead.id) not in json.dumps(export)
    [report] = export["reports"]
    assert {(c["name"], c["applicant_id"]) for c in report["checks"]} == {
        ("income.payslip_owner", str(guarantor.id)),
        ("household.guarantor_covers", None),
    }
    assert (report["role"], report["average_monthly_income"]) == ("GUARANTOR", 2000.0)
    assert report["guarantor"]["shortfall"] == "500.00"
    assert report["dti_ratio"] is None  # the tenants' ratio is the lead's income given back


def test_with_two_tenants_neither_export_carries_the_combined_income_that_gives_the_other_ones_back(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    lead, [co_tenant] = a_household(alice, Role.CO_TENANT)
    household_report(lead, [co_tenant], income="1450.00", dti="0.5172")

    for person, other in ((lead, co_tenant), (co_tenant, lead)):
        [report] = export_of(alice_api, person)["reports"]
        text = json.dumps(report)
        assert "1450" not in text and "0.5172" not in text and other.nif not in text
        assert [c["applicant_id"] for c in report["checks"]] == [str(person.id)]
        assert report["dti_ratio"] is None


def test_a_one_person_export_keeps_the_whole_report(alice: AgencyCredentials, alice_api: APIClient) -> None:
    applicant = cast(Applicant, ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization),
                                                 status=ApplicantStatus.COMPLETED))  # fmt: skip
    ScreeningReport.objects.create(
        organization_id=applicant.organization_id, applicant=applicant, risk_level="LOW", identity_verified=True,
        income_verified=True, dti_ratio=Decimal("0.3"), average_monthly_income=Decimal("3000"),
        justification="Risco baixo.", checks=[check("identity.nif_match", None)], backend="rules", rules_version="t",
    )  # fmt: skip
    [report] = export_of(alice_api, applicant)["reports"]
    assert (report["justification"], report["dti_ratio"], len(report["checks"])) == ("Risco baixo.", 0.3, 1)


def colleague_api(credentials: AgencyCredentials, *codenames: str) -> APIClient:
    user = UserFactory()
    Membership.objects.create(user=user, organization=credentials.organization)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client = APIClient()
    client.force_authenticate(user)
    return client
