"""A month inside a bundle is found as reused as a file of its own is (ADR 031 had left it out: a bundle's other
months had no content fingerprint, so someone else's payslip sent as one month of a three-month PDF, or a month of
someone's bundle sent alone by another person, was not found)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from applicants.crypto import nif_index_for
from documents.models import Document, DocumentStatus, ExtractedData, PartFingerprint
from documents.services import document_extract, documents_reset_for_reextraction
from documents.storage import document_store
from samples.synthetic import Synthetic
from screening.selectors import reuse_signals
from tests.factories import ApplicantFactory, IntakeFormRequestFactory, OrganizationFactory
from tests.helpers import pdf_of
from tests.integration.test_extraction_files import payslip

pytestmark = pytest.mark.django_db

OWNER_NIF, BORROWER_NIF = "245718931", "213509628"


def applicant_in(organization: Any, nif: str) -> Any:
    form = IntakeFormRequestFactory(organization=organization)
    return ApplicantFactory(form_request=form, nif=nif, nif_index=nif_index_for(nif))


def sent(applicant: Any, data: bytes) -> Document:
    """The file stored and extracted as the pipeline does it."""
    key = f"documents/{applicant.organization_id}/{uuid.uuid4()}.pdf"
    document_store().put(key, data, "application/pdf")
    document = Document.objects.create(organization=applicant.organization, applicant=applicant,
                                       document_type="PROOF_OF_INCOME", storage_key=key, original_filename="r.pdf",
                                       content_type="application/pdf", size=len(data))  # fmt: skip
    assert document_extract(document_id=document.id) == DocumentStatus.EXTRACTED
    return Document.objects.select_related("extracted").get(id=document.id)


def codes(found: dict[str, list[dict[str, Any]]]) -> set[tuple[str, str]]:
    return {(s["code"], s["severity"]) for signals in found.values() for s in signals}


def three_months() -> list[Synthetic]:
    return [payslip(31, month, "1850") for month in (9, 10, 11)]


def test_a_bundles_other_months_are_stored_as_fingerprints_and_replaced_on_a_new_reading() -> None:
    owner = applicant_in(OrganizationFactory(), OWNER_NIF)
    bundle = sent(owner, pdf_of(*(slip.data for slip in three_months())))
    assert len(bundle.extracted.parts) == 2
    stored = set(PartFingerprint.objects.filter(extracted=bundle.extracted).values_list("fingerprint", flat=True))
    assert len(stored) == 2 and bundle.extracted.content_fingerprint not in stored
    # Read again (a re-run): the same two, not four.
    assert documents_reset_for_reextraction(applicant_id=owner.id) == 1
    assert document_extract(document_id=bundle.id) == DocumentStatus.EXTRACTED
    assert set(PartFingerprint.objects.values_list("fingerprint", flat=True)) == stored
    assert PartFingerprint.objects.count() == 2


def test_a_month_of_someone_elses_bundle_sent_alone_is_found() -> None:
    organization = OrganizationFactory()
    september, october, november = three_months()
    sent(applicant_in(organization, OWNER_NIF), pdf_of(september.data, october.data, november.data))
    borrower = applicant_in(organization, BORROWER_NIF)
    # October alone, as another file (other bytes): only its content can match, and only as the bundle's part. A
    # payslip's content is its amounts, which a colleague on the same pay shares: MEDIUM, as for a file of its own.
    alone = sent(borrower, pdf_of(october.data))
    assert codes(reuse_signals(applicant=borrower, documents=[alone])) == {("DOCUMENT_REUSED", "MEDIUM")}
    elsewhere = applicant_in(OrganizationFactory(), BORROWER_NIF)
    alone_elsewhere = sent(elsewhere, pdf_of(october.data))
    found = reuse_signals(applicant=elsewhere, documents=[alone_elsewhere])
    assert codes(found) == {("DOCUMENT_SEEN_IN_OTHER_AGENCY", "MEDIUM")}


def test_someone_elses_payslip_inside_a_bundle_is_found() -> None:
    organization = OrganizationFactory()
    september, october, november = three_months()
    sent(applicant_in(organization, OWNER_NIF), pdf_of(september.data))
    borrower = applicant_in(organization, BORROWER_NIF)
    bundle = sent(borrower, pdf_of(september.data, october.data, november.data))
    assert bundle.extracted.parts  # September is one of the bundle's other months, not its reading
    found = reuse_signals(applicant=borrower, documents=[bundle])
    assert codes(found) == {("DOCUMENT_REUSED", "MEDIUM")}
    assert list(found) == [str(bundle.id)]


def test_ones_own_bundle_and_months_are_ones_own() -> None:
    # Guard: the same person applying again with their months as separate files is a note, not reuse.
    organization = OrganizationFactory()
    september, october, november = three_months()
    sent(applicant_in(organization, OWNER_NIF), pdf_of(september.data, october.data, november.data))
    again = applicant_in(organization, OWNER_NIF)
    alone = sent(again, pdf_of(october.data))
    assert codes(reuse_signals(applicant=again, documents=[alone])) == {("DOCUMENT_SENT_BEFORE", "LOW")}


def test_extracted_data_deleted_takes_its_part_fingerprints_with_it() -> None:
    owner = applicant_in(OrganizationFactory(), OWNER_NIF)
    bundle = sent(owner, pdf_of(*(slip.data for slip in three_months())))
    ExtractedData.objects.filter(id=bundle.extracted.id).delete()
    assert not PartFingerprint.objects.exists()


def test_the_migration_gives_the_bundles_read_before_it_their_fingerprints() -> None:
    import importlib

    from django.apps import apps

    backfill = importlib.import_module("documents.migrations.0009_part_fingerprints").backfill
    owner = applicant_in(OrganizationFactory(), OWNER_NIF)
    bundle = sent(owner, pdf_of(*(slip.data for slip in three_months())))
    expected = set(PartFingerprint.objects.values_list("fingerprint", flat=True))
    PartFingerprint.objects.all().delete()  # as a bundle read before the migration
    backfill(apps, None)
    backfill(apps, None)  # twice changes nothing
    stored = PartFingerprint.objects.filter(extracted=bundle.extracted).values_list("fingerprint", flat=True)
    assert sorted(stored) == sorted(expected) and len(expected) == 2
