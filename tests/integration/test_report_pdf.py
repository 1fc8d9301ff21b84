"""The screening report as a PDF (issue 16): deterministic bytes, fonts embedded, masked without ``view_pii``, audited.

``GET /api/v1/applicants/{id}/report.pdf`` and the admin's "Descarregar
relatório (PDF)" render the current report with WeasyPrint. The same report
gives the same bytes (in this process and in another one), the extracted
text holds every check with its evidence, staff without
``applicants.view_pii`` get a PDF with no NIF, name or birth date in it, and
each download writes a ``REPORT_DOWNLOADED`` audit event whose SHA-256 is the
one of the bytes served.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import zlib
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2
import pypdfium2.raw as pdfium_raw
import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient
from weasyprint import HTML
from weasyprint.urls import FatalURLFetchingError

from applicants.models import (
    Applicant,
    Application,
    ApplicationStatus,
    AuditAction,
    AuditEvent,
    Decision,
    Membership,
    Role,
)
from applicants.services import AgencyCredentials, staff_permissions_grant
from documents.models import Document
from screening.models import ScreeningReport
from screening.rules import check
from screening.rules.identity import birth_date_match, name_match_check, nif_match
from screening.rules.income import payslip_owner
from screening.selectors import report_latest
from tests.factories import ApplicantFactory, IntakeFormRequestFactory, UserFactory, make_nif
from workspace.report_pdf import fetcher_refusing_all, report_pdf_bytes, report_pdf_render, report_pdf_view

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
NIF = "245718931"
DOCUMENT_NIF = "245718930"  # what the ID card read: a check value, personal too
NAME = "Maria Santos"
BIRTH = "1990-06-15"
REASON = "Taxa de esforço aceitável; contrato de trabalho sem termo."
# Every spelling of the person's data the PDF could hold.
SECRETS = (NIF, DOCUMENT_NIF, NAME, "Maria Santos Silva", "Santos", BIRTH, "15/06/1990", "1990-06-16")


# As the rules write it: the income and the rent in figures.
JUSTIFICATION = (
    "Risco MÉDIO: NIF diferente. Rendimento médio mensal líquido de 2 500,00 €. "
    "Taxa de esforço de 30,0 % (renda mensal de 900,00 €)."
)


@pytest.fixture
def screened(alice: AgencyCredentials) -> Applicant:
    """An applicant with a current report holding the checks the rules write (with their values) and a decision."""
    applicant: Applicant = made(
        ApplicantFactory,
        form_request=made(IntakeFormRequestFactory, organization=alice.organization, property_title="T2 em Alvalade"),
        nif=NIF,
        name=NAME,
        date_of_birth=dt.date(1990, 6, 15),
    )
    card = Document.objects.create(organization=applicant.organization, applicant=applicant, document_type="ID_DOCUMENT",
                                   storage_key=f"uploads/{applicant.form_request_id}/00000000-0000-4000-8000-000000000001/cc.pdf",
                                   original_filename="cc.pdf", content_type="application/pdf", size=10, status="EXTRACTED")  # fmt: skip
    document = {"document_id": str(card.id), "fields": {"nif": DOCUMENT_NIF, "full_name": "Maria Santos Silva",
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
    ScreeningReport.objects.create(organization=applicant.organization, applicant=applicant, risk_level="MEDIUM",
                                   identity_verified=False, income_verified=True, dti_ratio=Decimal("0.3"),
                                   average_monthly_income=Decimal("2500"), justification=JUSTIFICATION,
                                   checks=checks, backend="rules", rules_version="rules-test")  # fmt: skip
    Applicant.objects.filter(id=applicant.id).update(status="COMPLETED", risk_level="MEDIUM")
    Decision.objects.create(organization=applicant.organization, applicant=applicant, decision="APPROVED",
                            reason=REASON, decided_by_id=alice.user.pk)  # fmt: skip
    return Applicant.objects.get(id=applicant.id)


@pytest.fixture
def colleague(alice: AgencyCredentials) -> Any:
    """Agency staff with every staff permission except ``view_pii``."""
    user: Any = made(UserFactory)
    Membership.objects.create(user=user, organization=alice.organization)
    staff_permissions_grant(user=user)
    user.user_permissions.remove(Permission.objects.get(codename="view_pii"))
    user = type(user).objects.get(pk=user.pk)  # drop the cached permissions
    assert not user.has_perm("applicants.view_pii") and user.has_perm("applicants.view_applicant")
    return user


def made(factory: Any, **fields: Any) -> Any:
    """A factory-boy object, typed as what it makes (factory-boy has no type stubs)."""
    return factory(**fields)


def api_as(user: Any) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def admin_as(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(content)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


def squeezed(text: str) -> str:
    """Without any whitespace: a table cell may wrap a sentence anywhere."""
    return "".join(text.split())


def inflated_streams(content: bytes) -> bytes:
    """Every Flate stream of the file, decompressed (object streams hold the metadata and font names)."""
    found = []
    for match in re.finditer(rb"stream\r?\n", content):
        start = match.end()
        end = content.find(b"endstream", start)
        try:
            found.append(zlib.decompressobj().decompress(content[start:end]))
        except zlib.error:
            continue
    return b"\n".join(found)


def embedded_fonts(content: bytes) -> set[tuple[str, bool]]:
    """(base font name, embedded?) of every font a text object on any page uses."""
    fonts = set()
    document = pypdfium2.PdfDocument(content)
    for page in document:
        for text_object in page.get_objects(filter=[pdfium_raw.FPDF_PAGEOBJ_TEXT]):
            font = pdfium_raw.FPDFTextObj_GetFont(text_object.raw)
            size = pdfium_raw.FPDFFont_GetBaseFontName(font, None, 0)
            name = ctypes.create_string_buffer(size)
            pdfium_raw.FPDFFont_GetBaseFontName(font, name, size)
            fonts.add((name.value.decode(), bool(pdfium_raw.FPDFFont_GetIsEmbedded(font))))
    return fonts


def report_downloads() -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(action=AuditAction.REPORT_DOWNLOADED).order_by("id"))


# --- Rendering ----------------------------------------------------------------------------------


def test_the_same_report_renders_to_the_same_bytes_twice(alice: AgencyCredentials, screened: Applicant) -> None:
    first = report_pdf_render(applicant=screened, viewer=alice.user)
    second = report_pdf_render(applicant=screened, viewer=alice.user)
    assert first is not None and second is not None
    assert first.content.startswith(b"%PDF-")
    assert first.content == second.content
    assert first.sha256 == hashlib.sha256(first.content).hexdigest()


RENDER_IN_A_CHILD = """
import json, sys, django
django.setup()
from workspace.report_pdf import report_pdf_bytes
sys.stdout.buffer.write(report_pdf_bytes(json.load(sys.stdin)))
"""


def test_another_process_renders_the_same_bytes(alice: AgencyCredentials, screened: Applicant, tmp_path: Path) -> None:
    report = report_latest(applicant=screened)
    assert report is not None
    view = report_pdf_view(applicant=screened, report=report, can_view_pii=True)
    rendered = report_pdf_render(applicant=screened, viewer=alice.user)
    assert rendered is not None and report_pdf_bytes(view) == rendered.content
    # Another interpreter with another hash seed: set and dict ordering, font subsets, ids, dates.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "DATA_DIR": str(tmp_path), "PYTHONHASHSEED": "7"}
    done = subprocess.run([sys.executable, "-c", RENDER_IN_A_CHILD], cwd=ROOT, env=env, input=json.dumps(view).encode(),
                          capture_output=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert done.stdout == rendered.content


def test_the_text_holds_every_check_with_its_evidence_and_for_privileged_staff_the_person(
    alice: AgencyCredentials, screened: Applicant
) -> None:
    rendered = report_pdf_render(applicant=screened, viewer=alice.user)
    assert rendered is not None and rendered.pii
    text = pdf_text(rendered.content)
    flat = squeezed(text)
    report = report_latest(applicant=screened)
    assert report is not None
    for item in report.checks:
        assert squeezed(item["name"]) in flat, item["name"]
        assert squeezed(item["evidence"]) in flat, item["evidence"]
    assert "Relatório de análise" in text and "Risco Médio" in text
    assert NIF in flat and squeezed(NAME) in flat and "15/06/1990" in flat
    assert DOCUMENT_NIF in flat  # the value the check read, shown with view_pii
    assert squeezed(REASON) in flat and squeezed(alice.user.get_username()) in flat  # the decision, who took it
    assert "2500,00€" in flat  # the income, shown with view_pii


def test_staff_without_view_pii_get_a_pdf_with_no_nif_name_or_birth_date(colleague: Any, screened: Applicant) -> None:
    rendered = report_pdf_render(applicant=screened, viewer=colleague)
    assert rendered is not None and not rendered.pii
    text = pdf_text(rendered.content)
    flat = squeezed(text)
    everything = rendered.content + inflated_streams(rendered.content)
    for secret in SECRETS:
        assert squeezed(secret) not in flat, f"the text shows {secret}"
        assert secret.encode() not in everything, f"the file holds {secret}"
    # Any nine digits in a row, once the ids (UUIDs, short document ids) are out of the way, would be a NIF.
    without_ids = squeezed(re.sub(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}|doc\. [0-9a-f]{8}", "", text))
    assert not re.search(r"\d{9}", without_ids), "a nine-digit number (a NIF) in the text"
    # What the staff API shows instead: the NIF's tail, the initials; the checks and evidence are still there.
    assert "***931" in flat and squeezed("M*** S***") in flat and "(reservado)" in text
    assert squeezed("NIF do documento diferente do NIF indicado.") in flat and "identity.nif_match" in flat
    # Nor the income anywhere: not in the figures, the summary's sentence or a check's evidence (the cases
    # probe found the summary printing it under a "(reservado)" table); the rent still reads.
    assert "2500,00€" not in flat and "900,00€" in flat


def test_fonts_are_embedded(alice: AgencyCredentials, screened: Applicant) -> None:
    rendered = report_pdf_render(applicant=screened, viewer=alice.user)
    assert rendered is not None
    fonts = embedded_fonts(rendered.content)
    assert fonts, "no text objects"
    assert all(embedded for _, embedded in fonts), fonts
    assert any("DejaVu" in name for name, _ in fonts), fonts
    assert b"/FontFile" in inflated_streams(rendered.content)


def structure_roles(node: Any, roles: Counter[str]) -> Counter[str]:
    """The count of each structure role (``/S``) in a tagged PDF's structure tree, from ``node`` down."""
    if isinstance(node, pikepdf.Array):
        for kid in node:
            structure_roles(kid, roles)
    elif isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            roles[str(node.S).lstrip("/")] += 1
        if "/K" in node:
            structure_roles(node.K, roles)
    return roles


