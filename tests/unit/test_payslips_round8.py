"""Payslips the blind probe of round 8 misread: a household employing a domestic worker, a temp agency's
client, abbreviated and job-title labels, two IRS rows of one amount, a manager's and an hourly worker's
pay, the employee named in the title's sentence."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def test_a_household_employer_s_personal_nif_under_its_label_is_the_employer_s() -> None:
    """Round 8: the employer's NIF (a person's, starting with 1) on the line under "Entidade empregadora"
    was taken as the employee's, and the employee's own NIF was dropped."""
    text = """Recibo de Retribuição - Serviço Doméstico
Entidade empregadora (particular): Helena Sofia Brandão Queiroz
NIF: 173408150 · Rua das Flores 12, 4050-262 Porto
Trabalhadora: Marlene Cristina Dias Fontes
NIF: 238551024 · N.º Seg. Social: 11223344556
Mês a que respeita: Setembro de 2026
Remuneração base 620,00 €
Total ilíquido 620,00 €
Segurança Social 68,20 €
Retenção de IRS 0,00 €
Importância líquida paga 551,80 €"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert (fields["employee_nif"], fields["employer_nif"]) == ("238551024", "173408150")
    assert fields["employee_name"] == "Marlene Cristina Dias Fontes"


def test_an_hourly_worker_s_hours_are_no_base_and_the_rate_s_unit_splits_no_row() -> None:
    """Round 8: "Horas prestadas: 96 h a 6,10 €/hora 585,60 €" gave no base (the unit "/hora" was read as
    the label of the row's amount)."""
    text = """Recibo de Retribuição
Entidade empregadora: Lavandaria Rio Tinto, Lda. NIF 512047162
Trabalhadora: Marlene Cristina Dias Fontes NIF 238551024
Período: Agosto de 2026
Horas prestadas: 80 h a 6,50 €/hora 520,00 €
Total ilíquido 520,00 €
Segurança Social 57,20 €
Retenção de IRS 0,00 €
Líquido 462,80 €"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    # An hourly wage prints no base salary as such (docs/api.md; blind probe r61a).
    assert fields["base_salary"] is None
    assert str(fields["gross_pay"]) == "520.00"
    assert str(fields["net_pay"]) == "462.80"


def test_a_temp_agency_s_client_is_neither_the_employer_nor_its_nif() -> None:
    """Round 8: the client company's box ("Empresa utilizadora (cliente)" / name / NIF) gave the employer's
    NIF, and "<brand> - Empresa de Trabalho Temporário, S.A." was cut to "Trabalho Temporário"."""
    text = """TEMPORALIS
Empresa de Trabalho Temporário · Alvará n.º 77
Recibo de vencimento
Setembro 2026
Empresa utilizadora (cliente)
Conservas do Atlântico, S.A.
NIF 508329175
Trabalhador temporário
Nuno Miguel Serrano Pacheco
NIF 214703584
Retribuição base 900,00
Subsídio de refeição 132,00
Seg. Social 11% 99,00
IRS 28,00
Total 1.032,00 127,00
A receber 905,00
Temporalis - Empresa de Trabalho Temporário, S.A. · NIPC 509912745 · Rua Augusta 10, Lisboa"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employer_nif"] == "509912745"
    assert fields["employer_name"] == "Temporalis - Empresa de Trabalho Temporário, S.A."
    assert (fields["employee_name"], fields["employee_nif"]) == ("Nuno Miguel Serrano Pacheco", "214703584")


