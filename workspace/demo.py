"""The demo applicant of `make run`: synthetic documents through the real pipeline.

The files are generated (samples/synthetic.py, fonts from reportlab), put in
the configured storage, and submitted like any applicant; the running worker
then extracts and screens them, so a new user finds a finished report.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from applicants.services import form_request_create
from documents.storage import document_store
from intake.services import SubmissionData, SubmittedDocument, applicant_submit, upload_slot_issue
from samples.synthetic import prepared_cases
from screening.pipeline import enqueue_failures


def demo_applicant_seed(*, organization: Any, user: Any, stdout: Any) -> list[tuple[str, str]]:
    """Submit the demo applicant; returns the runs the broker refused (``enqueue_failures``), for the command to say."""
    case = next(case for case in prepared_cases() if case.name == "good")
    created = form_request_create(
        organization=organization,
        created_by=user,
        listing_type=case.listing_type,
        property_type="APARTAMENTO",
        property_title="T1 com varanda em Campo de Ourique (demonstração)",
        property_price=Decimal(case.price),
        expires_in_days=30,
    )
    store = document_store()
    documents = []
    for document in case.documents:
        # The applicant's path: a slot (ids-only key), the file stored at it, then the submission.
        slot = upload_slot_issue(
            form_request=created.form_request,
            filename=document.name,
            content_type=document.content_type,
            size=len(document.data),
        )
        store.put(slot.key, document.data, document.content_type)
        documents.append(
            SubmittedDocument(
                key=slot.key,
                original_filename=document.name,
                content_type=document.content_type,
                document_type=document.document_type,
            )
        )
    with enqueue_failures() as failures:
        applicant = applicant_submit(
            form_request=created.form_request,
            data=SubmissionData(
                nif=case.person.nif,
                name=case.submitted_name,
                date_of_birth=case.person.date_of_birth,
                email="candidata.demo@example.com",
                phone="+351912000000",
                terms_accepted=True,
                documents=documents,
            ),
            consent_ip="127.0.0.1",
        )
    if failures:
        # Blind probe c26: "the worker screens it" right after pipeline.enqueue_failed; seed_demo says what happened.
        stdout.write(f"Demo applicant {applicant.id} submitted with {len(documents)} synthetic documents.")
        return failures
    stdout.write(
        f"Demo applicant {applicant.id} submitted with {len(documents)} synthetic documents; the worker screens it."
    )
    return failures
