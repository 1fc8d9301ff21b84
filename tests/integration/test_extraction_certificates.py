"""The AT certidao and the SS declaracao de situacao contributiva: read exactly from both layouts, the
situation stated (regular or not), the validity from the issue date, the code staff check on the portal."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

import pytest

from applicants.text import fold
from documents.extraction.local import LocalExtractor
from documents.extraction.parsers import classify
from documents.extraction.schema import DocumentKind, ExtractionResult
from documents.extraction.validation import fields_revalidate
from samples.certificates import certidao_at_pdf, certificate_corpus, declaracao_ss_pdf
from samples.synthetic import make_person, scan

pytestmark = pytest.mark.ocr

TODAY = dt.date(2026, 11, 23)
CORPUS = certificate_corpus(today=TODAY)


def extract(document: Any) -> ExtractionResult:
    return LocalExtractor().extract(document.data, document_type=document.document_type)


def wrong_fields(document: Any, result: ExtractionResult) -> dict[str, Any]:
    got = result.json_fields()
    return {
        name: (expected, got.get(name))
        for name, expected in document.expected.items()
        if fold(str(got.get(name))) != fold(str(expected))
    }


def test_the_corpus_holds_both_issuers_both_layouts_and_both_situations() -> None:
    families = {tag for document in CORPUS for tag in document.tags if tag.startswith("family:")}
    assert families == {
        "family:certidao_at_0",
        "family:certidao_at_1",
        "family:declaracao_ss_0",
        "family:declaracao_ss_1",
    }
    assert {document.expected["status"] for document in CORPUS} == {"REGULAR", "IRREGULAR"}
    assert {d.kind for d in CORPUS if d.expected["status"] == "IRREGULAR"} == {"CERTIDAO_AT", "DECLARACAO_SS"}


@pytest.mark.parametrize("index", range(len(CORPUS)))
def test_every_certificate_is_read_exactly_from_its_text_layer(index: int) -> None:
    document = CORPUS[index]
    result = extract(document)
    assert result.kind.value == document.kind
    assert wrong_fields(document, result) == {}
    assert not [w for w in result.warnings if w.startswith("missing:")]


def test_the_validity_is_three_months_for_the_at_and_four_for_the_ss() -> None:
    rng = random.Random(1)
    person = make_person(rng, TODAY)
    issued = dt.date(2026, 8, 31)
    at = extract(certidao_at_pdf(person, issued, regular=True, rng=rng)).fields
    ss = extract(declaracao_ss_pdf(person, issued, regular=True, rng=rng)).fields
    assert at["valid_until"] == dt.date(2026, 11, 30)
    assert ss["valid_until"] == dt.date(2026, 12, 31)


def test_an_irregular_situation_is_read_as_irregular_not_as_regular() -> None:
    rng = random.Random(2)
    person = make_person(rng, TODAY)
    for make in (certidao_at_pdf, declaracao_ss_pdf):
        for variant in (0, 1):
            document = make(person, dt.date(2026, 10, 1), regular=False, rng=rng, variant=variant)
            assert extract(document).fields["status"] == "IRREGULAR", document.tags


def test_a_printed_validity_longer_than_the_issuers_is_set_back_and_flagged() -> None:
    fields: dict[str, Any] = {"issuer": "AT", "holder_nif": None, "status": "REGULAR",
                              "issue_date": dt.date(2026, 10, 1), "valid_until": dt.date(2027, 10, 1)}  # fmt: skip
    warnings = fields_revalidate(DocumentKind.CERTIDAO_AT, fields, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["valid_until"] == dt.date(2027, 1, 1)
    assert "valid_until_implausible" in warnings


def test_a_payslip_or_irs_text_is_not_taken_for_a_certificate() -> None:
    assert classify("RECIBO DE VENCIMENTO\nSeg. Social 110,00\nLíquido 890,00").value == "RECIBO_VENCIMENTO"
    assert classify("NOTA DE LIQUIDAÇÃO - IRS\nColeta líquida 1.200,00").value == "NOTA_LIQUIDACAO"
    assert classify("Declaração de situação contributiva\nSituação contributiva regularizada").value == "DECLARACAO_SS"


@pytest.mark.parametrize("family", ["certidao_at_0", "certidao_at_1", "declaracao_ss_0", "declaracao_ss_1"])
def test_a_scan_of_each_layout_gives_the_situation_dates_and_holder(family: str) -> None:
    document = next(d for d in CORPUS if f"family:{family}" in d.tags)
    scanned = scan(document, rng=random.Random(4))
    result = extract(scanned)
    assert result.method == "ocr"
    wrong = wrong_fields(scanned, result)
    # The code has no check digit: a misread letter is possible and is what the portal check catches.
    wrong.pop("validation_code", None)
    assert wrong == {}


def test_reducto_certificates_get_the_issuer_from_the_kind_and_the_issuers_validity() -> None:
    from documents.extraction.reducto import ReductoExtractor
    from tests.stubs import Reply, stub_server

    remote = {"kind": "DECLARACAO_SS", "holder_name": "Maria Santos", "holder_nif": "245718931",
              "status": "IRREGULAR", "issue_date": "2026-10-01", "valid_until": "2027-10-01",
              "validation_code": "AB12-CD34"}  # fmt: skip
    with stub_server() as stub:
        stub.reply("/upload", Reply(body={"file_id": "f"}))
        stub.reply("/extract", Reply(body={"job_id": "j", "result": [remote]}))
        extractor = ReductoExtractor(base_url=stub.url, api_key="k", timeout=5.0)
        result = extractor.extract(b"%PDF-1.4\nx\n%%EOF", document_type="PROOF_OF_INCOME")
        schema = stub.requests_to("/extract")[0].json()["instructions"]["schema"]["properties"]
    assert "validation_code" in schema and "amount_refundable" in schema
    assert result.fields["issuer"] == "SS"
    assert result.fields["status"] == "IRREGULAR"
    # Four months from the issue date, not the year the remote reader claimed.
    assert result.fields["valid_until"] == dt.date(2027, 2, 1)
    assert "valid_until_implausible" in result.warnings
