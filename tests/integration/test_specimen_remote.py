"""A specimen read by Reducto (``EXTRACTION_BACKEND=reducto``): the file goes whole to the service, so no stamp is
looked for here, but a holder named as a specimen's or ICAO's made-up state is warned whichever backend read it."""

from __future__ import annotations

import datetime as dt

from samples.identity import td3
from tests.integration.test_extraction_remote_mrz import PASSPORT, remote

BIRTH, EXPIRY = dt.date(1990, 3, 14), dt.date(2031, 6, 30)


def test_a_passport_whose_holder_is_named_specimen_is_a_specimen() -> None:
    mrz = td3(code="P", state="BRA", number="FT123456", birth=BIRTH, sex="F", expiry=EXPIRY, nationality="BRA",
              surname="Specimen", given="Ana Cláudia")  # fmt: skip
    result = remote({**PASSPORT, "surname": "SPECIMEN", "mrz": "\n".join(mrz)})
    assert "specimen" in result.warnings  # type: ignore[attr-defined]


def test_a_passport_of_icaos_made_up_state_is_a_specimen() -> None:
    result = remote({**PASSPORT, "nationality": "UTO"})
    assert "specimen" in result.warnings  # type: ignore[attr-defined]


def test_a_genuine_remote_passport_is_no_specimen() -> None:
    # Guard: the same passport of a real person and state.
    assert "specimen" not in remote(PASSPORT).warnings  # type: ignore[attr-defined]
