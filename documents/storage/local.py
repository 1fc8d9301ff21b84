"""The local storage (embedded default): files under ``LOCAL_STORAGE_DIR``, encrypted at rest.

Uploads go to this app's signed endpoint (``documents/views.py``), downloads
come from it; every object is sealed with AES-256-GCM before it touches the
disk (``documents/storage/encryption.py``). Files written before encryption
existed are read as they are until ``rotate_storage_keys`` seals them.
"""

from __future__ import annotations

import hashlib
import io
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.utils import translation

from documents.storage.encryption import OVERHEAD_BYTES, ObjectCipher, is_sealed
from documents.storage.port import (
    DOWNLOAD_SIGNING_SALT,
    UPLOAD_SIGNING_SALT,
    CopiedObject,
    StorageError,
    StorageRootMissing,
    StoredObject,
    UploadForm,
)

_PARTIAL_SUFFIX = ".part"
# The file ``migrate`` leaves in the store's top folder. A folder without it is not the store: most often the empty
# mount point of a volume that is not mounted, where every document would otherwise read as deleted for good.
STORE_MARKER = ".document-store"
STORE_MARKER_TEXT = "The local document store of the screening app (made by `manage.py migrate`). Do not delete.\n"


def local_storage_root_create(**_signal: object) -> None:
    """Make the local storage's top folder and its marker at ``migrate`` (post_migrate): the install step, not the
    probe. An existing store gets its marker at its first ``migrate`` after the upgrade.

    Readiness made it when missing and said OK, so a volume that was not mounted (or moved away) answered ready
    with every stored document gone (blind probe r58a, F8); readiness now only checks it, and makes nothing.
    """
    if settings.STORAGE_BACKEND == "local":
        store_make(Path(settings.LOCAL_STORAGE_DIR))


def store_make(root: Path) -> None:
    """The store's folder and its marker, made where missing (``migrate``'s step; a test's or a test stack's too)."""
    root.mkdir(parents=True, exist_ok=True)
    marker = root / STORE_MARKER
    if not marker.is_file():
        marker.write_text(STORE_MARKER_TEXT)


def store_mounted(root: str | Path) -> bool:
    """Whether ``root`` is the store: its folder with ``migrate``'s marker in it. An empty folder in its place (a
    volume not mounted over its mount point) is not (a folder left so read as every file deleted: r58a's leftover)."""
    return os.path.isfile(os.path.join(root, STORE_MARKER))


