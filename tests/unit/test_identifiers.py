from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from applicants.identifiers import (
    InvalidNIF,
    cc_check_digit,
    cc_is_valid,
    nif_check_digit,
    nif_has_valid_checksum,
    nif_normalize,
    nif_validate_personal,
)

eight_digits = st.text(alphabet="0123456789", min_size=8, max_size=8)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("245718931", "245718931"),
        ("PT 245 718 931", "245718931"),
        (" pt245718931 ", "245718931"),
        ("245.718.931", "245718931"),
    ],
)
def test_nif_normalize_strips_prefix_and_separators(raw: str, expected: str) -> None:
    assert nif_normalize(raw) == expected


def test_known_valid_personal_nif_passes() -> None:
    assert nif_validate_personal("PT 245 718 931") == "245718931"


@pytest.mark.parametrize("raw", ["245718932", "24571893", "2457189310", "abcdefghi", "", "501964843"])
def test_invalid_or_non_personal_nif_is_refused(raw: str) -> None:
    with pytest.raises(InvalidNIF):
        nif_validate_personal(raw)


def test_company_nif_has_valid_checksum_but_is_not_personal() -> None:
    assert nif_has_valid_checksum("501964843")


@given(eight_digits)
def test_every_eight_digits_have_exactly_one_check_digit(body: str) -> None:
    valid = [d for d in "0123456789" if nif_has_valid_checksum(body + d)]
    assert valid == [str(nif_check_digit(body))]


@given(eight_digits, st.integers(min_value=1, max_value=9))
def test_a_wrong_check_digit_is_always_refused(body: str, delta: int) -> None:
    # (A changed body digit can collide, since remainders 0 and 1 both give 0.)
    wrong = body + str((nif_check_digit(body) + delta) % 10)
    assert not nif_has_valid_checksum(wrong)


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_nif_checksum_agrees_with_python_stdnum(nif: str) -> None:
    from stdnum.pt import nif as stdnum_nif

    assert nif_has_valid_checksum(nif) == (stdnum_nif.calc_check_digit(nif[:8]) == nif[8])


@given(
    st.text(alphabet="0123456789", min_size=9, max_size=9),
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=3, max_size=3),
)
def test_cc_check_agrees_with_python_stdnum(digits: str, tail: str) -> None:
    from stdnum.pt import cc as stdnum_cc

    number = digits + tail[:2] + str(int(tail[2], 36) % 10)
    assert cc_is_valid(number) == stdnum_cc.is_valid(number)


def test_known_cartao_de_cidadao_number_is_valid() -> None:
    assert cc_is_valid("00000000 0 ZZ4")
    assert not cc_is_valid("00000000 0 ZZ5")


@given(
    st.text(alphabet="0123456789", min_size=9, max_size=9),
    st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=2, max_size=2),
)
def test_cc_number_with_computed_check_digit_is_valid_and_one_change_is_not(digits: str, letters: str) -> None:
    first_eleven = digits + letters
    number = first_eleven + cc_check_digit(first_eleven)
    assert cc_is_valid(number)
    wrong = first_eleven + str((int(number[-1]) + 1) % 10)
    assert not cc_is_valid(wrong)
