"""Payslips the blind probe of round 10 misread: the forces' payslips (a rank where a name is, a two-line
letterhead), a year-to-date column headed "Acumulado ano", a row label wrapped over two lines, a period given
as a range of days, and a net that does not follow from the printed totals."""

from __future__ import annotations

import datetime as dt

from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[dict, list[str]]:
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    return fields, warnings


def test_a_rank_before_the_nif_is_no_name_and_the_force_heads_its_letterhead() -> None:
    """Round 10: "MILITAR: <name>" then "N.º 1984572 GUARDA PRINCIPAL NIF ..." gave the rank as the name, and
    the command under "GUARDA NACIONAL REPUBLICANA" as the employer."""
    text = """GUARDA NACIONAL REPUBLICANA
Comando Territorial de Évora
NIPC 600007936
NOTA DE VENCIMENTO MAIO 2026
MILITAR: RODRIGO MANUEL FIALHO CASQUEIRO
N.º 2011843 CABO CHEFE NIF 243186096
Remuneração base 1.210,00
Subsídio de refeição 132,00
TOTAL ABONOS 1.342,00
CGA 11% 133,10
IRS 98,00
LÍQUIDO 1.110,90"""
    fields, _ = read(text)
    assert fields["employee_name"] == "Rodrigo Manuel Fialho Casqueiro"
    assert fields["employer_name"] == "Guarda Nacional Republicana"


def test_a_rank_before_a_name_with_no_label_is_left_out() -> None:
    """Round 10: a right-aligned "Agente Principal <name>" over "Matrícula 148.392 · NIF ..." gave no name,
    and "PSP — Polícia de Segurança Pública" no employer."""
    text = """PSP — Polícia de Segurança Pública
Direção Nacional · Departamento de Gestão Financeira · NIPC 600008304
Agente Principal Hélder Joaquim Vaz Rebelo
Matrícula 148.392 · NIF 196273048
Recibo de vencimento — setembro de 2026
Remuneração base 1.312,40
Subsídio de refeição 132,00
Total abonos 1.444,40
CGA 11% 144,36
IRS 150,00
Total descontos 294,36
Líquido 1.150,04"""
    fields, _ = read(text)
    assert fields["employee_name"] == "Hélder Joaquim Vaz Rebelo"
    assert fields["employer_name"] == "Polícia de Segurança Pública"


def test_a_year_to_date_column_headed_acumulado_ano_is_not_the_month() -> None:
    """Round 10: under "Abonos  Descontos  Acumulado ano" the deductions were read from the year-to-date column."""
    text = """Armazéns do Carregado, S.A.   NIPC 509381278
RECIBO DE VENCIMENTO 2026/06
Funcionário: Fábio Leandro Carapinha Serôdio   NIF 234105860
Descrição Abonos Descontos Acumulado ano
Vencimento base 1.120,00 6.720,00
Subsídio alimentação 132,00 780,00
Segurança Social 11% 123,20 850,65
IRS 112,00 672,00
Totais 1.252,00 235,20
Líquido: 1.016,80 €"""
    fields, _ = read(text)
    assert [str(fields[name]) for name in ("base_salary", "social_security", "irs_withholding")] == [
        "1120.00",
        "123.20",
        "112.00",
    ]


def test_a_row_label_wrapped_over_two_lines_is_read_whole() -> None:
    """Round 10: "Vencimento" / "base mensal 870,00" gave no base salary."""
    text = """Contact Atlântico — Serviços de Contact Center, S.A.
NIF 515029386 · Lisboa
Março 2026
Operadora: Yasmin Rafaela Bragança Coelho NIF 260718343
Vencimento
base mensal 870,00
Prémio de qualidade 95,00
Total de remunerações 965,00
Segurança Social 106,15
Retenção IRS 21,00
Total de descontos 127,15
Valor líquido 837,85"""
    fields, _ = read(text)
    assert str(fields["base_salary"]) == "870.00"


def test_a_heading_over_a_row_that_names_its_own_role_joins_nothing() -> None:
    """The guard: "Descontos" over "Segurança Social 106,15" stays a heading (the row has its own role)."""
    text = """Oficina Central, Lda. NIF 503819247
Março 2026
Trabalhador: Anselmo Domingos Veloso Pires NIF 192837400
Vencimento base 1.000,00
Descontos
segurança social 110,00
IRS 40,00
Líquido 850,00"""
    fields, _ = read(text)
    assert str(fields["social_security"]) == "110.00"


def test_a_period_given_as_a_range_of_days_is_its_month() -> None:
    """Round 10: "Abonos e descontos de 01/10/2026 a 31/10/2026" gave no period."""
    text = """Agrupamento de Escolas de Alcanena
Serviços Administrativos · NIF 600812979
Abonos e descontos de 01/10/2026 a 31/10/2026
Docente: Patrícia Isabel Zacarias Bento (NIF 218649070)
Remuneração base 1.213,54
Segurança Social 133,49
IRS 76,00
Abonos 1.213,54
Descontos 209,49
Importância líquida 1.004,05"""
    fields, _ = read(text)
    assert fields["period"] == "2026-10"


def test_a_net_that_does_not_follow_from_the_printed_totals_is_a_mismatch() -> None:
    """Round 10: a net 350,00 too high was taken as read and the gross worked back from it (1.662,00, only
    `derived:gross_pay`), though the earnings add up to the printed "Totais 1.312,00"."""
    text = """Mármores Galrão & Filhos, Lda.  NIF 503819247
Recibo de vencimento · agosto 2026
Trabalhador: Anselmo Domingos Veloso Pires   NIF 192837400
Vencimento base 1.180,00
Subsídio de refeição 132,00
Segurança Social 129,80
IRS 74,00
Totais 1.312,00 203,80
Líquido 1.458,20"""
    fields, warnings = read(text)
    assert str(fields["gross_pay"]) == "1312.00"
    assert "arithmetic_mismatch" in warnings
    fields, warnings = read(text.replace("1.458,20", "1.108,20"))
    assert "arithmetic_mismatch" not in warnings
