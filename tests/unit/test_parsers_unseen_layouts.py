"""Layouts none of our generators make, written from a blind probe (2026-12-02): each was misread before.

The texts are what the reader hands the parsers (a PDF's text layer or
Tesseract's lines), cut down to what shows the defect.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from documents.extraction.parsers import parse_document
from documents.extraction.parsers.classify import classify
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind, fields_validate
from documents.extraction.validation import fields_revalidate

TODAY = dt.date(2026, 12, 2)

PAYSLIP_BODY = """N.I.F. 508192030
RECIBO DE VENCIMENTO
Dezembro 2025
Nome: Teresa Cristina Lemos Barbosa
Contribuinte: 213509628
Remuneração Base 1.850,00
Total Ilíquido 1.850,00
Segurança Social 11% 203,50
IRS (retenção na fonte) 290,45
Total Descontos 493,95
Líquido a Receber 1.356,05"""

CLEANING_PAYSLIP = """Brilho Total Limpezas, Lda.
Contribuinte n.º 510128378
Recibo de Remunerações
Período de 01/03/2026 a 31/03/2026
Nome: Maria de Fátima Gonçalves Sá
Contribuinte 182736458
Cód. Descrição Qtd. Abonos Descontos
10 Remuneração Base {base}
40 Subsídio de Alimentação 22 114,40
D01 Contribuição Segurança Social 95,70
D02 Retenção IRS 0,00
Total 984,40 95,70
Total a Pagar 888,70"""

GREEN_RECEIPT = """FATURA-RECIBO Original
N.º FR ATSIRE01FR/14
Data de Emissão: 2026-03-05
{issuer_label}
Diogo Alexandre Moura Pires
NIF: 221098348
Adquirente
Quinta Digital - Soluções Web, Lda.
NIF: 514887168
Atividade: 1519 - Outros prestadores de serviços
Valor Base 2.000,00 €
IVA à taxa normal (23%) 460,00 €
Retenção na fonte de IRS 23% 460,00 €
Importância recebida 2.000,00 €"""


def read(text: str) -> tuple[DocumentKind, dict[str, Any], list[str]]:
    lines = [Line(line) for line in text.splitlines() if line.strip()]
    kind = classify(text)
    fields = fields_validate(kind, parse_document(kind, lines).fields)
    warnings = fields_revalidate(kind, fields, document_type="PROOF_OF_INCOME", today=TODAY)
    return kind, fields, warnings


def test_the_signature_footer_is_not_read_as_the_employer() -> None:
    """A signature footer ("A Entidade Patronal   O Trabalhador") is no employer: the company at the top is."""
    _, fields, _ = read("Padaria Flor do Minho, Lda.\n" + PAYSLIP_BODY + "\nA Entidade Patronal O Trabalhador")
    assert fields["employer_name"] == "Padaria Flor do Minho, Lda."


def test_a_company_name_with_a_dash_before_its_legal_form_is_kept_whole() -> None:
    company = "ALBUQUERQUE, REIS & ASSOCIADOS - SOCIEDADE DE ADVOGADOS, SP, RL"
    _, fields, _ = read(company + "\n" + PAYSLIP_BODY + "\nA Entidade Patronal O Trabalhador")
    assert fields["employer_name"] == company
    _, fields, _ = read(GREEN_RECEIPT.format(issuer_label="Prestador de Serviços"))
    assert fields["acquirer_name"].startswith("Quinta Digital - Soluções Web, Lda")


def test_a_quantity_column_glued_to_the_base_salary_is_dropped_not_believed() -> None:
    """A quantity column glued to the amount ("30 870,00": 30 days, 870,00 €) reads as 30.870,00 €: above
    the gross it cannot be the base salary."""
    _, fields, warnings = read(CLEANING_PAYSLIP.format(base="30 870,00"))
    assert fields["base_salary"] is None
    assert "base_salary_implausible" in warnings
    assert (fields["gross_pay"], fields["net_pay"]) == (Decimal("984.40"), Decimal("888.70"))
    _, fields, warnings = read(CLEANING_PAYSLIP.format(base="30,00 870,00"))
    assert fields["base_salary"] == Decimal("870.00")
    assert "base_salary_implausible" not in warnings


def test_a_printed_zero_withholding_is_zero_not_missing() -> None:
    _, fields, _ = read(CLEANING_PAYSLIP.format(base="30,00 870,00"))
    assert fields["irs_withholding"] == Decimal("0.00")


def test_an_employee_number_before_the_name_is_skipped() -> None:
    text = """TecnoLusa Software, S.A.
