"""Document kinds the blind probe of round 9 got wrong: a nota de liquidação titled "LIQUIDAÇÃO DE IRS" alone was
refused, and a Modelo 3 proof of filing saying it "não substitui a nota de liquidação" was taken for that nota."""

from __future__ import annotations

import pytest

from documents.extraction.parsers.classify import classify, without_disclaimers
from documents.extraction.schema import DocumentKind

ASSESSMENT = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
{cobranca}LIQUIDAÇÃO DE IRS{year}
Rosa Maria Albergaria Fontes
NIF 203619013 · Avenida Fernão de Magalhães 410, 3000-175 Coimbra
1 Rendimento global 22.410,00
4 Rendimento coletável 18.010,00
15 Coleta líquida 2.604,75
17 Retenções na fonte 2.950,00
VALOR A REEMBOLSAR 345,25 €"""


@pytest.mark.parametrize("cobranca", ["", "NOTA DE COBRANÇA N.º 2026 4001987654\n"])
@pytest.mark.parametrize("year", [" — 2025", " DO ANO 2025", "\nAno dos rendimentos: 2025"])
def test_an_assessment_titled_liquidacao_de_irs_alone(cobranca: str, year: str) -> None:
    """Blind probe, round 9: 'LIQUIDAÇÃO DE IRS — 2025' (no 'Nota de' / 'Demonstração da') was refused."""
    assert classify(ASSESSMENT.format(cobranca=cobranca, year=year)) == DocumentKind.NOTA_LIQUIDACAO


PROOF_OF_FILING = """COMPROVATIVO DE ENTREGA DA DECLARAÇÃO MODELO 3 DE IRS
Identificação da declaração 7712-B204-Q918
Ano dos rendimentos 2025
Data de receção 2026-05-02 10:14
Sujeito passivo A 214364500 — Leonor Vasconcelos Arriaga
Anexos entregues A, H
Estado Certa — liquidada
{disclaimer}"""


@pytest.mark.parametrize(
    "disclaimer",
    [
        "A declaração foi recebida e validada. Este comprovativo não substitui a nota de liquidação.",
        "Este documento não dispensa a consulta da nota de liquidação no Portal das Finanças.",
        "Este comprovativo não constitui demonstração da liquidação de IRS.",
    ],
)
def test_a_proof_of_filing_that_names_the_assessment_it_is_not(disclaimer: str) -> None:
    """Blind probe, round 9: 'Este comprovativo não substitui a nota de liquidação.' made a Modelo 3 proof of filing
    a NOTA_LIQUIDACAO: the document a negation names is another one, the title says which this is."""
    assert classify(PROOF_OF_FILING.format(disclaimer=disclaimer)) == DocumentKind.DECLARACAO_IRS


def test_a_disclaimer_is_cut_to_its_sentence_end() -> None:
    kept = without_disclaimers("este comprovativo nao substitui a nota de liquidacao. estado certa").split()
    assert kept == ["este", "comprovativo", ".", "estado", "certa"]


def test_an_assessment_naming_the_return_in_a_disclaimer_stays_an_assessment() -> None:
    text = ASSESSMENT.format(cobranca="", year=" — 2025") + "\nEsta nota não substitui a declaração Modelo 3 entregue."
    assert classify(text) == DocumentKind.NOTA_LIQUIDACAO


def test_a_certificate_of_no_debt_keeps_its_negated_title() -> None:
    """Only what a document says it does not stand for is cut: 'Certidão de não dívida' is a title, not a disclaimer."""
    text = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
CERTIDÃO DE NÃO DÍVIDA
Certifica-se que o contribuinte 230606725 tem a sua situação tributária regularizada."""
    assert classify(text) == DocumentKind.CERTIDAO_AT


def test_an_english_invoice_receipt_title_and_an_abbreviated_modelo_3() -> None:
    """Round 10: "INVOICE-RECEIPT" with no Portuguese title, and "IRS Mod. 3 de 2025", were not recognised."""
    assert classify("INVOICE-RECEIPT No. FR ATSIRE01FR/12\nIssuer: Ana Sousa") == DocumentKind.FATURA_RECIBO
    assert classify("IRS Mod. 3 de 2025\nAnexo A") == DocumentKind.DECLARACAO_IRS
    assert classify("Mod. 30 de 2025") != DocumentKind.DECLARACAO_IRS
