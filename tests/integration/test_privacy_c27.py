"""Blind security probe C27: what a household member's GDPR export holds, how many invitation e-mails an
applicant's link can make the agency send and with what name, and what an invitation shows staff without
``view_pii``."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, cast

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from rest_framework.test import APIClient

from applicants.models import Applicant, ApplicantStatus, Application, Membership, Role
from applicants.services import AgencyCredentials
from screening.models import ScreeningReport
from tests.factories import ApplicantFactory, IntakeFormRequestFactory, UserFactory, make_nif
from tests.helpers import form_request_create, submission_body

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
            {
                "applicant_id": str(p.id),
                "role": p.role,
                "identity_verified": True,
                "income_verified": True,
                "average_monthly_income": incomes[p.role],
                "income_share": None,
            }
            for p in people
        ],
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
    assert report["guarantor"]["shortfall"] == 500.0
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


def signal_entry(about: Applicant | None, *others: Applicant) -> dict[str, Any]:
    """An authenticity section as screening files it: one document, a reuse signal naming the others who sent it."""
    evidence: dict[str, Any] = {"match": "file"}
    if others:
        evidence["other_applicant_ids"] = [str(other.id) for other in others]
    return {
        "document_id": "0b7d7a4e-4b7e-4d47-9d0f-6c1f1c1f1c1f",
        **({"applicant_id": str(about.id), "role": about.role} if about else {}),
        "document_type": "PROOF_OF_INCOME", "kind": "RECIBO_VENCIMENTO", "description": "o recibo de vencimento",
        "highest": "HIGH", "raises": True,
        "signals": [{"code": "DOCUMENT_SEEN_IN_AGENCY", "severity": "HIGH", "source": "reuse",
                     "explanation": "...", "evidence": evidence}],
    }  # fmt: skip


def test_an_export_holds_the_authenticity_signals_about_the_persons_own_documents_only(
    alice: AgencyCredentials, alice_api: APIClient
) -> None:
    """Probe C27: what the screening found in a person's files was missing from their export (art. 15); another
    applicant named by a reuse signal is theirs, so only how many there were goes out."""
    lead, [guarantor] = a_household(alice, Role.GUARANTOR)
    stranger = cast(Applicant, ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization)))
    report = household_report(lead, [guarantor], income="850.00", dti="0.8824")
    report.authenticity = [signal_entry(lead, stranger), signal_entry(guarantor)]
    report.save()

    [lead_report] = export_of(alice_api, lead)["reports"]
    [guarantor_report] = export_of(alice_api, guarantor)["reports"]

    assert [e["applicant_id"] for e in lead_report["authenticity"]] == [str(lead.id)]
    [signal] = lead_report["authenticity"][0]["signals"]
    assert signal["evidence"] == {"match": "file", "other_applicants": 1}
    assert str(stranger.id) not in json.dumps(lead_report)
    assert [e["applicant_id"] for e in guarantor_report["authenticity"]] == [str(guarantor.id)]
    assert guarantor_report["authenticity"][0]["signals"][0]["evidence"] == {"match": "file"}

    alone = cast(Applicant, ApplicantFactory(form_request=IntakeFormRequestFactory(organization=alice.organization)))
    ScreeningReport.objects.create(
        organization_id=alone.organization_id, applicant=alone, risk_level="MEDIUM", identity_verified=True,
        income_verified=True, justification="...", checks=[], backend="rules", rules_version="t",
        authenticity=[signal_entry(None, stranger)],
    )  # fmt: skip
    [whole] = export_of(alice_api, alone)["reports"]
    assert [s["evidence"] for e in whole["authenticity"] for s in e["signals"]] == [
        {"match": "file", "other_applicants": 1}
    ]


def colleague_api(credentials: AgencyCredentials, *codenames: str) -> APIClient:
    user = UserFactory()
    Membership.objects.create(user=user, organization=credentials.organization)
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client = APIClient()
    client.force_authenticate(user)
    return client


# --- F2: an applicant's link sends a bounded number of invitations, each to a person's name ----------------------

PROBE_NAME = "Urgente: confirme os seus dados em http://phish.example/login"


def submitted_lead(api: APIClient, capture: Any, **household: Any) -> str:
    """A lead tenant who submitted (no documents) inviting one guarantor: their link, the application waiting."""
    form = form_request_create(api)
    body = submission_body(make_nif(31_415_92), [], household=[
        {"role": "GUARANTOR", "name": "Rui Lopes", "email": "rui@example.com"}])  # fmt: skip
    with capture(execute=True):
        response = APIClient().post(f"/api/v1/intake/{form['token']}/submissions", body, format="json")
    assert response.status_code == 201, response.content
    return str(form["token"])


def invite(token: str, capture: Any, name: str, email: str, role: str = "CO_TENANT") -> Any:
    with capture(execute=True):
        return APIClient().post(
            f"/api/v1/intake/{token}/invitations", {"role": role, "name": name, "email": email}, format="json"
        )


def test_an_applicants_link_re_sends_one_persons_link_twice_and_no_more(
    alice_api: APIClient, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    """Probe C27 F2: 25 of 25 re-sends to one address answered 201, each an e-mail sent as the agency."""
    token = submitted_lead(alice_api, django_capture_on_commit_callbacks)
    codes = [invite(token, django_capture_on_commit_callbacks, "Ana Vítima", "victim@example.com").status_code
             for _ in range(5)]  # fmt: skip
    assert codes == [201, 201, 201, 400, 400]
    refused = invite(token, django_capture_on_commit_callbacks, "ana  VÍTIMA", "Victim@example.com")
    assert (refused.status_code, refused.json()["code"]) == (400, "too_many_invitations")
    assert "victim" not in refused.json()["detail"].lower() and "Ana" not in refused.json()["detail"]
    assert sum(m.to == ["victim@example.com"] for m in mailoutbox) == 3
    # Someone else is still invited (a place of the household).
    assert invite(token, django_capture_on_commit_callbacks, "Rita Sousa", "rita@example.com").status_code == 201


def test_an_applicants_link_sends_at_most_two_invitations_a_place_for_the_whole_application(
    alice_api: APIClient, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.INTAKE_MAX_HOUSEHOLD_MEMBERS = 3
    token = submitted_lead(alice_api, django_capture_on_commit_callbacks)  # 1: the guarantor
    people = [("Ana Sousa", "ana@example.com"), ("Eva Lima", "eva@example.com")]
    sent = [invite(token, django_capture_on_commit_callbacks, n, e).status_code for n, e in people]  # 3
    sent += [invite(token, django_capture_on_commit_callbacks, n, e).status_code for n, e in people]  # 5
    sent.append(invite(token, django_capture_on_commit_callbacks, "Rui Lopes", "rui@example.com", "GUARANTOR")
                .status_code)  # fmt: skip  # 6: two a place
    assert sent == [201] * 5
    refused = invite(token, django_capture_on_commit_callbacks, "Ana Sousa", "ana@example.com")
    assert (refused.status_code, refused.json()["code"]) == (400, "too_many_invitations")


@pytest.mark.parametrize(
    "name", [PROBE_NAME, "phish.example", "Rui x.co", "rui@example.com", "Rui Lopes 912345678", "Rui2", "<b>Rui</b>"]
)
def test_an_invitees_name_is_a_persons_name_on_the_applicants_link_and_the_staff_endpoint(
    alice: AgencyCredentials, alice_api: APIClient, name: str, django_capture_on_commit_callbacks: Any
) -> None:
    """Probe C27 F2: the e-mail's greeting read "Olá Urgente: confirme os seus dados em http://phish.example/login,"."""
    token = submitted_lead(alice_api, django_capture_on_commit_callbacks)
    refused = invite(token, django_capture_on_commit_callbacks, name, "victim@example.com")
    assert refused.status_code == 400 and "name" in refused.json(), refused.content
    application = Application.objects.get()
    by_staff = alice_api.post(f"/api/v1/applications/{application.id}/invitations",
                              {"role": "GUARANTOR", "name": name, "email": "victim@example.com"}, format="json")  # fmt: skip
    assert by_staff.status_code == 400 and "name" in by_staff.json(), by_staff.content
    assert application.invitations.count() == 1


