"""Blind probe r72c: what an English-speaking applicant reads, said as English says it; the pt-PT as it was.

F6 a date in an English sentence in words ("10 March 2025", not "2025-03-10"); F8 English money in an English error
("€0.01", not "0,01 €"); F9 one acts as guarantor for an application ("guarantee this application" is not English);
F10 the pension's method said plainly; F12 one term for faturas-recibo; F14 one term for the taxa de esforço; F3 the
second round's mail asks for the documents by the deadline, not for a reply.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from applicants.text import format_eur, format_eur_for
from screening.explanation import EN, PT, applicant_explanation, pension_method
from screening.rules.income import PENSION_NET, PENSION_NOT_NET, PENSION_YEAR_GROSS
from tests.factories import make_nif
from tests.unit.test_explanation import agency, form_for, person, screened, whole_text

pytestmark = pytest.mark.django_db


# --- F6: dates ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("iso", "english", "portuguese"),
    [("2025-03-10", "10 March 2025", "10/03/2025"), ("2026-12-01", "1 December 2026", "01/12/2026")],
)
def test_a_day_in_a_sentence_is_written_in_words_in_english_and_in_figures_in_portuguese(
    iso: str, english: str, portuguese: str
) -> None:
    assert EN.date(iso) == english
    assert PT.date(iso) == portuguese


def test_a_value_that_is_no_day_is_given_as_it_came() -> None:
    assert EN.date("—") == PT.date("—") == "—"
    assert EN.date("2025-13-01") == "2025-13-01"


def test_an_expired_card_is_dated_in_words_in_english() -> None:
    form = form_for(agency(), price="500")
    maria = person(form, income=Decimal("2000.00"))
    maria.documents[0]["fields"]["expiry_date"] = "2025-03-10"
    _, report = screened(form, maria)
    english = applicant_explanation(applicant=maria.applicant, report=report, language="en")
    assert "the document expired on 10 March 2025" in english["checks"][0]["text"]
    assert not re.search(r"\d{4}-\d{2}-\d{2}", whole_text(english))
    portuguese = applicant_explanation(applicant=maria.applicant, report=report)
    assert portuguese["checks"][0]["text"].endswith(": o documento caducou em 10/03/2025.")


# --- F8: money in an English error -------------------------------------------------------------------------------


def test_an_amount_is_written_the_way_of_the_language_it_is_read_in() -> None:
    assert format_eur_for(Decimal("0.01"), language="en") == "€0.01"
    assert format_eur_for(Decimal("1200"), language="en-gb") == "€1,200.00"
    assert format_eur_for(Decimal("0.01"), language="pt-pt") == format_eur(Decimal("0.01")) == "0,01 €"
    assert format_eur_for(Decimal("1200"), language=None) == "1 200,00 €"


def test_the_money_field_s_bound_is_said_in_the_language_of_the_answer() -> None:
    from applicants.rest import money_field

    field = money_field(min_value=Decimal("0.01"))
    with translation.override("en"):
        assert str(field.error_messages["min_value"]) == "Enter an amount of at least €0.01."
    with translation.override("pt-pt"):
        assert str(field.error_messages["min_value"]) == "Indique um valor igual ou superior a 0,01 €."


# --- F9: acting as guarantor -------------------------------------------------------------------------------------


def test_a_guarantor_is_told_in_english_whether_they_can_act_as_guarantor() -> None:
    form = form_for(agency(), price="1000")
    maria = person(form, income=Decimal("1500.00"))
    rui = person(form, role="GUARANTOR", name="Rui Manuel Costa", nif=make_nif(777), income=Decimal("3000.00"))
    _, report = screened(form, maria, rui)
    english = applicant_explanation(applicant=rui.applicant, report=report, language="en")
    text = whole_text(english)
    assert "guarantee this application" not in text
    assert "it is not enough to act as guarantor for this application" in english["checks"][2]["text"]
    assert any(s.endswith("you could act as guarantor for this application.") for s in english["what_would_change"])
    portuguese = applicant_explanation(applicant=rui.applicant, report=report)
    assert "não chega para garantir esta candidatura" in portuguese["checks"][2]["text"]


def test_every_english_guarantor_sentence_says_act_as_guarantor() -> None:
    sentences = [EN.guarantor_covers, EN.guarantor_short, EN.guarantor_no_identity, EN.guarantor_no_income,
                 EN.could_guarantee]  # fmt: skip
    assert all("act as guarantor for this application" in s and "guarantee" not in s for s in sentences)
    # The pt-PT's "garantir esta candidatura" is Portuguese as it is.
    assert PT.guarantor_no_identity == "Sem a identidade confirmada, não pode garantir esta candidatura."
    assert PT.could_guarantee == "poderia garantir esta candidatura"


# --- F10: the pension's method -----------------------------------------------------------------------------------

CLUMSY = ("times the payments a year", "counts as it is", "The pension counts", "counts its net", "as it is;")


@pytest.mark.parametrize(
    "evidence",
    [PENSION_NET, PENSION_NOT_NET, PENSION_YEAR_GROSS, f"{PENSION_NET}; {PENSION_NOT_NET}", "a method not read"],
)
def test_every_pension_method_reads_plainly_in_english(evidence: str) -> None:
    checks = [{"name": "income.monthly_income", "evidence": evidence}]
    sentence = pension_method(checks, EN)
    assert not any(words in sentence for words in CLUMSY), sentence
    assert "divided by 12" in sentence
    assert pension_method(checks, PT).startswith(("Na pensão conta", "Em cada pensão conta"))


def test_a_pension_not_given_as_net_says_it_is_used_as_shown() -> None:
    sentence = pension_method([{"name": "income.monthly_income", "evidence": PENSION_NOT_NET}], EN)
    assert sentence == (
        "The monthly amount is the pension shown on your statement multiplied by the number of payments you receive "
        "a year, then divided by 12. The statement does not say whether that pension is net, so it is used as shown."
    )
    assert pension_method([{"name": "income.monthly_income", "evidence": PENSION_NOT_NET}], PT) == (
        "Na pensão conta o valor mensal que a declaração mostra, vezes as prestações do ano, a dividir por 12: a "
        "declaração não o indica como líquido, por isso conta tal como está."
    )


# --- F12, F14: one English term each -----------------------------------------------------------------------------


def english_texts() -> list[str]:
    """Every English sentence of the explanation, the dictionaries' values included."""
    texts: list[str] = []
    for value in vars(EN).values():
        if isinstance(value, str):
            texts.append(value)
        elif isinstance(value, dict):
            texts.extend(str(item) for item in value.values())
    return texts


