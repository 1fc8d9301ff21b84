"""Blind probe r54a: pension statements, IRS and AT documents, a Segurança Social declaration and a plain fatura.

A year's declaration for the IRS return with two pensions' rows, each captioned, gives their "Total" row, or their
sum; a CGA nota whose printed total of deductions was misread still gives the gross its "Pensão" row prints, by the
items' sum; a foreign statement's gross whose figure lost its decimal separator is worked out where its digits are
the net plus the deductions; a joint return's sujeito passivo B's name loses its "Nome" caption; a declaração de
início de atividade's numbered "02 - Nome" is read; a declaration whose sentence names the holder between the
situation and what it is gives both; a plain fatura is not said to be missing the amount received it never prints.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 10)
PENSIONER = "184503272"
SPOUSE = "219384762"
WORKER = "228410932"
CLIENT = "516039270"


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)


def year_declaration(total: str) -> str:
    return f"""SEGURANÇA SOCIAL
Instituto da Segurança Social, I.P.
Centro Nacional de Pensões
DECLARAÇÃO DE RENDIMENTOS - ANO 2025 (para efeitos de IRS)
Beneficiário: Rosa Maria Teixeira Campos
NIF: {PENSIONER} NISS: 12093184756
Rendimentos a declarar no Modelo 3, Anexo A, Quadro 4 (código 401 - Pensões)
Pensão de invalidez - rendimento bruto 8.120,50 €
Pensão de sobrevivência - rendimento bruto 2.404,70 €
{total}Retenções na fonte de IRS 412,00 €
Lisboa, 20 de janeiro de 2026"""


def test_a_year_declaration_of_two_pensions_gives_their_total_row_never_the_first_row() -> None:
    kind, fields, warnings = read(year_declaration("Total de rendimentos 10.525,20 €\n"))
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["annual_amount"] == Decimal("10525.20")
    assert "derived:annual_amount" not in warnings


def test_a_year_declaration_of_two_pensions_and_no_total_row_gives_their_sum_worked_out() -> None:
    _kind, fields, warnings = read(year_declaration(""))
    assert fields["annual_amount"] == Decimal("10525.20")
    assert "derived:annual_amount" in warnings


CGA_NOTA = f"""CAIXA GERAL DE APOSENTAÇÕES
NOTA DE ABONOS E DESCONTOS - PENSÃO DE APOSENTAÇÃO
Nome: Fernando Jorge Lopes Barata
NIF: {PENSIONER}
Mês de processamento: novembro de 2026
Tipo de pensão: Aposentação
Pensão 2.104,30 €
IRS 301,00 €
ADSE (3,5%) 73,65 €
CES / Outros 0,00 €
Total de descontos 374,05 €
Líquido a receber 1.729,65 €"""


def test_a_cga_notas_misread_total_of_deductions_gives_way_to_the_items_that_add_up_with_its_pension_row() -> None:
    # 374,65 printed, read 374,05 (a scan's 6 for a 0): with it nothing adds up, with the items' sum the pension does.
    _kind, fields, warnings = read(CGA_NOTA)
    assert fields["gross_monthly_amount"] == Decimal("2104.30")
    assert fields["deductions"] == Decimal("374.65")
    assert fields["net_monthly_amount"] == Decimal("1729.65")
    assert "missing:gross_monthly_amount" not in warnings


def french_statement(gross: str) -> str:
    return f"""Assurance retraite