@pytest.mark.parametrize("name", [PROBE_NAME, "maria@example.com", "Maria Santos 912345678"])
def test_the_lead_tenants_own_name_is_a_persons_name_too(alice_api: APIClient, name: str) -> None:
    """Probe C27: only invitees' names were held to the rule, yet the lead's first name greets every invitee in the
    invitation e-mail and on their link's page."""
    form = form_request_create(alice_api)
    body = submission_body(make_nif(27_182_81), [], name=name)
    refused = APIClient().post(f"/api/v1/intake/{form['token']}/submissions", body, format="json")
    assert refused.status_code == 400 and "name" in refused.json(), refused.content
    assert not Applicant.objects.exists()
    accepted = APIClient().post(
        f"/api/v1/intake/{form['token']}/submissions", {**body, "name": "Ana-Rita d'Ávila"}, format="json"
    )
    assert accepted.status_code == 201, accepted.content


def test_names_of_any_language_with_apostrophes_hyphens_and_initials_are_invited(
    alice_api: APIClient, django_capture_on_commit_callbacks: Any
) -> None:
    token = submitted_lead(alice_api, django_capture_on_commit_callbacks)
    for i, name in enumerate(["Lucía García-López", "J.P. d'Almeida", "Sr. O’Neill", "Χρήστος Παπαδόπουλος"]):
        response = invite(token, django_capture_on_commit_callbacks, name, f"p{i}@example.com")
        assert response.status_code == 201, (name, response.content)


