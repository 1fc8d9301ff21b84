"""What every parser shares: values (money, dates, NIFs, periods, names) read off text lines, and the result builder."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from applicants.identifiers import nif_has_valid_checksum
from applicants.text import NAME_PARTICLES, fold
from documents.extraction.reader import Line

VALIDATED_CONFIDENCE = 0.99


# --- Values -----------------------------------------------------------------------------

# OCR reads a decimal comma as ";" now and then. No amount goes on past its cents by a separator and a figure: that
# is a date ("01.07.2026", "2026.07.01", "01.07.26") or a reference's digit groups, never money (blind probe r73b: a
# pension's "Monatliche Rente ab 01.07.2026," read as 1,07 €, a false arithmetic mismatch).
MONEY = re.compile(r"(?<![\d.,;])(\d{1,3}(?:[.\s\u00a0]\d{3})+|\d+)\s?([.,;])\s?(\d{2})(?![\d%])(?!\s?%)(?![.,]\d)")
DATE_DMY = re.compile(r"(?<!\d)(\d{1,2})\s?[ ./-]\s?(\d{1,2})\s?[ ./-]\s?(\d{4})(?!\d)")
# Year first, with dashes, slashes or dots, one separator throughout ("2026-10-05", "2026/10/05").
DATE_YMD = re.compile(r"(?<!\d)(?<!\d[/.])(\d{4})\s?([-/.])\s?(\d{1,2})\s?\2\s?(\d{1,2})(?!\d|[/.]\d)")
# Nine digits, grouped by threes with spaces or dots as some print them ("PT 500.829.136"); not part of a longer
# figure or of an amount ("500.829.136,00").
NIF_TOKEN = re.compile(r"(?<!\d)(?<!\d[.,])(\d{3})[\s.]?(\d{3})[\s.]?(\d{3})(?!\d|[.,]\d)")
NIF_DIGITS = 9
# The check character may be read as a "G" (a "9" lower-cased by OCR as "g", then upper-cased; or a "6").
CC_TOKEN = re.compile(r"(?<![\dA-Z])(\d{8})\s?(\d)\s?([A-Z0-9]{2})\s?([0-9ODQILG])(?![\dA-Z])")
# A copy's own mark on a line of its own, folded ("ORIGINAL", "DUPLICADO", "2.ª via"): two printed copies of one
# document differ by it alone, and it is no part of a name printed under it.
COPY_MARK = re.compile(r"\W*(?:original|duplicado|triplicado|copia|2\.?\s?a\s+via|via\s+d[oa]\s+\w+)\W*")
YEAR = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(?!\d)")
MONTHS = {
    "janeiro": 1, "fevereiro": 2, "marco": 3, "abril": 4, "maio": 5, "junho": 6,
    "julho": 7, "agosto": 8, "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
    "jan": 1, "fev": 2, "mar": 3, "abr": 4, "mai": 5, "jun": 6,
    "jul": 7, "ago": 8, "set": 9, "out": 10, "nov": 11, "dez": 12,
}  # fmt: skip
# English month names an international payroll prints ("Pay period: 1 Oct 2026"), as whole words: "dec" or
# "sep" could start a Portuguese word. January, March, June, July and November already read as Portuguese.
ENGLISH_MONTHS = {
    "january": 1, "feb": 2, "february": 2, "march": 3, "apr": 4, "april": 4, "may": 5, "june": 6, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "november": 11,
    "dec": 12, "december": 12,
}  # fmt: skip
MONTH_YEAR = re.compile(
    r"\b(?:(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")[a-z]*"
    r"|(?P<english>" + "|".join(sorted(ENGLISH_MONTHS, key=len, reverse=True)) + r")(?![a-z]))"
    r"\.?\s*(?:de\s+|/\s*|-\s*)?(?P<year>\d{4})\b"
)
NUMERIC_PERIOD = re.compile(r"(?<!\d)(?:(\d{1,2})\s?[/.-]\s?(\d{4})|(\d{4})\s?[/.-]\s?(\d{1,2}))(?![\d/.-]*\d)")

# Letters Tesseract confuses with digits inside numbers.
_DIGIT_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1", "|": "1", "i": "1",
                                   "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2", "G": "6"})  # fmt: skip


def fix_digits(text: str) -> str:
    """Repair look-alike letters inside tokens that are mostly digits."""

    def repair(match: re.Match[str]) -> str:
        token = match.group(0)
        digits = sum(c.isdigit() for c in token)
        return token.translate(_DIGIT_LOOKALIKES) if digits >= max(2, len(token) * 0.6) else token

    return re.sub(r"[0-9OoDQlIi|SsBZzG.,]{3,}", repair, text)


# An amount written the English way, thousands by commas and cents after a dot ("3,364.20").
# A letter's salutation, on folded text: "Exmo.(a) Senhor(a)", "Ex.ma Sr.ª", "Exmos. Senhores", "Excelentíssima
# Senhora". It opens the address window of a payslip, an invoice or a pension's letter: the addressee follows.
# The plural a salutation may be printed with, for one addressee or more: "Exmo(s). Sr(s).", "Senhor(es)".
SALUTATION = (
    r"(?<![a-z])ex(?:\.?\s?m[oa]s?|celentissim[oa]s?)(?:\.?\((?:[oa]?s|es|[oa])\))?(?![a-z])\.?"
    r"(?:\s*(?:senhor(?:es|as?|\((?:a|es|as)\))?|sr(?:\.?\s?as?|s|\.?\((?:a|s|as|es)\))?)(?![a-z])\.?)?"
)
# A comma or a full stop may end the clause after it ("EUR 4,200.00, paid 14 times a year").
ENGLISH_MONEY = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d{2}(?!\d|[.,]\d)")


# An amount written the Swiss way, thousands by apostrophes ("CHF 1'184.00").
SWISS_MONEY = re.compile(r"(?<![\d.,'’])\d{1,3}(?:['’]\d{3})+\.\d{2}(?!\d|[.,]\d)")


def portuguese_figures(text: str) -> str:
    """English and Swiss amounts rewritten the Portuguese way ("3,364.20" -> "3.364,20", "1'184.00" ->
    "1.184,00"), the same length: an English payslip's "3,364.20" is otherwise read as 364,20."""
    text = ENGLISH_MONEY.sub(lambda match: match.group(0).translate(str.maketrans(",.", ".,")), text)
    return SWISS_MONEY.sub(lambda match: match.group(0).translate(str.maketrans("'’.", "..,")), text)


