"""How the name a person typed is compared with the names printed on their documents."""

from __future__ import annotations

import difflib
import itertools
import unicodedata

from applicants.text import NAME_PARTICLES, fold

# ICAO 9303 part 3 writes these letters in the MRZ as the digraph (ß as SS, Ø as OE, Ü as UE), and people and
# payroll programs without the letter on their keyboard write the digraph or the plain letter (Ü as U, Ø as O).
# Folding accents alone makes "Großmann" and the MRZ's "Grossmann" two words, and "Jürgen" "Jurgen" but never
# "Juergen" (blind probe C32, c06: "Jürgen Großmann" typed as printed was "only similar" to the card read
# "Jürgen Grossmann", and that alone raised the risk). A word written with one of these letters is the same word
# as one written with any of its transliterations; only then, so "Michael" and "Michal" stay two names.
ICAO_LETTERS: dict[str, tuple[str, ...]] = {
    "ß": ("ss",),
    "ä": ("ae", "a"),
    "ö": ("oe", "o"),
    "ü": ("ue", "u"),
    "å": ("aa", "a"),
    "ø": ("oe", "o"),
    "æ": ("ae",),
    "œ": ("oe",),
    "þ": ("th",),
    "ð": ("d",),
    "ĳ": ("ij",),
    "ł": ("l",),
    "đ": ("d",),
    "ħ": ("h",),
    "ı": ("i",),
}
# Spellings of one word at most: a name's word holds one or two of these letters, never enough to reach it.
MAX_WORD_FORMS = 64


def name_words(name: str) -> list[str]:
    """Lowercase words with their letters as written, without particles: 'Jürgen da Großmann' -> ['jürgen',
    'großmann']."""
    text = unicodedata.normalize("NFC", name).lower()
    cleaned = "".join(char if char.isalpha() or unicodedata.combining(char) else " " for char in text)
    return [word for word in cleaned.split() if fold(word) not in NAME_PARTICLES]


def name_tokens(name: str) -> list[str]:
    """Lowercase words without accents or particles: 'Maria da Conceição' -> ['maria', 'conceicao']."""
    return [fold(word) for word in name_words(name)]


def word_forms(word: str) -> frozenset[str]:
    """A word's spellings, folded: as written, and with each ICAO letter in it written as ICAO transliterates it
    or as its plain letter ('großmann' -> {'großmann', 'grossmann'}; 'jürgen' -> {'jurgen', 'juergen'})."""
    word = unicodedata.normalize("NFC", word).lower()
    if not any(char in ICAO_LETTERS for char in word):
        return frozenset({fold(word)})
    forms = {""}
    for char in word:
        options = {fold(char), *ICAO_LETTERS.get(char, ())}
        forms = {form + option for form in forms for option in options}
        if len(forms) > MAX_WORD_FORMS:
            return frozenset({fold(word)})
    return frozenset(forms)


def aligned_tokens(left_name: str, right_name: str) -> tuple[list[str], list[str]]:
    """Both names' tokens (``name_tokens``), a word spelled with an ICAO letter on one side and transliterated on
    the other given the same spelling on both, so the comparisons after see one word."""
    left, right = name_words(left_name), name_words(right_name)
    left_forms, right_forms = [word_forms(w) for w in left], [word_forms(w) for w in right]

    def spelled(forms: frozenset[str], word: str, others: list[frozenset[str]]) -> str:
        common = next((forms & other for other in others if forms & other), None)
        return min(common) if common else fold(word)

    return (
        [spelled(forms, word, right_forms) for forms, word in zip(left_forms, left, strict=True)],
        [spelled(forms, word, left_forms) for forms, word in zip(right_forms, right, strict=True)],
    )


def word_starts(word: str, start: str) -> bool:
    """Whether ``word`` begins with ``start`` in some spelling of each (an MRZ's cut "GROSSMA" of "Großmann")."""
    return any(w.startswith(s) for w, s in itertools.product(word_forms(word), word_forms(start)))


def name_match(submitted: str, read: str) -> str:
    """``exact`` (same tokens, any order/case/accents, ICAO's transliterations), ``partial`` (one holds the
    other's tokens: missing middle names), ``fuzzy`` (only near-equal spellings)
    or ``none``."""
    left, right = aligned_tokens(submitted, read)
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
    shorter, longer = aligned_tokens(typed, printed)
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
    words = name_words(printed)
    firsts = [words_[0] for words_ in (name_words(surname), name_words(given_names)) if words_]
    return bool(words) and all(any(mrz_word_fits(first, word) for word in words) for first in firsts)


def mrz_word_fits(mrz_word: str, printed_word: str) -> bool:
    """An MRZ word is the printed word within OCR's slips (one letter in four) or a start of it (an initial, a cut
    word), in any of ICAO's spellings of each (the printed "Søren" is the MRZ's "SOEREN")."""
    pairs = list(itertools.product(word_forms(mrz_word), word_forms(printed_word)))
    if any(printed.startswith(mrz) for mrz, printed in pairs):
        return True
    return any(difflib.SequenceMatcher(None, mrz, printed).ratio() >= 0.75 for mrz, printed in pairs)


def names_the_applicant(applicant_name: str, printed: str | None) -> bool:
    """Whether a document's printed name is the applicant's: the same words, or with middle names or the last surname
    left out (not one only similar). Proofs in the applicant's own name with another NIF than the one typed are judged
    by it, in the identity rules (``identity.nif_documents``) and the income owner checks alike. The last surname left
    out is the applicant's name as ``identity.name_match`` accepts it (blind probe r57b: the name check passed while
    the same name on the payslips was "another person's")."""
    if not printed:
        return False
    return name_match(applicant_name, printed) in {"exact", "partial"} or surname_left_out(applicant_name, printed)
