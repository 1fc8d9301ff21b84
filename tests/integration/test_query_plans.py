"""Hot lookups read by index, not by scanning a table that grows with every agency's applicants (issue 18).

The household lookup runs on every submission's extraction plan and every
re-run; the in-flight filter on every recovery sweep and metrics scrape. Each
once scanned every applicant: 35 ms at 20,000 applicants (SQLite and
PostgreSQL alike), against ~1 ms by index. The plans are read on SQLite,
whose planner needs no statistics to pick an index; on PostgreSQL a small
test table is scanned whatever the indexes, so there only what the queries
answer is checked.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from applicants.models import Applicant, ApplicantStatus, Application, IntakeFormRequest, Role
from applicants.services import AgencyCredentials
from documents.models import Document, DocumentStatus
from documents.services import extraction_plan
from tests.factories import ApplicantFactory, IntakeFormRequestFactory


def household(alice: AgencyCredentials, members: int) -> list[Applicant]:
    form: IntakeFormRequest = IntakeFormRequestFactory(organization=alice.organization)
    application = Application.objects.create(organization=alice.organization, form_request=form)
    roles = [Role.TENANT, Role.CO_TENANT, Role.GUARANTOR][:members]
    people: list[Applicant] = [
        ApplicantFactory(form_request=form, application=application, role=role) for role in roles
    ]
    return people


def document(applicant: Applicant, status: str, *, uploaded: int, claimed_at: dt.datetime | None = None) -> Document:
    return Document.objects.create(organization=applicant.organization, applicant=applicant, document_type="PROOF_OF_INCOME",
                                   storage_key=f"documents/{applicant.organization_id}/{applicant.pk}-{uploaded}.pdf",
                                   original_filename="recibo.pdf", content_type="application/pdf", size=1, status=status,
                                   claimed_at=claimed_at, created_at=timezone.now() + dt.timedelta(seconds=uploaded))  # fmt: skip


def plan_of(queryset: QuerySet[Any]) -> list[str]:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return [row[3] for row in cursor.fetchall()]


def scans_of(plan: list[str], table: str) -> list[str]:
    """Full scans of ``table`` (a scan along an index, as for GROUP BY or ORDER BY, is not one)."""
    return [step for step in plan if step.startswith(f"SCAN {table}") and "USING" not in step]


def test_household_of_is_the_whole_application_and_nobody_else(alice: AgencyCredentials) -> None:
    lead, co_tenant, guarantor = household(alice, 3)
    other_lead, other_co_tenant = household(alice, 2)
    alone: Applicant = ApplicantFactory(
        form_request=IntakeFormRequestFactory(organization=alice.organization), application=None
    )
    everyone = {lead.pk, co_tenant.pk, guarantor.pk}
    for member in (lead, co_tenant, guarantor):
        assert set(Applicant.objects.household_of(member.pk).values_list("pk", flat=True)) == everyone
    assert set(Applicant.objects.household_of(other_co_tenant.pk).values_list("pk", flat=True)) == {
        other_lead.pk,
        other_co_tenant.pk,
    }
    # Without an application (rows from before households): just the person, not every other such person.
    other_alone: Applicant = ApplicantFactory(
        form_request=IntakeFormRequestFactory(organization=alice.organization), application=None
    )
    assert list(Applicant.objects.household_of(alone.pk).values_list("pk", flat=True)) == [alone.pk]
    assert list(Applicant.objects.household_of(other_alone.pk).values_list("pk", flat=True)) == [other_alone.pk]


def test_the_extraction_plan_takes_the_households_waiting_documents_in_upload_order(alice: AgencyCredentials) -> None:
    lead, guarantor = household(alice, 2)
    second = document(guarantor, DocumentStatus.UPLOADED, uploaded=2)
    first = document(lead, DocumentStatus.UPLOADED, uploaded=1)
    document(lead, DocumentStatus.EXTRACTED, uploaded=3)
    document(guarantor, DocumentStatus.EXTRACTING, uploaded=4, claimed_at=timezone.now())  # a live claim
    stale = document(lead, DocumentStatus.EXTRACTING, uploaded=5, claimed_at=timezone.now() - dt.timedelta(days=1))
    (stranger,) = household(alice, 1)
    document(stranger, DocumentStatus.UPLOADED, uploaded=0)

    plan = extraction_plan(applicant_id=guarantor.pk)

    assert plan.document_ids == [first.pk, second.pk, stale.pk]
    assert plan.batches == [[first.pk, second.pk, stale.pk]]  # PDFs, read together
    assert plan.others_pending is True  # the live claim is on its way without this run
    assert extraction_plan(applicant_id=stranger.pk).others_pending is False


@pytest.mark.skipif(connection.vendor != "sqlite", reason="plans read with SQLite's EXPLAIN QUERY PLAN")
def test_the_household_and_in_flight_lookups_search_by_index(alice: AgencyCredentials) -> None:
    lead, _ = household(alice, 2)
    household_documents = Document.objects.filter(applicant_id__in=Applicant.objects.household_of(lead.pk))
    for queryset in (
        Applicant.objects.household_of(lead.pk),
        household_documents,
        Applicant.objects.stuck(cutoff=timezone.now()),
        Applicant.objects.filter(status=ApplicantStatus.PROCESSING),
    ):
        plan = plan_of(queryset)
        assert not scans_of(plan, "applicants_applicant") and not scans_of(plan, "documents_document"), plan
