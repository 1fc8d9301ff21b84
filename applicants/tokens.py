"""Intake tokens: long, random, stored only as a hash, compared in constant time."""

from __future__ import annotations

import hashlib
import hmac
import secrets


def intake_token_new() -> str:
    return secrets.token_urlsafe(32)


def intake_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def intake_token_matches(token: str, token_hash: str) -> bool:
    return hmac.compare_digest(intake_token_hash(token), token_hash)
