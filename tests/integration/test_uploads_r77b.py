"""Blind probe r77b: an applicant's uploads on a bad connection.

F1: a 9 MB photo sent slowly (50 s against a 40 s slot) was received whole and then refused ``upload_expired``: the
slot was judged after the body had arrived. A slot is judged when its request arrives, as S3 judges a signed
request; one use and the size are still checked. F5: a document unread after the submission, below.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.client import BOUNDARY, FakePayload, encode_multipart
from rest_framework.test import APIClient

from applicants.models import Applicant, ApplicantStatus, IntakeFormRequest
from documents.models import Document, DocumentStatus, UploadSlot
from tests.helpers import form_request_create
from tests.integration.test_intake_api import PDF

pytestmark = pytest.mark.django_db

SLOT_LIFETIME = 40


class Clock:
    """Wall time moved on by hand: ``time.time`` (what signing measures a policy's age by) and ``timezone.now``."""

    def __init__(self) -> None:
        self.ahead = 0.0
        self._real_time = time.time

    def time(self) -> float:
        return self._real_time() + self.ahead

    def now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.time(), tz=dt.UTC)


@pytest.fixture
def clock(settings: Any) -> Iterator[Clock]:
    settings.INTAKE_UPLOAD_URL_TTL = SLOT_LIFETIME
    moved = Clock()
    with mock.patch("time.time", moved.time), mock.patch("django.utils.timezone.now", moved.now):
        yield moved


class BodySentSlowly(FakePayload):
    """A request body whose reading takes ``seconds`` on the clock: a phone on a train."""

    def __init__(self, content: bytes, *, clock: Clock, seconds: float) -> None:
        super().__init__(content)
        self.clock = clock
        self.seconds = seconds
        self.pending = True

    def read(self, size: int = -1, /) -> bytes:
        if self.pending:
            self.clock.ahead += self.seconds
            self.pending = False
        return super().read(size)


def a_slot(token: str) -> dict[str, Any]:
    response = APIClient().post(
        f"/api/v1/intake/{token}/uploads",
        {"filename": "foto.pdf", "content_type": "application/pdf", "size": len(PDF), "document_type": "ID_DOCUMENT"},
        format="json",
    )
    assert response.status_code == 201, response.content
    return dict(response.json())


def post_file(slot: dict[str, Any], *, clock: Clock, sending_takes: float, data: bytes = PDF) -> Any:
    fields = dict(slot["upload"]["fields"], file=SimpleUploadedFile("foto.pdf", data, content_type="application/pdf"))
    body = encode_multipart(BOUNDARY, fields)
    return Client().post(
        "/storage/upload",
        body,
        # Not the client's MULTIPART_CONTENT object, which it would encode again: the body is already encoded.
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
        **{"wsgi.input": BodySentSlowly(body, clock=clock, seconds=sending_takes)},
    )


def test_an_upload_begun_in_time_is_stored_when_the_slot_expires_while_its_body_arrives(
    alice_api: APIClient, clock: Clock
) -> None:
    slot = a_slot(form_request_create(alice_api)["token"])
    clock.ahead += SLOT_LIFETIME - 5

    response = post_file(slot, clock=clock, sending_takes=15)

    assert response.status_code == 204, response.content
    assert UploadSlot.objects.get(key=slot["key"]).used_at is not None


def test_an_upload_begun_in_time_is_stored_when_its_form_expires_while_its_body_arrives(
    alice_api: APIClient, clock: Clock
) -> None:
    form = form_request_create(alice_api)
    slot = a_slot(form["token"])
    IntakeFormRequest.objects.filter(id=form["id"]).update(expires_at=clock.now() + dt.timedelta(seconds=5))

    response = post_file(slot, clock=clock, sending_takes=15)

    assert response.status_code == 204, response.content


def test_an_upload_begun_after_the_slot_expired_is_refused_and_says_to_send_it_again(
    alice_api: APIClient, clock: Clock
) -> None:
    slot = a_slot(form_request_create(alice_api)["token"])
    clock.ahead += SLOT_LIFETIME + 5

    response = post_file(slot, clock=clock, sending_takes=0)

    assert (response.status_code, response.json()["code"]) == (403, "upload_expired")
    assert "envie-o outra vez" in response.json()["detail"]
    assert UploadSlot.objects.get(key=slot["key"]).used_at is None


