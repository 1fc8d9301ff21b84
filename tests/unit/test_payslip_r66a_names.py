"""Blind probe r66a findings 6, 7, 8, 9 and 17: the worker's and the employer's names on another country's payslip.
A caption (the month's, a box's) is never a name nor a part of one; a box headed by the worker's caption holds the
worker; a separator ends a name. Lines of our own wording; names and numbers of our own."""

from __future__ import annotations

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line


def lines_of(*texts: str) -> list[Line]:
    return [Line(text, 0.9) for text in texts]


AMOUNTS = (
    "Gehalt 3.900,00 EUR Lohnsteuer 601,10 EUR",
    "Krankenversicherung 8,55 % 333,45 EUR",
    "Gesamtbrutto 3.900,00 EUR",
    "Auszahlungsbetrag 2.965,45 EUR",
)


# --- Finding 6: a German slip's month caption under the name ------------------------------------------------------


def test_the_name_over_the_personnel_number_not_the_month_caption_under_it() -> None:
    parsed = parse_payslip(
        lines_of(
            "Entgeltabrechnung für März 2026",
            "Moselblick Analytik GmbH",
            "Tobias Wendel",
            "Personal-Nr. 4410 · StKl III · Kirche: rk",
            "Abrechnungsmonat: März 2026",
            "Bezüge Abzüge",
            *AMOUNTS,
        )
    )
    assert parsed.fields.get("employee_name") == "Tobias Wendel"
    assert parsed.fields.get("employer_name") == "Moselblick Analytik GmbH"


def test_a_month_caption_is_never_a_name() -> None:
    parsed = parse_payslip(
        lines_of(
            "Moselblick Analytik GmbH",
            "Mitarbeiter:",
            "Abrechnungsmonat März",
            *AMOUNTS,
        )
    )
    assert "employee_name" not in parsed.fields


# --- Finding 7 and 17: the worker's box under its caption --------------------------------------------------------

NOMINA_AMOUNTS = (
    "Salario base 30 días 2.100,00 € Contingencias comunes 4,70 % 98,70 €",
    "A. TOTAL DEVENGADO 2.100,00 €",
    "B. TOTAL A DEDUCIR 98,70 €",
    "LÍQUIDO TOTAL A PERCIBIR (A-B) 2.001,30 €",
)


def test_two_boxes_side_by_side_the_worker_after_the_employers_legal_form() -> None:
    parsed = parse_payslip(
        lines_of(
            "RECIBO DE SALARIOS",
            "EMPRESA TRABAJADOR/A",
            "Conservas Ría de Arousa, S.L. Nerea Castaño Villar",
            "CIF: B15999998 NIF: 11223344Z",
            "Período de liquidación: 01/05/2026 a 31/05/2026",
            *NOMINA_AMOUNTS,
        )
    )
    assert parsed.fields.get("employer_name") == "Conservas Ría de Arousa, S.L."
    assert parsed.fields.get("employee_name") == "Nerea Castaño Villar"


def test_the_workers_caption_alone_over_the_name() -> None:
    parsed = parse_payslip(
        lines_of(
            "BUSTA PAGA — MAGGIO 2026",
            "AZIENDA",
            "Oleificio Colli Sabini S.r.l.",
            "DIPENDENTE",
            "Chiara Lombardo",
            "Mese: Maggio 2026",
            "Paga base 2.400,00 € Contributi INPS 9,19% 220,56 €",
            "Totale competenze 2.400,00 €",
            "NETTO IN BUSTA 2.179,44 €",
        )
    )
    assert parsed.fields.get("employee_name") == "Chiara Lombardo"


def test_the_workers_caption_is_never_the_employer() -> None:
    # Two captions side by side, the line below no legal form to part the names at: neither name is read.
    parsed = parse_payslip(
        lines_of(
            "RECIBO DE SALARIOS",
            "EMPRESA TRABAJADOR/A",
            "Panaderia Lucero Nerea Castaño Villar",
            *NOMINA_AMOUNTS,
        )
    )
    assert parsed.fields.get("employer_name") != "TRABAJADOR/A"
    assert parsed.fields.get("employee_name") in (None, "Nerea Castaño Villar")


# --- Finding 8: a separator ends the name ------------------------------------------------------------------------


def test_a_dash_between_spaces_ends_the_name() -> None:
    parsed = parse_payslip(
        lines_of(
            "Payslip - May 2026",
            "Harbourlight Payroll Ltd (employer of record)",
            "Employee: Ruth Adeyemi - Monthly",
            "Basic salary €3,000.00",
            "PAYE €400.00",
            "Gross pay €3,000.00",
            "Net pay €2,600.00",
        )
    )
    assert parsed.fields.get("employee_name") == "Ruth Adeyemi"


def test_a_double_barrelled_name_keeps_its_hyphen() -> None:
    # Guard (passes either way): no spaces around the hyphen.
    parsed = parse_payslip(
        lines_of(
            "Payslip - May 2026",
            "Harbourlight Payroll Ltd",
            "Employee: Ruth Adeyemi-Cole",
            "Basic salary €3,000.00",
            "Gross pay €3,000.00",
            "Net pay €2,600.00",
        )
    )
    assert parsed.fields.get("employee_name") == "Ruth Adeyemi-Cole"


# --- Finding 9: a middle dot read as a colon before the next number's caption -------------------------------------


def test_a_colon_before_a_number_caption_alone_does_not_cut_the_surname() -> None:
    parsed = parse_payslip(
        lines_of(
            "Holerite — Maio/2026",
            "Empresa: Ipê Dados Ltda",
            "Colaborador: Rodrigo Almeida Prado : CPF",
            "987.654.321-00",
            "Salário base R$ 9.000,00",
            "INSS — R$ 800,00",
            "Líquido a receber R$ 8.200,00",
        )
    )
    assert parsed.fields.get("employee_name") == "Rodrigo Almeida Prado"


# --- Finding 17 (France): the addressee beside the letterhead; finding 3: a French "SAS" employer --------------------

BULLETIN_AMOUNTS = (
    "Salaire de base 3 000,00 €",
    "SALAIRE BRUT 3 000,00 €",
    "Total des cotisations salariales -660,00 €",
    "NET PAYÉ 2 340,00 €",
)


def test_the_addressee_after_the_letterheads_legal_form() -> None:
    parsed = parse_payslip(
        lines_of(
            "BULLETIN DE PAIE",
            "Vergers du Ventoux SARL Mme Aurélie Fabre",
            "12 chemin des Oliviers, 84000 Avignon",
            "Période : mai 2026",
            *BULLETIN_AMOUNTS,
        )
    )
    assert parsed.fields.get("employee_name") == "Aurélie Fabre"
    assert parsed.fields.get("employer_name") == "Vergers du Ventoux SARL"


def test_a_french_sas_is_the_employer_on_the_letterhead() -> None:
    parsed = parse_payslip(
        lines_of(
            "BULLETIN DE PAIE",
            "Brume Atlantique SAS",
            "SIRET 111 222 333 00044",
            "Mme Aurélie Fabre",
            "Période : mai 2026",
            *BULLETIN_AMOUNTS,
        )
    )
    assert parsed.fields.get("employer_name") == "Brume Atlantique SAS"
