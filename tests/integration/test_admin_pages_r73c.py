"""What the admin's pages say to an office (blind probe r73c): one status per person, why a re-run queued nothing, a
member's decision taken on the lead's page, the failed documents the counts include, people by masked name rather
than ids, a history whose events are not buried under views, and who made a report in words."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from applicants.models import (
    Applicant,
    ApplicationStatus,
    AuditAction,
    Decision,
    InfoRequest,
)
from applicants.services import AgencyCredentials, audit_record, decision_record, staff_member_add
from documents.models import Document, ExtractedData
from tests.factories import ApplicantFactory, IntakeFormRequestFactory
from tests.integration.test_admin_pages_r69a import client_in, document_of, made, page, report_for
from tests.integration.test_households_staff import household_of, report_of
from workspace.admin_views import waited_for

pytestmark = pytest.mark.django_db


def members_row(html: str, role: str) -> str:
    match = re.search(rf'<tr data-role="{role}">(.*?)</tr>', html, re.S)
    assert match, role
    return match.group(1)


def messages_of(html: str) -> str:
    match = re.search(r'<ul class="messagelist"[^>]*>(.*?)</ul>', html, re.S)
    return match.group(1) if match else ""


def rerun_action(client: Client, *people: Applicant) -> str:
    response = client.post(
        "/admin/applicants/applicant/",
        {"action": "rerun_screening", "_selected_action": [str(person.id) for person in people]},
        follow=True,
    )
    assert response.status_code == 200
    return messages_of(response.content.decode())


# F2: one person, one status.


def test_a_waiting_lead_reads_the_same_status_on_the_application_page_as_on_the_list(alice: AgencyCredentials) -> None:
    application, *_ = household_of(alice, status=ApplicationStatus.WAITING, guarantor_invited=True)
    client = client_in(alice)
    shown = members_row(page(client, f"/admin/applicants/application/{application.id}/change/"), "TENANT")
    assert "À espera dos restantes candidatos" in shown
    assert "Em processamento" not in shown
    assert "À espera dos restantes candidatos" in page(client, "/admin/applicants/applicant/")


def test_a_household_in_processing_still_reads_in_processing(alice: AgencyCredentials) -> None:
    application, *_ = household_of(alice, status=ApplicationStatus.PROCESSING)
    shown = members_row(page(client_in(alice), f"/admin/applicants/application/{application.id}/change/"), "CO_TENANT")
    assert "Em processamento" in shown


# F3 and F7: why nothing was queued; who was, by name and property.


def test_a_rerun_of_a_waiting_application_says_whom_it_waits_for_and_where_to_force_it(
    alice: AgencyCredentials, queued: Any
) -> None:
    application, lead, _ = household_of(alice, status=ApplicationStatus.WAITING, guarantor_invited=True)
    said = rerun_action(client_in(alice), lead)
    assert "0 candidatura" not in said and "(s)" not in said
    assert (
        "M*** S*** · T2 em Arroios: não ficou em fila, a candidatura espera por Fiador R*** L*** (convite por responder)"
        in said
    )
    assert "«Forçar análise»" in said
    assert f'href="/admin/applicants/application/{application.id}/change/"' in said
    assert not queued.called


def test_two_members_of_one_waiting_application_selected_together_are_told_once(
    alice: AgencyCredentials, queued: Any
) -> None:
    _, lead, co_tenant = household_of(alice, status=ApplicationStatus.WAITING, guarantor_invited=True)
    said = rerun_action(client_in(alice), lead, co_tenant)
    assert said.count("não ficou em fila") == 1
    assert "a candidatura espera por Fiador R*** L*** (convite por responder)" in said
    assert not queued.called


def test_whom_an_application_waits_for_includes_a_member_owing_documents(alice: AgencyCredentials) -> None:
    application, lead, co_tenant = household_of(alice, status=ApplicationStatus.WAITING, guarantor_invited=True)
    asked = decision_record(
        applicant=lead, decided_by=alice.user, decision="MORE_INFO", reason="Recibo.", report_id=None
    )
    InfoRequest.objects.create(
        organization=alice.organization,
        applicant=co_tenant,
        decision=asked,
        requested_documents=[{"document_type": "PROOF_OF_INCOME", "note": ""}],
        due_at=timezone.now() + dt.timedelta(days=7),
        token_hash="r73c-owing",
    )
    assert waited_for(application) == [
        "Fiador R*** L*** (convite por responder)",
        "Coarrendatário J*** P*** (documentos pedidos por enviar)",
    ]


def test_a_queued_rerun_names_the_people_and_property_with_proper_plurals(
    alice: AgencyCredentials, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    form = IntakeFormRequestFactory(organization=alice.organization, property_title="T1 na Graça")
    one = made(ApplicantFactory, form_request=form, name="Rui Santos", status="COMPLETED")
    other = made(ApplicantFactory, form_request=form, name="Ana Rita Ferreira", status="COMPLETED")
    client = client_in(alice)
    with django_capture_on_commit_callbacks(execute=True):
        said = rerun_action(client, one)
    assert "1 candidatura em fila para nova análise: R*** S*** · T1 na Graça." in said
    with django_capture_on_commit_callbacks(execute=True):
        said = rerun_action(client, one, other)
    assert "2 candidaturas em fila para nova análise:" in said
    assert "A*** R*** F*** · T1 na Graça" in said and "(s)" not in said and str(one.id)[:8] not in said


def test_the_person_page_rerun_button_names_the_person_not_an_id(
    alice: AgencyCredentials, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    person = made(ApplicantFactory, form_request=IntakeFormRequestFactory(organization=alice.organization,
                  property_title="T3 em Benfica"), name="Rui Lopes", status="COMPLETED")  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        response = client_in(alice).post(f"/admin/applicants/applicant/{person.id}/rerun/", follow=True)
    said = messages_of(response.content.decode())
    assert "1 candidatura em fila para nova análise: R*** L*** · T3 em Benfica." in said
    assert str(person.id)[:8] not in said


def test_rerun_messages_read_in_english_for_an_english_admin(alice: AgencyCredentials, queued: Any) -> None:
    _, lead, _ = household_of(alice, status=ApplicationStatus.WAITING, guarantor_invited=True)
    said = rerun_action(client_in(alice, "en"), lead)
    assert "not queued: the application is waiting for Guarantor R*** L*** (invitation not answered)" in said


# F4: a member's page points to the lead's for the household's decision.


def test_a_members_page_points_to_the_leads_page_instead_of_the_decision_form(alice: AgencyCredentials) -> None:
    application, lead, co_tenant = household_of(alice)
    report_of(application, lead, co_tenant)
    decision_record(
        applicant=co_tenant, decided_by=alice.user, decision="MORE_INFO", reason="Recibo de outubro.", report_id=None
    )
    client = client_in(alice)
    member_page = page(client, f"/admin/applicants/applicant/{co_tenant.id}/change/")
    assert 'data-testid="decision-form"' not in member_page
    pointer = re.search(r'data-testid="decision-on-lead">(.*?)</p>', member_page, re.S)
    assert pointer and f'href="/admin/applicants/applicant/{lead.id}/change/"' in pointer.group(1)
    assert "arrendatário principal" in pointer.group(1) and "Maria Santos" in pointer.group(1)
    # The member's own decision history stays readable.
    assert "Pedir mais documentos" in member_page and "Recibo de outubro." in member_page
    lead_page = page(client, f"/admin/applicants/applicant/{lead.id}/change/")
    assert 'data-testid="decision-form"' in lead_page and 'data-testid="decision-on-lead"' not in lead_page


def test_a_decision_posted_on_a_members_page_is_refused_and_the_lead_decides(alice: AgencyCredentials) -> None:
    application, lead, co_tenant = household_of(alice)
    client = client_in(alice)
    body = {"decision": "APPROVED", "reason": "Fiador sólido.", "seen_decision": ""}
    refused = client.post(f"/admin/applicants/applicant/{co_tenant.id}/decide/", body, follow=True)
    assert "Decisão não registada: a decisão da candidatura é tomada na página do arrendatário principal." in (
        messages_of(refused.content.decode())
    )
    assert not Decision.objects.filter(applicant__application=application).exists()
    client.post(f"/admin/applicants/applicant/{lead.id}/decide/", body)
    assert Decision.objects.get(applicant__application=application).applicant_id == lead.id


def test_a_person_alone_still_decides_on_their_own_page(alice: AgencyCredentials) -> None:
    person = made(ApplicantFactory, form_request=IntakeFormRequestFactory(organization=alice.organization))
    assert 'data-testid="decision-form"' in page(client_in(alice), f"/admin/applicants/applicant/{person.id}/change/")


# F6: the failed documents the counts include are listed, whose and why.


def test_the_processing_page_lists_every_failed_document_it_counts(alice: AgencyCredentials) -> None:
    form = IntakeFormRequestFactory(organization=alice.organization, property_title="T1 na Graça")
    rui = made(ApplicantFactory, form_request=form, name="Rui Lopes", status="COMPLETED")
    corrupt = document_of(rui)
    Document.objects.filter(id=corrupt.id).update(
        status="FAILED", error="PDF corrompido ou ilegível: envie o documento outra vez ou o PDF original.",
        updated_at=timezone.now() - dt.timedelta(hours=1),
    )  # fmt: skip
    report_for(rui)  # a later report went without it
    ana = made(ApplicantFactory, form_request=form, name="Ana Costa", status="PROCESSING")
    unread = document_of(ana, document_type="ID_DOCUMENT")
    Document.objects.filter(id=unread.id).update(status="FAILED", error="Ficheiro vazio: envie o documento outra vez.")
    html = page(client_in(alice), "/admin/applicants/applicant/pipeline/")
    failed = html[html.index('data-testid="failed"') :]
    failed = failed[: failed.index("</table>")]
    assert "Documento de identificação" in failed and "Arrendatário principal A*** C***" in failed
    assert f'href="/admin/applicants/applicant/{ana.id}/change/"' in failed and "Ficheiro vazio" in failed
    reported = html[html.index('data-testid="failed-reported"') :]
    assert "Comprovativo de rendimentos" in reported and "Arrendatário principal R*** L***" in reported
    assert (
        "PDF corrompido ou ilegível" in reported and f'href="/admin/applicants/applicant/{rui.id}/change/"' in reported
    )
    assert str(corrupt.id) not in html


def test_a_page_with_only_reported_failures_does_not_say_no_failures(alice: AgencyCredentials) -> None:
    rui = made(ApplicantFactory, form_request=IntakeFormRequestFactory(organization=alice.organization),
               status="COMPLETED")  # fmt: skip
    corrupt = document_of(rui)
    Document.objects.filter(id=corrupt.id).update(status="FAILED", error="PDF sem páginas: envie o documento completo.",
                                                  updated_at=timezone.now() - dt.timedelta(hours=1))  # fmt: skip
    report_for(rui)
    html = page(client_in(alice), "/admin/applicants/applicant/pipeline/")
    assert "Nenhuma falha." not in html and "PDF sem páginas" in html


def test_a_processing_page_without_failures_says_so(alice: AgencyCredentials) -> None:
    made(ApplicantFactory, form_request=IntakeFormRequestFactory(organization=alice.organization), status="COMPLETED")
    html = page(client_in(alice), "/admin/applicants/applicant/pipeline/")
    assert "Nenhuma falha." in html and 'data-testid="failed-reported"' not in html


# F7: people by masked name and the property's title, never an id.


def test_the_lists_name_the_person_masked_and_the_property(alice: AgencyCredentials) -> None:
    _, lead, co_tenant = household_of(alice, title="T2 no Lumiar")
    report_for(lead)
    decision_record(applicant=lead, decided_by=alice.user, decision="APPROVED", reason="Bom.", report_id=None)
    payslip = document_of(co_tenant)
    ExtractedData.objects.create(document=payslip, kind="RECIBO_VENCIMENTO", fields={}, method="text")
    client = client_in(alice)
    for url, person in (
        ("/admin/applicants/decision/", "M*** S***"),
        ("/admin/screening/screeningreport/", "M*** S***"),
        ("/admin/documents/document/", "J*** P*** (Coarrendatário)"),
        ("/admin/documents/extracteddata/", "J*** P*** (Coarrendatário)"),
    ):
        html = page(client, url)
        assert person in html and "T2 no Lumiar" in html, url
        assert "Candidato " + str(lead.id)[:8] not in html and "Candidato " + str(co_tenant.id)[:8] not in html, url
    assert f"Comprovativo de rendimentos {str(payslip.id)[:8]}" not in page(client, "/admin/documents/extracteddata/")


def test_a_decisions_page_links_the_person_by_name(alice: AgencyCredentials) -> None:
    _, lead, _ = household_of(alice, title="T2 no Lumiar")
    decision = decision_record(
        applicant=lead, decided_by=alice.user, decision="APPROVED", reason="Bom.", report_id=None
    )
    html = page(client_in(alice), f"/admin/applicants/decision/{decision.id}/change/")
    assert f'<a href="/admin/applicants/applicant/{lead.id}/change/">M*** S***</a>' in html and "T2 no Lumiar" in html


def test_the_form_page_says_the_households_size_in_words(alice: AgencyCredentials) -> None:
    application, lead, _ = household_of(alice)
    html = page(client_in(alice), f"/admin/applicants/intakeformrequest/{application.form_request_id}/change/")
    assert "candidatura de 2 pessoas" in html and "pessoa(s)" not in html
    assert "M*** S***" in html and f"Candidato {str(lead.id)[:8]}" not in html


def test_the_application_history_names_people_by_role_and_masked_name(alice: AgencyCredentials) -> None:
    application, lead, _ = household_of(alice)
    decision_record(applicant=lead, decided_by=alice.user, decision="APPROVED", reason="Bom.", report_id=None)
    html = page(client_in(alice), f"/admin/applicants/application/{application.id}/history/")
    assert "Arrendatário principal M*** S***" in html and str(lead.id)[:8] not in html


# F10: the file's events first, views folded.


def test_the_history_lists_views_apart_and_folded_and_the_report_is_the_systems(alice: AgencyCredentials) -> None:
    person = made(ApplicantFactory, form_request=IntakeFormRequestFactory(organization=alice.organization))
    report_for(person)
    for _ in range(6):
        audit_record(action=AuditAction.PII_VIEWED, target_type="applicant", target_id=person.id,
                     organization=alice.organization, actor=alice.user, details={"surface": "admin"})  # fmt: skip
    decision_record(applicant=person, decided_by=alice.user, decision="APPROVED", reason="Bom.", report_id=None)
    html = page(client_in(alice), f"/admin/applicants/applicant/{person.id}/history/")
    events = html[html.index('data-testid="file-events"') :]
    events = events[: events.index("</table>")]
    assert "Dados pessoais consultados" not in events
    assert "Decisão registada" in events and "Relatório de análise" in events
    assert "o sistema" in events and "análise automática" not in events
    folded = html[html.index("<details") : html.index("</details>")]
    assert folded.count("Dados pessoais consultados") == 6
    assert "Consultas e descargas de dados pessoais: 6" in folded


# F11: who made the report, in words; the version for an auditor.


def test_the_report_says_who_made_it_in_words_and_the_version_on_its_own_line(alice: AgencyCredentials) -> None:
    person = made(ApplicantFactory, form_request=IntakeFormRequestFactory(organization=alice.organization))
    report_for(person, rules_version="rules-2026.12.37")
    html = page(client_in(alice), f"/admin/applicants/applicant/{person.id}/change/")
    producer = re.search(r'data-testid="report-producer">(.*?)</td>', html, re.S)
    assert producer
    words, _, versions = producer.group(1).partition("<br>")
    assert "Análise automática por regras" in words and "rules-2026" not in words
    assert "versão das regras: rules-2026.12.37" in versions


def test_the_detail_pages_link_the_person_by_masked_name(alice: AgencyCredentials) -> None:
    _, lead, co_tenant = household_of(alice, title="T2 no Lumiar")
    report = report_for(lead)
    payslip = document_of(co_tenant)
    extracted = ExtractedData.objects.create(document=payslip, kind="RECIBO_VENCIMENTO", fields={}, method="text")
    client = client_in(alice)
    for url, person in (
        (f"/admin/screening/screeningreport/{report.id}/change/", lead),
        (f"/admin/documents/document/{payslip.id}/change/", co_tenant),
        (f"/admin/documents/extracteddata/{extracted.id}/change/", co_tenant),
    ):
        html = page(client, url)
        assert f'<a href="/admin/applicants/applicant/{person.id}/change/">' in html and "T2 no Lumiar" in html, url
        assert f"Candidato {str(person.id)[:8]}" not in html, url


# The pages' names: a person and an application by role, name and property, not "Candidato 7bb180d7".


def heading_and_crumbs(html: str) -> tuple[str, str, str]:
    subtitle = re.search(r"<h2>([^<]*)</h2>", html)
    crumbs = re.search(r'<div class="breadcrumbs">(.*?)</div>', html, re.S)
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert subtitle and crumbs and title
    return subtitle.group(1), crumbs.group(1), title.group(1)


def test_a_person_and_an_application_are_named_on_their_pages_by_role_name_and_property(
    alice: AgencyCredentials,
) -> None:
    application, _, co_tenant = household_of(alice)
    client = client_in(alice)
    subtitle, crumbs, title = heading_and_crumbs(page(client, f"/admin/applicants/applicant/{co_tenant.id}/change/"))
    assert subtitle == "Coarrendatário João Pereira · T2 em Arroios"
    assert "Coarrendatário João Pereira · T2 em Arroios" in crumbs
    assert not re.search(r"Candidat[oa] [0-9a-f]{8}", crumbs)
    assert title.startswith("Coarrendatário João Pereira · T2 em Arroios |")
    subtitle, crumbs, _ = heading_and_crumbs(page(client, f"/admin/applicants/application/{application.id}/change/"))
    assert subtitle == "Candidatura de Maria Santos · T2 em Arroios"
    assert "Candidatura de Maria Santos" in crumbs


def test_a_colleague_without_personal_data_reads_the_names_masked_in_the_pages_names(alice: AgencyCredentials) -> None:
    application, lead, _ = household_of(alice)
    colleague = staff_member_add(
        organization=alice.organization, email="rui@alice.test", view_pii=False, password="colega-Pa55word!"
    )
    client = client_in(colleague)
    person_page = page(client, f"/admin/applicants/applicant/{lead.id}/change/")
    assert heading_and_crumbs(person_page)[0] == "Arrendatário principal M*** S*** · T2 em Arroios"
    application_page = page(client, f"/admin/applicants/application/{application.id}/change/")
    assert heading_and_crumbs(application_page)[0] == "Candidatura de M*** S*** · T2 em Arroios"
    assert "Maria" not in person_page and "Maria" not in application_page
