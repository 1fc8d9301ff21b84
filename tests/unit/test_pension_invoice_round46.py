"""Pension statements and faturas-recibo of blind probe r46a read short: a pension payer's year declaration for the
IRS return (its gross in a table's column, or in a sentence naming the payer "I.P.") gave no annual amount and was
warned as incomplete; a bank's declaration gave no gross (the feminine "ilíquida") and no deductions (each in
brackets after its label); a Segurança Social Direta payments table with a complement's column gave no amount and
no name (the NISS between the name and the NIF); a scan's mangled "APOSENTAÇÕOES" named no issuer; a PDF of several
faturas-recibo, each number's line holding its date, was read as its first page, unflagged; the AT's final
consumer's number was returned as the buyer's NIF. Texts of our own, in the probe's layout families."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 10)
PENSIONER = "184503272"
ISSUER = "246190833"
CLIENT = "516039270"


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)


def test_a_year_declaration_for_irs_gives_the_years_gross_from_its_table_and_no_missing_month() -> None:
    kind, fields, warnings = read(f"""SEGURANÇA SOCIAL - Centro Nacional de Pensões
DECLARAÇÃO DE RENDIMENTOS - ANO DE 2025
Para efeitos de IRS (Modelo 3 - Anexo A, Quadro 4A)
Nome: Rosário Fontes Aguiar
NIF: {PENSIONER} NISS: 12345678901
Entidade pagadora: Instituto da Segurança Social, I.P. - NIPC 505305500
Código Rendimento bruto Retenção IRS Contribuições
401 - Pensões 10.234,60 286,00 0,00
Emitido em 2026-02-06 via Segurança Social Direta.""")
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["annual_amount"] == Decimal("10234.60")
    # The year's tax withheld is no month's deductions.
    assert fields["deductions"] is None and fields["gross_monthly_amount"] is None
    assert "missing:gross_monthly_amount" not in warnings
    assert "missing:payments_per_year" not in warnings


def test_a_year_declaration_in_a_sentence_naming_the_payer_with_its_initials_gives_the_years_gross() -> None:
    kind, fields, warnings = read(f"""SEGURANÇA SOCIAL - Centro Nacional de Pensões
DECLARAÇÃO PARA EFEITOS DE IRS
Declara-se que Joaquim Pires Bettencourt, NIF {PENSIONER}, recebeu do Instituto da Segurança Social, I.P.,
no ano de 2025, pensões de velhice no valor ilíquido total de 8.615,20 €, tendo sido retido
na fonte IRS no montante de 122,00 €. Rendimentos a declarar no Modelo 3, Anexo A (código 401).
Lisboa, 9 de fevereiro de 2026""")
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["annual_amount"] == Decimal("8615.20")
    assert fields["deductions"] is None
    assert fields["pension_type"] == "velhice"
    assert "missing:gross_monthly_amount" not in warnings


def test_a_monthly_statement_missing_its_month_is_still_warned() -> None:
    _, fields, warnings = read(f"""Centro Nacional de Pensões
Pensionista: Rosário Fontes Aguiar
NIF: {PENSIONER}
Pensão de velhice""")
    assert fields["annual_amount"] is None
    assert "missing:gross_monthly_amount" in warnings


def test_a_banks_declaration_in_running_text_gives_the_gross_and_the_bracketed_deductions() -> None:
    _, fields, warnings = read(f"""Banco Mercantil do Norte, S.A.
Direção de Recursos Humanos - Reformados
DECLARAÇÃO
Declara-se, para os devidos efeitos, que Armando Teles Cordeiro, contribuinte n.º {PENSIONER},
ex-colaborador deste Banco, se encontra na situação de reforma por velhice desde 01-06-2018,
auferindo uma pensão de reforma mensal ilíquida de 1.984,40 € (mil novecentos e oitenta e quatro euros
e quarenta cêntimos), paga catorze vezes por ano, a que corresponde, após a retenção na
fonte de IRS (297,66 €) e a contribuição para o SAMS (29,77 €), o valor líquido de 1.656,97 €.
Porto, 12 de novembro de 2026""")
    assert fields["gross_monthly_amount"] == Decimal("1984.40")
    assert fields["deductions"] == Decimal("327.43")
    assert fields["net_monthly_amount"] == Decimal("1656.97")
    assert "arithmetic_mismatch" not in warnings


def test_a_pension_called_iliquida_is_the_gross() -> None:
    _, fields, _ = read(f"""DECLARAÇÃO
Declara-se que Armando Teles Cordeiro, contribuinte n.º {PENSIONER}, aufere uma pensão de reforma
mensal ilíquida de 1.984,40 €, paga catorze vezes por ano, sendo o valor líquido de 1.656,97 €.
Porto, 12 de novembro de 2026""")
    assert fields["gross_monthly_amount"] == Decimal("1984.40")
    assert fields["net_monthly_amount"] == Decimal("1656.97")


def test_a_bracketed_breakdown_beside_its_total_is_still_no_deduction_of_its_own() -> None:
    _, fields, _ = read(f"""Centro Nacional de Pensões
