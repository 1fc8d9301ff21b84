"""Pension statements and faturas-recibo the blind probe of round 21 misread: one Segurança Social letter with two
pensions (velhice and sobrevivência) and no total, its addressee over a street and a postal code; the CNP's annual
declaration for IRS in prose ('Declara-se, para efeitos do disposto no art. 119.º do CIRS, que ...'); a pension
slip whose printed net does not follow from its pension and deductions; the Portal's boxes ('EMITENTE' / 'NIF:
...' / the name); three faturas-recibo in one file. The texts are shaped as the reader hands them over, with
names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))


TWO_PENSIONS = """Instituto da Segurança Social, I.P.
Centro Nacional de Pensões
Albertina Luísa Franco Barreiros
Travessa das Oliveiras, 14 - 1.º Dto.
4750-210 Barcelos
Assunto: Pensões em pagamento
NIF 245817360 Porto, 5 de outubro de 2026
Exma. Senhora,
Informamos que as suas pensões têm os seguintes valores mensais,
pagos 14 vezes por ano:
Pensão de invalidez (regime geral) 540,20 €
Pensão de sobrevivência (cônjuge) 198,75 €
Com os melhores cumprimentos,"""


def test_two_pensions_of_one_letter_are_one_monthly_income_their_sum() -> None:
    """Round 21 (s04): velhice and sobrevivência on one letter, no total printed: the gross went unread."""
    kind, fields, warnings = read(TWO_PENSIONS)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["gross_monthly_amount"] == Decimal("738.95")
    assert "derived:gross_monthly_amount" in warnings
    assert fields["payments_per_year"] == 14


def test_the_addressee_over_a_street_and_a_postal_code_line_is_the_pensioner() -> None:
    """Round 21 (s04): the name in the address window over 'Rua ..., 9 - 2.º Esq.' / '8700-301 Olhão' went unread."""
    _, fields, _ = read(TWO_PENSIONS)
    assert fields["pensioner_name"] == "Albertina Luísa Franco Barreiros"


def test_the_same_pension_twice_is_not_summed() -> None:
    """Guard (passes before and after the fix): two rows of the same type are not two pensions."""
    text = TWO_PENSIONS.replace("Pensão de sobrevivência (cônjuge)", "Pensão de invalidez (anterior)")
    _, fields, _ = read(text)
    assert fields["gross_monthly_amount"] is None


ANNUAL_DECLARATION = """Instituto da Segurança Social, I.P.
Centro Nacional de Pensões
DECLARAÇÃO
(Para efeitos de IRS — Ano de 2025)
Declara-se, para efeitos do disposto no art. 119.º do CIRS, que o Fernando Augusto Brito Carvalhal,
contribuinte n.º 219640580, beneficiário n.º 12039485761, auferiu no ano de 2025,
a título de pensão de velhice (rendimentos da categoria H), as importâncias seguintes:
Rendimentos ilíquidos (categoria H) 9.417,60 €
Retenções na fonte de IRS 214,00 €
Contribuições obrigatórias 0,00 €
Coimbra, 20 de janeiro de 2026"""


def test_a_years_declaration_gives_the_annual_amount_not_a_months_deductions() -> None:
    """Round 21 (s02): 'Rendimentos ilíquidos 11.894,40' of a year went unread, its IRS read as the deductions."""
    kind, fields, _ = read(ANNUAL_DECLARATION)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["annual_amount"] == Decimal("9417.60")
    assert fields["deductions"] is None


def test_the_declarations_subject_after_an_article_reference_is_the_pensioner() -> None:
    """Round 21 (s02): the dots of 'art. 119.º' before '..., que o NAME,' hid the name."""
    _, fields, _ = read(ANNUAL_DECLARATION)
    assert fields["pensioner_name"] == "Fernando Augusto Brito Carvalhal"
    assert fields["pensioner_nif"] == "219640580"


def test_a_slips_net_that_does_not_follow_from_its_pension_is_flagged() -> None:
    """Round 21 (n2): 'Pensão de velhice 734,18', deductions 0,00 and 7,34, a net of 826,84: the net was read, the
    pension not, and nothing flagged."""
    text = """SEGURANÇA SOCIAL
Centro Nacional de Pensões
RECIBO DE PENSÃO Mês de pagamento: setembro de 2026
Pensionista: Rogério Manuel Teixeira Lobo
NIF 198463723
Pensão de velhice 655,40
Retenção IRS 0,00
Quotização sindical -6,55
Valor líquido 748,85 €"""
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["gross_monthly_amount"] == Decimal("655.40")
    assert "arithmetic_mismatch" in warnings


def portal_fatura(number: int, issued: str, month: str) -> str:
    return f"""Portal das Finanças Autoridade Tributária e Aduaneira
FATURA-RECIBO N.º FR ATSIRE01FR/{number}
ATCUD: KX4Q8W2L-{number}
Data de emissão: {issued}
EMITENTE
NIF: 251739040
Henrique José Valadares-Pinto
Atividade: 2511 - Analistas de sistemas
ADQUIRENTE
NIF: 507821394
Oficina Criativa do Tejo - Comunicação e Design, S.A.
País: PORTUGAL
Descrição Valor
Consultoria informática - {month} 2026 900,00 €
Valor Base 900,00 €
IVA (23%) 207,00 €
Imposto do Selo 0,00 €
Retenção na fonte de IRS (25%) 225,00 €
Importância recebida 882,00 €
Documento emitido no Portal das Finanças (art. 115.º CIRS)."""


def test_the_portals_boxes_give_the_names_under_the_nifs() -> None:
    """Round 21 (f01, every Portal fatura-recibo): 'EMITENTE' / 'NIF: ...' / the name: both names went unread."""
    kind, fields, _ = read(portal_fatura(41, "30-06-2026", "junho"))
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["issuer_name"] == "Henrique José Valadares-Pinto"
    assert fields["acquirer_name"] == "Oficina Criativa do Tejo - Comunicação e Design, S.A."
    assert (fields["issuer_nif"], fields["acquirer_nif"]) == ("251739040", "507821394")


def test_several_faturas_recibo_in_one_file_give_the_latest_flagged() -> None:
    """Round 21 (f05): three faturas-recibo in one PDF: the first was read, with no warning of the others."""
    text = "\n".join(
        [
            portal_fatura(41, "30-06-2026", "junho"),
            portal_fatura(42, "31-07-2026", "julho"),
            portal_fatura(43, "31-08-2026", "agosto"),
        ]
    )
    _, fields, warnings = read(text)
    assert "multiple_invoices" in warnings
    assert fields["invoice_number"] == "FRATSIRE01FR/43"
    assert fields["issue_date"] == dt.date(2026, 8, 31)
    assert fields["issuer_name"] == "Henrique José Valadares-Pinto"
    assert fields["amount_received"] == Decimal("882.00")


def test_two_copies_of_one_fatura_recibo_are_one_document() -> None:
    """Guard (passes before and after the fix): an original and its duplicate share their number: not several."""
    text = "\n".join([portal_fatura(41, "30-06-2026", "junho"), portal_fatura(41, "30-06-2026", "junho")])
    _, fields, warnings = read(text)
    assert "multiple_invoices" not in warnings
    assert fields["invoice_number"] == "FRATSIRE01FR/41"