def test_the_pdf_is_tagged_for_screen_readers_with_its_language_title_headings_and_tables(
    alice: AgencyCredentials, screened: Applicant
) -> None:
    rendered = report_pdf_render(applicant=screened, viewer=alice.user)
    assert rendered is not None
    with pikepdf.open(io.BytesIO(rendered.content)) as pdf:
        assert pdf.Root.MarkInfo.Marked is True and str(pdf.Root.Lang) == "pt-PT"
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True  # the title, not the file name, in the window
        assert str(pdf.docinfo.Title) == f"Relatório de análise {screened.id}"
        roles = structure_roles(pdf.Root.StructTreeRoot.K, Counter())
    assert roles["H1"] == 1 and roles["H2"] >= 3, roles
    assert roles["Table"] >= 2 and roles["TH"] >= 4 and roles["TD"] >= 4, roles
    assert roles["P"] >= 1, roles


def test_a_households_report_shows_each_person_their_checks_and_the_guarantor_verdict(
    alice: AgencyCredentials, colleague: Any
) -> None:
    form = made(IntakeFormRequestFactory, organization=alice.organization, property_price=Decimal("750.00"))
    application = Application.objects.create(
        organization=alice.organization, form_request=form, status=ApplicationStatus.COMPLETED
    )
    lead: Applicant = made(ApplicantFactory, form_request=form, application=application, role=Role.TENANT, name=NAME,
                           nif=NIF)  # fmt: skip
    co_tenant: Applicant = made(
        ApplicantFactory, form_request=form, application=application, role=Role.CO_TENANT, name="João Pereira",
        nif=make_nif(7_654_321),
    )  # fmt: skip
    ScreeningReport.objects.create(
        organization=alice.organization, applicant=lead, application=application, risk_level="HIGH",
        identity_verified=True, income_verified=True, dti_ratio=Decimal("0.5172"),
        average_monthly_income=Decimal("1450.00"), justification="Risco alto.", backend="rules", rules_version="t",
        checks=[
            {"name": "identity.nif_match", "passed": True, "evidence": "NIF do documento igual ao NIF indicado.",
             "field": "nif", "value": co_tenant.nif, "expected": co_tenant.nif, "applicant_id": str(co_tenant.id),
             "role": "CO_TENANT"},
            {"name": "income.payslip_months", "passed": False, "evidence": "Só um recibo de vencimento recente.",
             "applicant_id": str(lead.id), "role": "TENANT"},
            {"name": "affordability.dti", "passed": False, "evidence": "Taxa de esforço 51,7 %.",
             "field": "dti_ratio", "value": "0.5172", "expected": "<= 0.400"},
        ],
        household={
            "household_monthly_income": "1450.00", "monthly_cost": "750.00",
            "members": [
                {"applicant_id": str(lead.id), "role": "TENANT", "identity_verified": True, "income_verified": True,
                 "average_monthly_income": "850.00", "income_share": "0.5862"},
                {"applicant_id": str(co_tenant.id), "role": "CO_TENANT", "identity_verified": True,
                 "income_verified": True, "average_monthly_income": "600.00", "income_share": "0.4138"},
            ],
            "guarantor": {"applicant_id": str(co_tenant.id), "covers": False, "identity_verified": True,
                          "dti_ratio": "0.3750", "threshold": "0.300", "income_needed": "2500.00", "shortfall": "500.00"},
        },
    )  # fmt: skip
    full = report_pdf_render(applicant=co_tenant, viewer=alice.user)
    masked = report_pdf_render(applicant=co_tenant, viewer=colleague)
    assert full is not None and masked is not None
    text = squeezed(pdf_text(full.content))
    # Each person's own checks under their heading, the household's under "Agregado".
    lead_at, co_tenant_at, household_at = (
        text.index(squeezed(f"Arrendatário principal: {NAME}")),
        text.index(squeezed("Coarrendatário: João Pereira")),
        text.rindex("Agregado"),
    )
    assert lead_at < text.index("income.payslip_months") < co_tenant_at < text.index("identity.nif_match")
    assert co_tenant_at < household_at < text.index("affordability.dti")
    assert squeezed("O fiador não cobre o encargo") in text and squeezed("faltam 500,00 €") in text
    assert "58,62%" in text and "750,00€" in text
    masked_text = squeezed(pdf_text(masked.content))
    for secret in (NIF, co_tenant.nif, NAME, "João Pereira", "Pereira"):
        assert squeezed(secret) not in masked_text, secret
    assert squeezed("O fiador não cobre o encargo") in masked_text and "identity.nif_match" in masked_text
    # No income, nor a shortfall that would give the guarantor's away; the rent is no one's.
    assert "850,00€" not in masked_text and "600,00€" not in masked_text and "750,00€" in masked_text
    assert squeezed("faltam 500,00 €") not in masked_text and squeezed("faltam (reservado)") in masked_text