Recibo de Remunerações
Período: 2026-03-01 a 2026-03-31
Funcionário
T-1184 João Pedro Carvalho Nunes
Contribuinte
231908768
Vencimento Base 3.000,00
Seg. Social 11% 330,00
Retenção na Fonte IRS 600,00
TOTAIS 3.000,00 930,00
Líquido a Receber 2.070,00"""
    _, fields, _ = read(text)
    assert fields["employee_name"] == "João Pedro Carvalho Nunes"


def test_the_issuer_block_heading_is_not_the_issuer_and_the_activity_name_starts_no_block() -> None:
    for label in ("Transmitente / Prestador de Serviços", "Prestador de Serviços"):
        _, fields, _ = read(GREEN_RECEIPT.format(issuer_label=label))
        assert fields["issuer_name"] == "Diogo Alexandre Moura Pires", label
        assert (fields["issuer_nif"], fields["acquirer_nif"]) == ("221098348", "514887168")


def test_a_receipt_whose_title_ocr_broke_is_still_a_receipt_and_side_by_side_boxes_keep_their_nifs() -> None:
    """A scan of the portal's receipt: the title split ("FATU RA-RECIBO"), the two parties' boxes read
    across. The NIFs go to their own party; the joined names line is nobody's name."""
    text = """Portal das Finanças Autoridade Tributária e Aduaneira
FATU RA-RECIBO Original
N.º FR ATSIRE01FR/3 ATCUD: K8QW3TZ1-3
Data de Emissão: 18-03-2026
Transmitente / Prestador de Serviços Adquirente
Sílvia Regina Batista Couto Luís Filipe Arruda Moniz
NIF: 268120340 NIF: 174532989
Travessa do Açougue, 5, 8000-152 Faro Rua Dr. Manuel de Arriaga, 10, 9500-060 Ponta Delgada
Atividade: 1519 - Outros prestadores de serviços (tradução) País: PORTUGAL
Valor Base 850,00 €
IVA - Isento (art.º 53.º do CIVA) 0,00 €
Importância recebida 850,00 €"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.FATURA_RECIBO
    assert (fields["issuer_nif"], fields["acquirer_nif"]) == ("268120340", "174532989")
    assert fields.get("issuer_name") is None
    assert fields.get("acquirer_name") is None
    assert fields["amount_received"] == Decimal("850.00")


def test_a_payslip_is_not_taken_for_a_receipt_by_its_words() -> None:
    kind, _, _ = read("Padaria Flor do Minho, Lda.\n" + PAYSLIP_BODY)
    assert kind == DocumentKind.RECIBO_VENCIMENTO


def test_the_taxpayer_nif_printed_before_the_name_is_skipped() -> None:
    text = """DEMONSTRAÇÃO DE LIQUIDAÇÃO DE IRS Ano dos rendimentos: 2025
Sujeito passivo A: 204817366 Sérgio Miguel Fonseca Brandão
Rendimento global 21.376,00
Rendimento coletável 21.376,00
Coleta líquida 2.717,24
Pagamentos por conta 0,00
Retenções na fonte 3.640,00
Valor a reembolsar 922,76"""
    _, fields, _ = read(text)
    assert fields["taxpayer_name"] == "Sérgio Miguel Fonseca Brandão"
    assert fields["taxpayer_nif"] == "204817366"


def test_a_declaration_in_the_active_voice_names_its_holder() -> None:
    text = """DECLARAÇÃO DE SITUAÇÃO CONTRIBUTIVA
O Instituto da Segurança Social, I.P. declara, para os devidos efeitos, que Catarina Isabel Leal Moreira,
com o número de identificação de segurança social 12093847561 e NIF 238741508,
tem a sua situação contributiva regularizada.
Data de emissão: 10-03-2026"""
    _, fields, _ = read(text)
    assert fields["holder_name"] == "Catarina Isabel Leal Moreira"
