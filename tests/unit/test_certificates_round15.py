"""Certificates the blind probe of round 15 misread: the AT's certidão naming its holder "o sujeito passivo <name>,"
(the role kept in the name), "o contribuinte <name> (NIF ...)" or "<name>, NIF ...," (no name); the Segurança
Social's declaration with its holder in a boxed row "Beneficiário <name>", a six-character "Código de acesso" and
a code given only in the footer's sentence."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


def certidao(holder: str, nif_line: str = "com o número de identificação fiscal 252601815, tem a sua situação") -> str:
    return f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
CERTIDÃO
Certifica-se que {holder}
{nif_line} tributária regularizada,
nos termos do artigo 177.º-A do Código de Procedimento e de Processo Tributário.
Data de emissão: 2026-11-09
Código de validação: 3HRD-8KQ2-W7PX"""


@pytest.mark.parametrize(
    "holder",
    ["o sujeito passivo Leonor Vasconcelos Pimenta,", "a sujeito passivo Leonor Vasconcelos Pimenta,",
     "o requerente Leonor Vasconcelos Pimenta,"],
)  # fmt: skip
def test_the_holders_role_is_no_part_of_the_name(holder: str) -> None:
    """Round 15: 'Certifica-se que o sujeito passivo NAME,' gave holder 'Sujeito Passivo NAME'."""
    kind, fields, _ = read(certidao(holder))
    assert kind == DocumentKind.CERTIDAO_AT
    assert fields["holder_name"] == "Leonor Vasconcelos Pimenta"
    assert fields["holder_nif"] == "252601815"


@pytest.mark.parametrize(
    "holder_line",
    [
        "o contribuinte Gervásio Tavares Pinheiro (NIF 109139097)",
        "Gervásio Tavares Pinheiro, NIF 109139097,",
        "Gervásio Tavares Pinheiro, contribuinte n.º 109139097,",
    ],
)
def test_the_holder_named_beside_the_nif_in_a_debt_certificate(holder_line: str) -> None:
    """Round 15: 'o contribuinte NAME (NIF n)' and 'NAME, NIF n,' gave no holder."""
    text = f"""Portal das Finanças — Certidão de dívida e não dívida
Para os devidos efeitos se certifica que, consultados os elementos disponíveis nesta data,
{holder_line}
NÃO TEM A SITUAÇÃO TRIBUTÁRIA REGULARIZADA, constando as seguintes dívidas em
cobrança coerciva:
Processo executivo Imposto / período Quantia exequenda
1473202601055519 IMI 2025 212,40 €
Emitida em 20/11/2026. Código de validação: R5TN8WQ2KC7M."""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.CERTIDAO_AT
    assert fields["holder_name"] == "Gervásio Tavares Pinheiro"
    assert fields["holder_nif"] == "109139097"
    assert fields["status"] == "IRREGULAR"


def ss(holder_row: str, code_line: str) -> str:
    return f"""Segurança Social Direta Conta corrente > Declarações
Declaração de Situação Contributiva
{holder_row}
NIF 266131867
Data do pedido 16/10/2026
Situação REGULARIZADA
Validade 4 meses
{code_line}"""


def test_the_holder_in_a_boxed_beneficiario_row() -> None:
    """Round 15: 'Beneficiário NAME' (no colon) gave no holder."""
    kind, fields, _ = read(ss("Beneficiário Hannah Okonkwo Reyes", "Código de validação: 55102938"))
    assert kind == DocumentKind.DECLARACAO_SS
    assert fields["holder_name"] == "Hannah Okonkwo Reyes"


@pytest.mark.parametrize(
    ("code_line", "code"),
    [
        ("Código de acesso: 7M2K9D", "7M2K9D"),
        ("Documento emitido eletronicamente. A autenticidade pode ser confirmada com o código 55102938.", "55102938"),
        ("A validade pode ser verificada no sítio da Segurança Social através do código K4P7Q2W9.", "K4P7Q2W9"),
    ],
)
def test_a_short_code_or_one_given_in_the_footers_sentence(code_line: str, code: str) -> None:
    """Round 15: 'Código de acesso: 4X7R9Q' (six characters) and '... confirmada com o código 91827364.' gave no
    code."""
    _, fields, _ = read(ss("Nome Hannah Okonkwo Reyes", code_line))
    assert fields["validation_code"] == code


@pytest.mark.parametrize(
    "code_line",
    ["Código de acesso: consulte o portal", "Morada: Rua do Sol 4, com o código postal 4150-206 Porto"],
)
def test_words_or_a_postcode_after_code_are_no_code(code_line: str) -> None:
    """The guard: a caption followed by words, or a postcode in an address, gives no validation code."""
    _, fields, _ = read(ss("Nome Hannah Okonkwo Reyes", code_line))
    assert fields.get("validation_code") is None


def test_an_entity_identified_below_is_no_holder_name() -> None:
    """The guard: '... que a entidade abaixo identificada ...' names nobody; the 'Nome:' row does."""
    text = """Instituto da Segurança Social, I.P.
Declaração de situação contributiva
O Instituto da Segurança Social, I.P. declara, para os efeitos previstos no artigo 208.º do Código
dos Regimes Contributivos, que a entidade abaixo identificada tem a situação contributiva
regularizada perante a Segurança Social.
Nome: Hannah Okonkwo Reyes
NIF: 266131867
Data de emissão: 13-10-2026
Código de acesso: 7M2K9D"""
    _, fields, _ = read(text)
    assert fields["holder_name"] == "Hannah Okonkwo Reyes"
