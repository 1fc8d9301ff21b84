"""Payslips from other countries, which the blind probe of round 20 found refused or misread: a French, Italian,
German, Dutch or Spanish slip (titled in its own language, its net and gross under its own captions) refused as
no proof of income; an Angolan slip in kwanzas counted as euros; an American pay stub's year-to-date column read
as the period's; a Brazilian CPF taken for the employee's NIF and its caption glued to the name; a Spanish
employer's CIF glued to its name and the "Trabajador:" unread; a British slip's employee and pay date unread.
Another country's payslip is read as a payslip and says so (``foreign_payslip``: the rules count it 12 times a
year). The texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict, list[str]]:
    kind, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    return kind, fields, warnings


FRENCH = """BULLETIN DE SALAIRE Période du 01/09/2026 au 30/09/2026
Menuiserie Giraud SARL Salariée : Élodie Marchand
8 avenue Foch, 33000 Bordeaux Emploi : Comptable
Rubrique Base Taux Part salarié
Salaire de base 151,67 18,4600 2 800,00
SALAIRE BRUT 2 800,00
Sécurité sociale maladie 2 800,00 196,00
Retraite complémentaire T1 2 800,00 4,01 112,28
CSG déductible 2 751,00 6,80 187,07
Autres cotisations 120,65
TOTAL COTISATIONS 616,00
NET À PAYER AVANT IMPÔT SUR LE REVENU 2 184,00
NET PAYÉ 2 184,00
"""
ITALIAN = """CEDOLINO PAGA - Mese di SETTEMBRE 2026
Ditta: Trattoria Il Gabbiano S.r.l.
Dipendente: Marco Esposito
Voce Competenze Trattenute
Retribuzione ordinaria 2.100,00
Contributi INPS 9,19% 192,99
IRPEF netta 248,51
Totale competenze 2.100,00
Totale trattenute 441,50
NETTO IN BUSTA 1.658,50
"""
GERMAN = """Bäckerei Wagner GmbH
Gehaltsabrechnung September 2026
Mitarbeiter: Stefan Becker
Bezeichnung Betrag
Gehalt 3.600,00
Gesamt-Brutto 3.600,00
Lohnsteuer 452,16
Krankenversicherung 293,40
Rentenversicherung 334,80
Netto-Verdienst 2.519,64
Auszahlungsbetrag 2.519,64
"""
DUTCH = """SALARISSTROOK Periode: september 2026
Tulpenkwekerij Hoorn B.V.
Werknemer: Femke de Vries
Omschrijving Uitbetaling Inhouding
Salaris 3.100,00
Pensioenpremie werknemer 127,10
Loonheffing 590,40
Brutoloon 3.100,00
Nettoloon 2.382,50
"""
SPANISH = """NÓMINA - Septiembre 2026
Empresa: Talleres Guadalquivir, S.L. CIF: B41234567
Trabajador: Lucía Gómez de la Torre NIF: 12345678Z
I. DEVENGOS
Salario base 1.900,00
Plus transporte 80,00
A. TOTAL DEVENGADO 1.980,00
II. DEDUCCIONES
Contingencias comunes 4,83% 95,63
Retención IRPF 12,00% 237,60
B. TOTAL A DEDUCIR 333,23
LÍQUIDO TOTAL A PERCIBIR 1.646,77
"""


@pytest.mark.parametrize(
    ("text", "gross", "net", "period"),
    [
        (FRENCH, "2800.00", "2184.00", "2026-09"),
        (ITALIAN, "2100.00", "1658.50", "2026-09"),
        (GERMAN, "3600.00", "2519.64", "2026-09"),
        (DUTCH, "3100.00", "2382.50", "2026-09"),
        (SPANISH, "1980.00", "1646.77", "2026-09"),
    ],
    ids=["fr", "it", "de", "nl", "es"],
)
def test_another_countrys_payslip_in_euros_is_read_as_a_foreign_payslip(
    text: str, gross: str, net: str, period: str
) -> None:
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.RECIBO_VENCIMENTO
    assert fields["gross_pay"] == Decimal(gross)
    assert fields["net_pay"] == Decimal(net)
    assert fields["period"] == period
    assert "foreign_payslip" in warnings
    assert "currency_not_eur" not in warnings


@pytest.mark.parametrize(
    ("text", "employee", "employer"),
    [
        (FRENCH, "Élodie Marchand", "Menuiserie Giraud SARL"),
        (ITALIAN, "Marco Esposito", "Trattoria Il Gabbiano S.r.l."),
        (DUTCH, "Femke de Vries", "Tulpenkwekerij Hoorn B.V."),
        # The employer's CIF is no part of its name; the worker is named under "Trabajador:".
        (SPANISH, "Lucía Gómez de la Torre", "Talleres Guadalquivir, S.L."),
    ],
    ids=["fr", "it", "nl", "es"],
)
def test_another_countrys_payslip_names_its_employee_and_employer(text: str, employee: str, employer: str) -> None:
    _, fields, _ = read(text)
    assert fields["employee_name"] == employee
    assert fields["employer_name"] == employer


def payslip_in(currency_row: str) -> str:
    return f"""RECIBO DE SALÁRIO
