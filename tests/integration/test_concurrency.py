"""Where SQLite and PostgreSQL differ: concurrent submissions and concurrent outbox relays."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any
from unittest import mock

import pytest
from django.db import connection, connections
from rest_framework.test import APIClient

from applicants.models import Applicant
from screening.models import OutboxEvent
from screening.outbox import outbox_relay
from tests.helpers import form_request_create, submission_body, upload

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres_only]


def in_threads(count: int, work: Callable[[], Any]) -> list[Any]:
    barrier = threading.Barrier(count)
    results: list[Any] = []
    lock = threading.Lock()

    def run() -> None:
        barrier.wait()
        try:
            outcome = work()
        except Exception as exc:
            outcome = exc
        finally:
            connections.close_all()
        with lock:
            results.append(outcome)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


@pytest.fixture
def require_postgres() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("concurrency with real row locks runs on the PostgreSQL leg")


def test_two_concurrent_submissions_of_one_nif_give_one_applicant(require_postgres: None, alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    with mock.patch("screening.pipeline.pipeline_start"):
        results = in_threads(
            2,
            lambda: (
                APIClient()
                .post(f"/api/v1/intake/{form['token']}/submissions", submission_body("245718931", []), format="json")
                .status_code
            ),
        )
    assert sorted(results) == [201, 410]
    assert Applicant.objects.count() == 1


def test_concurrent_relays_send_each_event_once(require_postgres: None) -> None:
    for index in range(40):
        OutboxEvent.objects.create(
            event_type="APPLICANT_SCREENED", payload={"event_type": "APPLICANT_SCREENED", "n": index}
        )
    sent: list[str] = []
    lock = threading.Lock()

    class Recording:
        def publish(self, event: dict[str, Any]) -> None:
            with lock:
                sent.append(event["event_id"])

    counts = in_threads(4, lambda: outbox_relay(batch_size=5, publisher=Recording()))
    assert sum(counts) == 40
    assert len(sent) == len(set(sent)) == 40
    assert not OutboxEvent.objects.filter(sent_at__isnull=True).exists()


def test_two_concurrent_answers_to_one_request_for_documents_take_one(
    require_postgres: None, alice: Any, alice_api: APIClient
) -> None:
    from applicants.errors import ContestAlreadyAnswered
    from applicants.models import Contest, InfoRequest
    from documents.models import Document
    from workspace.second_round import RequestedDocument, contest_answer, decision_take

    pdf = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    form = form_request_create(alice_api)
    with mock.patch("screening.pipeline.pipeline_start") as started:
        first = upload(form["token"], ("id.pdf", pdf, "application/pdf", "ID_DOCUMENT"))
        body = submission_body(
            "245718931",
            [
                {
                    "key": first,
                    "original_filename": "id.pdf",
                    "content_type": "application/pdf",
                    "document_type": "ID_DOCUMENT",
                }
            ],
        )
        assert APIClient().post(f"/api/v1/intake/{form['token']}/submissions", body, format="json").status_code == 201
        applicant = Applicant.objects.get()
        decision_take(
            applicant=applicant,
            decided_by=alice.user,
            decision="MORE_INFO",
            reason="r",
            requested_documents=[RequestedDocument(document_type="PROOF_OF_INCOME")],
        )
        # Other bytes than the ID's: a file the person already sent is refused in a second round (probe C29).
        payslip = pdf + b"% the payslip\n"
        keys = [upload(form["token"], (f"p{i}.pdf", payslip, "application/pdf", "PROOF_OF_INCOME")) for i in range(2)]
        started.reset_mock()
        posts = iter(keys)
        lock = threading.Lock()

        def answer() -> int:
            with lock:
                key = next(posts)
            document = {"key": key, "original_filename": "p.pdf", "content_type": "application/pdf",
                        "document_type": "PROOF_OF_INCOME"}  # fmt: skip
            url = f"/api/v1/intake/{form['token']}/additional-documents"
            return APIClient().post(url, {"documents": [document]}, format="json").status_code

        results = in_threads(2, answer)
    assert sorted(results) == [201, 409]
    assert Document.objects.filter(info_request__isnull=False).count() == 1
    assert InfoRequest.objects.get().answered_at is not None
    assert started.call_count == 1
    contest = Contest.objects.create(organization=alice.organization, applicant=applicant, message="m")
    outcomes = in_threads(2, lambda: contest_answer(contest=contest, actor=alice.user, answer="a").status)
    assert outcomes.count("ANSWERED") == 1
    assert [type(o) for o in outcomes if o != "ANSWERED"] == [ContestAlreadyAnswered]


def test_the_lead_and_the_co_tenant_erased_at_once_never_leave_a_household_without_a_lead(
    require_postgres: None, alice: Any, queued: Any
) -> None:
    """Blind probe r76a, F2: the lead's erasure hands the lead to the co-tenant; erased at the same moment, both
    read "a co-tenant remains" without the household's lock, and only the guarantor was left, leading nobody. Under
    the lock one goes and the other is refused (only a guarantor would be left)."""
    from applicants.models import Role
    from tests.conftest import api_client_for
    from tests.integration.test_erasure_member_r76a import screened_household

    household = screened_household(alice)
    people = iter([household.lead, household.co_tenant])
    lock = threading.Lock()

    def erase() -> int:
        with lock:
            person = next(people)
        return api_client_for(alice).delete(f"/api/v1/applicants/{person.id}").status_code

    results = in_threads(2, erase)

    assert sorted(results) == [204, 409]
    left = Applicant.objects.filter(application=household.application)
    assert sorted(left.values_list("role", flat=True)) == sorted([Role.TENANT, Role.GUARANTOR])


def test_one_member_erased_twice_at_once_is_erased_once(require_postgres: None, alice: Any, queued: Any) -> None:
    """The second request waits for the household's lock, then finds nobody left to erase: 404 as a later request
    (blind probe r77a, F6: it answered 204 too), not a 500."""
    from applicants.models import AuditEvent
    from tests.conftest import api_client_for
    from tests.integration.test_erasure_member_r76a import screened_household

    household = screened_household(alice)

    results = in_threads(
        2, lambda: api_client_for(alice).delete(f"/api/v1/applicants/{household.co_tenant.id}").status_code
    )

    assert sorted(results) == [204, 404]
    assert (
        AuditEvent.objects.filter(target_id=str(household.co_tenant.id), details__reason="erasure_request").count() == 1
    )


def test_an_application_erased_twice_at_once_is_erased_once(require_postgres: None, alice: Any, queued: Any) -> None:
    """The application's erasure takes the household's lock too (left alone in round 77: both requests answered
    204 and each wrote its own audit row); the second finds nothing left, 404 as a later request."""
    from applicants.models import Application, AuditEvent
    from tests.conftest import api_client_for
    from tests.integration.test_erasure_member_r76a import screened_household

    household = screened_household(alice)
    url = f"/api/v1/applications/{household.application.id}"

    results = in_threads(2, lambda: api_client_for(alice).delete(url).status_code)

    assert sorted(results) == [204, 404]
    assert not Application.objects.filter(pk=household.application.pk).exists()
    assert not Applicant.objects.filter(pk=household.lead.pk).exists()
    erasures = AuditEvent.objects.filter(target_id=str(household.application.id), details__reason="erasure_request")
    assert erasures.count() == 1


def test_an_answer_racing_the_person_s_erasure_is_never_a_server_error(
    require_postgres: None, alice: Any, alice_api: APIClient, queued: Any
) -> None:
    """Blind probe r77a, F3: the person's request went with the erasure between the answer's lookup and its write
    (500 one race in 3). Either the answer goes first (201, then the erasure, or 409 while the household is screened
    again) or the erasure does, and the answer is 410 ``data_erased``, keeping nothing."""
    from documents.models import Document
    from tests.conftest import api_client_for
    from tests.integration.test_erasure_races_r77a import answer, asked_for_a_payslip

    token, person, payslip = asked_for_a_payslip(alice, alice_api)
    calls = iter(["answer", "erase"])
    lock = threading.Lock()

    def race() -> int:
        with lock:
            call = next(calls)
        if call == "answer":
            return int(answer(token, payslip).status_code)
        return int(api_client_for(alice).delete(f"/api/v1/applicants/{person.id}").status_code)

    results = sorted(in_threads(2, race))

    assert results in ([201, 204], [204, 410], [201, 409]), results
    if 204 in results:
        assert not Document.objects.exists()
