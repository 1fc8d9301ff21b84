"""Reports and file names obey the PII permission on every surface, and each view of PII is audited (issue 13, item 1).

A report's checks carry what the rules compared: the NIF, the names and the
birth date read from the documents and typed by the applicant. Staff without
``applicants.view_pii`` must not see them anywhere (API detail and status,
the admin applicant page, the admin report pages), nor the original file
names (often the person's name); staff with it see them, and each surface
writes a ``PII_VIEWED`` audit event.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from applicants.models import Applicant, AuditAction, AuditEvent, Membership
from applicants.services import AgencyCredentials, staff_permissions_grant
from documents.models import Document
from screening.models import ScreeningReport
from screening.rules import check
from screening.rules.identity import birth_date_match, name_match_check, nif_match
from screening.rules.income import payslip_owner
from tests.factories import ApplicantFactory, IntakeFormRequestFactory, UserFactory

pytestmark = pytest.mark.django_db

NIF = "245718931"
NAME = "Maria Santos"
BIRTH = "1990-06-15"
FILENAME = "Maria_Santos_CC_245718931.pdf"
# Every spelling of the person's data a page could show.
PHONE = "+351 912 345 678"
SECRETS = (NIF, NAME, "Maria_Santos", BIRTH, "15/06/1990", "15 de Junho de 1990", "Santos", PHONE, "912 345")


@pytest.fixture
def screened(alice: AgencyCredentials) -> Applicant:
    """An applicant whose current report holds the checks the rules write, with their values."""
    applicant: Applicant = ApplicantFactory(
        form_request=IntakeFormRequestFactory(organization=alice.organization),
        nif=NIF,
        name=NAME,
        date_of_birth=dt.date(1990, 6, 15),
        phone=PHONE,
    )
    card = Document.objects.create(organization=applicant.organization, applicant=applicant, document_type="ID_DOCUMENT",
                                   storage_key=f"uploads/{applicant.form_request_id}/00000000-0000-4000-8000-000000000001/cc.pdf",
                                   original_filename=FILENAME, content_type="application/pdf", size=10, status="EXTRACTED")  # fmt: skip
    document = {"document_id": str(card.id), "fields": {"nif": "245718930", "full_name": "Maria Santos Silva",
                "date_of_birth": "1990-06-16"}}  # fmt: skip
    payslip = {"document_id": str(card.id), "fields": {"employee_nif": NIF, "employee_name": NAME, "period": "2026-10"}}
    applicant_state = {"nif": NIF, "name": NAME, "date_of_birth": BIRTH}
    checks = [
        nif_match(document, applicant_nif=NIF),
        name_match_check(document, applicant_name=NAME, match="partial"),
        birth_date_match(document, applicant_birth=BIRTH, today=dt.date(2026, 11, 23)),
        payslip_owner(payslip, applicant_state),
        check(
            "affordability.dti", True, "Taxa de esforço 30,0 %.", field="dti_ratio", value="0.3000", expected="<= 0.400"
        ),
    ]
    assert {NIF, NAME, BIRTH} <= {c["value"] for c in checks} | {c["expected"] for c in checks}
    ScreeningReport.objects.create(organization=applicant.organization, applicant=applicant, risk_level="LOW",
                                   identity_verified=False, income_verified=True, dti_ratio=Decimal("0.3"),
                                   average_monthly_income=Decimal("2500"), justification="Risco BAIXO.", checks=checks,
                                   backend="rules", rules_version="rules-test")  # fmt: skip
    Applicant.objects.filter(id=applicant.id).update(status="COMPLETED", risk_level="LOW")
    return applicant


@pytest.fixture
def colleague(alice: AgencyCredentials) -> Any:
    """Agency staff with every staff permission except ``view_pii``."""
    user = UserFactory()
    Membership.objects.create(user=user, organization=alice.organization)
    staff_permissions_grant(user=user)
    user.user_permissions.remove(Permission.objects.get(codename="view_pii"))
    user = type(user).objects.get(pk=user.pk)  # drop the cached permissions
    assert not user.has_perm("applicants.view_pii")
    return user


def surfaces(applicant: Applicant) -> dict[str, str]:
    report = ScreeningReport.objects.get(applicant=applicant)
    return {
        "api": f"/api/v1/applicants/{applicant.pk}",
        "api_status": f"/api/v1/applicants/{applicant.pk}/status",
        "admin": f"/admin/applicants/applicant/{applicant.pk}/change/",
        "admin_report": f"/admin/screening/screeningreport/{report.pk}/change/",
    }


def read_everything(user: Any, applicant: Applicant) -> dict[str, str]:
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.get_or_create(user=user)[0].key}")
    admin = Client()
    admin.force_login(user)
    pages = {}
    for surface, url in surfaces(applicant).items():
        response = (api if surface.startswith("api") else admin).get(url)
        assert response.status_code == 200, (surface, response.status_code)
        pages[surface] = response.content.decode()
    for url in ["/api/v1/applicants", "/admin/screening/screeningreport/", "/admin/documents/document/",
                f"/admin/documents/document/{applicant.documents.get().pk}/change/"]:  # fmt: skip
        response = (api if url.startswith("/api") else admin).get(url)
        assert response.status_code == 200, (url, response.status_code)
        pages[url] = response.content.decode()
    return pages


def test_staff_without_view_pii_see_no_nif_name_or_birth_date_anywhere(colleague: Any, screened: Applicant) -> None:
    for surface, body in read_everything(colleague, screened).items():
        leaked = [secret for secret in SECRETS if secret in body]
        assert not leaked, f"{surface} shows {leaked}"
    assert not AuditEvent.objects.filter(action=AuditAction.PII_VIEWED).exists()


def test_without_view_pii_checks_keep_their_verdict_and_evidence_but_not_personal_values(
    colleague: Any, screened: Applicant
) -> None:
    api = APIClient()
    api.force_authenticate(colleague)
    for url in (f"/api/v1/applicants/{screened.pk}", f"/api/v1/applicants/{screened.pk}/status"):
        checks = {c["name"]: c for c in api.get(url).json()["report"]["checks"]}
        nif_check = checks["identity.nif_match"]
        assert (nif_check["passed"], nif_check["field"], nif_check["value"], nif_check["expected"]) == (
            False,
            "nif",
            None,
            None,
        )
        assert nif_check["evidence"] == "NIF do documento diferente do NIF indicado."
        for name in ("identity.name_match", "identity.birth_date_match", "income.payslip_owner"):
            assert (checks[name]["value"], checks[name]["expected"]) == (None, None)
        # Numbers that identify nobody stay.
        assert (checks["affordability.dti"]["value"], checks["affordability.dti"]["expected"]) == ("0.3000", "<= 0.400")
    detail = api.get(f"/api/v1/applicants/{screened.pk}").json()
    assert [d["original_filename"] for d in detail["documents"]] == ["***.pdf"]
    assert detail["phone"] == "***678"  # probe C29: staff had no phone at all; the last digits to tell calls apart


def test_staff_with_view_pii_see_the_values_and_every_surface_is_audited(
    alice: AgencyCredentials, screened: Applicant
) -> None:
    pages = read_everything(alice.user, screened)
    assert NIF in pages["api"] and FILENAME in pages["api"] and PHONE in pages["api"]
    assert BIRTH in pages["api_status"] and NIF in pages["admin_report"]
    audited = AuditEvent.objects.filter(action=AuditAction.PII_VIEWED, target_id=str(screened.pk))
    by_surface = sorted(event.details["surface"] for event in audited)
    assert by_surface == sorted(["api", "api_status", "admin", "admin_report"])
    assert all(event.actor == alice.user for event in audited)


@pytest.mark.parametrize(
    ("filename", "masked"),
    [
        ("Maria_Santos_CC.PDF", "***.pdf"),
        ("recibo.tar.gz", "***.gz"),
        ("sem-extensao", "***"),
        ("x.Maria Santos", "***"),
    ],
)
def test_a_masked_file_name_keeps_only_a_short_extension(filename: str, masked: str) -> None:
    from applicants.masking import mask_filename

    assert mask_filename(filename) == masked