Construções Marginal, Lda.
Mês de referência: Setembro de 2026
Trabalhador: Esperança Mateus Cassule
Salário Base {currency_row.format("820.000,00")}
Total Ilíquido {currency_row.format("820.000,00")}
IRT {currency_row.format("98.400,00")}
Total Descontos {currency_row.format("98.400,00")}
Líquido a Receber {currency_row.format("721.600,00")}
"""


@pytest.mark.parametrize(
    "currency_row",
    ["{} Kz", "{} AOA", "{} MT", "MZN {}", "{} CVE", "₹ {}", "{} INR", "{} ₴", "{} UAH", "{} NPR", "¥ {}", "{} RMB"],
)
def test_a_payslip_in_another_currency_is_flagged_and_foreign(currency_row: str) -> None:
    kind, fields, warnings = read(payslip_in(currency_row))
    assert kind == DocumentKind.RECIBO_VENCIMENTO
    assert fields["net_pay"] == Decimal("721600.00")
    assert "currency_not_eur" in warnings
    assert "foreign_payslip" in warnings


PORTUGUESE = """Padaria Estrela do Mar, Lda.
NIPC: 507123450
Recibo de vencimento Mês: Setembro 2026
Trabalhadora: Marta Sofia Quintela
NIF: 234567813
Vencimento base 1.200,00{sign}
Subsídio de refeição 132,00{sign}
Total Ilíquido 1.332,00{sign}
Segurança Social 132,00{sign}
IRS 64,00{sign}
Líquido 1.136,00{sign}
Data de pagamento: 02/10/2026
"""


@pytest.mark.parametrize("sign", ["", " €", " EUR"], ids=["bare", "euro-sign", "eur"])
def test_a_portuguese_payslip_is_neither_foreign_nor_in_another_currency(sign: str) -> None:
    """Guard (passes before and after the fix): a Portuguese slip printing euros or bare amounts, paid early in
    the next month, is not flagged, and its period is its own."""
    _, fields, warnings = read(PORTUGUESE.format(sign=sign))
    assert fields["net_pay"] == Decimal("1136.00")
    assert fields["period"] == "2026-09"
    assert "currency_not_eur" not in warnings
    assert "foreign_payslip" not in warnings


def test_a_portuguese_payslip_in_english_is_not_foreign() -> None:
    """Guard (passes before and after the fix): an expatriate's payslip in English from a Portuguese employer
    (IRS, Social Security, euros) is Portugal's."""
    text = """PAYSLIP Atlantic Code Labs, Lda.
Employee: Daniel Whitmore
Pay period: September 2026
Basic salary 3.000,00 €
Gross pay 3.000,00 €
Social Security 330,00 €
IRS withholding 540,00 €
Net pay 2.130,00 €
"""
    _, fields, warnings = read(text)
    assert fields["net_pay"] == Decimal("2130.00")
    assert "foreign_payslip" not in warnings


