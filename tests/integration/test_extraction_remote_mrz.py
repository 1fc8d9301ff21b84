"""The remote backend's MRZ goes through the same check digits as the local reader's: a remote service never
vouches for an MRZ by itself."""

from __future__ import annotations

import datetime as dt
import random

from documents.extraction.reducto import ReductoExtractor
from samples.identity import corrupt, td3
from tests.stubs import Reply, stub_server

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
BIRTH, EXPIRY = dt.date(1990, 3, 14), dt.date(2031, 6, 30)
MRZ = td3(code="P", state="BRA", number="FT123456", birth=BIRTH, sex="F", expiry=EXPIRY, nationality="BRA",
          surname="Souza Lima", given="Ana Cláudia")  # fmt: skip
PASSPORT = {"kind": "PASSAPORTE", "surname": "SOUZA LIMA", "given_names": "ANA CLÁUDIA", "document_number": "FT123456",
            "date_of_birth": BIRTH.isoformat(), "expiry_date": EXPIRY.isoformat(), "nationality": "BRA", "sex": "F"}  # fmt: skip


def remote(result: dict[str, object]) -> object:
    with stub_server() as stub:
        stub.reply("/upload", Reply(body={"file_id": "f"}))
        stub.reply("/extract", Reply(body={"job_id": "j", "result": [result]}))
        return ReductoExtractor(base_url=stub.url, api_key="k", timeout=5).extract(PNG, document_type="ID_DOCUMENT")


def test_a_remote_mrz_is_verified_here() -> None:
    result = remote({**PASSPORT, "mrz": "\n".join(MRZ)})
    assert result.fields["mrz_valid"] is True  # type: ignore[attr-defined]
    assert result.warnings == []  # type: ignore[attr-defined]


def test_a_remote_claim_of_validity_over_a_corrupted_mrz_is_not_believed() -> None:
    corrupted, field = corrupt(MRZ, random.Random(4))
    result = remote({**PASSPORT, "mrz": "\n".join(corrupted), "mrz_valid": True})
    assert result.fields["mrz_valid"] is False  # type: ignore[attr-defined]
    assert "mrz_check_invalid" in result.warnings  # type: ignore[attr-defined]
    assert result.confidence[field] < 0.9  # type: ignore[attr-defined]
