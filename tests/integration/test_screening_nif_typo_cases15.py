"""Cases probe 15, K05, through the whole pipeline (eager Celery, real extraction): a Cartão de Cidadão holder types
her NIF with a typo. The report names the NIF conflict; applying again through a new link with the NIF corrected and
the same files, she is the same person (her card's number), so her own documents raise no reuse concern."""

from __future__ import annotations

import random
from typing import Any

import pytest
from rest_framework.test import APIClient

from samples.synthetic import make_nif
from tests.helpers import form_request_create, upload
from tests.integration.test_authenticity_pipeline import Applicant, concerns_of, reuse_of

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.ocr]


def submit(api: APIClient, applicant: Applicant, *, nif: str) -> dict[str, Any]:
    form = form_request_create(api, property_price=700)
    token = form["token"]
    documents = [applicant.id_card, *applicant.payslips]
    body = {
        "nif": nif,
        "name": applicant.person.full_name,
        "date_of_birth": applicant.person.date_of_birth.isoformat(),
        "email": "candidata@example.com",
        "terms_accepted": True,
        "documents": [
            {"key": upload(token, d), "original_filename": d.name, "content_type": d.content_type,
             "document_type": d.document_type}
            for d in documents
        ],
    }  # fmt: skip
    response = APIClient().post(f"/api/v1/intake/{token}/submissions", body, format="json")
    assert response.status_code == 201, response.content
    report = api.get(f"/api/v1/applicants/{response.json()['applicant_id']}").json()
    assert report["status"] == "COMPLETED", report
    return dict(report)


def test_a_nif_typo_is_named_and_the_corrected_application_is_the_same_person(
    alice_api: APIClient, celery_eager: None
) -> None:
    her = Applicant(8501)
    typo_nif = make_nif(random.Random(8501), her.person.nif[0])
    assert typo_nif != her.person.nif
    typo = submit(alice_api, her, nif=typo_nif)["report"]
    assert typo["risk_level"] == "HIGH", typo["justification"]
    assert "o NIF indicado difere do NIF do documento de identificação e dos comprovativos" in typo["justification"]
    assert "não há comprovativos de rendimentos em nome do candidato" not in typo["justification"]

    corrected = submit(alice_api, her, nif=her.person.nif)
    report = corrected["report"]
    reuse = reuse_of(report)
    assert reuse and {(s["code"], s["severity"]) for s in reuse} == {("DOCUMENT_SENT_BEFORE", "LOW")}
    assert all("outro NIF indicado" in s["explanation"] for s in reuse)
    assert concerns_of(report) == []
    assert report["risk_level"] == "LOW", report["justification"]