def only_figures(text: str) -> bool:
    """Amounts and a currency, no words: a value row, not a row of its own label."""
    return not re.search(r"[^\W\d_]{2,}", re.sub(r"(?i)(?<![^\W\d_])(?:eur|euros?)(?![^\W\d_])", " ", text))


def parse_money(text: str) -> list[Decimal]:
    values = []
    for match in MONEY.finditer(portuguese_figures(fix_digits(text))):
        whole = re.sub(r"[.\s\u00a0]", "", match.group(1))
        try:
            values.append(Decimal(f"{whole}.{match.group(3)}"))
        except InvalidOperation:
            continue
    return values


# OCR may split a month of two figures in two ("18/1 1/2026", a gap between the ones of "11"): read whole where
# the day and the year stand whole around it and both separators are one character, so only the month was cut.
SPLIT_MONTH_DATE = re.compile(r"(?<![\d./-])(\d{1,2})([./-])([01]) (\d)\2((?:19|20)\d{2})(?!\d)")
# What is left of a date cut otherwise: its day's separator a space, the figures before it part of the same date
# ("1 1/2026" after "18/"). Never a date of its own (blind probe r37b: read as 1 January 2026, a silent wrong date).
DATE_TAIL = re.compile(r"\d[./-]$")


def parse_dates(text: str) -> list[dt.date]:
    found = []
    repaired = SPLIT_MONTH_DATE.sub(r"\1\2\3\4\2\5", fix_digits(text))
    for match in DATE_YMD.finditer(repaired):
        found.append((match.start(), int(match.group(1)), int(match.group(3)), int(match.group(4))))
    for match in DATE_DMY.finditer(repaired):
        if cut_date_tail(repaired, match):
            continue
        found.append((match.start(), int(match.group(3)), int(match.group(2)), int(match.group(1))))
    dates = []
    for _, year, month, day in sorted(found):
        try:
            dates.append(dt.date(year, month, day))
        except ValueError:
            continue
    return dates


