"""Blind probe r48a, names, numbers and documents not recognised: a joint return's spouse whose NIF is on the
line under the name, a recibo's number and payer, a pensioner's name under a bank's caption, a declaração de
alterações titled by the Portal's short title, a recibo paying an earlier fatura, a plain unpaid fatura, and the
refusals that name what each refused document is."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from documents.extraction.local import BANK_STATEMENT_REFUSED, SS_QUARTERLY_REFUSED, UNRECOGNISED, refusal
from documents.extraction.parsers import classify
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 11, 23)
A_NIF, B_NIF = "219074275", "264151984"


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)


def test_a_joint_return_s_spouse_with_the_nif_on_the_line_under_the_name_is_read() -> None:
    """T05: "Sujeito passivo B: <name>" over "NIF: <nif>", as A's box is printed above it."""
    text = f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
DECLARAÇÃO DE RENDIMENTOS - IRS MODELO 3 - ROSTO
Quadro 2 - Ano dos rendimentos: 2025
Quadro 3 - Sujeito passivo A: Rodrigo Almeida Teixeira
NIF: {A_NIF}
Sujeito passivo B: Leonor Sampaio Antunes
NIF: {B_NIF}
Quadro 4 - Estado civil: Casado
Quadro 5 - Opção pela tributação conjunta: Sim
Anexos entregues: A
ANEXO A - Quadro 4A - Rendimentos do trabalho dependente
NIF entidade Código Titular Rendimentos Retenções Contribuições
501964843 401 A 18 300,00 2 100,00 2 013,00
500100144 401 B 12 450,00 980,00 1 369,50
Soma 30 750,00 3 080,00 3 382,50"""
    _, fields, _ = read(text)
    assert fields["taxpayer_nif"] == A_NIF
    assert fields["spouse_nif"] == B_NIF
    assert fields["spouse_name"] == "Leonor Sampaio Antunes"
    assert fields["joint_return"] is True


RECIBO = f"""RECIBO
(Trabalho independente - Categoria B)
Recibo n.º: R-2025/031
Data: 2026-10-14
Prestador de serviços: Joana Figueira Lacerda
NIF do prestador: {A_NIF}
Recebi de: Laboratório Ótico Vista Clara, Lda.
NIF do adquirente: 501964843
Relativo a: Serviços de consultoria - outubro de 2026
Valor base 1 000,00 €
IVA - isento (art. 53.º do CIVA) 0,00 €
Retenção na fonte de IRS (25,0 %) 250,00 €
Importância recebida 750,00 €
O prestador de serviços"""


def test_a_recibo_s_number_and_payer_under_their_captions_are_read() -> None:
    """I04, I05: "Recibo n.º: R-2025/031" (a type, a dash, a year's series) and "Recebi de: <client>"."""
    kind, fields, _ = read(RECIBO)
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["invoice_number"] == "R-2025/031"
    assert fields["acquirer_name"] == "Laboratório Ótico Vista Clara, Lda."
    assert fields["acquirer_nif"] == "501964843"
    assert fields["issuer_name"] == "Joana Figueira Lacerda"


def test_a_firm_s_name_after_recebi_de_is_kept_as_printed() -> None:
    """I05: a firm of professionals' "&" and its legal form ("SP RL") are part of the name the caption gives."""
    text = RECIBO.replace("Laboratório Ótico Vista Clara, Lda.", "Cardoso Meireles & Associados, SP RL")
    _, fields, _ = read(text)
    assert fields["acquirer_name"] == "Cardoso Meireles & Associados, SP RL"


RECIBO_OF_A_FATURA = f"""Tomás Carvalho Pimentel
NIF {A_NIF} - Tradução e revisão
RECIBO N.º RC 2025/17
Data: 2026-10-20
Cliente: Editora Ventos do Sul, Lda.
NIF: 501964843
Documento liquidado Data Valor do documento Valor pago
FT 2025/15 2026-09-30 738,00 600,00
Valor base da fatura 600,00 €
IVA 23% 138,00 €
Retenção IRS 23% 138,00 €
Total recebido 600,00 €
Recebemos a quantia acima por transferência bancária."""

UNPAID_FATURA = f"""Beatriz Nogueira Falcão
NIF {A_NIF}
FATURA N.º FT 2025/63
Data de emissão: 2026-10-05
Data de vencimento: 2026-11-04
Adquirente: Estúdio Arquitetura Linha Reta, Lda.
NIF adquirente: 501964843
Valor base 800,00 €
IVA 23% 184,00 €
Retenção IRS 25% 200,00 €
Total a pagar 784,00 €
Pagamento por transferência até à data de vencimento."""


def test_a_recibo_settling_an_earlier_fatura_is_read_as_the_receipt_it_is() -> None:
    """I15: a recibo (type RC) paying a fatura (FT) issued before it is a receipt: the payment is proven, so it is
    read as docs/api.md reads a receipt of independent work, never as the unpaid fatura it names."""
    kind, fields, warnings = read(RECIBO_OF_A_FATURA)
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["invoice_number"] == "RC 2025/17"
    assert fields["issuer_nif"] == A_NIF
    assert "invoice_not_receipt" not in warnings


def test_a_plain_unpaid_fatura_is_read_as_docs_api_promises() -> None:
    """N03: a plain "FATURA N.º FT ..." with "Total a pagar" is a FATURA_RECIBO with ``invoice_not_receipt`` and no
    amount received (docs/api.md), not refused as not recognised."""
    kind, fields, warnings = read(UNPAID_FATURA)
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["invoice_number"] == "FT 2025/63"
    assert "invoice_not_receipt" in warnings
    assert fields["amount_received"] is None


CHANGES_DECLARATION = f"""Autoridade Tributária e Aduaneira - Portal das Finanças
Comprovativo - Declaração de Alterações
Contribuinte: {A_NIF} - Rodrigo Almeida Teixeira
Tipo de declaração: Alterações
Data de produção de efeitos: 2026-05-01
Quadro 05 - Alteração da morada do domicílio fiscal / local de exercício
Nova morada: Rua do Almada, 88, 2.º
4050-031 Porto
Quadro 06 - Atividade exercida: 1332 - Tradutores (mantém-se)"""


def test_a_declaracao_de_alteracoes_titled_by_its_type_alone_is_read() -> None:
    """I10: the Portal's "Comprovativo - Declaração de Alterações" of an open activity is read as docs/api.md says,
    its activity's code after "Atividade exercida", no start date (the change's date is none)."""
    kind, fields, _ = read(CHANGES_DECLARATION)
    assert kind == DocumentKind.DECLARACAO_INICIO_ATIVIDADE
    assert fields["activity_code"] == "1332"
    assert fields.get("start_date") is None
    assert fields["taxpayer_nif"] == A_NIF


SS_QUARTERLY = f"""Segurança Social Direta
Declaração Trimestral - Trabalhador Independente
NISS: 12345678901
NIF: {A_NIF}
Nome: Rodrigo Almeida Teixeira
Trimestre: 2.º trimestre de 2026 (abril a junho)
Mês Prestação de serviços Venda de bens Total
Abril 1 200,00 0,00 1 200,00
Maio 1 100,00 0,00 1 100,00
Junho 1 300,00 0,00 1 300,00
Total 3 600,00 0,00 3 600,00
Rendimento relevante (70 %): 2 520,00 €"""

BANK_STATEMENT = """Banco Exemplo do Interior, S.A.
Extrato de conta à ordem - setembro de 2026
Titular: Rodrigo Almeida Teixeira
Saldo inicial: 950,00 €
Data Descrição Débito Crédito Saldo
2026-09-08 TRF Pensão ISS IP 735,10 1 685,10
2026-09-12 Compra supermercado 41,20 1 643,90
Saldo final: 1 643,90 €"""


def read_page(text: str) -> ReadDocument:
    return ReadDocument(lines=[Line(line) for line in text.splitlines() if line.strip()], pages=1, method="text")


@pytest.mark.parametrize(
    ("text", "reason"),
    [(SS_QUARTERLY, SS_QUARTERLY_REFUSED), (BANK_STATEMENT, BANK_STATEMENT_REFUSED)],
    ids=["ss-quarterly-declaration", "bank-statement"],
)
def test_a_refused_income_document_names_what_it_is_and_what_to_send(text: str, reason: str) -> None:
    """§3: the independent worker's quarterly declaration and a bank statement each get a reason of their own."""
    assert classify(text) == DocumentKind.UNKNOWN
    assert refusal(read_page(text), "PROOF_OF_INCOME", []) == reason
    assert reason != UNRECOGNISED["PROOF_OF_INCOME"]
