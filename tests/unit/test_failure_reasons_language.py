"""A document that could not be read tells its sender why in the page's language (cases probe 3, left then).

The reasons are the extraction's fixed pt-PT texts; they are read here from the source itself, so a
new reason without its English line fails this test rather than reaching an English page in Portuguese.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.utils import translation

from intake.status import reason_in_language

ROOT = Path(__file__).resolve().parents[2]
# Where a reason is written: raised by the extraction, or named as the text of a failed document.
REASON_CALLS = {"ExtractionFailed", "failed"}
REASON_NAMES = {
    "UNRECOGNISED",
    "UNRECOGNISED_ANY",
    "UNEXPECTED_ERROR_REASON",
    "ILLEGIBLE",
    "MRZ_CUT",
    "MRZ_CUT_OFF",
    "VISA",
    "PENSION_NOT_PAID",
    "NOT_BILLED_YET",
    "SALARY_NOT_PAID",
    "TAX_NOT_FILED",
    "NO_IDENTITY_PROVED",
    "ADDRESS_ONLY_BACK",
    "TEMPORARY_BENEFIT_REFUSED",
    "RENT_RECEIPT_REFUSED",
    "PAYSLIP_AMOUNTS_UNREAD",
    "CARD_FRONT_UNREAD",
    "IDENTITY_DATA_UNREAD",
    "PAYSLIP_WHOSE_AND_WHEN_UNREAD",
}
# Every refusal named so is one too: a new one is checked without being listed here.
REASON_SUFFIX = "_REFUSED"


def reason_name(name: str | None) -> bool:
    return name is not None and (name in REASON_NAMES or name.endswith(REASON_SUFFIX))


def example(node: ast.expr) -> str | None:
    """The text a string or f-string literal gives, each placeholder as 7."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(str(part.value) if isinstance(part, ast.Constant) else "7" for part in node.values)
    return None


def reasons_in_source() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "documents").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in REASON_CALLS and node.args:
                found.add(example(node.args[0]) or "")
            elif isinstance(node, ast.Assign) and any(reason_name(getattr(t, "id", None)) for t in node.targets):
                values = node.value.values if isinstance(node.value, ast.Dict) else [node.value]
                found.update(example(v) or "" for v in values)
    found.discard("")
    return found


def test_the_source_scan_finds_the_reasons() -> None:
    """The scan itself: it must find the known kinds of reason, or the test below proves nothing."""
    reasons = reasons_in_source()
    assert "PDF protegido por palavra-passe: envie uma versão sem proteção." in reasons
    assert "PDF com demasiadas páginas (7; máximo 7): envie só as páginas do documento pedido." in reasons
    assert any(r.startswith("Documento não reconhecido como documento de identificação") for r in reasons)
    assert any(r.startswith("Este documento é legível, mas não foi reconhecido como comprovativo") for r in reasons)
    assert any(r.startswith("Erro inesperado") for r in reasons)
    assert len(reasons) >= 20


@pytest.mark.parametrize("reason", sorted(reasons_in_source()))
def test_every_reason_reads_in_english_and_stays_as_written_in_portuguese(reason: str) -> None:
    with translation.override("en"):
        english = reason_in_language(reason)
    with translation.override("pt-pt"):
        portuguese = reason_in_language(reason)
    assert portuguese == reason
    assert english != reason
    assert not any(word in english for word in (" não ", "ficheiro", "documento ")), english


def test_a_numbered_reason_keeps_its_numbers_in_english() -> None:
    with translation.override("en"):
        assert reason_in_language(
            "PDF com demasiadas páginas (42; máximo 20): envie só as páginas do documento pedido."
        ) == ("The PDF has too many pages (42; at most 20): send only the pages of the document asked for.")
        assert reason_in_language("a text nobody catalogued") == "a text nobody catalogued"