def cut_date_tail(text: str, match: re.Match[str]) -> bool:
    """The day-first date ``match`` is the end of a date cut by a space (``DATE_TAIL``)."""
    day_and_month_apart = not text[match.end(1) : match.start(2)].strip()
    return day_and_month_apart and bool(DATE_TAIL.search(text[: match.start()]))


# A date with a two-digit year ("10/02/26", "15.03.26"), one separator throughout, no part of a longer figure or
# code ("2026/10/02/26", "10/02/2026").
SHORT_YEAR_DATE = re.compile(r"(?<!\d)(?<!\d[/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{2})(?!\d|[/.-]\d)")


def short_year_dates(text: str) -> list[dt.date]:
    """The dates with a two-digit year in a text, this century's: read them only where a recent date is expected
    (a date of issue, a payslip's payment date); elsewhere "dd/mm/yy" may be a code or a reference."""
    dates = []
    for match in SHORT_YEAR_DATE.finditer(fix_digits(text)):
        try:
            dates.append(dt.date(2000 + int(match.group(4)), int(match.group(3)), int(match.group(1))))
        except ValueError:
            continue
    return dates


def issue_dates_short_year(text: str, today: dt.date | None = None) -> list[dt.date]:
    """The dates with a two-digit year where a document's date of issue is expected ("Data: 15/03/26"). A date of
    issue is recent, so the year is this century's; one still to come is none (a birth's "15/03/56" read as 2056):
    not read."""
    today = today or dt.date.today()
    return [date for date in short_year_dates(text) if date <= today]


# The months of a French, Spanish or German date, for a foreign pension's or employer's letter.
FOREIGN_MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "januar": 1, "janner": 1, "februar": 2, "marz": 3, "maerz": 3, "april": 4, "juni": 6, "juli": 7,
    "oktober": 10, "dezember": 12,
}  # fmt: skip
# "12 de março de 2026", "1.º de março", "7 Mar. 2026", "19 July 2026", "1er juillet 2026", "12. März 2026",
# "10-dez-2026" (a payroll program's short form): a day, a month's name, a year.
WRITTEN_DATE = re.compile(
    r"(?<!\d)(\d{1,2})(?:\.?o|\.|er)?(?:\s*-\s*|\s*(?:de\s+)?)([a-z]{3,10})\.?(?:\s*-\s*|\s*(?:de\s+)?)(\d{4})(?!\d)"
)


def written_dates(text: str) -> list[dt.date]:
    """The dates written with the month's name, as letters, certificates and invoices print them."""
    found = []
    for match in WRITTEN_DATE.finditer(fold(fix_digits(text))):
        name = match.group(2)
        month = MONTHS.get(name) or ENGLISH_MONTHS.get(name) or FOREIGN_MONTHS.get(name)
        if month is None:
            continue
        try:
            found.append(dt.date(int(match.group(3)), month, int(match.group(1))))
        except ValueError:
            continue
    return found


def dates_in(text: str) -> list[dt.date]:
    """The dates in figures, then those written with the month's name."""
    return parse_dates(text) + written_dates(text)


