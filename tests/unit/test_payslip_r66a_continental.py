"""Blind probe r66a findings 3, 16 and 18: another country's payslip read by its own payroll vocabulary. French
bulletins de paie that add up warned ``arithmetic_mismatch``, their cotisations salariales and the income tax withheld
at source unread (finding 3); the Dutch "Loonheffing", the Swiss "Quellensteuer" and AHV/ALV/NBU/BVG rows, Brazil's
INSS and IRRF unread (finding 16); base rows captioned "Paga base", "Basisloon" unread (finding 18). Lines of our own
wording; names and numbers of our own."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers import Parsed
from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from documents.extraction.validation import fields_revalidate


def lines_of(*texts: str, confidence: float = 0.9) -> list[Line]:
    return [Line(text, confidence) for text in texts]


def warnings_of(parsed: Parsed) -> list[str]:
    """The warnings a payslip's reading gets once validated, as the pipeline validates another country's slip."""
    return fields_revalidate(
        DocumentKind.RECIBO_VENCIMENTO,
        dict(parsed.fields),
        document_type="PROOF_OF_INCOME",
        total_deductions=parsed.total_deductions,
        foreign_payslip=True,
    )


# --- Finding 3: a French bulletin de paie --------------------------------------------------------------------------


def bulletin(tax: str, *, confidence: float = 0.9) -> list[Line]:
    """A bulletin of our own: 3 600,00 brut, 761,53 of contributions (the printed total), 2 838,47 before the tax,
    the tax at source 130,57 (4,60 %), 2 707,90 paid."""
    return lines_of(
        "BULLETIN DE PAIE",
        "Boulangerie Industrielle du Rhône SAS",
        "Salarié : M. Hugo Delmas-Perrin",
        "Période : septembre 2026",
        "Salaire de base (151,67 h) 3 600,00 €",
        "Salaire brut 3 600,00 €",
        "Santé - Sécurité sociale maladie 0,00 %",
        "Sécurité sociale plafonnée vieillesse 6,90 % -248,40 €",
        "Sécurité sociale déplafonnée 0,40 % -14,40 €",
        "Retraite complémentaire AGIRC-ARRCO T1 4,01 % -144,36 €",
        "Contribution d'équilibre général CEG 0,86 % -30,96 €",
        "Prévoyance non cadre -18,00 €",
        "CSG déductible 6,80 % (base 3 537,00) -240,52 €",
        "CSG/CRDS non déductible 2,90 % -64,89 €",
        "Total des cotisations et contributions salariales -761,53 €",
        "Net à payer avant impôt sur le revenu 2 838,47 €",
        "Net imposable 2 903,36 €",
        f"Impôt sur le revenu prélevé à la source — taux personnalisé 4,60 % -{tax} €",
        "Net payé 2 707,90 €",
        confidence=confidence,
    )


def test_a_french_bulletin_gives_its_contributions_and_its_tax_at_source() -> None:
    parsed = parse_payslip(bulletin("130,57"))
    assert parsed.fields.get("gross_pay") == Decimal("3600.00")
    assert parsed.fields.get("social_security") == Decimal("761.53")
    assert parsed.fields.get("irs_withholding") == Decimal("130.57")
    assert parsed.fields.get("net_pay") == Decimal("2707.90")
    assert "arithmetic_mismatch" not in warnings_of(parsed)


def test_a_french_bulletins_bases_are_no_deduction_nor_its_net() -> None:
    # The CSG's base in its caption, the tax's rate in its, the "Net imposable" are not amounts withheld or paid.
    parsed = parse_payslip(bulletin("130,57"))
    assert parsed.total_deductions == Decimal("892.10")
    assert parsed.fields.get("net_pay") != Decimal("2903.36")


def test_a_french_bulletins_base_salary() -> None:
    assert parse_payslip(bulletin("130,57")).fields.get("base_salary") == Decimal("3600.00")


def test_a_tax_at_source_misread_one_digit_off_by_ocr_is_the_nets_difference() -> None:
    parsed = parse_payslip(bulletin("180,57"))
    assert parsed.fields.get("irs_withholding") == Decimal("130.57")
    assert "derived:irs_withholding" in parsed.warnings
    assert parsed.fields.get("social_security") == Decimal("761.53")
    assert "arithmetic_mismatch" not in warnings_of(parsed)


def test_a_text_bulletin_whose_tax_does_not_make_the_net_stays_flagged() -> None:
    # A text layer misreads nothing, so the rows stand and the slip does not add up (the warning holds either way;
    # the tax row itself was unread before the fix).
    parsed = parse_payslip(bulletin("180,57", confidence=1.0))
    assert parsed.fields.get("irs_withholding") == Decimal("180.57")
    assert "arithmetic_mismatch" in warnings_of(parsed)


def test_a_scanned_bulletin_whose_net_paid_is_far_from_the_tax_stays_flagged() -> None:
    # A tax two digits off the nets' difference is no misread figure (the warning holds either way; the tax row
    # itself was unread before the fix).
    parsed = parse_payslip(bulletin("188,57"))
    assert parsed.fields.get("irs_withholding") == Decimal("188.57")
    assert "arithmetic_mismatch" in warnings_of(parsed)


# --- Finding 16: the Netherlands, Switzerland, Brazil ---------------------------------------------------------------


def test_a_dutch_slips_loonheffing_is_the_tax_and_basisloon_its_base() -> None:
    parsed = parse_payslip(
        lines_of(
            "Salarisstrook augustus 2026",
            "Werkgever: Veenhuis Techniek B.V. Loonheffingennummer 8765.43.210.L02",
            "Werknemer: Joost van Leeuwen",
            "Basisloon € 3.420,00",
            "Bruto loon € 3.420,00",
            "Loonheffing (tabel groen) -€ 701,16",
            "Netto uitbetaling € 2.718,84",
        )
    )
    assert parsed.fields.get("irs_withholding") == Decimal("701.16")
    assert parsed.fields.get("base_salary") == Decimal("3420.00")
    assert parsed.fields.get("net_pay") == Decimal("2718.84")


def test_a_swiss_slips_quellensteuer_and_social_insurance_rows() -> None:
    # The BVG's Pensionskasse is taken as social insurance (the second pillar is compulsory by federal law).
    parsed = parse_payslip(
        lines_of(
            "Lohnabrechnung September 2026",
            "Arbeitgeber: Juraflex Mechanik AG, Biel",
            "Mitarbeiter: Tiago Moreira Lopes AHV-Nr. 756.9876.5432.10",
            "Monatslohn CHF 7'400.00",
            "Bruttolohn CHF 7'400.00",
            "AHV/IV/EO 5.30 % -CHF 392.20",
            "ALV 1.10 % -CHF 81.40",
            "NBU 1.05 % -CHF 77.70",
            "BVG Pensionskasse -CHF 296.15",
            "Quellensteuer -CHF 655.10",
            "Nettolohn CHF 5'897.45",
        )
    )
    assert parsed.fields.get("social_security") == Decimal("847.45")
    assert parsed.fields.get("irs_withholding") == Decimal("655.10")
    assert parsed.fields.get("net_pay") == Decimal("5897.45")


def test_a_brazilian_holerites_inss_and_irrf_printed_with_a_minus_sign() -> None:
    parsed = parse_payslip(
        lines_of(
            "Holerite — Agosto/2026",
            "Empresa: Cerrado Agrotech Ltda",
            "Colaborador: Rodrigo Almeida Prado",
            "Salário base R$ 8.200,00",
            "INSS \u2212R$ 908,86",
            "IRRF \u2212R$ 1.073,75",
            "Total de vencimentos R$ 8.200,00",
            "Líquido a receber R$ 6.217,39",
        )
    )
    assert parsed.fields.get("social_security") == Decimal("908.86")
    assert parsed.fields.get("irs_withholding") == Decimal("1073.75")
    assert parsed.fields.get("net_pay") == Decimal("6217.39")


# --- Finding 18: base rows in other languages -----------------------------------------------------------------------


def test_an_italian_paga_base_is_the_base_salary() -> None:
    parsed = parse_payslip(
        lines_of(
            "BUSTA PAGA — SETTEMBRE 2026",
            "Dipendente: Paolo Ferretti",
            "Paga base 2.450,00 € Contributi INPS 9,19% 251,71 €",
            "Superminimo 290,00 € IRPEF netta 487,02 €",
            "Totale competenze 2.740,00 €",
            "Totale trattenute 738,73 €",
            "Netto in busta 2.001,27 €",
        )
    )
    assert parsed.fields.get("base_salary") == Decimal("2450.00")
    assert parsed.fields.get("social_security") == Decimal("251.71")
    assert parsed.fields.get("irs_withholding") == Decimal("487.02")
