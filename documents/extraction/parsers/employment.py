"""An employer's declaration of employment (declaracao da entidade patronal): free text, one or two sentences.

"Para os devidos efeitos, declara-se que Ana Sousa, contribuinte n.º 245718931, é trabalhadora desta empresa
desde 01/03/2021, com contrato de trabalho sem termo, auferindo a remuneração base mensal ilíquida de
1.500,00 €." Employers word it in many ways, so each field is found by what states it (the contract's words,
"desde", the salary's words) rather than by a layout. The two NIFs are told apart by their kind: the
person's is personal (1, 2, 3), the company's collective, unless a label says otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal

from applicants.identifiers import nif_is_personal
from applicants.text import NAME_PARTICLES, fold
from documents.extraction.parsers.common import (
    BRANCH_WORDS,
    ENGLISH_MONTHS,
    FOREIGN_NAME_PARTICLES,
    MONEY,
    MONTHS,
    VALIDATED_CONFIDENCE,
    Parsed,
    capitalised,
    clean_name,
    parse_dates,
    parse_money,
    parse_nifs,
    portuguese_figures,
    public_employer,
    title_case,
    with_branch,
    written_dates,
)
from documents.extraction.parsers.payslip import (
    COMPANY_SUFFIX,
    EURO,
    FOREIGN_CURRENCY,
    company_name,
    letterhead_name,
    prints_legal_form,
)
from documents.extraction.parsers.pension import without_reference_numbers
from documents.extraction.reader import Line

# How sure a value found in free text is: by its own words, not by a label in a known place.
STATED_CONFIDENCE = 0.85

# English wording too, for a foreign employer's letter ("a permanent (open-ended) employment contract").
PERMANENT = re.compile(
    r"sem\s+termo|(?:por\s+)?tempo\s+indeterminado|(?:contrato|vinculo)\s+(?:de\s+trabalho\s+)?efetiv"
    r"|efetiv[oa]\s+(?:nesta|desta|da|na)"
    r"|quadro\s+(?:de\s+pessoal|permanente)"
    r"|(?<![a-z])permanent(?![a-z])|open.ended\s+(?:employment\s+)?contract|indefinite.term"
)
FIXED_TERM = re.compile(
    r"(?<!sem\s)a\s+termo|termo\s+(?:certo|incerto|resolutivo)|a\s+prazo|contrato\s+temporario"
    r"|fixed.term|temporary\s+(?:employment\s+)?contract"
)
DATE_TEXT = (
    r"(\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{4}|\d{4}-\d{2}-\d{2}"
    r"|(?:\d{1,2}\s+de\s+)?[a-z]+\s+de\s+\d{4}|\d{1,2}\s+[a-z]{3,9}\.?\s+\d{4}|\d{1,2}\s?[./-]\s?\d{4}"
    # An American letter's "June 15, 2021".
    r"|[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4})"
)
START = re.compile(
    r"(?:desde|admitid[oa]\s+(?:ao\s+(?:seu\s+|nosso\s+)?servico\s+)?(?:em|a)|data\s+(?:de\s+)?admiss[aã]o\s*[:.]?|in[ií]cio\s+(?:de\s+fun[cç][oõ]es\s+)?(?:em|a)"
    r"|com\s+in[ií]cio\s+(?:em|a)|iniciou\s+(?:fun[cç][oõ]es|funcoes)\s+(?:em|a)|iniciad[oa]\s+(?:em|a)"
    # In a ruled table the label and its value are two cells: no colon between them.
    r"|data\s+(?:de\s+)?in[ií]cio(?:\s+d[oa]\s+(?:contrato|vinculo|fun[cç][oõ]es))?\s*[:.|]?"
    r"|in[ií]cio\s+d[oa]\s+(?:contrato|vinculo|fun[cç][oõ]es)\s*[:.|]?"
    # A list's item, the noun alone as its label: "• Início: 1 de fevereiro de 2025", "Admissão: 01/02/2025".
    r"|(?<![a-z])(?:in[ií]cio|admiss[aã]o)\s*:"
    r"|(?<![a-z])since|employed\s+(?:from|since)|start\s+date\s*:?|date\s+of\s+(?:hire|joining)\s*:?"
    # "... a fixed-term contract which started on 1 February 2026 and will end on ...".
    r"|(?:started|starting|commenced|began|begins|effective)\s+(?:on|from))"
    r"\s*(?:o\s+dia\s+|de\s+|a\s+)?" + DATE_TEXT
)
# A contract "celebrado em 1 de março de 2025": the day it began, where no other start is stated.
SIGNED = re.compile(r"(?:contrato|vinculo)[^.]{0,80}?celebrad[oa]\s+(?:em|a)\s*(?:o\s+dia\s+)?" + DATE_TEXT)
END = re.compile(
    # A table's row: "Termo da renovação em curso 31/05/2027", "Fim do contrato 30/06/2027".
    r"(?:termo\s+(?:em|a)|data\s+(?:de\s+|do\s+)?termo\s*[:.|]?"
    r"|(?:termo|fim)\s+d[oa]\s+(?:contrato|vinculo|renovacao|prazo)(?:\s+em\s+curso)?\s*[:.|]?|(?<![a-z])at[eé](?![a-z])|cessa(?:r[aá])?\s+em|fim\s+(?:em|a)|termina(?:r[aá])?\s+em"
    r"|(?:cessou|terminou|caducou)(?:\s+(?:as\s+)?funcoes)?\s+(?:em|a)"
    r"|(?<![a-z])until|end\s+date\s*:?|ending\s+on|(?:will\s+)?(?:end|ends|ended|expire|expires)\s+on)"
    r"\s*(?:o\s+dia\s+|ao\s+dia\s+|a\s+)?" + DATE_TEXT
)
SALARY = re.compile(
    r"(?:remunera[cç][aã]o|vencimento|sal[aá]rio|ordenado|retribui[cç][aã]o|presta[cç][oõ]es\s+mensais"
    r"|aufere\s+mensalmente|aufere\s+(?:a\s+|uma\s+)?(?:quantia|importancia|montante)\s+mensal)(?:\s+(?:base|mensal|il[ií]quid[oa]|bruto|"
    r"bruta|l[ií]quid[oa]|de\s+base|base\s+mensal))*"
    # "Her gross monthly base salary is EUR 4,200.00": in English the salary's words come before it.
    r"|(?:(?:gross|net|monthly|base|basic)\s+)*(?:salary|wage|pay)(?![a-z])"
)
# "líquido", not "ilíquido"; "net" in English.
NET_WORDS = re.compile(r"(?<![a-z])l[ií]quid[oa](?![a-z])|(?<![a-z])net(?![a-z])")
# Below this a monthly amount is a misread (part-time work still pays more), not a salary.
LEAST_MONTHLY_SALARY = Decimal(100)
# An amount written without cents: "1.500 €", "1500 euros".
WHOLE_EUROS = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d{3,6})\s?(?:€|eur(?:os)?\b)")
EMPLOYER_NIF_LABEL = re.compile(r"nipc|pessoa\s+colectiva|pessoa\s+coletiva|entidade|empresa|sociedade")
EMPLOYEE_INTRO = re.compile(
    r"(?:declar|certific|atest|confirm)\w*[\s\S]{0,200}?(?<![a-z])(?:que|that)\s+(?:[oa](?:\s*\([oa]\))?\s+)?"
    r"(?:(?:mr|ms|mrs|miss|dr)\.?\s+)?"
    r"(?:sr[a]?\.?a?\.?(?:\s*\(a\)\.?)?\s*|senhor[a]?\s+|exm[oa]\.?\s+|dona\s+|dom\s+|d\.a?\.?\s*|trabalhador[a]?\s+"
    r"|colaborador[a]?\s+"
    r"|funcionari[oa]\s+)*",
)
# What a company's name follows on its line: "A empresa X, Lda.", "Entidade empregadora: X, S.A."
EMPLOYER_LABEL = re.compile(
    r"^\s*(?:a\s+(?:empresa|entidade|sociedade)\s+|(?:entidade(?:\s+(?:patronal|empregadora))?|empresa|empregadora?"
    r"|employer|employing\s+(?:company|entity)|company)"
    r"\s*[:.-]\s*"
    # A form's row: the caption in one cell, the name in the next, the rule often lost ("Entidade empregadora X").
    r"|entidade\s+(?:patronal|empregadora)\s*\|?\s+(?=\S))",
    re.I,
)
# A declaration's subject: "A Multitempo, S.A., NIPC ..., declara que ...": the article is no part of the name.
SUBJECT_ARTICLE = re.compile(r"^\s*[AO]\s+(?=[A-ZÀ-Ý])")
SUBJECT_VERB = re.compile(r"(?<![a-z])(?:declara|certifica|atesta|confirma|informa)(?![a-z])")
# Words of a sentence, not of a company's name: a run over them is the sentence around the name.
SENTENCE_WORDS = re.compile(
    r"(?<![a-z])(?:declara\w*|certifica\w*|atesta\w*|confirm\w*|que|that|trabalhador\w*|colaborador\w*|titular"
    r"|employed|hereby)(?![a-z])"
)
# A ticked box before a choice: "[X] Termo certo", "☒ Termo certo", "(x) Termo certo", "✔ Termo certo", or the
# bare "X" a PDF's text keeps of "[X]" when the boxes are drawn, not written.
TICK = r"(?:\[\s*[x✓✔✗]\s*\]|\(\s*[x✓✔✗]\s*\)|[☒☑✔✓✗]|(?<![a-z0-9\]\)])x(?![a-z0-9]))"
TICKED_PERMANENT = re.compile(TICK + r"\s*(?:sem\s+termo|(?:por\s+)?tempo\s+indeterminado|efetiv|permanent)")
TICKED_FIXED = re.compile(TICK + r"\s*(?:termo\s+(?:certo|incerto|resolutivo)|a\s+termo|a\s+prazo|temporari|fixed)")
# Where the person's name ends in the sentence: "..., contribuinte", "é trabalhadora", "trabalha nesta empresa".
# "e" alone does not end it ("Sousa e Silva"), only before the words of employment.
NAME_END = re.compile(
    r",|;|\s-\s|\((?!a\))|\b(?:portador|contribuinte|titular|nif|com\s|é\s|foi\s|est[aá]\s|se\s+encontra"
    r"|trabalha|exerce|presta|desempenha|ao\s+servi|desde|admitid|has\s|is\s|was\s|holder)"
    r"|\be\s+(?:nosso|nossa|trabalhador|funcion[aá]ri|colaborador)",
    re.I,
)
NAME_LABEL = re.compile(r"(?<![a-z])nome(?:\s+do\s+trabalhador|\s+do\s+colaborador)?\s*[:.]")
# A line that starts with the person's role and a colon labels their name ("Trabalhador: Ana Sousa"); the same
# word inside a sentence ("a pedido do trabalhador") labels nothing.
ROLE_LABEL = re.compile(r"^\s*(?:nome\s+d[oa]\s+)?(?:trabalhador|colaborador|funcionari[oa])(?:a|\(a\))?\s*:", re.M)
# The same label as a table's cell, the name in the next cell ("Trabalhadora | Natália Gaspar", the rule often
# lost): read only when what follows is capitalised as a name is, not a sentence.
# A two-column table's bare "Nome" caption is one too ("Nome | Euclides ...").
ROLE_CELL = re.compile(
    r"^\s*(?:(?:nome\s+d[oa]\s+)?(?:trabalhador|colaborador|funcionari[oa])(?:a|\(a\))?|nome(?:\s+completo)?)\s*\|?\s+"
)
# "NIF do trabalhador: ...": the NIF a label gives to the person.
EMPLOYEE_NIF_LABEL = re.compile(r"(?:trabalhador|colaborador|funcionari[oa])a?\s*(?:\(a\))?\s*[:.]?\s*$")
# "Lisboa, 15 de novembro de 2026", "Setúbal, aos 14 (dias do mês) de outubro de 2026" (``dates_in_figures``
# drops the days-of-the-month phrase).
ISSUE_LONG = re.compile(r"[a-z]+\s*,\s*(?:aos\s+|em\s+)?(\d{1,2})\s+(?:de\s+)?([a-z]+)\.?\s+(?:de\s+)?(\d{4})")
# "Lisboa, 03/11/2026", "Leiria, 30.11.2026", "Ourém, 2026-10-05": where and when it was signed, in numbers.
ISSUE_NUMERIC = re.compile(
    r"[a-z]+\s*,\s*(\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?\d{4}|\d{4}\s?([-/.])\s?\d{1,2}\s?\2\s?\d{1,2})(?!\d)"
)
# The salary now, when the declaration also states an earlier one ("auferiu 880 €, sendo atualmente 960 €").
CURRENT = re.compile(r"(?:atualmente|actualmente|presentemente|neste\s+momento)")
ANNUAL = re.compile(r"^\s*(?:anua[li]s?|por\s+ano|ao\s+ano)|^[^.]{0,25}?(?:anual|por\s+ano)")
CHARITY = re.compile(r"^[A-ZÀ-Ý][^.;:]{2,80},?\s+\(?I\.?\s?P\.?\s?S\.?\s?S\.?\)?$")
# Legal forms the payslips' ``COMPANY_SUFFIX`` does not hold, ending a letterhead's name: a complementary grouping
# ("Frutas do Sudoeste — Agrupamento Complementar de Empresas, ACE"), a cooperative, a private charity ("... de
# Paulo (IPSS)"), a public business entity, a foreign company's form ("Ltd", "GmbH", "B.V.", "S.A.S.", "AS"),
# each maybe followed by its Portuguese branch ("Vantage Aerostructures Ltd — Sucursal em Portugal"). Read on the
# printed text: "AS" is a company's form only in capitals.
OTHER_LEGAL_FORM = re.compile(
    r"(?:,?\s+(?:A\.?C\.?E|ACE|C\.?R\.?L|CRL|Cooperativa|\(?I\.?\s?P\.?\s?S\.?\s?S\.?\)?|E\.?P\.?E|Ltd|Limited|GmbH"
    r"|B\.\s?V|BV|N\.\s?V|NV|S\.\s?A\.\s?S|SAS|SARL|S\.\s?L|S\.\s?r\.\s?l|AS|ASA|AB|AG|ApS|Oy|Inc|LLC|PLC|plc)\.?"
    r"|\s+Agrupamento\s+Complementar\s+de\s+Empresas)"
    rf"(?:\s*[-–—,]\s*(?i:{BRANCH_WORDS}))?$"
)
# "paga em 14 prestações", "catorze vezes por ano": the payments a year's salary is made in.
PAYMENTS = re.compile(
    r"(?<!\d)(1[24])\s*(?:prestacoes|vezes|mensalidades|(?:monthly\s+)?(?:instal?lments|payments))"
    r"|(?<![a-z])(doze|catorze|quatorze|twelve|fourteen)\s+(?:prestacoes|vezes|mensalidades|(?:monthly\s+)?(?:instal?lments|payments))"
)
COUNT_WORDS = {"doze": 12, "catorze": 14, "quatorze": 14, "twelve": 12, "fourteen": 14}
# "annual gross base salary": in English the year is said before the salary's words.
ANNUAL_BEFORE = re.compile(r"(?<![a-z])(?:annual|yearly|anual)\s+(?:(?:gross|net|base|basic|total)\s+)*$")
# A monthly salary worked out from a yearly one: no amount printed as the month's.
DERIVED_CONFIDENCE = 0.6
# "Data: 22/07/2026", or a table's row "Data 22/07/2026" (a date straight after the word, no other label's).
ISSUE_LABEL = re.compile(
    r"(?<![a-z])data\s*(?:(?:de\s+emiss[aã]o|da\s+declara[cç][aã]o|do\s+documento)\s*[:.|]?|[:.|]|(?=\d{1,2}\s?[./-]\s?\d))\s*"
    # A declaration sent as an e-mail is dated by its sending: "Enviado em 2026-11-27 18:42", "Sent: 27/11/2026".
    r"|(?<![a-z])(?:enviad[oa]|sent)(?:\s+(?:em|a|on))?\s*[:.]?\s*(?=\d)"
)
# A letter's title or opening, over the company's line where a letterhead's first line would be: no part of its name.
LETTER_TITLE = re.compile(
    r"declara|certifica|atesta|attestation|confirma|to\s+whom|(?<![a-z])(?:carta|letter|assunto|subject|ref)(?![a-z])"
)
# A letterhead of a body with no company form: "Associação Humanitária dos Bombeiros Voluntários de Ourém".
NONPROFIT = re.compile(
    r"^(?:associa[cç][aã]o|funda[cç][aã]o|cooperativa|federa[cç][aã]o|confedera[cç][aã]o|sindicato|irmandade)"
    r"\s+[^\d·|,;]{3,90}$",
    re.I,
)


def parse_employment_declaration(lines: list[Line]) -> Parsed:
    parsed = Parsed()
    text = "\n".join(without_edge_marks(line) for line in lines)
    # One flowing text: the sentences wrap across lines.
    # OCR may give an accent as a combining mark: composed, folding keeps each character's place.
    flat = unicodedata.normalize("NFC", re.sub(r"\s+", " ", text))
    folded = fold(flat)
    employment_nifs(flat, folded, parsed)
    employment_people(lines, flat, folded, parsed)
    employer = parsed.fields.get("employer_name")
    if employer:
        # A scan's speck before the name ("Entidade: . Logística ..."): no name opens with a stop or a rule.
        parsed.fields["employer_name"] = without_running_text(employer.lstrip(LEADING_MARKS))
    # Dates written out in words ("um de março de dois mil e vinte e cinco") read as those in figures are.
    dated = dates_in_figures(folded)
    contract(dated, parsed)
    salary(portuguese_figures(folded), parsed)
    issue_date(dated, parsed)
    captioned_dates(lines, parsed)
    if "issue_date" not in parsed.fields:
        letter_date(lines, parsed)
    if salary_in_another_currency(folded):
        # Stated as printed, not converted: whoever compares it with the payslips' base must know (docs/api.md).
        parsed.warnings.append("currency_not_eur")
    return parsed


# The letterhead's lines, where a letter in English prints its date on a line of its own.
DATE_LINES = 8


def letter_date(lines: list[Line], parsed: Parsed) -> None:
    """A letter's date standing alone on a line of its head, with no place before it: "20 October 2026", "October
    20, 2026" (blind probe r66a: an English employer's letter read with no issue date). A date inside a sentence
    ("since 3 April 2023") is not the letter's."""
    for line in lines[:DATE_LINES]:
        text = fold(line.text).strip(" .,;:|")
        if WRITTEN_DATE_LINE.fullmatch(text) or AMERICAN_DATE.fullmatch(text):
            day = stated_date(text)
            if day is not None:
                parsed.put("issue_date", day, STATED_CONFIDENCE)
                return