# A NIF after its label with its digits grouped some other way ("NIF 51 4803266", a photo's spacing; "número de
# identificação fiscal 1782 78068" in a certificate's sentence, doc probe 32; "NIF: 1 97777775", a space OCR read
# into a scan's number, blind probe r76c F1; "NIF 51.4803266"): digit groups a single space or dot apart.
SPLIT_NIF = re.compile(
    r"(?i)(\b(?:NIF|NIPC|Contribuinte|identifica[cç][aã]o\s+fiscal)\b[^\d\n]{0,24}?)(\d+(?:[ .]\d+)+)(?!\d)"
)
NIF_GROUP = re.compile(r"\d+")


def split_nif_spans(text: str) -> list[tuple[int, int]]:
    """Where a NIF's caption is followed by a NIF's nine digits split into groups by spaces or dots: each such run's
    start and end on the text. The groups are joined up to the first that makes nine digits, and only when those
    hold the check digit and are not already a NIF as grouped; whatever groups follow are another figure ("NIF 51
    4803266 1.234,56")."""
    spans = []
    for match in SPLIT_NIF.finditer(text):
        if any(valid for _, valid in parse_nifs(match.group(2))):
            continue
        digits = ""
        for group in NIF_GROUP.finditer(match.group(2)):
            digits += group.group(0)
            if len(digits) >= NIF_DIGITS:
                if len(digits) == NIF_DIGITS and nif_has_valid_checksum(digits):
                    spans.append((match.start(2), match.start(2) + group.end()))
                break
    return spans


def joined_nif(text: str) -> str:
    """The line with a labelled NIF's digit groups joined (``split_nif_spans``)."""
    for start, end in reversed(split_nif_spans(text)):
        text = text[:start] + re.sub(r"\D", "", text[start:end]) + text[end:]
    return text


def parse_nifs(text: str) -> list[tuple[str, bool]]:
    """Every 9-digit token with whether its check digit holds."""
    return [
        ("".join(m.groups()), nif_has_valid_checksum("".join(m.groups()))) for m in NIF_TOKEN.finditer(fix_digits(text))
    ]


def nif_check_failed(line: Line) -> str:
    """The warning for a NIF on ``line`` whose check digit fails: off a scan or a photo (a line read below full
    confidence) a digit misread fails it as often as a forger's, so the number is unread (``nif_unread``); a text
    layer's number is as printed, and is invalid (``nif_checksum_invalid``). Blind probe r73d: a payer's NIF on a
    scanned return warned as invalid, which reads as a forgery."""
    return "nif_unread" if line.confidence < 1.0 else "nif_checksum_invalid"


def parse_period(text: str) -> str | None:
    folded = fold(text)
    match = MONTH_YEAR.search(folded)
    if match:
        named = MONTHS[match["month"]] if match["month"] else ENGLISH_MONTHS[match["english"]]
        return f"{int(match['year']):04d}-{named:02d}"
    dates = parse_dates(text)
    if dates:
        return f"{dates[0].year:04d}-{dates[0].month:02d}"
    numeric = NUMERIC_PERIOD.search(fix_digits(text))
    if numeric:
        month, year = (numeric.group(1), numeric.group(2)) if numeric.group(1) else (numeric.group(4), numeric.group(3))
        if 1 <= int(month) <= 12:
            return f"{int(year):04d}-{int(month):02d}"
    return None


# The one-letter words that are names of their own: "Ó", a Portuguese surname and name word ("Rita Sofia do Ó",
# "Associação Cultural Ó Gente"). Only as a capital: any other letter alone is an initial that lost its dot or a
# speck OCR read as a letter.
ONE_LETTER_NAMES = frozenset({"Ó"})


BRACKETED = re.compile(r"\[[^\]]*\]")
NAME_ENDING_MARK = re.compile(r"[{|;<>=]")


