"""The admin's report page on a guarantor with nothing counted (blind probe r75c, F4): no ratio and no shortfall, so
"taxa de esforço do fiador —" read as a figure lost; it says no income was proven and what would cover, as the PDF."""

from __future__ import annotations

from django.utils import translation

from screening.admin import guarantor_html

NOTHING_COUNTED = {"covers": False, "identity_verified": True, "dti_ratio": None, "threshold": "0.350",
                   "income_needed": "1499.76", "shortfall": None}  # fmt: skip
SHORT = {"covers": False, "identity_verified": True, "dti_ratio": "0.4200", "threshold": "0.350",
         "income_needed": "1499.76", "shortfall": "250.00"}  # fmt: skip


def test_a_guarantor_with_nothing_counted_reads_as_no_proven_income_and_the_income_needed() -> None:
    with translation.override("pt-pt"):
        html = guarantor_html(NOTHING_COUNTED)
    assert "sem rendimento comprovado (limite 35 %); necessários 1 499,76 € de rendimento mensal." in html
    assert "—" not in html and "faltam" not in html and "taxa de esforço" not in html


def test_the_english_admin_says_the_same() -> None:
    with translation.override("en"):
        html = guarantor_html(NOTHING_COUNTED)
    assert "no proven income (limit 35 %); needed: 1 499,76 € of monthly income." in html


def test_a_guarantor_short_of_the_limit_keeps_the_ratio_and_the_shortfall() -> None:
    with translation.override("pt-pt"):
        html = guarantor_html(SHORT)
    assert "taxa de esforço do fiador 42 % (limite 35 %); faltam 250,00 €." in html