Pensionista: Rosário Fontes Aguiar
NIF: {PENSIONER}
Pensão mensal ilíquida 900,00
Descontos (IRS 30,00 + CES 10,00) 40,00
Valor líquido 860,00""")
    assert fields["deductions"] == Decimal("40.00")


def test_a_payments_table_with_a_complement_column_gives_the_latest_month_and_the_name_beside_the_niss() -> None:
    _, fields, warnings = read(f"""Segurança Social Direta Impresso em 03/12/2026 09:12
Pensões > Consultar pagamentos
Graça Moniz Tavares Lobo | NISS 21044601937 | NIF {PENSIONER}
Prestação: Pensão de velhice - Regime geral
Mês Valor bruto IRS Compl. solidário Valor líquido Data pagamento
Novembro 2026 455,10 0,00 40,25 495,35 10/11/2026
Outubro 2026 455,10 0,00 40,25 495,35 09/10/2026
Setembro 2026 450,00 0,00 40,25 490,25 09/09/2026""")
    assert fields["pensioner_name"] == "Graça Moniz Tavares Lobo"
    assert fields["net_monthly_amount"] == Decimal("495.35")
    # The pension and its complement, paid before tax: their sum, worked out.
    assert fields["gross_monthly_amount"] == Decimal("495.35")
    assert "derived:gross_monthly_amount" in warnings
    assert fields["deductions"] == Decimal("0.00")
    assert "arithmetic_mismatch" not in warnings


def test_a_scans_mangled_caixa_geral_de_aposentacoes_still_names_the_cga() -> None:
    _, fields, _ = read(f"""CAIXA GERAL DE APOSENTAÇÕOES, I.P. Declaração de rendimentos
Av. 5 de Outubro, 175 - 1050-053 Lisboa Emitida em 14-10-2026
Pensionista: Rosário Fontes Aguiar
NIF: {PENSIONER} N.º de subscritor: 412233
Tipo de pensão: Pensão de sobrevivência
Pensão ilíquida 640,00
IRS -20,00
Pensão líquida 620,00
A pensão é abonada em 14 prestações anuais.""")
    assert fields["issuer"] == "CGA"


def portal_receipt(
    *, number: str, issued: str, month: str, acquirer: str = "Clínica Boa Saúde, Lda.", acquirer_nif: str = CLIENT
) -> str:
    return f"""Portal das Finanças AUTORIDADE TRIBUTÁRIA E ADUANEIRA
FATURA-RECIBO
ORIGINAL
N.º FR ATSIRE01FR/{number} Data de emissão: {issued}
Emitente (Prestador de serviços)
Marta Quintela Barros
NIF: {ISSUER}
2400-120 Leiria
Adquirente
{acquirer}
NIF: {acquirer_nif}
PORTUGAL
Descrição
Serviços de fisioterapia - {month}
Valor base 1.200,00
Imposto do Selo 0,00
Retenção na fonte de IRS (art.º 101.º, n.º 1 do CIRS) 23% 276,00
Importância recebida 924,00
Regime de IVA: Isento
Processado por programa certificado n.º 1/AT"""


def test_several_faturas_recibo_with_their_dates_beside_their_numbers_give_the_latest_flagged() -> None:
    pages = [
        portal_receipt(number="30", issued="30-09-2026", month="setembro 2026"),
        portal_receipt(number="31", issued="31-10-2026", month="outubro 2026"),
        portal_receipt(number="32", issued="30-11-2026", month="novembro 2026"),
    ]
    kind, fields, warnings = read("\n".join(pages))
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["invoice_number"] == "FRATSIRE01FR/32"
    assert fields["issue_date"] == dt.date(2026, 11, 30)
    assert "multiple_invoices" in warnings


def test_several_faturas_recibo_the_latest_first_are_flagged_too() -> None:
    pages = [
        portal_receipt(number="32", issued="30-11-2026", month="novembro 2026"),
        portal_receipt(number="31", issued="31-10-2026", month="outubro 2026"),
    ]
    _, fields, warnings = read("\n".join(pages))
    assert fields["invoice_number"] == "FRATSIRE01FR/32"
    assert "multiple_invoices" in warnings


def test_one_fatura_recibo_with_its_date_beside_its_number_is_not_several() -> None:
    _, fields, warnings = read(portal_receipt(number="30", issued="30-09-2026", month="setembro 2026"))
    assert fields["issue_date"] == dt.date(2026, 9, 30)
    assert "multiple_invoices" not in warnings


def test_the_final_consumers_generic_number_is_no_buyers_nif() -> None:
    receipt = portal_receipt(
        number="30", issued="30-09-2026", month="setembro", acquirer="Consumidor final", acquirer_nif="999999990"
    )
    _, fields, _ = read(receipt)
    assert fields["acquirer_nif"] is None
    assert fields["issuer_nif"] == ISSUER