def clean_name(text: str) -> str | None:
    # A bracketed word is a placeholder or OCR's reading of specks ("[FOTO] MOREIRA", a dot-matrix form's punched
    # holes read "RÚBEN ABREU ANTUNES [mi]": blind probe r33a), never part of a name; nor is what follows a mark no
    # name holds, once the name has begun ("ARAÚJO RIBEIRO E; o “im", "| TERESA MOURA | 10-09-2026").
    text = BRACKETED.sub(" ", text)
    ending = next(
        (mark for mark in NAME_ENDING_MARK.finditer(text) if re.search(r"[^\W\d_]{2}", text[: mark.start()])), None
    )
    text = text[: ending.start()] if ending else text
    # A name ends where a digit, a bracket or the next label starts; a NIF's caption as OCR misreads it ("NIE",
    # "N1F", "NlF") too, before its number (blind probe r49a: a browser's screenshot gave the issuer's name "Beatriz
    # Antunes Magalhães NIE" off "... Magalhães NIE 209136561"). No name ends in a caption.
    cut = re.split(
        r"\s{2,}|\d|\(|\b(?:N\.?\s?I\.?\s?F\.?|NIF|Contribuinte|N\.?º|Nº|N\.o|Categoria|Sec[çc][ãa]o|NISS|Data)\b"
        r"|(?<!\S)N\.?\s?[I1l|!]\.?\s?[FE]\.?(?=[\s:.]*\d)",
        text,
    )[0]
    # Any alphabet's letters: "Wiśniewska", "Łukasz", "Dvořák" are names too (digits cut off above).
    cut = re.sub(r"[^\w' .-]|_", " ", cut)
    # A dot OCR put for the space between two words ("Maria.Nunes"); an initial's dot ("D. Dinis") has its space.
    cut = re.sub(r"(?<=[a-zß-ÿ])\.(?=[A-ZÀ-Ý])", " ", cut)
    # A speck OCR read as a dot after a whole name's word, before the next ("Fernando. Tavares Lopes": blind probe
    # r78c): a word of four letters or more ending as names do, in a vowel or a vowel and one of "lmnrsz" ("Joaquim",
    # "Isabel", "Gomes"), is no abbreviation ("Assoc.", "Constr.", "Comp." end otherwise, "Sta." and "Ma." are
    # short), but for a title.
    cut = re.sub(
        r"\b(?!(?:profa|enga|engo|exma|exmo)\.)"
        r"([^\W\d_]{2,}[aeiouyáéíóúâêôãõà](?:[lmnrsz]|(?<=[^\W\d_]{3}[aeiouyáéíóúâêôãõà])))\.(?=\s+[A-ZÀ-Ý])",
        r"\1",
        cut,
        flags=re.IGNORECASE,
    )
    words = [w for w in cut.split() if len(w) > 1 or w.lower() in NAME_PARTICLES or w in ONE_LETTER_NAMES]
    # "e" joins two names ("Sousa e Silva"), never ends one: at the end it is a speck OCR read as a letter.
    while words and words[-1].lower() == "e":
        words.pop()
    name = " ".join(words).strip(" .-")
    return name if len(name) >= 3 else None


# A company's legal form opening a line ("Unipessoal Lda.", "Lda. NIF 514...", "S.A."), on the printed text; a public
# body's too ("E.P.E.", "I.P.": blind probe r62a, a hospital's ", E.P.E." wrapped by an HR app's screen and dropped).
WRAPPED_LEGAL_FORM = re.compile(
    r"^\s*(?:unipessoal\s*,?\s*)?(?:lda|limitada|s\.\s?a|sa|crl|c\.\s?r\.\s?l|s\.?\s?p\.?\s?,?\s?r\.?\s?l"
    r"|e\.\s?p\.\s?e|i\.\s?p)\.?"
    r"(?![^\W\d_])|^\s*unipessoal(?![^\W\d_])",
    re.IGNORECASE,
)


def with_wrapped_form(text: str, next_line: str | None) -> str:
    """A company's name with its legal form that a narrow cell or column wrapped onto the next line, the name ending
    in its comma ("Cliente Gabinete ... & Filhos," / "Lda. NIF 514..."; "Empresa / Company: Atlantic ... Portugal," /
    "Unipessoal Lda.": blind probe r56a, the form dropped). The text as it is otherwise."""
    if next_line is None or not text.rstrip().endswith(","):
        return text
    form = WRAPPED_LEGAL_FORM.match(next_line)
    return f"{text.rstrip()} {form.group(0).strip()}" if form else text


