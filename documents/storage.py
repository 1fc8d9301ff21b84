"""The storage port and its two adapters: local files (embedded) and S3.

Applicants upload straight to storage through a slot limited to one key, one
content type and a maximum size; Django never proxies an S3 upload. The
adapter is chosen by ``STORAGE_BACKEND`` in ``document_store()`` only.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Protocol
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing

UPLOAD_SIGNING_SALT = "documents.local-upload"
DOWNLOAD_SIGNING_SALT = "documents.local-download"


@dataclass(frozen=True)
class UploadSlot:
    url: str
    fields: dict[str, str]
    expires_in: int


@dataclass(frozen=True)
class StoredObject:
    key: str
    size: int


class StorageError(Exception):
    """The store could not be reached or answered with an error (transient)."""


class DocumentStore(Protocol):
    def upload_slot(self, *, key: str, content_type: str, max_size: int) -> UploadSlot: ...
    def stat(self, key: str) -> StoredObject | None: ...
    def open(self, key: str) -> IO[bytes]: ...
    def read_head(self, key: str, length: int) -> bytes: ...
    def put(self, key: str, data: bytes, content_type: str) -> None: ...
    def delete(self, key: str) -> None: ...
    def download_url(self, key: str, *, expires_in: int) -> str: ...


class LocalDocumentStore:
    """Files under ``LOCAL_STORAGE_DIR``; uploads go to a signed endpoint of this app."""

    def __init__(self, root: Path, base_url: str, ttl: int) -> None:
        self.root = root
        self.base_url = base_url
        self.ttl = ttl

    def path_for(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if not str(path).startswith(str(self.root.resolve()) + os.sep):
            raise ValueError("storage key escapes the storage root")
        return path

    def upload_slot(self, *, key: str, content_type: str, max_size: int) -> UploadSlot:
        policy = signing.dumps(
            {"key": key, "content_type": content_type, "max_size": max_size}, salt=UPLOAD_SIGNING_SALT
        )
        return UploadSlot(
            url=f"{self.base_url}/storage/upload",
            fields={"key": key, "Content-Type": content_type, "policy": policy},
            expires_in=self.ttl,
        )

    def stat(self, key: str) -> StoredObject | None:
        path = self.path_for(key)
        if not path.is_file():
            return None
        return StoredObject(key=key, size=path.stat().st_size)

    def open(self, key: str) -> IO[bytes]:
        return self.path_for(key).open("rb")

    def read_head(self, key: str, length: int) -> bytes:
        with self.open(key) as handle:
            return handle.read(length)

    def save(self, key: str, chunks: Any) -> int:
        """Write an upload atomically (temp file, then rename)."""
        path = self.path_for(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".part")
        written = 0
        with temporary.open("wb") as handle:
            for chunk in chunks:
                written += len(chunk)
                handle.write(chunk)
        temporary.replace(path)
        return written

    def put(self, key: str, data: bytes, content_type: str) -> None:
        self.save(key, [data])

    def delete(self, key: str) -> None:
        path = self.path_for(key)
        path.unlink(missing_ok=True)
        # Remove the now empty per-upload folders, never the root.
        parent = path.parent
        while parent != self.root.resolve() and parent.is_dir() and not any(parent.iterdir()):
            shutil.rmtree(parent, ignore_errors=True)
            parent = parent.parent

    def download_url(self, key: str, *, expires_in: int) -> str:
        token = signing.dumps({"key": key, "ttl": expires_in}, salt=DOWNLOAD_SIGNING_SALT)
        return f"{self.base_url}/storage/download?{urlencode({'token': token})}"


class S3DocumentStore:
    """An S3 bucket; uploads are presigned POSTs restricted by policy conditions."""

    def __init__(
        self, *, bucket: str, region: str, endpoint_url: str | None, public_endpoint_url: str | None, ttl: int
    ) -> None:
        import boto3
        from botocore.config import Config

        # botocore signs with SigV2 by default; POST policies need SigV4.
        config = Config(signature_version="s3v4", retries={"max_attempts": 3, "mode": "standard"})
        self.bucket = bucket
        self.ttl = ttl
        self.client = boto3.client("s3", region_name=region, endpoint_url=endpoint_url, config=config)
        # Browsers may reach the emulator through another host than the workers do.
        self.presign_client = (
            boto3.client("s3", region_name=region, endpoint_url=public_endpoint_url, config=config)
            if public_endpoint_url
            else self.client
        )

    def post_policy(self, *, key: str, content_type: str, max_size: int) -> tuple[dict[str, str], list[Any]]:
        fields = {"Content-Type": content_type}
        conditions: list[Any] = [
            {"bucket": self.bucket},
            ["eq", "$key", key],
            {"Content-Type": content_type},
            ["content-length-range", 1, max_size],
        ]
        return fields, conditions

    def upload_slot(self, *, key: str, content_type: str, max_size: int) -> UploadSlot:
        fields, conditions = self.post_policy(key=key, content_type=content_type, max_size=max_size)
        post = self.presign_client.generate_presigned_post(
            Bucket=self.bucket, Key=key, Fields=fields, Conditions=conditions, ExpiresIn=self.ttl
        )
        return UploadSlot(url=post["url"], fields=dict(post["fields"]), expires_in=self.ttl)

    def stat(self, key: str) -> StoredObject | None:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            head = self.client.head_object(Bucket=self.bucket, Key=key)
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}:
                return None
            raise StorageError("object storage answered with an error") from exc
        except BotoCoreError as exc:
            raise StorageError("object storage is unreachable") from exc
        return StoredObject(key=key, size=int(head["ContentLength"]))

    def open(self, key: str) -> IO[bytes]:
        import io

        from botocore.exceptions import BotoCoreError, ClientError

        try:
            body = self.client.get_object(Bucket=self.bucket, Key=key)["Body"]
            return io.BytesIO(body.read())
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in {"404", "NoSuchKey", "NotFound"}:
                raise FileNotFoundError(key) from exc
            raise StorageError("object storage read failed") from exc
        except BotoCoreError as exc:
            raise StorageError("object storage read failed") from exc

    def read_head(self, key: str, length: int) -> bytes:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            body = self.client.get_object(Bucket=self.bucket, Key=key, Range=f"bytes=0-{length - 1}")["Body"]
            return bytes(body.read())
        except (ClientError, BotoCoreError) as exc:
            raise StorageError("object storage read failed") from exc

    def put(self, key: str, data: bytes, content_type: str) -> None:
        self.client.put_object(Bucket=self.bucket, Key=key, Body=data, ContentType=content_type)

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=key)

    def download_url(self, key: str, *, expires_in: int) -> str:
        return str(
            self.presign_client.generate_presigned_url(
                "get_object", Params={"Bucket": self.bucket, "Key": key}, ExpiresIn=expires_in
            )
        )


@lru_cache(maxsize=4)
def _s3_store(
    bucket: str, region: str, endpoint_url: str | None, public_endpoint_url: str | None, ttl: int
) -> S3DocumentStore:
    # boto3 clients are thread-safe and costly to build (tens of ms): one per configuration.
    return S3DocumentStore(
        bucket=bucket, region=region, endpoint_url=endpoint_url, public_endpoint_url=public_endpoint_url, ttl=ttl
    )


def document_store() -> DocumentStore:
    """The configured adapter (settings read at call time so tests can switch it)."""
    if settings.STORAGE_BACKEND == "s3":
        return _s3_store(
            settings.S3_BUCKET,
            settings.AWS_REGION,
            settings.S3_ENDPOINT_URL,
            settings.S3_PUBLIC_ENDPOINT_URL,
            settings.INTAKE_UPLOAD_URL_TTL,
        )
    return LocalDocumentStore(
        root=Path(settings.LOCAL_STORAGE_DIR), base_url=settings.PUBLIC_BASE_URL, ttl=settings.INTAKE_UPLOAD_URL_TTL
    )
