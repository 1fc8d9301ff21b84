"""The S3 adapter with moto: presigned POST policy, head, reads; and the API flow on S3."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from typing import Any
from unittest import mock

import pytest
from rest_framework.test import APIClient

from documents.storage import S3DocumentStore, document_store
from tests.helpers import form_request_create, submission_body

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


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
        boto3.client("s3", region_name=settings.AWS_REGION).create_bucket(
            Bucket="screening-test", CreateBucketConfiguration={"LocationConstraint": settings.AWS_REGION}
        )
        yield boto3.client("s3", region_name=settings.AWS_REGION)
    _s3_store.cache_clear()


def test_presigned_post_is_limited_to_key_type_and_size(s3: Any) -> None:
    store = document_store()
    assert isinstance(store, S3DocumentStore)
    slot = store.upload_slot(key="uploads/f/u/recibo.pdf", content_type="application/pdf", max_size=5000)
    assert slot.fields["key"] == "uploads/f/u/recibo.pdf"
    assert slot.fields["Content-Type"] == "application/pdf"
    assert slot.fields["x-amz-algorithm"] == "AWS4-HMAC-SHA256"  # SigV4, not botocore's SigV2 default
    policy = json.loads(base64.b64decode(slot.fields["policy"]))
    conditions = policy["conditions"]
    assert ["eq", "$key", "uploads/f/u/recibo.pdf"] in conditions
    assert {"Content-Type": "application/pdf"} in conditions
    assert ["content-length-range", 1, 5000] in conditions
    assert {"bucket": "screening-test"} in conditions


def test_head_read_and_missing_object(s3: Any) -> None:
    store = document_store()
    s3.put_object(Bucket="screening-test", Key="uploads/a/b/c.pdf", Body=PDF)
    assert store.stat("uploads/a/b/c.pdf").size == len(PDF)  # type: ignore[union-attr]
    assert store.stat("uploads/a/b/missing.pdf") is None
    assert store.read_head("uploads/a/b/c.pdf", 5) == b"%PDF-"
    with store.open("uploads/a/b/c.pdf") as handle:
        assert handle.read() == PDF
    with pytest.raises(FileNotFoundError):
        store.open("uploads/a/b/missing.pdf")
    assert "X-Amz-Signature" in store.download_url("uploads/a/b/c.pdf", expires_in=60)


def test_api_flow_on_s3_upload_then_submit(
    s3: Any, alice_api: APIClient, django_capture_on_commit_callbacks: Any
) -> None:
    form = form_request_create(alice_api)
    slot = (
        APIClient()
        .post(
            f"/api/v1/intake/{form['token']}/uploads",
            {
                "filename": "recibo.pdf",
                "content_type": "application/pdf",
                "size": len(PDF),
                "document_type": "PROOF_OF_INCOME",
            },
            format="json",
        )
        .json()
    )
    assert slot["upload"]["url"].startswith("https://screening-test.s3")
    # The browser posts straight to S3; here the same object lands through the SDK.
    s3.put_object(Bucket="screening-test", Key=slot["key"], Body=PDF, ContentType="application/pdf")
    body = submission_body(
        "245718931",
        [
            {
                "key": slot["key"],
                "original_filename": "recibo.pdf",
                "content_type": "application/pdf",
                "document_type": "PROOF_OF_INCOME",
            }
        ],
    )
    with (
        mock.patch("screening.pipeline.pipeline_start") as pipeline_start,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = APIClient().post(f"/api/v1/intake/{form['token']}/submissions", body, format="json")
    assert response.status_code == 201, response.content
    pipeline_start.assert_called_once()


def test_s3_object_with_wrong_bytes_is_refused(s3: Any, alice_api: APIClient) -> None:
    form = form_request_create(alice_api)
    key = f"uploads/{form['id']}/8d0e2c1a-0000-4000-8000-000000000000.pdf"
    s3.put_object(Bucket="screening-test", Key=key, Body=b"<html>not a pdf</html>", ContentType="application/pdf")
    body = submission_body(
        "245718931",
        [
            {
                "key": key,
                "original_filename": "recibo.pdf",
                "content_type": "application/pdf",
                "document_type": "PROOF_OF_INCOME",
            }
        ],
    )
    response = APIClient().post(f"/api/v1/intake/{form['token']}/submissions", body, format="json")
    assert (response.status_code, response.json()["code"]) == (400, "file_type_not_allowed")
