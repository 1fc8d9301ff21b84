"""Blind probe r66a, round 66's last fixes: a Belgian "Fiche de paie" read by its structure (brut, ONSS, imposable,
précompte professionnel, net; "SRL" and "Travailleur"), and another country's one-off pay (a German "Einmalzahlung",
a French "Prime", an Italian "Tredicesima", a Dutch "Vakantiegeld") left out of the month's regular net, less the
slip's own share of deductions, not Portugal's 11 %. Lines of our own wording; names and numbers of our own."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers.payslip import parse_payslip
from documents.extraction.reader import Line


def lines_of(*texts: str, confidence: float = 0.95) -> list[Line]:
    return [Line(text, confidence) for text in texts]


# --- A Belgian fiche de paie ------------------------------------------------------------------------------------------


def fiche() -> list[Line]:
    """A slip of our own: 3 500,00 brut, ONSS 13,07 % 457,45, imposable 3 042,55, précompte 812,40, cotisation
    spéciale 21,84, net 2 208,31."""
    return lines_of(
        "FICHE DE PAIE — mars 2026",
        "Employeur",
        "Ardennes Robotique SRL",
        "Avenue Louise 12, 1050 Ixelles",
        "Travailleur",
        "Maxime Verhoeven",
        "Période : mars 2026",
        "Rémunération mensuelle brute 3 500,00 EUR",
        "Cotisation personnelle ONSS 13,07 % -457,45 EUR",
        "Rémunération imposable 3 042,55 EUR",
        "Précompte professionnel -812,40 EUR",
        "Cotisation spéciale de sécurité sociale -21,84 EUR",
        "Net à payer 2 208,31 EUR",
    )


def test_a_belgian_slip_gives_its_gross_its_onss_and_its_precompte() -> None:
    parsed = parse_payslip(fiche())
    assert parsed.fields["gross_pay"] == Decimal("3500.00")
    # The ONSS and the cotisation spéciale, the worker's social insurance by its rows.
    assert parsed.fields["social_security"] == Decimal("479.29")
    assert parsed.fields["irs_withholding"] == Decimal("812.40")
    assert parsed.fields["net_pay"] == Decimal("2208.31")
    assert "foreign_payslip" in parsed.warnings


def test_a_belgian_slip_names_its_srl_and_its_travailleur() -> None:
    parsed = parse_payslip(fiche())
    assert parsed.fields["employer_name"] == "Ardennes Robotique SRL"
    assert parsed.fields["employee_name"] == "Maxime Verhoeven"


# --- Another country's one-off pay -------------------------------------------------------------------------------------


def abrechnung(one_off: str) -> list[Line]:
    """A German slip of our own: 3 800,00 salary and 1 000,00 one-off pay, 4 800,00 gross, 1 008,00 of social
    insurance and 1 152,00 of wage tax (45 % together), 2 640,00 paid."""
    return lines_of(
        "Verdienstabrechnung März 2026",
        "Donau Feinmechanik GmbH",
        "Abrechnungsmonat: März 2026",
        "Gehalt 3.800,00 €",
        f"{one_off} 1.000,00 €",
        "Lohnsteuer 1.152,00 €",
        "Rentenversicherung 446,40 €",
        "Krankenversicherung 393,60 €",
        "Arbeitslosenversicherung 62,40 €",
        "Pflegeversicherung 105,60 €",
        "Gesamtbrutto 4.800,00 €",
        "Auszahlungsbetrag 2.640,00 €",
    )


def test_a_german_one_off_payment_is_left_out_less_the_slips_own_share_of_deductions() -> None:
    parsed = parse_payslip(abrechnung("Einmalzahlung"))
    assert parsed.fields["net_pay"] == Decimal("2640.00")
    # 1 000,00 less 45 % (the slip's 2 160,00 of 4 800,00): 550,00 out of the net.
    assert parsed.fields["regular_net_pay"] == Decimal("2090.00")
    assert "foreign_payslip" in parsed.warnings


def test_holiday_and_christmas_pay_abroad_are_one_off_too() -> None:
    for caption in ("Weihnachtsgeld", "Urlaubsgeld", "Sonderzahlung", "Prämie Q1"):
        assert parse_payslip(abrechnung(caption)).fields["regular_net_pay"] == Decimal("2090.00"), caption


def test_a_monthly_salary_abroad_stays_whole() -> None:
    """A guard that passes either way: no one-off row, the printed net is the month's."""
    lines = [line for line in abrechnung("Einmalzahlung") if "Einmalzahlung" not in line.text]
    lines = [
        Line(line.text.replace("Gesamtbrutto 4.800,00", "Gesamtbrutto 3.800,00"), line.confidence) for line in lines
    ]
    parsed = parse_payslip(lines)
    assert parsed.fields["regular_net_pay"] == parsed.fields["net_pay"]


def test_a_holiday_pay_reserve_is_no_pay_of_the_month() -> None:
    """A Dutch slip reporting the holiday pay it reserves, not paying it: the net stays the month's."""
    parsed = parse_payslip(
        lines_of(
            "Loonstrook maart 2026",
            "Polder Logistiek B.V.",
            "Periode: maart 2026",
            "Salaris 3.000,00",
            "Bruto loon 3.000,00",
            "Loonheffing 690,00",
            "Netto te betalen 2.310,00",
            "Reservering vakantiegeld 240,00",
        )
    )
    assert parsed.fields["net_pay"] == Decimal("2310.00")
    assert parsed.fields["regular_net_pay"] == Decimal("2310.00")


def test_spains_extra_pay_in_monthly_shares_stays_the_months() -> None:
    """A nómina of our own paying its two pagas extra in twelfths ("Prorrata pagas extraordinarias"): every month's."""
    parsed = parse_payslip(
        lines_of(
            "RECIBO INDIVIDUAL JUSTIFICATIVO DEL PAGO DE SALARIOS",
            "Panadería Levante, S.L.",
            "Período de liquidación: 01/03/2026 a 31/03/2026",
            "Salario base 2.400,00 €",
            "Prorrata pagas extraordinarias 400,00 €",
            "Contingencias comunes 4,70 % 131,60 €",
            "Retención IRPF 15,00 % 420,00 €",
            "TOTAL DEVENGADO 2.800,00 €",
            "TOTAL A DEDUCIR 551,60 €",
            "LÍQUIDO TOTAL A PERCIBIR 2.248,40 €",
        )
    )
    assert parsed.fields["net_pay"] == Decimal("2248.40")
    assert parsed.fields["regular_net_pay"] == Decimal("2248.40")


def test_spains_paga_extra_paid_whole_is_one_off() -> None:
    parsed = parse_payslip(
        lines_of(
            "RECIBO INDIVIDUAL JUSTIFICATIVO DEL PAGO DE SALARIOS",
            "Panadería Levante, S.L.",
            "Período de liquidación: 01/06/2026 a 30/06/2026",
            "Salario base 2.000,00 €",
            "Paga extra de verano 2.000,00 €",
            "Contingencias comunes 4,70 % 188,00 €",
            "Retención IRPF 15,00 % 600,00 €",
            "TOTAL DEVENGADO 4.000,00 €",
            "TOTAL A DEDUCIR 788,00 €",
            "LÍQUIDO TOTAL A PERCIBIR 3.212,00 €",
        )
    )
    # 2 000,00 less the slip's 19,70 % (788,00 of 4 000,00): 1 606,00 out of the net.
    assert parsed.fields["regular_net_pay"] == Decimal("1606.00")
