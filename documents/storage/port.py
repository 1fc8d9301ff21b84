"""The storage port: what the pipeline, the intake and the admin ask of object storage."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Protocol

UPLOAD_SIGNING_SALT = "documents.local-upload"
DOWNLOAD_SIGNING_SALT = "documents.local-download"


@dataclass(frozen=True)
class UploadForm:
    """Where and how the browser posts one file: a URL and the form fields to send before the file."""

    url: str
    fields: dict[str, str]
    expires_in: int


@dataclass(frozen=True)
class StoredObject:
    key: str
    size: int


@dataclass(frozen=True)
class CopiedObject:
    """The copy as stored: its size and the SHA-256 (hex) of its bytes."""

    key: str
    size: int
    sha256: str


class StorageError(Exception):
    """The store could not be reached or answered with an error (transient)."""


class StorageRootMissing(StorageError):
    """The local store's top folder is not there (an unmounted volume): every file would look deleted."""


class DocumentStore(Protocol):
    def upload_slot(self, *, key: str, content_type: str, max_size: int) -> UploadForm: ...
    def stat(self, key: str) -> StoredObject | None: ...
    def open(self, key: str) -> IO[bytes]: ...
    def read_head(self, key: str, length: int) -> bytes: ...
    def put(self, key: str, data: bytes, content_type: str) -> None: ...
    def copy(self, *, source: str, destination: str) -> CopiedObject: ...
    def delete(self, key: str) -> None: ...
    def download_url(self, key: str, *, expires_in: int) -> str: ...