def test_a_guarantor_with_no_income_counted_is_not_said_to_lack_all_of_it(alice: AgencyCredentials) -> None:
    """A fiador whose income was not counted (none sent, unreadable, paid in another currency) printed "taxa de
    esforço — ...; faltam 3 332,78 € de rendimento mensal", as if earning nothing: the PDF says no income was
    counted and what would be needed."""
    form = made(IntakeFormRequestFactory, organization=alice.organization, property_price=Decimal("1000.00"))
    application = Application.objects.create(
        organization=alice.organization, form_request=form, status=ApplicationStatus.COMPLETED
    )
    lead: Applicant = made(ApplicantFactory, form_request=form, application=application, role=Role.TENANT, name=NAME,
                           nif=NIF)  # fmt: skip
    ScreeningReport.objects.create(
        organization=alice.organization, applicant=lead, application=application, risk_level="HIGH",
        identity_verified=True, income_verified=True, dti_ratio=Decimal("0.6667"),
        average_monthly_income=Decimal("1500.00"), justification="Risco alto.", backend="rules", rules_version="t",
        checks=[],
        household={
            "household_monthly_income": "1500.00", "monthly_cost": "1000.00", "members": [],
            "guarantor": {"applicant_id": "g", "covers": False, "identity_verified": True, "dti_ratio": None,
                          "threshold": "0.300", "income_needed": "3332.78", "shortfall": "3332.78"},
        },
    )  # fmt: skip
    rendered = report_pdf_render(applicant=lead, viewer=alice.user)
    assert rendered is not None
    text = squeezed(pdf_text(rendered.content))
    assert squeezed("sem rendimento comprovado (limite 30 %); necessários 3 332,78 € de rendimento mensal") in text
    assert "faltam" not in text and "—" not in text