def test_an_upload_begun_after_its_form_expired_is_refused(alice_api: APIClient, clock: Clock) -> None:
    form = form_request_create(alice_api)
    slot = a_slot(form["token"])
    IntakeFormRequest.objects.filter(id=form["id"]).update(expires_at=clock.now() - dt.timedelta(seconds=1))

    response = post_file(slot, clock=clock, sending_takes=0)

    assert (response.status_code, response.json()["code"]) == (410, "form_expired")


def test_a_slow_upload_still_takes_its_slot_once_and_no_more_bytes_than_asked(
    alice_api: APIClient, clock: Clock
) -> None:
    slot = a_slot(form_request_create(alice_api)["token"])

    assert post_file(slot, clock=clock, sending_takes=60).status_code == 204
    again = post_file(slot, clock=clock, sending_takes=0)
    assert (again.status_code, again.json()["code"]) == (403, "upload_expired")

    fresh = a_slot(form_request_create(alice_api)["token"])
    replayed = post_file(fresh, clock=clock, sending_takes=1)
    assert replayed.status_code == 204
    assert (post_file(fresh, clock=clock, sending_takes=1).json()["code"]) == "upload_used"
    larger = a_slot(form_request_create(alice_api)["token"])
    too_large = post_file(larger, clock=clock, sending_takes=60, data=PDF + b"0" * 10)
    assert (too_large.status_code, too_large.json()["code"]) == (400, "file_too_large")


# F5: after the submission, a document that could not be read told its person "envie o documento outra vez" while
# their link refused every upload (410 form_already_submitted) until the agency asked for it.

UNREADABLE = "Imagem corrompida ou ilegível: envie o documento outra vez, em PDF, JPEG ou PNG."
WHEN_ASKED = (
    "Como a candidatura já foi submetida, não o pode enviar agora: a agência vê que este documento não foi lido e, "
    "se precisar dele, pede-lho por esta ligação, que volta então a aceitar o ficheiro. Pode também contactar a "
    "agência."
)


def submitted_with_an_unreadable_payslip(alice_api: APIClient) -> tuple[str, str]:
    from tests.helpers import submission_body, upload
    from tests.integration.test_intake_api import PNG, doc_entry, pdf_document, submit

    token = form_request_create(alice_api)["token"]
    id_key = upload(token, ("cc.png", PNG, "image/png", "ID_DOCUMENT"))
    payslip_key = upload(token, pdf_document())
    documents = [doc_entry(id_key, "cc.png", "image/png", "ID_DOCUMENT"), doc_entry(payslip_key)]
    response = submit(token, submission_body("245718931", documents))
    assert response.status_code == 201, response.content
    applicant_id = response.json()["applicant_id"]
    Document.objects.filter(applicant_id=applicant_id, document_type="PROOF_OF_INCOME").update(
        status=DocumentStatus.FAILED, error=UNREADABLE
    )
    Applicant.objects.filter(id=applicant_id).update(status=ApplicantStatus.COMPLETED)
    return token, applicant_id


def reasons(token: str, language: str = "") -> dict[str, str | None]:
    documents = APIClient().get(f"/api/v1/intake/{token}/status{language}").json()["documents"]
    return {d["original_filename"]: d["reason"] for d in documents}


def ask_for(alice_api: APIClient, applicant_id: str, document_type: str) -> None:
    asked = alice_api.post(
        f"/api/v1/applicants/{applicant_id}/decision",
        {"decision": "MORE_INFO", "reason": "r", "requested_documents": [{"document_type": document_type}]},
        format="json",
    )
    assert asked.status_code == 201, asked.content


