"""Blind probe r77a, F5 and F6: what an erasure answers when it cannot, or need not, erase.

F5: a co-tenant who sent no documents, refused while the household is screened, read "Os documentos estão a ser
analisados": the refusal now says the household is being screened. F6: one person erased twice at once answered 204
twice (one erased); the second, finding nobody once it holds the household's lock, answers 404 as a later request.
"""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from rest_framework.test import APIClient

from applicants.models import Applicant, ApplicantStatus, AuditEvent
from applicants.services import AgencyCredentials
from tests.integration.test_erasure_member_r76a import being_screened, erase, screened_household
from workspace.api import ApplicantViewSet
from workspace.retention import applicant_erase

pytestmark = pytest.mark.django_db

HOUSEHOLD_SCREENED = "A candidatura do agregado está a ser analisada neste momento: tente de novo dentro de momentos."
DOCUMENTS_READ = "Os documentos estão a ser analisados neste momento: tente de novo dentro de momentos."


def test_a_member_refused_while_the_household_is_screened_reads_that_the_household_is(
    alice: AgencyCredentials, alice_api: APIClient, django_capture_on_commit_callbacks: Any
) -> None:
    household = being_screened(screened_household(alice))

    refused = erase(alice_api, household.co_tenant, django_capture_on_commit_callbacks)

    assert refused.status_code == 409
    assert refused.json() == {"detail": HOUSEHOLD_SCREENED, "code": "applicant_processing"}
    english = alice_api.delete(f"/api/v1/applicants/{household.co_tenant.id}", HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["detail"] == "The household's application is being screened right now: try again in a moment."


def test_a_member_whose_own_documents_are_read_still_reads_that_they_are(
    alice: AgencyCredentials, alice_api: APIClient, django_capture_on_commit_callbacks: Any
) -> None:
    household = screened_household(alice)
    Applicant.objects.filter(id=household.co_tenant.id).update(status=ApplicantStatus.PROCESSING)

    refused = erase(alice_api, household.co_tenant, django_capture_on_commit_callbacks)

    assert refused.json() == {"detail": DOCUMENTS_READ, "code": "applicant_processing"}


def test_a_person_erased_by_a_request_that_held_the_lock_first_is_not_found(
    alice: AgencyCredentials, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    household = screened_household(alice)
    stale = Applicant.objects.get(id=household.co_tenant.id)
    # The first request erases the person between the second's lookup and its lock.
    applicant_erase(applicant=Applicant.objects.get(id=stale.id))

    with mock.patch.object(ApplicantViewSet, "get_applicant", return_value=stale):
        second = erase(alice_api, stale, django_capture_on_commit_callbacks)

    assert second.status_code == 404 and second.json()["code"] == "not_found"
    assert AuditEvent.objects.filter(target_id=str(stale.id), details__reason="erasure_request").count() == 1
    assert erase(alice_api, stale, django_capture_on_commit_callbacks).status_code == 404  # as a later one
