"""Issue 13, storage items: keys without names (2), documents encrypted at rest and SSE on S3 (3),
one answer once a form is complete (5), an immutable verified copy (6), slots, quotas and cleanup (7)."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.apps import apps
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from rest_framework.test import APIClient

from applicants.models import Applicant
from documents.models import Document
from documents.storage import document_store
from tests.helpers import form_request_create, submission_body, upload

pytestmark = pytest.mark.django_db

# Distinctive bytes: a 64-byte window of them found anywhere on disk means the file is there in clear.
PDF = b"%PDF-1.4\n" + b"".join(b"recibo de vencimento linha %03d\n" % i for i in range(40)) + b"%%EOF\n"
OTHER_PDF = b"%PDF-1.4\n" + b"".join(b"documento trocado depois %03d\n" % i for i in range(40)) + b"%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 2


def windows(data: bytes, size: int = 64, count: int = 8) -> list[bytes]:
    """A few 64-byte slices spread over the file (start, middle, end)."""
    step = max(1, (len(data) - size) // (count - 1))
    spread = [data[offset : offset + size] for offset in range(0, len(data) - size + 1, step)][:count]
    return [*spread, data[-size:]]


def clear_copies_under(root: Path, data: bytes) -> list[Path]:
    slices = windows(data)
    return [path for path in root.rglob("*") if path.is_file() and any(s in path.read_bytes() for s in slices)]


def doc_entry(
    key: str, name: str = "recibo.pdf", content_type: str = "application/pdf", document_type: str = "PROOF_OF_INCOME"
) -> dict[str, str]:
    return {"key": key, "original_filename": name, "content_type": content_type, "document_type": document_type}


def submit(token: str, documents: list[dict[str, str]], nif: str = "245718931") -> Any:
    return APIClient().post(f"/api/v1/intake/{token}/submissions", submission_body(nif, documents), format="json")


def slot_for(token: str, data: bytes = PDF, name: str = "recibo.pdf", content_type: str = "application/pdf") -> Any:
    return APIClient().post(
        f"/api/v1/intake/{token}/uploads",
        {"filename": name, "content_type": content_type, "size": len(data), "document_type": "PROOF_OF_INCOME"},
        format="json",
    )


def post_file(slot: dict[str, Any], data: bytes = PDF, content_type: str = "application/pdf") -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    fields = dict(slot["upload"]["fields"], file=SimpleUploadedFile("f", data, content_type=content_type))
    return Client().post("/storage/upload", fields)


def later(**delta: float) -> Any:
    """Move the clock forward for the code under test (the cleanup's grace periods)."""
    return mock.patch("django.utils.timezone.now", return_value=timezone.now() + dt.timedelta(**delta))


# --- 2. Keys carry ids and an extension, never the file name ---------------------------------------


def test_upload_key_holds_only_ids_and_the_declared_extension(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    key = upload(form["token"], ("cc-maria-santos.png", PNG, "image/png", "ID_DOCUMENT"))
    assert re.fullmatch(rf"uploads/{form['id']}/[0-9a-f-]{{36}}\.png", key), key
    assert "maria" not in key.lower()


def test_a_key_in_the_old_shape_with_a_file_name_is_refused(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    key = f"uploads/{form['id']}/7d0e2c1a-0000-4000-8000-000000000000/recibo.pdf"
    response = submit(form["token"], [doc_entry(key)])
    assert (response.status_code, response.json()["code"]) == (400, "invalid_storage_key")


# --- 3. Encrypted at rest (local), SSE (S3) ---------------------------------------------------------


def test_local_store_writes_ciphertext_and_reads_back_the_plaintext(settings: Any) -> None:
    store = document_store()
    store.put("uploads/f/0.pdf", PDF, "application/pdf")
    assert clear_copies_under(Path(settings.DATA_DIR), PDF) == []
    with store.open("uploads/f/0.pdf") as handle:
        assert handle.read() == PDF
    assert store.read_head("uploads/f/0.pdf", 5) == b"%PDF-"
    assert store.stat("uploads/f/0.pdf").size == len(PDF)  # type: ignore[union-attr]


def test_local_upload_endpoint_stores_ciphertext(alice_api: APIClient, settings: Any) -> None:
    form = form_request_create(alice_api)
    upload(form["token"], ("recibo.pdf", PDF, "application/pdf", "PROOF_OF_INCOME"))
    assert clear_copies_under(Path(settings.DATA_DIR), PDF) == []


def test_an_object_written_under_another_key_does_not_decrypt(settings: Any) -> None:
    from documents.storage import StorageError

    store = document_store()
    store.put("uploads/f/1.pdf", PDF, "application/pdf")
    settings.STORAGE_ENCRYPTION_KEYS = [base64.urlsafe_b64encode(os.urandom(32)).decode()]
    with pytest.raises(StorageError):
        document_store().open("uploads/f/1.pdf")


def test_rotate_storage_keys_reencrypts_every_object_under_the_first_key(settings: Any) -> None:
    store = document_store()
    store.put("documents/o/1.pdf", PDF, "application/pdf")
    # Written before encryption existed: plain bytes, read as they are until rotated.
    legacy = Path(settings.LOCAL_STORAGE_DIR) / "uploads/f/legacy.png"
    legacy.parent.mkdir(parents=True)
    legacy.write_bytes(PNG)
    assert store.read_head("uploads/f/legacy.png", 8) == PNG[:8]
    new_key = base64.urlsafe_b64encode(os.urandom(32)).decode()
    settings.STORAGE_ENCRYPTION_KEYS = [new_key, *settings.STORAGE_ENCRYPTION_KEYS]
    out = io.StringIO()
    call_command("rotate_storage_keys", stdout=out)
    assert json.loads(out.getvalue()) == {"rewritten": 2, "current": 0}
    settings.STORAGE_ENCRYPTION_KEYS = [new_key]
    store = document_store()
    with store.open("documents/o/1.pdf") as handle:
        assert handle.read() == PDF
    with store.open("uploads/f/legacy.png") as handle:
        assert handle.read() == PNG
    assert clear_copies_under(Path(settings.DATA_DIR), PNG) == []
    out = io.StringIO()
    call_command("rotate_storage_keys", stdout=out)
    assert json.loads(out.getvalue()) == {"rewritten": 0, "current": 2}


@pytest.mark.ocr
@pytest.mark.django_db(transaction=True)
def test_nothing_under_data_dir_holds_an_uploaded_documents_bytes_after_a_full_pipeline_run(
    alice_api: APIClient, celery_eager: None, settings: Any
) -> None:
    from tests.helpers import prepared_case

    case = prepared_case("good")
    form = form_request_create(alice_api, property_price=float(case.price), listing_type=case.listing_type)
    documents = [
        doc_entry(upload(form["token"], document), document.name, document.content_type, document.document_type)
        for document in case.documents
    ]
    body = submission_body(
        case.person.nif, documents, name=case.submitted_name, date_of_birth=case.person.date_of_birth.isoformat()
    )
    response = APIClient().post(f"/api/v1/intake/{form['token']}/submissions", body, format="json")
    assert response.status_code == 201, response.content
    applicant = Applicant.objects.get(id=response.json()["applicant_id"])
    assert applicant.status == "COMPLETED", applicant.failure_reason
    assert Document.objects.filter(applicant=applicant, status="EXTRACTED").count() == len(case.documents)
    for document in case.documents:
        assert clear_copies_under(Path(settings.DATA_DIR), document.data) == [], document.name
    # The scan looked where the files are: one encrypted copy per document, nothing left under uploads/.
    stored = [path for path in Path(settings.DATA_DIR).rglob("*") if path.is_file()]
    assert len([path for path in stored if "documents" in path.parts]) == len(case.documents)
    assert not [path for path in stored if "uploads" in path.parts]


@pytest.fixture
def s3(settings: Any) -> Iterator[Any]:
    from moto import mock_aws

    from documents.storage import _s3_store

    _s3_store.cache_clear()
    with mock_aws():
        import boto3

        settings.STORAGE_BACKEND = "s3"
        settings.S3_BUCKET = "screening-test"
        settings.S3_ENDPOINT_URL = None
        client = boto3.client("s3", region_name=settings.AWS_REGION)
        client.create_bucket(
            Bucket="screening-test", CreateBucketConfiguration={"LocationConstraint": settings.AWS_REGION}
        )
        yield client
    _s3_store.cache_clear()


def test_s3_writes_and_copies_carry_sse_s3_by_default(s3: Any) -> None:
    store = document_store()
    store.put("uploads/f/a.pdf", PDF, "application/pdf")
    assert s3.head_object(Bucket="screening-test", Key="uploads/f/a.pdf")["ServerSideEncryption"] == "AES256"
    copied = store.copy(source="uploads/f/a.pdf", destination="documents/o/a.pdf")  # type: ignore[attr-defined]
    assert copied.sha256 == hashlib.sha256(PDF).hexdigest()
    assert copied.size == len(PDF)
    assert s3.head_object(Bucket="screening-test", Key="documents/o/a.pdf")["ServerSideEncryption"] == "AES256"


def test_s3_writes_use_the_configured_kms_key(s3: Any, settings: Any) -> None:
    settings.S3_KMS_KEY_ID = "arn:aws:kms:eu-west-1:123456789012:key/screening"
    store = document_store()
    store.put("uploads/f/b.pdf", PDF, "application/pdf")
    store.copy(source="uploads/f/b.pdf", destination="documents/o/b.pdf")  # type: ignore[attr-defined]
    for key in ("uploads/f/b.pdf", "documents/o/b.pdf"):
        head = s3.head_object(Bucket="screening-test", Key=key)
        assert head["ServerSideEncryption"] == "aws:kms"
        assert head["SSEKMSKeyId"].endswith("key/screening")


@pytest.mark.parametrize(("kms_key", "expected"), [("", "AES256"), ("alias/screening", "aws:kms")])
def test_presigned_post_requires_server_side_encryption(s3: Any, settings: Any, kms_key: str, expected: str) -> None:
    settings.S3_KMS_KEY_ID = kms_key
    slot = document_store().upload_slot(key="uploads/f/c.pdf", content_type="application/pdf", max_size=5000)
    conditions = json.loads(base64.b64decode(slot.fields["policy"]))["conditions"]
    assert {"x-amz-server-side-encryption": expected} in conditions
    assert slot.fields["x-amz-server-side-encryption"] == expected
    if kms_key:
        assert {"x-amz-server-side-encryption-aws-kms-key-id": kms_key} in conditions
        assert slot.fields["x-amz-server-side-encryption-aws-kms-key-id"] == kms_key


def test_s3_download_links_are_attachments(s3: Any) -> None:
    url = document_store().download_url("documents/o/a.pdf", expires_in=60)
    assert "response-content-disposition=attachment" in url


def test_s3_bootstrap_sets_default_encryption_and_expires_uploads(s3: Any, settings: Any) -> None:
    out = io.StringIO()
    call_command("s3_bootstrap", stdout=out)
    rule = s3.get_bucket_encryption(Bucket="screening-test")["ServerSideEncryptionConfiguration"]["Rules"][0]
    assert rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
    lifecycle = s3.get_bucket_lifecycle_configuration(Bucket="screening-test")["Rules"]
    uploads = next(rule for rule in lifecycle if rule["Filter"].get("Prefix") == "uploads/")
    assert uploads["Status"] == "Enabled"
    assert uploads["Expiration"]["Days"] == settings.INTAKE_UPLOAD_RETENTION_DAYS
    assert "AES256" in out.getvalue() and "uploads/" in out.getvalue()


def test_submission_on_s3_keeps_an_encrypted_immutable_copy_and_drops_the_upload(
    s3: Any, alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    form = form_request_create(alice_api)
    slot = slot_for(form["token"]).json()
    s3.put_object(Bucket="screening-test", Key=slot["key"], Body=PDF, ContentType="application/pdf")
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(form["token"], [doc_entry(slot["key"])])
    assert response.status_code == 201, response.content
    document = Document.objects.get()
    assert document.storage_key == f"documents/{document.organization_id}/{document.id}.pdf"
    assert document.sha256 == hashlib.sha256(PDF).hexdigest()  # type: ignore[attr-defined]
    head = s3.head_object(Bucket="screening-test", Key=document.storage_key)
    assert head["ServerSideEncryption"] == "AES256"
    assert document_store().stat(slot["key"]) is None


# --- 5. No NIF oracle once the form is complete ------------------------------------------------------


def test_a_completed_form_answers_410_whatever_the_nif(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    assert submit(form["token"], [], nif="245718931").status_code == 201
    same = submit(form["token"], [], nif="PT 245 718 931")
    other = submit(form["token"], [], nif="123456789")
    assert (same.status_code, same.json()) == (other.status_code, other.json())
    assert (same.status_code, same.json()["code"]) == (410, "form_already_submitted")


# --- 6. The verified file is the one read -----------------------------------------------------------


def test_a_local_upload_policy_is_single_use(alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    slot = slot_for(form["token"]).json()
    assert post_file(slot).status_code == 204
    again = post_file(slot, OTHER_PDF[: len(PDF)])
    assert (again.status_code, again.json()["code"]) == (403, "upload_used")
    with document_store().open(slot["key"]) as handle:
        assert handle.read() == PDF


def test_a_local_upload_the_storage_failed_to_write_can_be_tried_again_with_the_same_slot(alice_api: APIClient) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from documents.storage import LocalDocumentStore, StorageError

    form = form_request_create(alice_api)
    slot = slot_for(form["token"]).json()
    fields = dict(slot["upload"]["fields"], file=SimpleUploadedFile("f", PDF, content_type="application/pdf"))
    with mock.patch.object(LocalDocumentStore, "_write", side_effect=StorageError("disk away")):
        failed = Client(raise_request_exception=False).post("/storage/upload", fields)
    assert (failed.status_code, failed.json()["code"]) == (500, "server_error")
    assert post_file(slot).status_code == 204  # "try again in a moment", as the answer says: the same slot
    with document_store().open(slot["key"]) as handle:
        assert handle.read() == PDF


def test_upload_policies_are_refused_after_submission(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    used, unused = slot_for(form["token"]).json(), slot_for(form["token"]).json()
    assert post_file(used).status_code == 204
    assert submit(form["token"], [doc_entry(used["key"])]).status_code == 201
    for slot in (used, unused):
        response = post_file(slot)
        assert (response.status_code, response.json()["code"]) == (403, "upload_used")


def test_submission_keeps_a_verified_copy_and_extraction_reads_exactly_it(
    alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from documents.extraction.errors import ExtractionFailed
    from documents.services import document_extract

    form = form_request_create(alice_api)
    key = upload(form["token"], ("recibo-maria.pdf", PDF, "application/pdf", "PROOF_OF_INCOME"))
    with django_capture_on_commit_callbacks(execute=True):
        assert submit(form["token"], [doc_entry(key, "recibo-maria.pdf")]).status_code == 201
    document = Document.objects.get()
    assert document.storage_key == f"documents/{document.organization_id}/{document.id}.pdf"
    assert document.sha256 == hashlib.sha256(PDF).hexdigest()  # type: ignore[attr-defined]
    assert (document.content_type, document.size, document.original_filename) == (
        "application/pdf",
        len(PDF),
        "recibo-maria.pdf",
    )
    store = document_store()
    assert store.stat(key) is None
    # Whatever lands on the upload key later (a still-valid S3 POST) is not what gets read.
    store.put(key, OTHER_PDF, "application/pdf")
    read: list[bytes] = []

    def extract(data: bytes, *, document_type: str) -> Any:
        read.append(data)
        raise ExtractionFailed("stop here")

    with mock.patch("documents.services.extractor") as extractor:
        extractor.return_value.extract.side_effect = extract
        document_extract(document_id=document.id)
    assert [hashlib.sha256(data).hexdigest() for data in read] == [document.sha256]  # type: ignore[attr-defined]


def test_a_png_declared_as_pdf_is_stored_under_its_sniffed_type(alice_api: APIClient, queued: Any) -> None:
    form = form_request_create(alice_api)
    key = upload(form["token"], ("scan.pdf", PNG, "application/pdf", "ID_DOCUMENT"))
    assert submit(form["token"], [doc_entry(key, "scan.pdf", "application/pdf", "ID_DOCUMENT")]).status_code == 201
    document = Document.objects.get()
    assert document.content_type == "image/png"
    assert document.storage_key.endswith(f"/{document.id}.png")


# --- 7. Slots recorded and capped, orphans deleted, deletes retried -----------------------------------


def test_upload_slots_are_recorded_and_capped_per_form(alice_api: APIClient, settings: Any) -> None:
    settings.INTAKE_MAX_UPLOAD_SLOTS = 2
    form = form_request_create(alice_api)
    assert [slot_for(form["token"]).status_code for _ in range(2)] == [201, 201]
    third = slot_for(form["token"])
    assert (third.status_code, third.json()["code"]) == (400, "too_many_uploads")
    slots = apps.get_model("documents", "UploadSlot").objects.filter(form_request_id=form["id"])
    assert slots.count() == 2
    other_form = form_request_create(alice_api)
    assert slot_for(other_form["token"]).status_code == 201


def test_uploads_never_submitted_are_deleted_after_the_grace_period(alice_api: APIClient, settings: Any) -> None:
    form = form_request_create(alice_api)
    key = upload(form["token"], ("recibo.pdf", PDF, "application/pdf", "PROOF_OF_INCOME"))
    call_command("cleanup_storage", stdout=io.StringIO())
    assert document_store().stat(key) is not None
    grace = settings.INTAKE_UPLOAD_URL_TTL / 3600 + settings.INTAKE_UPLOAD_RETENTION_DAYS * 24
    with later(hours=grace + 1):
        call_command("cleanup_storage", stdout=io.StringIO())
    assert document_store().stat(key) is None


def test_uploads_of_a_submitted_form_are_deleted_once_it_commits(
    alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    form = form_request_create(alice_api)
    submitted = upload(form["token"], ("recibo.pdf", PDF, "application/pdf", "PROOF_OF_INCOME"))
    left_out = upload(form["token"], ("cc.png", PNG, "image/png", "ID_DOCUMENT"))
    with django_capture_on_commit_callbacks(execute=True):
        assert submit(form["token"], [doc_entry(submitted)]).status_code == 201
    store = document_store()
    assert store.stat(submitted) is None and store.stat(left_out) is None
    assert store.stat(Document.objects.get().storage_key) is not None


def test_a_refused_submission_leaves_no_copy_behind(alice_api: APIClient, queued: Any, settings: Any) -> None:
    form = form_request_create(alice_api)
    good = upload(form["token"], ("recibo.pdf", PDF, "application/pdf", "PROOF_OF_INCOME"))
    bad = upload(form["token"], ("x.pdf", b"MZ\x90\x00 not a pdf at all", "application/pdf", "PROOF_OF_INCOME"))
    response = submit(form["token"], [doc_entry(good), doc_entry(bad)])
    assert (response.status_code, response.json()["code"]) == (400, "file_type_not_allowed")
    assert not (Path(settings.LOCAL_STORAGE_DIR) / "documents").exists() or not any(
        path.is_file() for path in (Path(settings.LOCAL_STORAGE_DIR) / "documents").rglob("*")
    )
    assert document_store().stat(good) is not None


def test_deleting_an_applicant_deletes_its_stored_files(
    alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    form = form_request_create(alice_api)
    key = upload(form["token"], ("recibo.pdf", PDF, "application/pdf", "PROOF_OF_INCOME"))
    with django_capture_on_commit_callbacks(execute=True):
        submit(form["token"], [doc_entry(key)])
    stored = Document.objects.get().storage_key
    assert document_store().stat(stored) is not None
    with django_capture_on_commit_callbacks(execute=True):
        Applicant.objects.get().delete()  # as the admin's delete does: the documents go by cascade
    assert document_store().stat(stored) is None


def test_a_failed_delete_is_retried_by_the_beat_task(
    alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any, celery_eager: None
) -> None:
    from config.celery import app
    from documents.storage import LocalDocumentStore

    form = form_request_create(alice_api)
    key = upload(form["token"], ("recibo.pdf", PDF, "application/pdf", "PROOF_OF_INCOME"))
    with django_capture_on_commit_callbacks(execute=True):
        submit(form["token"], [doc_entry(key)])
    stored = Document.objects.get().storage_key
    with (
        mock.patch.object(LocalDocumentStore, "delete", side_effect=OSError("disk unavailable")),
        django_capture_on_commit_callbacks(execute=True),
    ):
        Applicant.objects.get().delete()
    assert document_store().stat(stored) is not None
    scheduled = {entry["task"] for entry in app.conf.beat_schedule.values()}
    assert "documents.tasks.stored_files_cleanup_task" in scheduled
    with later(hours=2):
        app.tasks["documents.tasks.stored_files_cleanup_task"].apply().get()
    assert document_store().stat(stored) is None


def test_the_file_hook_is_connected_once_however_often_the_app_is_readied(
    alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    for _ in range(2):
        apps.get_app_config("documents").ready()
    form = form_request_create(alice_api)
    key = upload(form["token"], ("recibo.pdf", PDF, "application/pdf", "PROOF_OF_INCOME"))
    with django_capture_on_commit_callbacks(execute=True):
        submit(form["token"], [doc_entry(key)])
    document = Document.objects.get()
    with mock.patch("documents.storage.cleanup.stored_files_delete_after_commit") as hook:
        document.delete()
    hook.assert_called_once_with(keys=[document.storage_key])


def test_a_scheduled_key_a_document_points_at_is_never_deleted(
    alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    from documents.storage.cleanup import stored_files_delete_now

    form = form_request_create(alice_api)
    key = upload(form["token"], ("recibo.pdf", PDF, "application/pdf", "PROOF_OF_INCOME"))
    with django_capture_on_commit_callbacks(execute=True):
        submit(form["token"], [doc_entry(key)])
    stored = Document.objects.get().storage_key
    result = stored_files_delete_now(keys=[stored])
    assert (result.deleted, result.kept) == (0, 1)
    assert document_store().stat(stored) is not None


def test_s3_bootstrap_does_not_expire_uploads_while_old_documents_live_there(
    s3: Any, alice_api: APIClient, queued: Any
) -> None:
    from tests.factories import ApplicantFactory

    applicant = ApplicantFactory()
    Document.objects.create(organization=applicant.organization, applicant=applicant, document_type="ID_DOCUMENT",
                            storage_key=f"uploads/{applicant.form_request_id}/x/cc.png", original_filename="cc.png",
                            content_type="image/png", size=1)  # fmt: skip
    err = io.StringIO()
    call_command("s3_bootstrap", stdout=io.StringIO(), stderr=err)
    assert "NOT expiring uploads/" in err.getvalue()
    with pytest.raises(s3.exceptions.ClientError, match="NoSuchLifecycleConfiguration"):
        s3.get_bucket_lifecycle_configuration(Bucket="screening-test")


def test_local_download_is_a_decrypted_attachment_named_by_ids(
    alice_api: APIClient, queued: Any, django_capture_on_commit_callbacks: Any
) -> None:
    form = form_request_create(alice_api)
    key = upload(form["token"], ("recibo-maria.pdf", PDF, "application/pdf", "PROOF_OF_INCOME"))
    with django_capture_on_commit_callbacks(execute=True):
        submit(form["token"], [doc_entry(key, "recibo-maria.pdf")])
    document = Document.objects.get()
    url = document_store().download_url(document.storage_key, expires_in=60)
    response = Client().get(url.replace("http://testserver", ""))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF  # type: ignore[attr-defined]
    assert response["Content-Disposition"] == f'attachment; filename="{document.id}.pdf"'


@pytest.mark.postgres_only
@pytest.mark.django_db(transaction=True)
def test_two_concurrent_requests_for_the_last_upload_slot_get_one(alice_api: APIClient, settings: Any) -> None:
    from django.db import connection

    from tests.integration.test_concurrency import in_threads

    if connection.vendor != "postgresql":
        pytest.skip("row locks are what this checks; the PostgreSQL leg runs it")
    settings.INTAKE_MAX_UPLOAD_SLOTS = 1
    form = form_request_create(alice_api)
    assert sorted(in_threads(2, lambda: slot_for(form["token"]).status_code)) == [201, 400]
    assert apps.get_model("documents", "UploadSlot").objects.filter(form_request_id=form["id"]).count() == 1


def test_a_storage_key_equal_to_a_field_key_is_refused(tmp_path: Path) -> None:
    from tests.unit.test_settings import PRODUCTION, manage

    env = {**PRODUCTION, "STORAGE_ENCRYPTION_KEYS": PRODUCTION["FIELD_ENCRYPTION_KEYS"]}
    done = manage("check", **env, DATA_DIR=str(tmp_path))
    assert done.returncode != 0
    assert "STORAGE_ENCRYPTION_KEYS must differ" in done.stderr