# A name printed the register's way, the surname in capitals before a comma and the given names after it
# ("OKONKWO, Chidi Emmanuel", "DA SILVA FERREIRA, Ana Rita").
SURNAME_COMMA_GIVEN = re.compile(
    r"^\s*(?P<surname>[A-ZÀ-Ý][A-ZÀ-Ý'’-]+(?:\s+[A-ZÀ-Ý'’-]+)*)\s*,\s*"
    r"(?P<given>[A-ZÀ-Ý][a-zß-ÿ'’-]+(?:\s+(?:[A-ZÀ-Ý][a-zß-ÿ'’-]+|d[aeo]s?|e))*)(?=\s*$|\s{2,}|\s[·•|—]\s)"
)


def given_names_first(text: str) -> str:
    """A name printed "SURNAME, Given names" turned to the order it is spoken ("Chidi Emmanuel OKONKWO"); any
    other text as it is. Only the capitals before the comma tell the surname: "Ana, Rui" is two people."""
    match = SURNAME_COMMA_GIVEN.match(text)
    if not match:
        return text
    return f"{match['given']} {match['surname']}{text[match.end() :]}"


# A foreign company's establishment in Portugal, named after the company: "— Sucursal em Portugal", "Sucursal
# portuguesa", "Representação permanente em Portugal". Part of the name the establishment's NIF is registered to.
BRANCH_WORDS = (
    r"sucursal(?:\s+(?:em|de)\s+portugal|\s+portuguesa)?|representa[cç][aã]o\s+permanente(?:\s+em\s+portugal)?"
)


# The branch right after a company's name, past a dash or a comma.
BRANCH_AFTER_NAME = re.compile(rf"\.?\s*(?:[,–—-]\s*)?(?:{BRANCH_WORDS})(?![^\W\d_])", re.IGNORECASE)


def with_branch(name: str, text: str) -> str:
    """The company's name with its branch here when the text names one right after it: the Portuguese
    establishment's legal name ("Helix Biotech Europe B.V. — Sucursal em Portugal"), the one its NIF is
    registered to."""
    end = text.find(name)
    branch = BRANCH_AFTER_NAME.match(text, end + len(name)) if end >= 0 else None
    return name + branch.group(0).rstrip(" .,;:") if branch else name


# A particle elided onto the surname after it: "d'Oliveira", "d’Eça".
ELIDED_PARTICLE = re.compile(r"^d['’](?=[A-ZÀ-Ý])")


def capitalised(words: str) -> bool:
    """Every word capitalised (or in capitals) but the particles ("de", "da", "e", the "d'" of "d'Oliveira", a
    firm's "&"): the shape of a name, not of a sentence or a job title going on ("de limpeza", "a tempo parcial")."""
    return all(
        ELIDED_PARTICLE.sub("", word)[0].isupper()
        for word in words.split()
        if word.lower() not in NAME_PARTICLES and word != "&"
    )


# Other languages' particles ("María José Fernández de la Vega", "Pieter van der Berg"): in lower case between
# two words of a name; first or last they may be a name of their own ("Le", "Van").
FOREIGN_NAME_PARTICLES = frozenset({"la", "las", "los", "del", "della", "di", "du", "des", "le", "van", "von", "der"})


def title_case(name: str) -> str:
    """'ANA-RITA D'ALMEIDA DA SILVA' -> 'Ana-Rita D'Almeida da Silva': each part of a hyphenated or
    apostrophed word capitalised, the particles in lower case."""

    def word(text: str) -> str:
        return re.sub(r"[^\W\d_]+", lambda part: part.group(0).capitalize(), text.lower())

    words = name.split()
    # A lone "É" between names is the particle "e" OCR gave an accent (blind probe r38b, a tilted passport): no
    # name is the word "é".
    words = ["e" if w in {"É", "é"} and 0 < index < len(words) - 1 else w for index, w in enumerate(words)]
    return " ".join(
        w.lower()
        if w.lower() in NAME_PARTICLES or (w.lower() in FOREIGN_NAME_PARTICLES and 0 < index < len(words) - 1)
        else word(w)
        for index, w in enumerate(words)
    )


