"""Encryption at rest for the local storage: AES-256-GCM per object, keys from settings.

One object, one sealed blob (docs/adr/007-storage-encryption.md)::

    magic (4) | key id (8) | nonce (12) | ciphertext | tag (16)

The key id names the key that sealed it, so a reader picks the right one of
``STORAGE_ENCRYPTION_KEYS`` (the first encrypts, all decrypt) and rotation
knows what is left to re-encrypt. The associated data binds the blob to its
storage key: a blob copied or moved to another key does not decrypt.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Sequence
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from documents.storage.port import StorageError

# Never the start of a PDF, JPEG or PNG, so a file written before encryption is told apart.
MAGIC = b"\x00DS1"
_KEY_ID_BYTES = 8
_NONCE_BYTES = 12
_TAG_BYTES = 16
HEADER_BYTES = len(MAGIC) + _KEY_ID_BYTES + _NONCE_BYTES
OVERHEAD_BYTES = HEADER_BYTES + _TAG_BYTES


class ObjectDecryptionError(StorageError):
    """A stored object cannot be decrypted with the configured keys (or was altered).

    The message never holds the object's key or bytes.
    """


def is_sealed(head: bytes) -> bool:
    return head.startswith(MAGIC)


def _associated_data(prefix: bytes, object_key: str) -> bytes:
    # The header and the storage key are authenticated: a blob moved to another key does not decrypt.
    return prefix + object_key.encode("utf-8")


def _key_id(raw_key: bytes) -> bytes:
    return hashlib.sha256(b"documents.storage key id\x00" + raw_key).digest()[:_KEY_ID_BYTES]


class ObjectCipher:
    """Seals and opens whole objects (they are at most ``INTAKE_MAX_FILE_SIZE``, so held in memory)."""

    def __init__(self, keys: Sequence[str]) -> None:
        if not keys:
            raise ImproperlyConfigured("STORAGE_ENCRYPTION_KEYS is empty")
        self._ciphers: dict[bytes, AESGCM] = {}
        self.current_key_id = b""
        for encoded in keys:
            try:
                raw_key = base64.urlsafe_b64decode(encoded.encode("ascii"))
                cipher = AESGCM(raw_key)
            except (ValueError, UnicodeError) as exc:
                raise ImproperlyConfigured("STORAGE_ENCRYPTION_KEYS holds an invalid key") from exc
            if len(raw_key) != 32:
                raise ImproperlyConfigured("STORAGE_ENCRYPTION_KEYS keys must be 32 bytes, base64-encoded")
            key_id = _key_id(raw_key)
            self._ciphers.setdefault(key_id, cipher)
            self.current_key_id = self.current_key_id or key_id

    def seal(self, plaintext: bytes, *, object_key: str) -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        prefix = MAGIC + self.current_key_id
        sealed = self._ciphers[self.current_key_id].encrypt(nonce, plaintext, _associated_data(prefix, object_key))
        return prefix + nonce + sealed

    def open(self, blob: bytes, *, object_key: str) -> bytes:
        if not is_sealed(blob) or len(blob) < OVERHEAD_BYTES:
            raise ObjectDecryptionError("stored object is not in the sealed format")
        key_id = blob[len(MAGIC) : len(MAGIC) + _KEY_ID_BYTES]
        cipher = self._ciphers.get(key_id)
        if cipher is None:
            raise ObjectDecryptionError("stored object was sealed with a key that is not configured")
        nonce = blob[len(MAGIC) + _KEY_ID_BYTES : HEADER_BYTES]
        try:
            return cipher.decrypt(
                nonce, blob[HEADER_BYTES:], _associated_data(blob[: len(MAGIC) + _KEY_ID_BYTES], object_key)
            )
        except InvalidTag as exc:
            raise ObjectDecryptionError("stored object failed authentication") from exc

    def sealed_with_current_key(self, head: bytes) -> bool:
        return is_sealed(head) and head[len(MAGIC) : len(MAGIC) + _KEY_ID_BYTES] == self.current_key_id


@lru_cache(maxsize=4)
def _object_cipher(keys: tuple[str, ...]) -> ObjectCipher:
    return ObjectCipher(keys)


def object_cipher() -> ObjectCipher:
    """The cipher for the configured keys (read at call time, so tests and rotation can switch them)."""
    return _object_cipher(tuple(settings.STORAGE_ENCRYPTION_KEYS))
