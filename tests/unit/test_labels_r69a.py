"""Every code the admin's pages and the report PDF print has its words (blind probe r69a: "given names", "issuing
state", "nif checksum invalid", "PAYSLIP_EMPLOYER_NIF_INVALID (MEDIUM)"): each extraction schema's field, each
warning the extraction writes, each authenticity signal's code. The registries are read from the code that writes
the codes, so a new one without its words fails here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.utils import translation
from pydantic import BaseModel

from documents.extraction import schema
from documents.labels import FIELD_LABELS, WARNING_LABELS, field_label, warning_label
from screening.labels import SIGNAL_LABELS, check_evidence, readable_value

ROOT = Path(__file__).resolve().parents[2]
EXTRACTION = ROOT / "documents" / "extraction"
# Where signals are made: the file's (forensics, text layers), the content's (rules) and the reuse (selectors).
SIGNAL_SOURCES = [
    *EXTRACTION.rglob("*.py"),
    ROOT / "screening" / "rules" / "authenticity.py",
    ROOT / "screening" / "selectors.py",
]
SIGNAL_CODE = re.compile(r"""(?:Signal|signal)\(\s*"([A-Z][A-Z0-9_]+)"|"code":\s*"([A-Z][A-Z0-9_]+)\"""")
REUSE_CODE = re.compile(r'"(DOCUMENT_[A-Z_]+)"')
WARNING_LITERAL = re.compile(r'warnings\.append\("([a-z_]+)"\)')
WARNING_CONSTANT = re.compile(r"warnings\.append\(([A-Z_]+)\)")
CONSTANT = re.compile(r'^([A-Z_]+) = "([a-z_]+)"$', re.M)


def schema_fields() -> set[str]:
    models = [value for value in vars(schema).values() if isinstance(value, type) and issubclass(value, BaseModel)]
    return {
        name
        for model in models
        if model.__module__ == schema.__name__ and model.__name__.endswith("Fields")
        for name in model.model_fields
    }


def extraction_warnings() -> set[str]:
    sources = [path.read_text() for path in EXTRACTION.rglob("*.py")]
    constants = {name: value for text in sources for name, value in CONSTANT.findall(text)}
    found = {code for text in sources for code in WARNING_LITERAL.findall(text)}
    return found | {constants[name] for text in sources for name in WARNING_CONSTANT.findall(text) if name in constants}


def signal_codes() -> set[str]:
    codes = set()
    for path in SIGNAL_SOURCES:
        text = path.read_text()
        codes |= {code for pair in SIGNAL_CODE.findall(text) for code in pair if code}
        if path.name == "selectors.py":
            codes |= set(REUSE_CODE.findall(text))
    return codes


def test_the_registries_are_read_from_the_code_not_empty() -> None:
    # Guards: a pattern that stopped matching would make the tests below pass on nothing.
    assert {"surname", "given_names", "issuing_state", "employee_nif", "probation_end_date"} <= schema_fields()
    assert {"nif_checksum_invalid", "multiple_payslips", "specimen", "started_within_month"} <= extraction_warnings()
    assert {"PAYSLIP_EMPLOYER_NIF_INVALID", "PDF_FONT_OUTLIER", "DOCUMENT_REUSED"} <= signal_codes()


def test_every_field_of_every_extraction_schema_has_a_label() -> None:
    assert sorted(schema_fields() - set(FIELD_LABELS)) == []


def test_every_warning_the_extraction_writes_has_words() -> None:
    assert sorted(extraction_warnings() - set(WARNING_LABELS)) == []


def test_every_authenticity_signal_has_words() -> None:
    assert sorted(signal_codes() - set(SIGNAL_LABELS)) == []


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("nif_checksum_invalid", "NIF com dígito de controlo inválido"),
        ("missing:employee_name", "não lido: Nome do trabalhador"),
        ("derived:regular_net_pay", "calculado a partir dos outros valores: Líquido regular"),
        ("mrz_viz_mismatch:surname", "a zona de leitura ótica diz outro valor: Apelido"),
        ("issuing_state_unknown", "desconhecido: Estado emissor"),
        # A code nobody named yet still reads as words, not as the code.
        ("brand_new_warning", "brand new warning"),
    ],
)
def test_warnings_read_as_words_those_about_a_field_name_it(code: str, words: str) -> None:
    with translation.override("pt-pt"):
        assert warning_label(code) == words


def test_the_authenticity_checks_evidence_names_signals_and_severities_in_words_and_keeps_its_sentence() -> None:
    check = {
        "name": "authenticity.document",
        "evidence": "Sinais de autenticidade: PAYSLIP_EMPLOYER_NIF_INVALID (MEDIUM), PDF_FONT_OUTLIER (HIGH), "
        "NEW_CODE_LATER (LOW); pedir o original ao emissor antes de decidir.",
    }
    with translation.override("pt-pt"):
        assert check_evidence(check) == (
            "Sinais de autenticidade: NIF da entidade patronal inválido (Médio), valor num tipo de letra diferente "
            "(Alto), NEW_CODE_LATER (Baixo); pedir o original ao emissor antes de decidir."
        )
        assert readable_value("HIGH", field="authenticity", check="authenticity.document") == "Alto"


def test_other_checks_evidence_and_values_are_left_as_the_rules_wrote_them() -> None:
    # A sentence with an upper-case word and a severity-like word in brackets is not a signal list.
    check = {"name": "identity.name_match", "evidence": "Nome no documento: MARIA (HIGH) confere."}
    with translation.override("pt-pt"):
        assert check_evidence(check) == check["evidence"]
        assert readable_value("HIGH", field="full_name", check="identity.name_match") == "HIGH"
        assert readable_value("2026-09", field="period") == "09/2026"
        assert readable_value("2026-13", field="period") == "2026-13"
        assert readable_value("front", field="side") == "frente"
        assert readable_value("front", field="full_name") == "front"
        assert field_label("surname") == "Apelido"
