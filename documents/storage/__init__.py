"""The storage port and its two adapters: local files (embedded, encrypted at rest) and S3 (SSE).

Applicants upload straight to storage through a slot limited to one key, one
content type and a maximum size; Django never proxies an S3 upload. The
adapter is chosen by ``STORAGE_BACKEND`` in ``document_store()`` only.
Keys hold ids and an extension, never a file name: ``uploads/<form>/<uuid>.<ext>``
while an applicant uploads, ``documents/<organization>/<document>.<ext>`` once
submitted (an immutable copy; see ``intake.services``).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from django.conf import settings

from documents.storage.encryption import ObjectDecryptionError, object_cipher
from documents.storage.local import STORE_MARKER, LocalDocumentStore, store_make, store_mounted
from documents.storage.port import (
    DOWNLOAD_SIGNING_SALT,
    UPLOAD_SIGNING_SALT,
    CopiedObject,
    DocumentStore,
    StorageError,
    StorageRootMissing,
    StoredObject,
    UploadForm,
)
from documents.storage.s3 import S3DocumentStore

__all__ = [
    "DOWNLOAD_SIGNING_SALT",
    "STORE_MARKER",
    "UPLOAD_SIGNING_SALT",
    "CopiedObject",
    "DocumentStore",
    "LocalDocumentStore",
    "ObjectDecryptionError",
    "S3DocumentStore",
    "StorageError",
    "StorageRootMissing",
    "StoredObject",
    "UploadForm",
    "document_store",
    "store_make",
    "store_mounted",
]


@lru_cache(maxsize=4)
def _s3_store(
    bucket: str, region: str, endpoint_url: str | None, public_endpoint_url: str | None, ttl: int, kms_key_id: str
) -> S3DocumentStore:
    # boto3 clients are thread-safe and costly to build (tens of ms): one per configuration.
    return S3DocumentStore(
        bucket=bucket,
        region=region,
        endpoint_url=endpoint_url,
        public_endpoint_url=public_endpoint_url,
        ttl=ttl,
        kms_key_id=kms_key_id,
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
            settings.S3_KMS_KEY_ID,
        )
    return LocalDocumentStore(
        root=Path(settings.LOCAL_STORAGE_DIR),
        base_url=settings.PUBLIC_BASE_URL,
        ttl=settings.INTAKE_UPLOAD_URL_TTL,
        cipher=object_cipher(),
    )