def test_an_abbreviated_label_after_the_name_ends_it() -> None:
    """Round 8: "NOME: FERNANDO … LOUREIRO CONTRIB.: 172039487" kept "Contrib" as a surname."""
    text = """SERRALHARIA DO SADO, LDA.
CONTRIBUINTE N.º 512047162 · SETÚBAL
RECIBO DE REMUNERAÇÕES REFERENTE A MAIO DE 2026
NOME: RUI MANUEL COSTA PEIXOTO CONTRIB.: 135209463
VENCIMENTO BASE 1.050,00 EUR
SEGURANÇA SOCIAL 115,50 EUR
RETENÇÃO I.R.S. 61,00 EUR
TOTAL ILÍQUIDO 1.050,00 EUR
LÍQUIDO A RECEBER 873,50 EUR"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employee_name"] == "Rui Manuel Costa Peixoto"


def test_a_job_title_used_as_the_label_is_no_part_of_the_name() -> None:
    """Round 8: "Motorista: Paulo Jorge Mesquita Faria NIF …" gave "Motorista Paulo Jorge Mesquita Faria"."""
    text = """Transportes do Vale, E.M.
NIPC 508329175 · Av. Central 4
Recibo de vencimento Agosto/2026
Cozinheira: Sandra Isabel Lopes Mota NIF 266184308 N.º 311
Vencimento base 980,00
Segurança Social 107,80
IRS 41,00
Total 980,00 148,80
Líquido 831,20"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employee_name"] == "Sandra Isabel Lopes Mota"


def test_two_irs_rows_of_one_amount_are_both_withheld_when_the_total_says_so() -> None:
    """Round 8: "IRS (vencimento) 59,00" / "IRS (subsídio de Natal) 59,00" gave 59,00: the second row was taken
    for a restatement of the first, though the deductions' total only holds with both."""
    text = """Papelaria Central, Lda. · NIF 512047162
Período 12/2026
Colaboradora: Marta Sofia Rebelo Antunes NIF 238551024
Vencimento 1.000,00
Subsídio de Natal 1.000,00
Segurança Social 220,00
IRS (vencimento) 62,00
IRS (subsídio de Natal) 62,00
Total 2.000,00 344,00
Líquido 1.656,00"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert str(fields["irs_withholding"]) == "124.00"
    assert str(fields["social_security"]) == "220.00"


def test_a_restated_deduction_is_still_counted_once() -> None:
    """The other side of the rule above: a summary row repeating the body's social security is one
    deduction, as the total shows."""
    text = """Papelaria Central, Lda. · NIF 512047162
Período 11/2026
Colaboradora: Marta Sofia Rebelo Antunes NIF 238551024
Vencimento 1.000,00
Segurança Social 110,00
IRS 62,00
TSU 110,00
Total descontos 172,00
Líquido 828,00"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert str(fields["social_security"]) == "110.00"


def test_a_manager_s_pay_is_the_base() -> None:
    """Round 8: a member of a statutory body paid "Remuneração de gerência" got no base salary."""
    text = """Adega Serra Alta, Lda.
NIPC 512047162 · Lugar da Serra, Lamego
Recibo de remuneração de membro de órgão estatutário
Mês: outubro de 2026
Sócio-gerente: Tiago Filipe Nogueira Sarmento
NIF: 192837460
Remuneração de gerência 2.100,00
Contribuição SS 231,00
Retenção IRS 330,00
Remuneração líquida 1.539,00"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert str(fields["base_salary"]) == "2100.00"
    assert fields["employee_name"] == "Tiago Filipe Nogueira Sarmento"


def test_the_employee_named_in_the_title_s_sentence() -> None:
    """Round 8: "Recibo de vencimento de Ricardo … Barbosa (NIF …) relativo a junho" gave no name."""
    text = """Oficina Norte, Lda.