# --- Result builder ---------------------------------------------------------------------


@dataclass
class Parsed:
    fields: dict[str, Any] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # A payslip's printed total of deductions: it checks the arithmetic but is not an output field.
    total_deductions: Decimal | None = None
    # Pay withheld for unpaid absence ("Ausência por doença -248,00", "Licença sem vencimento -460,00"), or the
    # base's share of days a contract started after or ended before (payslip.pay_short_of_a_whole_month): the gross
    # leaves it out, the base not.
    unpaid_absence: Decimal = Decimal(0)
    # A salary advance paid earlier and deducted from this month's net ("Adiantamento de vencimento 400,00"): the
    # month's regular net adds it back, above the printed net by that much (payslip.advance_deducted).
    advance_deducted: Decimal = Decimal(0)
    # Interest a nota de liquidação adds to the tax ("Juros compensatórios 12,31"): part of its settlement.
    settlement_interest: Decimal = Decimal(0)
    # A joint IRS return's incomes by whose they are, one list per table or set of lines that says so: each row's
    # owner ("A", "B", or the NIFs printed on the row, or None when the row does not say) and its income.
    income_owners: list[list[tuple[str | frozenset[str] | None, Decimal]]] = field(default_factory=list)
    # The file's other documents of this kind, each parsed on its own (a PDF of several months' faturas-recibo): the
    # extraction's ``parts``, counted each as its own document (ADR 031).
    other_documents: list[Parsed] = field(default_factory=list)
    # How sure OCR was of a printed date's figures, its least sure word's (an identity page's dates, by field): not an
    # output field; it tells a misread figure from a page printing another date than its MRZ (identity
    # ``date_digit_misread``).
    figures_confidence: dict[str, float] = field(default_factory=dict)

    def put(self, name: str, value: Any, confidence: float) -> None:
        if value is None or name in self.fields:
            return
        self.fields[name] = value
        self.confidence[name] = round(min(max(confidence, 0.0), 1.0), 3)


def find_label(lines: list[Line], pattern: re.Pattern[str], start: int = 0) -> tuple[int, re.Match[str]] | None:
    for index in range(start, len(lines)):
        match = pattern.search(fold(lines[index].text))
        if match:
            return index, match
    return None


def value_after_label(
    lines: list[Line], index: int, match: re.Match[str], lookahead: int = 2
) -> list[tuple[str, Line]]:
    """Text after the label on its line, then the next lines (label-above-value layouts)."""
    candidates = [(lines[index].text[match.end() :], lines[index])]
    candidates += [(lines[i].text, lines[i]) for i in range(index + 1, min(len(lines), index + 1 + lookahead))]
    return candidates


# A public or charitable employer has no legal form: its letterhead names the body ("MUNICÍPIO DE SINTRA").
PUBLIC_EMPLOYER = re.compile(
    r"(?:munic[ií]pio|c[aâ]mara\s+municipal|junta\s+de\s+freguesia|agrupamento\s+de\s+escolas|escola\s+\w+"
    r"|centro\s+hospitalar|hospital|unidade\s+local\s+de\s+sa[uú]de|universidade|instituto"
    r"|dire[cç][aã]o[\s-]+geral|santa\s+casa\s+da\s+miseric[oó]rdia"
    # An autonomous region's government and its departments ("Região Autónoma dos Açores — Secretaria Regional
    # da Educação", "Secretaria-Geral da Educação").
    r"|regi[aã]o\s+aut[oó]noma|secretaria[\s-]+(?:regional|geral))\s+(?:de\s+|do\s+|da\s+|dos\s+|das\s+)?"
    r"[^·|,;\n]{2,60}",
    re.I,
)


