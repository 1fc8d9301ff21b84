"""Blind probe r77a, F1 and F2: an erased person's uploads.

An upload slot handed out on a person's link before their erasure still took a file afterwards (``204``, written to
``uploads/...``), and a file they had uploaded but not yet submitted outlived the erasure until the upload cleanup a
day later. Their links answer ``410 data_erased``; so do their slots now, and the erasure (of one member, of a whole
application, the retention purge) deletes their slots and every file put into one, counted in the audit's ``files``
(ADR 032, docs/api.md ``DELETE /api/v1/applicants/{id}``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from applicants.models import Applicant, AuditAction, AuditEvent, FormStatus, IntakeFormRequest, Invitation, Role
from applicants.services import AgencyCredentials
from documents.models import UploadSlot
from documents.storage import LocalDocumentStore, document_store
from tests.integration.test_erasure_member_r76a import erase, screened_household
from tests.integration.test_households_staff import invitation_of
from workspace.retention import purge_expired

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4 r77a"


def slot_on(form: IntakeFormRequest, prefix_id: Any) -> str:
    """A slot handed out on the link that uploads under ``uploads/<prefix_id>/`` (the form's: the lead's; an
    invitation's: that person's), as ``upload_slot_issue`` records it."""
    key = f"uploads/{prefix_id}/{uuid.uuid4()}.pdf"
    UploadSlot.objects.create(form_request=form, key=key, expires_at=timezone.now() + dt.timedelta(hours=1))
    return key


def post_file(key: str) -> Any:
    """The file posted to the local store's upload endpoint with the slot's signed policy."""
    fields: dict[str, Any] = dict(
        document_store().upload_slot(key=key, content_type="application/pdf", max_size=len(PDF)).fields
    )
    fields["file"] = SimpleUploadedFile("recibo.pdf", PDF, content_type="application/pdf")
    return Client().post("/storage/upload", fields)


def stored(key: str) -> bool:
    return document_store().stat(key) is not None


def test_a_co_tenants_slot_takes_no_file_after_their_erasure_and_their_unsubmitted_upload_goes_with_them(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    household = screened_household(alice)
    form, co_tenant = household.lead.form_request, household.co_tenant
    invitation = Invitation.objects.get(applicant=co_tenant)
    uploaded, unused = slot_on(form, invitation.id), slot_on(form, invitation.id)
    leads = slot_on(form, form.id)
    assert post_file(uploaded).status_code == 204 and stored(uploaded)

    assert erase(alice_api, co_tenant, django_capture_on_commit_callbacks).status_code == 204

    assert not stored(uploaded)
    refused = post_file(unused)
    assert (refused.status_code, refused.json()["code"]) == (410, "data_erased")
    assert not stored(unused)
    # The document's file and the upload not yet submitted, counted together.
    assert AuditEvent.objects.get(action=AuditAction.PURGED, target_type="applicant").details["files"] == 2
    # The lead's slot is theirs, not the erased person's: it still takes its file.
    assert post_file(leads).status_code == 204 and stored(leads)


def test_an_application_erased_whole_takes_every_slot_of_its_form_with_their_files(
    alice: AgencyCredentials, alice_api: APIClient, django_capture_on_commit_callbacks: Any
) -> None:
    household = screened_household(alice)
    form = household.lead.form_request
    never_submitted = invitation_of(
        household.application, role=Role.CO_TENANT, name="Ana Dias", email="ana@example.com"
    )
    leads, invited, unused = slot_on(form, form.id), slot_on(form, never_submitted.id), slot_on(form, form.id)
    assert post_file(leads).status_code == 204 and post_file(invited).status_code == 204

    with django_capture_on_commit_callbacks(execute=True):
        assert alice_api.delete(f"/api/v1/applications/{household.application.id}").status_code == 204

    assert not stored(leads) and not stored(invited)
    assert not UploadSlot.objects.filter(form_request=form).exists()
    assert post_file(unused).json()["code"] == "data_erased" and not stored(unused)
    assert AuditEvent.objects.get(action=AuditAction.PURGED).details["files"] == 1 + 2


def test_the_retention_purge_takes_the_purged_people_s_uploads_too(
    alice: AgencyCredentials, django_capture_on_commit_callbacks: Any
) -> None:
    household = screened_household(alice)
    form = household.lead.form_request
    leads = slot_on(form, form.id)
    assert post_file(leads).status_code == 204
    later = timezone.now() + dt.timedelta(days=alice.organization.retention_days_after_decision + 1)

    assert purge_expired(now=later, dry_run=True).files == 1 + 1
    with django_capture_on_commit_callbacks(execute=True):
        purged = purge_expired(now=later)

    assert purged.applicants == 3 and purged.files == 1 + 1
    assert not stored(leads) and not UploadSlot.objects.filter(form_request=form).exists()


def test_a_slot_left_by_an_erasure_from_before_answers_data_erased(alice: AgencyCredentials) -> None:
    household = screened_household(alice)
    form = household.lead.form_request
    key = slot_on(form, form.id)
    # An erasure before this fix deleted the people and left their form's slots.
    Applicant.objects.filter(application=household.application).delete()

    refused = post_file(key)

    assert (refused.status_code, refused.json()["code"]) == (410, "data_erased") and not stored(key)
    assert IntakeFormRequest.objects.get(pk=form.pk).status == FormStatus.COMPLETED


def test_a_file_written_while_its_person_is_erased_is_deleted_and_refused(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    household = screened_household(alice)
    form, co_tenant = household.lead.form_request, household.co_tenant
    key = slot_on(form, Invitation.objects.get(applicant=co_tenant).id)
    put = LocalDocumentStore.put

    def put_while_erased(store: LocalDocumentStore, *args: Any) -> None:
        # The erasure commits (and deletes the files it knew of) while the upload is written.
        assert erase(alice_api, co_tenant, django_capture_on_commit_callbacks).status_code == 204
        put(store, *args)

    with mock.patch.object(LocalDocumentStore, "put", put_while_erased):
        refused = post_file(key)

    assert (refused.status_code, refused.json()["code"]) == (410, "data_erased")
    assert not stored(key)