US_STUB = """Redwood Freight Inc. EARNINGS STATEMENT
Employee: Laura K. Bennett Pay period: 09/14/2026 - 09/27/2026
Pay date: 10/02/2026 Frequency: Biweekly
Earnings Rate Hours This period Year to date
Regular 41.2500 80.00 3,300.00 62,700.00
Gross Pay $3,300.00 $62,700.00
Deductions
Federal Income Tax 396.00 7,524.00
Social Security 204.60 3,887.40
Medicare 47.85 909.15
Total Deductions 648.45 12,320.55
NET PAY $2,651.55 $50,379.45
"""


def test_a_pay_stubs_period_column_is_read_not_its_year_to_date() -> None:
    _, fields, warnings = read(US_STUB)
    assert fields["gross_pay"] == Decimal("3300.00")
    assert fields["net_pay"] == Decimal("2651.55")
    assert fields["employer_name"] == "Redwood Freight Inc."
    assert "currency_not_eur" in warnings
    assert "foreign_payslip" in warnings


HOLERITE = """DEMONSTRATIVO DE PAGAMENTO DE SALÁRIO (HOLERITE)
Transportes Serra Azul Ltda. CNPJ 23.456.789/0001-10
Referência: Setembro/2026
Funcionário: Renata Cristina Albuquerque CPF 234.567.813-50
Cód. Descrição Vencimentos Descontos
001 Salário Base 5.200,00
901 INSS 571,99
902 IRRF 412,87
Total de Vencimentos 5.200,00
Total de Descontos 984,86
Valor Líquido R$ 4.215,14
"""


def test_a_cpf_is_no_nif_and_its_caption_no_part_of_the_name() -> None:
    """The CPF's first nine digits pass the NIF's check digit here: a longer number is still never a NIF."""
    _, fields, warnings = read(HOLERITE)
    assert fields.get("employee_nif") is None
    assert fields["employee_name"] == "Renata Cristina Albuquerque"
    assert fields["employer_name"] == "Transportes Serra Azul Ltda."
    assert fields["net_pay"] == Decimal("4215.14")
    assert {"currency_not_eur", "foreign_payslip"} <= set(warnings)


UK_PAYSLIP = """PAYSLIP Thames Gate Analytics Ltd
Pay date: 28/09/2026 Tax period: 6
Employee: Oliver Hartley-Byrne NI number: AB 98 76 54 D
Employee no: 2231 Tax code: 1257L
Payments Amount Deductions Amount
Basic salary £2,900.00 PAYE tax £369.80
National Insurance £152.00
Gross pay £2,900.00 Total deductions £521.80
NET PAY £2,378.20
"""


def test_a_uk_payslips_employee_and_the_month_its_pay_date_ends() -> None:
    _, fields, warnings = read(UK_PAYSLIP)
    assert fields["employee_name"] == "Oliver Hartley-Byrne"
    assert fields["period"] == "2026-09"
    assert fields["net_pay"] == Decimal("2378.20")
    assert {"currency_not_eur", "foreign_payslip"} <= set(warnings)


def test_a_pay_date_early_in_a_month_names_no_period() -> None:
    """Guard (passes before and after the fix): a salary paid on the 3rd may be the month before's; with no
    period printed, none is read."""
    _, fields, _ = read(UK_PAYSLIP.replace("28/09/2026", "03/10/2026"))
    assert fields.get("period") is None


def test_a_logo_ocr_barely_made_out_is_no_head_of_the_employers_name() -> None:
    """A phone photo's logo read as a word at low confidence over the letterhead ("QRX" at 0.3) is not joined to
    the company's name under it."""
    from documents.extraction.parsers.payslip import parse_payslip
    from documents.extraction.reader import Line

    rows = [
        ("QRX", 0.31),
        ("Lavandaria Rio Claro, S.A.", 0.95),
        ("NIF: 507123450", 0.9),
        ("Recibo de Vencimento - Setembro 2026", 0.95),
        ("Nome: Beatriz Lemos Carvalho NIF: 234567813", 0.94),
        ("Vencimento Base 960,00", 0.96),
        ("Segurança Social 105,60", 0.96),
        ("Líquido 854,40", 0.96),
    ]
    parsed = parse_payslip([Line(text, confidence) for text, confidence in rows])
    assert parsed.fields["employer_name"] == "Lavandaria Rio Claro, S.A."