def test_an_unreadable_document_after_the_submission_says_the_agency_asks_for_it_again(
    alice_api: APIClient, queued: Any
) -> None:
    token, _ = submitted_with_an_unreadable_payslip(alice_api)

    assert reasons(token) == {"cc.png": None, "recibo.pdf": f"{UNREADABLE} {WHEN_ASKED}"}
    english = reasons(token, "?lang=en")["recibo.pdf"]
    assert english is not None and "the agency" in english and "ask you for it" in english
    refused = APIClient().post(
        f"/api/v1/intake/{token}/uploads",
        {"filename": "r.pdf", "content_type": "application/pdf", "size": 100, "document_type": "PROOF_OF_INCOME"},
        format="json",
    )
    assert refused.json()["code"] == "form_already_submitted"  # why the text may not say "envie outra vez" alone


def test_an_unreadable_document_the_agency_asks_for_says_only_what_to_send(alice_api: APIClient, queued: Any) -> None:
    token, applicant_id = submitted_with_an_unreadable_payslip(alice_api)
    ask_for(alice_api, applicant_id, "PROOF_OF_INCOME")

    assert reasons(token) == {"cc.png": None, "recibo.pdf": UNREADABLE}


def test_an_unreadable_document_of_a_kind_not_asked_for_still_says_the_agency_asks(
    alice_api: APIClient, queued: Any
) -> None:
    token, applicant_id = submitted_with_an_unreadable_payslip(alice_api)
    ask_for(alice_api, applicant_id, "ID_DOCUMENT")

    assert reasons(token) == {"cc.png": None, "recibo.pdf": f"{UNREADABLE} {WHEN_ASKED}"}


# F2-F4: the refusals an applicant meets on a bad connection say what to do, in pt-PT and English.


def test_a_file_not_uploaded_says_to_upload_it_again_before_submitting(alice_api: APIClient, queued: Any) -> None:
    from tests.helpers import submission_body
    from tests.integration.test_intake_api import doc_entry

    form = form_request_create(alice_api)
    key = f"uploads/{form['id']}/7d0e2c1a-0000-4000-8000-000000000000.pdf"
    body = submission_body("245718931", [doc_entry(key)])
    portuguese = APIClient().post(f"/api/v1/intake/{form['token']}/submissions", body, format="json").json()
    english = APIClient().post(f"/api/v1/intake/{form['token']}/submissions?lang=en", body, format="json").json()

    assert (portuguese["code"], portuguese["document"]) == ("file_not_found", 0)
    assert "carregue-o outra vez antes de submeter" in portuguese["detail"]
    assert "upload it again before submitting" in english["detail"]


def test_a_link_out_of_slots_says_to_submit_what_is_uploaded_or_ask_for_a_new_link(
    alice_api: APIClient, settings: Any
) -> None:
    settings.INTAKE_MAX_UPLOAD_SLOTS = 1
    form = form_request_create(alice_api)
    a_slot(form["token"])
    ask = {"filename": "r.pdf", "content_type": "application/pdf", "size": 10, "document_type": "PROOF_OF_INCOME"}
    refused = APIClient().post(f"/api/v1/intake/{form['token']}/uploads", ask, format="json").json()
    english = APIClient().post(f"/api/v1/intake/{form['token']}/uploads?lang=en", ask, format="json").json()

    assert refused["code"] == "too_many_uploads"
    assert "submeta os documentos que já carregou" in refused["detail"]
    assert "peça à agência uma ligação nova" in refused["detail"]
    assert "ask the agency for a new link" in english["detail"]
    # What the text promises: a new link's slots are its own.
    renewed = alice_api.post(f"/api/v1/applicants/intake-form-requests/{form['id']}/link").json()["token"]
    assert a_slot(renewed)["key"].startswith(f"uploads/{form['id']}/")


def test_a_retried_submission_reads_that_it_was_received_and_where_to_follow_it(
    alice_api: APIClient, queued: Any
) -> None:
    from tests.helpers import submission_body
    from tests.integration.test_intake_api import submit

    token = form_request_create(alice_api)["token"]
    assert submit(token, submission_body("245718931", [])).status_code == 201

    again = submit(token, submission_body("245718931", []))
    other = submit(token, submission_body("123456789", []))

    assert again.status_code == 410 and again.json()["code"] == "form_already_submitted"
    assert "a candidatura foi recebida" in again.json()["detail"] and "estado" in again.json()["detail"]
    assert other.json() == again.json()  # the same words for any NIF: a leaked link tests none
