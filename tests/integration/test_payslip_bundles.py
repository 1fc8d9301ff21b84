"""A file of one worker's payslips of several months (three months downloaded from an HR portal as one PDF, two
months printed on one sheet) counts each month: the latest is the document's reading, the others its parts, each
read on its own. Before, only the latest month was read and the person was asked to send the others again, each
in a file of its own, for months they had sent. Another worker's slips in the file are still no part. A file of
several faturas-recibo the same (ADR 031)."""

from __future__ import annotations

import datetime as dt
import io
import json
import random
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from rest_framework.test import APIClient

from applicants.models import Applicant
from applicants.services import AgencyCredentials
from documents.extraction.local import LocalExtractor
from documents.models import ExtractedData
from samples.income_profiles import inicio_atividade_pdf
from samples.synthetic import Person, Synthetic, id_card_png, make_person, payslip_pdf, recent_months
from screening.models import ScreeningReport
from tests.helpers import form_request_create, pdf_of, submission_body, upload
from tests.integration.test_extraction_files import FIELDS, expected, one_sheet, payslip
from tests.integration.test_pipeline_profiles import six_faturas_recibo

TODAY = dt.date.today()
MONTHS = recent_months(TODAY, 3)  # last month first


def extract(data: bytes) -> Any:
    return LocalExtractor().extract(data, document_type="PROOF_OF_INCOME")


def read_fields(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: fields[name] for name in FIELDS}


def test_three_months_in_one_pdf_are_the_latest_and_two_parts_each_read_on_its_own() -> None:
    september, october, november = payslip(31, 9, "1850"), payslip(31, 10, "1850"), payslip(31, 11, "1850")
    for order in ((september, october, november), (november, september, october)):
        result = extract(pdf_of(*(slip.data for slip in order)))
        assert read_fields(result.json_fields()) == expected(november)
        assert "multiple_payslips" in result.warnings
        parts = result.json_parts()
        assert [read_fields(part["fields"]) for part in parts] == [expected(october), expected(september)]
        assert all(part["confidence"]["net_pay"] > 0.5 for part in parts)
        assert all("multiple_payslips" not in part["warnings"] for part in parts)


def test_two_months_printed_on_one_sheet_give_the_other_month_as_a_part() -> None:
    october, november = payslip(31, 10, "1850"), payslip(31, 11, "1850")
    result = extract(one_sheet(october.data, november.data))
    assert read_fields(result.json_fields()) == expected(november)
    assert [read_fields(part["fields"]) for part in result.json_parts()] == [expected(october)]


def test_another_workers_payslip_and_a_duplicate_copy_are_no_parts() -> None:
    first, second = payslip(31, 11, "1850"), payslip(77, 11, "1320")
    couple = extract(pdf_of(first.data, second.data))
    assert couple.parts == [] and "multiple_payslips" in couple.warnings
    colleague = extract(pdf_of(payslip(31, 11, "1850").data, payslip(77, 10, "1320").data))
    assert colleague.parts == [] and "multiple_employees" in colleague.warnings
    duplicate = extract(pdf_of(first.data, first.data))
    assert duplicate.parts == [] and "multiple_payslips" not in duplicate.warnings


# --- Through the pipeline: the same three months as one file and as three -------------------------------------------


def three_payslips(person: Person) -> list[Synthetic]:
    return [
        payslip_pdf(person, month, base=Decimal("1640"), variant=0, rng=random.Random(index))
        for index, month in enumerate(MONTHS)
    ]


def screened(
    api: APIClient, person: Person, files: list[Synthetic | tuple[str, bytes, str, str]], *, profile: str = "EMPLOYEE"
) -> Applicant:
    form = form_request_create(api, property_price=450.0)
    documents = []
    for item in files:
        name, content_type, document_type = (
            (item.name, item.content_type, item.document_type)
            if isinstance(item, Synthetic)
            else (item[0], item[2], item[3])
        )
        documents.append({"key": upload(form["token"], item), "original_filename": name,
                          "content_type": content_type, "document_type": document_type})  # fmt: skip
    body = submission_body(person.nif, documents, name=person.full_name,
                           date_of_birth=person.date_of_birth.isoformat(), income_profile=profile)  # fmt: skip
    response = APIClient().post(f"/api/v1/intake/{form['token']}/submissions", body, format="json")
    assert response.status_code == 201, response.content
    applicant = Applicant.objects.get(id=response.json()["applicant_id"])
    assert applicant.status == "COMPLETED", applicant.failure_reason
    return applicant


