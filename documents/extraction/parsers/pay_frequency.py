"""How often a payslip pays: a week's, a fortnight's or half a month's stub rather than a month's slip.

Portuguese law lets pay fall due by the week, the fortnight or the calendar month (Código do Trabalho, art. 278.º);
building sites, farms, restaurants and temp agencies pay weekly or fortnightly, and so do many Irish and UK
employers. Such a stub gives its own period's figures: read as a month's, a weekly-paid worker's income came out at
a quarter of the truth (docs/adr/037-pay-for-less-than-a-month.md). A stub says so in its words (a title or a period
caption), or by the pay period it prints: 7 or 14 days that are not a month's first or last days (a worker admitted
on the 16th, or leaving on the 7th, gets a monthly slip for those days).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from applicants.text import fold
from documents.extraction.parsers.common import Parsed, fix_digits, parse_dates
from documents.extraction.reader import Line

WEEKLY, FORTNIGHTLY, SEMI_MONTHLY = "WEEKLY", "FORTNIGHTLY", "SEMI_MONTHLY"

# The pay's frequency in the slip's words, on folded text ("Semana n.º 45", "Week 45", "Week ending 15/11/2026"). Half a month ("quinzena", "quincenal", "quinzaine",
# "semi-monthly") is a calendar month's half, paid 24 times a year (art. 278.º's "quinzena ... do calendário"),
# unless the slip prints a pay period of 14 days; "fortnightly" and "bi-weekly" are every two weeks, 26 a year.
FREQUENCY_WORDS = (
    (FORTNIGHTLY, re.compile(r"(?<![a-z])(?:fortnight(?:ly)?|bi[\s-]?weekly)(?![a-z])")),
    (
        SEMI_MONTHLY,
        re.compile(r"(?<![a-z])(?:semi[\s-]?monthly|quinzena(?:l|lmente)?|quincena(?:l)?|quinzaine)(?![a-z])"),
    ),
    (
        WEEKLY,
        re.compile(
            r"(?<![a-z])(?:semanal(?:mente)?|weekly|hebdomadaire|semana\s+n|week\s+(?:ending|no|number|n\W))(?![a-z])"
            r"|(?<![a-z])(?:semana|week|wk)\s*:?\s*\d{1,2}(?!\d|[./]\d)"
        ),
    ),
)
# A line about working time or rest, whose frequency word is no pay's ("Horas semanais: 40", "Horário semanal 40 h",
# "Período normal de trabalho semanal: 40 h", "Trabalho em dia de descanso semanal 45,00", "Weekly hours 37.5"), on
# folded text.
WORKING_TIME = re.compile(
    r"(?<![a-z])(?:horas?|horarios?|horarias?|hours?|hrs|heures?|horaire|jornada|descanso|folga|rest|repos|pnt)(?![a-z])"
    r"|normal\s+de\s+trabalho|(?<![\d,.])\d{1,2}(?:[.,]\d)?\s?h(?![a-z])"
)
# A caption naming the pay's period or frequency, after which a frequency word counts on a row that prints amounts
# too ("Periodicidade: semanal  Vencimento 320,00"), on folded text.
FREQUENCY_CAPTION = re.compile(
    r"(?<![a-z])(?:periodo|period|periode|periodicidade|periodicidad|frequencia|frequency|processamento|pay\s+cycle)"
    r"(?![a-z])"
)
MONEY_WITH_CENTS = re.compile(r"\d[.,]\d{2}(?![\d.,/-])")
# A date, whose parts are no amount ("14.11.2026", "14/11"; a bare "14.11" may be one).
A_DATE = re.compile(r"(?<!\d)\d{1,2}(?:([./-])\d{1,2}\1\d{2,4}|/\d{1,2})(?![\d,])")
# Between a range's two days: "a", "até", "to", "au", "al", "bis", "until" or a dash.
RANGE_SEPARATOR = r"\s*(?:a|ate|to|au|al|bis|until|-|–|—)\s*"
# A pay period printed as a range of days, the year optional ("03/11/2026 a 09/11/2026", "03.11 - 09.11",
# "Du 03/11/2026 au 09/11/2026"), on folded text.
DAYS_RANGE = re.compile(
    r"(?<![\d/.-])(?P<d1>\d{1,2})[./-](?P<m1>\d{1,2})(?:[./-](?P<y1>\d{4}))?"
    + RANGE_SEPARATOR
    + r"(?P<d2>\d{1,2})[./-](?P<m2>\d{1,2})(?:[./-](?P<y2>\d{4}))?(?![\d/.-]*\d)"
)
# ... written year first, as HR portals and ISO 8601 write it ("2026-11-03 to 2026-11-09"), both years printed.
ISO_DAYS_RANGE = re.compile(
    r"(?<![\d/.-])(?P<y1>\d{4})-(?P<m1>\d{1,2})-(?P<d1>\d{1,2})"
    + RANGE_SEPARATOR
    + r"(?P<y2>\d{4})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})(?![\d/.-]*\d)"
)
# A row's days away or on leave ("Férias 10/11 a 16/11", "Baixa médica 03/11 a 09/11"), on folded text: no pay period.
DAYS_AWAY = re.compile(
    r"(?<![a-z])(?:ferias|vacaciones|conges|holidays?|vacation|leave|licenca|baixa|doenca|sick|faltas?|ausencias?"
    r"|greve|strike|admissao|saida|cessacao)(?![a-z])"
)
# The days of a stub's pay period: a week, or two.
DAYS_OF_A_STUB = {7: WEEKLY, 14: FORTNIGHTLY}
STUB_DAYS = {WEEKLY: 7, FORTNIGHTLY: 14}
# A pay period printed by its last day alone, as UK and Irish weekly payslips print it ("Week ending 15/11/2026",
# "Period end date: 15/11/2026", "Semana terminada em 15/11/2026"), on folded text.
PERIOD_ENDING = re.compile(
    r"(?<![a-z])(?:(?:week|fortnight|period|pay\s+period)\s+end(?:ing|ed|s)?(?:\s+date|\s+on)?"
    r"|semana\s+(?:terminada|que\s+termina)\s+(?:em|a))(?![a-z])\W*"
)


def read_pay_frequency(lines: list[Line], parsed: Parsed) -> None:
    """``pay_frequency`` of a stub for less than a month, and, when it prints its pay period, ``period_start`` and
    ``period_end``; ``period`` then the month its pay period starts in. A monthly slip is left as it was read.
    ``lines`` write their dates day first (a US stub's put so already)."""
    period = parsed.fields.get("period")
    printed = pay_period_printed(lines, period)
    said = frequency_said(lines)
    if said is None and printed is not None and not a_months_first_or_last_days(*printed):
        said = DAYS_OF_A_STUB.get((printed[1] - printed[0]).days + 1)
    if said is None:
        return
    if said == SEMI_MONTHLY and printed is not None and (printed[1] - printed[0]).days + 1 == 14:
        said = FORTNIGHTLY  # "quinzena" of 14 days: every other week
    parsed.put("pay_frequency", said, 0.9)
    printed = printed or period_by_its_last_day(lines, said)
    if printed is None:
        return
    start, end = printed
    parsed.put("period_start", start, 0.9)
    parsed.put("period_end", end, 0.9)
    parsed.fields["period"] = f"{start.year:04d}-{start.month:02d}"
    parsed.confidence.setdefault("period", 0.9)


def frequency_said(lines: list[Line]) -> str | None:
    """The frequency a title or a period caption names; None when the slip names none, or names it only in a row about
    working time."""
    for line in lines:
        folded = fold(line.text)
        if WORKING_TIME.search(folded):
            continue
        for frequency, words in FREQUENCY_WORDS:
            found = words.search(folded)
            if found is None:
                continue
            captioned = FREQUENCY_CAPTION.search(folded[: found.start()])
            if captioned or not prints_an_amount(folded):
                return frequency
    return None


def pay_period_printed(lines: list[Line], period: str | None) -> tuple[dt.date, dt.date] | None:
    """The first range of days printed outside a row of amounts or of days away (a holiday, a sick leave, the days
    before an admission), that reads as a pay period: its end after its start, at most a month apart. A range without
    its year takes the period's."""
    for line in lines:
        folded = fold(fix_digits(line.text))
        if prints_an_amount(folded) or DAYS_AWAY.search(folded):
            continue
        for found in [*DAYS_RANGE.finditer(folded), *ISO_DAYS_RANGE.finditer(folded)]:
            dates = range_dates(found, period)
            if dates is not None:
                return dates
    return None


def prints_an_amount(folded: str) -> bool:
    """Whether the line prints an amount with cents, its dates aside: a row of pay, not a title or a caption."""
    return bool(MONEY_WITH_CENTS.search(A_DATE.sub(" ", DAYS_RANGE.sub(" ", folded))))


def period_by_its_last_day(lines: list[Line], frequency: str) -> tuple[dt.date, dt.date] | None:
    """A week's or a fortnight's pay period its stub prints by its last day ("Week ending 15/11/2026": 9 to 15
    November); None for a half month's, whose days its month decides, or with no such caption."""
    days = STUB_DAYS.get(frequency)
    if days is None:
        return None
    for line in lines:
        folded = fold(fix_digits(line.text))
        found = PERIOD_ENDING.search(folded)
        dates = parse_dates(folded[found.end() :]) if found else []
        if dates:
            return dates[0] - dt.timedelta(days=days - 1), dates[0]
    return None


def range_dates(found: re.Match[str], period: str | None) -> tuple[dt.date, dt.date] | None:
    year_end = found["y2"] or found["y1"] or (period or "")[:4]
    year_start = found["y1"] or year_end
    if not year_end:
        return None
    try:
        start = dt.date(int(year_start), int(found["m1"]), int(found["d1"]))
        end = dt.date(int(year_end), int(found["m2"]), int(found["d2"]))
    except ValueError:
        return None
    if end < start and not found["y1"] and start.month == 12 and end.month == 1:
        start = start.replace(year=start.year - 1)  # "29/12 a 04/01/2027"
    if not 0 <= (end - start).days <= 31:
        return None
    return start, end


def a_months_first_or_last_days(start: dt.date, end: dt.date) -> bool:
    """Whether the range starts on its month's first day or ends on its last: a monthly slip of a worker admitted or
    leaving within the month pays so ("16/11 a 30/11", "01/11 a 07/11"); only its words would make it a stub."""
    return start.day == 1 or end.day == calendar.monthrange(end.year, end.month)[1]
