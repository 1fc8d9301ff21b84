"""Certificates the blind probe of round 16 misread: the AT's boxed row "Nome / Denominação <name>" (the caption's
second half kept), a company's certidão saying only that it "não é devedora perante a Fazenda Pública" (refused;
its "pessoa coletiva n.º" no NIF), the Segurança Social's code "SS-7731-X9K2-QQ40" (the prefix lost), its holder
under "Nome do contribuinte" (in a grid or on a line) and its code after "Chave de consulta"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


@pytest.mark.parametrize("caption", ["Nome / Denominação", "Nome/Denominação social", "Denominação:"])
def test_the_name_or_denomination_caption_is_no_part_of_the_name(caption: str) -> None:
    """Round 16: 'Nome / Denominação NAME' gave holder 'Denominação NAME'."""
    text = f"""Autoridade Tributária e Aduaneira
Certidão — situação tributária
{caption} Carolina Faria Mesquita
NIF 257746374
Situação Regularizada
Data de emissão 02-11-2026
Código de autenticação AT26-4K7P-21XM-QW8R"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.CERTIDAO_AT
    assert fields["holder_name"] == "Carolina Faria Mesquita"


COMPANY = """CERTIDÃO
O Chefe do Serviço de Finanças de Braga certifica, para efeitos de concurso público,
que a sociedade Minho Verde — Produtos Agrícolas, Lda., pessoa coletiva n.º 561576823,
{status}
Emitida em 20/11/2026. Validade: três meses.
Código de validação da certidão: 7RWQ2MZK8T4N"""


def test_a_company_that_is_not_a_debtor_has_a_regular_certidao() -> None:
    """Round 16: 'que a sociedade NAME, Lda., pessoa coletiva n.º ..., não é devedora perante a Fazenda Pública'
    was refused."""
    kind, fields, _ = read(COMPANY.format(status="não é devedora perante a Fazenda Pública de quaisquer impostos."))
    assert kind == DocumentKind.CERTIDAO_AT
    assert fields["status"] == "REGULAR"
    assert fields["holder_name"] == "Minho Verde — Produtos Agrícolas, Lda."
    assert fields["holder_nif"] == "561576823"
    assert fields["validation_code"] == "7RWQ2MZK8T4N"


def test_a_companys_debt_stays_irregular() -> None:
    """The guard: the company's certidão that names its debt is irregular, whatever else it says."""
    status = "não é devedora perante a Fazenda Pública de IRC, mas tem dívidas em execução fiscal de IVA."
    kind, fields, _ = read(COMPANY.format(status=status))
    assert kind == DocumentKind.CERTIDAO_AT
    assert fields["status"] == "IRREGULAR"


def test_a_letter_prefix_is_part_of_the_code() -> None:
    """Round 16: 'Código de verificação: SS-7731-X9K2-QQ40' gave '7731-X9K2-QQ40'."""
    text = """SEGURANÇA SOCIAL — Declaração de situação contributiva
Nome: Carolina Faria Mesquita
NIF: 257746374
A entidade tem a situação contributiva regularizada.
Data de emissão: 20-11-2026
Código de verificação: SS-4410-K2PQ-7ZW3"""
    _, fields, _ = read(text)
    assert fields["validation_code"] == "SS-4410-K2PQ-7ZW3"


SS = """Instituto da Segurança Social, I.P.
DECLARAÇÃO — SITUAÇÃO CONTRIBUTIVA REGULARIZADA
Emissão: 2026/11/25 Validade: 2027/03/25
{body}"""


def test_the_holder_under_a_grid_caption_and_the_chave_de_consulta() -> None:
    """Round 16: 'NISS NIF Nome do contribuinte' / 'NISS NIF NAME' and 'Chave de consulta: ...' gave no holder and
    no code."""
    body = "Chave de consulta: 5521-8830-1946\nNISS NIF Nome do contribuinte\n11029384756 279434545 Dinesh Kumar Thapa"
    kind, fields, _ = read(SS.format(body=body))
    assert kind == DocumentKind.DECLARACAO_SS
    assert fields["holder_name"] == "Dinesh Kumar Thapa"
    assert fields["holder_nif"] == "279434545"
    assert fields["validation_code"] == "5521-8830-1946"


def test_the_holder_after_nome_do_contribuinte() -> None:
    """Round 16: 'Nome do contribuinte: NAME' gave no holder."""
    body = "Nome do contribuinte: Carolina Faria Mesquita\nNIF: 257746374\nCódigo de validação: 5521-8830-1946"
    _, fields, _ = read(SS.format(body=body))
    assert fields["holder_name"] == "Carolina Faria Mesquita"


def test_a_caption_over_no_name_takes_nothing() -> None:
    """The guard: a caption row over a row of figures only ('Nome' over '11029384756 279434545') names nobody."""
    body = "Chave de consulta: 5521-8830-1946\nNISS NIF Nome\n11029384756 279434545"
    _, fields, _ = read(SS.format(body=body))
    assert fields["holder_name"] is None
