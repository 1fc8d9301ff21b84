"""Blind probe r76c, F1b: a one-page payslip whose worker's name and NIF went unread asked the applicant for "o recibo
inteiro, todas as páginas, num só ficheiro", which only a page of a longer slip needs (``payslip_pages_missing``)."""

from __future__ import annotations

from documents.extraction.schema import PAYSLIP_PAGES_MISSING
from screening.explanation import applicant_explanation
from tests.unit.test_explanation import agency, form_for, person, screened
from tests.unit.test_rules import payslip

# --- F1b: what the applicant is asked for a payslip whose owner was not read --------------------------------------


def unread_owner_text(warnings: list[str] | None) -> tuple[str, str]:
    form = form_for(agency())
    no_one = payslip("2026-06", employee_name=None, employee_nif=None, net_pay="2000.00", warnings=warnings)
    maria = person(form, extra=(no_one,))
    _, report = screened(form, maria)
    texts = [check["text"] for check in applicant_explanation(applicant=maria.applicant, report=report)["checks"]]
    english = applicant_explanation(applicant=maria.applicant, report=report, language="en")["checks"]
    return " ".join(texts), " ".join(check["text"] for check in english)


def test_a_one_page_payslip_whose_owner_was_not_read_asks_for_a_copy_where_they_read() -> None:
    text, english = unread_owner_text(None)
    assert "não foi possível ler o seu nome nem o seu NIF" in text
    assert "todas as páginas" not in text and "num só ficheiro" not in text
    assert "mais nítida, em que se leiam o nome e o NIF, ou o PDF" in text
    assert "every page" not in english and "your name and NIF can be read, or the PDF" in english


def test_a_page_of_a_longer_payslip_whose_owner_was_not_read_still_asks_for_every_page() -> None:
    # Guard: the page that says the slip goes on asks for the whole of it.
    text, english = unread_owner_text([PAYSLIP_PAGES_MISSING])
    assert "envie o recibo inteiro, todas as páginas, num só ficheiro" in text
    assert "send the whole payslip, every page, in one file" in english
