"""Portuguese identifiers: NIF (tax number) and Cartao de Cidadao number."""

from __future__ import annotations

import re
import unicodedata

from django.utils.translation import gettext as _

PERSONAL_NIF_PREFIXES = ("1", "2", "3", "45")
_NIF_NOISE = re.compile(r"[\s.\-]")
# ASCII only: ``\d`` and ``str.isdigit()`` also accept "²" (which ``int()`` refuses) and
# Arabic-Indic digits (which would get a blind index of their own).
_NIF_DIGITS = re.compile(r"[0-9]{9}")


class InvalidNIF(ValueError):
    pass


def nif_normalize(raw: str) -> str:
    """``'PT 245 718 931'`` -> ``'245718931'``; format only, no check-digit test.

    NFKC first, so full-width (``'２４５７１８９３１'``) and superscript digits become the
    ASCII NIF and share its blind index; digits NFKC leaves alone (Arabic-Indic,
    Devanagari...) stay, and ``nif_is_well_formed`` refuses them.
    """
    value = _NIF_NOISE.sub("", unicodedata.normalize("NFKC", raw).strip().upper())
    if value.startswith("PT"):
        value = value[2:]
    return value


def nif_check_digit(first_eight: str) -> int:
    total = sum(int(digit) * weight for digit, weight in zip(first_eight, range(9, 1, -1), strict=True))
    remainder = total % 11
    return 0 if remainder < 2 else 11 - remainder


def nif_is_well_formed(nif: str) -> bool:
    """Exactly nine ASCII digits (apply ``nif_normalize`` first)."""
    return _NIF_DIGITS.fullmatch(nif) is not None


def nif_has_valid_checksum(nif: str) -> bool:
    return nif_is_well_formed(nif) and nif_check_digit(nif[:8]) == int(nif[8])


def nif_is_personal(nif: str) -> bool:
    return nif.startswith(PERSONAL_NIF_PREFIXES)


def nif_validate_personal(raw: str) -> str:
    """Return the normalized NIF of a natural person or raise ``InvalidNIF``."""
    nif = nif_normalize(raw)
    if not nif_is_well_formed(nif):
        raise InvalidNIF(_("O NIF deve ter 9 algarismos."))
    if not nif_has_valid_checksum(nif):
        raise InvalidNIF(_("O NIF não é válido (dígito de controlo errado)."))
    if not nif_is_personal(nif):
        raise InvalidNIF(_("O NIF não corresponde a uma pessoa singular."))
    return nif


_CC_PATTERN = re.compile(r"^(\d{8})\s*(\d)\s*([A-Z0-9]{2})\s*(\d)$", re.ASCII)


def cc_normalize(raw: str) -> str:
    return re.sub(r"[\s\-]", "", raw.strip().upper())


def _cc_char_value(char: str) -> int:
    if char.isdigit():
        return int(char)
    return ord(char) - ord("A") + 10


def cc_is_valid(raw: str) -> bool:
    """Cartao de Cidadao number ``DDDDDDDD C AA T`` with its Luhn-style check."""
    number = cc_normalize(raw)
    if not _CC_PATTERN.match(number):
        return False
    total = 0
    for position, char in enumerate(reversed(number)):
        value = _cc_char_value(char)
        if position % 2 == 1:
            value *= 2
            if value >= 10:
                value -= 9
        total += value
    return total % 10 == 0


def cc_number_holds(raw: str) -> bool:
    """A Cartão de Cidadão number as a card prints it: its version two letters ("ZZ", "ZY") and its check character
    holding. ``cc_is_valid`` is the check's arithmetic alone, which weighs a digit in the version too: a letter read
    as a digit ("Z2" for "ZZ") can make a number failing its check hold (blind probe r74a, C04: a front edited to
    "11223374 9 ZZ5" read "... Z25", valid). A digit may be read back as the letter it looks like, never the reverse."""
    number = cc_normalize(raw)
    return len(number) == 12 and re.fullmatch(r"[A-Z]{2}", number[9:11]) is not None and cc_is_valid(number)


def cc_check_digit(first_eleven: str) -> str:
    """The final check character for the first 11 characters of a CC number."""
    for digit in "0123456789":
        if cc_is_valid(first_eleven + digit):
            return digit
    raise ValueError("no check digit fits")


# Characters OCR takes for one another on a card's printed number. The CC number's check character is weak enough
# to accept a misreading ("72256335 3 ZZ5" read "12256335 3 Z25": cases probe 10), so a number differing from
# another only in these is that number misread, not another card. A sans-serif "T" is a "7" with a stroke more
# (blind probe r75d: a German card's front "T22000129" read "722000129" beside its back's valid MRZ).
CARD_LOOKALIKE_PAIRS = frozenset(
    frozenset(pair)
    for pair in ("17", "1I", "1L", "0O", "0D", "0Q", "08", "2Z", "38", "4A", "56", "5S", "69", "6G", "7T", "8B")
)


def card_numbers_alike(first: str, second: str) -> bool:
    """Two card numbers (spaces and hyphens aside) that are one, or one misread: same length, and every character
    that differs is a look-alike of the other's."""
    a, b = (re.sub(r"[\s\-]", "", value).upper() for value in (first, second))
    return len(a) == len(b) and all(
        x == y or frozenset((x, y)) in CARD_LOOKALIKE_PAIRS for x, y in zip(a, b, strict=True)
    )


# The shortest number whose one glyph more or fewer is still OCR's slip: below it a glyph is too much of the number.
SLIP_MIN_LENGTH = 6


def card_number_misread(printed: str, vouched: str) -> bool:
    """``printed`` (a card's front, a page's visual zone) is ``vouched`` (its MRZ's number, every check digit holding)
    as OCR misreads a printed number: look-alikes alone (``card_numbers_alike``), or one glyph more or fewer, the
    rest alike (blind probe r74a, F2: a French card's "X4RTBPFW4" read "X4RTBPFWA4" on the front, a false alarm).
    A number that differs otherwise is another card's, or an edited one."""
    a, b = (re.sub(r"[\s\-<]", "", value).upper() for value in (printed, vouched))
    if card_numbers_alike(a, b):
        return True
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    if len(longer) != len(shorter) + 1 or len(shorter) < SLIP_MIN_LENGTH:
        return False
    return any(card_numbers_alike(longer[:index] + longer[index + 1 :], shorter) for index in range(len(longer)))
