"""Mail to applicants: the English part writes its dates in words (blind probe C32 read "2026-12-19" as a code)."""

from __future__ import annotations

import datetime as dt

from django.template.loader import render_to_string
from django.utils import timezone

from intake.mail import english_date


def test_a_moment_is_written_as_the_day_it_is_in_lisbon_in_words() -> None:
    # 23:30 UTC on 31 March 2027 is already 1 April in Lisbon (summer time, UTC+1).
    late = dt.datetime(2027, 3, 31, 23, 30, tzinfo=dt.UTC)
    assert english_date(late) == "1 April 2027"
    assert english_date(dt.date(2026, 12, 19)) == "19 December 2026"


def test_every_applicant_mail_writes_the_english_date_in_words_and_the_portuguese_one_as_digits() -> None:
    moment = timezone.make_aware(dt.datetime(2026, 12, 19, 12, 0))
    common = {"name": "Ana", "property_title": "T2", "agency": "Agência", "link": "http://x/intake/t/"}
    for template, key in (("invitation", "expires"), ("info_request", "due"), ("contest_answer", "sent")):
        body = render_to_string(f"intake/mail/{template}_body.txt",
                                {**common, f"{key}_at": moment, f"{key}_en": english_date(moment),
                                 "role_pt": "fiador(a)", "role_en": "a guarantor", "documents": [], "answer": "Sim"})  # fmt: skip
        assert "19/12/2026" in body and "19 December 2026" in body, template
        assert "2026-12-19" not in body, template