WRITTEN_DATE_LINE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}\.?\s+\d{4}")


# How far after the salary's words its amount and currency are read.
SALARY_REACH = 90


def salary_in_another_currency(folded: str) -> bool:
    """Whether the salary is stated in another currency and never in euros: the words after the salary's name
    ("basic salary is GBP 62,400 per annum, ie. £5,200.00") name pounds, dollars, ... and no euro (blind probe r66a:
    a British employer's letter's £5,200 read as a salary with no currency)."""
    stated = [folded[match.start() : match.end() + SALARY_REACH] for match in SALARY.finditer(folded)]
    return any(FOREIGN_CURRENCY.search(words) for words in stated) and not any(EURO.search(words) for words in stated)


# The page's edge, a fold or a shadow OCR reads as a bar or a bracket standing alone at a line's start or end
# ("... é seu/sua trabalhador(a) desde |" / "02/01/2009, vinculado(a) por ... por tempo [" / "indeterminado":
# blind probe r46b, a photographed declaration whose start date and contract went unread). Between two lines of
# a sentence they part the words that state a field. A text layer prints no such marks.
EDGE_MARKS = re.compile(r"^(?:\s*[|\[\]{}]+(?=\s))+|(?:(?<=\s)[|\[\]{}]+\s*)+$")


def without_edge_marks(line: Line) -> str:
    return EDGE_MARKS.sub("", line.text).strip() if line.confidence < 1.0 else line.text


# A two-column form's row, the caption alone before its date at the right margin, the gap lost in reading:
# "Início 2026-03-02", "TERMO 2027-03-01", "Data 2026-10-20". The whole line is the caption and the date.
ROW_DATES = (
    (
        "start_date",
        re.compile(
            r"(?:data\s+(?:de\s+)?)?(?:inicio|admissao)(?:\s+d[oa]\s+(?:contrato|vinculo|funcoes))?|entrada\s+ao\s+servico"
            r"|start(?:\s+date)?|date\s+of\s+(?:hire|joining)"
        ),
    ),
    (
        "end_date",
        re.compile(
            r"(?:data\s+(?:de\s+|do\s+)?)?(?:termo|fim|cessacao)(?:\s+d[oa]\s+(?:contrato|vinculo))?|end(?:\s+date)?"
        ),
    ),
    ("issue_date", re.compile(r"data(?:\s+de\s+emissao|\s+da\s+declaracao)?|date(?:\s+of\s+issue)?")),
)


# What a scan leaves around a row's caption and date: specks read as a stray letter or mark ("Início: E
# 01/10/2025 l .", "Termo: 30/09/2026 ."), one before the date, any after it. A text layer has none.
OCR_SPECK_BEFORE = r"(?:[^\s\d]{1,2}\s+)?"
OCR_SPECKS_AFTER = r"(?:\s+[^\s\d]{1,2})*\s*"
LEADING_MARKS = " .,;:|·-–—"
# The sentence's words before a company's name on its line, all in lower case: "trabalha na", "presta serviço na",
# "ao serviço de", "é colaboradora da", "exerce funções para a". A name opens with a capital (or a figure).
RUNNING_TEXT = re.compile(r"^(?:[^\W\d_A-ZÀ-Ý][^\W\d_]*\s+)+(?=[A-ZÀ-Ý0-9])")


def without_running_text(employer: str) -> str:
    """The employer's name without the words of the sentence that lead to it on its line (blind probe r68b:
    "trabalha na Iota Farmácias, Lda." read as the name). Only a run of lower-case words before a capitalised
    name is cut: "iServices, Lda." or "de Sá & Filhos, Lda." keep their first word."""
    cut = RUNNING_TEXT.sub("", employer)
    if cut == employer or len(cut) < 3:
        return employer
    lead = fold(employer[: len(employer) - len(cut)]).split()
    return employer if lead and all(word in COMPANY_JOINERS for word in lead) else cut


def captioned_dates(lines: list[Line], parsed: Parsed) -> None:
    """The dates no sentence or labelled phrase gave, read from a form's rows of a caption and a date alone."""
    for line in lines:
        folded = fold(line.text).strip()
        scanned = line.confidence < 1.0
        for field, caption in ROW_DATES:
            row = re.fullmatch(
                r"(?:"
                + caption.pattern
                + r")\s*[:.|]?\s*"
                + (OCR_SPECK_BEFORE if scanned else "")
                + DATE_TEXT
                + (OCR_SPECKS_AFTER if scanned else ""),
                folded,
            )
            if row is None or field in parsed.fields:
                continue
            if field == "end_date" and parsed.fields.get("contract_type") == "PERMANENT":
                # An open-ended contract has no end: the row is something else's ("Fim do período experimental").
                continue
            day = stated_date(row.group(1))
            if day is not None:
                parsed.put(field, day, STATED_CONFIDENCE)


# Portuguese number words, as a notary's or a lawyer's letter writes a date out in full.
NUMBER_WORDS = {
    "um": 1, "uma": 1, "primeiro": 1, "dois": 2, "duas": 2, "tres": 3, "quatro": 4, "cinco": 5, "seis": 6,
    "sete": 7, "oito": 8, "nove": 9, "dez": 10, "onze": 11, "doze": 12, "treze": 13, "catorze": 14,
    "quatorze": 14, "quinze": 15, "dezasseis": 16, "dezesseis": 16, "dezassete": 17, "dezessete": 17,
    "dezoito": 18, "dezanove": 19, "dezenove": 19, "vinte": 20, "trinta": 30, "quarenta": 40,
    "cinquenta": 50, "sessenta": 60, "setenta": 70, "oitenta": 80, "noventa": 90, "cem": 100, "cento": 100,
    "duzentos": 200, "trezentos": 300, "quatrocentos": 400, "quinhentos": 500, "seiscentos": 600,
    "setecentos": 700, "oitocentos": 800, "novecentos": 900,
}  # fmt: skip
_NUMBER = r"(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"|mil)"
_NUMBER_RUN = _NUMBER + r"(?:\s+(?:e\s+)?" + _NUMBER + r")*"
# "nove de dezembro de dois mil e vinte e seis": a day, a month's name, a year, the numbers in words.
DATE_IN_WORDS = re.compile(
    r"(?<![a-z])("
    + _NUMBER_RUN
    + r")\s+de\s+("
    + "|".join(m for m in MONTHS if len(m) > 3)
    + r")\s+de\s+("
    + _NUMBER_RUN
    + r")(?![a-z])"
)


def number_in_words(words: str) -> int:
    """'dois mil e vinte e cinco' -> 2025, 'mil novecentos e noventa' -> 1990, 'trinta e um' -> 31."""
    total, current = 0, 0
    for word in words.split():
        if word == "mil":
            total += (current or 1) * 1000
            current = 0
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
    return total + current


# "aos 14 dias do mês de outubro de 2026": a notarial way to write "14 de outubro de 2026".
DAYS_OF_THE_MONTH = re.compile(r"\s+dias?\s+do\s+mes\s+de\s+(?=[a-z]+\s+de\s+)")


def dates_in_figures(folded: str) -> str:
    """The text with each date written in words put in figures ("1 de marco de 2025"), the days-of-the-month
    phrase shortened ("14 dias do mes de outubro" -> "14 de outubro"), the rest as it was."""
    folded = DAYS_OF_THE_MONTH.sub(" de ", folded)

    def figures(match: re.Match[str]) -> str:
        day, year = number_in_words(match.group(1)), number_in_words(match.group(3))
        if not (1 <= day <= 31 and 1900 <= year <= 2100):
            return match.group(0)
        return f"{day} de {match.group(2)} de {year}"

    return DATE_IN_WORDS.sub(figures, folded)


# A temporary-work agency's declaration names the company its worker is placed with: "cedida à empresa utilizadora
# Xpto, Lda., NIPC ...", "placed with the user company Xpto (NIPC ...)". That company does not employ them.
USER_COMPANY = re.compile(
    r"(?:empresa|entidade)\s+utilizadora|(?<![a-z])utilizador[a]?\s+d[oa]\s+trabalho"
    r"|(?:user|client)\s+(?:company|undertaking|entity)"
)
# How far back a NIF's company is named: its name, maybe long, and its legal form between.
USER_COMPANY_REACH = 120


def employment_nifs(flat: str, folded: str, parsed: Parsed) -> None:
    """The company's NIF (labelled NIPC or after the company's words, else the collective one) and the person's."""
    intro = declared_person(flat, folded)
    # A letter's or a process's reference ("N/ Ref.ª ...", "Processo n.º ...") is neither's NIF, whatever its
    # check digit says; blanked, the same length, so each match stands where it stands in ``folded``.
    for match in nif_matches(without_reference_numbers(flat), without_reference_numbers(folded)):
        nif = re.sub(r"\s", "", match.group(1))
        if not [valid for number, valid in parse_nifs(nif) if valid]:
            continue
        if user_company_nif(folded, match.start()):
            # Blind probe r36a: with the agency's own NIPC unreadable in a photo's footer, the user company's was
            # given as the employer's. It is never the employer's, nor the worker's.
            continue
        before = folded[max(0, match.start() - 40) : match.start()]
        labelled_employee = bool(EMPLOYEE_NIF_LABEL.search(before))
        labelled_employer = (
            bool(EMPLOYER_NIF_LABEL.search(before))
            and not re.search(r"contribuinte\s*n", before[-18:])
            and not labelled_employee
        )
        # A sole trader employs under a personal NIF: one printed before the sentence that names the person
        # (the letterhead) is the employer's.
        letterhead = intro is not None and match.start() < intro[1]
        if not labelled_employee and (labelled_employer or letterhead or not nif_is_personal(nif)):
            parsed.put("employer_nif", nif, VALIDATED_CONFIDENCE)
        else:
            parsed.put("employee_nif", nif, VALIDATED_CONFIDENCE)


def user_company_nif(folded: str, start: int) -> bool:
    """The NIF at ``start`` is the first one after the words naming the user company, close enough to be its own."""
    before = folded[max(0, start - USER_COMPANY_REACH) : start]
    named = list(USER_COMPANY.finditer(before))
    return bool(named) and not NIF_DIGITS.search(before, named[-1].end())


# Nine digits in threes ("253 049 172") or run together; after a NIF's label, also broken where a photo's read
# put a space ("(NIF 2530491 72)"): the check digit still has to hold.
NIF_DIGITS = re.compile(r"(?<!\d)(\d{3}\s?\d{3}\s?\d{3})(?!\d)")
LABELLED_NIF_DIGITS = re.compile(r"(?:(?<![a-z])nif|contribuinte)[^\d\n]{0,12}?(?<!\d)((?:\d\s?){8}\d)(?!\d)")


def nif_matches(flat: str, folded: str) -> list[re.Match[str]]:
    """Each NIF's digits in reading order, a labelled one broken by a stray space too (once, where it starts)."""
    found = {match.start(1): match for match in NIF_DIGITS.finditer(flat)}
    if len(folded) == len(flat):
        for match in LABELLED_NIF_DIGITS.finditer(folded):
            found.setdefault(match.start(1), match)
    return [found[start] for start in sorted(found)]


def employment_people(lines: list[Line], flat: str, folded: str, parsed: Parsed) -> None:
    """The person named after "declara ... que" (or under a "Nome:" label), and the company: the line with a
    legal form (Lda., S.A., Unipessoal) that is not the person's."""
    for line in lines:
        label = NAME_LABEL.search(fold(line.text)) or ROLE_LABEL.match(fold(line.text))
        cell = None if label else ROLE_CELL.match(fold(line.text))
        if label or cell:
            # A form names the person under its label; its closing sentence ("declara-se que os dados acima
            # são verdadeiros") names nobody.
            rest = line.text[(label or cell).end() :]  # type: ignore[union-attr]
            name = clean_name(rest)
            if name and plausible_person(name) and (label or capitalised(name)) and not names_a_body(rest):
                parsed.put("employee_name", title_case(name), STATED_CONFIDENCE)
                break
    declared = declared_person(flat, folded)
    if declared and "employee_name" not in parsed.fields:
        parsed.put("employee_name", declared[0], STATED_CONFIDENCE)
    owner = None if "employee_name" in parsed.fields else name_before_employee_nif(flat, parsed)
    if owner:
        parsed.put("employee_name", owner, STATED_CONFIDENCE)
    declaring = declaring_company(lines)
    if declaring and declaring[0] != parsed.fields.get("employee_name"):
        # The company that makes the declaration names itself whole in its sentence; a letterhead above it may
        # print a logo's initials, a brand or a tagline of its legal form, and is the weaker source.
        parsed.put("employer_name", with_branch(*declaring), STATED_CONFIDENCE)
    for index, line in enumerate(lines if "employer_name" not in parsed.fields else []):
        if COMPANY_SUFFIX.search(fold(line.text)):
            employer = company_name(EMPLOYER_LABEL.sub("", line.text))
            if employer and (not COMPANY_SUFFIX.search(fold(employer)) or SENTENCE_WORDS.search(fold(employer))):
                # "Declara-se que Ana Sousa, NIF ..., é trabalhadora da X, Lda.": the sentence before the company.
                employer = company_in_sentence(line.text)
            if employer and SUBJECT_ARTICLE.match(employer) and SUBJECT_VERB.search(fold(line.text)):
                employer = SUBJECT_ARTICLE.sub("", employer)
            if employer and employer != parsed.fields.get("employee_name"):
                if index == 1 and line.text.startswith(employer[:8]) and not LETTER_TITLE.search(fold(lines[0].text)):
                    # "LISBON DIGITAL HUB" / "Unipessoal Lda. · NIPC ...": the line above holds the name's head.
                    head = lines[0].text.strip()
                    employer = letterhead_name(title_case(head) if head.isupper() else head, employer)
                parsed.put("employer_name", with_branch(employer.strip(" ,"), line.text), STATED_CONFIDENCE)
                break
    if "employer_name" not in parsed.fields:
        # The company named inside the sentence, wrapped over lines: "desta empresa (X, Lda., NIF ...)".
        employer = company_in_sentence(flat)
        if employer and employer != parsed.fields.get("employee_name"):
            parsed.put("employer_name", employer, STATED_CONFIDENCE)
    letterhead = None if "employer_name" in parsed.fields else letterhead_company(lines)
    if letterhead and letterhead != parsed.fields.get("employee_name"):
        parsed.put("employer_name", letterhead, STATED_CONFIDENCE)
    for line in lines if "employer_name" not in parsed.fields else []:
        # A private charity (IPSS) has no company form: its letterhead ends with the status.
        head = re.split(r"\s{2,}|\s[·|–-]\s|\b(?:NIPC|NIF|Contribuinte)\b", line.text.strip())[0].strip(" ,;")
        if (CHARITY.search(head) or NONPROFIT.match(head)) and len(head) <= 90:
            parsed.put("employer_name", head, STATED_CONFIDENCE)
    declarant = None if "employer_name" in parsed.fields else first_person_employer(flat, folded)
    if declarant and declarant != parsed.fields.get("employee_name"):
        parsed.put("employer_name", declarant, STATED_CONFIDENCE)
    public = None if "employer_name" in parsed.fields else public_employer(lines)
    if public:
        parsed.put("employer_name", public[0], STATED_CONFIDENCE)


# The declaring verb on the line's own text (accents kept: "DECLARAÇÃO" is the title, not the verb), to cut the
# line where the subject before it ends.
SUBJECT_VERB_CASELESS = re.compile(r"(?<![^\W\d_])(?:declara|certifica|atesta|confirma|informa)(?![^\W\d_])", re.I)


def declaring_company(lines: list[Line]) -> tuple[str, str] | None:
    """The company a line's sentence makes the declaration in, with its legal form: "Xpto Têxteis, S.A., pessoa
    coletiva n.º ..., declara que ...", "A Xpto, Lda., NIPC ..., certifica que ...", the sentence on one line or
    wrapped over two (its seat's address before the verb). Its name and the text it stands in."""
    for index, line in enumerate(lines):
        verb = SUBJECT_VERB_CASELESS.search(line.text)
        before = line.text[: verb.start()] if verb else ""
        if (before.strip() or verb) and not COMPANY_SUFFIX.search(fold(before)) and index > 0:
            # The subject's words run on from the line above ("..., com sede na Avenida ...," / "4900 Braga, declara"),
            # or are all on it, the verb opening the line ("..., a Xpto - Navegação, S.A., pessoa coletiva n.º ..." /
            # "declara que ..."): the whole name, where a letterhead may wrap it over two lines (round 28).
            before = f"{lines[index - 1].text} {before}"
        subject = without_opening_phrase(EMPLOYER_LABEL.sub("", before))
        forms = list(COMPANY_SUFFIX.finditer(fold(subject)))
        if not forms:
            continue
        if PARTICULARS_AFTER_FORM.match(subject, forms[-1].end()):
            # "Xpto - Navegação e Logística, S.A., pessoa coletiva n.º ...": the name ends at its legal form, and
            # a dash inside it stays (``company_name`` keeps one only when the form ends the text).
            subject = subject[: forms[-1].end()]
        name = company_name(SUBJECT_ARTICLE.sub("", subject))
        if name and declarant_name(name):
            return name.strip(" ,"), subject
    return None


# What a sentence says of the company after its legal form: ", pessoa coletiva n.º ...", ", com sede em ...",
# ", NIPC ...". A capitalised word after the comma may be the name's own ("Xpto, S.A., Sucursal ...").
PARTICULARS_AFTER_FORM = re.compile(r"\s*,\s*(?:[a-zà-ÿ]|NIPC|NIF|N\.\s?I\.\s?F)")


def without_opening_phrase(subject: str) -> str:
    """The subject without the phrase a sentence may open with before it ("Para os devidos efeitos, Xpto, S.A.,
    NIPC ..., declara", "For all due purposes, Xpto, S.A., ... hereby declares"): a clause up to a comma whose
    words after the first are in lower case, as a company's name's words are not (its joiners aside)."""
    clause, comma, rest = subject.partition(",")
    words = clause.split()[1:]
    lower = [word for word in words if word[:1].islower() and word.lower() not in COMPANY_JOINERS]
    form = COMPANY_SUFFIX.search(fold(rest))
    # What follows holds a name before its legal form: a name's own lower-case words ("Padaria e pastelaria
    # Xpto, Lda.") are not cut down to the form alone.
    if not (comma and lower and form and re.search(r"[A-ZÀ-Ý][^\W\d_]{2,}", rest[: form.start()])):
        return subject
    # "..., a Xpto, Lda., declara": the article that opens the subject is no part of the name either.
    return re.sub(r"^\s*[ao]\s+(?=[A-ZÀ-Ý])", "", rest.lstrip())


def declarant_name(name: str) -> bool:
    """A company's name: capitalised, with its legal form and words of its own besides ("Sociedade" alone, a
    letterhead's tagline, is none), and none of a sentence's."""
    folded = fold(name)
    own_words = re.findall(r"[a-z]{3,}", COMPANY_SUFFIX.sub(" ", folded))
    return (
        name[:1].isupper() and bool(COMPANY_SUFFIX.search(folded) and own_words) and not SENTENCE_WORDS.search(folded)
    )


# How many lines a letterhead takes at most, the declaration's title or text below it.
LETTERHEAD_LINES = 4


def letterhead_company(lines: list[Line]) -> str | None:
    """A letterhead's name ending in a legal form of ``OTHER_LEGAL_FORM``, before its NIF or address ("Centro
    Social e Paroquial de São Vicente de Paulo (IPSS)" / "NIPC ... · Amadora"), over the declaration's text."""
    for line in lines[:LETTERHEAD_LINES]:
        if SENTENCE_WORDS.search(fold(line.text)) or LETTER_TITLE.search(fold(line.text)):
            break
        head = re.split(r"\s{2,}|\s[·|]\s|\b(?:NIPC|NIF|Contribuinte)\b", line.text.strip())[0].strip(" ,;")
        words = [word for word in head.split() if word.lower() not in COMPANY_JOINERS]
        if OTHER_LEGAL_FORM.search(head) and len(words) >= 2 and words[0][:1].isupper() and len(head) <= 100:
            return head
    return None


# Small words inside a company's name ("Lavandarias do Oeste", "Silva & Filhos"): not where it starts.
COMPANY_JOINERS = {"de", "do", "da", "dos", "das", "e", "&", "—", "–", "-"}


def company_in_sentence(text: str) -> str | None:
    """The company a sentence names ("é trabalhadora da Farfetch Portugal, Unipessoal Lda. (NIPC ...)", "desta
    empresa (Supermercados X, Lda., NIF ...)"): the capitalised words that run back from its legal form."""
    folded = fold(text)
    if len(folded) != len(text):
        return None
    for suffix in COMPANY_SUFFIX.finditer(folded):
        head = text[: suffix.start()]
        words = re.split(r"(\s+)", head.rstrip())
        start = len(head.rstrip())
        kept = 0
        for index in range(len(words) - 1, -1, -1):
            word = words[index]
            if not word or word.isspace():
                continue
            bare = word.strip(",")
            if "(" in bare:
                # "(Supermercados ...": the bracket opens the name.
                if bare[bare.rindex("(") + 1 :][:1].isupper():
                    start = sum(len(w) for w in words[:index]) + bare.rindex("(") + 1
                    kept += 1
                break
            if bare[:1].isupper() or bare.lower() in COMPANY_JOINERS or (kept == 0 and bare.lower() == "unipessoal"):
                if bare.endswith((".", ":", ";")) and kept:
                    break
                start = sum(len(w) for w in words[:index])
                kept += 1
                continue
            break
        end = suffix.end()
        # "Unipessoal Lda.", "Sociedade Unipessoal, Lda.": the legal form may take more than one word.
        more = COMPANY_SUFFIX.match(folded, end + len(folded[end:]) - len(folded[end:].lstrip(" ,")))
        while more and more.end() > end:
            end = more.end()
            more = COMPANY_SUFFIX.match(folded, end + len(folded[end:]) - len(folded[end:].lstrip(" ,")))
        candidate = text[start:end].strip()
        while candidate.split(" ", 1)[0].lower() in COMPANY_JOINERS and " " in candidate:
            candidate = candidate.split(" ", 1)[1]
        if kept and not SENTENCE_WORDS.search(fold(candidate)) and len(re.findall(r"[A-Za-zÀ-ÿ]", candidate)) >= 3:
            name = company_name(candidate)
            if name and COMPANY_SUFFIX.search(fold(name)):
                return name.strip(" ,")
    return None


# "Eu, Helena ..., contribuinte n.º ..., residente na ..., declaro, sob compromisso de honra, que ...": a private
# employer (a household) declaring in the first person. The declaration follows within its opening sentence.
FIRST_PERSON = re.compile(r"(?<![a-z])eu\s*,\s*")
FIRST_PERSON_VERB = re.compile(r"(?<![a-z])(?:declaro|certifico|atesto|confirmo)(?![a-z])")
# Someone declaring for a body ("Eu, ..., na qualidade de gerente da ..."): the body employs, not they.
ON_BEHALF = re.compile(
    r"qualidade\s+de|representa|(?<![a-z])(?:gerente|diretor[a]?|director[a]?|administrador[a]?|presidente"
    r"|responsavel|socio|socia|provedor[a]?)(?![a-z])"
)


def first_person_employer(flat: str, folded: str) -> str | None:
    """The person who declares in the first person, in their own name: the employer."""
    opening = FIRST_PERSON.search(folded)
    verb = FIRST_PERSON_VERB.search(folded, opening.end()) if opening else None
    if opening is None or verb is None or verb.start() - opening.end() > 250 or len(folded) != len(flat):
        return None
    if ON_BEHALF.search(folded[opening.end() : verb.start()]):
        return None
    name = clean_name(NAME_END.split(flat[opening.end() : verb.start()])[0])
    name = capitalised_run(name) if name else None
    return title_case(name) if name and plausible_person(name) else None


def declared_person(flat: str, folded: str) -> tuple[str, int] | None:
    """The person the sentence declares ("declara-se que Ana Sousa, ...") and where their name starts."""
    intro = EMPLOYEE_INTRO.search(folded)
    if intro is None:
        return None
    # Folding drops accents one character for one, so the name is cut from the text as printed (accents
    # kept); a character folding into two ("ﬁ") would shift it, and then the folded text is cut instead.
    source = flat if len(folded) == len(flat) else folded
    name = clean_name(NAME_END.split(source[intro.end() :])[0])
    if name and source is flat:
        # A name is printed capitalised: the sentence going on in lower case ("... que julgue convenientes")
        # is not one, and ends a name that runs into it.
        name = capitalised_run(name)
    return (title_case(name), intro.end()) if name and plausible_person(name) else None


# The label between a person's name and their NIF: ", NIF", ", contribuinte n.º", ", tax number (NIF)".
NIF_LABEL_BEFORE = re.compile(
    r"[,\s]*(?:\(?(?:nif|contribuinte|tax\s+(?:number|id(?:entification\s+number)?)|taxpayer\s+number)\)?"
    r"[\s(),.:ºo]*(?:n\.?\s?[ºo]\.?\s*)?)+$"
)


# A word of a name: letters, a double name's hyphen or an apostrophe between them ("Sá-Pereira", "D'Almeida").
NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def name_before_employee_nif(flat: str, parsed: Parsed) -> str | None:
    """The person whose NIF the sentence gives straight after their name ("... Arjun Mehta, NIF 2..., has been
    employed"), where no "declares that" introduced them (a scan's misread word, a line's end cut off)."""
    nif = parsed.fields.get("employee_nif")
    found = re.search(r"(?<!\d)" + r"\s?".join(nif) + r"(?!\d)", flat) if nif else None
    if found is None:
        return None
    before = flat[max(0, found.start() - 120) : found.start()]
    label = NIF_LABEL_BEFORE.search(fold(before))
    if label is None or not label.group(0).strip(" ,"):
        return None
    # The capitalised words that end right before the label, back to the first that is not a name's.
    words = before[: label.start()].split()
    kept: list[str] = []
    for word in reversed(words):
        if not (word[:1].isupper() or (kept and word.lower() in NAME_PARTICLES)) or not NAME_WORD.fullmatch(word):
            break
        kept.insert(0, word)
    while kept and kept[0].lower() in NAME_PARTICLES:
        kept.pop(0)
    name = " ".join(kept)
    return title_case(name) if plausible_person(name) and not names_a_body(name) else None


def capitalised_run(text: str) -> str | None:
    """The words from the start that are capitalised (particles between them kept, another language's too: "Pieter
    van der Berg", blind probe r36a): where a name stops."""
    particles = NAME_PARTICLES | FOREIGN_NAME_PARTICLES
    words: list[str] = []
    for word in text.split():
        if word.lower() not in particles and not word[0].isupper():
            break
        words.append(word)
    while words and words[-1].lower() in particles:
        words.pop()
    return " ".join(words).rstrip(".") or None


