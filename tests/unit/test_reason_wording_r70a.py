"""Blind probe r70a, F16: a file with no text read says the scan may be illegible, not "(digitalização ilegível?)"; a
reason stored before the change still reads in English."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.utils import translation

from documents.extraction import local
from documents.extraction.errors import ExtractionFailed
from intake.status import reason_in_language

OLD_ILLEGIBLE = (
    "Não foi possível ler texto no documento (digitalização ilegível?): envie uma digitalização ou fotografia nítida "
    "e direita, ou o PDF original."
)


def test_a_document_with_no_text_read_says_the_scan_may_be_illegible() -> None:
    blank: Any = mock.Mock(text="  ")
    with mock.patch.object(local, "read_document", return_value=blank), pytest.raises(ExtractionFailed) as failed:
        local.LocalExtractor().extract(b"%PDF-1.4", document_type="PROOF_OF_INCOME")
    reason = str(failed.value)
    assert reason.startswith("Não foi possível ler texto no documento (a digitalização pode estar ilegível): ")
    assert "?" not in reason


def test_the_reason_stored_before_the_change_still_reads_in_english() -> None:
    with translation.override("en"):
        assert reason_in_language(OLD_ILLEGIBLE).startswith("No text could be read in the document")
