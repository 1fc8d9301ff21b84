"""The analysis provider's outage is the machine's trouble, not the applicant's: the screening step retries it,
then leaves the applicant to the recovery sweep, which finishes it once the provider is back (ADR 009). Through
the real OpenAI client against a loopback stub; a provider outage had failed the applicant for a person."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from prometheus_client import REGISTRY

from applicants.models import stale_claim_cutoff
from screening.models import OutboxEvent, ScreeningReport
from screening.selectors import stalled_applicants
from tests.factories import ApplicantFactory
from tests.integration.test_transient_failures_r58a import eager, silent, sweep  # noqa: F401  (eager: a fixture used below)
from tests.stubs import Reply, StubServer, broken_openai, healthy_openai, refusing_openai, stub_server

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("eager")]  # tasks in-process, retries at once

COMPLETIONS = "/v1/chat/completions"


@pytest.fixture
def provider(settings: Any) -> Iterator[StubServer]:
    with stub_server() as stub:
        settings.SCREENING_BACKEND = "openai"
        settings.OPENAI_API_KEY = "sk-test"
        settings.OPENAI_MODEL = "gpt-4o-mini"
        settings.OPENAI_BASE_URL = f"{stub.url}/v1"
        settings.SCREENING_NODE_MAX_ATTEMPTS = 1  # the graph's own retries are tested elsewhere; these are the task's
        yield stub


def outage_count(then: str) -> float:
    labels = {"task": "screening.tasks.screen_applicant_task", "error": "TransientAssessorError", "then": then}
    return REGISTRY.get_sample_value("pipeline_transient_errors_total", labels) or 0.0


def screen_task(applicant: Any) -> None:
    from screening import tasks

    tasks.screen_applicant_task.apply_async(args=(str(applicant.id),))


def test_a_provider_down_once_is_retried_by_the_task_and_the_applicant_completes(
    provider: StubServer,
) -> None:
    applicant = ApplicantFactory()
    provider.reply(COMPLETIONS, Reply(status=503, body={"error": {"message": "overloaded", "type": "server_error"}}))
    provider.responder = healthy_openai
    screen_task(applicant)
    applicant.refresh_from_db()
    assert applicant.status == "COMPLETED", applicant.failure_reason
    assert ScreeningReport.objects.filter(applicant=applicant).count() == 1
    assert OutboxEvent.objects.count() == 1


def test_a_provider_down_past_every_retry_leaves_the_applicant_to_the_sweep_which_finishes_it(
    provider: StubServer,
    settings: Any,
) -> None:
    applicant = ApplicantFactory(status="PROCESSING")
    provider.responder = broken_openai
    before = {then: outage_count(then) for then in ("retried", "left_to_sweep")}
    screen_task(applicant)
    applicant.refresh_from_db()
    # What an operator sees while it lasts (blind probe r59b: only applicants PROCESSING rising).
    assert outage_count("retried") - before["retried"] == settings.PIPELINE_MAX_RETRIES
    assert outage_count("left_to_sweep") - before["left_to_sweep"] == 1
    calls_while_down = len(provider.requests_to(COMPLETIONS))
    assert calls_while_down > 1  # retried by the task, not given up on the first 500
    assert applicant.status == "PROCESSING" and applicant.failure_reason == ""
    assert not ScreeningReport.objects.filter(applicant=applicant).exists()
    assert not OutboxEvent.objects.exists()

    silent(applicant, settings)
    assert list(stalled_applicants(cutoff=stale_claim_cutoff()).values_list("id", flat=True)) == [applicant.id]
    provider.responder = healthy_openai  # the provider is back: nobody has to re-run anything
    assert sweep()["applicants_requeued"] == 1
    applicant.refresh_from_db()
    assert applicant.status == "COMPLETED", applicant.failure_reason
    assert ScreeningReport.objects.filter(applicant=applicant).count() == 1
    assert OutboxEvent.objects.count() == 1


def test_a_provider_refusing_the_request_still_fails_the_applicant_with_its_reason_at_once(
    provider: StubServer,
) -> None:
    applicant = ApplicantFactory(status="PROCESSING")
    provider.responder = refusing_openai
    screen_task(applicant)
    applicant.refresh_from_db()
    assert len(provider.requests_to(COMPLETIONS)) == 1  # a wrong key is not an outage: no retry
    assert applicant.status == "FAILED"
    assert applicant.failure_reason.startswith("A análise automática")


def test_a_providers_unusable_answer_fails_the_document_only_after_every_retry_met_it(
    monkeypatch: pytest.MonkeyPatch, settings: Any
) -> None:
    """Blind probe r59b re-run: a provider answering short of its schema for 40 s still failed every document it read
    meanwhile, at the second try; a local reading cut short (a timeout) keeps its one more try."""
    from documents.extraction.errors import ExtractionUnavailable, ProviderAnswerUnusable
    from documents.extraction.reducto import NO_RESULT_REFUSED
    from documents.models import DocumentStatus
    from documents.services import document_extract
    from tests.integration.test_transient_failures_r58a import stored_document

    class AnswersNothing:
        def extract(self, data: bytes, *, document_type: str) -> Any:
            raise ProviderAnswerUnusable("no result", reason_when_repeated=NO_RESULT_REFUSED)

    document = stored_document(ApplicantFactory())
    monkeypatch.setattr("documents.services.extractor", lambda: AnswersNothing())
    for _ in range(settings.PIPELINE_MAX_RETRIES):
        with pytest.raises(ExtractionUnavailable):
            document_extract(document_id=document.id)
        document.refresh_from_db()
        assert document.status == DocumentStatus.UPLOADED
    assert document_extract(document_id=document.id) == DocumentStatus.FAILED
    document.refresh_from_db()
    assert document.error == NO_RESULT_REFUSED