# A NIF's label after a body's name, a dash or a comma before it or not.
PUBLIC_BODY_NIF = re.compile(r"(?:\s*[-–—,]\s*|\s+)(?:N\.?\s?I\.?\s?[FP]\.?\s?C?|NIPC|Contribuinte)\b", re.I)


# A place after a body's name and its comma, ending its line ("Agrupamento de Escolas D. Dinis, Leiria"): one to
# three capitalised words, the particles between them ("Vila Nova de Gaia"). No address (a number, a street). A
# title in capitals OCR joined to the line may follow ("..., Leiria ABONOS E DESCONTOS"): public_employer drops it.
PLACE_AFTER_COMMA = re.compile(
    r",\s*[A-ZÀ-Ý][^\W\d_]+(?:\s+(?:(?:d[aeo]s?|e)\s+)?[A-ZÀ-Ý][^\W\d_]+){0,2}"
    r"(?=(?:\s+[A-ZÀ-Ý]{2,}(?:\s+[A-ZÀ-Ý]{1,3})?)*\s*$)"
)
STREET = re.compile(r"(?i)(?<![^\W\d_])(?:rua|avenida|av|travessa|largo|pra[cç]a|estrada|alameda|bairro)(?![^\W\d_])")


def place_after_comma(rest: str) -> str:
    """The place the rest of a body's line names after a comma, or nothing."""
    place = PLACE_AFTER_COMMA.match(rest)
    return place.group(0).rstrip() if place and not STREET.search(place.group(0)) else ""


# A public body's legal form after its name's comma: a public institute's ("I.P.", "IP"), a regional one's ("IP-RAM",
# "IP-RAA": Madeira's, the Azores'), a public business entity's ("E.P.E.", "EPE", "EPERAM"), a municipal company's
# ("E.M."). Part of the registered name, as a company's "Lda." is (blind probe r56a: ", IP-RAM" dropped).
PUBLIC_BODY_FORM = re.compile(
    r",\s*(?:I\.?\s?P\.?(?:\s?-\s?RA[AM])?|E\.?\s?P\.?\s?E\.?(?:\s?-?\s?RA[AM])?|E\.\s?M\.)(?![^\W\d_])"
)


def public_form(rest: str) -> str:
    """The public body's legal form the rest of its line opens with, or nothing."""
    form = PUBLIC_BODY_FORM.match(rest)
    return form.group(0) if form else ""


def public_employer(lines: list[Line]) -> tuple[str, float] | None:
    """The public or charitable body a letterhead line starts with, and that line's confidence."""
    for line in lines:
        public = PUBLIC_EMPLOYER.match(line.text.strip())
        if public:
            # Its NIF printed after the name ("Agrupamento de Escolas ... — NIPC 600123464") is no part of it.
            rest = line.text.strip()[public.end() :]
            form = public_form(rest)
            name = PUBLIC_BODY_NIF.split(public.group(0) + ("" if form else place_after_comma(rest)))[0]
            if not name.isupper():
                # A name in mixed case ends where a title in capitals begins ("Agrupamento de Escolas Dr.
                # Manuel Laranjeira ABONOS E DESCONTOS": OCR joined a right-aligned title to the letterhead).
                name = re.sub(r"(?:\s+[A-ZÀ-Ý]{2,}(?:\s+[A-ZÀ-Ý]{1,3})?)+\s*$", "", name)
            # The form as printed, its capitals and dots: "IP-RAM" is no word to put in title case.
            return title_case(name.strip(" ,.-–—")) + form, line.confidence
    return None


# An OCR'd figure against the one the document's arithmetic asks for: payslips and pension statements both put a
# figure right only when it is that one misread by a single digit.
def one_digit_apart(wanted: Decimal, read: Decimal) -> bool:
    """Whether ``read`` is ``wanted`` with one digit misread (same number of digits, one differs)."""
    if wanted <= 0:
        return False
    a, b = f"{wanted:.2f}", f"{read:.2f}"
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1