def test_faturas_recibo_are_invoice_receipts_in_every_english_sentence() -> None:
    for text in english_texts():
        assert "invoices-receipts" not in text
        assert not re.search(r"(?<!invoice-receipts \()faturas-recibo", text), text
    assert EN.proofs["INDEPENDENT"].startswith("invoice-receipts (faturas-recibo) for ")
    assert PT.proofs["INDEPENDENT"].startswith("faturas-recibo de ")


def english_catalogue() -> list[str]:
    """Every msgstr of the English catalogue, its continuation lines joined."""
    from django.conf import settings

    text = (settings.BASE_DIR / "locale" / "en" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    entries = re.findall(r'^msgstr ((?:"(?:[^"\\]|\\.)*"\n?)+)', text, flags=re.M)
    return ["".join(re.findall(r'"((?:[^"\\]|\\.)*)"', entry)) for entry in entries]


def test_the_english_reasons_of_the_catalogue_say_invoice_receipts_too() -> None:
    from documents.extraction.local import BANK_STATEMENT_REFUSED, RENT_RECEIPT_REFUSED
    from intake.status import reason_in_language

    with translation.override("en"):
        rent, bank = reason_in_language(RENT_RECEIPT_REFUSED), reason_in_language(BANK_STATEMENT_REFUSED)
    assert "payslips, invoice-receipts (faturas-recibo), the statement" in rent
    assert "the payslips, the invoice-receipts (faturas-recibo) or another proof" in bank
    for text in english_catalogue():
        assert "invoices-receipts" not in text, text
        assert not re.search(r"(?<!invoice-receipts \()faturas-recibo", text), text


def test_one_english_term_for_the_taxa_de_esforco_and_one_spelling_of_email() -> None:
    assert "affordability ratio (taxa de esforço)" in EN.dti and "affordability ratio" in EN.dti_unknown
    with translation.override("en"):
        assert translation.gettext("Rent-to-income ratio (taxa de esforço)") == "Affordability ratio (taxa de esforço)"
        # The staff's pages and the report's PDF say the same ("debt-to-income" before: a rent is no debt).
        for term in ("Taxa de esforço", "taxa de esforço", "Taxa de esforço do agregado", "taxa de esforço do fiador",
                     "Debt-to-income ratio", "Household debt-to-income ratio", "the guarantor's debt-to-income ratio"):  # fmt: skip
            assert "affordability ratio" in translation.gettext(term).lower(), term
        for english_source in ("Answer by e-mail", "e-mail not sent yet", "E-mail", "e-mail"):
            assert "e-mail" not in translation.gettext(english_source).lower()
    with translation.override("pt-pt"):
        assert translation.gettext("Rent-to-income ratio (taxa de esforço)") == "Taxa de esforço"


# --- F3: the second round's mail ---------------------------------------------------------------------------------


def test_the_second_round_s_english_mail_asks_for_the_documents_by_the_deadline() -> None:
    from intake.mail import due_words

    moment = timezone.make_aware(dt.datetime(2026, 12, 20, 12, 0))
    context = {"name": "Ana", "property_title": "T2", "agency": "Agência", "link": "http://x/intake/t/",
               "documents": [], "due_pt": due_words(moment)[0], "due_en": due_words(moment)[1]}  # fmt: skip
    body = render_to_string("intake/mail/info_request_body.txt", context)
    portuguese, english = body.split("\n--\n")
    assert "Please send them by 20 December 2026, 12:00." in english
    assert "reply" not in english.lower()
    assert "Prazo: 20/12/2026, às 12:00." in portuguese
