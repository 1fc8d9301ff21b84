"""Content type by magic bytes: what a file is, not what it says it is."""

from __future__ import annotations

ALLOWED_CONTENT_TYPES = ("application/pdf", "image/jpeg", "image/png")

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
)

SNIFF_BYTES = 1024

# Files that may hold a PDF's bytes near their start without being one: archives (a ZIP stores its first member
# uncompressed 30 bytes in), executables, old Office documents. A PDF's leading junk is never one of these.
_OTHER_FORMATS: tuple[bytes, ...] = (
    b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08", b"\x1f\x8b", b"BZh", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07",
    b"\xfd7zXZ\x00", b"\x7fELF", b"MZ", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\xca\xfe\xba\xbe",
)  # fmt: skip


def sniff_content_type(head: bytes) -> str | None:
    """Return the allowed content type these leading bytes prove, else None.

    PDF readers accept a header within the first KiB, so a PDF may start with
    a little junk; images must start with their signature. Junk that is another
    format's signature (a ZIP holding a PDF, renamed ``.pdf``) is no PDF.
    """
    for signature, content_type in _SIGNATURES:
        if head.startswith(signature):
            return content_type
    if head.startswith(_OTHER_FORMATS):
        return None
    if b"%PDF-" in head[:SNIFF_BYTES]:
        return "application/pdf"
    return None


# HEIF's brands (an iPhone's HEIC photo): the ISO box "ftyp" after the box's size. Refused like any other format,
# but said so, with what to change on the phone (blind probe r80b).
_HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"hevm", b"hevs", b"mif1", b"msf1"})
HEIF_CONTENT_TYPES = frozenset({"image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence"})


def heif_photo(head: bytes) -> bool:
    """These leading bytes are a HEIF/HEIC image's."""
    return head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS
