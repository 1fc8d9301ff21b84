"""The fatura-recibo an independent worker issues on the Portal das Financas, read by labels and arithmetic.

amount received = base + VAT - IRS withheld (stamp duty, when printed, is 0 on services). VAT is 0 under
the art. 53.º exemption or a rate of the base (23%, 13%, 6%, or the islands'); the withholding 0 when
waived, else a rate of the base (25%, 23%, 20%, 16.5%, 11.5%). Labels are hints: the base, VAT and
withholding that make the arithmetic hold among the amounts printed win, but a label's own amount the sum has
no place for is kept as printed, never swapped for another printed amount (ADR 024): the checks flag the sum.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from decimal import ROUND_HALF_UP, Decimal

from applicants.identifiers import nif_is_personal
from applicants.text import fold
from documents.extraction.parsers.common import (
    DATE_DMY,
    DATE_YMD,
    NIF_TOKEN,
    SALUTATION,
    VALIDATED_CONFIDENCE,
    Parsed,
    capitalised,
    clean_name,
    dates_in,
    fix_digits,
    issue_dates_short_year,
    joined_nif,
    nif_check_failed,
    one_digit_apart,
    only_figures,
    parse_dates,
    parse_nifs,
    title_case,
    with_branch,
    with_wrapped_form,
    written_dates,
)
from documents.extraction.parsers.payslip import Segment, company_name, line_segments, prints_legal_form, prints_nif
from documents.extraction.reader import COLUMN_GAP_IN_HEIGHTS, Line, gapped_text

CENT = Decimal("0.01")
VAT_RATES = [Decimal(rate) for rate in ("0.23", "0.22", "0.16", "0.13", "0.12", "0.09", "0.06", "0.05", "0.04")]
WITHHOLDING_RATES = [Decimal(rate) for rate in ("0.25", "0.23", "0.20", "0.165", "0.115", "0.10")]
ROLE_PATTERNS = [
    # The base under the names that hold a tax's word ("Incidência" of the VAT, "Total s/ IVA", "Total sem IVA"),
    # or an English invoice's ("Net amount", "Taxable amount"): before the taxes' own patterns.
    (
        "base_amount",
        re.compile(
            r"incid[eê]ncia|total\s+il[ií]quido|(?<![a-z])(?:sub)?total\s+(?:s/|sem)\s*iva"
            r"|(?<![a-z])(?:net|taxable)\s+amount|amount\s+(?:before|excl(?:uding|\.)?)\s+(?:tax|vat)"
            # The amount the tax falls on, "Rendimento sujeito a IRS": a base, not the IRS withheld.
            r"|sujeit[oa]s?\s+a\s+(?:irs|iva|reten)"
        ),
    ),
    # "Recebi a importância de 1.087,80 euros": the receipt in a sentence.
    (
        "amount_received",
        re.compile(
            r"import[aâ]ncia\s+recebida|valor\s+recebido|total\s+recebido|recebid[oa]|recebi(?:mos)?(?![a-z])"
            r"|(?<![a-z])(?:amount\s+)?received(?![a-z])"
        ),
    ),
    (
        "irs_withholding",
        re.compile(r"reten[cç][aã]o|(?<![a-z])irs(?![a-z])|(?<![a-z])withholding|(?<![a-z])withheld(?![a-z])"),
    ),
    ("vat_amount", re.compile(r"(?<![a-z])(?:iva|vat)(?![a-z])")),
    ("stamp_duty", re.compile(r"imposto\s+do\s+selo|stamp\s+duty")),
    (
        "base_amount",
        re.compile(r"valor\s+(?:base|tribut[aá]vel|dos?\s+servi[cç]os?)|base\s+tribut|(?<![a-z])base(?![a-z])"),
    ),
    # "Pago — cartão de débito 529,99", "Amount paid": what was paid is what was received, once no tax is named.
    ("amount_received", re.compile(r"(?<![a-z])(?:pago|paga|paid)(?![a-z])")),
]
# A legal reference's number is no amount: "verba 2.23 Lista I", "art. 53.º", "artigo 9.º, n.º 10", "alínea b)
# do n.º 1.2", "Decreto-Lei n.º 12/2020". The number after such a word (and its "n.º") is blanked out before
# the amounts are read.
LEGAL_REFERENCE = re.compile(
    r"(?<![^\W\d_])(?:verbas?|artigos?|arts?\.?\s?[ºo°]?|n\.\s?[ºo°]s?|n\s?[º°]s?|al[ií]neas?|al\.|listas?"
    r"|decreto[\s-]+lei|dl|lei|portaria|despacho)\.?\s*(?:n\.\s?[ºo°]\.?\s*|n\s?[º°]\.?\s*)?"
    r"(\d+(?:[.,]\d+)*(?:\.?\s?[ºo°])?(?:\s?/\s?\d+)?)(?![\d,.]?\d)",
    re.IGNORECASE,
)
# An amount with commas both for its thousands and before its cents ("3,200,00", as an English template filled
# the Portuguese way prints it): one amount, its last comma the decimal one.
COMMA_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+,\d{2}(?![\d]|[.,]\d)")
# "prestador" (or "prestadora") alone: the activity table's "Outros prestadores de serviços" (code 1519) is no label.
# "De: <name> (NIF ...)" and "Para: <name> (NIF ...)": the one-line parties of a letter-like layout; "DE" and
# "PARA" alone on their lines head the two blocks.
# A bilingual caption's English half ("Emitente / Issuer", "Adquirente / Customer") is a label too, never a name.
# A salutation ("Exmos. Senhores", "Ex.ma Senhora") opens the address window: the addressee is the acquirer.
ISSUER_LABEL = re.compile(
    r"prestadora?(?:\s+d[eo]s?\s+servi[cç]os?)?(?![a-z])|emitente|transmitente|fornecedor|^\s*de\s*:|^\s*de\s*$"
    r"|(?<![a-z])(?:issuer|supplier|seller)(?![a-z])"
)
# An English invoice's "Bill to:", "Billed to", "Invoice to", "Sold to" heads the acquirer's block as well, and a
# recibo's payer box "Recebi de:" alone on its line, the name and NIF under it (blind probe r64a: both unread).
ACQUIRER_LABEL = re.compile(
    r"(?:adquirente|cliente|destinat[aá]rio)(?:\s+d[oa]s?\s+(?:servi[cç]os?|bens?))?(?![a-z])|^\s*para\s*:|^\s*para\s*$|(?<![a-z])(?:customer|client|buyer|acquirer)(?![a-z])"
    r"|(?<![a-z])(?:bill(?:ed)?|invoiced?|sold)\s+to(?![a-z])"
    r"|^\W*receb(?:i|emos)\s+(?:de|d[oa])\s*:?\s*$"
    r"|" + SALUTATION
)
# A note in brackets that names a party's kind ("Retenção na fonte: 0,00 € (adquirente sem contabilidade
# organizada)", "(cliente particular)"): it explains an amount, it heads no party's block.
# The party's word may end the note ("(motivo: erro na identificação do adquirente)": blind probe r64a read the
# footer under it as the client's name).
PARTY_NOTE = re.compile(r"\((?=[^()]*?(?:adquirente|cliente|destinat[aá]rio))[^()]*?\s[^()]*?\s[^()]*\)")
# A receipt written as prose names the acquirer after what the issuer did for it, at the end of the issuer's
# line or alone ("Nuno ... — NIF ..." / "prestou a" / "Condomínio ... — NIPC ..."): the next NIF line is its.
RENDERED_TO = re.compile(
    r"(?<![a-z])(?:prest(?:ou|aram|ad[oa]s?)|fornec(?:eu|eram|id[oa]s?)|vend(?:eu|eram|id[oa]s?)|factur(?:ou|ad[oa])"
    r"|fatur(?:ou|ad[oa]))(?:\s+(?:o|os|a|as)\s+(?:seus?\s+)?servi[cç]os?)?\s+(?:a|ao|[aà]|para|em\s+favor\s+de)\s*[:.]?\s*$"
)
# "Entidade:" alone labels the other party once the issuer's block has been labelled ("Prestador: ... — NIF ..." /
# "Entidade: <club> — NIF ..."): the entity the service was rendered to, which pays. Before it, it names nobody.
ENTITY_LABEL = re.compile(r"^\W*entidade(?:\s+pagadora)?\s*:")
# A party's word right after "NIF" ("NIF emitente:", "NIF do adquirente") labels that NIF, not a name.
NIF_QUALIFIER = re.compile(r"(?:n\.?\s?i\.?\s?f\.?|contribuinte)\s*(?:n\.?\s?[ºo°]\.?\s*)?(?:d[oa]s?\s+)?$")
# What a party label carries besides its key word ("Transmitente dos bens / Prestador de serviços").
LABEL_FILLER = re.compile(r"(?<![a-z])(?:d[aoe]s?|bens|servi[cç]os?|e|ou)(?![a-z])")
# OCR can break the series at a space ("ATSIREO1 FR/45"): one space inside it is kept when its tail runs into
# the "/number".
# The Portal's series for a fatura-recibo of an "ato isolado" is typed "ATI" ("ATI ATSIRE01AI/2").
# A sequence may carry a hyphenated part of its own ("FR 1/2026-118"), never a date's ("FR A/12-05-2026").
# A series may name its year before the sequence ("FR ATSIRE01FR/2026/12", blind probe c21: read without the
# sequence, six faturas-recibo of one worker were one number used six times).
YEAR = r"(?:(?:19|20)\d{2}/)?"
NUMBER = re.compile(
    rf"(?:n\.?\s?[ºo°]\.?\s*)?((?-i:FR|(?<![A-Za-z])ATI)\s*[A-Z0-9]+(?:\s[A-Z0-9]*[A-Z][A-Z0-9]*(?=/))?/{YEAR}\d+"
    r"(?:-\d+(?![\d./-]))?)",
    re.IGNORECASE,
)
# The issue date under a bare "Data" label ("Data: 31.05.2026", "Data 2026/10/05", "Data / Date: ..."), after
# the "data de emissão" wording ("Emitida a 14 de agosto de 2026").
DATE_LABELS = [
    re.compile(
        # OCR may glue the caption's words ("Datade Emissão": blind probe r56a, a photo's date unread).
        r"data\s*(?:de\s*)?emiss[aã]o|emitid[ao]\s+(?:em|a|no\s+dia)(?![a-z])"
        # "Emissão" alone before its date ("Emissão: 21 de junho de 2026", "Emissão 2026-06-21").
        r"|(?<![a-z])emiss[aã]o(?:\s*[:.]|(?=\s*\d))"
        r"|(?<![a-z])(?:date\s+of\s+issue|(?:issue|invoice)\s+date|issued\s+(?:on|at))(?![a-z])"
    ),
    re.compile(
        r"(?<![a-z])data(?:\s+(?:do\s+)?documento)?(?:\s*/\s*(?:issue\s+)?date)?(?:\s*[:.]|(?=\s*\d))"
        r"|(?<![a-z])(?:issue\s+)?date\s*:"
    ),
]
# A caption "Data" (or "Data de emissão") with its value on the line below: the caption ends its line or
# a column ("Data  Cliente"); "Data de vencimento" or "Data da prestação" name other dates.
# The caption ends its line, or a column (two spaces), or a lone glyph OCR read off the paper's edge after it
# ("Prestador de serviços Data de emissão j", a photo: doc probe 32).
DATE_CAPTION = re.compile(
    r"(?:(?<![a-z])data(?:\s+(?:de\s+)?emiss[aã]o|\s+(?:do\s+)?documento)?|(?<![a-z])(?:issue\s+)?date)"
    r"(?:\s*/\s*(?:issue\s+)?date)?\s*[:.]?(?:\s*$|\s{2,}|\s+[^\w\s]?\w?[^\w\s]?\s*$)"
)


# A cancelled document says so: a stamp alone on its line ("ANULADO", "CANCELADA", "VOID"), the document's
# state ("Estado: Anulada"), or a sentence naming the document ("Documento anulado em 02/10/2026",
# "Fatura-recibo cancelada"). Its amounts are no income.
CANCELLED_WORD = r"(?:anulad[oa]|cancelad[oa]|cancel+ed|void|sem\s+efeito)(?![a-z])"
# The state's caption may name the document ("Estado do documento: ANULADO em 2026-09-15": blind probe r64a).
STATE_CAPTION = (
    r"(?<![a-z])(?:estado|situa[cç][aã]o|status)(?:\s+d[oa]\s+(?:documento|fatura(?:[\s-]+recibo)?|recibo))?"
)
CANCELLED = re.compile(
    rf"^\W*{CANCELLED_WORD}\W*$"
    rf"|{STATE_CAPTION}\s*[:.]?\s*{CANCELLED_WORD}"
    rf"|(?<![a-z])(?:documento|fatura(?:[\s-]+recibo)?|recibo)\s+(?:foi\s+)?{CANCELLED_WORD}"
)


# A watermark stamp the text layer glues to the line it crosses: "... ATCUD: JF7K2M-58 ANULADA" (blind probe
# r48a: the rotated "ANULADA" across the page came last on the footer line, and the cancelled receipt's 960,40
# counted as income). The stamp is a word in capitals at one end of a line; a sentence that mentions cancelling
# ("podem ser anulados", "será ANULADA se...") writes it in lower case or after a verb, and is no stamp.
STAMP_WORD = r"(?:ANULAD[OA]S?|CANCELAD[OA]S?|CANCEL+ED|VOID|SEM\s+EFEITO)"
STAMP_AT_AN_END = re.compile(rf"(?:^|\s)(?P<end>{STAMP_WORD})\W*$|^\W*(?P<start>{STAMP_WORD})\s")
# A word before the stamp that makes it part of a sentence: "foi ANULADA", "será ANULADA", "not VOID".
SENTENCE_BEFORE = re.compile(
    r"(?<![a-z])(?:ser|sera|seja|foi|e|sido|fica|ficara|pode|podem|nao|be|is|are|was|been|will|may|not|if)\W*$"
)


def stamp_at_an_end(text: str) -> bool:
    """A stamp word in capitals the text layer put at the start or the end of another line."""
    match = STAMP_AT_AN_END.search(text.strip())
    if match is None or match.group(0).strip() == text.strip():
        return False
    if match.group("end") is not None:
        return not SENTENCE_BEFORE.search(fold(text[: match.start("end")]).rstrip())
    return True


# A state given with its reason ("Estado do documento: <state> (motivo: erro na identificação do adquirente)"): the
# Portal asks a reason only to annul. A stamp across the state's word can leave it unread (blind probe r64a: "Estado do
# documento: A 2 -15 (motivo: ...)"); the reason still says it, unless the state read is a standing one.
STATE_WITH_REASON = re.compile(rf"{STATE_CAPTION}\s*[:.]\s*(?P<state>[^()]*?)\s*\(?\s*motivo(?![a-z])")
STANDING_STATE = re.compile(
    r"(?<![a-z])(?:normal|emitid[oa]|valid[oa]|ativ[oa]|regular|pag[oa]|liquidad[oa]|retificad[oa])"
)


def is_cancelled(lines: list[Line]) -> bool:
    return any(
        CANCELLED.search(fold(line.text).strip()) or stamp_at_an_end(line.text) or state_with_a_reason(line.text)
        for line in lines
    )


def state_with_a_reason(text: str) -> bool:
    """The document's state printed with the reason it was changed, the state not a standing one."""
    match = STATE_WITH_REASON.search(fold(text))
    return match is not None and not STANDING_STATE.search(match["state"])


def caption_spans(folded: str) -> list[tuple[int, int, str]]:
    """Each caption's (start, end, role) in the folded text, in the order printed."""
    # One caption is one column: a tax's word inside the base's caption ("Total s/ IVA") names no other.
    taken: list[tuple[int, int, str]] = []
    for role, pattern in ROLE_PATTERNS:
        for match in pattern.finditer(folded):
            if not any(start < match.end() and match.start() < end for start, end, _ in taken):
                taken.append((match.start(), match.end(), role))
    return sorted(taken)


def header_roles(text: str) -> list[str]:
    roles: list[str] = []
    for _, _, role in caption_spans(fold(text)):
        # "Retenção IRS" is one column named twice.
        if not roles or roles[-1] != role:
            roles.append(role)
    return roles


# Words that make the caption after them a qualifier of the one before ("Retenção IRS 25% s/ valor base", "Valor
# recebido após retenção"), not the caption of the figure that follows.
# "Base de incidência em IRS", "Base tributável para IRS": the tax the base is for (blind probe r59a's "art. 53.º"
# fatura-recibo read its base of 900,00 € as the IRS withheld once the caption nearest the figure decided).
QUALIFIER_BEFORE = re.compile(
    r"(?:(?<![a-z])(?:s|c)/|(?<![a-z])(?:sobre|apos|com|sem|de|d[oa]s?|a|ao|em|para|incluid[oa]))\W*$"
)


def role_of(label: str) -> str | None:
    """The role of the amount after ``label``: the caption nearest the figure when the label runs two columns
    together ("Retenção na fonte: IRS - retenção na fonte 25 % Valor base 1.000,00 €", the Portal's regime box
    beside the base's: blind probe r64a read the base as the IRS withheld); else the strongest caption."""
    folded = fold(label)
    strongest = next((role for role, pattern in ROLE_PATTERNS if pattern.search(folded)), None)
    spans = caption_spans(folded)
    if len({role for _, _, role in spans}) < 2:
        return strongest
    start, _, nearest = spans[-1]
    before = folded[:start]
    if QUALIFIER_BEFORE.search(before) or before.count("(") > before.count(")"):
        return strongest
    return nearest


# Another currency's code or sign: a figure it stands by is no euro amount ("Pago em USD 3,350.00 (contravalor em
# euros à taxa do dia: 2.907,50 €)", blind probe r66a: the dollars read as the base and the amount received, 15 %
# above the euros). "US$" and "R$" before the bare "$"; a three-letter word that is a tax's (IVA, IRS) is none.
FOREIGN_CURRENCY = (
    r"(?:US\$|R\$|USD|GBP|CHF|BRL|CAD|AUD|NZD|JPY|CNY|SEK|NOK|DKK|PLN|CZK|HUF|RON|AOA|MZN|CVE|INR|ZAR|MXN|AED"
    r"|\$|£|¥)"
)
CURRENCY_FIGURE = r"\d{1,3}(?:[.,'\u00a0 ]?\d{3})*(?:[.,]\d{1,2})?"
FOREIGN_AMOUNT = re.compile(
    rf"(?<![A-Za-z]){FOREIGN_CURRENCY}\s?{CURRENCY_FIGURE}(?![\d.,]?\d)"
    rf"|(?<![\d.,]){CURRENCY_FIGURE}\s?{FOREIGN_CURRENCY}(?![A-Za-z])"
)


def without_foreign_amounts(text: str) -> str:
    """The line with each amount in another currency blanked out, the same length: the captioned euro totals
    decide the fatura-recibo's amounts."""
    return FOREIGN_AMOUNT.sub(lambda match: " " * len(match.group(0)), text)


def amounts_text(text: str) -> str:
    """The line as its amounts are read: amounts in another currency and legal references' numbers blanked out,
    "3,200,00" as "3.200,00"."""
    text = without_foreign_amounts(text)
    text = COMMA_GROUPED.sub(lambda match: match.group(0)[:-3].replace(",", ".") + match.group(0)[-3:], text)
    return LEGAL_REFERENCE.sub(lambda match: match.group(0)[: match.start(1) - match.start()], text)


# A web address: with its scheme ("https://..."), "www." or a host name and a path, as a browser's address bar
# or a print's header shows it ("faturas.portaldasfinancas.gov.pt/consultarDocumentoPortalEmitente.action?...").
URL = re.compile(r"(?i)(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)\S+|\b(?:[a-z0-9-]+\.)+[a-z]{2,6}/\S*")


def without_urls(line: Line) -> Line:
    """The line with each web address blanked out, the same length: a page's address names no party, amount or
    date, though its words may hold a label's ("...PortalEmitente.action?idDocumento=...")."""
    text = URL.sub(lambda match: " " * len(match.group(0)), line.text)
    return line if text == line.text else replace(line, text=text)


def parse_invoice(lines: list[Line], *, page_starts: Sequence[int] = (0,)) -> Parsed:
    """One fatura-recibo; of several in one file (a PDF of the months' documents), the latest issued, flagged
    ``multiple_invoices``, the others its ``other_documents``, latest first, each read on its own and counted as
    its own document (ADR 031; as a file of several payslips, ``multiple_payslips``). Sections are told apart by
    their numbers, under their headings (``invoice_sections``) or, where no heading stands alone, page by page
    (``invoice_pages``, ``page_starts`` the index of each page's first line), so no two are one document."""
    lines = [without_urls(line) for line in lines]
    sections = invoice_sections(lines)
    if len(sections) < 2:
        sections = invoice_pages(lines, page_starts)
    if len(sections) < 2:
        return parse_one_invoice(lines)
    # Latest first; sorted() keeps the file's order among equal dates, an undated one is never the latest.
    invoices = sorted((parse_one_invoice(section) for section in sections), key=issued_on, reverse=True)
    latest, others = invoices[0], invoices[1:]
    latest.warnings.append("multiple_invoices")
    latest.other_documents = others
    return latest


def issued_on(parsed: Parsed) -> dt.date:
    issued = parsed.fields.get("issue_date")
    return issued if isinstance(issued, dt.date) else dt.date.min


# What a document's heading line may hold besides its title and number: the copy it is.
COPY_WORDS = re.compile(r"(?i)(?<![^\W\d_])(?:original|duplicado|triplicado|c[oó]pia|via)(?![^\W\d_])")


# A heading's title stands at most this many lines above its number (the copy's word, "ORIGINAL", between them).
TITLE_LINES_ABOVE = 3


def invoice_sections(lines: list[Line]) -> list[list[Line]]:
    """The file's lines cut into one section per document, where two headings or more ("FATURA-RECIBO N.º FR
    ATSIRE01FR/52", the title and its number alone on the line) give different numbers; copies of one document
    (same number) and a number cited in a sentence cut nothing. Each section starts as many lines before its
    heading as the first one's letterhead holds, not reaching back into the document before it."""
    headings: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        number = NUMBER.search(fix_digits(line.text))
        # The title on the number's line, or a few lines above it ("FATURA-RECIBO" / "ORIGINAL" / "N.º FR
        # ATSIRE01FR/20", as the Portal prints it: doc probe 32 had three such pages read as one).
        titled = any(DOCUMENT_TITLE.search(above.text) for above in lines[max(0, index - TITLE_LINES_ABOVE) : index])
        if number and (titled or DOCUMENT_TITLE.search(line.text)) and heading_alone(line.text, number):
            headings.append((index, ocr_series(number.group(1))))
    numbers = {number for _, number in headings}
    if len(numbers) < 2 or len(numbers) < len(headings):
        return [lines]
    letterhead = headings[0][0]
    starts = [0] + [max(at - letterhead, headings[k][0] + 1) for k, (at, _) in enumerate(headings[1:])]
    return [lines[start:end] for start, end in itertools.pairwise([*starts, len(lines)])]


def heading_alone(text: str, number: re.Match[str]) -> bool:
    """The line is the document's title and number, nothing else but the copy it is, the number's caption and its
    date of issue."""
    rest = COPY_WORDS.sub(" ", DOCUMENT_TITLE.sub(" ", text[: number.start()] + " " + text[number.end() :]))
    return not re.search(r"[^\W\d_]{2,}", NUMBER_CAPTION.sub(" ", HEADING_DATE.sub(" ", rest)))


# The number's caption on its line, the title on the line above ("FATURA-RECIBO" / "N.º do documento FR
# ATSIRE01FR/1", "Número do documento: ...", "Documento n.º ..."): blind probe r74c, eight months' faturas-recibo in
# one PDF under that caption were read as one, the others' pages left unsaid.
NUMBER_CAPTION = re.compile(r"(?i)(?<![^\W\d_])(?:n[uú]mero|number|d[oa]|documento|document)(?![^\W\d_])")


def invoice_pages(lines: list[Line], page_starts: Sequence[int]) -> list[list[Line]]:
    """The file's pages gathered into one section per document where two pages or more are each a fatura-recibo
    of their own (``own_invoice_number``) with different numbers; a page that is none (a second page of terms, a
    cover) goes with the document before it, or the first, and a page repeating the number before it goes with it.
    A number that comes back after another is a copy of that document: its pages are left, the first copy read (as
    a file of payslips keeps a month's first copy)."""
    bounds = [*page_starts, len(lines)]
    pages = [lines[start:end] for start, end in itertools.pairwise(bounds) if end > start]
    if len(pages) < 2:
        return [lines]
    sections: dict[str, list[Line]] = {}
    leading: list[Line] = []
    current: str | None = None  # the number of the document the page read last belongs to; None on a copy
    for page in pages:
        number = own_invoice_number(page)
        if number is not None and number not in sections:
            sections[number] = [*leading, *page]
            leading, current = [], number
        elif number is not None and number != current:
            current = None  # a copy of a document before, and the pages that continue it
        elif current is not None:
            sections[current].extend(page)
        elif not sections:
            leading.extend(page)
    return list(sections.values()) if len(sections) >= 2 else [lines]


def own_invoice_number(page: list[Line]) -> str | None:
    """The page's number, when the page is a fatura-recibo of its own: its title, its number and its date of issue
    printed on it (each month's document a page of its own, as the Portal prints them). A page that only cites a
    number ("referente à fatura-recibo FR ...", a page of terms) prints no date of issue of its own, and gives none."""
    if not any(DOCUMENT_TITLE.search(line.text) for line in page):
        return None
    parsed = Parsed()
    invoice_number(page, parsed)
    invoice_issue_date(page, parsed)
    number = parsed.fields.get("invoice_number")
    return number if isinstance(number, str) and parsed.fields.get("issue_date") is not None else None


# The date of issue beside the number on the heading's line ("N.º FR ATSIRE01FR/20 Data de emissão: 30-09-2026", as
# the Portal prints it: blind probe r46a, three months' faturas-recibo in one PDF read as the first, unflagged).
HEADING_DATE = re.compile(
    r"(?i)(?:(?<![^\W\d_])(?:data(?:\s+(?:de\s+)?emiss[aã]o)?|emitid[ao]\s+(?:em|a)|de|em|dated?|issued(?:\s+on)?"
    r"|(?:issue\s+)?date)\s*[:.]?\s*)?"
    r"(?<!\d)(?:\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?(?:19|20)\d{2}|(?:19|20)\d{2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{1,2})(?!\d)"
)


def parse_one_invoice(lines: list[Line]) -> Parsed:
    parsed = Parsed()
    if is_cancelled(lines):
        parsed.warnings.append("document_cancelled")
    rows = [line_segments(amounts_text(line.text), index, line.confidence) for index, line in enumerate(lines)]
    for row in rows:
        for segment in row:
            segment.role = role_of(segment.label)
    captions_below = invoice_amounts_by_boxes(lines, rows, parsed, charged=taxes_captioned_apart(lines, rows))
    printed_rates_hold(lines, parsed)
    converted_payment_holds(lines, rows, parsed)
    invoice_parties(lines, parsed, captions_below=captions_below)
    if "acquirer_nif" not in parsed.fields:
        client_abroad_vat(lines, parsed)
    issuer_name_under_its_nif(lines, parsed)
    parties_by_kind(lines, parsed)
    invoice_number(lines, parsed)
    invoice_issue_date(lines, parsed, captions_below=captions_below)
    if one_off_act(lines, parsed):
        parsed.warnings.append("one_off_act")
    if only_billed(lines, parsed):
        # "Total a pagar" is what the client owes, not what was received: the amount is left unread.
        parsed.warnings.append(NOT_A_RECEIPT)
        parsed.fields.pop("amount_received", None)
        parsed.confidence.pop("amount_received", None)
    return parsed


# A NIF credited to its party by the kinds of the name and the NIFs, not by where it was printed.
PARTIES_BY_KIND_CONFIDENCE = 0.85


def parties_by_kind(lines: list[Line], parsed: Parsed) -> None:
    """The parties' NIFs swapped where the reading contradicts itself: the issuer's NIF a company's (5xx, 6xx...)
    under a person's name, and the page's one other valid NIF a person's, not yet the issuer's (the acquirer's, or
    nobody's). A line order that put the client's caption first gave its NIF to the issuer (blind probe r62a, a
    freelancer's receipt then screened out as a company's); the consistent reading is kept, less sure than one read
    by the layout. Where no such NIF is on the page the reading stays, and ``issuer_is_company`` says it."""
    issuer_nif, issuer_name = parsed.fields.get("issuer_nif"), parsed.fields.get("issuer_name")
    if not (isinstance(issuer_nif, str) and isinstance(issuer_name, str)) or nif_is_personal(issuer_nif):
        return
    if not person_named(issuer_name):
        return
    acquirer_nif = parsed.fields.get("acquirer_nif")
    personal = {
        nif
        for line in lines
        for nif, valid in parse_nifs(joined_nif(without_phones(without_foreign_vat(line.text))))
        if valid and nif_is_personal(nif)
    }
    if len(personal) != 1 or (acquirer_nif is not None and acquirer_nif not in personal):
        return
    for role, nif in (("issuer", personal.pop()), ("acquirer", issuer_nif)):
        parsed.fields.pop(f"{role}_nif", None)
        parsed.confidence.pop(f"{role}_nif", None)
        parsed.put(f"{role}_nif", nif, PARTIES_BY_KIND_CONFIDENCE)


def person_named(name: str) -> bool:
    """A person's name: capitalised words, no company's legal form, no body's (a clinic, an association)."""
    folded = fold(name)
    return (
        len(name.split()) >= 2
        and capitalised(name)
        and not prints_legal_form(name)
        and not BODY_START.search(folded)
        and foreign_company(name) is None
    )


NAME_CAPTION = re.compile(r"^\W*nome(?![a-z])")


def issuer_name_under_its_nif(lines: list[Line], parsed: Parsed) -> None:
    """The issuer's name on the "Nome" line under its NIF's, when its block's caption was lost (a scan's
    "Transmitente / Prestador de Serviços" unread, the Portal's "NIF ..." / "Nome ..." left: blind probe r56a, the
    issuer's NIF read and its name not)."""
    nif = parsed.fields.get("issuer_nif")
    if "issuer_name" in parsed.fields or not isinstance(nif, str):
        return
    for line, below in itertools.pairwise(lines):
        if prints_nif(line.text, nif):
            name = party_name(below.text) if NAME_CAPTION.match(fold(below.text)) else None
            if name and len(name.split()) >= 2:
                parsed.put("issuer_name", name, below.confidence * NAME_ELSEWHERE_CONFIDENCE)
            return


# A "Fatura" (the Portal's type FT) bills a service; only a receipt ("Fatura-recibo", a "Recibo" after the fatura)
# says it was paid. Doc probe 32 sent one, its "Total a pagar" read as the amount received.
NOT_A_RECEIPT = "invoice_not_receipt"
# The type may run into the Portal's series, which names the type again ("FTATSIRE01FT/11", a photo's OCR: blind
# probe r38a, its "Total a pagar" read as received).
FATURA_TYPE_NUMBER = re.compile(r"^FT(?![A-Z])|^FT(?=[A-Z0-9]*FT/)")
FATURA_TITLE_ALONE = re.compile(r"^\W*fatura\W*$")
RECEIPT_WORDS = re.compile(r"recib|recebid|quita[cç]|(?<![a-z])pag[oa](?![a-z])|liquidad[oa]")
# Words about receipts that do not say this document is one (blind probe r64a: an unpaid FT read as received): the
# Portal's menu "Faturas e Recibos" in the header, and the fatura's own notice that it is not a receipt ("Documento
# não serve de recibo", "não constitui recibo", "não é recibo").
RECEIPTS_MENU = re.compile(r"(?<![a-z])faturas\s+e\s+recibos(?![a-z])")
NOT_A_RECEIPT_NOTICE = re.compile(
    r"(?<![a-z])nao\s+(?:serve|vale|constitui|e|funciona)\s+(?:de\s+|como\s+)?(?:um\s+)?recibo(?![a-z])"
)


def says_received(folded: str) -> bool:
    """The line says something was received or paid, not counting the Portal's menu or a notice that the document
    is no receipt."""
    return bool(RECEIPT_WORDS.search(NOT_A_RECEIPT_NOTICE.sub(" ", RECEIPTS_MENU.sub(" ", folded))))


def only_billed(lines: list[Line], parsed: Parsed) -> bool:
    """A fatura that is no receipt: its number's type is FT or its title is "Fatura" alone, and no word of the
    page says anything was received or paid."""
    folded = [fold(line.text).strip() for line in lines]
    if any(says_received(text) for text in folded):
        return False
    number = parsed.fields.get("invoice_number")
    return (isinstance(number, str) and bool(FATURA_TYPE_NUMBER.search(number))) or any(
        FATURA_TITLE_ALONE.match(text) for text in folded
    )


# An "ato isolado" (a one-off act: a single service by someone not registered as self-employed) says so in its
# title or description, or by its type and series on the Portal ("ATI ATSIRE01AI/2").
ONE_OFF_WORDS = re.compile(r"(?<![a-z])ac?to\s+isolado(?![a-z])")
ONE_OFF_NUMBER = re.compile(r"^ATI|AI/\d+(?:-\d+)?$")


def one_off_act(lines: list[Line], parsed: Parsed) -> bool:
    """A one-off act's receipt: its income happened once, it is no month of a recurring activity."""
    number = parsed.fields.get("invoice_number")
    if isinstance(number, str) and ONE_OFF_NUMBER.search(number):
        return True
    return any(ONE_OFF_WORDS.search(fold(line.text)) for line in lines)


def caption_pairs(lines: list[Line], rows: list[list[Segment]], *, captions_below: bool) -> dict[int, list[str]]:
    """The value rows a caption row labels, each with its columns' roles: the row under each caption ("Valor
    base" / "420,00"), or with ``captions_below`` the row over it ("1.536,00" / "Valor base"), as a form's boxes
    print their captions under the values."""
    pairs: dict[int, list[str]] = {}
    for index, row in enumerate(rows):
        at = index - 1 if captions_below else index + 1
        roles = header_roles(lines[index].text)
        if row or not roles or not 0 <= at < len(rows):
            continue
        values = rows[at]
        amounts = [value for segment in values for value in segment.amounts]
        if len(roles) != len(amounts) or any(segment.role is not None for segment in values):
            continue
        # A caption over its one value (a box: "Base tributável" / "420,00") is such a header when the value
        # stands alone; a value row over its captions is figures and nothing else.
        if (len(roles) >= 2 and not captions_below) or only_figures(lines[at].text):
            pairs[at] = roles
    return pairs


def captioned(rows: list[list[Segment]], pairs: dict[int, list[str]]) -> list[Segment]:
    """Every segment, each value row of ``pairs`` as one segment per amount, its column's role its label."""
    segments: list[Segment] = []
    for index, row in enumerate(rows):
        if index in pairs:
            amounts = [value for segment in row for value in segment.amounts]
            row = [
                Segment(role, [value], index, row[0].confidence, role)
                for role, value in zip(pairs[index], amounts, strict=True)
            ]
        segments.extend(row)
    return segments


def invoice_amounts_by_boxes(
    lines: list[Line], rows: list[list[Segment]], parsed: Parsed, *, charged: frozenset[str] = frozenset()
) -> bool:
    """The amounts, each caption row read over its values or, when a caption row also sits under a row of
    figures, under them: the reading whose labels the arithmetic backs wins. Returns whether captions sit
    under their values (the document's other boxes are then read so too).

    Boxes printed one under the other ("1.536,00" / "Valor base" / "0,00" / "IVA" ...) pair each caption with
    the figures above it or below it alike; read the wrong way, every amount shifts one box. When the
    arithmetic backs neither reading (or both, differently) and nothing in the layout tells, no caption is
    used: a missing amount is better than a shifted one."""
    over = caption_pairs(lines, rows, captions_below=False)
    under = caption_pairs(lines, rows, captions_below=True)
    if not under:
        invoice_amounts(captioned(rows, over), parsed, charged=charged)
        return False
    over_holds = labels_hold(captioned(rows, over), charged=charged)
    under_holds = labels_hold(captioned(rows, under), charged=charged)
    if over_holds and (not under_holds or under_holds == over_holds):
        below = False
    elif under_holds and not over_holds:
        below = True
    else:
        direction = layout_direction(over, under)
        if direction is None:
            invoice_amounts(captioned(rows, {}), parsed, charged=charged)
            return False
        below = direction
    invoice_amounts(captioned(rows, under if below else over), parsed, charged=charged)
    return below


def labels_hold(segments: list[Segment], *, charged: frozenset[str] = frozenset()) -> tuple[Decimal, ...] | None:
    """The amounts (base, VAT, withholding, received) of the best solution when it agrees with every label
    printed, else None."""
    best = best_solution(segments, charged=charged)
    hinted = {segment.role for segment in segments if segment.role in AMOUNT_ROLES}
    if best is None or best[0] != 4 * len(hinted) or not hinted:
        return None
    return best[1:]


def layout_direction(over: dict[int, list[str]], under: dict[int, list[str]]) -> bool | None:
    """Whether captions sit under their values, as the caption rows that can be read only one way tell
    (the last box's caption with no figures under it, the first's with none over it); None when they do not
    all tell the same, or none tells."""
    # A caption row labels the value row ``at`` over it (under) or under it (over): its own index is at ± 1.
    captions_over = {at - 1 for at in over}
    captions_under = {at + 1 for at in under}
    only_over = captions_over - captions_under
    only_under = captions_under - captions_over
    if only_over and not only_under:
        return False
    if only_under and not only_over:
        return True
    return None


# The number after its "n.º" ("Fatura-Recibo n.º ATSIRE01FR/58"): a series of letters and digits, "/" and the
# sequence, the document's type before the series or not (OCR may misread it: "ER ATSIREO1FR/31").
# The type before the series may be one letter: the Portal's recibo is "N.º R ATSIRE01R/10" (blind probe r38a).
LABELLED_NUMBER = re.compile(
    r"(?<![^\W\d_])(?:[Nn]\.?\s?[ºo°]\.?|[Nn][uú]mero)\s*[:.]?\s*(?:([A-Z]{1,3})\s)?"
    r"((?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{4,})\s?/\s?((?:(?:19|20)\d{2}\s?/\s?)?\d+)(?!\d)"
)
# A receipt book's number: a series of one to three capitals and the sequence after "n.º", on the title's line
# or alone ("FATURA-RECIBO N.º A/12", "N.º B/0457"); the book's documents are faturas-recibo.
# The series may name its year: "FATURA-RECIBO Nº AP/2026/0011".
BOOK_NUMBER = re.compile(
    r"(?<![^\W\d_])(?:[Nn]\.?\s?[ºo°]\.?|[Nn][uú]mero)\s*[:.]?\s*([A-Z]{1,3}(?:\s?/\s?(?:19|20)\d{2})?)\s?/\s?(\d{1,7})"
    r"(?![\d/])"
)
# An "ato isolado"'s own numbering after its words ("Documento: Ato isolado n.º 2026/4").
ACT_NUMBER = re.compile(
    r"(?<![^\W\d_])ato\s+isolado\s*(?:n\.?\s?[ºo°]\.?|n[uú]mero)\s*[:.]?\s*([A-Z0-9]+(?:\s?/\s?\d+)?)(?![\w/])",
    re.IGNORECASE,
)
# The series printed apart from the sequence ("Série ATSIRE01FR" / "N.º 58").
SERIES = re.compile(r"(?<![^\W\d_])s[ée]rie\s*[:.]?\s*((?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{4,})(?![\w/])", re.I)
SEQUENCE = re.compile(
    r"(?<![^\W\d_])(?:n\.?\s?[ºo°]\.?|n[uú]mero)\s*(?:(?:do\s+)?documento\s*)?[:.]?\s*(\d{1,7})(?![\d/.,-])", re.I
)
# A fatura-recibo's own numbering with no series, its type and the sequence joined by a dash ("FATURA / RECIBO
# FR-008", "N.º FR-046", "Documento: FR-006"; an OCR'd dash may be long): the type in capitals, a word of its own,
# the sequence ending the number, never a date's or a code's figures after it ("FR-12-05-2026", "FR-008/2").
DASH = r"[-\u2010\u2011\u2013\u2014]"
TYPE_DASH_NUMBER = re.compile(rf"(?<![^\W_])FR\s?{DASH}\s?(\d{{1,7}})(?![\d/:-]|[.,]\d|\s?(?:{DASH}|/)\s?\d)")

# The type and the sequence a space apart after the number's caption ("FATURA-RECIBO N.º FR 40"): only after the
# caption, for "FR 40" alone may be any two words' figures.
TYPE_SPACE_NUMBER = re.compile(r"(?<![^\W\d_])(?:[Nn]\.?\s?[ºo°]\.?|[Nn][uú]mero)\s*[:.]?\s*FR\s(\d{1,7})(?![\d/.,:-])")

# Any type's code before a series and the sequence, after the number's caption: a certified program's recibo ("Recibo
# n.º: R-2026/058", "RECIBO N.º RE 2026/44"), a plain fatura ("FATURA N.º FT 2026/77"), the series a year or a code
# (blind probe r48a: the recibos' numbers unread, and a fatura's type FT unseen). The type, in capitals, is kept with
# its separator as printed: one document's numbers compare, and "FT" says it is no receipt (``only_billed``).
TYPE_AND_SERIES_NUMBER = re.compile(
    r"(?<![^\W\d_])(?:[Nn]\.?\s?[ºo°]\.?|[Nn][uú]mero)\s*[:.]?\s*([A-Z]{1,3})(\s?-\s?|\s)"
    r"([A-Z0-9]+(?:\s?/\s?[A-Z0-9]+)*\s?/\s?\d{1,7})(?![\d/])"
)

# The Portal's own series: "ATSIRE", two digits, the type ("ATSIRE01FR"); OCR reads the digits as "OI", "O1", "0l".
PORTAL_SERIES_DIGITS = re.compile(r"(?<=ATSIRE)[0-9OIL]{2}(?=[A-Z]{2}(?:/|$))")


def ocr_series(text: str) -> str:
    """The series without spaces, in capitals, an O touching a digit read as the zero it is ("ATSIREO1FR"), and the
    Portal's two digits read as letters put back ("ATSIREOIFR", doc probe 32)."""
    series = re.sub(r"O(?=\d)|(?<=\d)O", "0", re.sub(r"\s", "", text).upper())
    return PORTAL_SERIES_DIGITS.sub(lambda match: match.group(0).translate(str.maketrans("OIL", "011")), series)


def series_type(series: str, printed: str | None = None) -> str:
    """The document's type code before its series. The Portal names a series after its type ("ATSIRE01FR" is a
    fatura-recibo's, "ATSIRE01AI" an ato isolado's): that wins over a type OCR misread ("ER"); with no type
    printed and none in the series' name, the document is a fatura-recibo."""
    if printed in ("FR", "ATI"):
        return printed
    if series.endswith("FR"):
        return "FR"
    if series.endswith("AI"):
        return "ATI"
    return printed or "FR"


def invoice_number(lines: list[Line], parsed: Parsed) -> None:
    """The document's number: its type and series with the sequence ("FR ATSIRE01FR/58"), else the series
    after a "n.º" with the type left to the title, else an "ato isolado"'s own number, else the type and the
    sequence joined by a dash ("FR-008"), else the series and the sequence printed apart. The type is kept in the
    number so that one document's numbers compare."""
    lines = with_wrapped_sequences(lines)
    for line in lines:
        number = NUMBER.search(fix_digits(line.text))
        if number:
            parsed.put("invoice_number", ocr_series(number.group(1)), span_confidence(line, number.span(1)))
            return
    for line in lines:
        labelled = LABELLED_NUMBER.search(line.text)
        if labelled:
            series, in_series = ocr_series(labelled.group(2)), re.sub(r"\s", "", labelled.group(3))
            parsed.put("invoice_number", f"{series_type(series, labelled.group(1))}{series}/{in_series}",
                       span_confidence(line, (labelled.start(2), labelled.end(3))))  # fmt: skip
            return
    for line in lines:
        book = BOOK_NUMBER.search(line.text)
        if book and book_number_line(line.text, book):
            series = re.sub(r"\s", "", book.group(1))
            parsed.put("invoice_number", f"FR{series}/{book.group(2)}", line.confidence)
            return
    for line in lines:
        act = ACT_NUMBER.search(line.text)
        if act and re.search(r"\d", act.group(1)):
            parsed.put("invoice_number", ocr_series(act.group(1)), line.confidence)
            return
    for line in lines:
        dashed = TYPE_DASH_NUMBER.search(fix_digits(line.text))
        if dashed:
            parsed.put("invoice_number", f"FR-{dashed.group(1)}", line.confidence)
            return
    for line in lines:
        spaced = TYPE_SPACE_NUMBER.search(fix_digits(line.text))
        if spaced:
            parsed.put("invoice_number", f"FR {spaced.group(1)}", line.confidence)
            return
    for line in lines:
        typed = TYPE_AND_SERIES_NUMBER.search(fix_digits(line.text))
        if typed:
            separator = "-" if "-" in typed.group(2) else " "
            series_and_sequence = re.sub(r"\s", "", typed.group(3))
            parsed.put("invoice_number", f"{typed.group(1)}{separator}{series_and_sequence}", line.confidence)
            return
    for index, line in enumerate(lines):
        found = SERIES.search(line.text)
        if not found:
            continue
        # The sequence is printed with its series: on its line or the next to it, never a paragraph's "n.º".
        for near_line in lines[max(0, index - 1) : index + 2]:
            sequence = SEQUENCE.search(near_line.text)
            if sequence:
                series = ocr_series(found.group(1))
                confidence = min(line.confidence, near_line.confidence)
                parsed.put("invoice_number", f"{series_type(series)}{series}/{sequence.group(1)}", confidence)
                return
        return


def span_confidence(line: Line, span: tuple[int, int]) -> float:
    """How sure OCR was of the text at ``span`` of ``line``: its least sure word there, else the line's mean. A number
    is as sure as its own word: the line's mean hides it among its caption's clear words (blind probe r81a, F3: a
    photo's "ATSIREO1FR/11" read "/1" at 0.35 on a line of 0.74, which the numbering rule compared)."""
    words = list(re.finditer(r"\S+", line.text))
    if len(words) != len(line.word_confidences):
        return line.confidence
    start, end = span
    within = [
        line.word_confidences[index][1] for index, word in enumerate(words) if word.start() < end and word.end() > start
    ]
    return min(within) if within else line.confidence


# A number a narrow cell wrapped after its "/" ("FATURA-RECIBO N.º FR ATSIRE01FR/" over "37"): the line ends in the
# series and its slash, the next opens with the sequence alone (blind probe r56a: a grid's number unread).
CUT_AT_SLASH = re.compile(r"[A-Z0-9]\s?/\s*$")
WRAPPED_SEQUENCE = re.compile(r"^\s*(\d{1,7})(?![\d.,/:-])")


def with_wrapped_sequences(lines: list[Line]) -> list[Line]:
    """The lines, each that ends in a series cut at its slash with the sequence the next line opens with."""
    joined = []
    for index, line in enumerate(lines):
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        sequence = WRAPPED_SEQUENCE.match(following) if CUT_AT_SLASH.search(line.text) else None
        joined.append(replace(line, text=line.text.rstrip() + sequence.group(1)) if sequence else line)
    return joined


def book_number_line(text: str, number: re.Match[str]) -> bool:
    """A receipt book's number stands alone on its line or after the document's title, nothing else beside it
    ("FATURA-RECIBO N.º A/12"), never in a sentence's reference ("nos termos do n.º A/12 ...")."""
    rest = DOCUMENT_TITLE.sub(" ", text[: number.start()] + " " + text[number.end() :])
    return not re.search(r"[^\W\d_]{2,}", rest)


def invoice_issue_date(lines: list[Line], parsed: Parsed, *, captions_below: bool = False) -> None:
    """The date after its label on the label's line; else under a "Data" caption with no figures on its line
    ("Data" / "14-04-2026"; a scan's caption row "Cliente  Data" over "<name>  14-04-2026"), or over it when
    the document's boxes print their captions under the values ("02/06/2026" / "Data de emissão")."""
    for pattern in DATE_LABELS:
        for line in lines:
            label = pattern.search(fold(line.text))
            dates = labelled_issue_dates(line.text[label.end() :]) if label else []
            if dates:
                parsed.put("issue_date", dates[0], line.confidence)
                return
    for above, below in itertools.pairwise(lines):
        line, value = (below, above) if captions_below else (above, below)
        folded = fold(line.text)
        if DATE_CAPTION.search(folded) and not re.search(r"\d", folded):
            dates = labelled_issue_dates(value.text)
            if dates:
                parsed.put("issue_date", dates[0], value.confidence)
                return
    for line, below in itertools.pairwise(lines):
        if DATE_FIRST_CAPTION.search(fold(line.text)) and not re.search(r"\d", line.text):
            first = first_date_of_row(below.text)
            if first is not None:
                parsed.put("issue_date", first, below.confidence)
                return
    for line in lines:
        # No label: the place and the date written out, as a letter dates itself ("Lisboa, 9 de março de 2026").
        place = PLACE_AND_DATE.search(line.text)
        dates = written_dates(line.text[place.end() :]) if place else []
        if dates:
            parsed.put("issue_date", dates[0], line.confidence)
            return
    for line in lines:
        # No label and no place: the date in figures after the document's title, number or ATCUD on their line,
        # as a heading prints it ("FATURA-RECIBO FR ATSIRE01FR/103 30.11.2026", "ATCUD JVB3X2L9-5 · 2026-06-19");
        # a service's dates are never there.
        text = fix_digits(line.text)
        end = heading_end(text)
        after = without_atcud_code(text)[end:] if end is not None else ""
        # In figures, or written out after a separator ("FR ATSIRE01FR/103 · 27 de fevereiro de 2026").
        dates = parse_dates(after) or written_dates(after)
        if dates:
            parsed.put("issue_date", dates[0], line.confidence)
            return
    for line, below in itertools.pairwise(lines):
        # ... or alone on the line under them, the heading's own second line ("Fatura-Recibo FR 2026/37" /
        # "2026.10.15").
        if heading_end(fix_digits(line.text)) is not None and date_alone(below.text):
            parsed.put("issue_date", parse_dates(below.text)[0], below.confidence)
            return


# A row of captions that opens with "Data" over a row of values ("Data | Vencimento | Moeda | Cond. pagamento" /
# "15/10/2026 | 15/10/2026 | EUR | Pronto pagamento", an accountant's program's shaded row: blind probe r38a, its
# date not read). The first caption is the document's date; "Data de vencimento" is one caption, another date's.
DATE_FIRST_CAPTION = re.compile(r"^\W*data(?:\s+(?:de\s+)?emiss[aã]o)?\s+(?!d[aeo]s?\s)(?:\S{1,2}\s+)?[a-z]{3,}")
# What OCR may put before a row's first value: specks, a quote mark, a stray letter ("o “08/09/2026 ...").
ROW_START_NOISE = re.compile(r"^[\W_]*(?:[^\W\d_][\W_]+)?")


def first_date_of_row(text: str) -> dt.date | None:
    """The date the row of values opens with (after OCR's specks), in the caption row's first column."""
    row = ROW_START_NOISE.sub("", fix_digits(text), count=1)
    for pattern in (DATE_DMY, DATE_YMD):
        match = pattern.match(row)
        if match:
            dates = parse_dates(match.group(0))
            return dates[0] if dates else None
    return None


def labelled_issue_dates(text: str) -> list[dt.date]:
    """The dates after a date of issue's label or under its caption: with the year in full, else with two
    figures ("Data de emissão: 10/02/26"), as invoicing software prints them to save room."""
    return dates_in(text) or issue_dates_short_year(text)


# The ATCUD ("ATCUD: JVB3X2L9-5", the series' validation code and the sequence) names the document as its
# number does; the code's figures are no date ("ATCUD CSDF7T5H-5 2026-06-19" is no 9 May).
ATCUD = re.compile(r"(?<![^\W\d_])(ATCUD)(?![^\W\d_])(\s*[:.]?\s*[A-Z0-9]+-\d+)?")


def without_atcud_code(text: str) -> str:
    """The line with each ATCUD's code blanked out, the same length."""
    return ATCUD.sub(lambda match: match.group(1) + " " * len(match.group(2) or ""), text)


def heading_end(text: str) -> int | None:
    """Where the document's number (else its title, else its ATCUD) ends on a line, None when it holds none."""
    heading = NUMBER.search(text) or DOCUMENT_TITLE.search(text) or ATCUD.search(text)
    return heading.end() if heading else None


def date_alone(text: str) -> bool:
    """A line that is one date in figures and nothing else ("2026.10.15", "15/10/2026")."""
    repaired = fix_digits(text).strip(" .,;:-–—")
    return any(pattern.fullmatch(repaired) for pattern in (DATE_DMY, DATE_YMD)) and bool(parse_dates(repaired))


# A place's name and a comma before a date written with the month's name ("Lisboa, 9 de março de 2026",
# "Vila Nova de Gaia, 3 de maio de 2026").
PLACE_AND_DATE = re.compile(
    r"(?<![^\W\d_])[A-ZÀ-Ý][^\W\d_]+(?:\s+(?:d[aeo]s?\s+)?[A-ZÀ-Ý][^\W\d_]+)*\s*,\s*(?=\d{1,2}(?:\.?[ºo])?\s+de\s+[^\W\d_]{3,})"
)


Solution = tuple[float, Decimal, Decimal, Decimal, Decimal]
AMOUNT_ROLES = ("base_amount", "vat_amount", "irs_withholding", "amount_received")


def taxes_captioned_apart(lines: list[Line], rows: list[list[Segment]]) -> frozenset[str]:
    """The taxes (VAT, withholding) whose caption the page prints on a line with no amount, not waived: "IVA
    Taxa 23%" with its "632,50 €" written elsewhere in the text layer (Chromium puts right-floated amounts first,
    blind probe r56a). Such a caption says the tax is charged, only not where its figure is."""
    charged: set[str] = set()
    for line, row in zip(lines, rows, strict=True):
        if row or WAIVED.search(fold(line.text)):
            continue
        charged.update(role for role in header_roles(line.text) if role in ("vat_amount", "irs_withholding"))
    return frozenset(charged)


def amount_solutions(segments: list[Segment], *, charged: frozenset[str] = frozenset()) -> list[Solution]:
    """Every (score, base, VAT, withholding, received) among the amounts printed for which the arithmetic holds,
    best first: each amount its label names scores, each a label names otherwise costs.

    Of solutions scored alike, one that places a printed figure in each tax ``charged`` (captioned apart from
    its figure) comes first: a printed tax is no zero. With the VAT equal to the withholding (23 % each, the
    liberal professions' everyday case) the base is the receipt, and "no VAT, no withholding" holds as well;
    it won on the order the solutions were found in (blind probe r56a), the four figures read 0."""
    printed = Counter(value for segment in segments for value in segment.amounts)
    pool = sorted(printed)
    hints: dict[str, set[Decimal]] = {}
    for segment in segments:
        if segment.role:
            hints.setdefault(segment.role, set()).add(segment.value)
    solutions: list[Solution] = []
    bases = sorted({*pool, *item_totals(segments)})
    for base, received in itertools.product(bases, pool):
        if base <= 0:
            continue
        vat_options = {Decimal("0"), *(v for v in pool if any(near(v, base, rate) for rate in VAT_RATES))}
        # A withholding its label names counts at any rate up to the highest (a rate printed wrong, or one not
        # listed): the sum must still hold exactly among the amounts printed.
        withholding_options = {
            Decimal("0"),
            *(v for v in pool if any(near(v, base, rate) for rate in WITHHOLDING_RATES)),
            *(v for v in hints.get("irs_withholding", set()) if 0 < v <= base * WITHHOLDING_RATES[0]),
        }
        for vat, withholding in itertools.product(vat_options, withholding_options):
            if base + vat - withholding != received or (vat == 0 and withholding == 0 and base != received):
                continue
            # One figure printed once is the VAT or the withholding, not both ("IVA 23% 99,10" on a shop's
            # receipt is no 23% withholding that cancels it).
            if vat and vat == withholding and printed[vat] < 2:
                continue
            score = 0.0
            for role, value in (("base_amount", base), ("amount_received", received), ("vat_amount", vat),
                                ("irs_withholding", withholding)):  # fmt: skip
                hinted = hints.get(role, set())
                if value in hinted:
                    score += 4
                elif hinted:
                    score -= 5
            solutions.append((score, base, vat, withholding, received))

    def taxes_placed(solution: Solution) -> int:
        return sum(1 for role, value in (("vat_amount", solution[2]), ("irs_withholding", solution[3]))
                   if role in charged and value)  # fmt: skip

    solutions.sort(key=lambda solution: (solution[0], taxes_placed(solution)), reverse=True)
    return solutions


def best_solution(segments: list[Segment], *, charged: frozenset[str] = frozenset()) -> Solution | None:
    """The solution the labels back, or the only one with VAT and withholding at legal rates. (Any amount is
    its own base and receipt with no VAT and no withholding: that says nothing.)"""
    solutions = amount_solutions(segments, charged=charged)
    telling = [solution for solution in solutions if solution[2] or solution[3]]
    unique = len(telling) == 1 and telling[0] == solutions[0] and telling[0][0] >= 0
    if solutions and (solutions[0][0] >= 4 or unique):
        return solutions[0]
    return None


def invoice_amounts(segments: list[Segment], parsed: Parsed, *, charged: frozenset[str] = frozenset()) -> None:
    best = best_solution(segments, charged=charged)
    if best is not None:
        score, *amounts = best
        contradicted = contradicted_labels(segments, dict(zip(AMOUNT_ROLES, amounts, strict=True)))
        for name, value in zip(AMOUNT_ROLES, amounts, strict=True):
            if name in contradicted:
                # The printed value its label names is kept; the sum that then fails is the checks' mismatch.
                parsed.put(name, contradicted[name], 0.8)
            else:
                parsed.put(name, value, VALIDATED_CONFIDENCE if score >= 4 and not contradicted else 0.85)
        return
    # No reading adds up: each amount as its own caption prints it, and the checks flag the sum (blind probe r64a).
    for role in AMOUNT_ROLES:
        values = [segment.value for segment in segments if segment.role == role]
        if role == "irs_withholding":
            values = [value for value in values if withholding_possible(value, parsed.fields.get("base_amount"))]
        if values:
            parsed.put(role, values[0], 0.8)
    figure_misread_mended(segments, parsed)


# A figure put right by the arithmetic is worked out, not read: said so (``derived:``), at the pensions' and payslips'
# confidence for such a figure.
MENDED_CONFIDENCE = 0.6


def figure_misread_mended(segments: list[Segment], parsed: Parsed) -> None:
    """The one amount of four read off a scan or a photo that OCR misread by a digit, put right: base + VAT −
    withholding ≠ received, and exactly one of the four, solved from the other three, is one digit away from the
    figure read (``common.one_digit_apart``, the payslips' and pensions' test) with the taxes then at rates the law
    knows of the base. Blind probe r75a: a photo's bold "Importância recebida 1.125,00 €" read 4.125,00 beside its
    base 1.500,00 and its 25 % withholding 375,00; the invoice failed its arithmetic and its month went uncounted.
    The rates choose between the readings (a base read 4.500,00 would make the 375,00 no legal rate of it); two
    readings left, or none, and nothing is mended: the checks flag the sum. A text layer misreads nothing: its
    figures stand (ADR 024, amended)."""
    read = {role: value for role in AMOUNT_ROLES if isinstance(value := parsed.fields.get(role), Decimal)}
    if len(read) != len(AMOUNT_ROLES):
        return
    base, vat, withholding, received = (read[role] for role in AMOUNT_ROLES)
    if base + vat - withholding == received:
        return
    solved = {
        "base_amount": received - vat + withholding,
        "vat_amount": received - base + withholding,
        "irs_withholding": base + vat - received,
        "amount_received": base + vat - withholding,
    }
    mends = [
        (role, wanted)
        for role, wanted in solved.items()
        if wanted > 0
        and read_by_ocr(segments, read[role])
        and one_digit_apart(wanted, read[role])
        and taxes_at_legal_rates({**read, role: wanted})
    ]
    if len(mends) != 1:
        return
    role, wanted = mends[0]
    parsed.fields[role] = wanted
    parsed.confidence[role] = min(parsed.confidence.get(role, 1.0), MENDED_CONFIDENCE)
    parsed.warnings.append(f"derived:{role}")


def read_by_ocr(segments: list[Segment], value: Decimal) -> bool:
    """Whether every printed figure ``value`` was read from is OCR's (a text layer's line is read at 1.0)."""
    carriers = [segment for segment in segments if value in segment.amounts]
    return bool(carriers) and all(segment.confidence < 1.0 for segment in carriers)


def taxes_at_legal_rates(amounts: dict[str, Decimal]) -> bool:
    """Whether the VAT and the withholding are each none or a rate the law knows of the base (``near``)."""
    base, vat, withholding = amounts["base_amount"], amounts["vat_amount"], amounts["irs_withholding"]
    return (not vat or any(near(vat, base, rate) for rate in VAT_RATES)) and (
        not withholding or any(near(withholding, base, rate) for rate in WITHHOLDING_RATES)
    )


def withholding_possible(withholding: Decimal, base: object) -> bool:
    """At most the highest rate of the base (art. 101.º CIRS): a figure equal to the base is never the IRS withheld,
    whatever caption shares its line."""
    return not isinstance(base, Decimal) or withholding <= base * WITHHOLDING_RATES[0]


def contradicted_labels(segments: list[Segment], solution: dict[str, Decimal]) -> dict[str, Decimal]:
    """Each amount whose label names one value the solution has no place for, with that value (ADR 024).

    "Valor base 900,00", "IVA 23% 207,00", "Retenção IRS 23% 207,00", "Valor recebido 1.107,00": the sum holds
    only with the base taken for the receipt (or the withholding dropped); an altered document looks so. A label
    whose figure the solution already places in another role (each time it is printed) was a loose hint, not a
    contradiction; nor is a label naming different figures on different lines."""
    labelled: dict[str, list[Decimal]] = {}
    for segment in segments:
        if segment.role in AMOUNT_ROLES:
            labelled.setdefault(segment.role, []).append(segment.value)
    used = Counter(value for value in solution.values() if value)
    printed = Counter(value for segment in segments for value in segment.amounts)
    contradicted: dict[str, Decimal] = {}
    waived = any(WAIVED.search(fold(segment.label)) for segment in segments if segment.role == "irs_withholding")
    for role, values in labelled.items():
        value = values[0]
        if len(set(values)) != 1 or value == solution[role] or printed[value] <= used[value]:
            continue
        if role == "irs_withholding" and waived and not solution[role]:
            # "Retenção na fonte de IRS — Dispensa (art.º 101.º-B, n.º 1 ...)": the label says there is none; a
            # figure on its line is the legal reference's, as OCR read it ("101.º-8,00€1").
            continue
        contradicted[role] = value
    return contradicted


# A withholding its label says is not made: dispensed, not due, exempt.
WAIVED = re.compile(r"dispens|nao\s+sujeit|isent|sem\s+retenc")


# A tax's rate printed on its label's line ("IVA (23%)", "Retenção na fonte IRS (25%)", "IVA 23% 99,10"): the
# amount the page must hold for it, the base times the rate.
PRINTED_RATE = re.compile(r"(?<![\d.,])(\d{1,2}(?:[.,]\d{1,2})?)\s?%")
# The amounts of a fatura-recibo whose taxes contradict their printed rates: doubted, below what any check passes.
RATE_MISMATCH_CONFIDENCE = 0.4


def printed_rates(lines: list[Line]) -> dict[str, Decimal]:
    """The VAT and withholding rates the page prints beside their labels, each a rate the law knows (art. 101.º
    CIRS's withholding, the VAT's mainland and islands' rates); a rate OCR misread to another is no evidence.
    A label that says the tax is waived or exempt prints no rate to hold."""
    rates: dict[str, Decimal] = {}
    for line in lines:
        folded = fold(line.text)
        if WAIVED.search(folded):
            continue
        # Each label's words once, as ``header_roles`` takes them: "Total s/ IVA" is the base's, no VAT's.
        taken: list[tuple[int, int, str]] = []
        for role, pattern in ROLE_PATTERNS:
            for match in pattern.finditer(folded):
                if not any(start < match.end() and match.start() < end for start, end, _ in taken):
                    taken.append((match.start(), match.end(), role))
        taken.sort()
        for index, (_, end, role) in enumerate(taken):
            if role not in ("vat_amount", "irs_withholding"):
                continue
            # The rate after the label, before the next label's words.
            until = taken[index + 1][0] if index + 1 < len(taken) else len(folded)
            rate = PRINTED_RATE.search(folded, end, until)
            if rate is None:
                continue
            value = Decimal(rate.group(1).replace(",", ".")) / 100
            legal = VAT_RATES if role == "vat_amount" else WITHHOLDING_RATES
            if value in legal:
                rates.setdefault(role, value)
    return rates


def printed_rates_hold(lines: list[Line], parsed: Parsed) -> None:
    """Flag the amounts when a tax read is not its printed rate of the base read (blind probe r51a: a photo in
    low light read "2.300,50" as "2.30", the VAT and withholding lines unread, and the sum "2,30 + 0 - 0 = 2,30"
    held at 0.99 beside a printed "Retenção na fonte IRS (25%)"). The sum alone cannot tell; the rate can. The
    amounts are kept, doubted, and ``arithmetic_mismatch`` keeps them out of the income counted."""
    base = parsed.fields.get("base_amount")
    if not isinstance(base, Decimal) or base <= 0:
        return
    for role, rate in printed_rates(lines).items():
        read = parsed.fields.get(role)
        if not isinstance(read, Decimal):
            continue
        # The Portal rounds each tax to the cent; a cent either way is its rounding of a rate like 16,5%.
        if abs((base * rate).quantize(CENT, rounding=ROUND_HALF_UP) - read) > CENT:
            amounts_doubted(parsed)
            return


def amounts_doubted(parsed: Parsed) -> None:
    """``arithmetic_mismatch``, and each amount read at most at ``RATE_MISMATCH_CONFIDENCE``: kept, never trusted."""
    if "arithmetic_mismatch" not in parsed.warnings:
        parsed.warnings.append("arithmetic_mismatch")
    for name in AMOUNT_ROLES:
        if name in parsed.confidence:
            parsed.confidence[name] = min(parsed.confidence[name], RATE_MISMATCH_CONFIDENCE)


def converted_payment_holds(lines: list[Line], rows: list[list[Segment]], parsed: Parsed) -> None:
    """Flag the amounts when the euros a line gives beside an amount in another currency ("Pago em USD 3,350.00
    (contravalor em euros à taxa do dia: 2.907,50 €)") are neither the amount received nor the base read: the
    captioned totals are kept, doubted, never silently chosen over the note (blind probe r66a)."""
    read = {parsed.fields.get(name) for name in ("amount_received", "base_amount")}
    if not any(isinstance(value, Decimal) for value in read):
        return
    for line, row in zip(lines, rows, strict=True):
        converted = {value for segment in row for value in segment.amounts}
        if not converted or not FOREIGN_AMOUNT.search(line.text) or converted & read:
            continue
        amounts_doubted(parsed)
        return


def item_totals(segments: list[Segment]) -> set[Decimal]:
    """The sum of each run of item lines (consecutive lines of one unlabelled amount each, two lines at least):
    the base when no line prints it. The arithmetic still decides whether it is one."""
    by_line: dict[int, list[Segment]] = {}
    for segment in segments:
        by_line.setdefault(segment.line_index, []).append(segment)
    runs: list[list[Decimal]] = []
    last = -2
    for index, row in sorted(by_line.items()):
        if len(row) == 1 and row[0].role is None and row[0].value > 0:
            if index != last + 1 or not runs:
                runs.append([])
            runs[-1].append(row[0].value)
            last = index
        else:
            last = -2
    return {sum(run, Decimal(0)) for run in runs if len(run) >= 2}


def near(value: Decimal, base: Decimal, rate: Decimal) -> bool:
    return abs((base * rate).quantize(CENT, rounding=ROUND_HALF_UP) - value) <= CENT


# The receipt's own sentence names who paid: "Recebi de Joaquim Serrão, NIF 110293843, a quantia de ...",
# "Recebemos do Sr. Rui Sá (contribuinte n.º ...) a importância de ...".
RECEIVED_FROM = re.compile(
    r"(?i)(?<![^\W\d_])receb(?:i|emos|ido|ida)\s+(?:de|d[oa])\s+(?P<name>[^\d,;()]+?)"
    r"\s*[,;(]?\s*(?:(?:com\s+(?:o\s+)?)?(?:NIF|N\.\s?I\.\s?F\.?|NIPC|contribuinte)(?:\s+n\.?\s?[ºo°]\.?)?\s*[:.]?\s*"
    r"(?P<nif>\d{3}\s?\d{3}\s?\d{3})(?!\d)|(?=[,;]?\s*(?:a|o)\s+(?:quantia|import[aâ]ncia|montante|valor)(?![^\W\d_])))"
)

# A receipt's caption of who paid, the name to the end of the line: "Recebi de: Clínica ..., Lda." (blind probe r48a:
# a recibo's client unread, only the NIF under its own caption).
RECEIVED_FROM_CAPTION = re.compile(r"(?i)^\W*receb(?:i|emos|ido|ida)\s+(?:de|d[oa])\s*:\s*(?P<name>\S.*?)\s*$")


def received_from(lines: list[Line], parsed: Parsed) -> str | None:
    """The acquirer the receipt's "Recebi de <name>, NIF <nif>, a quantia de ..." names, put first; the NIF's
    digits are returned (they are not the issuer's)."""
    for line in lines:
        captioned = RECEIVED_FROM_CAPTION.match(line.text)
        if captioned and not RECEIVED_FROM.search(line.text):
            name = party_name(captioned["name"])
            if name and len(name.split()) >= 2 and capitalised(name):
                # The caption ends where the name starts and the line ends with it: with no figure after it (a
                # date, a NIF) it is kept as printed, a firm's "&" and legal form too ("... & Associados, SP RL").
                printed = captioned["name"].strip(" ;:")
                if not re.search(r"\d", printed):
                    name = title_case(printed) if printed.isupper() else printed
                parsed.put("acquirer_name", name, line.confidence)
                return None
        match = RECEIVED_FROM.search(line.text)
        if not match:
            continue
        name = party_name(match["name"])
        if not name or len(name.split()) < 2 or not capitalised(name):
            continue
        parsed.put("acquirer_name", name, line.confidence)
        if match["nif"]:
            nif = re.sub(r"\s", "", match["nif"])
            if parse_nifs(nif)[0][1]:
                parsed.put("acquirer_nif", nif, VALIDATED_CONFIDENCE)
                return nif
        return None
    return None


# A NIF printed under its caption but read off an image a digit short or long: unread, and said so, as a payslip's
# (blind probe r49a: a browser's screenshot read the acquirer's "NIF: 566164760" as "NIE 56664760", and the
# fatura-recibo came with no acquirer's NIF and no word of it). The caption as OCR misreads it ("NIE", "N1F") too.
NIF_UNREAD = "nif_unread"
NIF_RUN = re.compile(
    r"(?<![A-Za-z])(?:N\.?\s?[I1l|!]\.?\s?[FE]\.?|NIPC|[Cc]ontribuinte(?:\s+[Nn]\W{0,3}[oº°]?)?)[\s:.]*(\d[\d .]{5,12}\d)(?!\d)"
)
NIF_DIGITS = 9


def nif_run_unread(text: str) -> bool:
    """Whether a NIF's caption on the line is followed by a run of digits that is no NIF's nine."""
    return any(len(re.sub(r"\D", "", match.group(1))) != NIF_DIGITS for match in NIF_RUN.finditer(text))


def invoice_parties(lines: list[Line], parsed: Parsed, *, captions_below: bool = False) -> None:
    """The issuer's block comes first (or under a "prestador" label), the acquirer's under its label; with
    ``captions_below`` each value sits over its caption ("<name>" / "Nome do adquirente")."""
    payer_nif = received_from(lines, parsed)
    # None once whose an unlabelled NIF is cannot be told (``side_by_side``'s boxes): such a NIF is left unread.
    party: str | None = "issuer"
    side_by_side = joined = False
    # The side-by-side boxes' columns, where the heading's words' boxes show them: (the right column's left edge, the
    # party over the left column, the party over the right one).
    columns: tuple[float, str, str] | None = None
    # Per party, the lines read from its column, and whether it held the party's NIF.
    column_lines: dict[str, int] = {}
    column_nifs: set[str] = set()
    boxes_start = 0
    # The line each party's name was read from: a name read from the line just above two NIFs is both names.
    name_lines: dict[str, int] = {}
    issuer_labelled = False
    rendered_to = False
    # The parties whose NIF's caption was read over a run of too few or too many digits (``nif_run_unread``).
    unread: set[str] = set()
    # Past the heading's lines where OCR split the heading in two (``split_heading``), and past the lines under the
    # heading parted into the two boxes.
    heading_end = split_boxes_end = 0
    for index, line in enumerate(lines):
        folded = PARTY_NOTE.sub(lambda note: " " * len(note.group(0)), fold(line.text))
        entity = ENTITY_LABEL.search(folded) if issuer_labelled else None
        issuer_labelled = issuer_labelled or bool(ISSUER_LABEL.search(folded))
        # A foreign VAT number's digits ("DE136695976") are no Portuguese NIF, nor is a phone number.
        nif_text = joined_nif(without_phones(without_foreign_vat(line.text)))
        if index < heading_end:
            continue  # the second line of a heading OCR split in two, read with the first
        if side_by_side_heading(folded):
            side_by_side = joined = True
            boxes_start = index + 1
            columns = heading_columns(line, folded)
            # OCR reads the two boxes under the heading across, each line the issuer's words then the acquirer's
            # (blind probe r64a: a clean image-only PDF, a photo, a scan: name beside name, address beside
            # address, "NIF: ... PORTUGAL"): each line is parted at the columns' edge, as under a split heading.
            split_boxes_end = boxes_start + SPLIT_BOX_LINES if columns else 0
            column_lines, column_nifs = {}, set()
            continue
        split = split_heading(lines, index)
        if split:
            # The two captions side by side, OCR reading one a line above the other (blind probe r62a: a photo's
            # "Adquirente" over "Transmitente / Prestador de serviços   <the client's name>", the client's NIF then
            # read as the first after the issuer's caption): each line is parted at the columns' edge.
            columns, heading_end = split
            split_boxes_end = heading_end + SPLIT_BOX_LINES
            side_by_side = joined = True
            boxes_start = heading_end
            column_lines, column_nifs = {}, set()
            for heading_line in lines[index:heading_end]:
                for part_party, part in column_parts(heading_line, columns) or []:
                    if not caption_alone(fold(part.text)):
                        read_box_line(part, part_party, parsed, column_lines, column_nifs)
            continue
        box_party = line_column(line, columns) if side_by_side and columns else None
        if box_party:
            read_box_line(line, box_party, parsed, column_lines, column_nifs)
            continue
        parts = column_parts(line, columns) if side_by_side and columns and index < split_boxes_end else None
        if parts:
            for part_party, part in parts:
                read_box_line(part, part_party, parsed, column_lines, column_nifs)
            continue
        if side_by_side and columns and column_lines:
            # A line across both columns (the description under the boxes) ends them; a NIF after them is no
            # column's, and whose it is cannot be told.
            side_by_side, party = False, None
        if side_by_side:
            # The two boxes side by side, read across (a scan, some PDFs): a line with two NIFs gives the
            # issuer's first and the acquirer's second; the names on the joined line above them only where
            # the line tells where the first name ends.
            nifs = parse_nifs(nif_text)
            if len(nifs) == 2:
                for role, (nif, valid) in zip(("issuer", "acquirer"), nifs, strict=True):
                    if valid:
                        parsed.put(f"{role}_nif", nif, VALIDATED_CONFIDENCE)
                    else:
                        parsed.warnings.append(nif_check_failed(line))
                names = side_by_side_names(lines[boxes_start:index], nif_text)
                if names:
                    for role, box_name in zip(("issuer", "acquirer"), names, strict=True):
                        parsed.put(f"{role}_name", box_name, min(line.confidence, lines[index - 1].confidence))
                side_by_side = False
            elif nifs:
                # One NIF under two boxes: whose it is cannot be told, so neither; nor the next unlabelled one's (the
                # other box's, read after it).
                side_by_side, party = False, None
            continue
        if ACQUIRER_LABEL.search(folded) or entity:
            party = "acquirer"
        elif ISSUER_LABEL.search(folded):
            party = "issuer"
        nifs = parse_nifs(nif_text)
        if rendered_to and nifs:
            # The acquirer's line after "prestou a": its name before its NIF ("Condomínio ... — NIPC ...").
            party, rendered_to = "acquirer", False
            name = name_before_nif(line.text)
            if name:
                parsed.put("acquirer_name", name, line.confidence)
                name_lines["acquirer"] = index
        if len(nifs) == 2 and two_boxes_nifs(folded):
            # Two NIFs on one unlabelled line are two boxes read across: the issuer's (left), then the
            # acquirer's. The line above them, when a name was read from it, held both names run together.
            for role, (nif, valid) in zip(("issuer", "acquirer"), nifs, strict=True):
                if valid:
                    parsed.fields.pop(f"{role}_nif", None)
                    parsed.confidence.pop(f"{role}_nif", None)
                    parsed.put(f"{role}_nif", nif, VALIDATED_CONFIDENCE)
                else:
                    parsed.warnings.append(nif_check_failed(line))
            for role, at in list(name_lines.items()):
                if at == index - 1:
                    parsed.fields.pop(f"{role}_name", None)
                    parsed.confidence.pop(f"{role}_name", None)
            joined = True
            continue
        if (party == "acquirer" or ACQUIRER_LABEL.search(folded)) and "acquirer_nif" not in parsed.fields:
            acquirer_foreign_vat(line.text, parsed)
        owners = nif_owners(nif_text, caption_party(lines, index, party) if captions_below else party)
        for (nif, valid), owner in zip(nifs, owners, strict=True):
            if nif == payer_nif or owner is None:
                continue  # the payer's, read from the receipt's sentence; or nobody's that can be told
            if valid:
                parsed.put(f"{owner}_nif", nif, VALIDATED_CONFIDENCE)
            elif re.search(r"nif|contribuinte|fiscal", folded):
                parsed.warnings.append(nif_check_failed(line))
        if not nifs and party and line.confidence < 1.0 and nif_run_unread(line.text):
            unread.add(party)
        if RENDERED_TO.search(folded) and "acquirer_nif" not in parsed.fields:
            rendered_to = True
        label = ACQUIRER_LABEL.search(folded) or ISSUER_LABEL.search(folded) or entity
        if label and NIF_QUALIFIER.search(folded[: label.start()]):
            continue  # "NIF emitente: ...": the label is the NIF's; the line below is no name
        if label and party and f"{party}_name" not in parsed.fields:
            # A label in one of two columns a read joined ("Fatura-Recibo   Exmo.(s) Sr.(s)" / "N.º FR 2026/16   Rita
            # ..."): the name is read from its column first, then as the lines are.
            # A name beside its caption on the caption's line is its value, whatever column the words' boxes
            # put it in ("Adquirente   Clínica ..., Lda   NIF ...", a portal's print view with no colon: blind
            # probe r52a, the label's column alone followed down gave the description under it at 1.0).
            beside = label_name(lines, index, line.text[label.end() :], captions_below=captions_below)
            if not (beside and beside[1] == index and name_beside(beside[0])):
                beside = None
            column = label_column(lines, index, label.start(), label.end()) if beside is None else None
            found = label_name(*column, captions_below=captions_below) if column else None
            read_from = column[0] if found and column else lines
            found = beside or found or label_name(lines, index, line.text[label.end() :], captions_below=captions_below)
            if found:
                parsed.put(f"{party}_name", found[0], name_confidence(read_from, index, found[1]))
                name_lines[party] = found[1]
    if any(f"{role}_nif" not in parsed.fields for role in unread):
        parsed.warnings.append(NIF_UNREAD)
    if "issuer_name" not in parsed.fields and parsed.fields.get("issuer_nif") and not joined:
        # The portal prints the issuer's name alone, just above the issuer's NIF.
        at = next(i for i, line in enumerate(lines) if parsed.fields["issuer_nif"] in re.sub(r"\s", "", line.text))
        # A name alone on the line above the NIF's is the issuer's; the NIF's line then lists what the issuer
        # does ("Explicações de Matemática e Físico-Química · NIF ..."), not who.
        above = lines[at - 1 : at] if at else []
        alone = [line for line in above if name_alone(line.text)]
        if not alone and at >= 2 and profession_line(lines[at - 1].text) and name_alone(lines[at - 2].text):
            # A letterhead's name, its profession under it, then the NIF ("Olena Petrivna Kovalchuk" /
            # "Tradutora e intérprete (UK/RU/PT)" / "Contribuinte n.º ...").
            alone = [lines[at - 2]]
        if not alone and nif_is_personal(parsed.fields["issuer_nif"]):
            # A person's letterhead over the document's title, the NIF further down among the particulars
            # ("Márcia Lourenço Simões" / "Consultoria em engenharia" / "Rua ..." / "Fatura-Recibo" / "N.º ..." /
            # "NIF: ..."): the first name alone over the title is the issuer's.
            alone = name_over_the_title(lines[:at]) or letterhead_name(lines[:at])
        if not alone:
            # The issuer's block over its NIF, the name over its address ("Rui Assunção Tavares" / "4705-025 Braga"
            # / "Contribuinte: ..."), a program's logo over the block (blind probe r46a: no issuer's name read).
            alone = name_over_its_address(lines[:at])
        if HONORIFIC.match(lines[at].text) and name_before_nif(lines[at].text):
            # A professional's own name and title on the NIF's line ("Dr.ª Helena Amaral · Cédula ... · NIF ...")
            # issue the receipt; the line above is the practice's letterhead ("Consultório de Psicologia").
            alone = []
        for line in (*alone, lines[at], *above):
            name = name_before_nif(line.text)
            if name:
                parsed.put("issuer_name", name, line.confidence)
                break


def read_box_line(
    line: Line, box_party: str, parsed: Parsed, column_lines: dict[str, int], column_nifs: set[str]
) -> None:
    """One line of a party's box (side by side with the other's), its words all in the box's column.

    A text layer may give one box's lines, then the other's (blind probe r42a: the issuer's NIF, alone on its line,
    was left as nobody's and the buyer's, next, went to the issuer at 0.99): the words' boxes tell whose each line
    is. The NIF is the column's first; the name is the column's first line, or its second under its NIF (the
    Portal's box)."""
    nifs = parse_nifs(joined_nif(without_phones(without_foreign_vat(line.text))))
    if len(nifs) == 1 and box_party not in column_nifs:
        nif, valid = nifs[0]
        if valid:
            parsed.put(f"{box_party}_nif", nif, VALIDATED_CONFIDENCE)
        else:
            parsed.warnings.append(nif_check_failed(line))
        column_nifs.add(box_party)
        if column_lines.get(box_party) == 1:
            name_wrapped_onto_nif_line(line.text, box_party, parsed)
    read = column_lines.get(box_party, 0)
    if not nifs and (read == 0 or (read == 1 and box_party in column_nifs)):
        name = party_name(line.text) if box_name_line(line.text) else None
        if name and f"{box_party}_name" not in parsed.fields:
            parsed.put(f"{box_party}_name", name, line.confidence)
    column_lines[box_party] = read + 1


def name_wrapped_onto_nif_line(text: str, box_party: str, parsed: Parsed) -> None:
    """The rest of a box's name that its line break carried onto the NIF's line, the box's second, before the NIF
    ("Associação Humanitária dos Bombeiros" / "Voluntários de Ourém — NIF ..."), added to the name read from the
    box's first line: as ``side_by_side_names`` does for the boxes read as one, never an address nor figures."""
    name = parsed.fields.get(f"{box_party}_name")
    wrap = NIF_LABEL.split(text)[0].strip(" ,;:·|–—-")
    if not name or not wrap or re.search(r"\d|:", wrap) or ADDRESS_START.match(fold(wrap)) or not capitalised(wrap):
        return
    parsed.fields[f"{box_party}_name"] = party_name(f"{name} {wrap}") or name


# A heading OCR split in two: its captions' tops at most this many letter heights apart (a photo's tilt).
SPLIT_HEADING_HEIGHTS = 2
# Under a side-by-side heading (split or not), lines are parted into the two boxes for at most this many lines (the
# Portal's box: its name, NIF, two lines of address and the country), never into the table below.
SPLIT_BOX_LINES = 6


def split_heading(lines: list[Line], index: int) -> tuple[tuple[float, str, str], int] | None:
    """Where the two parties' captions of side-by-side boxes were read on two lines, one a line above the other
    (a photo: "Adquirente" / "Transmitente / Prestador de serviços   Clínica ..., Lda"), starting at
    ``lines[index]``: the columns (as ``heading_columns``) and the index past the heading's lines. Each caption
    must stand alone in its column, the two apart across and about level by their words' boxes; None otherwise
    (no boxes, one caption under the other's box)."""
    if index + 1 >= len(lines):
        return None
    found: dict[str, tuple[int, int, float]] = {}
    for line in lines[index : index + 2]:
        folded = fold(line.text)
        words = list(re.finditer(r"\S+", line.text))
        if len(line.word_boxes) != len(words) or len(folded) != len(line.text):
            return None
        issuer, acquirer = ISSUER_LABEL.search(folded), ACQUIRER_LABEL.search(folded)
        if bool(issuer) == bool(acquirer):
            return None
        label = issuer or acquirer
        assert label is not None
        box = line.word_boxes[next(at for at, word in enumerate(words) if word.end() > label.start())]
        found["issuer" if issuer else "acquirer"] = (box[0], box[1], statistics.median(b[3] for b in line.word_boxes))
    if len(found) != 2:
        return None
    (issuer_left, issuer_top, height), (acquirer_left, acquirer_top, _) = found["issuer"], found["acquirer"]
    if abs(issuer_left - acquirer_left) < COLUMN_GAP_IN_HEIGHTS * height:
        return None
    if abs(issuer_top - acquirer_top) > SPLIT_HEADING_HEIGHTS * height:
        return None
    columns = (
        (acquirer_left - height, "issuer", "acquirer")
        if issuer_left < acquirer_left
        else (issuer_left - height, "acquirer", "issuer")
    )
    for line in lines[index : index + 2]:
        parts = column_parts(line, columns)
        if parts is None or not any(caption_alone(fold(part.text)) for _, part in parts):
            return None  # a caption sharing its column with other words is no box's heading
    return columns, index + 2


def column_parts(line: Line, columns: tuple[float, str, str]) -> list[tuple[str, Line]] | None:
    """A line read across two side-by-side boxes cut at the columns' edge: each box's part, with its party, noise
    (no word of two letters nor a figure) left out. None when its words' boxes are unknown or a word stands
    across the edge or too close to it for a gap between the boxes (a line running across both: the table
    under them)."""
    words = line.text.split()
    if not words or len(line.word_boxes) != len(words):
        return None
    edge, left, right = columns
    height = statistics.median(box[3] for box in line.word_boxes)
    lefts = [at for at, box in enumerate(line.word_boxes) if box[0] < edge]
    rights = [at for at, box in enumerate(line.word_boxes) if box[0] >= edge]
    if lefts and rights:
        left_end = max(line.word_boxes[at][0] + line.word_boxes[at][2] for at in lefts)
        if min(line.word_boxes[at][0] for at in rights) - left_end < COLUMN_GAP_IN_HEIGHTS * height:
            return None
    parts = []
    for party, kept in ((left, lefts), (right, rights)):
        text = " ".join(words[at] for at in kept)
        if kept and re.search(r"[^\W\d_]{2,}|\d", text):
            boxes = [line.word_boxes[at] for at in kept]
            parts.append((party, replace(line, text=text, word_boxes=boxes, word_confidences=[])))
    return parts


# How many lines under a party's label its column is followed down (the name, maybe a line between).
COLUMN_LINES = 4
# A name read on another line than its caption's belongs to it by the layout alone (the line under the caption,
# the box over it): it is not as sure as one printed beside its caption, whatever the line's own reading.
NAME_ELSEWHERE_CONFIDENCE = 0.85


def name_beside(name: str) -> bool:
    """A name of two capitalised words at least: what a caption's line holds beside it is its value, not a page's
    other words run into it."""
    return len(name.split()) >= 2 and capitalised(name)


def name_confidence(lines: list[Line], index: int, at: int) -> float:
    """The confidence of a name read at ``lines[at]`` for the caption at ``lines[index]``: its line's, and at most
    ``NAME_ELSEWHERE_CONFIDENCE`` when that is not the caption's line."""
    if at == index:
        return lines[index].confidence
    return min(lines[at].confidence, NAME_ELSEWHERE_CONFIDENCE)


def label_column(lines: list[Line], index: int, start: int, end: int) -> tuple[list[Line], int, str] | None:
    """Where the label at ``start:end`` of ``lines[index]`` heads a column of its own (an address window beside the
    document's title and number, the two read across as one: "Fatura-Recibo   Exmo.(s) Sr.(s)" / "N.º FR 2026/0016
    Rita Filipa ..." / "Data: ...   Rua ..."): the lines with, under it, only their columns that start under the
    label's (a line with none of them read as noise, ``NOISE_LINE``: not the box's), the label's index, and what
    follows the label in its column. None where the label does not start a column its words' boxes show apart."""
    line = lines[index]
    words = list(re.finditer(r"\S+", line.text))
    if len(line.word_boxes) != len(words) or len(fold(line.text)) != len(line.text):
        return None
    at = next((number for number, word in enumerate(words) if word.end() > start), None)
    spans = column_spans(line)
    column = next((span for span in spans if span[0] <= (at or 0) < span[1]), None)
    # The label opens its column; a line of one column is followed down only from a label that opens it.
    if at is None or column is None or column[0] != at or (len(spans) == 1 and at != 0):
        return None
    height = sorted(box[3] for box in line.word_boxes)[len(words) // 2]
    left = line.word_boxes[column[0]][0] - height
    right = line.word_boxes[column[1]][0] - height if column[1] < len(words) else None
    rest = line.text[end : words[column[1]].start() if column[1] < len(words) else len(line.text)]
    cut = list(lines)
    for below in range(index + 1, min(len(lines), index + 1 + COLUMN_LINES)):
        under = lines[below]
        texts = under.text.split()
        if len(under.word_boxes) != len(texts):
            continue
        kept = [
            number
            for first, last in column_spans(under)
            if under.word_boxes[first][0] >= left and (right is None or under.word_boxes[first][0] < right)
            for number in range(first, last)
        ]
        cut[below] = replace(
            under,
            text=" ".join(texts[number] for number in kept),
            word_boxes=[under.word_boxes[number] for number in kept],
            word_confidences=[],
            confidence=under.confidence if kept else 0.0,
        )
    return cut, index, rest


def column_spans(line: Line) -> list[tuple[int, int]]:
    """The words (first, past the last) of each column a line's boxes show apart (``gapped_text``)."""
    spans = []
    first = 0
    for column in gapped_text(line).split("   "):
        last = first + len(column.split())
        spans.append((first, last))
        first = last
    return spans


def profession_line(text: str) -> bool:
    """A line that says what a professional does, under the name: words in lower case after the first, no
    figures, no label, no name ("Tradutora e intérprete (UK/RU/PT)", "Psicóloga clínica")."""
    words = re.sub(r"\([^()]*\)", " ", text).split()
    return bool(
        words
        and not re.search(r"\d|:", text)
        and not name_alone(text)
        and any(word[0].islower() for word in words[1:] if fold(word) not in {"e", "de", "da", "do", "das", "dos"})
        and not (ISSUER_LABEL.search(fold(text)) or ACQUIRER_LABEL.search(fold(text)) or AUTHORITY.search(fold(text)))
    )


# A professional's title before the name: "Dr.", "Dr.ª", "Dra.", "Eng.º", "Arq.", "Prof.ª", "Enf.".
HONORIFIC = re.compile(r"(?i)^\s*(?:dr|dra|eng|enga|arq|prof|profa|enf|enfa)(?:\.\s?[ºªoa]?|[ºª])\s*[^\W\d_]")


# What labels a NIF on the issuer's line ("NIF 219084734", "Contribuinte n.º 130472867").
NIF_LABEL = re.compile(r"(?i)\b(?:NIF|NIPC|N\.\s?I\.\s?F\.?|Contribuinte)\b")


def name_before_nif(text: str) -> str | None:
    """The issuer's name on its NIF's line, before the NIF and the other particulars the line lists after it
    ("Rita Sousa · NIF ..."), or on the line above: capitalised, two words at least. A profession and its
    registration ("Advogado · Cédula profissional 21034L · Contribuinte n.º ...") are no name."""
    first = re.split(r"\s[·•|]\s", NIF_LABEL.split(text)[0])[0]
    # A dash parts the name from what follows it ("Nuno ... — Eletricista certificado — NIF ..."); a company's
    # name keeps its dash ("Atelier Sete Colinas - Publicidade, Lda."), and a hyphen parts it only when the
    # line whole is no name.
    dashed = re.split(r"\s[—–]\s", first)[0]
    company = re.search(r"(?<![a-z])(?:lda|unipessoal|s\.\s?a)(?![a-z])", fold(first))  # not the surname "Sá"
    for part in (first, re.split(r"\s-\s", first)[0]) if company or dashed == first else (dashed, first):
        name = party_name(part)
        if name and len(name.split()) >= 2 and capitalised(name):
            return name
    return None


# The tax authority's heading over a portal's document names no party.
AUTHORITY = re.compile(r"(?<![a-z])(?:portal|financas|autoridade|tributaria|aduaneira|republica|ministerio)(?![a-z])")


def name_alone(text: str) -> bool:
    """A line that is a name and nothing else: capitalised words, two at least, no figures, no label."""
    name = party_name(text)
    return bool(
        name
        and not re.search(r"\d|:", text)
        and len(name.split()) == len(text.split()) >= 2
        and capitalised(name)
        and not AUTHORITY.search(fold(text))
    )


def nif_owners(text: str, party: str | None) -> list[str | None]:
    """Whose each NIF ``parse_nifs`` finds on a line is: the party a label before it names on the line
    ("NIF emitente: ...", "Adquirente: ... NIF ..."), else the block's."""
    owners: list[str | None] = []
    start = 0
    for token in NIF_TOKEN.finditer(fix_digits(text)):
        before = fold(text[start : token.start()])
        labels = [(m.start(), "acquirer") for m in ACQUIRER_LABEL.finditer(before)]
        labels += [(m.start(), "issuer") for m in ISSUER_LABEL.finditer(before)]
        owners.append(max(labels)[1] if labels else party)
        start = token.end()
    return owners


# What kind of acquirer it is ("destinatário particular", "Cliente: consumidor final"), not who.
ACQUIRER_KIND = re.compile(
    r"\W*(?:um\s+|uma\s+)?(?:particular(?:es)?|consumidor(?:\s+final)?|pessoa\s+singular)(?![a-z])\W*"
)


# Below this confidence a line OCR read is noise (an edge, a shadow), not a line printed on the page.
NOISE_LINE = 0.3


def label_name(lines: list[Line], index: int, rest: str, *, captions_below: bool = False) -> tuple[str, int] | None:
    """The name a party label gives, and the line it was read from: after the label on its line, else on the
    line below; past a NIF line below only under a "Nome" label ("ADQUIRENTE" / "NIF ..." / "Nome ...").
    With ``captions_below`` the label is a box's caption: the name is the line over it, never under it."""
    # The caption's other-language half ("Emitente / Issuer") is no name; a NIF after the label leaves the
    # name to its own line, never to the line below (a description, an address).
    if re.fullmatch(r"\s*/\s*[^\W\d_][^\d/]{0,30}", rest):
        rest = ""
    # The kind in brackets before the name is a note on the caption ("Cliente (consumidor final)  Maria ...").
    bracket = re.match(r"\s*\(([^()]*)\)", rest)
    if bracket and ACQUIRER_KIND.fullmatch(fold(bracket.group(1))):
        rest = rest[bracket.end() :]
        if not rest.strip():
            return None  # the kind alone: no name here, nor on the line below
    if ACQUIRER_KIND.match(fold(rest).split(":", 1)[-1]):
        return None  # "Adquirente: particular": no name here, nor on the line below
    name = party_name(with_wrapped_form(rest, lines[index + 1].text if index + 1 < len(lines) else None))
    if name:
        return name, index
    if parse_nifs(rest):
        return None
    if captions_below:
        return name_over_caption(lines, index)
    # A line OCR made of a box's edge (a photo: "é PE GR CON aDa CART -09-" at 0.21 over "| RÚBEN LOUREIRO
    # MARQUES |", doc probe 32) is no line of the page's: the lines below the label are counted without it.
    below = [at for at in range(index + 1, min(len(lines), index + 5)) if lines[at].confidence >= NOISE_LINE][:3]
    for position, at in enumerate(below, start=1):
        text = lines[at].text
        folded = fold(text)
        if position > 1 and not re.match(r"\s*nome(?![a-z])", folded):
            # The Portal's box: its caption, "NIF: ...", then the name alone on its line ("EMITENTE" / "NIF:
            # 245817360" / "Ana Rita ..."), kept as printed ("... - Consultores, S.A."); a line
            # with figures or a label (an address, "País:") is none.
            if position == 2 and box_name_line(text):
                return (title_case(text.strip()) if text.isupper() else text.strip()), at
            return None
        name = party_name(text)
        if name:
            return name, at
        if not parse_nifs(text) or ACQUIRER_LABEL.search(folded) or ISSUER_LABEL.search(folded):
            return None
    return None


def box_name_line(text: str) -> bool:
    """A line that is a person's or a company's name and nothing else, under a party's NIF (a dash between a
    company's words is no word of its own)."""
    name = party_name(text)
    words = [word for word in (name or "").split() if re.search(r"[^\W\d_]", word)]
    return bool(
        len(words) >= 2
        and not re.search(r"\d|:", text)
        and capitalised(" ".join(words))
        and not AUTHORITY.search(fold(text))
        and not (ISSUER_LABEL.search(fold(text)) or ACQUIRER_LABEL.search(fold(text)))
    )


def name_over_caption(lines: list[Line], index: int) -> tuple[str, int] | None:
    """The name in the box over a party's caption ("Lar Residencial ..." / "Nome / denominação do adquirente"):
    the caption alone on its line, the line over it a name and nothing else (no figures, no label)."""
    if not index or not caption_alone(fold(lines[index].text)):
        return None
    above = lines[index - 1].text
    folded = fold(above)
    if re.search(r"\d", above) or ACQUIRER_LABEL.search(folded) or ISSUER_LABEL.search(folded):
        return None
    name = party_name(above)
    return (name, index - 1) if name and capitalised(name) else None


# The words a party's caption holds besides its label ("Nome / denominação social do adquirente").
CAPTION_FILLER = re.compile(r"(?<![a-z])(?:nome|denominacao|designacao|firma|social|completo)(?![a-z])")


def caption_alone(folded: str) -> bool:
    """A line that is a party's caption and nothing else."""
    rest = CAPTION_FILLER.sub(" ", LABEL_FILLER.sub(" ", ISSUER_LABEL.sub(" ", ACQUIRER_LABEL.sub(" ", folded))))
    return not re.search(r"[a-z0-9]{2,}", rest)


def caption_party(lines: list[Line], index: int, party: str | None) -> str | None:
    """Whose a NIF alone in its box is when captions sit under their values: the party its caption names
    ("503981273" / "NIF do adquirente"), else the block's."""
    caption = fold(lines[index + 1].text) if index + 1 < len(lines) else ""
    if re.search(r"[^\W\d_]{2,}", NIF_TOKEN.sub(" ", fix_digits(lines[index].text))):
        return party
    if ACQUIRER_LABEL.search(caption):
        return "acquirer"
    if ISSUER_LABEL.search(caption):
        return "issuer"
    return party


# A phone number after its word ("Tel. 912 345 678", "Telefone: 213 456 789", "Tlm +351 936 000 111"): nine
# digits, as many as a NIF's, and no NIF.
PHONE = re.compile(
    r"(?i)(?<![^\W\d_])(?:tel(?:ef(?:one)?|em[oó]vel|m)?|tlm|tlf|fax|phone|mobile)\.?\s*[:.]?\s*"
    r"(?:(?:\+|00)\s?351\s*)?\d{3}[\s.]?\d{3}[\s.]?\d{3}(?!\d)"
)


def without_phones(text: str) -> str:
    """The line with each phone number blanked out, the same length."""
    return PHONE.sub(lambda match: " " * len(match.group(0)), text)


def name_over_the_title(lines: list[Line]) -> list[Line]:
    """The first line that is a name alone above a line that is the document's title alone ("Fatura-Recibo"),
    no party's label between them; none when there is no such title."""
    title = next((at for at, line in enumerate(lines) if DOCUMENT_TITLE.fullmatch(line.text.strip(" .:"))), None)
    if title is None:
        return []
    letterhead = lines[:title]
    if any(ACQUIRER_LABEL.search(fold(line.text)) or ISSUER_LABEL.search(fold(line.text)) for line in letterhead):
        return []
    return [line for line in letterhead if name_alone(line.text)][:1]


# A postcode and its town ("4705-025 Braga").
POSTCODE = re.compile(r"(?<!\d)\d{4}\s?-\s?\d{3}(?!\d)")
# How many address lines a letterhead prints between the name and the NIF: the street, the postcode and town.
ADDRESS_LINES = 2


def name_over_its_address(lines: list[Line]) -> list[Line]:
    """The name alone right over the address lines (a street, a postcode) that end ``lines``, the lines above an
    issuer's NIF: its letterhead's block, whatever stands over it (a program's logo, the block set right). None
    without an address between (a name right over the NIF is read already), or with another name alone above it:
    which of two is the issuer's, no line tells."""
    at = len(lines)
    while at > 0 and len(lines) - at < ADDRESS_LINES:
        text = lines[at - 1].text.strip()
        if not (POSTCODE.search(text) or STREET_START.match(fold(text))):
            break
        at -= 1
    if at == len(lines) or at == 0 or not name_alone(lines[at - 1].text):
        return []
    if any(name_alone(line.text) for line in lines[: at - 1]):
        return []
    return [lines[at - 1]]


# A monogram's letters on a line of their own: one to three capitals.
LOGO_LETTERS = re.compile(r"[A-ZÀ-Ý]{1,3}")


def letterhead_name(lines: list[Line]) -> list[Line]:
    """The page's first line when it is a name alone heading the issuer's own particulars down to its NIF (what it
    does, its address: "João Martins Araújo" / "Prestação de serviços" / "Avenida ..." / "4700-321 Braga" /
    "Contribuinte n.º ...", an accountant's program's letterhead: doc probe 32); none when another name or a
    party's label stands between them."""
    # A logo's letters may stand over the name or beside it ("AR" / "Ana Rita ...": blind probe r38a).
    lines = list(itertools.dropwhile(lambda line: LOGO_LETTERS.fullmatch(line.text.strip()), lines))
    if not lines or not name_alone(lines[0].text):
        return []
    rest = lines[1:]
    if any(name_alone(line.text) for line in rest) or any(
        ACQUIRER_LABEL.search(fold(line.text)) or ISSUER_LABEL.search(fold(line.text)) for line in rest
    ):
        return []
    return lines[:1]


def two_boxes_nifs(folded: str) -> bool:
    """A line of two NIFs and nothing else but their labels ("NIF: 253018765 NIF: 514382902")."""
    if ACQUIRER_LABEL.search(folded) or ISSUER_LABEL.search(folded):
        return False
    rest = re.sub(r"n\.?\s?i\.?\s?f\.?|contribuinte(?:\s+n\.?\s?[ºo°])?", " ", NIF_TOKEN.sub(" ", fix_digits(folded)))
    return not re.search(r"[a-z0-9]{2,}", rest)


# "DE  PARA", "De: / Para:": the two boxes' captions read across as one line.
FROM_TO_HEADING = re.compile(r"^\W*de\W+para\W*$")


def heading_columns(line: Line, folded: str) -> tuple[float, str, str] | None:
    """Where the two parties' labels of a side-by-side heading ("Transmitente   Adquirente") stand apart by their
    words' boxes: the right column's left edge (a letter's height before its label), the party over the left column,
    the party over the right one; None without boxes, or with the labels not apart."""
    words = list(re.finditer(r"\S+", line.text))
    issuer, acquirer = ISSUER_LABEL.search(folded), ACQUIRER_LABEL.search(folded)
    if not (issuer and acquirer) or len(line.word_boxes) != len(words) or len(folded) != len(line.text):
        return None

    def left_edge(match: re.Match[str]) -> int:
        return line.word_boxes[next(at for at, word in enumerate(words) if word.end() > match.start())][0]

    height = statistics.median(box[3] for box in line.word_boxes)
    issuer_left, acquirer_left = left_edge(issuer), left_edge(acquirer)
    if abs(issuer_left - acquirer_left) < COLUMN_GAP_IN_HEIGHTS * height:
        return None
    if issuer_left < acquirer_left:
        return acquirer_left - height, "issuer", "acquirer"
    return issuer_left - height, "acquirer", "issuer"


def line_column(line: Line, columns: tuple[float, str, str]) -> str | None:
    """The party whose column a line under a side-by-side heading stands in, all its words in it; None when its
    words' boxes are unknown or it runs across both columns."""
    words = line.text.split()
    if not words or len(line.word_boxes) != len(words):
        return None
    edge, left, right = columns
    if all(box[0] >= edge for box in line.word_boxes):
        return right
    if all(box[0] + box[2] < edge for box in line.word_boxes):
        return left
    return None


def side_by_side_heading(folded: str) -> bool:
    """A line of the issuer's and the acquirer's labels and nothing else: their boxes stand side by side."""
    if FROM_TO_HEADING.match(folded):
        return True
    issuer, acquirer = ISSUER_LABEL.search(folded), ACQUIRER_LABEL.search(folded)
    if not (issuer and acquirer):
        return False
    rest = LABEL_FILLER.sub(" ", ISSUER_LABEL.sub(" ", ACQUIRER_LABEL.sub(" ", folded)))
    return not re.search(r"[a-z0-9]{2,}", rest)


# The words a body's name opens with ("Associação Humanitária ...", "Município de Ourém", "Clube Desportivo
# ..."): where such a name starts after a person's, two boxes' names read across as one line part.
BODY_START = re.compile(
    r"(?:associa[cç][aã]o|munic[ií]pio|c[aâ]mara\s+municipal|junta\s+de\s+freguesia|uni[aã]o\s+de\s+freguesias"
    r"|centro|instituto|funda[cç][aã]o|clube|cooperativa|sociedade|santa\s+casa|escola|agrupamento|universidade"
    r"|hospital|liga|federa[cç][aã]o|sindicato|irmandade|confraria|comiss[aã]o|academia|col[eé]gio|externato"
    r"|conservat[oó]rio|teatro|museu|cl[ií]nica|condom[ií]nio|par[oó]quia|f[aá]brica\s+da\s+igreja"
    r"|filarm[oó]nica|casa\s+d[aoe]s?|grupo\s+d[aoe]s?|ordem\s+d[aoe]s?|dire[cç][aã]o[\s-]+geral"
    r"|secretaria[\s-]+(?:regional|geral)|servi[cç]os\s+municipalizados)(?![a-z])"
)
# A company's legal form ends its name: the other box's name starts after it ("Atelier Norte, Lda. Rui Sá").
LEGAL_FORM_END = re.compile(r"(?i)(?:,?\s(?:lda|s\.\s?a|unipessoal(?:\s+lda)?)\.?)(?=\s)")
LEGAL_FORM_TAIL = re.compile(r"(?i)^[\s,]*(?:lda|limitada|s\.\s?a)\.?\s*$")
# What a box's second line may carry after the name's wrap, before the NIF: more of the name, never an
# address ("Rua ...", "Av. ...") nor figures.
ADDRESS_START = re.compile(
    r"^(?:rua|r\.|av\.?|avenida|largo|pra[cç]a|travessa|estrada|lugar|urbaniza[cç][aã]o|edif[ií]cio|apartado)(?![a-z])"
)


def side_by_side_names(name_lines: list[Line], nif_text: str) -> tuple[str, str] | None:
    """The issuer's and the acquirer's names from the line their side-by-side boxes print them on, read across
    as one ("Joana D'Orey Sampaio Associação Humanitária dos Bombeiros"), with what each box wraps onto the
    NIFs' line before its NIF ("NIF 218309457 Voluntários de Ourém — NIF 501029389").

    The line parts only where one name plainly ends: at a company's legal form, or where a body's name
    (an association, a municipality, a club) starts after two words at least. Any other split is a guess."""
    if len(name_lines) != 1:
        return None
    split = joined_names_split(gapped_text(name_lines[0]))
    tokens = list(NIF_TOKEN.finditer(fix_digits(nif_text)))
    if split is None or len(tokens) != 2:
        return None
    labels = [label.start() for label in NIF_LABEL.finditer(nif_text, tokens[0].end(), tokens[1].start())]
    wraps = (
        nif_text[: (NIF_LABEL.search(nif_text[: tokens[0].start()]) or tokens[0]).start()],
        nif_text[tokens[0].end() : labels[-1] if labels else tokens[1].start()],
    )
    names = []
    for name, wrap in zip(split, wraps, strict=True):
        wrap = wrap.strip(" ,;:·|–—-")
        if wrap and (re.search(r"\d|:", wrap) or ADDRESS_START.match(fold(wrap)) or not capitalised(wrap)):
            wrap = ""
        full = party_name(f"{name} {wrap}".strip())
        if not full or len(full.split()) < 2:
            return None
        names.append(full)
    return names[0], names[1]


def joined_names_split(text: str) -> tuple[str, str] | None:
    """Two names run together, parted where one plainly ends (see ``side_by_side_names``); None when no
    single place does."""
    # A reading that kept the gap between the two boxes (two spaces or more, once) shows where the first name ends,
    # whatever names they are: a person's beside a company's ("Tomás ... Monteiro   Lume Azul - Agência ..., Lda.")
    # has no other mark of it.
    gaps = list(re.finditer(r"\s{2,}", text.strip()))
    if len(gaps) == 1:
        head, tail = text.strip()[: gaps[0].start()], text.strip()[gaps[0].end() :]
        return head.strip(" ,"), tail.strip(" ,")
    words = list(re.finditer(r"\S+", text))
    cuts = {form.end() for form in LEGAL_FORM_END.finditer(text)}
    cuts |= {word.start() for at, word in enumerate(words) if at >= 2 and BODY_START.match(fold(text[word.start() :]))}
    # A cut that leaves only the rest of a legal form ("... Unipessoal" / " Lda.") ends no name.
    cuts = {cut for cut in cuts if text[:cut].strip() and text[cut:].strip() and not LEGAL_FORM_TAIL.match(text[cut:])}
    if len(cuts) != 1:
        return None
    cut = cuts.pop()
    return text[:cut].strip(" ,"), text[cut:].strip(" ,")


# OCR may split the title's words at a space ("Fatu ra-Recibo", "RECI BO": blind probe r38a, "Fatu ra" read as the
# acquirer's name beside the salutation).
FATURA_WORD = r"\s?".join("fatura")
RECIBO_WORD = r"\s?".join("recibo")
DOCUMENT_TITLE = re.compile(rf"(?i)(?<![^\W\d_])(?:{FATURA_WORD}(?:[\s-]+{RECIBO_WORD})?|{RECIBO_WORD})(?![^\W\d_])")


# A company's legal form in its name ("Lda.", "S.A.", "SA", "Unipessoal"), on the printed text in lower case: the
# surname "Sá" is no "SA" (its accent kept), nor is the first or last half of a double surname joined by a hyphen
# ("Sá-Pereira", "Sa-Pereira" once a scan lost the accent, "Pereira-Sa").
COMPANY_FORM = re.compile(
    r"(?<![^\W\d_])(?:lda|unipessoal)(?![^\W\d_])|(?<![^\W\d_])(?<!-)(?:s\.\s?a|sa)(?![^\W\d_]|-)"
)


# A street's word opens an address, never a name ("Praceta Padre Américo, 12 · 1100-486 LISBOA", "Largo São
# Domingos, 3": blind probe r38a, a letterhead's street taken for the issuer 3 times of 3).
STREET_START = re.compile(
    r"^(?:rua|r\.|av\.?|avenida|largo|pra[cç]a|praceta|travessa|tv\.|estrada|alameda|beco|cal[cç]ada|rotunda"
    r"|urbaniza[cç][aã]o|bairro|caminho|azinhaga|edif[ií]cio|apartado)(?![a-z])"
)


# A form of address and nothing else ("Srs", "Exma. Senhora", "V. Exa."), on folded text.
ADDRESS_WORDS = re.compile(
    r"(?:[\W_]*(?:ex\.?\s?m[oa]s?|sr[as]?s?|senhor(?:es|as?)?|dona|v\.?\s?ex\.?\s?as?)(?![a-z])[\W_]*)+"
)


FIRM_AMPERSAND = re.compile(r"[^\W\d_]\s?&\s?[^\W\d_]")


# A box's border a scan read as a glyph before the name ("| Farmácia ...", blind probe r64a): no name starts with one.
BOX_RULE_START = re.compile(r"^[\s|¦│┃‖\[\]_]+")


def party_name(text: str) -> str | None:
    """A person's or a company's name after its label ("Nome:", "Prestador de serviços:"); an address is none."""
    if ":" in text[:30]:
        text = text.split(":", 1)[1]
    # A scan reads the window and the header beside it as one line ("Município de Ourém FR ATSIRE01FR/112").
    number = NUMBER.search(fix_digits(text))
    if number:
        text = text[: number.start()]
    # ... or the window and the date column beside it ("Atelier Sete Colinas - Publicidade, Lda. 14-04-2026"),
    # or the name and the document's title ("Sofia Margarida Lencastre Fatura-Recibo").
    dates = [match.start() for pattern in (DATE_DMY, DATE_YMD) for match in pattern.finditer(fix_digits(text))]
    if dates:
        text = text[: min(dates)]
    title = DOCUMENT_TITLE.search(text)
    if title and title.start() > 0:
        text = text[: title.start()]
    text = without_final_stop(re.sub(r"(?i)^\s*nome\s*:?", "", BOX_RULE_START.sub("", text)).strip(" :-").lstrip("."))
    # Two names joined by "&" make a firm's ("Pires Coelho & Associados, SP, RL"), its form known or not: its "&"
    # and commas are its name's, which a person's reading drops (blind probe r56a).
    if COMPANY_FORM.search(text.lower()) or FIRM_AMPERSAND.search(text):
        company = company_name(text)
        return with_branch(company, text) if company else company
    foreign = foreign_company(text)
    if foreign:
        return with_branch(foreign, text)
    # A dash parts a person's name from what the line says next ("Djénifer ... — Músico (cód. 2652) — NIF ..."),
    # when what comes before it is a name of two words at least; a body's name keeps its dash on either side
    # ("Teatro Experimental de Cascais — Associação Cultural").
    parts = re.split(r"\s[—–]\s", text)
    head = clean_name(parts[0])
    if head and len(head.split()) >= 2 and not any(BODY_START.match(fold(part.strip())) for part in parts[:2]):
        text = parts[0]
    name = clean_name(text)
    # "País" labels the country; "Pais" ends many a surname ("Quaresma Pais").
    if (
        not name
        or re.search(r"(?<![a-z])(?:nif|fatura|recibo|original|data)(?![a-z])", fold(name))
        or re.search(r"(?i)(?<![^\W\d_])pa[íÍ]s(?![^\W\d_])|^pais(?![a-z])", name)
    ):
        return None
    # What kind of acquirer it is is not who; nor is where it is; nor how it is addressed (a photo's bracket broke
    # the salutation "Exmo.(s) Sr.(s)" into "Exmo) Srs)": its "Srs" is no name, blind probe r39a).
    if ACQUIRER_KIND.fullmatch(fold(name)) or STREET_START.match(fold(name)) or ADDRESS_WORDS.fullmatch(fold(name)):
        return None
    # A second label for the same block ("Transmitente / Prestador de Serviços") is not the party's name.
    if ISSUER_LABEL.search(fold(name)) or ACQUIRER_LABEL.search(fold(name)):
        return None
    if BODY_START.match(fold(name)):
        name = with_articles(name, text)
    return with_form_dot(with_commas(title_case(name) if name.upper() == name else name, text), text)


def with_form_dot(name: str, printed: str) -> str:
    """The name with the last dot of its legal form as printed ("..., C.R.L."), which ``clean_name`` reads away."""
    return f"{name}." if FORM_WITH_DOT.search(printed) and printed.rstrip().endswith(f"{name}.") else name


def with_articles(name: str, printed: str) -> str:
    """A body's name with the article it was printed with between two of its words, which ``clean_name`` reads
    away as a speck: "Cooperativa Cultural O Gato Preto, CRL", "Associação A Voz do Operário" (round 28). Only
    a capital "O" or "A" standing alone between two words of the name as printed."""
    words = name.split()
    pattern = r"\s*,?\s+(?:[OA]\s+)?".join(f"({re.escape(word)})" for word in words)
    match = re.search(pattern, printed)
    if match is None or len(words) < 2:
        return name
    kept = [words[0]]
    for index in range(1, len(words)):
        article = re.fullmatch(r"\s+([OA])\s+", printed[match.end(index) : match.start(index + 1)])
        kept += [article.group(1), words[index]] if article else [words[index]]
    return " ".join(kept)


def with_commas(name: str, printed: str) -> str:
    """A body's name with the commas it was printed with, which ``clean_name`` reads away: "Escola ... do
    Bairro, Associação", "Agrupamento de Escolas ..., <place>". A person's name has none to keep."""
    words = name.split()
    # Each word of the name is found in order in the printed text; a comma between two of them is the name's.
    pattern = r"\s*,?\s*".join(f"({re.escape(word)})" for word in words)
    match = re.search(pattern, printed, re.I)
    if match is None or len(words) < 2:
        return name
    parts, start = [], 0
    for index in range(1, len(words)):
        if "," in printed[match.end(index) : match.start(index + 1)]:
            parts.append(" ".join(words[start:index]))
            start = index
    parts.append(" ".join(words[start:]))
    if len(parts) == 1 or not any(BODY_START.match(fold(part)) for part in parts):
        return name
    return ", ".join(parts)


# A company's form ends the name with its own dot ("Lda.", "S.A.", "Unipessoal Lda.", "Inc."): the dot is the
# name's, not the line's full stop.
# "C.R.L." (a cooperative's form) keeps its last dot as "Lda." does (blind probe r38a).
FORM_WITH_DOT = re.compile(
    r"(?i)(?<![^\W\d_])(?:lda|limitada|s\.\s?a|crl|c\.\s?r\.\s?l|sgps|ltd|inc|corp|co|e\.\s?i\.\s?m)\.$"
)


def without_final_stop(text: str) -> str:
    """The name without a full stop after it, the dot of a company's form kept."""
    return text if FORM_WITH_DOT.search(text) else text.rstrip(". ")


# A foreign company's legal form ends its name ("Hollandse Data Solutions B.V.", "Nordwind GmbH", "Acme Inc."):
# the words before it are the name as printed, whatever they are ("Data", "Solutions").
FOREIGN_LEGAL_FORM = re.compile(
    r"(?<![^\W\d_])(?:B\.\s?V\.?|N\.\s?V\.?|BV|NV|GmbH|AG|KG|AB|Oy|ApS|A/S|SAS|S\.A\.S\.?|SARL|S\.à\s?r\.l\.?"
    r"|S\.\s?L\.?(?:\s?U\.?)?|SLU|S\.\s?r\.\s?l\.?|S\.\s?p\.\s?A\.?|Ltd\.?|LTD\.?|Limited|LIMITED|Inc\.?|INC\.?|LLC"
    r"|L\.L\.C\.|PLC|plc|Corp\.?|Sp\.\s?z\s?o\.\s?o\.?)(?![^\W\d_])"
)


def foreign_company(text: str) -> str | None:
    """A foreign company's name up to its legal form, the form kept; at least one capitalised word before it."""
    head = re.split(r"\s{2,}|\s[·•|–—-]\s|\b(?:VAT|NIF|NIPC|Tax\s+ID)\b", text)[0]
    forms = [form for form in FOREIGN_LEGAL_FORM.finditer(head) if form.start() > 0]
    if not forms:
        return None
    name = head[: forms[-1].end()].strip(" ,;:")
    words = name[: forms[-1].start()].split()
    if not words or not words[0][0].isupper() or re.search(r"\d", name):
        return None
    return name


# --- A foreign client's VAT number ----------------------------------------------------------------------

# The VAT numbers of the other EU states (and the UK's) by their country prefix, as VIES checks their form.
FOREIGN_VAT_FORMATS = {
    "AT": r"U\d{8}", "BE": r"[01]\d{9}", "BG": r"\d{9,10}", "CY": r"\d{8}[A-Z]", "CZ": r"\d{8,10}", "DE": r"\d{9}",
    "DK": r"\d{8}", "EE": r"\d{9}", "EL": r"\d{9}", "ES": r"[A-Z0-9]\d{7}[A-Z0-9]", "FI": r"\d{8}",
    "FR": r"[A-HJ-NP-Z0-9]{2}\d{9}", "HR": r"\d{11}", "HU": r"\d{8}", "IE": r"\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W]",
    "IT": r"\d{11}", "LT": r"\d{9}|\d{12}", "LU": r"\d{8}", "LV": r"\d{11}", "MT": r"\d{8}", "NL": r"\d{9}B\d{2}",
    "PL": r"\d{10}", "RO": r"[1-9]\d{1,9}", "SE": r"\d{10}01", "SI": r"\d{8}", "SK": r"\d{10}",
    "XI": r"\d{9}|\d{12}", "GB": r"\d{9}|\d{12}",
}  # fmt: skip
FOREIGN_VAT = re.compile(rf"(?<![A-Za-z0-9])({'|'.join(FOREIGN_VAT_FORMATS)})[\s-]?([0-9A-Z+*]{{2,12}})(?![0-9A-Za-z])")


def foreign_vat_number(text: str) -> tuple[str, bool] | None:
    """An EU VAT number on the line ("SE556812345601", "DE 123 456 788") in its country's form, and whether its
    check digits hold (true for the countries whose rule is not here)."""
    # Groups of digits printed apart are one number. No look-alike repair: a Dutch number holds a "B".
    joined = re.sub(r"(?<=\d)[\s.](?=\d)", "", text)
    for match in FOREIGN_VAT.finditer(joined):
        country, number = match.groups()
        if re.fullmatch(FOREIGN_VAT_FORMATS[country], number):
            return country + number, vat_check_holds(country, number)
    return None


def acquirer_foreign_vat(text: str, parsed: Parsed) -> None:
    """A client abroad is identified by its own country's VAT number, not a Portuguese NIF. The Portal takes
    it as typed, so one whose check digits fail is still the number printed: kept, less sure, and flagged."""
    found = foreign_vat_number(text)
    if found is None:
        return
    number, holds = found
    parsed.put("acquirer_nif", number, VALIDATED_CONFIDENCE if holds else 0.6)
    if not holds:
        parsed.warnings.append("foreign_vat_check_invalid")


# A tax number's caption just before the number: "NIF / VAT:", "VAT No.", "USt-IdNr.", "N.º de identificação fiscal".
TAX_NUMBER_CAPTION = re.compile(
    r"(?<![a-z])(?:vat(?:\s+(?:no|number|id|reg(?:istration)?))?|nif|nipc|iva|tax\s+id|tin|ust-?idnr|contribuinte"
    r"|fiscal(?:\s+\(estrangeiro\))?)\W{0,4}$"
)


def client_abroad_vat(lines: list[Line], parsed: Parsed) -> None:
    """The one foreign VAT number the fatura-recibo prints, wherever OCR put it, as its client's: the Portal's
    issuer is a Portuguese taxpayer, identified by a NIF, so a number with another state's prefix is the client's
    (blind probe r66a: a scan and an image PDF read the client's "NIF / VAT: DE..." on the issuer's activity line,
    the two boxes read across, and left it unread). Only one a tax number's caption heads ("NIF / VAT:"): one in
    the issuer's block as a reference ("Ref. DE...") is nobody's number. Two different ones tell no client."""
    numbers: dict[str, str] = {}
    for line in lines:
        for span in FOREIGN_VAT_SPAN.finditer(line.text):
            found = foreign_vat_number(span.group(0))
            if found and TAX_NUMBER_CAPTION.search(fold(line.text[: span.start()])):
                numbers.setdefault(found[0], span.group(0))
    if len(numbers) == 1:
        acquirer_foreign_vat(next(iter(numbers.values())), parsed)


FOREIGN_VAT_SPAN = re.compile(
    rf"(?<![A-Za-z0-9])(?:{'|'.join(FOREIGN_VAT_FORMATS)})[\s-]?[0-9A-Z+*](?:[\s.]?[0-9A-Z+*])*(?![0-9A-Za-z])"
)


def without_foreign_vat(text: str) -> str:
    """The line with each foreign VAT number blanked out, the same length."""
    return FOREIGN_VAT_SPAN.sub(
        lambda match: " " * len(match.group(0)) if foreign_vat_number(match.group(0)) else match.group(0), text
    )


def luhn_holds(digits: str) -> bool:
    total = 0
    for position, digit in enumerate(reversed(digits)):
        doubled = int(digit) * (2 if position % 2 else 1)
        total += doubled - 9 if doubled > 9 else doubled
    return total % 10 == 0


def weighted_remainder(digits: str, weights: tuple[int, ...], modulus: int = 11) -> int:
    return sum(int(digit) * weight for digit, weight in zip(digits, weights, strict=False)) % modulus


def german_vat_holds(digits: str) -> bool:
    """ISO 7064 MOD 11,10 over the first eight digits gives the ninth."""
    product = 10
    for digit in digits[:8]:
        total = (int(digit) + product) % 10 or 10
        product = (2 * total) % 11
    return (11 - product) % 10 == int(digits[8])


def vat_check_holds(country: str, number: str) -> bool:
    """The country's check digits (a form alone passes for the countries whose rule is not here)."""
    if country == "SE":
        return luhn_holds(number[:10])
    if country == "IT":
        return luhn_holds(number)
    if country == "BE":
        return 97 - int(number[:8]) % 97 == int(number[8:])
    if country == "FR" and number[:2].isdigit():
        return (12 + 3 * (int(number[2:]) % 97)) % 97 == int(number[:2])
    if country == "DE":
        return german_vat_holds(number)
    if country == "DK":
        return weighted_remainder(number, (2, 7, 6, 5, 4, 3, 2, 1)) == 0
    if country == "FI":
        remainder = weighted_remainder(number[:7], (7, 9, 10, 5, 8, 4, 2))
        return remainder != 1 and (11 - remainder) % 11 == int(number[7])
    if country == "LU":
        return int(number[:6]) % 89 == int(number[6:])
    if country == "PL":
        return weighted_remainder(number[:9], (6, 5, 7, 2, 3, 4, 5, 6, 7)) == int(number[9])
    return True
