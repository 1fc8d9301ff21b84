"""A pipeline message naming no applicant is one log line, not a traceback nor a failure (blind operations probe
c26: ``celery -A config call screening.tasks.screen_applicant_task --args '["<id>"]'`` with a mistyped id ended in a
ForeignKeyViolation, a non-UUID in a ValidationError)."""

from __future__ import annotations

import uuid

import pytest
from structlog.testing import capture_logs

from applicants.models import Applicant
from documents.tasks import document_extract_task
from screening.models import ScreeningReport
from screening.tasks import screen_applicant_task
from tests.factories import ApplicantFactory

pytestmark = pytest.mark.django_db


# A fixed id: xdist's workers must collect the same parameters.
@pytest.mark.parametrize("applicant_id", ["not-a-uuid", "5f0c1a9e-2b7d-4c3e-9a61-0d8e4f2b7c15", ""])
def test_screening_a_missing_applicant_is_logged_and_dropped(applicant_id: str) -> None:
    with capture_logs() as logs:
        result = screen_applicant_task.apply(args=[applicant_id])
    assert result.successful() and result.result is None
    assert [e["event"] for e in logs if e["log_level"] == "warning"] == ["pipeline.unknown_applicant"]
    assert not Applicant.objects.exists()


def test_extracting_for_a_missing_applicant_is_dropped_too() -> None:
    result = document_extract_task.apply(args=[str(uuid.uuid4()), str(uuid.uuid4())])
    assert result.successful() and result.result is None


def test_a_known_applicant_is_screened_as_before() -> None:
    applicant = ApplicantFactory()
    result = screen_applicant_task.apply(args=[str(applicant.id)])
    assert result.successful()
    assert ScreeningReport.objects.filter(applicant=applicant, id=result.result).exists()