@pytest.mark.ocr
@pytest.mark.django_db(transaction=True)
def test_three_months_in_one_file_are_screened_as_three_files_are(
    alice: AgencyCredentials, alice_api: APIClient, celery_eager: None
) -> None:
    person = make_person(random.Random(5), TODAY)
    slips = three_payslips(person)
    card = id_card_png(person)
    apart = ScreeningReport.objects.get(applicant=screened(alice_api, person, [card, *slips]))
    bundle = ("recibos-3-meses.pdf", pdf_of(*(slip.data for slip in slips)), "application/pdf", "PROOF_OF_INCOME")
    together_applicant = screened(alice_api, person, [card, bundle])
    together = ScreeningReport.objects.get(applicant=together_applicant)

    assert apart.income_verified and together.income_verified, together.justification
    assert together.average_monthly_income == apart.average_monthly_income
    assert together.dti_ratio == apart.dti_ratio and together.risk_level == apart.risk_level == "LOW"
    names = [check["name"] for check in together.checks]
    assert "income.payslip_file_combined" not in names
    assert "ficheiro à parte" not in together.justification
    # Each month has its own checks, on the one file.
    [file_id] = {str(d.id) for d in together_applicant.documents.filter(document_type="PROOF_OF_INCOME")}
    recent = [c for c in together.checks if c["name"] == "income.payslip_recent"]
    assert {c["value"] for c in recent} == {month.strftime("%Y-%m") for month in MONTHS}
    assert {c["document_id"] for c in recent} == {file_id}

    # The other months are kept with the file's reading, encrypted as its fields are.
    extracted = ExtractedData.objects.get(document_id=file_id)
    assert [part["fields"]["period"] for part in extracted.parts] == [m.strftime("%Y-%m") for m in MONTHS[1:]]
    with connection.cursor() as cursor:
        cursor.execute("SELECT parts FROM documents_extracteddata WHERE id = %s", [extracted.id])
        (stored,) = cursor.fetchone()
    assert person.nif not in str(stored) and "period" not in str(stored)

    # Staff see each month as read, under the file, and the person's export holds them.
    staff = Client()
    staff.force_login(alice.user)
    page = staff.get(f"/admin/applicants/applicant/{together_applicant.pk}/change/").content.decode()
    assert page.count('data-testid="file-part"') == 2
    out = io.StringIO()
    call_command("export_applicant", str(together_applicant.pk), stdout=out)
    [exported] = [d for d in json.loads(out.getvalue())["documents"] if d["id"] == file_id]
    assert [part["fields"]["period"] for part in exported["extracted"]["parts"]] == [
        m.strftime("%Y-%m") for m in MONTHS[1:]
    ]


@pytest.mark.ocr
@pytest.mark.django_db(transaction=True)
def test_six_faturas_recibo_in_one_pdf_count_as_six(alice_api: APIClient, celery_eager: None) -> None:
    person = make_person(random.Random(101), TODAY)
    invoices = six_faturas_recibo(person)
    bundle = ("faturas-recibo.pdf", pdf_of(*(i.data for i in invoices)), "application/pdf", "PROOF_OF_INCOME")
    activity = inicio_atividade_pdf(person, started=TODAY - dt.timedelta(days=900))
    applicant = screened(alice_api, person, [id_card_png(person), bundle, activity], profile="INDEPENDENT")
    report = ScreeningReport.objects.get(applicant=applicant)
    # Kept of each invoice: base - IRS withheld at 25% (the fourth has none); VAT is not income.
    # 1125 + 1125 + 900 + 1800 + 1200 + 1050 = 7200 over the 6 months they span = 1200.00
    assert report.income_verified, report.justification
    assert report.average_monthly_income == Decimal("1200.00"), report.justification
    assert "média de 6 faturas-recibo" in report.justification
    assert "envie cada uma à parte" not in str(report.checks)
