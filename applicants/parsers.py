"""Request bodies as the API reads them: text without the Unicode controls that reorder how it is shown.

An embedding, override or isolate (U+202A-U+202E, U+2066-U+2069) makes text display in another order than
it is stored: a property title typed "T1 <RLO>gpj.exe" shows as "T1 exe.jpg" in the admin, a file name
"recibo<RLO>fdp.exe" as "recibo.exe.pdf" (security probe, cases 13). No name, title, e-mail or note needs
one (right-to-left scripts order themselves), so every string of a JSON body is read without them, and without the
characters that show as nothing (``INVISIBLE``).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import exceptions, parsers

BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
# Characters that show as nothing: a bell or an escape (the C0 and C1 controls, less the tab, the line breaks and NUL,
# which is a field error of its own), a zero-width space, a word joiner, a byte-order mark. "Ana<U+200B>Maria" looks
# like "AnaMaria" on every screen and is another string (e2e probe 20). The zero-width joiners stay: scripts and
# emoji need them.
INVISIBLE = dict.fromkeys(
    [*range(0x01, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0x200B, 0x2060, 0xFEFF, 0x180E]
)
TAKEN_OUT = BIDI_CONTROLS | INVISIBLE


def without_bidi_controls(value: Any) -> Any:
    """``value`` (a parsed JSON document) with the reordering controls and the invisible characters taken out of
    every string, keys too."""
    if isinstance(value, str):
        return value.translate(TAKEN_OUT)
    if isinstance(value, list):
        return [without_bidi_controls(item) for item in value]
    if isinstance(value, dict):
        return {without_bidi_controls(key): without_bidi_controls(item) for key, item in value.items()}
    return value


# No body of the contract nests deeper than a household's list of documents (four levels); a body of 100,000
# brackets made Python's decoder recurse past its limit and answered 500 (e2e probe 20).
MAX_NESTING = 32


def nesting_of(value: Any) -> int:
    """How deep lists and objects nest in ``value``, walked without recursion."""
    deepest, pending = 0, [(value, 1)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            pending.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


class JSONParser(parsers.JSONParser):
    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            parsed = super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise exceptions.ParseError(_("O corpo do pedido tem demasiados níveis.")) from exc
        if nesting_of(parsed) > MAX_NESTING:
            raise exceptions.ParseError(_("O corpo do pedido tem demasiados níveis."))
        return without_bidi_controls(parsed)