class LocalDocumentStore:
    """Files under ``root``; uploads go to a signed endpoint of this app."""

    def __init__(self, root: Path, base_url: str, ttl: int, cipher: ObjectCipher) -> None:
        self.root = root
        # Absolute once: every key is checked against it lexically (``path_for``).
        self._absolute_root = os.path.abspath(root)
        self.base_url = base_url
        self.ttl = ttl
        self.cipher = cipher

    def path_for(self, key: str) -> Path:
        # Lexical, not ``Path.resolve()``: no ``..`` or absolute key leaves the root, without an
        # ``lstat`` of every folder on the way (a submission asked for six paths). Symlinks under the
        # root are not looked for: nothing makes any, every object there is written by this class.
        path = os.path.normpath(os.path.join(self._absolute_root, key))
        if not path.startswith(self._absolute_root + os.sep):
            raise ValueError("storage key escapes the storage root")
        return Path(path)

    def upload_slot(self, *, key: str, content_type: str, max_size: int) -> UploadForm:
        policy = signing.dumps(
            {"key": key, "content_type": content_type, "max_size": max_size}, salt=UPLOAD_SIGNING_SALT
        )
        # The page's language when the slot was issued (``?lang=en`` activates English): the upload's
        # own refusals are read by the same person. S3 answers in its own words, whatever we add.
        language = "?lang=en" if (translation.get_language() or "").startswith("en") else ""
        return UploadForm(
            url=f"{self.base_url}/storage/upload{language}",
            fields={"key": key, "Content-Type": content_type, "policy": policy},
            expires_in=self.ttl,
        )

    def stat(self, key: str) -> StoredObject | None:
        path = self.path_for(key)
        if not path.is_file():
            self._root_present()
            return None
        try:
            size = path.stat().st_size
            with path.open("rb") as handle:
                sealed = is_sealed(handle.read(OVERHEAD_BYTES))
        except FileNotFoundError:
            return None  # deleted between the two looks
        except OSError as exc:
            raise StorageError("local storage read failed") from exc
        return StoredObject(key=key, size=size - OVERHEAD_BYTES if sealed else size)

    def _root_present(self) -> None:
        """Raise ``StorageRootMissing`` when the top folder itself is gone.

        A file missing under a present root was deleted: that is the file's fate, for good. A missing root
        is the machine's (an unmounted or not yet mounted volume), and it passes: with it reported as a
        missing file, every document of a store moved away for 30 s had failed for good and been screened
        without (blind probe r58a, F2).
        """
        if not store_mounted(self._absolute_root):
            raise StorageRootMissing("the local storage folder or its marker is not there (an unmounted volume?)")

    def _read(self, key: str) -> bytes:
        path = self.path_for(key)
        try:
            blob = path.read_bytes()
        except FileNotFoundError:
            self._root_present()
            raise
        except OSError as exc:  # permissions, I/O errors: the disk's trouble, not the file's
            raise StorageError("local storage read failed") from exc
        return self.cipher.open(blob, object_key=key) if is_sealed(blob) else blob

    def _write(self, key: str, plaintext: bytes) -> None:
        """Seal and write atomically (a temporary file, flushed, then renamed over the key)."""
        path = self.path_for(key)
        if not store_mounted(self._absolute_root):
            # Made by ``migrate``, never here: written into a mount point's place, a file would be hidden once the
            # volume is mounted over it (the readiness probe says not ready meanwhile; blind probe r58a, F8).
            raise StorageRootMissing("the local storage folder or its marker is not there (an unmounted volume?)")
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}{_PARTIAL_SUFFIX}")
        try:
            with temporary.open("wb") as handle:
                handle.write(self.cipher.seal(plaintext, object_key=key))
                handle.flush()
                os.fsync(handle.fileno())
            temporary.replace(path)
        finally:
            temporary.unlink(missing_ok=True)

    def open(self, key: str) -> IO[bytes]:
        return io.BytesIO(self._read(key))

    def read_head(self, key: str, length: int) -> bytes:
        return self._read(key)[:length]

    def put(self, key: str, data: bytes, content_type: str) -> None:
        self._write(key, data)

    def copy(self, *, source: str, destination: str) -> CopiedObject:
        data = self._read(source)
        self._write(destination, data)
        return CopiedObject(key=destination, size=len(data), sha256=hashlib.sha256(data).hexdigest())

    def delete(self, key: str) -> None:
        path = self.path_for(key)
        path.unlink(missing_ok=True)
        # Remove the now empty per-form folders, never the root. ``rmdir`` refuses a folder that is not
        # empty, so a file written into it meanwhile (another upload of the form) stays.
        root = Path(self._absolute_root)
        parent = path.parent
        while parent != root:
            try:
                parent.rmdir()
            except OSError:  # not empty, or already gone
                break
            parent = parent.parent

    def download_url(self, key: str, *, expires_in: int) -> str:
        token = signing.dumps({"key": key, "ttl": expires_in}, salt=DOWNLOAD_SIGNING_SALT)
        return f"{self.base_url}/storage/download?{urlencode({'token': token})}"

    # --- Rotation ---------------------------------------------------------------------------------

    def object_keys(self) -> Iterator[str]:
        """Every stored object's key (temporary files of writes in progress and the store's marker left out)."""
        if not self.root.is_dir():
            return
        for path in sorted(self.root.rglob("*")):
            if path.is_file() and not path.name.endswith(_PARTIAL_SUFFIX) and path != self.root / STORE_MARKER:
                yield path.relative_to(self.root).as_posix()

    def reseal(self, key: str) -> bool:
        """Re-encrypt one object under the first key (plain legacy files included); False if it already was."""
        path = self.path_for(key)
        with path.open("rb") as handle:
            if self.cipher.sealed_with_current_key(handle.read(OVERHEAD_BYTES)):
                return False
        plaintext = self._read(key)
        # An object deleted meanwhile stays deleted (the window left is the rename itself).
        if not path.exists():
            return False
        self._write(key, plaintext)
        return True
