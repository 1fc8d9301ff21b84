"""Masks for list columns: enough to tell rows apart, not to identify a person."""

from __future__ import annotations


def mask_name(name: str) -> str:
    """``'Maria Santos'`` -> ``'M*** S***'``."""
    return " ".join(f"{part[0]}***" for part in name.split() if part) or "***"


def mask_email(email: str) -> str:
    local, _, domain = email.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


def mask_tail(value: str, visible: int = 3) -> str:
    return "***" + value[-visible:] if len(value) > visible else "***"