def test_the_pdf_says_once_how_ratios_are_compared(alice: AgencyCredentials, screened: Applicant) -> None:
    """Blind probe r76b, N2 and N3: "35 %" LOW for 35,0047 % beside "35,01 %" MEDIUM, and a guarantor's income needed
    a few cents under the rent divided by the limit, could not be followed by hand: the PDF says the rule once."""
    rendered = report_pdf_render(applicant=screened, viewer=alice.user)
    assert rendered is not None
    text = squeezed(pdf_text(rendered.content))
    assert text.count(squeezed("arredondada a quatro casas decimais (0,350047 é 35 %; 0,35005 é 35,01 %)")) == 1
    assert squeezed("só acima do limite conta como acima") in text


def test_a_report_without_a_ratio_says_nothing_of_how_ratios_are_compared(
    alice: AgencyCredentials, screened: Applicant
) -> None:
    ScreeningReport.objects.filter(applicant=screened).update(dti_ratio=None)
    rendered = report_pdf_render(applicant=screened, viewer=alice.user)
    assert rendered is not None
    assert squeezed("quatro casas decimais") not in squeezed(pdf_text(rendered.content))


def test_a_sales_pdf_calls_the_people_buying_buyers(alice: AgencyCredentials) -> None:
    """Blind probe r62b: a couple buying a flat were "Arrendatário principal" and "Coarrendatário" in the PDF,
    beside a justification that calls them "compradores"."""
    form = made(IntakeFormRequestFactory, organization=alice.organization, listing_type="VENDA",
                property_price=Decimal("245000.00"))  # fmt: skip
    application = Application.objects.create(
        organization=alice.organization, form_request=form, status=ApplicationStatus.COMPLETED
    )
    lead: Applicant = made(ApplicantFactory, form_request=form, application=application, role=Role.TENANT, name=NAME,
                           nif=NIF)  # fmt: skip
    partner: Applicant = made(ApplicantFactory, form_request=form, application=application, role=Role.CO_TENANT,
                              name="João Pereira", nif=make_nif(7_654_321))  # fmt: skip
    ScreeningReport.objects.create(
        organization=alice.organization, applicant=lead, application=application, risk_level="LOW",
        identity_verified=True, income_verified=True, dti_ratio=Decimal("0.3000"),
        average_monthly_income=Decimal("3500.00"), justification="Risco baixo.", backend="rules", rules_version="t",
        checks=[],
        household={
            "household_monthly_income": "3500.00", "monthly_cost": "1052.70",
            "members": [
                {"applicant_id": str(lead.id), "role": "TENANT", "identity_verified": True, "income_verified": True,
                 "average_monthly_income": "2000.00", "income_share": "0.5714"},
                {"applicant_id": str(partner.id), "role": "CO_TENANT", "identity_verified": True,
                 "income_verified": True, "average_monthly_income": "1500.00", "income_share": "0.4286"},
            ],
        },
    )  # fmt: skip
    rendered = report_pdf_render(applicant=partner, viewer=alice.user)
    assert rendered is not None
    text = squeezed(pdf_text(rendered.content))
    assert squeezed(f"Comprador principal: {NAME}") in text and squeezed("Cocomprador: João Pereira") in text
    assert "arrendat" not in text.lower()