ATTESTATION DE PAIEMENT DE RETRAITE
Nom: Lucia Ferreira Gaspar
NIF (Portugal): {PENSIONER}
Période: octobre 2026
Montant brut mensuel {gross} €
CSG / CRDS 0,00 €
Cotisation maladie 26,10 €
Montant net mensuel 789,20 €
Nombre de versements par an 12"""


def test_a_foreign_gross_whose_figure_lost_its_separator_is_the_net_plus_the_deductions_worked_out() -> None:
    _kind, fields, warnings = read(french_statement("81530"))
    assert fields["gross_monthly_amount"] == Decimal("815.30")
    assert "derived:gross_monthly_amount" in warnings
    assert "missing:gross_monthly_amount" not in warnings


def test_a_figure_without_separator_that_is_not_the_net_plus_the_deductions_stays_unread() -> None:
    _kind, fields, warnings = read(french_statement("81630"))
    assert fields["gross_monthly_amount"] is None
    assert "missing:gross_monthly_amount" in warnings


JOINT_RETURN = f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
DECLARAÇÃO DE RENDIMENTOS - IRS MODELO 3 Ano 2025
Rosto - Quadro 3 - Identificação do(s) sujeito(s) passivo(s)
Sujeito passivo A NIF {PENSIONER} Nome Marta Sofia Rebelo Duarte
Sujeito passivo B NIF {SPOUSE} Nome Tiago André Duarte Freitas
Casados - Tributação conjunta
ANEXO A - Rendimentos do trabalho dependente e pensões - Quadro 4A
NIF entidade pagadora Código Titular Rendimento bruto Retenções IRS Contribuições
503210765 401 A 18.200,00 1.910,00 2.002,00
503210765 401 B 15.400,00 1.302,00 1.694,00
Soma 33.600,00 3.212,00"""


def test_a_joint_returns_second_taxpayers_name_leaves_its_caption_out() -> None:
    _kind, fields, _warnings = read(JOINT_RETURN)
    assert fields["taxpayer_name"] == "Marta Sofia Rebelo Duarte"
    assert fields["spouse_nif"] == SPOUSE
    assert fields["spouse_name"] == "Tiago André Duarte Freitas"


ACTIVITY_START = f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA
DECLARAÇÃO DE INÍCIO DE ATIVIDADE
Data de receção 14/04/2026
01 - NIF {WORKER}
02 - Nome Henrique Miguel Sá Ventura
03 - Serviço de Finanças 1106 - LISBOA-6
05 - Data de início de atividade 14/04/2026
06 - Atividade principal (art. 151.º CIRS) 1332 - Programadores informáticos"""


def test_an_activity_starts_numbered_name_field_is_read() -> None:
    kind, fields, _warnings = read(ACTIVITY_START)
    assert kind == DocumentKind.DECLARACAO_INICIO_ATIVIDADE
    assert fields["taxpayer_name"] == "Henrique Miguel Sá Ventura"
    assert fields["taxpayer_nif"] == WORKER


def ss_declaration(situation: str) -> str:
    return f"""SEGURANÇA SOCIAL
Instituto da Segurança Social, I.P.
DECLARAÇÃO DE SITUAÇÃO CONTRIBUTIVA
Para os devidos efeitos se declara que, nesta data, a situação contributiva de
Rui Alexandre Pacheco Moura, NISS 12093184756, NIF {WORKER},
perante a Segurança Social {situation}.
Data de emissão: 02/12/2026
Código de acesso: SS-4410-7723-9051"""


def test_a_declaration_naming_its_holder_between_the_situation_and_its_state_gives_both() -> None:
    kind, fields, warnings = read(ss_declaration("se encontra regularizada"))
    assert kind == DocumentKind.DECLARACAO_SS
    assert fields["holder_name"] == "Rui Alexandre Pacheco Moura"
    assert fields["status"] == "REGULAR"
    assert not [warning for warning in warnings if warning.startswith("missing:")]


def test_such_a_declaration_not_regularised_is_irregular() -> None:
    _kind, fields, _warnings = read(ss_declaration("não se encontra regularizada"))
    assert fields["status"] == "IRREGULAR"


PLAIN_FATURA = f"""Autoridade Tributária e Aduaneira Portal das Finanças
FATURA
N.º FT ATSIRE01FT/42
Transmitente / Prestador de serviços
Rui Alexandre Pacheco Moura
NIF: {WORKER}
Adquirente
NIF: {CLIENT}
Nome: Oficina Gráfica do Tejo, Lda.
Data de emissão: 03/11/2026 Data da prestação do serviço: 03/11/2026
Descrição Valor
Manutenção do sítio web 640,00 €
Valor Base 640,00 €
IVA 0,00 €
Motivo de isenção / não liquidação Artigo 53.º do CIVA
Total a pagar 640,00 €"""


def test_a_plain_fatura_is_not_said_to_be_missing_the_amount_received_it_never_prints() -> None:
    _kind, fields, warnings = read(PLAIN_FATURA)
    assert "invoice_not_receipt" in warnings
    assert fields["amount_received"] is None
    assert "missing:amount_received" not in warnings
