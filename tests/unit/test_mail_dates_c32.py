"""Mail to applicants: the English part writes its dates in words (blind probe C32 read "2026-12-19" as a code)."""

from __future__ import annotations

import datetime as dt

from django.template.loader import render_to_string
from django.utils import timezone

from intake.mail import due_words, english_date


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
                                 "due_pt": due_words(moment)[0], **({"due_en": due_words(moment)[1]} if key == "due" else {}),
                                 "role_pt": "fiador(a)", "role_en": "a guarantor", "documents": [], "answer": "Sim"})  # fmt: skip
        assert "19/12/2026" in body and "19 December 2026" in body, template
        assert "2026-12-19" not in body, template


def test_a_deadline_with_its_hour_says_the_hour_and_one_at_the_days_end_the_day_alone() -> None:
    # Blind probe r71b: a request due at 18:00 on the day it was sent read "Prazo: 07/12/2026".
    evening = timezone.make_aware(dt.datetime(2026, 12, 7, 18, 0))
    assert due_words(evening) == ("07/12/2026, às 18:00", "7 December 2026, 18:00")
    # A date given alone is due at the end of that day (docs/api.md): the day says it all.
    day_end = timezone.make_aware(dt.datetime.combine(dt.date(2026, 12, 10), dt.time.max))
    assert due_words(day_end) == ("10/12/2026", "10 December 2026")
