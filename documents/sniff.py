"""Content type by magic bytes: what a file is, not what it says it is."""

from __future__ import annotations

ALLOWED_CONTENT_TYPES = ("application/pdf", "image/jpeg", "image/png")

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)

SNIFF_BYTES = 1024


def sniff_content_type(head: bytes) -> str | None:
    """Return the allowed content type these leading bytes prove, else None.

    PDF readers accept a header within the first KiB, so a PDF may start with
    a little junk; images must start with their signature.
    """
    for signature, content_type in _SIGNATURES:
        if head.startswith(signature):
            return content_type
    if b"%PDF-" in head[:SNIFF_BYTES]:
        return "application/pdf"
    return None
