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


def surname_left_out(typed: str, printed: str) -> bool:
    """Whether the typed name holds only the printed one's words, its first among them, but not its last surname:
    ``name_match``'s ``partial`` with the last word dropped, which it grades ``fuzzy``."""
    shorter, longer = name_tokens(typed), name_tokens(printed)
    return (
        2 <= len(shorter) < len(longer)
        and set(shorter) <= set(longer)
        and shorter[0] == longer[0]
        and shorter[-1] != longer[-1]
    )


def mrz_name_fits(printed: str, *, surname: str, given_names: str) -> bool:
    """Whether an MRZ's name could be the name printed on the document's other side.

    The MRZ writes names without accents, transliterated (Ü as UE) and cut to fit its line,
    sometimes to initials, so it is read as a shortened form of the printed name: its first
    surname and its first given name must each stand for a printed word (the same word within
    OCR's slips, or a word it starts). Two people who share a surname still differ by the given
    name; a printed name OCR read only in part is not taken for another person's.
    """
    words = name_tokens(printed)
    firsts = [tokens[0] for tokens in (name_tokens(surname), name_tokens(given_names)) if tokens]
    return bool(words) and all(any(mrz_word_fits(first, word) for word in words) for first in firsts)


def mrz_word_fits(mrz_word: str, printed_word: str) -> bool:
    """An MRZ word is the printed word within OCR's slips (one letter in four) or a start of it (an initial, a cut word)."""
    if printed_word.startswith(mrz_word):
        return True
    return difflib.SequenceMatcher(None, mrz_word, printed_word).ratio() >= 0.75


def names_the_applicant(applicant_name: str, printed: str | None) -> bool:
    """Whether a document's printed name is the applicant's: the same words, or with middle names left out (not one
    only similar). Proofs in the applicant's own name with another NIF than the one typed are judged by it, in the
    identity rules (``identity.nif_documents``) and the income owner checks alike."""
    return bool(printed) and name_match(applicant_name, printed or "") in {"exact", "partial"}