@pytest.mark.parametrize("url", ["http://198.51.100.7/logo.png", "file:///etc/hostname"])
def test_a_url_in_the_html_stops_the_rendering_instead_of_being_fetched(url: str) -> None:
    html = f'<p>Relatório</p><img src="{url}">'
    with pytest.raises(FatalURLFetchingError):
        HTML(string=html, base_url="about:blank", url_fetcher=fetcher_refusing_all()).write_pdf()


# --- API ----------------------------------------------------------------------------------------


def url_for(applicant: Applicant) -> str:
    return f"/api/v1/applicants/{applicant.pk}/report.pdf"


def test_api_serves_the_pdf_as_an_attachment_named_by_ids_and_audits_its_hash(
    alice: AgencyCredentials, alice_api: APIClient, screened: Applicant
) -> None:
    response = alice_api.get(url_for(screened))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Cache-Control"] == "private, no-store"
    report = report_latest(applicant=screened)
    assert report is not None
    disposition = response["Content-Disposition"]
    assert disposition == f'attachment; filename="relatorio-{screened.pk}-{report.pk}.pdf"'
    body = response.content
    assert body.startswith(b"%PDF-") and NIF in squeezed(pdf_text(body))
    [event] = report_downloads()
    assert event.details == {
        "sha256": hashlib.sha256(body).hexdigest(),
        "report_id": str(report.pk),
        "surface": "api",
        "pii": True,
    }
    assert (event.target_type, event.target_id) == ("applicant", str(screened.pk))
    assert (event.organization_id, event.actor_id) == (alice.organization.pk, alice.user.pk)
    # Every download is audited; the same report gives the same bytes, so the same hash.
    again = alice_api.get(url_for(screened))
    assert again.content == body
    assert [e.details["sha256"] for e in report_downloads()] == [event.details["sha256"]] * 2