def test_the_admins_invitation_form_refuses_what_is_not_a_persons_name(alice: AgencyCredentials) -> None:
    form = IntakeFormRequestFactory(organization=alice.organization)
    application = Application.objects.create(organization=alice.organization, form_request=form)
    client = Client()
    client.force_login(alice.user)
    response = client.post(f"/admin/applicants/application/{application.id}/invite/",
                           {"role": "GUARANTOR", "name": PROBE_NAME, "email": "victim@example.com"}, follow=True)  # fmt: skip
    assert "O convite não foi enviado. Nome: Indique o nome." in response.content.decode()
    assert not application.invitations.exists()


# --- F3: staff without view_pii invite, and the link goes only to the person ---------------------------------------


def test_staff_without_view_pii_invite_but_get_no_link_that_shows_the_lead_tenants_name(
    alice: AgencyCredentials, mailoutbox: list[Any], django_capture_on_commit_callbacks: Any
) -> None:
    """Probe C27 F3: a --no-pii user's invitation returned its token, and the link's page read "João"."""
    lead, _ = a_household(alice)
    no_pii = colleague_api(alice, "view_applicant", "add_intakeformrequest")
    with django_capture_on_commit_callbacks(execute=True):
        response = no_pii.post(f"/api/v1/applications/{lead.application_id}/invitations",
                               {"role": "GUARANTOR", "name": "Rui Lopes", "email": "rui@example.com"}, format="json")  # fmt: skip
    assert response.status_code == 201, response.content
    assert (response.json()["token"], response.json()["intake_url"]) == (None, None)
    # The person still gets their link, and it is theirs: it names the lead, to them only.
    [mail] = mailoutbox
    token = next(line for line in mail.body.splitlines() if "/intake/" in line).strip().rstrip("/").rsplit("/", 1)[1]
    assert token not in json.dumps(response.json())
    assert APIClient().get(f"/api/v1/intake/{token}").json()["invited_by_name"] == "João"


def test_the_admin_shows_a_new_link_only_to_staff_with_view_pii(alice: AgencyCredentials) -> None:
    lead, _ = a_household(alice)
    url = f"/admin/applicants/application/{lead.application_id}/invite/"
    body = {"role": "GUARANTOR", "name": "Rui Lopes", "email": "rui@example.com"}
    no_pii_user = UserFactory(is_staff=True)
    Membership.objects.create(user=no_pii_user, organization=alice.organization)
    no_pii_user.user_permissions.add(*Permission.objects.filter(
        codename__in=["view_applicant", "add_intakeformrequest", "view_application", "change_applicant"]))  # fmt: skip
    no_pii = Client()
    no_pii.force_login(no_pii_user)
    page = no_pii.post(url, body, follow=True).content.decode()
    assert "Convite criado" in page and "/intake/" not in page
    with_pii = Client()
    with_pii.force_login(alice.user)
    assert "/intake/" in with_pii.post(url, {**body, "name": "Ana Lopes"}, follow=True).content.decode()
