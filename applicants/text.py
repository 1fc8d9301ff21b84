"""Text folding and name particles: how Portuguese names and labels are compared.

Extraction (reading labels and names off documents) and screening (matching the
name a person typed against the one printed on their documents) must fold text
the same way, so both use these.
"""

from __future__ import annotations

import unicodedata

# Connecting words inside Portuguese names ("Maria da Silva e Santos"): written
# lowercase and left out when two names are compared.
NAME_PARTICLES = frozenset({"de", "da", "do", "das", "dos", "e"})


def fold_accents(text: str) -> str:
    """Drop accents and keep case: 'Conceição' -> 'Conceicao' (NFKD, combining marks removed).

    Composed again (NFC) after, which only Hangul has left to compose: its syllables stay one character each,
    as every other letter does, so a label's offsets in the folded text are its offsets in the printed one."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(char for char in decomposed if not unicodedata.combining(char)))


def fold(text: str) -> str:
    """Lowercase without accents, the form labels and names are matched on: 'Ilíquido' -> 'iliquido'."""
    return fold_accents(text).lower()