def test_api_pdf_for_staff_without_view_pii_holds_no_nif_and_is_audited_as_such(
    colleague: Any, screened: Applicant
) -> None:
    response = api_as(colleague).get(url_for(screened))
    assert response.status_code == 200
    flat = squeezed(pdf_text(response.content))
    assert NIF not in flat and DOCUMENT_NIF not in flat and "Santos" not in flat
    assert "identity.nif_match" in flat
    [event] = report_downloads()
    assert event.details["pii"] is False and event.details["sha256"] == hashlib.sha256(response.content).hexdigest()


def test_another_agency_gets_404_and_nothing_is_audited(bob_api: APIClient, screened: Applicant) -> None:
    response = bob_api.get(url_for(screened))
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/json")
    assert report_downloads() == []


def test_an_applicant_without_a_report_yet_is_404(alice: AgencyCredentials, alice_api: APIClient) -> None:
    waiting: Applicant = made(
        ApplicantFactory, form_request=made(IntakeFormRequestFactory, organization=alice.organization)
    )
    assert alice_api.get(url_for(waiting)).status_code == 404
    assert alice_api.get("/api/v1/applicants/00000000-0000-4000-8000-000000000000/report.pdf").status_code == 404
    assert alice_api.get(f"/api/v1/applicants/{waiting.pk}/reportxpdf").status_code == 404  # the dot is literal
    assert report_downloads() == []


def test_the_pdf_needs_credentials_and_view_applicant(
    alice: AgencyCredentials, anonymous_api: APIClient, screened: Applicant
) -> None:
    assert anonymous_api.get(url_for(screened)).status_code in (401, 403)
    without = made(UserFactory)
    Membership.objects.create(user=without, organization=alice.organization)
    assert api_as(without).get(url_for(screened)).status_code == 403
    assert report_downloads() == []