def names_a_body(text: str) -> bool:
    """A company's or a charity's name ("Centro Social ... (IPSS)", "Associação ..."), not a person's: a form's
    "Nome" row in the employer's part names the employer."""
    text = text.strip(" ,;|")
    return bool(OTHER_LEGAL_FORM.search(text) or CHARITY.search(text) or NONPROFIT.match(text))


def plausible_person(name: str) -> bool:
    """Two words or more, none of them a company's or a sentence's. The surname "Sá" is no "SA" (blind probe r37a:
    "Tiago Alexandre Sá Pereira" left unread)."""
    words = fold(name).split()
    sentence_words = {"empresa", "para", "efeitos", "os", "dados", "acima", "presente", "declaracao"}
    return len(words) >= 2 and not prints_legal_form(name) and not sentence_words & set(words)


def contract(folded: str, parsed: Parsed) -> None:
    # A form lists every kind with a box each: only the ticked one is the contract's.
    ticked_permanent, ticked_fixed = TICKED_PERMANENT.search(folded), TICKED_FIXED.search(folded)
    if ticked_fixed and not ticked_permanent:
        parsed.put("contract_type", "FIXED_TERM", STATED_CONFIDENCE)
    elif (ticked_permanent and not ticked_fixed) or PERMANENT.search(folded):
        parsed.put("contract_type", "PERMANENT", STATED_CONFIDENCE)
    elif FIXED_TERM.search(folded):
        parsed.put("contract_type", "FIXED_TERM", STATED_CONFIDENCE)
    start = START.search(folded) or SIGNED.search(folded)
    if start:
        parsed.put("start_date", stated_date(start.group(1)), STATED_CONFIDENCE)
    probation_span = probation(folded, parsed)
    if parsed.fields.get("contract_type") == "FIXED_TERM" or PAST_EMPLOYMENT.search(folded):
        for end in END.finditer(folded):
            if probation_span and probation_span[0] <= end.start() < probation_span[1]:
                continue  # the probation's end, not the contract's
            day = stated_date(end.group(1))
            if day is not None and day != parsed.fields.get("start_date"):
                parsed.put("end_date", day, STATED_CONFIDENCE)
                break


# A declaration of a job that is over, whatever its contract: "esteve ao seu serviço de ... até ...", "exerceu
# funções ... até", "o contrato cessou em ...", "não foi renovado". Its end is read as a fixed term's is: a
# contract sem termo that ended has ended too.
PAST_EMPLOYMENT = re.compile(
    r"esteve\s+ao\s+(?:seu|nosso)\s+servico|exerceu\s+(?:as\s+)?funcoes|(?<![a-z])trabalhou(?![a-z])"
    r"|prestou\s+(?:o\s+seu\s+)?(?:servico|funcoes|trabalho|atividade)"
    r"|(?:contrato|vinculo)\s+(?:de\s+trabalho\s+)?(?:cessou|caducou|terminou|foi\s+(?:rescindido|denunciado|revogado|resolvido|cessado))"
    r"|nao\s+foi\s+renovad|foi\s+(?:seu|sua|nosso|nossa)\s+(?:trabalhador|funcionari|colaborador)"
)

# "encontrando-se em período experimental de 180 dias, que termina em 30/04/2027", "período experimental de 30 dias",
# "em período experimental até 15/01/2027" (Código do Trabalho, arts. 111.º to 114.º).
PROBATION = re.compile(r"periodo\s+experimental")
PROBATION_LENGTH = re.compile(r"^[^.;]{0,30}?(?<![a-z])(?:de|com\s+a\s+duracao\s+de)\s+(\d{1,3})\s+(dias|mes(?:es)?)")
PROBATION_END = re.compile(
    r"^[^;]{0,60}?(?:termina(?:ra)?|terminando|a\s+terminar|finda|cessa(?:ra)?|(?<![a-z])ate)(?![a-z])"
    r"\s*(?:em|a)?\s*(?:o\s+dia\s+|ao\s+dia\s+)?" + DATE_TEXT
)


def probation(folded: str, parsed: Parsed) -> tuple[int, int] | None:
    """The período experimental a declaration names: its length (``probation_days``, months as 30 days) and its last
    day (``probation_end_date``), printed or counted from the start (the period counts from the first day of work,
    art. 112.º: day N is the start's N - 1 days later). Either party may end the contract during it without cause
    or compensation (art. 114.º), which the check states. Returns where its words stand, so the contract's end is
    not taken from them."""
    found = PROBATION.search(folded)
    if found is None:
        return None
    after = folded[found.end() : found.end() + 120]
    sentence = re.split(r"\.\s", after)[0]
    length = PROBATION_LENGTH.search(sentence)
    days = None
    if length:
        days = int(length.group(1)) * (30 if length.group(2).startswith("mes") else 1)
        if 0 < days <= 240:  # art. 112.º: 240 days at most
            parsed.put("probation_days", days, STATED_CONFIDENCE)
        else:
            days = None
    end_words = PROBATION_END.search(sentence)
    last = stated_date(end_words.group(1)) if end_words else None
    start = parsed.fields.get("start_date")
    if last is None and days and isinstance(start, dt.date):
        last = start + dt.timedelta(days=days - 1)
    if last is not None:
        parsed.put("probation_end_date", last, STATED_CONFIDENCE)
    said = max((words.end() for words in (length, end_words) if words), default=0)
    return found.start(), found.end() + said


def stated_date(text: str) -> dt.date | None:
    """'01/03/2021', '2021-03-01', '1 de março de 2021', 'março de 2021' or '03/2021' (a month: its first day)."""
    dates = parse_dates(text)
    if dates:
        return dates[0]
    words = re.fullmatch(r"(?:(\d{1,2})\s+de\s+)?([a-z]+)\s+de\s+(\d{4})", text.strip())
    if words and words.group(2) in MONTHS:
        try:
            return dt.date(int(words.group(3)), MONTHS[words.group(2)], int(words.group(1) or 1))
        except ValueError:
            return None
    month = re.fullmatch(r"(\d{1,2})\s?[./-]\s?(\d{4})", text.strip())
    if month and 1 <= int(month.group(1)) <= 12:
        return dt.date(int(month.group(2)), int(month.group(1)), 1)
    # "1 September 2024": an English letter's date; "September 1, 2024": an American one's.
    return next(iter(written_dates(text) or american_dates(text)), None)


# "November 2, 2026", "Oct. 20, 2026": the month's English name before the day (on folded text).
AMERICAN_DATE = re.compile(r"(?<![a-z])([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?!\d)")


def american_dates(text: str) -> list[dt.date]:
    """The dates written month first, as an American letter prints them ("June 15, 2021")."""
    found = []
    for match in AMERICAN_DATE.finditer(fold(text)):
        month = ENGLISH_MONTHS.get(match.group(1)) or MONTHS.get(match.group(1))
        if month is None:
            continue
        try:
            found.append(dt.date(int(match.group(3)), month, int(match.group(2))))
        except ValueError:
            continue
    return found


