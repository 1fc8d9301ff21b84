"""Blind probe r61a F12: in auto mode a picture is guessed an ID document; a bank statement's photo refused as one
was told only "not recognised as an identity document", when the proof-of-income reading names it. A stub extractor
stands for the reader: the command's choice of reason is what is tested."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from documents.extraction.errors import ExtractionFailed
from documents.extraction.local import UNRECOGNISED
from documents.management.commands import extract_file

NAMED = "Este documento é um extrato de conta: envie recibos."


class RefusingExtractor:
    def __init__(self, reasons: dict[str, str]) -> None:
        self.reasons = reasons
        self.asked: list[str] = []

    def extract(self, data: bytes, *, document_type: str) -> None:
        self.asked.append(document_type)
        raise ExtractionFailed(self.reasons[document_type])


def refusal(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, reasons: dict[str, str], *args: str) -> str:
    monkeypatch.setattr(extract_file, "extractor", lambda: RefusingExtractor(reasons))
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 not really a picture")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("extract_file", str(path), *args, stdout=out)
    return str(json.loads(out.getvalue())["reason"])


def test_auto_mode_names_the_document_the_other_type_recognises(monkeypatch, tmp_path):
    reasons = {"ID_DOCUMENT": UNRECOGNISED["ID_DOCUMENT"], "PROOF_OF_INCOME": NAMED}
    assert refusal(monkeypatch, tmp_path, reasons) == NAMED


def test_the_guessed_types_reason_stays_when_the_other_type_names_nothing(monkeypatch, tmp_path):
    # A guard: passes without the fix too.
    reasons = {"ID_DOCUMENT": UNRECOGNISED["ID_DOCUMENT"], "PROOF_OF_INCOME": UNRECOGNISED["PROOF_OF_INCOME"]}
    assert refusal(monkeypatch, tmp_path, reasons) == UNRECOGNISED["ID_DOCUMENT"]


def test_a_declared_type_or_a_named_reason_is_kept(monkeypatch, tmp_path):
    # Guards: pass without the fix too.
    reasons = {"ID_DOCUMENT": UNRECOGNISED["ID_DOCUMENT"], "PROOF_OF_INCOME": NAMED}
    assert refusal(monkeypatch, tmp_path, reasons, "--document-type", "ID_DOCUMENT") == UNRECOGNISED["ID_DOCUMENT"]
    reasons = {"ID_DOCUMENT": "A imagem está desfocada.", "PROOF_OF_INCOME": NAMED}
    assert refusal(monkeypatch, tmp_path, reasons) == "A imagem está desfocada."