def test_a_client_may_ask_for_application_pdf_and_still_reads_errors_as_json(
    alice_api: APIClient, bob_api: APIClient, screened: Applicant
) -> None:
    response = alice_api.get(url_for(screened), HTTP_ACCEPT="application/pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    missing = bob_api.get(url_for(screened), HTTP_ACCEPT="application/pdf")
    assert missing.status_code == 404
    assert missing["Content-Type"] == "application/json"
    assert "detail" in json.loads(missing.content)


def test_the_schema_describes_a_binary_pdf_response() -> None:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operation = schema["paths"]["/api/v1/applicants/{id}/report.pdf"]["get"]
    content = operation["responses"]["200"]["content"]
    assert list(content) == ["application/pdf"]
    assert content["application/pdf"]["schema"] == {"type": "string", "format": "binary"}
    assert "404" in operation["responses"]


# --- Admin --------------------------------------------------------------------------------------


def admin_url_for(applicant: Applicant) -> str:
    return f"/admin/applicants/applicant/{applicant.pk}/report.pdf"


def test_admin_page_has_the_button_and_its_download_is_a_pdf_audited_as_admin(
    alice: AgencyCredentials, screened: Applicant
) -> None:
    admin = admin_as(alice.user)
    page = admin.get(f"/admin/applicants/applicant/{screened.pk}/change/").content.decode()
    assert "Descarregar relatório (PDF)" in page and f'href="{admin_url_for(screened)}"' in page
    response = admin.get(admin_url_for(screened))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="relatorio-')
    assert NIF in squeezed(pdf_text(response.content))
    [event] = report_downloads()
    assert event.details["surface"] == "admin" and event.details["pii"] is True
    assert event.details["sha256"] == hashlib.sha256(response.content).hexdigest()


def test_admin_download_masks_without_view_pii_and_is_scoped_to_the_agency(
    bob: AgencyCredentials, colleague: Any, screened: Applicant
) -> None:
    response = admin_as(colleague).get(admin_url_for(screened))
    assert response.status_code == 200
    flat = squeezed(pdf_text(response.content))
    assert NIF not in flat and "Santos" not in flat and "identity.nif_match" in flat
    assert admin_as(bob.user).get(admin_url_for(screened)).status_code == 404
    assert [e.details["pii"] for e in report_downloads()] == [False]


def test_admin_page_without_a_report_has_no_button_and_the_download_is_404(alice: AgencyCredentials) -> None:
    waiting: Applicant = made(
        ApplicantFactory, form_request=made(IntakeFormRequestFactory, organization=alice.organization)
    )
    admin = admin_as(alice.user)
    page = admin.get(f"/admin/applicants/applicant/{waiting.pk}/change/").content.decode()
    assert "Descarregar relatório (PDF)" not in page
    assert admin.get(admin_url_for(waiting)).status_code == 404
    assert report_downloads() == []


def test_the_authenticity_section_lists_each_signal_and_the_proposal(
    alice: AgencyCredentials, screened: Applicant
) -> None:
    report = report_latest(applicant=screened)
    assert report is not None
    rendered = report_pdf_render(applicant=screened, viewer=alice.user)
    assert rendered is not None and "Autenticidade" not in pdf_text(rendered.content)
    report.authenticity = [
        {"document_id": "0f3c2a9e-0000-4000-8000-000000000001", "document_type": "PROOF_OF_INCOME",
         "kind": "RECIBO_VENCIMENTO", "highest": "HIGH", "raises": True,
         "signals": [{"code": "PDF_INCREMENTAL_PAGE_EDIT", "severity": "HIGH", "source": "file",
                      "explanation": "Uma revisão posterior alterou o conteúdo da página.", "evidence": {}}]}
    ]  # fmt: skip
    report.save(update_fields=["authenticity"])
    text = squeezed(pdf_text(report_pdf_render(applicant=screened, viewer=alice.user).content))  # type: ignore[union-attr]
    assert squeezed("Autenticidade dos documentos") in text
    assert "PDF_INCREMENTAL_PAGE_EDIT" in text and squeezed("alterou o conteúdo da página") in text
    assert squeezed("pedir o original ao emissor") in text