def salary(folded: str, parsed: Parsed) -> None:
    """The first plausible amount after the salary's words: gross unless they say net ("líquido"); a base salary
    ("remuneração base") is gross whatever else a scan made of its words ("ilíquida" read "líquida")."""
    implausible = False
    yearly: tuple[Decimal, int] | None = None
    matches = list(SALARY.finditer(folded))
    current = CURRENT.search(folded)
    if current:
        # The salary stated as today's comes first; an earlier one ("até julho auferiu ...") is history.
        matches = [m for m in matches if m.start() > current.start()] + matches
    for match in matches:
        window = folded[match.end() : match.end() + 90]
        if ANNUAL.search(window) or ANNUAL_BEFORE.search(folded[max(0, match.start() - 30) : match.start()]):
            # "retribuição anual bruta de 24.500,00 €": a year's pay, not a month's; with the payments it is
            # made in ("paga em 14 prestações") it gives the month's.
            sentence = re.split(r"\.\s", window)[0]
            payments = PAYMENTS.search(sentence)
            annual = parse_money(sentence)
            if yearly is None and payments and annual and not NET_WORDS.search(match.group(0) + sentence[:20]):
                count = int(payments.group(1) or COUNT_WORDS[payments.group(2)])
                yearly = annual[0], count
                # "paid in 14 instalments of EUR 3,900.00": the instalment printed is the month's salary.
                each = parse_money(sentence[payments.end() : payments.end() + 30])
                if (
                    each
                    and LEAST_MONTHLY_SALARY <= each[0] < annual[0]
                    and abs(each[0] * count - annual[0]) <= annual[0] / 50
                ):
                    parsed.put("monthly_gross_salary", each[0], STATED_CONFIDENCE)
                    return
            month = month_beside_the_year(sentence)
            if month is not None and not NET_WORDS.search(match.group(0) + sentence[:20]):
                parsed.put("monthly_gross_salary", month, STATED_CONFIDENCE)
                return
            continue
        amounts = parse_money(window) or [Decimal(re.sub(r"\D", "", m.group(1))) for m in WHOLE_EUROS.finditer(window)]
        plausible = [amount for amount in amounts if amount >= LEAST_MONTHLY_SALARY]
        if not plausible:
            implausible = implausible or bool(amounts)
            continue
        # The words up to the amount say which it is too: "aufere mensalmente o valor líquido de 818,80 €".
        first_amount = MONEY.search(window)
        words = match.group(0) + window[: first_amount.start() if first_amount else 0]
        net = NET_WORDS.search(words) and not re.search(r"(?<![a-z])base(?![a-z])", words)
        if net and twice_net(folded, match, plausible[0]):
            # "Remuneração mensal líquida: 1.045,00 € Remuneração mensal líquida: 912,20 €": a scan lost the "i"
            # of "ilíquida"; of two amounts both called net, the larger is the gross.
            net = False
        parsed.put("monthly_net_salary" if net else "monthly_gross_salary", plausible[0], STATED_CONFIDENCE)
        if not net:
            stated_net(folded[match.end() :], plausible[0], parsed)
            net_in_own_sentence(folded[match.end() :], plausible[0], parsed)
        return
    if yearly is not None:
        monthly = (yearly[0] / yearly[1]).quantize(Decimal("0.01"))
        if monthly >= LEAST_MONTHLY_SALARY:
            parsed.put("monthly_gross_salary", monthly, DERIVED_CONFIDENCE)
            parsed.warnings.append("derived:monthly_gross_salary")
        return
    if implausible:
        # "1.512,40" scanned as "1.51 2,40" reads 1,51 €: no salary rather than a wrong one.
        parsed.warnings.append("salary_implausible")


# What says an amount is a month's, straight after it: "(US$10,000.00 per month)", "3.000,00 € por mês".
PER_MONTH_AFTER = re.compile(r"\W{0,3}(?:(?:per|a|each)\s+month|/\s*month|(?:por|ao|cada)\s+mes)(?![a-z])")


def month_beside_the_year(sentence: str) -> Decimal | None:
    """The month's amount a year's salary's sentence states beside it ("annual base salary is USD 120,000.00
    (US$10,000.00 per month), paid biweekly": blind probe r66a, no monthly salary read)."""
    for money in MONEY.finditer(sentence):
        amounts = parse_money(money.group(0))
        if amounts and amounts[0] >= LEAST_MONTHLY_SALARY and PER_MONTH_AFTER.match(sentence, money.end()):
            return amounts[0]
    return None


def twice_net(folded: str, match: re.Match[str], amount: Decimal) -> bool:
    """The salary's words straight after this amount say net again, of a smaller amount."""
    after = folded[match.end() : match.end() + 120]
    first = MONEY.search(after)
    if first is None:
        return False
    again = SALARY.search(after, first.end())
    if again is None or again.start() - first.end() > 6 or not NET_WORDS.search(again.group(0)):
        return False
    amounts = parse_money(after[again.end() : again.end() + 30])
    return bool(amounts) and LEAST_MONTHLY_SALARY <= amounts[0] < amount


def stated_net(after: str, gross: Decimal, parsed: Parsed) -> None:
    """The net the same sentence gives after the gross ("920,00 € ilíquidos, a que corresponde o valor líquido
    de 818,80 €"): below the gross, or it is not the net of it."""
    sentence = re.split(r"\.\s", after)[0]
    for word in NET_WORDS.finditer(sentence):
        amounts = parse_money(sentence[word.end() : word.end() + 40])
        if amounts and LEAST_MONTHLY_SALARY <= amounts[0] < gross:
            parsed.put("monthly_net_salary", amounts[0], STATED_CONFIDENCE)
            return


# What a net is the net of, named before its "líquido": "O valor líquido mensal auferido é de ...", "A remuneração
# líquida mensal corresponde a ...", "Her net monthly pay is ...".
NET_OF = re.compile(
    r"(?<![a-z])(?:remuneracao|vencimento|salario|ordenado|retribuicao|valor|montante|quantia|importancia"
    r"|salary|pay|wage|amount)(?![a-z])"
)
# A sentence's total over months, not a month's net: "acumulado", "no corrente ano", "year to date".
NOT_A_MONTH = re.compile(
    r"anua[li]|por\s+ano|ao\s+ano|acumulad|(?:no|do|neste)\s+(?:corrente\s+)?ano|ate\s+(?:a\s+)?(?:data|presente)"
    r"|annual|yearly|per\s+year|to\s+date|this\s+year"
)


def net_in_own_sentence(after: str, gross: Decimal, parsed: Parsed) -> None:
    """The net a later sentence of its own states after the gross ("Aufere a remuneração base mensal ilíquida de
    4.175,00 €. O valor líquido mensal auferido é de 3.328,86 €.": blind probe r36a, read only in the gross's
    sentence before): a month's, below the gross, its salary's words before "líquido"."""
    for sentence in re.split(r"\.\s", after)[1:]:
        if NOT_A_MONTH.search(sentence):
            continue
        for word in NET_WORDS.finditer(sentence):
            if not NET_OF.search(sentence[max(0, word.start() - 30) : word.start()]):
                continue
            amounts = parse_money(sentence[word.end() : word.end() + 60])
            if amounts and LEAST_MONTHLY_SALARY <= amounts[0] < gross:
                parsed.put("monthly_net_salary", amounts[0], STATED_CONFIDENCE)
                return


def issue_date(folded: str, parsed: Parsed) -> None:
    """Where and when it was signed ("Lisboa, 15 de novembro de 2026"), else a dated "Data:" line."""
    for match in ISSUE_LONG.finditer(folded):
        day = stated_date(f"{match.group(1)} de {match.group(2)} de {match.group(3)}")
        if day is not None:
            parsed.put("issue_date", day, STATED_CONFIDENCE)
            return
    numeric = ISSUE_NUMERIC.search(folded)
    signed = parse_dates(numeric.group(1)) if numeric else []
    if signed:
        parsed.put("issue_date", signed[0], STATED_CONFIDENCE)
        return
    for label in ISSUE_LABEL.finditer(folded):
        dates = parse_dates(folded[label.end() : label.end() + 12])
        if dates:
            parsed.put("issue_date", dates[0], STATED_CONFIDENCE)
            return