NIF 512047162 · Braga
Recibo de vencimento de Inês Carolina Sá Meireles (NIF 266184308) relativo a junho de 2026
1.095,00 € Vencimento base
1.095,00 € = Total bruto
120,45 € Segurança Social
71,00 € IRS
903,55 € = Líquido pago"""
    _, fields, _ = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["employee_name"] == "Inês Carolina Sá Meireles"


def test_a_sick_leave_month_keeps_its_base_above_the_gross() -> None:
    """Round 8: "Vencimento base 30 930,00" under a "Dias" column, on a page with no thousands to show how it
    groups them, was read 30.930,00; and a base above the gross (8 days' pay withheld for sick leave) was
    dropped as implausible."""
    text = """TINTURARIA DO LIS, LDA.
NIF 512047162 · Leiria
Período: setembro de 2026
Nome Paula Cristina Vaz Cordeiro N.º Contribuinte 238551024
Código Designação Dias Abonos Descontos
001 Vencimento base 30 900,00
045 Ausência por doença (CIT) 6 -180,00
060 Subsídio de alimentação 16 96,00
500 Segurança Social 68,64
510 IRS 0,00
Totais 816,00 68,64
Líquido 747,36"""
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert str(fields["base_salary"]) == "900.00"
    assert (str(fields["gross_pay"]), str(fields["net_pay"])) == ("816.00", "747.36")
    assert "base_salary_implausible" not in warnings


def test_a_base_above_the_gross_with_no_absence_is_still_implausible() -> None:
    """The guard the rule above keeps: with no pay withheld, a base above the gross is a misreading."""
    text = """Papelaria Central, Lda. · NIF 512047162
Período 10/2026
Colaboradora: Marta Sofia Rebelo Antunes NIF 238551024
Vencimento base 9.000,00
Total ilíquido 1.000,00
Segurança Social 110,00
IRS 62,00
Líquido 828,00"""
    _, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    assert fields["base_salary"] is None
    assert "base_salary_implausible" in warnings


TWO_COLUMN_TEMP_AGENCY = """TEMPORALIS Recibo de vencimento
Empresa de Trabalho Temporário - Alvará n.º 77 Setembro 2026
Empresa utilizadora (cliente) Trabalhador temporário
Conservas do Atlântico, S.A. Nuno Miguel Serrano Pacheco
NIF 508329175 NIF 214703584
Rubrica Qtd. Crédito Débito
Retribuição base 1 900,00
Subsídio de refeição 22 132,00
Seg. Social 11% 99,00
IRS 28,00
Total 1.032,00 127,00
A receber 905,00
Temporalis - Empresa de Trabalho Temporário, S.A. . NIPC 509912745 . Rua Augusta 10, Lisboa"""


def test_two_nifs_on_a_line_go_to_the_party_labels_above_them_in_order() -> None:
    """Round 8 (the photo): OCR put the client's and the worker's boxes side by side, one line of labels and one
    of NIFs; the client's NIF was taken as the employer's, and the client as the employer."""
    lines = [Line(text, 0.95) for text in TWO_COLUMN_TEMP_AGENCY.splitlines()]
    fields = parse_payslip(lines).fields
    assert (fields["employee_nif"], fields["employer_nif"]) == ("214703584", "509912745")
    assert fields["employer_name"] == "Temporalis - Empresa de Trabalho Temporário, S.A."


def test_on_a_scan_too_the_earnings_adding_up_tell_a_quantity_from_thousands() -> None:
    """Round 8 (the photo): "Retribuição base 1 900,00" under "Qtd." read 1.900,00, above the gross."""
    lines = [Line(text, 0.95) for text in TWO_COLUMN_TEMP_AGENCY.splitlines()]
    fields = parse_payslip(lines).fields
    assert fields["base_salary"] == Decimal("900.00")


def test_on_a_scan_a_thousands_group_that_adds_up_stays_one_amount() -> None:
    """The other side: OCR reading "1.519,00" as "1 519,00" is still 1 519,00 when that is what adds up."""
    text = TWO_COLUMN_TEMP_AGENCY.replace("1 900,00", "1 519,00").replace("1.032,00", "1.651,00")
    text = text.replace("A receber 905,00", "A receber 1.524,00")
    fields = parse_payslip([Line(line, 0.95) for line in text.splitlines()]).fields
    assert fields["base_salary"] == Decimal("1519.00")
