"""A NIF is nine ASCII digits after NFKC normalization, whatever characters it arrived in (issue 13, item 9).

NFKC maps full-width and superscript digits to ASCII, so those index exactly
like the ASCII NIF (no second applicant on one form, no missed search); digits
of other scripts (Arabic-Indic, Devanagari...) are not mapped and are refused.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from applicants.crypto import nif_index_for
from applicants.identifiers import InvalidNIF, nif_has_valid_checksum, nif_normalize, nif_validate_personal

NIF = "245718931"
FULL_WIDTH = "２４５７１８９３１"
SUPERSCRIPT = "²⁴⁵⁷¹⁸⁹³¹"
ARABIC_INDIC = "٢٤٥٧١٨٩٣١"
DEVANAGARI = "२४५७१८९३१"


@pytest.mark.parametrize("raw", ["²", "24571893²", "²²²²²²²²²", "¹", "½45718931", "Ⅱ45718931", "①45718931"])
def test_superscripts_and_other_numeric_characters_are_refused_not_a_crash(raw: str) -> None:
    with pytest.raises(InvalidNIF):
        nif_validate_personal(raw)


@pytest.mark.parametrize("raw", [ARABIC_INDIC, DEVANAGARI, "٢٤٥٧١٨٩٣١".replace("٢", "2")])
def test_digits_of_other_scripts_are_refused(raw: str) -> None:
    with pytest.raises(InvalidNIF):
        nif_validate_personal(raw)


@pytest.mark.parametrize(
    "raw", [FULL_WIDTH, SUPERSCRIPT, "2457189³1", "ＰＴ ２４５ ７１８ ９３１", "PT\u00a0245\u00a0718\u00a0931"]
)
def test_compatibility_digits_normalize_to_the_ascii_nif_and_its_blind_index(raw: str) -> None:
    assert nif_validate_personal(raw) == NIF
    assert nif_normalize(raw) == NIF
    assert nif_index_for(raw) == nif_index_for(NIF)


@pytest.mark.parametrize("raw", ["²", "24571893²", "", "x" * 40, FULL_WIDTH, ARABIC_INDIC])
def test_checksum_takes_only_ascii_digits_and_never_raises(raw: str) -> None:
    assert nif_has_valid_checksum(raw) is False


@given(st.text())
def test_validation_of_any_unicode_string_raises_only_invalid_nif(raw: str) -> None:
    try:
        nif = nif_validate_personal(raw)
    except InvalidNIF:
        return
    assert len(nif) == 9 and nif.isascii() and nif.isdigit()


DIGIT_LIKE = "0123456789" + FULL_WIDTH + SUPERSCRIPT + ARABIC_INDIC + DEVANAGARI + "⁰₀₁₂①⑨½Ⅸ .-\u00a0\u3000"


@given(st.text(alphabet=DIGIT_LIKE, min_size=8, max_size=12))
def test_validation_of_numeric_looking_strings_raises_only_invalid_nif(raw: str) -> None:
    try:
        nif = nif_validate_personal(raw)
    except InvalidNIF:
        return
    assert len(nif) == 9 and nif.isascii() and nif.isdigit()
    assert nif_index_for(raw) == nif_index_for(nif)


@given(st.text())
def test_checksum_and_normalize_never_raise(raw: str) -> None:
    nif_has_valid_checksum(raw)
    nif_has_valid_checksum(nif_normalize(raw))
