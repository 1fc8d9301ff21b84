"""How the name a person typed is compared with the names printed on their documents."""

from __future__ import annotations

import difflib

from applicants.text import NAME_PARTICLES, fold


def name_tokens(name: str) -> list[str]:
    """Lowercase words without accents or particles: 'Maria da Conceição' -> ['maria', 'conceicao']."""
    cleaned = "".join(char if char.isalpha() else " " for char in fold(name))
    return [token for token in cleaned.split() if token not in NAME_PARTICLES]


def name_match(submitted: str, read: str) -> str:
    """``exact`` (same tokens, any order/case/accents), ``partial`` (one holds the
    other's tokens: missing middle names), ``fuzzy`` (only near-equal spellings)
    or ``none``."""
    left, right = name_tokens(submitted), name_tokens(read)
    if not left or not right:
        return "none"
    if sorted(left) == sorted(right):
        return "exact"
    shorter, longer = (left, right) if len(left) <= len(right) else (right, left)
    if len(shorter) >= 2 and set(shorter) <= set(longer) and shorter[0] == longer[0] and shorter[-1] == longer[-1]:
        return "partial"
    if len(shorter) >= 2 and all(
        max(difflib.SequenceMatcher(None, token, other).ratio() for other in longer) >= 0.8 for token in shorter
    ):
        return "fuzzy"
    return "none"
