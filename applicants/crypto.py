"""Field encryption (MultiFernet) and the NIF blind index (HMAC-SHA256).

Keys come from settings, never from ``SECRET_KEY``: ``FIELD_ENCRYPTION_KEYS``
(the first encrypts, all decrypt, so keys can be rotated) and a separate
``BLIND_INDEX_KEY`` so that an equality lookup never needs decryption.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from applicants.identifiers import nif_normalize
from applicants.text import NAME_PARTICLES, fold


class DecryptionError(Exception):
    """A stored value cannot be decrypted with any configured key.

    The message never contains the ciphertext or any plaintext.
    """


@lru_cache(maxsize=8)
def _multi_fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty")
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except (ValueError, TypeError) as exc:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS holds an invalid Fernet key") from exc


def fernet() -> MultiFernet:
    return _multi_fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt_text(plaintext: str) -> str:
    return fernet().encrypt(plaintext.encode("utf-8")).decode("ascii")


def decrypt_text(token: str) -> str:
    try:
        return fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, UnicodeError) as exc:
        raise DecryptionError("stored value cannot be decrypted with the configured keys") from exc


def rotate_token(token: str) -> str:
    """Re-encrypt a stored token under the first (current) key."""
    try:
        return fernet().rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken as exc:
        raise DecryptionError("stored value cannot be decrypted with the configured keys") from exc


def blind_index(normalized_value: str) -> str:
    """Deterministic keyed hash for exact-match lookups of an encrypted value."""
    key = settings.BLIND_INDEX_KEY.encode("utf-8")
    return hmac.new(key, normalized_value.encode("utf-8"), hashlib.sha256).hexdigest()


def nif_index_for(raw_nif: str) -> str:
    """The blind index of a NIF in any common format (``PT 245 718 931`` and ``245718931`` agree)."""
    return blind_index(nif_normalize(raw_nif))


# Words a name search neither needs nor can tell people apart by: the particles between names (the Portuguese ones
# the name comparisons leave out, and their kin in the languages applicants' names come in), and single letters
# (initials, the "d" of "D'Almeida").
NAME_SEARCH_LEFT_OUT = NAME_PARTICLES | frozenset(
    {"del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "y"}
)
_LETTERS = re.compile(r"[^\W\d_]+")


def name_words(name: str) -> set[str]:
    """The words a person is found by: lowercase without accents, split at spaces, hyphens and apostrophes, so
    "Conceição Sousa-Lopes", "CONCEICAO SOUSA LOPES" and "sousa lopes" share theirs."""
    return {word for word in _LETTERS.findall(fold(name)) if len(word) > 1 and word not in NAME_SEARCH_LEFT_OUT}


def name_word_digests(name: str) -> set[str]:
    """The blind index of each of a name's words, apart from the NIF's (the prefix) under the same key."""
    return {blind_index("name-word:" + word) for word in name_words(name)}
