"""Pension statements (Seguranca Social / Centro Nacional de Pensoes, CGA) and the declaracao de inicio de
atividade, read by labels and arithmetic.

A pension statement prints a monthly amount, what is taken from it (IRS withheld, ADSE, ...), what is paid,
and how many times a year (14: the subsidio de ferias in July and de Natal in December; 12 where they are
spread). Labels come in many wordings, one per line or as a header row over a row of values; the payments
per year are printed ("paga 14 vezes por ano", "N.º de prestações anuais: 14") or follow from the annual
amount over the monthly one. An amount belongs to the label before it (in a sentence too) or to its column; where
the deductions could be a printed total or the items' sum, or the gross is only the items paid, net = gross -
deductions picks the reading, and ``validation`` checks it again; nothing is inferred from the layout of one issuer.
A foreign insurer's statement (in English, French, Spanish or German) is read by the same roles, each holding its
words in each language, and its dates may name their month in its language.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal

from applicants.identifiers import nif_is_personal
from applicants.text import fold
from documents.extraction.parsers.common import (
    ENGLISH_MONTHS,
    FOREIGN_MONTHS,
    MONEY,
    MONTHS,
    NIF_TOKEN,
    SALUTATION,
    VALIDATED_CONFIDENCE,
    WRITTEN_DATE,
    Parsed,
    capitalised,
    clean_name,
    fix_digits,
    issue_dates_short_year,
    nif_check_failed,
    one_digit_apart,
    parse_dates,
    parse_money,
    parse_nifs,
    parse_period,
    portuguese_figures,
    title_case,
    written_dates,
)
from documents.extraction.reader import Line

PAYMENT_COUNTS = (12, 13, 14)
# An amount worked out from others rather than printed.
DERIVED_CONFIDENCE = 0.6
CENT = Decimal("0.01")
# Checked in this order on folded text; a span taken by one role is not read again by a later one.
# A foreign pension's statement may be in English ("Gross monthly amount", "Total deductions", "Net amount paid"),
# French ("Montant mensuel brut", "CSG", "Montant mensuel net"), Spanish ("Importe íntegro mensual", "Retención
# IRPF", "Importe líquido") or German ("Monatliche Rente (brutto)", "Beitrag zur Krankenversicherung",
# "Zahlbetrag"): each role's pattern holds its words in each language.
PENSION_ROLES: list[tuple[str, re.Pattern[str]]] = [
    # "Sem descontos": nothing is taken, and the amount after it is not a deduction.
    (
        "no_deductions",
        re.compile(
            r"sem\s+(?:quaisquer\s+|qualquer\s+)?descontos|no\s+deductions|sans\s+(?:retenue|prelevement)s?"
            r"|sin\s+(?:retenciones|deducciones|descuentos)|keine\s+abzuge"
            # "Tax is not deducted by us", "Aucune retenue à la source n'est effectuée".
            r"|(?:is|are)\s+not\s+deducted|aucun(?:e)?\s+(?:retenue|prelevement)"
        ),
    ),
    (
        "annual_amount",
        re.compile(
            r"(?:valor|montante|total|rendimento)\s+(?:\w+\s+)?anual|anual\s+(?:iliquido|bruto)"
            r"|(?:annual|yearly)\s+(?:gross\s+)?(?:amount|pension|total)"
            # French doubles the n ("Montant annuel CHF 20'256.00": blind probe r37b, a Swiss AVS statement's year
            # unread), Spanish does not ("Importe anual").
            r"|(?:montant|importe)\s+(?:\w+\s+)?an+u(?:el|al)|jahres(?:betrag|rente)"
        ),
    ),
    (
        "deductions",
        re.compile(
            r"total\s+(?:de\s+|dos\s+)?descontos|descontos\s+totais|total\s+(?:of\s+)?deductions"
            r"|total\s+(?:des\s+)?(?:prelevements|retenues|cotisations)|total\s+(?:de\s+)?(?:retenciones|deducciones|descuentos)"
            r"|summe\s+(?:der\s+)?abzuge|abzuge\s+(?:gesamt|insgesamt)"
            # "Descontos: R$ 337,12" under the rubrics, "Descontos 63,55 EUR" under "Retenção na fonte 63,55 EUR":
            # the plural alone opening its line, before its amount, labels their total, not one more of them.
            r"|^\W*(?:descontos|deducoes)\s*(?::|(?=(?:€|eur|r\$)?\s*\d))"
        ),
    ),
    (
        "net_monthly_amount",
        re.compile(
            r"(?:pensao|valor|montante|total)\s+(?:mensal\s+)?(?<![a-z])liquid[oa]|(?<![a-z])liquido\s+a\s+(?:receber|pagar)"
            # "Valor mensal a receber 750,73": what is paid, the month named or not.
            r"|(?:valor|total|montante|importancia)\s+(?:mensal\s+)?a\s+(?:receber|pagar)|(?<![a-z])liquido(?![a-z])"
            r"|(?:valor|montante)\s+(?:mensal\s+)?pago(?![a-z])"
            # "Montante creditado": what reached the pensioner's account.
            r"|(?:valor|montante|importancia|quantia)\s+(?:mensal\s+)?creditad[oa]"
            r"|(?<![a-z])net\s+(?:monthly\s+)?(?:amount|pension|payment)|amount\s+paid"
            r"|(?:montant|importe)\s+(?:mensuel\s+|mensual\s+)?(?:net[oa]?|liquido)(?![a-z])|net\s+a\s+payer"
            # "Montant versé par mois CHF 1'184.00": what is paid out, in French.
            r"|montant\s+(?:mensuel\s+)?verse(?![a-z])"
            r"|(?:rente|betrag)[a-z]*\s*\(?\s*netto|(?<![a-z])(?:zahl|auszahlungs|netto)betrag|nettorente"
            # Dutch, often beside the English: "Net per month / Netto per maand".
            # "Netto uitbetaald": what was paid out.
            r"|(?<![a-z])net(?:to)?\s+per\s+(?:month|maand)|netto\s+(?:uitkering|pensioen|bedrag|uitbetaald)"
            # The net as a French, Spanish, German or Italian pension fund prints it: "Net versé", "Net payé", "Net
            # mensuel", "Retraite nette", "Pension neta", "Neto a percibir", "Total a percibir", "Nettozahlbetrag",
            # "Rentenzahlbetrag", "Importo netto", "Netto da pagare", "Pensione netta" (blind probe r78c, F3: an
            # Agirc-Arrco statement's "Net versé 238,12 €" unread).
            r"|(?<![a-z])net\s+(?:mensuel\s+)?(?:verse|paye|mensuel|a\s+verser)(?![a-z])|total\s+net(?![a-z])"
            r"|(?:retraite|pension|rente|allocation|prestation)\s+(?:mensuelle\s+)?nette(?![a-z])"
            r"|(?:pension|prestacion)\s+(?:mensual\s+)?neta(?![a-z])|(?:neto|total|liquido|importe)\s+a\s+percibir"
            r"|zahlbetrag|(?<![a-z])(?:auszahlung|netto)(?=\W*(?:€|eur)?\W*\d)"
            r"|(?:importo|rata)\s+(?:mensile\s+)?netto|netto\s+(?:da|a|in)\s+pag|pensione\s+(?:mensile\s+)?netta"
            # A form in another alphabet with English captions: "До виплати / Net payable: 6 214,50".
            r"|(?<![a-z])net\s+(?:amount\s+)?payable|(?<![a-z])amount\s+payable"
            # A US letter's "Monthly payment after deductions", "Net monthly deposit", "regular monthly Social
            # Security payment" (blind probe r35b).
            r"|(?:payment|benefit|amount|pension)\s+after\s+(?:any\s+)?deductions"
            r"|(?<![a-z])net\s+(?:monthly\s+)?(?:deposit|benefit)|regular\s+monthly\s+(?:[a-z]+\s+){0,2}payment"
        ),
    ),
    (
        "gross_monthly_amount",
        re.compile(
            r"(?:pensao|valor|montante|total)\s+(?:mensal\s+)?(?:iliquid[oa]|brut[oa])|valor\s+mensal(?:\s+da\s+pensao)?"
            # "Uma pensão de reforma mensal ilíquida de 2.310,75 €": the feminine too (blind probe r46a, a bank's
            # declaration's gross unread).
            r"|montante\s+mensal|valor\s+da\s+pensao|pensao\s+mensal|(?<![a-z])iliquid[oa](?![a-z])"
            # "Total mensal ..... 503,55 €" under the pension and its complement: the whole month's, before tax.
            r"|total\s+mensal(?![a-z])"
            r"|total\s+(?:de\s+|dos\s+)?abonos|abonos\s+totais"
            r"|gross\s+(?:monthly\s+)?(?:amount|pension)|monthly\s+(?:gross\s+)?(?:amount|pension)"
            r"|(?:montant|importe)(?:\s+(?:mensuel|mensual|total))?\s+(?:brut[oa]?|integro)(?![a-z])"
            r"|(?:rente|betrag)[a-z]*\s*\(?\s*brutto|brutto\s*(?:rente|betrag)|bruttorente|monatliche\s+rente"
            # "Gross AOW pension per month / Bruto AOW per maand", a Swiss "Rente mensuelle ordinaire de vieillesse".
            # The scheme's name may be joined to the pension's: "Bruto AOW-pensioen € 1.021,37".
            r"|gross\s+(?:[a-z]+\s+)?(?:amount|pension|benefit)|bruto\s+(?:[a-z]+[\s-]+)?(?:per\s+maand|pensioen|uitkering)"
            r"|(?:rente|pension)\s+mensuelle"
            # "Montant mensuel de la rente CHF 1'184.00": the month's amount before anything is taken (a net one
            # says so, "Montant mensuel net", read above).
            r"|montant\s+mensuel(?![a-z])"
            # "Monthly benefit before deductions", "the full monthly Social Security benefit before any deductions".
            r"|(?:benefit|payment|amount|pension)\s+before\s+(?:any\s+)?deductions"
            r"|full\s+monthly\s+(?:[a-z]+\s+){0,3}benefit"
            # The gross as a French, Spanish, German or Italian pension fund prints it: "Retraite brute", "Pension
            # brute", "Total brut", "Brut mensuel", "Pensión bruta", "Total devengado", "Rentenbetrag brutto",
            # "Importo lordo", "Pensione lorda", or the word alone opening its row ("Brut 248,30", "Lordo 812,00").
            r"|(?:retraite|pension|rente|allocation|prestation)\s+(?:mensuelle\s+)?brute(?![a-z])"
            r"|total\s+brut(?![a-z])|brut\s+mensuel|(?:pension|prestacion)\s+(?:mensual\s+)?(?:brut[ao]|integra)"
            r"|(?<![a-z])rentenbetrag(?![a-z])|total\s+devengado|(?:importo|rata)\s+(?:mensile\s+)?lordo|pensione\s+(?:mensile\s+)?lorda"
            r"|^\W*(?:brut|bruto|brutto|lordo)(?=\W*(?:€|eur)?\W*\d)"
        ),
    ),
    (
        "deduction",
        re.compile(
            r"(?<![a-z])irs(?![a-z])|retencao|(?<![a-z])adse(?![a-z])|contribuicao\s+extraordinaria|(?<![a-z])ces(?![a-z])"
            r"|quotizac|descont(?:o|ad[oa])|deduzid|(?<![a-z])deduc[ao]|(?<![a-z])retid[oa](?![a-z])"
            # A loan repaid from the pension ("Consignação empréstimo bancário"), a garnishment ("Penhora").
            r"|consignac|emprestimo|penhora"
            # The bank workers' health schemes a bank's pension fund takes its share for ("SAMS 1,5% 41,10").
            r"|(?<![a-z])(?:sams|sscgd)(?![a-z])"
            r"|(?<![a-z])(?:deduction|contribution|withholding|tax\s+withheld|income\s+tax)"
            # France's social levies (CSG, CRDS, CASA: "CASA" only as an amount's label, it is a word in Portuguese),
            # Spain's IRPF withheld, Germany's health and care insurance and tax.
            r"|(?<![a-z])(?:csg|crds)(?![a-z])|(?<![a-z])casa(?=\s*[-–]?\s*\d)|prelevement|cotisation|(?<![a-z])impot"
            r"|(?<![a-z])retenues?(?![a-z])"
            r"|retencion|(?<![a-z])irpf(?![a-z])|(?<![a-z])(?:ritenut|trattenut)[ae](?![a-z])|(?<![a-z])irpef(?![a-z])"
            r"|(?<![a-z])beitrag|(?:kranken|pflege)versicherung|(?<![a-z])(?:lohn|einkommen)?steuer(?![a-z-])"
            # The Dutch wage tax, Brazil's income tax withheld at source (IRRF).
            r"|loonheffing|wage\s+tax|(?<![a-z])irrf(?![a-z])"
            # A US plan's "Retiree health premium", Medicare's "Part B premium"; "We deduct $202.90 for ...".
            r"|(?<![a-z])premiums?(?![a-z])|(?<![a-z])deduct(?![a-z])"
        ),
    ),
    # The column of what is paid, beside the column of "descontos", in a nota de abono: read only as a column.
    ("credits", re.compile(r"(?<![a-z])(?:abonos|creditos)(?![a-z])")),
]
# A rate printed on a row ("SAMS 1,5%", "2 %").
RATE = re.compile(r"(?<![\d.,])\d{1,2}(?:[.,]\d{1,2})?\s?%")
TOTALS_ROW = re.compile(r"\s*(?:totais|total|somas?)(?![a-z])")
COLUMN_TOTALS = {"credits": "gross_monthly_amount", "deduction": "deductions"}
# The count in words, in Portuguese, Spanish ("catorce pagas"), French ("douze versements") and German.
COUNT_WORDS = {
    "doze": 12, "treze": 13, "catorze": 14, "quatorze": 14, "doce": 12, "trece": 13, "catorce": 14,
    "douze": 12, "treize": 13, "zwolf": 12, "dreizehn": 13, "vierzehn": 14,
}  # fmt: skip
# What the payments are called ("14 prestações", "Número de pagas anuales: 14", "12 versements par an").
# "12 paiements par an" (the CNAV's periodicity line; blind probe r48a: warned as derived though printed).
PAYMENT_WORDS = (
    r"(?:prestacoes|pagamentos|mensalidades|pagas|pagos|versements|paiements|mensualites|zahlungen|monatsrenten)"
)
# What a statement prints between the caption and its count: a parenthesis saying what the count holds ("Número de
# prestações anuais (inclui subsídios de férias e de Natal) 14", blind probe r52a: read as no count at all, its
# words more than the few allowed), dot leaders, a colon or a dash, then a few words. Not into a parenthesis
# unskipped: "(inclui o 13.º e o 14.º mês)" names months, not the count.
CAPTION_TO_COUNT = r"(?:\s*\([^()]{0,80}\))?[\s.:·_|-]*?[^\d(]{0,25}?"
PAYMENTS = re.compile(
    r"(?:(?<!\d)(1[234])|(?<![a-z])(" + "|".join(COUNT_WORDS) + r"))\s*(?:" + PAYMENT_WORDS + r"|vezes"
    r"|(?:payments|instal+ments|times)\s+(?:per|a|each)\s+year|fois\s+par\s+an|veces\s+al\s+ano|keer\s+per\s+jaar"
    # "12 mal im Jahr", "12-mal jährlich" (a German insurer's letter).
    r"|-?\s?mal\s+(?:im\s+jahr|pro\s+jahr|jahrlich))"
    r"|(?:" + PAYMENT_WORDS + r"\s+(?:anuais|anuales|annuels|por\s+ano|no\s+ano|al\s+ano|par\s+an|pro\s+jahr)"
    # "Número anual de prestações" (the year before the payments).
    r"|(?<![a-z])anua(?:l|is)\s+de\s+"
    + PAYMENT_WORDS
    + r")"
    + CAPTION_TO_COUNT
    # A date's day or an amount's figures are no count ("... anuais (inclui o 13.º mês)" / "Coimbra, 14/10/2026").
    + r"(?<!\d)(1[234])(?!\d|[/.,-]\d)"
)
# France and Germany pay a pension monthly, twelve times a year, with no holiday or Christmas month (Portugal's
# and Spain's fourteen are printed, or named as the subsidies or "pagas extraordinarias"): a statement naming the
# pension in their words and no extra month is paid twelve times, worked out rather than printed.
TWELVE_A_YEAR_ABROAD = re.compile(
    r"(?<![a-z])retraite(?![a-z])|(?<![a-z])rente(?:n[a-z]*)?(?![a-z])"
    r"|(?:alters|witwen|witwer|waisen|erwerbsminderungs|hinterbliebenen)rente"
)
EXTRA_MONTH = re.compile(
    r"subsidio|paga(?:s)?\s+extra|(?<!\d)1[34]\s*(?:e|eme)?\s*mois|treizieme|weihnachtsgeld|sonderzahlung"
    r"|(?<!\d)1[34]\.\s*monat|tredicesima"
)
# A row paying a subsidy with the month's pension, by its caption: "Subsídio de Natal", "Subsídio de férias", "14.º
# mês", "13.º mês", a Spanish "paga extraordinaria", a French "13e mois", a German "Weihnachtsgeld", "Christmas bonus".
# Not "subsídio" alone: a lasting benefit may be one ("Subsídio por assistência de terceira pessoa").
SUBSIDY_ROW = re.compile(
    r"subsidio\s+de\s+(?:natal|ferias)|(?<!\d)1[34]\.?\s*o?\s*mes(?![a-z])|paga(?:s)?\s+extra"
    r"|(?<!\d)1[34]\s*(?:e|eme)\s*mois|treizieme|weihnachtsgeld|urlaubsgeld|sonderzahlung|(?<!\d)1[34]\.\s*monat"
    r"|christmas\s+(?:bonus|allowance)|holiday\s+(?:bonus|allowance)|tredicesima|quattordicesima"
)
# "Pensão (12 meses) 8.224,80": the months the pension itself is paid, to which the two subsidies may still add.
MONTHS_PAID = re.compile(r"(?<!\d)(1[234])\s*meses")
# Where a sentence ends: a full stop after a word or an amount ("... 934,26 euros. Ao montante ..."), before a
# capital; "V. Ex.ª" (one letter) and dot leaders (no capital after them) are not an end.
SENTENCE_END = re.compile(r"(?:(?<=[^\W\d_]{3})|(?<=\d)|(?<=€))\.\s+(?=[A-ZÀ-Ý])")
BOTH_SUBSIDIES = (re.compile(r"subsidio\s+de\s+ferias|14\.?\s*o?\s*mes"), re.compile(r"subsidio\s+de\s+natal"))
# A bilingual form repeats the caption in a second language before the value: "Tipo de pensão   Type of pension
# Sobrevivência / Survivor's".
# Between words, OCR may read a colon or a dot for the space ("Pensão:de sobrevivência": blind probe r78c, F6,
# a letter of two pensions photographed, its types lost).
WORD_GAP = r"[\s:.;,]+"
TRANSLATED_TYPE_CAPTION = (
    r"(?:/?\s*(?:type\s+of\s+(?:pension|benefit)|pension\s+type|type\s+de\s+(?:pension|prestation)"
    r"|tipo\s+de\s+pension|rentenart)\s*[:.]?\s*)?"
)
PENSION_TYPE = re.compile(
    # The plural too: "recebeu ... pensões de velhice no valor ilíquido total de ..." (a year's declaration).
    rf"(?:pens(?:ao|oes){WORD_GAP}(?:social{WORD_GAP}|sociais{WORD_GAP})?de|pensionista\s+(?:de|por)|tipo\s+de\s+pensao\s*[:.]?\s*"
    + TRANSLATED_TYPE_CAPTION
    + r"|(?<![a-z])pensao\s*:)\s*"
    r"(velhice|invalidez|sobrevivencia|aposentacao|reforma)"
)
# A caption | value table's row: "Pensão | Velhice", "Tipo | Sobrevivência" (the rule between the cells lost in a
# PDF's text layer: "Pensão Velhice"), the type the row's only value.
PENSION_TYPE_CELL = re.compile(
    r"(?m)^\s*(?:pensao|tipo(?:\s+de\s+pensao)?)\s*[|:.]?\s*(velhice|invalidez|sobrevivencia|aposentacao|reforma)"
    r"\s*[|.]?\s*$"
)
# A foreign pension's type in English, French, Spanish or German, by the Portuguese one it is. A survivor's and an
# invalidity pension first: the old-age insurer's own name ("Assurance retraite", "Caisse ... vieillesse") is
# printed on them too.
FOREIGN_PENSION_TYPES = (
    (
        "sobrevivencia",
        re.compile(
            r"(?:survivor.?s?|widow.?s?)\s+pension|(?<![a-z])reversion(?![a-z])|viudedad|orfandad|pensao\s+por\s+morte"
            r"|(?:witwen|witwer|waisen|hinterbliebenen)rente"
        ),
    ),
    (
        "invalidez",
        re.compile(
            r"(?:invalidity|disability)\s+pension|(?<![a-z])invalidite|incapacidad\s+permanente|erwerbsminderungsrente"
            r"|aposentadoria\s+por\s+invalidez"
        ),
    ),
    (
        "velhice",
        re.compile(
            r"(?:retirement|old.age)\s+pension|pension\s+de\s+(?:vieillesse|retraite)|retraite\s+(?:personnelle"
            r"|de\s+base|de\s+droit\s+propre)|(?<![a-z])jubilacion|altersrente"
            # A Swiss "rente (ordinaire) de vieillesse", the UK's State Pension, the Dutch AOW (Algemene
            # Ouderdomswet), Brazil's "aposentadoria por idade" (or "por tempo de contribuição").
            r"|rente\s+(?:[a-z]+\s+){0,2}de\s+vieillesse|(?<![a-z])state\s+pension|(?<![a-z])aow(?![a-z])|ouderdom"
            r"|aposentadoria\s+por\s+(?:idade|tempo)"
        ),
    ),
    (
        # A complementary old-age pension, paid by its own fund beside the state's (a survivor's or an invalidity one
        # says so, read above): "retraite complémentaire Agirc-Arrco" beside the CNAV's, a German "Betriebsrente"
        # beside the Deutsche Rentenversicherung's, a Swiss 2nd pillar (LPP/BVG) beside the AVS, an occupational
        # pension, a Portuguese pension fund's. Another pension than the state's, so counted beside it (blind probe
        # r78c: an Agirc-Arrco statement beside the CNAV's was taken for the same pension and 238,12 € a month left
        # out). Read after the state pension's words: a statement naming both (an attestation of every regime) is
        # the state's, its total both, as before.
        "complementar",
        re.compile(
            r"(?:retraite|pension)\s+complementaire|(?<![a-z])(?:agirc|arrco|ircantec)(?![a-z])"
            r"|(?:betriebs|zusatz|werks)rente|pensionskasse|(?:2e|deuxieme|2\.?\s*|zweite)\s*(?:pilier|saule)"
            r"|(?<![a-z])(?:lpp|bvg)(?![a-z])|(?:occupational|workplace|company)\s+pension"
            r"|pension\s+complementaria|plan\s+de\s+pensiones|pensao\s+complementar|complemento\s+de\s+(?:pensao|reforma)"
            r"|fundo\s+de\s+pensoes"
        ),
    ),
)
# Only where no type is printed: "Pensão de aposentação" beside "Aposentada:" or "é aposentado desta Caixa".
PENSION_TYPE_WORD = re.compile(r"(aposentacao|reforma)|(?<![a-z])(aposentad)[oa](?![a-z])")
NAME_LABEL = re.compile(
    r"(?<![a-z])nome(?:\s+completo|\s+d[oa]\s+(?:pensionista|beneficiari[oa]|titular))?\s*[:.]|pensionista\s*[:.]|beneficiari[oa]\s*[:.]|titular\s*[:.]"
    # A bank's statement of a pension credited names the account's holder, who receives it (blind probe r48a).
    r"|titular\s+da\s+conta\s*[:.]"
    r"|(?<![a-z])(?:beneficiary|pensioner|(?:full\s+)?name|naam|nom|nombre)\s*:"
    r"|aposentad[oa](?:\s*\(a\))?\s*[:.]|reformad[oa](?:\s*\(a\))?\s*[:.]|sujeito\s+passivo\s*[:.]"
    # A decision on a claim names the claimant: "Requerente: Maria ... · NIF ...".
    r"|requerente\s*[:.]|(?<![a-z])applicant\s*:"
    # French labels, a space before the colon as French sets it: "Bénéficiaire : ...", "Pensionnée : ...",
    # "Assuré(e) : ..."; a German "Rentenempfänger: ...". Not "Retraité :": folded, it is the noun ("Caisse de
    # retraite : ...").
    r"|(?<![a-z])(?:beneficiaire|pensionne|assure)(?:e|\(e\))?\s*:|(?:renten|versorgungs)empfanger(?:in)?\s*:"
)
# Where a labelled name ends: a comma, or the separator before the line's next field ("Pensionnée : Maria ...
# · Matricule 1958...", "Beneficiário: ... | NISS ...", "... — cônjuge sobrevivo").
NEXT_FIELD = re.compile(r"[,;·|•]|\s[–—-]\s")
# The next field's caption on the name's line, the gap before it lost: "Naam: Marc ... Vandenberghe Geboortedatum:
# 27-04-1958" (round 28), "Nome: ... Data de nascimento: ...". Any word with its colon is one; so is a date of
# birth's caption of several words, in each language the labels are read in.
# A word with a colon spaced off it at the line's end is no caption but a speck OCR read as a colon ("Nome: Maria da
# Conceição Vieira Gomes :", the last surname lost: blind probe r78c); a caption spaced so has its value after it.
FOLLOWING_CAPTION = re.compile(
    r"\s(?:data\s+de\s+nascimento|date\s+(?:of\s+birth|de\s+naissance)|fecha\s+de\s+nacimiento"
    r"|[^\W\d_]+(?::|\s+:(?!\W*$)))"
)
# "Declara-se, a pedido do interessado, que José ...": the name is the sentence's subject.
NAME_SENTENCE = re.compile(
    # A dot that ends no sentence may come before the "que" ("Declara-se, para efeitos do disposto no art. 119.º
    # do CIRS, que a ..."): one before a figure or a letter, not before a word after a space.
    r"(?:declara|certifica|atesta|informa)(?:mos|-se)?(?![a-z])(?:[^.\n]|\.(?!\s+[a-z])){0,80}?(?<![a-z])que\s+"
    r"(?:o\s+|a\s+)?"
    r"(?:sr\.?\(?a?\)?\s+|sra\.?\s+|senhora?\s+|pensionista\s+)?"
    # A title before the name: "que o Dr. Henrique ...", "que a Eng.ª Ana ...".
    r"(?:(?:dr|dra|eng|prof|profa)\.?(?:[ºªoa]\.?)?\s+|d\.\s*)?"
    # In French: "Nous attestons que M. António ...", "La caisse certifie que Madame ...".
    r"|(?:attest|certifi)(?:ons|e|ez)(?![a-z])[^.\n]{0,80}?(?<![a-z])qu[e']\s*"
    r"(?:(?:m|mme|mlle)\.?\s+|monsieur\s+|madame\s+|mademoiselle\s+)?"
    # In German: "Hiermit wird bescheinigt, dass Carlos ...", "Wir bestätigen, dass Frau Ana ..." (blind probe r74c:
    # a German pension's pensioner unread).
    r"|(?:bescheinig|bestatig)(?:t|en|e)(?![a-z])[^.\n]{0,80}?(?<![a-z])da(?:ss|ß)\s+(?:herrn?\s+|frau\s+)?"
)
# A label with no colon, before the name in a table or alone on the line above it ("Beneficiário" / the name). A
# form's field number may open it: the AT's declaração de início de atividade prints "02 - Nome Joana ..." (blind
# probe r54a: no name read).
NAME_LABEL_BARE = re.compile(
    r"\s*(?:\d{1,2}\s*[-.)]\s*)?(?:nome(?:\s+completo|\s+d[oa]\s+(?:pensionista|beneficiari[oa]|titular))?|pensionista|beneficiari[oa]|titular|aposentad[oa](?:\s*\(a\))?"
    r"|reformad[oa](?:\s*\(a\))?)\s*[:.]?\s*"
)
# The same caption in a second language after the first, on a bilingual form's row: "Beneficiária   Beneficiary
# Nadiya ..." (the value right-aligned, the gaps lost): no part of the name.
TRANSLATED_NAME_CAPTION = re.compile(
    r"\s*/?\s*(?:beneficiary|pensioner|recipient|holder|(?:full\s+)?name|beneficiaire|pensionnee?|nom(?:bre)?"
    r"|titular|(?:renten)?empfanger(?:in)?)(?![a-z])\s*[:.]?\s*"
)
# A title before the name is no part of it: "o Dr. Henrique ...", "Eng.ª Ana ...", "D. Maria ...".
HONORIFIC = re.compile(
    r"^(?:(?:dr|dra|eng|enga|engo|prof|profa|sr|sra|exm[oa]|mr|mrs|ms)\.?(?:[ºªoa]\.?)?\s+"
    r"|(?:d|m|mme)\.\s*|(?:senhora?|dona)\s+)+",
    re.I,
)
# A form's marks for either gender after a word: "o(a) Dr.(a)", "Exmo(a). Senhor(a)", "Aposentado(a)".
# A scan may read a space before the mark after a stop ("Exmo. (a) Senhor(a)").
GENDER_MARK = re.compile(r"(?:(?<=[^\W\d_])|(?<=\.)\s?)\(\s?(?:a|o|as|os|es)\s?\)", re.I)
# How a letter addresses its reader or anyone, never a name: "V. Exa.", "V. Ex.ª", "Vossa Excelência", "Exmo.
# Senhor", "Sr.", "Sra.", "Dona" (folded, "ª" is "a"); one or more of them and nothing else.
FORM_OF_ADDRESS = re.compile(
    r"(?:\s*(?:v\.?\s?(?:ex\.?\s?(?:a|as|cia)|s\.?\s?a)|vossa\s+(?:excelencia|senhoria)s?|"
    + SALUTATION
    + r"|senhora?|sr|sra|dona|d)\.?)+\s*"
)
# A letter's salutation names its addressee, the pensioner: "Exma. Senhora Maria ...", "Ex.mo Sr. José ...".
# Alone on its line, the salutation is over the name ("Ex.ma Senhora" / "Custódia ...", "Monsieur" / "José ...").
ADDRESSEE = re.compile(r"\s*" + SALUTATION + r"(?:\s+(?:d\.?\s?|dona\s+|dr\.?a?\s+)?|\s*$)")
# A foreign insurer's letter addresses the pensioner in its language: "M." / "Madame", "Doña" / "Sr.", "Herrn" / "Frau".
FOREIGN_TITLE = (
    r"(?:monsieur|madame|mademoiselle|m\.|mme\.?|mlle\.?|don|dona|senora?|sra?\.|herrn?|frau"
    # An English letter's address window: "Mrs Margaret ...", "Mr. John ...".
    r"|mrs?\.?|ms\.?|miss)"
)
# Both forms a form letter prints for either sex ("Madame, Monsieur ...", "Frau/Herrn ...": doc probe 32).
FOREIGN_ADDRESSEE = re.compile(rf"\s*(?:dear\s+)?{FOREIGN_TITLE}(?:\s*[,/]\s*{FOREIGN_TITLE})*(?:\s+|\s*$)")
# Words of an office, not of a name, after a salutation ("Exmo. Senhor Diretor Geral").
OFFICE_WORDS = {"diretor", "diretora", "director", "presidente", "geral", "gerente", "administrador", "responsavel"}
# A dated letter's caption alone, in the languages the reader knows, or two of them side by side: "Datum", "Fecha",
# "Date :", "Datum / Data" (blind probe r74c, F3: a German pension's "Datum / Data 2026-10-01" read undated, not
# counted). Only the bare word: "Geburtsdatum", "Data de nascimento", "Datum der Zahlung" are other dates.
LETTER_DATE_WORD = r"(?:data|datum|fecha|date)"
LETTER_DATE_CAPTION = rf"^\s*{LETTER_DATE_WORD}(?:\s*[/|]\s*{LETTER_DATE_WORD})*\s*[:.]?\s*(?=\d|$)"
# "Data de emissão", a portal's "Impresso em", a foreign "Datum" / "Fecha" / "Date d'émission".
ISSUE_LABEL = re.compile(
    r"data\s+(?:de\s+)?emissao|(?:emitid|impress)[ao]\s+em|data\s+do\s+documento|"
    + LETTER_DATE_CAPTION
    + r"|fecha\s+de\s+(?:emision|expedicion)|date\s+d.?\s?(?:emission|edition)|ausstellungsdatum"
    # English captions beside another language's: "Дата видачі / Date of issue: 02.10.2026", "Issue date".
    r"|date\s+of\s+issue|(?<![a-z])issue\s+date|date\s+issued"
    # Inline after other fields: "Beneficiária: ... · NIF ... · Data: 2026-04-07".
    r"|(?:[·|;]|\s[-–]\s|\s{2,})\s*(?:data|date)\s*:\s*(?=\d)"
)
# A field's label set off by its capital inside a line, the title before it: "Relevé de pension — novembre 2026
# Date : 05/11/2026" (a right-aligned box read onto the title's line). Read on the printed text: folded, "Payment
# date:" would be one too.
ISSUE_LABEL_INSIDE = re.compile(r"(?<=\s)(?:Data|Date|Datum|Fecha)\s*:\s*(?=\d)")
# Where no date of issue is printed, the date of the decision a letter communicates: "Data do despacho: 2026-05-20
# · Início da pensão: 2026-04-01" (the pension's start is not the letter's date).
DECISION_LABEL = re.compile(r"data\s+d[oa]\s+(?:despacho|decisao|deliberacao|deferimento|comunicacao|oficio|carta)")
# "Braga, 2026-01-28", "Lisboa, 3 de fevereiro de 2026", "Paris, le 15/03/2026", "Pontevedra, a 4 de febrero de
# 2026" above the signature: a place, a comma, the date.
PLACE_DATE = re.compile(r"\s*[a-z][a-z .'-]{1,40},\s*(?:em\s+|aos\s+|le\s+|a\s+|den\s+|am\s+)?(?=\d)")
# The same after a subject on the line ("Assunto: Atualização anual — 2026 Lisboa, 12 de janeiro de 2026").
PLACE_DATE_INSIDE = re.compile(r"(?<=\s)[a-z][a-z'-]{2,40},\s*(?:em\s+|aos\s+|le\s+|a\s+|den\s+|am\s+)?(?=\d)")
Label = tuple[int, int, str]  # start, end, role
Amount = tuple[int, Decimal]  # start, value


@dataclass(frozen=True)
class PensionRow:
    """An unlabelled row naming a pension by its type before its amount ("Pensão de sobrevivência 198,75")."""

    line: int
    kind: str
    value: Decimal
    confidence: float


@dataclass
class PensionAmounts:
    roles: dict[str, list[tuple[Decimal, float]]] = field(default_factory=dict)
    # Amounts on lines no label names ("Pensão de velhice 1.120,40", "Complemento 10,00"): line index, amount,
    # confidence. What they add up to is the gross only when the net and deductions say so.
    items: list[tuple[int, Decimal, float]] = field(default_factory=list)
    # The lines of items printed with a rate ("Fundo de saúde 1,5% 41,10"): a levy on the pension, when the
    # arithmetic says so (a complement may be a share of something too).
    rated: set[int] = field(default_factory=set)
    # The items that name a pension by its type ("Pensão de velhice (regime geral) 540,20 €").
    pensions: list[PensionRow] = field(default_factory=list)

    # For each value a label gave in a sentence, when it applies (``when_stated``), in the same order as ``roles``.
    stamps: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    # The rows of a subsidy paid with the month's pension ("Subsídio de Natal 2.405,90", "14.º mês"), and the
    # deductions whose caption names one ("IRS s/ Subsídio de Natal 481,18"): the month's own pension is without them.
    subsidies: list[Decimal] = field(default_factory=list)
    subsidy_deductions: list[Decimal] = field(default_factory=list)
    # Each row read under a header of columns: its roles and values, in the order read.
    table_rows: list[list[tuple[str, Decimal]]] = field(default_factory=list)
    # The roles whose value was worked out from a row's columns rather than printed (a pension and its complement).
    derived: set[str] = field(default_factory=set)
    # The amounts are a totals row's, whose rows above are one person's pensions side by side (``parts_totalled``).
    parts_totalled: bool = False

    def add(self, role: str, value: Decimal, confidence: float) -> None:
        self.roles.setdefault(role, []).append((value, confidence))

    def add_item(self, line: int, text: str, value: Decimal, confidence: float) -> None:
        """An unlabelled row's amount, ``text`` its caption and amount: a subsidy's row, a levy's (printed with its
        rate) or a pension's named by its type, as its caption says."""
        self.items.append((line, value, confidence))
        folded = fold(text)
        if SUBSIDY_ROW.search(folded):
            self.subsidies.append(value)
        if RATE.search(text):
            self.rated.add(line)
        named = PENSION_ROW.match(folded)
        if named and only_the_amount(text[named.end() :]):
            self.pensions.append(PensionRow(line, named.group(1), value, confidence))

    def without_restated_deductions(self) -> None:
        """A table's row that only restates the month read elsewhere (the statement's captions on page 1, "Mês |
        Ilíquido | IRS | Líquido" and the year's payments on page 2): each of its values, the gross or net among
        them, was read already, and its deductions are the same ones, not more to add to them."""
        for row in self.table_rows:
            roles = {role for role, _ in row}
            if not roles & {"deduction", "deductions"} or not roles & {"gross_monthly_amount", "net_monthly_amount"}:
                continue
            if all(self.times_read(role, value) > row.count((role, value)) for role, value in row):
                for role, value in row:
                    if role in {"deduction", "deductions"}:
                        self.remove_one(role, value)

    def times_read(self, role: str, value: Decimal) -> int:
        return sum(read == value for read, _ in self.get(role))

    def remove_one(self, role: str, value: Decimal) -> None:
        """One of the role's values equal to ``value``, the last read, taken out."""
        values = self.get(role)
        at = max(index for index, (read, _) in enumerate(values) if read == value)
        del values[at]

    def get(self, role: str) -> list[tuple[Decimal, float]]:
        return self.roles.get(role, [])

    def current(self, role: str) -> tuple[Decimal, float] | None:
        """The role's value that applies now: of two or more, the one its words say is new or the latest month's
        ("Valor mensal em dezembro de 2025: 517,84 €" / "Valor mensal a partir de janeiro de 2026: 530,78 €"),
        else the first."""
        values, stamps = self.get(role), self.stamps.get(role, [])
        if not values:
            return None
        if len(values) < 2 or len(stamps) != len(values) or len(set(stamps)) < 2:
            return values[0]
        return values[max(range(len(values)), key=lambda at: stamps[at])]


# A label's words that say its amount is the one now applying, or one that applied before: "a partir de janeiro
# de 2026", "com efeitos a", "atualizado", "novo" / "anterior", "em dezembro de 2025 (antes)", in Portuguese,
# English, French, Spanish, German and Dutch.
NOW_WORDS = re.compile(
    r"a\s+partir\s+d[eoa]|com\s+efeitos?|desde|a(?:c)?tualizad[oa]|(?<![a-z])nov[oa](?![a-z])|(?<![a-z])a(?:c)?tual(?![a-z])"
    r"|(?<![a-z])(?:from|new|current|as\s+of)(?![a-z])|a\s+compter\s+d|(?<![a-z])nouveau|(?<![a-z])nuevo|vigente"
    r"|(?<![a-z])ab(?![a-z])|(?<![a-z])neu(?:e[rs]?)?(?![a-z])|(?<![a-z])vanaf|(?<![a-z])nieuw"
)
BEFORE_WORDS = re.compile(
    r"anterior|antig[oa]|(?<![a-z])(?:previous|old|former|until)(?![a-z])|(?<![a-z])ate(?![a-z])|ancien|precedent"
    r"|(?<![a-z])(?:bisher|alt|vorher)(?![a-z])|(?<![a-z])oud(?![a-z])"
)


def when_stated(words: str) -> tuple[int, str]:
    """How current the words before an amount say it is, to compare: +1 new, -1 before, 0 neither; then the
    month they name ("2026-01"), if any."""
    folded = fold(words)
    now = 1 if NOW_WORDS.search(folded) else -1 if BEFORE_WORDS.search(folded) else 0
    return now, parse_period(words) or ""


def line_labels(text: str) -> list[Label]:
    """The amount roles a line names, left to right, each span read once."""
    folded = fold(text)
    taken: list[Label] = []
    for role, pattern in PENSION_ROLES:
        for match in pattern.finditer(folded):
            if not any(match.start() < end and start < match.end() for start, end, _ in taken):
                taken.append((match.start(), match.end(), role))
    return sorted(taken)


# A month or a day written year first ("2026-05", "2026/05/31"): a portal's table opens its rows with one, and its
# month's figures are no thousands group of the amount after it ("2026-05 612,48" is not 5.612,48).
# A comma or a full stop may close the sentence after it ("ab 01.10.2026, Zahlung im ...").
YEAR_FIRST = re.compile(r"(?<![\d.,])(?:19|20)\d{2}\s?[-/]\s?\d{1,2}(?:\s?[-/]\s?\d{1,2})?(?!\d|[.,]\d)")


# A date day first, one separator throughout ("01.10.2026", "19/10/2026"); never spaced figures.
# A comma or a full stop may close the sentence after it (blind probe r73b: "Monatliche Rente ab 01.07.2026," was
# left whole, and its "01.07" read as an amount).
DAY_FIRST = re.compile(r"(?<![\d.,])\d{1,2}([./-])\d{1,2}\1(?:19|20)\d{2}(?!\d|[.,]\d)")


# A table's vertical rule right after an amount's two cents, no figure after it.
RULE_AFTER_CENTS = re.compile(r"(?<=[.,]\d\d)\|(?!\d)")


def money_spans(text: str) -> list[Amount]:
    """``parse_money`` with where each amount starts (``fix_digits`` and ``portuguese_figures`` keep the length),
    a year-first month or date blanked first (same length) so that none of its figures joins an amount."""
    return [(start, value) for start, _, value in money_matches(text)]


def money_matches(text: str) -> list[tuple[int, int, Decimal]]:
    """Each amount's start, end and value (``money_spans``)."""
    blanked = YEAR_FIRST.sub(lambda match: " " * len(match.group(0)), text)
    # So is a date day first: "ab 01.10.2026" had given an amount of 1,10 (blind probe r35b, a German pension
    # letter's deductions one euro ten off, and a false arithmetic mismatch).
    blanked = DAY_FIRST.sub(lambda match: " " * len(match.group(0)), blanked)
    # A table's rule read right after an amount's cents ("Totais 335,48 0,00|"): a border, not a figure "1" that
    # ``fix_digits`` would join to the cents (blind probe r64a: a photo's totals row unread, the gross missing).
    blanked = RULE_AFTER_CENTS.sub(" ", blanked)
    # A Swiss amount groups its thousands by an apostrophe ("CHF 1'146.00"): a space, as in "1 146.00".
    blanked = re.sub(r"(?<=\d)['’](?=\d{3}(?!\d))", " ", blanked)
    found = []
    for match in MONEY.finditer(portuguese_figures(fix_digits(blanked))):
        values = parse_money(match.group(0))
        if values:
            found.append((match.start(), match.end(), values[0]))
    return found


# The currency beside an amount, on folded text: a foreign pension is paid in its country's.
CURRENCIES = (
    ("EUR", re.compile(r"€|(?<![a-z])eur(?:os?)?(?![a-z])")),
    ("CHF", re.compile(r"(?<![a-z])(?:chf|sfr|fr\.)")),
    ("GBP", re.compile(r"£|(?<![a-z])gbp(?![a-z])")),
    ("BRL", re.compile(r"r\$|(?<![a-z])brl(?![a-z])|(?<![a-z])reais(?![a-z])")),
    ("USD", re.compile(r"\$|(?<![a-z])usd(?![a-z])")),
    ("OTHER", re.compile(r"(?<![a-z])(?:cad|aud|sek|nok|dkk|pln|czk|huf|ron|jpy|cve|aoa|mzn)(?![a-z])")),
)


def amount_currency(lines: list[Line], value: Decimal) -> str | None:
    """The currency printed just before or after the amount ("CHF 1 146.00", "£230.25", "R$ 2.846,50",
    "1.580,24 €"), where the amount is first printed."""
    for line in lines:
        folded = fold(line.text)
        for start, end, amount in money_matches(line.text):
            if amount != value:
                continue
            beside = folded[max(0, start - 5) : start] + " " + folded[end : end + 6]
            for code, pattern in CURRENCIES:
                if pattern.search(beside):
                    return code
    return None


# "£230.25 a week", "CHF 250.00 par semaine", "120,00 € por semana"; "£921.00 every 4 weeks".
PER_WEEKS = re.compile(
    r"\s*(?:[a-z]{3}\s*|€\s*)?(?:(?:a|per|each|every|par|por|pro|cada)\s+(?:(4|four|quatre|cuatro|quatro|vier)\s+)?"
    r"(?:weeks?|semaines?|semanas?|wochen?|weken?)(?![a-z])|weekly|hebdomadaire|semanal(?:mente)?|wochentlich)"
)
WEEKS_A_YEAR = 52
# The same words ending a caption, just before its amount (a currency sign between).
WEEKS_CAPTION = re.compile(PER_WEEKS.pattern.removeprefix(r"\s*(?:[a-z]{3}\s*|€\s*)?") + r"\W*(?:[a-z]{3})?\W*$")


def per_week(lines: list[Line]) -> list[tuple[Decimal, Decimal, float]]:
    """Amounts paid by the week or every four weeks: each printed, its month's worth (x 52 / 12), its line's
    confidence; a deduction's line left out."""
    found = []
    for line in lines:
        folded = fold(line.text)
        if any(role == "deduction" for _, _, role in line_labels(line.text)):
            continue
        for start, end, amount in money_matches(line.text):
            # After the amount ("£196.31 a week"), or as its caption's words before it ("Your weekly State Pension
            # £196.31", "Amount paid every 4 weeks £785.24": blind probe r35b, the four weeks' read as a month's).
            weeks = PER_WEEKS.match(folded, end) or WEEKS_CAPTION.search(folded[:start])
            if weeks:
                per = 4 if weeks.group(1) else 1
                monthly = (amount * WEEKS_A_YEAR / per / 12).quantize(CENT)
                found.append((amount, monthly, line.confidence))
    return found


def amounts_in(text: str) -> list[Decimal]:
    return [value for _, value in money_spans(text)]


def outside_brackets(text: str) -> str:
    """The line with bracketed amounts blanked when an amount stands outside them: "Descontos (IRS 30,00 + CES
    10,00) 40,00" is one total with its breakdown, and the breakdown's labels are not the total's. A bracket
    holding its amount alone is the value of the label before it: "retenção na fonte de IRS (392,83 €) e a
    contribuição para o SAMS (35,00 €), o valor líquido de 1.882,92 €" (blind probe r46a, a bank's declaration:
    both deductions blanked, the net left alone)."""
    blanked = re.sub(
        r"\([^()]*\)",
        lambda m: " " * len(m.group(0)) if breakdown(m.group(0)) else m.group(0),
        text,
    )
    return blanked if money_spans(blanked) else text


def breakdown(bracket: str) -> bool:
    """A bracket holding an amount and words of its own (a breakdown's labels), not an amount alone."""
    rest = MONEY.sub(" ", portuguese_figures(fix_digits(bracket)))
    return bool(money_spans(bracket)) and bool(re.search(r"[^\W\d_]", re.sub(r"(?i)eur(?:os?)?|€", " ", rest)))


def label_phrases(text: str, labels: list[Label], amounts: list[Amount]) -> list[Label]:
    """Labels that follow one another with no amount and no comma between them name one amount, by the first:
    "Valor mensal da pensão sujeito a IRS 1.000,00" is the pension, "... 54,70 de ADSE e 209,42 de IRS, sendo o
    valor líquido de 1.298,73" ends with the net. Each phrase's start, end and role (its first label's)."""
    phrases: list[Label] = []
    previous_end = -1
    for start, end, role in labels:
        between = text[previous_end:start] if previous_end >= 0 else ""
        joined = previous_end >= 0 and not re.search(r"[,;]|\.\s", between)
        if joined and not any(previous_end <= at < start for at, _ in amounts):
            phrases[-1] = (phrases[-1][0], end, phrases[-1][2])
        else:
            phrases.append((start, end, role))
        previous_end = end
    return phrases


def bare_amount(line: Line) -> bool:
    """A line that is one amount and nothing else but its currency ("1.104,36 €", "EUR 71,00"): a tile's value."""
    spans = money_spans(line.text)
    rest = MONEY.sub(" ", portuguese_figures(fix_digits(line.text)))
    return len(spans) == 1 and not re.search(r"[^\W\d_]", re.sub(r"(?i)eur(?:os?)?|€", " ", rest))


def bare_caption(line: Line) -> bool:
    return bool(line_labels(line.text)) and not money_spans(line.text)


def captions_first(lines: list[Line]) -> list[Line]:
    """Tiles that print each value ABOVE its caption ("1.104,36 €" / "valor mensal bruto" / "71,00 €" / "retenção
    IRS") turned caption first, as the header-over-value reading expects. They are told from captions over values
    by the run's ends: a run of value, caption, value, caption ... that starts with a value and ends with a
    caption (nothing under the last caption) holds its values above; two tiles at least, a grid."""
    ordered = list(lines)
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and (bare_amount(lines[end]) if (end - index) % 2 == 0 else bare_caption(lines[end])):
            end += 1
        pairs = (end - index) // 2
        if pairs >= 2 and (end - index) % 2 == 0:
            for pair in range(pairs):
                at = index + 2 * pair
                ordered[at], ordered[at + 1] = lines[at + 1], lines[at]
        index = max(end, index + 1)
    return ordered


# A header's cell wraps onto a few short lines ("Montant" / "brut", "Prélèvements sociaux (CSG, CRDS," / "CASA)"):
# how many lines a header may take, and how many words a line of one of its cells may hold.
WRAPPED_HEADER_LINES = 8
HEADER_CELL_WORDS = 6


def wrapped_headers_joined(lines: list[Line]) -> list[Line]:
    """The lines, each table header whose captions wrap in their cells joined into one line over its row of amounts.
    A text layer gives each line of a cell as a line of its own, so that no one line names the row's columns (blind
    probe r56b: a CNAV "Attestation de paiement de retraite", "Mois | Montant brut | Prélèvements sociaux (CSG,
    CRDS, CASA) | Montant net versé" over "Octobre 2026 | 1 048,30 € | 0,00 € | 1 048,30 €", no amount read)."""
    joined: list[Line] = []
    for line in lines:
        values = amounts_in(line.text)
        header = wrapped_header_length(joined, len(values)) if len(values) >= 2 and not line_labels(line.text) else 0
        if header:
            cells = joined[-header:]
            del joined[-header:]
            text = " ".join(cell.text.strip() for cell in cells)
            joined.append(Line(text=text, confidence=min(cell.confidence for cell in cells)))
        joined.append(line)
    return joined


def wrapped_header_length(above: list[Line], columns: int) -> int:
    """How many of the last lines of ``above`` are one header naming ``columns`` columns, each a column of its own
    role, read together: the fewest that do, each a short line with no amount; none where the last line alone names
    them (a header on one line) or no run of them does."""
    if above and len(header_roles(above[-1].text)) == columns:
        return 0
    for count in range(1, min(WRAPPED_HEADER_LINES, len(above)) + 1):
        top = above[-count].text
        if amounts_in(top) or len(top.split()) > HEADER_CELL_WORDS or top.rstrip().endswith(":"):
            return 0
        roles = header_roles(" ".join(line.text for line in above[-count:]))
        if count >= 2 and len(roles) == columns and len(set(roles)) == columns:
            return count
    return 0


def credits_column_first(lines: list[Line]) -> list[Line]:
    """The lines, each row of a table whose header puts the deductions' column before the credits' ("Descontos |
    Abonos") with its two cells swapped, so that a row reads as in the usual order ("Abonos | Descontos"), the
    unlabelled credit's row first (``left_cell``): "IRS — pensão 348,50 | Subsídio de Natal 2.050,00" would give the
    subsidy's amount to the IRS label before it. Only a row of two cells each with its caption: a totals row of
    bare amounts is read by the header's columns."""
    turned = list(lines)
    deductions_first = False
    for at, line in enumerate(lines):
        amounts = money_matches(line.text)
        if not amounts:
            roles = [role for _, _, role in line_labels(line.text)]
            deductions_first = "credits" in roles[1:] and roles[0] in {"deduction", "deductions"}
            continue
        if not deductions_first or len(amounts) != 2:
            continue
        cut = amounts[0][1]
        left, right = line.text[:cut], line.text[cut:]
        if LETTER.search(left) and LETTER.search(right[: amounts[1][0] - cut]):
            turned[at] = Line(text=f"{right.strip(' |')} {left.strip(' |')}", confidence=line.confidence)
    return turned


LETTER = re.compile(r"[^\W\d_]")


def header_roles(text: str) -> list[str]:
    """The columns a header row's labels name, as ``pension_amounts`` reads a header: neighbouring labels of one
    role ("Prélèvements sociaux (CSG, CRDS") name one column."""
    labels = with_complement_column(text, with_pension_column(text, line_labels(text)))
    roles = [role for _, _, role in labels]
    return [role for at, role in enumerate(roles) if at == 0 or roles[at - 1] != role]


def pension_amounts(lines: list[Line]) -> PensionAmounts:
    """Each role's amounts in reading order.

    An amount belongs to the nearest label before it on its line ("valor ilíquido de 812,34 €, sobre o qual incide
    retenção de IRS no montante de 24,00 €, sendo pago o valor líquido de 788,34 €"); amounts before any label
    go to a label left waiting at the end of the line above (a sentence broken over lines). A row of labels with
    no amount is a header: the row under it, when it has no labels, gives one amount per label; a totals row
    under a header of columns (abonos, descontos) gives each column's total.
    """
    read = PensionAmounts()
    lines = credits_column_first(wrapped_headers_joined(captions_first(lines)))
    columns: list[str] = []
    one_each: list[str] = []
    # Where the header of ``columns`` is, and the row read under it: a totals row below may be the whole of it.
    columns_at = -1
    columns_row: list[tuple[str, Decimal]] = []
    waiting: str | None = None
    skip_to = -1
    for index, line in enumerate(lines):
        if index <= skip_to:
            waiting = None
            continue
        text = outside_brackets(line.text)
        labels, amounts = line_labels(text), money_spans(text)
        if labels and not amounts:
            labels = with_complement_column(text, with_pension_column(text, labels))
        if any(role == "no_deductions" for _, _, role in labels):
            read.add("deductions", Decimal(0), line.confidence)
            # "Tax is not deducted by us. Income tax is payable in Portugal": the tax it names is not taken.
            labels = [label for label in labels if label[2] not in {"no_deductions", "deduction"}]
        if labels and not amounts:
            if len(labels) >= 2:
                columns, columns_at, columns_row = [role for _, _, role in labels], index, []
                one_each = [role for at, role in enumerate(columns) if at == 0 or columns[at - 1] != role]
            below = lines[index + 1] if index + 1 < len(lines) else None
            values = amounts_in(below.text) if below is not None and not line_labels(below.text) else []
            if len(labels) == 1 and values and (item_rows_to_total(lines, index + 1) or pension_rows(lines, index + 1)):
                # "Valor mensal" over "Pensão de velhice 612,40", "Pensão de sobrevivência 287,55", "Total bruto
                # 899,95": a column's caption over its rows; the first row is one part, the total row the whole.
                # With no total row, the pensions' rows are still the parts (blind probe r37b: the first taken for
                # the whole month's).
                waiting = None
                continue
            if values and len(values) != len(labels):
                # "Valor ilíquido mensal Descontos (IRS)" over two amounts: neighbouring labels of one role
                # name one column.
                merged = [label for at, label in enumerate(labels) if at == 0 or labels[at - 1][2] != label[2]]
                labels = merged if len(merged) == len(values) else labels
            if below is not None and values and (len(labels) == 1 or len(values) == len(labels)):
                row, skip_to = latest_month_row(lines, index + 1, len(labels))
                read.table_rows.append([])
                cells = list(zip(labels, amounts_in(row.text)[-len(labels) :], strict=True))
                complement = sum((value for (_, _, role), value in cells if role == "complement"), Decimal(0))
                for (_, _, role), value in cells:
                    # Under an "Abonos" column, what is paid before anything is taken: the gross.
                    role = COLUMN_TOTALS.get(role, role) if role == "credits" else role
                    if role == "complement":
                        continue
                    if role == "gross_monthly_amount" and complement:
                        # "Mês | Valor bruto | IRS | Compl. solidário | Valor líquido" (a Segurança Social Direta
                        # payments table: blind probe r46a, no amount read): the complement is paid with the
                        # pension, before tax, as a "Total mensal" under both adds it; their sum, worked out.
                        value += complement
                        read.derived.add(role)
                    read.add(role, value, row.confidence)
                    read.table_rows[-1].append((role, value))
                if index == columns_at:
                    columns_row = read.table_rows[-1]
                continue
            # A lone label may be a sentence's last words; a row of them is a header, not a sentence.
            waiting = labels[0][2] if len(labels) == 1 else None
            continue
        if not amounts:
            waiting = None
            continue
        first_label = labels[0][0] if labels else len(text)
        leading = [value for start, value in amounts if start < first_label]
        if leading and waiting:
            read.add(waiting, leading[-1], line.confidence)
        elif leading and not labels and TOTALS_ROW.match(fold(text)) and len(leading) in (len(columns), len(one_each)):
            # "Prélèvements sociaux (CSG)" over one column: neighbouring labels of one role may name one column.
            columns = columns if len(leading) == len(columns) else one_each
            if columns_row and parts_totalled(lines[columns_at + 1 : index], leading):
                # "Total 1 061,08 € 33,95 € 1 027,13" under a basic and a complementary pension's rows: the
                # statement's whole, the row read under the header only its first part (blind probe r64a: a
                # French CNAV and Agirc-Arrco attestation read as its first pension, 39 % short).
                for role, value in columns_row:
                    read.remove_one(role, value)
                read.parts_totalled = True
            for role, value in zip(columns, leading, strict=True):
                read.add(COLUMN_TOTALS.get(role, role), value, line.confidence)
        elif leading and not labels:
            read.add_item(index, text, leading[-1], line.confidence)
        elif leading and (cell := left_cell(text, first_label)) is not None:
            # "Subsídio de Natal 2.050,00 | IRS — subsídio de Natal 348,50": two columns side by side (a CGA nota
            # de abonos e descontos), the first an unlabelled row of its own. Blind probe r59a: that row went
            # unread, so a December's subsidy was never told apart and the pension read as twice the month's.
            read.add_item(index, cell, leading[-1], line.confidence)
        waiting = None
        phrases = label_phrases(text, labels, amounts)
        for position, (_, phrase_end, role) in enumerate(phrases):
            since = phrases[position - 1][1] if position else 0
            next_start = phrases[position + 1][0] if position + 1 < len(phrases) else len(text)
            run = [(start, value) for start, value in amounts if phrase_end <= start < next_start]
            # The label's sentence ends after its first amount: an amount in the next sentence is not its own
            # ("... ilíquido é de 934,26 euros. Ao montante referido é retido o valor de 41,00 euros").
            end = SENTENCE_END.search(text, run[0][0]) if run else None
            run = [(start, value) for start, value in run if end is None or start < end.start()]
            if run and role != "annual_amount" and the_years(text[since : run[-1][0]]):
                # "IRS retido no ano ..... 238,00 €" over "Retenção mensal de IRS ..... 18,00 €": the year's
                # total is no part of the month's.
                continue
            if run:
                # "Retenção na fonte de IRS 9,00 % 90,00": of a label's amounts, the last is its value.
                read.add(role, run[-1][1], line.confidence)
                if role == "deduction" and SUBSIDY_ROW.search(fold(own_cell(text, since, run[-1][0]))):
                    read.subsidy_deductions.append(run[-1][1])
                read.stamps.setdefault(role, []).append(when_stated(text[since : run[-1][0]]))
            elif position == len(phrases) - 1:
                waiting = role
    read.without_restated_deductions()
    return read


def parts_totalled(rows: list[Line], totals: list[Decimal]) -> bool:
    """Whether the lines between a header of columns and its totals row hold two rows or more of one amount per
    column, none of them a month's ("Agosto 2026 842,37 32,00 810,37": a year's months, whose total is the
    year's), whose columns add up to the totals: one person's pensions side by side, the totals their whole."""
    parts = [amounts_in(row.text) for row in rows if amounts_in(row.text)]
    if len(parts) < 2 or any(len(part) != len(totals) for part in parts):
        return False
    if any(parse_period(row.text) for row in rows):
        return False
    return all(sum(column, Decimal(0)) == total for column, total in zip(zip(*parts, strict=True), totals, strict=True))


def left_cell(text: str, first_label: int) -> str | None:
    """The first cell of a row of two columns side by side, when it is an unlabelled row of its own: a caption no
    label names and one amount, the other column's label right after it ("Pensão de aposentação 2.050,00 | IRS —
    pensão 348,50"); else none. Words between the amount and the label make a sentence ("A pensão de 812,34 € sofre
    retenção de IRS de 24,00 €"), not two cells."""
    before = [(start, end) for start, end, _ in money_matches(text) if start < first_label]
    if len(before) != 1:
        return None
    start, end = before[0]
    gap = re.sub(r"(?i)eur(?:os?)?|€", " ", text[end:first_label])
    if not LETTER.search(text[:start]) or LETTER.search(gap):
        return None
    return text[:end]


def own_cell(text: str, since: int, until: int) -> str:
    """A label's own words up to its amount at ``until``: from the end of the last amount before it, or of the
    phrase before it (``since``), so that a row's other column ("Subsídio de Natal 2.050,00 | IRS — pensão 348,50")
    is not taken for its caption."""
    ends = [end for _, end, _ in money_matches(text) if end <= until]
    return text[max([since, *ends]) : until]


# A row that names a pension by its type before its amount: "Pensão de invalidez (regime geral) 540,20 €",
# "Pensão de sobrevivência 198,75".
PENSION_ROW = re.compile(
    rf"\W*pensao{WORD_GAP}(?:social{WORD_GAP})?(?:de|por){WORD_GAP}(velhice|invalidez|sobrevivencia|aposentacao"
    r"|reforma)(?![a-z])"
)
# Letters a scan's OCR strews between a row's caption and its amount, one or two at a time ("Pensão de velhice e | |
# 612,40 €", "Pensão de sobrevivência ad, 287,55 €"): no word of a caption, which is longer.
OCR_DEBRIS = re.compile(r"(?<![^\W\d_])[^\W\d_]{1,2}(?![^\W\d_])")


def only_the_amount(text: str) -> bool:
    """What follows a pension's type is its amount alone, a note in brackets before it ("(regime geral) 540,20 €"):
    not "12 meses 6.840,00", a year's."""
    rest = MONEY.sub(" ", portuguese_figures(fix_digits(re.sub(r"\([^()]*\)", " ", text))))
    rest = OCR_DEBRIS.sub(" ", re.sub(r"(?i)eur(?:os?)?|€", " ", rest))
    return len(money_spans(text)) == 1 and not re.search(r"[^\W\d_]", rest)


# A header's column of the pension itself, before the columns of what is taken and paid: "Mês | Pensão de
# sobrevivência | IRS | Líquido", "Period | Pension | Tax | Net". Not a column of the pension's type or dates.
PENSION_COLUMN = re.compile(
    r"(?<![a-z])(?<!tipo\sde\s)(?<!data\sda\s)(?<!inicio\sda\s)(?:pensao|pension|rente|retraite)"
    r"(?:\s+(?:de|da|do|por|of|d[eu])\s+[a-z]+)?(?![a-z])"
)


def with_pension_column(text: str, labels: list[Label]) -> list[Label]:
    """A header row's labels, with the pension's own column as the gross where it opens the amount columns and no
    other label names the gross: the pension before deductions is what its column holds."""
    if not labels or any(role == "gross_monthly_amount" for _, _, role in labels):
        return labels
    column = PENSION_COLUMN.search(fold(text))
    if column is None or column.end() > labels[0][0]:
        return labels
    return [(column.start(), column.end(), "gross_monthly_amount"), *labels]


# A header's column of a complement paid with the pension ("Compl. solidário", "Complemento por dependência"),
# which no role names: read only as a header's column, so that the row under it gives one amount per column. A
# complement's own row ("Complemento por dependência 104,85") stays an unlabelled item.
COMPLEMENT_COLUMN = re.compile(r"(?<![a-z])compl(?:emento|\.)?(?![a-z])")


def with_complement_column(text: str, labels: list[Label]) -> list[Label]:
    """A header row's labels, with each complement's column among them (as the role "complement")."""
    if not labels:
        return labels
    found = [
        (match.start(), match.end(), "complement")
        for match in COMPLEMENT_COLUMN.finditer(fold(text))
        if not any(match.start() < end and start < match.end() for start, end, _ in labels)
    ]
    return sorted([*labels, *found]) if found else labels


def latest_month_row(lines: list[Line], first: int, columns: int) -> tuple[Line, int]:
    """The row under a header to read, and the last row of the table: of rows that each open with their month
    ("Agosto 2026 842,37 32,00 810,37", "Setembro 2026 ..."), the latest month's is what is paid now; a row
    naming an extra payment (a subsidy's month) is not the month's pension. Otherwise the row right under it."""
    dated: list[tuple[str, int]] = []
    at = first
    while at < len(lines) and not line_labels(lines[at].text) and len(amounts_in(lines[at].text)) == columns:
        period = parse_period(lines[at].text)
        if period is None:
            break
        if not EXTRA_MONTH.search(fold(lines[at].text)):
            dated.append((period, at))
        at += 1
    if at - first < 2 or not dated:
        return lines[first], first
    return lines[max(dated)[1]], at - 1


# Words saying an amount is the year's, not the month's: "IRS retido no ano", "Retenção anual", "acumulado",
# "Year to date", "Jahressteuer"; a yearly update ("atualização anual") says nothing of the amount's period.
YEAR_WORDS = re.compile(
    r"(?<![a-z])(?:no|durante\s+o|ao\s+longo\s+do)\s+ano(?![a-z])|(?<!atualizacao\s)(?<!actualizacao\s)(?<!revisao\s)"
    r"(?<![a-z])anua(?:l|is)(?![a-z])|acumulad[oa]|(?<![a-z])(?:annual|yearly|annuel(?:le)?|year.to.date|ytd)(?![a-z])"
    r"|(?<![a-z])jahres"
)
# Words saying it is the month's: they win over a year named beside them ("Retenção mensal (taxa anual) ...").
MONTH_WORDS = re.compile(r"(?<![a-z])(?:mensal|mensais|por\s+mes|monthly|per\s+month|mensuel(?:le)?|monatlich)")


def the_years(words: str) -> bool:
    """The words before an amount say it is a year's total; a count of payments a year ("14 vezes no ano") is
    not one."""
    folded = PAYMENTS.sub(" ", fold(words))
    return bool(YEAR_WORDS.search(folded)) and not MONTH_WORDS.search(folded)


def pension_rows(lines: list[Line], first: int) -> bool:
    """Two lines or more from ``first``, each a pension named by its type and its amount alone, no two of one type
    ("Pensão de velhice 757,55 €", "Pensão de sobrevivência 628,47 €"): one person's pensions, each a part."""
    kinds: list[str] = []
    for line in lines[first:]:
        named = PENSION_ROW.match(fold(line.text))
        if named is None or not only_the_amount(line.text[named.end() :]):
            break
        kinds.append(named.group(1))
    return len(kinds) >= 2 and len(set(kinds)) == len(kinds)


def item_rows_to_total(lines: list[Line], first: int) -> bool:
    """Two lines or more from ``first`` with an amount each and no label, then a total's row: a table's items."""
    at = first
    while at < len(lines) and not line_labels(lines[at].text) and len(money_spans(lines[at].text)) == 1:
        at += 1
    return at - first >= 2 and at < len(lines) and bool(TOTALS_ROW.match(fold(lines[at].text)))


def deductions_read(
    amounts: PensionAmounts, gross: Decimal | None, net: Decimal | None
) -> tuple[Decimal, float] | None:
    """The printed total of deductions, else the sum of the items; with gross and net read, the one that
    makes gross - deductions = net (a total row misread, an item missed, still add up or are left), the
    levies printed with a rate counted in only when nothing else adds up."""
    candidates = deduction_candidates(amounts)
    if gross is not None and net is not None:
        for value, confidence in candidates + with_levies(amounts, candidates):
            if abs(gross - value - net) <= CENT:
                return value, confidence
    return candidates[0] if candidates else None


def deduction_candidates(amounts: PensionAmounts) -> list[tuple[Decimal, float]]:
    """The printed total of deductions, then the items' total or sum."""
    candidates = list(amounts.get("deductions"))
    items = amounts.get("deduction")
    total = total_among(items)
    if total is not None:
        # "IRS 30,00", "ADSE 10,00", "Descontos 40,00": the last is the others' total, not one more part.
        candidates.append(total)
    elif items:
        candidates.append((sum((value for value, _ in items), Decimal(0)), min(c for _, c in items)))
        if len(items) >= 2 and items[-1][0] == sum((value for value, _ in items[:-1]), Decimal(0)):
            # "Retenção na fonte 63,55", "Total retido 63,55": the last may be the others' total, though one item
            # and its total cannot be told from two equal items; only the arithmetic, after the sum, picks it.
            candidates.append(items[-1])
    return candidates


def with_levies(amounts: PensionAmounts, candidates: list[tuple[Decimal, float]]) -> list[tuple[Decimal, float]]:
    """Each candidate with the unlabelled rows printed with a rate added ("Pensão 2.740,00" / "Fundo de saúde 2%
    54,80" / "IRS 612,00"): a contribution levied at that rate on the pension is taken from it."""
    levies = [(value, confidence) for at, value, confidence in amounts.items if at in amounts.rated]
    if not levies:
        return []
    levied = sum((value for value, _ in levies), Decimal(0))
    trust = min(confidence for _, confidence in levies)
    return [(value + levied, min(confidence, trust)) for value, confidence in candidates or [(Decimal(0), 1.0)]]


def paid_from_items(
    amounts: PensionAmounts, net: Decimal, deductions: tuple[Decimal, float]
) -> tuple[tuple[Decimal, float], tuple[Decimal, float]] | None:
    """The gross the unlabelled rows print, with the deductions that make it add up: those read, else with the
    rows printed with a rate taken as levies ("Pensão 2.740,00" / "Fundo de saúde 2% 54,80" / "IRS 612,00" /
    "Valor líquido 2.073,20"), the pension being then the other rows."""
    paid = gross_from_items(amounts, net + deductions[0])
    if paid is not None:
        return paid, deductions
    for levied in with_levies(amounts, [deductions]):
        paid = gross_from_items(amounts, net + levied[0], exclude=amounts.rated)
        if paid is not None:
            return paid, levied
    return None


def paid_from_any_deductions(
    amounts: PensionAmounts, net: Decimal, deductions: tuple[Decimal, float]
) -> tuple[tuple[Decimal, float], tuple[Decimal, float]] | None:
    """``paid_from_items`` with the deductions read, else with each other reading of them (the items' sum where the
    printed total was read first): the gross an unlabelled row prints ("Pensão 1.862,45 €", a CGA nota) and the
    deductions that, with the net, add up to it. Blind probe r54a: a scan's "Total de descontos 327,79" read
    327,19, so that no row added up and the gross went unread beside "IRS 262,60" and "ADSE 65,19", whose sum
    does."""
    for candidate in [deductions, *(found for found in deduction_candidates(amounts) if found != deductions)]:
        paid = paid_from_items(amounts, net, candidate)
        if paid is not None:
            return paid
    return None


def total_among(items: list[tuple[Decimal, float]]) -> tuple[Decimal, float] | None:
    """Of three amounts or more, one that is the sum of all the others: their printed total."""
    whole = sum((value for value, _ in items), Decimal(0))
    if len(items) >= 3:
        for value, confidence in items:
            if value * 2 == whole:
                return value, confidence
    return None


def gross_from_items(
    amounts: PensionAmounts, expected: Decimal, *, exclude: set[int] | None = None
) -> tuple[Decimal, float] | None:
    """What consecutive unlabelled lines add up to ("Pensão de velhice 1.120,40", "Complemento 10,00"), when that
    is exactly the net plus the deductions: a nota de pagamento names what is paid, not "ilíquido". Lines in
    ``exclude`` (levies) are neither part of a run nor break one."""
    items = [item for item in amounts.items if not exclude or item[0] not in exclude]
    for first in range(len(items)):
        total, confidence = Decimal(0), 1.0
        for position in range(first, len(items)):
            if position > first and not consecutive(items[position - 1][0], items[position][0], exclude):
                break
            total += items[position][1]
            confidence = min(confidence, items[position][2])
            if total == expected:
                return total, confidence
    return None


def consecutive(before: int, after: int, skipped: set[int] | None) -> bool:
    """Whether line ``after`` follows line ``before``, lines in ``skipped`` between them aside."""
    return all(at in (skipped or set()) for at in range(before + 1, after))


YEAR = re.compile(r"(?<![\d.,])(20\d{2})(?![\d.,])")


def year_over(lines: list[Line], value: Decimal) -> int | None:
    """The year the line printing ``value`` names, else the nearest line above it that names one (its heading)."""
    printed = next((at for at, line in enumerate(lines) if value in amounts_in(line.text)), None)
    for at in range(printed, -1, -1) if printed is not None else ():
        years = YEAR.findall(MONEY.sub(" ", portuguese_figures(fix_digits(lines[at].text))))
        if years:
            return int(years[-1])
    return None


def earlier_year(lines: list[Line], annual: Decimal, monthly: Decimal) -> bool:
    """The annual amount is under an earlier year than the monthly one."""
    annual_year, monthly_year = year_over(lines, annual), year_over(lines, monthly)
    return annual_year is not None and monthly_year is not None and annual_year < monthly_year


def payments_per_year(text: str, gross: Decimal | None, net: Decimal | None, annual: Decimal | None) -> int | None:
    """Printed ("14 vezes", "catorze vezes por ano"), else the annual amount over the monthly one, else the
    months the pension is paid ("Pensão (12 meses)") unless both subsidies are named beside them (then
    ``both_subsidies_named``)."""
    for match in PAYMENTS.finditer(text):
        count = int(match.group(1) or match.group(3) or COUNT_WORDS[match.group(2)])
        if count in PAYMENT_COUNTS:
            return count
    if annual is not None:
        for monthly in (gross, net):
            if monthly:
                for count in PAYMENT_COUNTS:
                    if abs(monthly * count - annual) <= Decimal("0.01") * count:
                        return count
    both_subsidies = both_subsidies_named(text)
    for match in MONTHS_PAID.finditer(text):
        # Twelve months of pension and the two subsidies listed as their own rows are fourteen payments.
        if not (both_subsidies and int(match.group(1)) == 12):
            return int(match.group(1))
    return None


def both_subsidies_named(text: str) -> bool:
    """The statement names both subsidies, July's and December's ("o subsídio de Natal é pago em dezembro e o
    subsídio de férias (14.º mês) em julho"): fourteen payments, worked out from the words rather than printed as a
    count. Blind probe r59a: read as printed, with no ``derived:payments_per_year``, though api.md says the 14 is
    derived where no count is printed."""
    return all(pattern.search(text) for pattern in BOTH_SUBSIDIES)


def paid_twelve_times_abroad(folded: str) -> bool:
    """A French or German pension (``TWELVE_A_YEAR_ABROAD``) with no extra month named."""
    return bool(TWELVE_A_YEAR_ABROAD.search(folded)) and not EXTRA_MONTH.search(folded)


# OCR may lose the thin "i" opening "ilíquido" and read "líquido", the word that says the opposite; it then doubts
# what it read. A line whose "líquido" the OCR doubts this much after a caption's first word ("valor mensal
# líquido") does not say whether its amount is gross or net: its amount is left out (and the missing field
# flagged) rather than guessed either way.
DOUBTFUL_WORD = 0.4
# The word may close its caption's bracket: "Pensão de velhice (valor líquido)" (blind probe r75a).
NET_WORD = re.compile(r"l[i1l]quid[oa][:.,;)]?")


def doubtful_net_lines_left_out(lines: list[Line]) -> list[Line]:
    """The lines, each with a "líquido" the OCR doubts after a caption's first word emptied; not a year's amount's
    line ("Valor anual ilíquido: 34.019,52 €" read "líquido"): gross or net, it is the year's, and the annual
    amount is checked against either month (blind probe r37b: a fund statement's year lost on a photo)."""
    return [
        Line(text="", confidence=line.confidence) if doubtful_net_word(line) and not annual_caption(line) else line
        for line in lines
    ]


def annual_caption(line: Line) -> bool:
    return any(role == "annual_amount" for _, _, role in line_labels(line.text))


def doubtful_net_word(line: Line) -> bool:
    return any(
        at > 0 and sure < DOUBTFUL_WORD and NET_WORD.fullmatch(fold(word))
        for at, (word, sure) in enumerate(line.word_confidences)
    )


def gross_whose_i_ocr_lost(lines: list[Line], amounts: PensionAmounts, parsed: Parsed) -> None:
    """The gross, where no caption read names it: the one figure off a scan or a photo under a caption OCR read
    "líquido" (sure of it or not) that is another net read plus the deductions read. OCR loses the thin "i" opening
    "ilíquido" and reads the word that says the opposite; of the two readings the caption allows, the arithmetic
    chooses the one in which every figure read holds (ADR 024). Blind probe r75a: a crooked scan's "Pensão de
    velhice (valor ilíquido) 980,00 €" read "(valor líquido)" over "Retenção na fonte de IRS 45,00 €" and "Valor
    líquido 935,00 €": the 980,00 was taken for the net, the gross left unread and the income counted 45,00 a
    month too high. Two such figures, nets the letter dates apart ("anterior" / "atual"), a subsidy's month or a
    text layer, and nothing is chosen. Worked out, so said (``derived:``)."""
    if "gross_monthly_amount" in parsed.fields or amounts.subsidies:
        return
    nets, stamps = amounts.get("net_monthly_amount"), amounts.stamps.get("net_monthly_amount", [])
    if len(set(stamps)) >= 2:
        return
    doubted = [
        (figures[0], line.confidence)
        for line in lines
        if doubtful_net_word(line) and not annual_caption(line) and len(figures := amounts_in(line.text)) == 1
    ]
    deductions = {value for value, _ in deduction_candidates(amounts) if value > 0}
    paid = {value: confidence for value, confidence in nets}
    found = {
        (figure, confidence, figure - deduction)
        for figure, confidence in [*nets, *doubted]
        for deduction in deductions
        if confidence < 1.0 and figure - deduction in paid
    }
    if len({figure for figure, _, _ in found}) != 1 or len({net for _, _, net in found}) != 1:
        return
    figure, confidence, net = max(found)
    parsed.put("gross_monthly_amount", figure, min(confidence, DERIVED_CONFIDENCE))
    parsed.warnings.append("derived:gross_monthly_amount")
    parsed.fields["net_monthly_amount"], parsed.confidence["net_monthly_amount"] = net, round(paid[net], 3)


def parse_pension(lines: list[Line]) -> Parsed:
    parsed = Parsed()
    folded = fold("\n".join(line.text for line in lines))
    amounts = pension_amounts(doubtful_net_lines_left_out(lines))
    for role in ("gross_monthly_amount", "net_monthly_amount", "annual_amount"):
        current = amounts.current(role)
        monthly = parsed.fields.get("gross_monthly_amount") or parsed.fields.get("net_monthly_amount")
        if (
            role == "annual_amount"
            and current is not None
            and monthly is not None
            and earlier_year(lines, current[0], monthly)
        ):
            # "Valores pagos no ano de 2025: Total ilíquido anual 10.103,60 €" over "Situação em janeiro de
            # 2026: Montante mensal 742,30 €": last year's total, paid before the update, is not this month's.
            continue
        if current is not None and role in amounts.derived:
            parsed.put(role, current[0], min(current[1], DERIVED_CONFIDENCE))
            parsed.warnings.append(f"derived:{role}")
        elif current is not None:
            parsed.put(role, *current)
    gross_whose_i_ocr_lost(lines, amounts, parsed)
    gross, net = parsed.fields.get("gross_monthly_amount"), parsed.fields.get("net_monthly_amount")
    paid_with_subsidy = month_and_subsidy_paid(amounts, gross, net)
    if gross is not None and net is not None and net > gross and paid_with_subsidy is None:
        # Read the wrong way round: the larger amount is the one before deductions.
        parsed.fields["gross_monthly_amount"], parsed.fields["net_monthly_amount"] = net, gross
        gross, net = net, gross
    weekly = per_week(lines)
    for role in ("gross_monthly_amount", "net_monthly_amount"):
        printed = parsed.fields.get(role)
        monthly = next((month for amount, month, _ in weekly if amount == printed), None)
        if monthly is not None:
            # "Gross pension: £230.25 per week": the month's worth, worked out.
            parsed.fields[role], parsed.confidence[role] = monthly, DERIVED_CONFIDENCE
            parsed.warnings.append(f"derived:{role}")
    if weekly and "gross_monthly_amount" not in parsed.fields and "net_monthly_amount" not in parsed.fields:
        # "Your new State Pension is £230.25 a week": the pension's month's worth, paid as twelve months.
        parsed.put("gross_monthly_amount", weekly[0][1], DERIVED_CONFIDENCE)
        parsed.warnings.append("derived:gross_monthly_amount")
        parsed.put("payments_per_year", 12, DERIVED_CONFIDENCE)
        parsed.warnings.append("derived:payments_per_year")
    gross, net = parsed.fields.get("gross_monthly_amount"), parsed.fields.get("net_monthly_amount")
    printed_amount = next((amount for amount, month, _ in weekly if month in (gross, net)), gross or net)
    currency = amount_currency(lines, printed_amount) if printed_amount is not None else None
    if currency not in (None, "EUR"):
        # CHF, GBP, BRL ... read as they are printed, not converted: whoever weighs them must know.
        parsed.warnings.append("currency_not_eur")
    deductions = deductions_read(amounts, paid_with_subsidy or gross, net)
    if deductions is not None:
        found = paid_from_any_deductions(amounts, net, deductions) if gross is None and net is not None else None
        paid, deductions = found if found is not None else (None, deductions)
        parsed.put("deductions", *deductions)
        if paid is not None:
            parsed.put("gross_monthly_amount", *paid)
            gross = paid[0]
            if pensions_added_up(amounts, paid[0]):
                # Two pensions' rows with no total under them (velhice and sobrevivência): their sum, worked out.
                parsed.confidence["gross_monthly_amount"] = min(paid[1], DERIVED_CONFIDENCE)
                parsed.warnings.append("derived:gross_monthly_amount")
        elif gross is None and net is not None and deductions[0] == 0:
            # "Sem descontos": what is paid is the whole pension; worked out, not printed, so said so.
            parsed.put("gross_monthly_amount", net, DERIVED_CONFIDENCE)
            parsed.warnings.append("derived:gross_monthly_amount")
            gross = net
    if deductions is not None and paid_with_subsidy is None and not amounts.subsidies:
        # (A month paying a subsidy is put apart below: its figures add up another way.)
        gross, net = digit_misread_mended(parsed)
    if gross is None and not year_declaration(folded):
        # A year's declaration's pension rows are the year's ("recebeu no ano de 2025: Pensão de velhice 9.800,00"),
        # no month's.
        gross = gross_from_pension_rows(amounts, parsed)
    if gross is None and net is not None and "deductions" in parsed.fields:
        gross = gross_separator_lost(lines, parsed, net + parsed.fields["deductions"])
    if paid_with_subsidy is not None:
        gross, net = the_months_own_share(amounts, parsed, whole=paid_with_subsidy)
    elif amounts.subsidies:
        gross, net = without_the_subsidy(amounts, parsed)
    read_already = {"gross_monthly_amount", "net_monthly_amount", "annual_amount"} & parsed.fields.keys()
    if year_declaration(folded) and not read_already:
        year_gross(lines, parsed)
    elif year_declaration(folded) and "annual_amount" not in parsed.fields:
        year_gross_beside_the_month(lines, parsed)
    put_pension_types(parsed, *kinds_added_up(amounts, parsed))
    if amounts.parts_totalled and "pension_types" not in parsed.fields and state_and_complementary(folded):
        # A basic and a complementary pension side by side, the amount their total: counted as both, so neither's own
        # statement beside it is added again (a complementary pension is its own kind since round 78, r78c).
        put_pension_types(parsed, ["velhice", "complementar"], 0.9)
    if "pension_types" not in parsed.fields and "annual_amount" in parsed.fields:
        put_pension_types(parsed, *kinds_of_the_year_in_columns(lines, parsed.fields["annual_amount"]))
    count = payments_per_year(folded, gross, net, parsed.fields.get("annual_amount"))
    parsed.put("payments_per_year", count, 0.9)
    if count is None and both_subsidies_named(folded):
        parsed.put("payments_per_year", 14, DERIVED_CONFIDENCE)
        parsed.warnings.append("derived:payments_per_year")
    elif count is None and paid_twelve_times_abroad(folded):
        parsed.put("payments_per_year", 12, DERIVED_CONFIDENCE)
        parsed.warnings.append("derived:payments_per_year")
    # The name's start: a scan may mangle its end ("CAIXA GERAL DE APOSENTAÇÕOES", blind probe r46a: no issuer).
    if re.search(r"caixa\s+geral\s+de\s+aposenta", folded) or re.search(r"(?<![a-z])cga(?![a-z])", folded):
        parsed.put("issuer", "CGA", VALIDATED_CONFIDENCE)
    elif re.search(r"seguranca\s+social|centro\s+nacional\s+de\s+pensoes", folded):
        parsed.put("issuer", "SEGURANCA_SOCIAL", VALIDATED_CONFIDENCE)
    # The first type printed, on a statement of several pensions too (``put_pension_types`` says why).
    parsed.put("pension_type", pension_type(folded), 0.9)
    if parsed.fields.get("payments_per_year") is None and fourteen_by_law(parsed, folded):
        parsed.put("payments_per_year", 14, DERIVED_CONFIDENCE)
        parsed.warnings.append("derived:payments_per_year")
    parsed.put("issue_date", issue_date(lines), 0.9)
    person(lines, parsed, prefix="pensioner")
    if "pensioner_name" not in parsed.fields:
        # Every pension statement names its pensioner; unread (glare over it, a curl: blind probe r51a), it is said,
        # as a payslip's lost employee name is, so that staff look for it on the page.
        parsed.warnings.append("missing:pensioner_name")
    return parsed


def digit_misread_mended(parsed: Parsed) -> tuple[Decimal | None, Decimal | None]:
    """The gross and net, one of them put right where OCR misread a digit of it: gross − deductions ≠ net, and
    the figure the other two ask for is one digit away from the one read (``common.one_digit_apart``, the payslips'
    test). The arithmetic cannot tell which of the two was misread (either differs by a digit from what the
    others ask for), so the lower reading stands: the gross or the net brought down, never raised. Blind probe
    r64a: a scan's net "512,33" read 912,33 beside its gross 512,33 and no deductions, then taken for the gross
    (the larger) and flagged ``arithmetic_mismatch``. Worked out, so said (``derived:``). Only off an image: a
    text layer misreads nothing, and its figures stand for the arithmetic's check to flag."""
    fields = parsed.fields
    gross, net, deductions = (
        fields.get("gross_monthly_amount"),
        fields.get("net_monthly_amount"),
        fields.get("deductions"),
    )
    if gross is None or net is None or deductions is None or abs(gross - deductions - net) <= CENT:
        return gross, net
    role, wanted = (
        ("gross_monthly_amount", net + deductions)
        if gross - deductions > net
        else ("net_monthly_amount", gross - deductions)
    )
    if parsed.confidence.get(role, 1.0) >= 1.0 or not one_digit_apart(wanted, fields[role]):
        return gross, net
    fields[role] = wanted
    parsed.confidence[role] = min(parsed.confidence[role], DERIVED_CONFIDENCE)
    parsed.warnings.append(f"derived:{role}")
    return fields.get("gross_monthly_amount"), fields.get("net_monthly_amount")


# A figure of three digits or more with no separator, alone before its currency or the line's end.
SEPARATOR_LOST = re.compile(r"(?<![\d.,'])(\d{3,7})(?![\d.,'])\s*(?:€|eur(?:os?)?)?\s*$")


def gross_separator_lost(lines: list[Line], parsed: Parsed, paid: Decimal) -> Decimal | None:
    """The gross under its caption whose figure OCR read without its decimal separator ("Montant brut mensuel
    74218 €" for 742,18 €, a phone photo of a French CNAV statement: blind probe r54a, the gross unread beside
    its net and deductions): taken where its digits are exactly those of the net plus the deductions, so the
    arithmetic says where the separator was. Worked out, so said (``derived:``)."""
    for line in lines:
        gross_labels = [end for _, end, role in line_labels(line.text) if role == "gross_monthly_amount"]
        figure = SEPARATOR_LOST.search(line.text, gross_labels[0]) if gross_labels else None
        if figure is None or money_spans(line.text[gross_labels[0] :]):
            continue
        if Decimal(figure.group(1)) == paid * 100:
            parsed.put("gross_monthly_amount", paid, min(line.confidence, DERIVED_CONFIDENCE))
            parsed.warnings.append("derived:gross_monthly_amount")
            return paid
    return None


# A lasting benefit the Segurança Social pays twelve times a year, with no subsidies: the Prestação Social para a
# Inclusão, the Complemento Solidário para Idosos.
TWELVE_A_YEAR_BENEFIT = re.compile(r"prestacao\s+social\s+(?:para\s+a\s+)?inclusao|complemento\s+solidario")


COUNT_CAPTION = re.compile(
    r"(?:numero|n\.?\s?o)\s+(?:anual\s+)?de\s+" + PAYMENT_WORDS + r"|" + PAYMENT_WORDS + r"\s+(?:anuais|por\s+ano)"
)


def fourteen_by_law(parsed: Parsed, folded: str) -> bool:
    """A monthly pension the CGA or the Segurança Social (Centro Nacional de Pensões) pays, no count printed: both
    pay a pension fourteen times a year by law (the subsidies of July and December), a benefit paid twelve times
    aside. Blind probe r53a: every CGA monthly statement warned ``missing:payments_per_year``, as if the document
    lacked it. Not a year's declaration (no month read): its annual amount is counted as it is."""
    monthly = parsed.fields.get("gross_monthly_amount") or parsed.fields.get("net_monthly_amount")
    return (
        parsed.fields.get("issuer") in {"CGA", "SEGURANCA_SOCIAL"}
        and parsed.fields.get("pension_type") is not None
        and monthly is not None
        and not TWELVE_A_YEAR_BENEFIT.search(folded)
        and not MONTHS_PAID.search(folded)
        and not re.search(r"duodecimos", folded)
        # The count's caption printed and its value not read: the page says it, and staff read it there.
        and not COUNT_CAPTION.search(folded)
    )


def without_the_subsidy(amounts: PensionAmounts, parsed: Parsed) -> tuple[Decimal | None, Decimal | None]:
    """A month paying a subsidy with the pension (July's 14.º mês, November's or December's Christmas subsidy), each
    on its own row: the month's own pension, its deductions and its net, without the subsidy and what is taken from
    it; the gross and net read otherwise. Blind probe r53a: a CGA statement's "Pensão de aposentação 2.405,90",
    "Subsídio de Natal 2.405,90", "Total ilíquido 4.811,80" read as a pension of 4.811,80 €, twice the month's,
    counted x 14 / 12 as if every month paid it.

    The subsidy is in the gross when the gross less it is what the other rows pay, or the gross is what the net and
    the deductions add up to (the whole month's paid). Its deductions are those whose caption names it ("IRS s/
    Subsídio de Natal"), else the deductions' share of it (IRS is withheld on a subsidy apart, at the month's rate,
    and the health scheme at its rate: both in proportion). Worked out, not printed: said so (``derived:``). A
    subsidy that fits neither reading is left as read, warned ``pension_subsidy_month`` so that the month is not
    counted as every month's."""
    fields = parsed.fields
    gross, net, deductions = (
        fields.get("gross_monthly_amount"),
        fields.get("net_monthly_amount"),
        fields.get("deductions"),
    )
    subsidy = sum(amounts.subsidies, Decimal(0))
    pension = gross - subsidy if gross is not None else Decimal(0)
    others = [value for _, value, _ in amounts.items if value not in amounts.subsidies]
    whole_paid = (
        gross is not None and net is not None and deductions is not None and abs(gross - deductions - net) <= CENT
    )
    if gross is None or pension <= 0 or not (whole_paid or pension in others or sum(others, Decimal(0)) == pension):
        # The gross is the month's own, the subsidy apart (a letter stating both); warned only when what is paid
        # is more than that month could pay, the subsidy in it.
        if gross is not None and net is not None and (net > gross or (pension > 0 and net > pension)):
            parsed.warnings.append(PENSION_SUBSIDY_MONTH)
        return gross, net
    fields["gross_monthly_amount"] = pension
    parsed.confidence["gross_monthly_amount"] = min(
        parsed.confidence.get("gross_monthly_amount", 1.0), DERIVED_CONFIDENCE
    )
    parsed.warnings.append("derived:gross_monthly_amount")
    return the_months_own_share(amounts, parsed, whole=gross)


def month_and_subsidy_paid(amounts: PensionAmounts, gross: Decimal | None, net: Decimal | None) -> Decimal | None:
    """What the month pays before deductions, the month's pension and its subsidy, where the gross printed is the
    month's own and the net pays the subsidy too: the gross plus the subsidies' rows less the deductions (the
    printed total, the items' sum, or none) is the net. Blind probe r56b: a December "Nota de abono" ("Valor mensal
    ilíquido da pensão 1.320,00", "Subsídio de Natal 1.320,00", one IRS row for both, "Valor líquido a pagar
    2.402,40") read with its gross and net swapped, the net being the larger."""
    if not amounts.subsidies or gross is None or net is None or net <= gross:
        return None
    whole = gross + sum(amounts.subsidies, Decimal(0))
    candidates = deduction_candidates(amounts) or [(Decimal(0), 1.0)]
    if any(abs(whole - value - net) <= CENT for value, _ in candidates + with_levies(amounts, candidates)):
        return whole
    return None


def the_months_own_share(amounts: PensionAmounts, parsed: Parsed, *, whole: Decimal) -> tuple[Decimal, Decimal | None]:
    """The month's own deductions and net, of a month paying ``whole`` (its pension, already in the gross field, and
    its subsidy): the deductions less those whose caption names the subsidy, else less their share of it (IRS is
    withheld on a subsidy apart, at the month's rate, and the health scheme at its rate: both in proportion), and
    the pension less them; a net with no deductions read, its share. Worked out, so said (``derived:``)."""
    fields = parsed.fields
    pension, net, deductions = (
        fields["gross_monthly_amount"],
        fields.get("net_monthly_amount"),
        fields.get("deductions"),
    )
    if deductions is None:
        if net is not None:
            # A net with no deductions read: the subsidy's share of it.
            net = (net * pension / whole).quantize(CENT)
            fields["net_monthly_amount"] = net
            parsed.confidence["net_monthly_amount"] = DERIVED_CONFIDENCE
            parsed.warnings.append("derived:net_monthly_amount")
        return pension, net
    on_subsidy = sum(amounts.subsidy_deductions, Decimal(0))
    if not on_subsidy or on_subsidy >= deductions:
        on_subsidy = (deductions * (whole - pension) / whole).quantize(CENT)
    fields["deductions"] = deductions - on_subsidy
    parsed.confidence["deductions"] = min(parsed.confidence.get("deductions", 1.0), DERIVED_CONFIDENCE)
    parsed.warnings.append("derived:deductions")
    if net is not None:
        net = pension - fields["deductions"]
        fields["net_monthly_amount"] = net
        parsed.confidence["net_monthly_amount"] = DERIVED_CONFIDENCE
        parsed.warnings.append("derived:net_monthly_amount")
    return pension, net


# A pension statement of a month paying a subsidy whose own pension could not be told apart from it.
PENSION_SUBSIDY_MONTH = "pension_subsidy_month"


def pensions_added_up(amounts: PensionAmounts, gross: Decimal) -> bool:
    """The gross is the sum of two pensions or more named by their type, no total printed for them."""
    kinds = {row.kind for row in amounts.pensions}
    return len(kinds) >= 2 and sum((row.value for row in amounts.pensions), Decimal(0)) == gross


def gross_from_pension_rows(amounts: PensionAmounts, parsed: Parsed) -> Decimal | None:
    """Where no label named the gross and no reading of the rows made it add up, the pensions the unlabelled rows
    name by their type, when they are all the unlabelled rows. One pension's row is its amount before anything is
    taken (a net printed beside it that does not follow is then the arithmetic's to flag); the rows of two pensions
    of one person (velhice and sobrevivência) are one month's income, their sum, worked out rather than printed and
    so said (``derived:``). The same type twice is not two pensions (a year's months, an update's old and new
    amount): nothing is read."""
    kinds = [row.kind for row in amounts.pensions]
    if not kinds or len(set(kinds)) != len(kinds) or len(amounts.items) != len(kinds):
        # Another unlabelled row ("Complemento por dependência 104,85", "Subsídio de Natal") is part of what is
        # paid too, and how is not known.
        return None
    total = sum((row.value for row in amounts.pensions), Decimal(0))
    confidence = min(row.confidence for row in amounts.pensions)
    if len(kinds) == 1:
        parsed.put("gross_monthly_amount", total, confidence)
    else:
        parsed.put("gross_monthly_amount", total, min(confidence, DERIVED_CONFIDENCE))
        parsed.warnings.append("derived:gross_monthly_amount")
    return total


# A pension named by its type anywhere on a row: "Pensão de sobrevivência - rendimento bruto 3.318,60 €", "401 -
# Pensão de velhice 8.400,00 380,00", "Pensões de invalidez 2.940,00".
ROW_PENSION_TYPE = re.compile(
    rf"(?<![a-z])pens(?:ao|oes){WORD_GAP}(?:social{WORD_GAP})?(?:de|por){WORD_GAP}(velhice|invalidez|sobrevivencia"
    r"|aposentacao|reforma)(?![a-z])"
)


def row_pension_type(text: str) -> str | None:
    named = ROW_PENSION_TYPE.search(fold(text))
    return named.group(1) if named else None


def several_kinds(kinds: list[str | None]) -> list[str]:
    """The pension types named, each once in printed order, when they are two or more; else none: one pension's
    amount is typed by ``pension_type`` alone."""
    named = list(dict.fromkeys(kind for kind in kinds if kind))
    return named if len(named) >= 2 else []


def state_and_complementary(folded: str) -> bool:
    """The text names a state's old-age pension and a complementary fund's: the first two kinds ``pension_type``
    tells apart abroad."""
    patterns = dict(FOREIGN_PENSION_TYPES)
    return bool(patterns["velhice"].search(folded) and patterns["complementar"].search(folded))


def put_pension_types(parsed: Parsed, kinds: list[str], confidence: float) -> None:
    """``pension_types``: the pensions a statement's amount is the total of, where they are two or more (a Segurança
    Social statement of one's retirement and survivor's pensions, "Total bruto 899,95"). ``pension_type`` stays the
    first type printed; the screening counts the statement as each of ``pension_types``, so that the survivor's
    pension's own statement beside it is not added again (blind probe r54a, pe04)."""
    if kinds:
        parsed.put("pension_types", kinds, confidence)


def kinds_added_up(amounts: PensionAmounts, parsed: Parsed) -> tuple[list[str], float]:
    """The types of the pensions whose rows the month's gross, else its net, adds up ("Valor mensal" over "Pensão de
    velhice 612,40", "Pensão de sobrevivência 287,55" and "Total bruto 899,95"; or the rows alone, summed), and the
    rows' least confidence; none where neither amount is two pensions' sum."""
    for role in ("gross_monthly_amount", "net_monthly_amount"):
        amount = parsed.fields.get(role)
        rows = pension_rows_added_up(amounts, amount) if amount is not None else []
        if rows:
            return several_kinds([row.kind for row in rows]), min(row.confidence for row in rows)
    return [], 0.0


def kinds_of_the_year_in_columns(lines: list[Line], annual: Decimal) -> tuple[list[str], float]:
    """The types of a year's declaration's pension rows laid out in columns under a header ("Tipo de pensão | Valor
    bruto anual | Retenção IRS" over "Pensão de velhice 9.800,00 300,00", "Pensão de sobrevivência 3.500,00 100,00",
    "Total de rendimentos 13.300,00 400,00"), where one column of the rows that open with a pension's type adds up
    to the year's gross read (blind probe r73d: the total read from the table's columns, its pensions' types lost,
    the statement counted as a retirement pension alone). Rows of one type, or no column that adds up: none."""
    rows = [
        (match.group(1), amounts_in(line.text), line.confidence)
        for line in lines
        if (match := PENSION_ROW.match(fold(line.text)))
    ]
    rows = [(kind, values, confidence) for kind, values, confidence in rows if values]
    kinds = several_kinds([kind for kind, _, _ in rows])
    if not kinds or len({len(values) for _, values, _ in rows}) != 1:
        return [], 0.0
    for column in range(len(rows[0][1])):
        if abs(sum((values[column] for _, values, _ in rows), Decimal(0)) - annual) <= CENT * len(rows):
            return kinds, min(confidence for _, _, confidence in rows)
    return [], 0.0


def pension_rows_added_up(amounts: PensionAmounts, amount: Decimal) -> list[PensionRow]:
    """The pensions' rows of two types or more that ``amount`` is the sum of: all of them, or those of a run of
    consecutive unlabelled rows that adds up to it (a complement's row among them: "Complemento por dependência
    104,85", which names no pension)."""
    if several_kinds([row.kind for row in amounts.pensions]) and amount == sum(
        (row.value for row in amounts.pensions), Decimal(0)
    ):
        return amounts.pensions
    named = {row.line: row for row in amounts.pensions}
    items = amounts.items
    for first in range(len(items)):
        total = Decimal(0)
        for position in range(first, len(items)):
            if position > first and not consecutive(items[position - 1][0], items[position][0], None):
                break
            total += items[position][1]
            rows = [named[at] for at, _, _ in items[first : position + 1] if at in named]
            if total == amount and several_kinds([row.kind for row in rows]):
                return rows
    return []


# A declaration of what was paid in a year, for the pensioner's IRS return: "auferiu no ano de 2025", "recebeu
# durante o ano de 2025", "Rendimentos pagos em 2025" (the Segurança Social's: blind probe r37b), "(Para efeitos de
# IRS — Ano de 2025)". Its amounts are the year's. The payer's name between may be abbreviated ("recebeu do
# Instituto da Segurança Social, I.P., no ano de 2025": a dot after one letter ends no sentence); the title may
# name the year ("DECLARAÇÃO DE RENDIMENTOS - ANO DE 2025"), or the return it is for ("Para efeitos de IRS (Modelo
# 3 - Anexo A)", "Rendimentos a declarar no Modelo 3"): blind probe r46a, both kinds read as no amount at all.
YEAR_DECLARATION = re.compile(
    r"(?:auferi[ud]|receb(?:eu|eram|id[oa]s?)|pag(?:ou|aram|[oa]s)|abonad[oa]s?)(?![a-z])(?:[^.]|(?<![a-z]{2})\.){0,60}?"
    r"(?:(?:no|durante\s+o)\s+ano\s+(?:de\s+)?|em\s+)(?:19|20)\d{2}(?!\d)"
    r"|para\s+efeitos\s+(?:de|do)\s+irs\W{0,5}(?:ano|relativ)"
    r"|declaracao\s+(?:anual\s+)?de\s+rendimentos\W{0,5}(?:(?:do\s+)?ano\s+(?:de\s+)?)?(?:19|20)\d{2}(?!\d)"
    r"|(?:para\s+efeitos\s+d[eo]\s+irs|a\s+declarar)\W[^.\n]{0,20}?modelo\s+3(?!\d)"
)
# What a year's declaration calls the pension before tax: "Rendimentos ilíquidos (categoria H) 9.417,60 €",
# "Rendimento bruto (código 401)", "Total ilíquido".
YEAR_GROSS_LABEL = re.compile(
    r"rendimentos?\s+(?:brutos?|iliquidos?)|(?:total|valor|montante)\s+(?:bruto|iliquido)|(?<![a-z])iliquidos?(?![a-z])"
)


def year_declaration(folded: str) -> bool:
    return bool(YEAR_DECLARATION.search(folded))


@dataclass(frozen=True)
class YearGross:
    """A year's gross as read: its amount, how sure, whether it was worked out (the rows' sum, no total printed),
    and the types of the pensions whose rows it adds up (empty for one row's)."""

    value: Decimal
    confidence: float
    derived: bool = False
    kinds: list[str] = field(default_factory=list)


def year_gross(lines: list[Line], parsed: Parsed) -> None:
    """A year's declaration with no monthly amount: its gross is the annual amount (after its label, or in its
    column), and the tax it says was withheld is the year's, no month's deductions."""
    for index, line in enumerate(lines):
        label = YEAR_GROSS_LABEL.search(fold(line.text))
        values = amounts_in(line.text[label.end() :]) if label else []
        found = year_gross_of_the_rows(lines, index, YearGross(values[-1], line.confidence)) if values else None
        if label and not values and not amounts_in(line.text):
            found = year_gross_in_column(lines, index, label.start())
        if found:
            parsed.put("annual_amount", found.value, found.confidence)
            if found.derived:
                parsed.warnings.append("derived:annual_amount")
            put_pension_types(parsed, found.kinds, found.confidence)
            parsed.fields.pop("deductions", None)
            parsed.confidence.pop("deductions", None)
            return


# The total of a year's income: "Total de rendimentos", "Total dos rendimentos pagos".
INCOME_TOTAL = re.compile(r"\W*total\s+(?:de\s+|dos\s+)?rendimentos(?![a-z])")


def year_gross_of_the_rows(lines: list[Line], first: int, found: YearGross) -> YearGross:
    """The year's gross of several pensions' rows, each with its own caption and amount ("Pensão de velhice -
    rendimento bruto 15.429,36 €" over "Pensão de sobrevivência - rendimento bruto 3.318,60 €" over "Total de
    rendimentos 18.747,96 €", the Segurança Social's declaration for the IRS return: blind probe r54a, the first row
    alone read as the year's, the survivor's pension lost): their "Total" row's amount where one follows them, else
    their sum (worked out, ``derived``), either with the types the rows name; one row is the year's gross as read."""
    rows = [(found.value, found.confidence)]
    kinds = [row_pension_type(lines[first].text)]
    for row in lines[first + 1 :]:
        folded = fold(row.text)
        values = amounts_in(row.text)
        if not values:
            break
        if TOTAL_ROW.match(folded) and len(rows) > 1:
            # Printed, so read as printed: the amount that is the rows' sum ("Total 18.747,96 € 1.004,90 €", the
            # tax's column beside it), else the one amount of a total of income ("Total de rendimentos", "Total
            # ilíquido") whose rows OCR may have misread; a total of something else is not the year's gross.
            total = sum((value for value, _ in rows), Decimal(0))
            summed = next((value for value in values if abs(value - total) <= CENT * len(rows)), None)
            if summed is None and len(values) == 1 and (YEAR_GROSS_LABEL.search(folded) or INCOME_TOTAL.match(folded)):
                summed = values[0]
            if summed is not None:
                return YearGross(summed, row.confidence, kinds=several_kinds(kinds))
            break
        if TOTAL_ROW.match(folded):
            break
        label = YEAR_GROSS_LABEL.search(folded)
        after = amounts_in(row.text[label.end() :]) if label else []
        if not after:
            break
        rows.append((after[-1], row.confidence))
        kinds.append(row_pension_type(row.text))
    if len(rows) == 1:
        return found
    total = sum((value for value, _ in rows), Decimal(0))
    confidence = min(DERIVED_CONFIDENCE, *(confidence for _, confidence in rows))
    return YearGross(total, confidence, derived=True, kinds=several_kinds(kinds))


def year_gross_in_column(lines: list[Line], header: int, at: int) -> YearGross | None:
    """The year's gross under its caption in a header row ("Código Rendimento bruto Retenção IRS Contribuições" over
    "401 - Pensões 11.456,80 312,00 0,00", the Segurança Social's declaration for the IRS return: blind probe
    r46a): the amount in the column the caption holds among the header's amounts' captions, counted from the left
    (a code's or a description's column holds no amount).

    Several rows under the header are several pensions of the year (velhice, sobrevivência, a complemento: blind
    probe r48a, the first row alone read as the year's, a third of the income lost): their "Total" row's amount
    where one is printed, else their sum where every row has the same columns (``derived``), either with the types
    the rows name; rows that do not agree on their columns are not read, since which amount is whose is not known."""
    before = [role for start, _, role in line_labels(lines[header].text) if start < at]
    # "Retenção IRS" is one column named twice.
    column = sum(1 for position, role in enumerate(before) if position == 0 or before[position - 1] != role)
    rows: list[Line] = []
    for row in lines[header + 1 :]:
        if YEAR_GROSS_LABEL.search(fold(row.text)) or line_labels(row.text) or not amounts_in(row.text):
            break
        if TOTAL_ROW.match(fold(row.text)):
            values = amounts_in(row.text)
            if rows and len(values) == len(amounts_in(rows[0].text)) and column < len(values):
                kinds = several_kinds([row_pension_type(one.text) for one in rows])
                return YearGross(values[column], row.confidence, kinds=kinds)
            break
        rows.append(row)
    if not rows:
        return None
    columns = {len(amounts_in(row.text)) for row in rows}
    if len(columns) != 1 or column >= columns.pop():
        return None
    confidence = min(row.confidence for row in rows)
    if len(rows) == 1:
        return YearGross(amounts_in(rows[0].text)[column], confidence)
    total = sum((amounts_in(row.text)[column] for row in rows), Decimal(0))
    kinds = several_kinds([row_pension_type(row.text) for row in rows])
    return YearGross(total, min(confidence, DERIVED_CONFIDENCE), derived=True, kinds=kinds)


# A table's total row: "Total 14 596,40 € 412,00 €", "TOTAL ANUAL ...".
TOTAL_ROW = re.compile(r"\W*total(?![a-z])")


def year_gross_beside_the_month(lines: list[Line], parsed: Parsed) -> None:
    """A year's declaration printing the month's pension too: its year's gross is the annual amount where it is
    that month paid 12, 13 or 14 times (a year before an update is not this month's, and is left)."""
    months = [parsed.fields.get(role) for role in ("gross_monthly_amount", "net_monthly_amount")]
    for line in lines:
        label = YEAR_GROSS_LABEL.search(fold(line.text))
        values = amounts_in(line.text[label.end() :]) if label else []
        if values and any(
            month and abs(month * count - values[-1]) <= CENT * count for month in months for count in PAYMENT_COUNTS
        ):
            parsed.put("annual_amount", values[-1], line.confidence)
            return


# An English type under an English caption, after the caption's other language: "Вид пенсії / Type: за віком /
# old-age", "Pension type: survivor's". The type's words alone, the caption naming the pension.
CAPTIONED_ENGLISH_TYPE = re.compile(
    r"(?<![a-z])(?:type(?:\s+of\s+(?:pension|benefit))?|pension\s+type)\s*:[^\n]{0,40}?(?<![a-z])"
    r"(?:(old.age|retirement)|(survivor|widow)|(invalidity|disability))(?![a-z])"
)
CAPTIONED_TYPE_NAMES = ("velhice", "sobrevivencia", "invalidez")


def pension_type(folded: str) -> str | None:
    """The type printed ("Pensão de velhice", "pensionista de invalidez", "Retirement pension", "Regelaltersrente",
    "Type: old-age"), else told by the words of a retirement ("aposentação", "é aposentado")."""
    kind = PENSION_TYPE.search(folded) or PENSION_TYPE_CELL.search(folded)
    if kind:
        return kind.group(1)
    for name, foreign in FOREIGN_PENSION_TYPES:
        if foreign.search(folded):
            return name
    captioned = CAPTIONED_ENGLISH_TYPE.search(folded)
    if captioned:
        return next(name for name, group in zip(CAPTIONED_TYPE_NAMES, captioned.groups(), strict=True) if group)
    word = PENSION_TYPE_WORD.search(folded)
    return (word.group(1) or "aposentacao") if word else None


def issue_date(lines: list[Line]) -> dt.date | None:
    """The labelled date of issue (on the label's line or the next), else the last place and date (above the
    signature), else the date of the decision communicated, else the last date written out."""
    labelled = labelled_date(lines, ISSUE_LABEL) or labelled_date(lines, ISSUE_LABEL_INSIDE, folded=False)
    if labelled is not None:
        return labelled
    placed: list[dt.date] = []
    for line in lines:
        place = PLACE_DATE.match(fold(line.text)) or PLACE_DATE_INSIDE.search(fold(line.text))
        placed += placed_date(fold(line.text)[place.end() :]) if place else []
    # A place before it marks the letter's own date: "Lisboa, 12 de janeiro de 2026" over "com efeitos a 1 de
    # janeiro de 2026" in the text below.
    if placed:
        return placed[-1]
    return (
        letterhead_date(lines)
        or labelled_date(lines, DECISION_LABEL)
        or last_plain_date(lines)
        or labelled_date(lines, PAYMENT_DATE_LABEL)
        or processing_month(lines)
        or month_paid(lines)
    )


# A month's pension slip (a CNP "movimento mensal", a CGA "nota de abono") dates itself by its payment or the
# month it was processed for: "Data de pagamento: 08/11/2026", "Mês de processamento: Novembro de 2026".
# OCR may read a colon or a dot for a space between its words ("Pago:por transferência bancária em 20/11/2026": blind
# probe r78c, F5, a CGA nota de abono dated by the month's first day instead). Abroad the date follows at once ("versée
# le 01/10/2026", "überwiesen am 28.10.2026"), not a sentence's "versée mensuellement, le 1er de chaque mois".
DATE_AFTER = r"(?=\W{0,3}\d{1,2}\s?[./-])"
PAYMENT_DATE_LABEL = re.compile(
    rf"data{WORD_GAP}d[eoa]{WORD_GAP}(?:pagamento|processamento|abono|movimento|credito|transferencia|deposito)"
    rf"|pag[oa]{WORD_GAP}em|data{WORD_GAP}valor|payment{WORD_GAP}date|date{WORD_GAP}of{WORD_GAP}payment"
    rf"|date{WORD_GAP}d[eu]{WORD_GAP}(?:paiement|versement|virement)|fecha{WORD_GAP}de{WORD_GAP}(?:pago|abono|cobro)"
    rf"|zahlungsdatum|(?:auszahlungs|zahl)tag|data{WORD_GAP}(?:di{WORD_GAP})?(?:pagamento|accredito)"
    # How it was paid may come between: "Pago por transferência bancária em 20/10/2026", "creditada na sua conta em"
    # (blind probe r73b, F2: a CGA nota de abono so paid, read as undated and not counted).
    rf"|(?:(?:pag|creditad|transferid|depositad|abonad)[oa]s?|pagamento){WORD_GAP}(?:[a-z]+{WORD_GAP}){{0,4}}?em(?![a-z])"
    rf"|(?:(?:paid|credited|deposited|transferred)(?:{WORD_GAP}[a-z]+){{0,4}}?{WORD_GAP}on"
    rf"|(?:paye|verse|vire|credite)e?s?(?:{WORD_GAP}[a-z]+){{0,4}}?{WORD_GAP}le"
    rf"|(?:gezahlt|uberwiesen|gutgeschrieben|zahlung|auszahlung)(?:{WORD_GAP}[a-z]+){{0,4}}?{WORD_GAP}am"
    rf"|(?:pagad|abonad|ingresad|transferid)[oa]s?(?:{WORD_GAP}[a-z]+){{0,4}}?{WORD_GAP}el"
    rf"|(?:pagat|accreditat|bonificat)[oa](?:{WORD_GAP}[a-z]+){{0,4}}?{WORD_GAP}il){DATE_AFTER}"
)
PROCESSING_MONTH_LABEL = re.compile(r"(?:mes|periodo)\s+(?:de\s+)?(?:processamento|referencia|pagamento|abono)")


def processing_month(lines: list[Line]) -> dt.date | None:
    """The first day of the month a slip was processed for, when it prints no date of its own."""
    for line in lines:
        folded = fold(line.text)
        label = PROCESSING_MONTH_LABEL.search(folded)
        if label:
            period = parse_period(folded[label.end() :])
            if period:
                year, month = (int(part) for part in period.split("-"))
                return dt.date(year, month, 1)
    return None


# A month named in full, with its year ("Outubro 2026", "outubro de 2026", "November 2026", "Oktober 2026").
NAMED_MONTH = re.compile(
    r"(?<![a-z])("
    + "|".join(
        sorted({name for name in (*MONTHS, *ENGLISH_MONTHS, *FOREIGN_MONTHS) if len(name) > 3}, key=len, reverse=True)
    )
    + r")(?![a-z])\.?\s*(?:de\s+|/\s*|-\s*)?((?:19|20)\d{2})(?!\d)"
)
# What a month's statement calls itself or its payment, on the line naming the month: "Nota de abono de pensão —
# Outubro 2026", "Pensão de novembro de 2026", "Zahlung im Monat November 2026".
PAID_MONTH_WORDS = re.compile(
    r"(?<![a-z])(?:abono|pensao|pensoes|pension|rente|retraite|prestacao|pagamento|payment|zahlung|paiement"
    r"|versement|pago)(?![a-z])"
)
# Words that make a month another one than the month paid: the pension's start, its grant, a birth.
OTHER_MONTH_WORDS = re.compile(
    r"nascimento|inicio|efeitos|desde|(?<![a-z])ate(?![a-z])|atribuid|concedid|deferid|requerid|birth|since|from"
    r"|start|until|granted|(?<![a-z])(?:ab|seit|bis)(?![a-z])|depuis|jusqu"
)


def month_paid(lines: list[Line]) -> dt.date | None:
    """The first day of the month a statement says it pays, when it prints no date of its own: a month's statement is
    as recent as the month it pays (blind probe r73b, F2: a CGA "Nota de abono de pensão — Outubro 2026" read as
    undated, the pension not counted)."""
    for line in lines:
        folded = fold(line.text)
        if not PAID_MONTH_WORDS.search(folded):
            continue
        for match in NAMED_MONTH.finditer(folded):
            if OTHER_MONTH_WORDS.search(folded[max(0, match.start() - OTHER_DATE_REACH) : match.start()]):
                continue
            name = match.group(1)
            month = MONTHS.get(name) or ENGLISH_MONTHS.get(name) or FOREIGN_MONTHS[name]
            return dt.date(int(match.group(2)), month, 1)
    return None


def last_plain_date(lines: list[Line]) -> dt.date | None:
    """The last date written out that no word of another date comes just before: not the pension's start in
    "has been receiving a pension ... since 1 April 2019" or "com efeitos desde 1 de abril de 2019"."""
    found: list[dt.date] = []
    for line in lines:
        folded = fold(fix_digits(line.text))
        for match in WRITTEN_DATE.finditer(folded):
            if OTHER_DATE_WORDS.search(folded[max(0, match.start() - OTHER_DATE_REACH) : match.start()]):
                continue
            found += written_dates(match.group(0))
    return found[-1] if found else None


# A date in figures closing a letterhead's line, set at its right margin: "SEGURANÇA SOCIAL · SOCIAL SECURITY
# 2026-11-30" (the gap before it lost).
TRAILING_DATE = re.compile(r"\s(\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{4})\s*$")
# Words that make a date another one than the letter's: a birth, a period, a start.
OTHER_DATE_WORDS = re.compile(
    r"nascimento|inicio|efeitos|desde|(?<![a-z])ate(?![a-z])|periodo|referencia|pagamento|vencimento|validade"
    r"|birth|from|since|until|period|start|payment"
)
LETTERHEAD_LINES = 3
# A line that is a date and nothing else ("3 February 2026", "12 de janeiro de 2026", "2026-02-03").
DATE_LINE = re.compile(r"\s*(" + WRITTEN_DATE.pattern + r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{4})\s*\.?\s*")
# How far before a date its word is looked for ("desde 1 de abril", "since 1 April", "Início da pensão: ...").
OTHER_DATE_REACH = 25


def letterhead_date(lines: list[Line]) -> dt.date | None:
    """The date alone at the end of one of the first lines, no label of another date before it, or a line of
    its own under the sender's name ("3 February 2026"): the letter's."""
    for line in lines[:LETTERHEAD_LINES]:
        alone = DATE_LINE.fullmatch(fold(fix_digits(line.text)))
        if alone:
            return next(iter(written_dates(alone.group(1)) + parse_dates(alone.group(1))), None)
        trailing = TRAILING_DATE.search(line.text)
        if trailing and not OTHER_DATE_WORDS.search(fold(line.text[: trailing.start()])):
            dates = parse_dates(trailing.group(1))
            if dates:
                return dates[0]
    return None


def labelled_date(lines: list[Line], pattern: re.Pattern[str], *, folded: bool = True) -> dt.date | None:
    """The date after the first line's label (on its line or the next); the label read on folded text, or on the
    printed text where its case tells."""
    for index, line in enumerate(lines):
        label = pattern.search(fold(line.text) if folded else line.text)
        if label:
            candidates = [line.text] + ([lines[index + 1].text] if index + 1 < len(lines) else [])
            if len(fold(line.text)) == len(line.text):
                # The date the label gives, not one of the fields before it on the line.
                candidates.insert(0, line.text[label.end() :])
            for candidate in candidates:
                # A labelled date may print its year in two figures ("Data: 15/03/26").
                dates = parse_dates(candidate) or written_dates(candidate) or issue_dates_short_year(candidate)
                if dates:
                    return dates[0]
    return None


def placed_date(text: str) -> list[dt.date]:
    """The date after a place: in figures, or written with its month's name ("Berlin, 12 March 2026")."""
    return parse_dates(text)[:1] or written_dates(text)[:1]


def person(lines: list[Line], parsed: Parsed, *, prefix: str) -> None:
    """The person's NIF (the personal one whose check digit holds: one under a NIF's caption first, else the first
    one; never a letter's or a process's reference) and name (after its label, else beside or over its NIF)."""
    captioned: list[str] = []
    bare: list[str] = []
    above = ""
    for line in lines:
        text = without_reference_numbers(line.text)
        for at, (nif, valid) in enumerate(parse_nifs(text)):
            if valid and nif_is_personal(nif):
                under_caption = nif_captioned(text, nif) or (at == 0 and bool(NIF_CAPTION_END.search(above)))
                (captioned if under_caption else bare).append(nif)
            elif not valid and re.search(r"nif|contribuinte|fiscal", fold(line.text)):
                parsed.warnings.append(nif_check_failed(line))
        above = fold(line.text)
    if captioned or bare:
        parsed.put(f"{prefix}_nif", (captioned or bare)[0], VALIDATED_CONFIDENCE)
    own_nif = parsed.fields.get(f"{prefix}_nif")
    name = labelled_name(lines) or name_beside_nif(lines, own_nif) or name_over_nif(lines, own_nif)
    if name is not None:
        parsed.put(f"{prefix}_name", *name)


# A letter's, a claim's or a payment's own number after its caption: "N/ Ref.ª 243722583" (the ª read "a", "2" or a
# quote), "V/ Referência:", "Processo n.º", "N.º de processo", "Proc.", "Referência MB". Nine digits there pass a
# NIF's check digit one time in ten (blind probe r39a: a Segurança Social letter's reference taken for the
# pensioner's NIF over "contribuinte n.º ..." in its body); a reference is nobody's NIF. On folded text.
REFERENCE_NUMBER = re.compile(
    r"(?<![a-z])(?:ref(?:erencias?)?|proc(?:esso)?)(?![a-z])"
    r"(?:\.?\s?[ao2\"'“”’º°](?![a-z\d]))?"
    r"(?:[\s.:/º°-]|(?<![a-z])(?:n\.?\s?[oº°]|d[aeo]|mb|atm)(?![a-z]))*"
    r"(\d(?:[\d./-]|\s(?=\d))*\d)"
)


def without_reference_numbers(text: str) -> str:
    """``text`` with each number after a reference's caption blanked out, the same length (so that what is found
    in it stands where it stands in ``text``)."""
    folded = fold(text)
    if len(folded) != len(text):
        folded = text.lower()
    kept = list(text)
    for match in REFERENCE_NUMBER.finditer(folded):
        kept[match.start(1) : match.end(1)] = " " * (match.end(1) - match.start(1))
    return "".join(kept)


# A NIF's caption just before it ("NIF:", "contribuinte n.º", "N.º de identificação fiscal", "NIF do pensionista:"),
# on folded text ending where the NIF starts; or ending the line over the NIF's.
NIF_CAPTION_END = re.compile(
    r"(?:(?<![a-z])nif|(?<![a-z])n\.\s?i\.\s?f\.?|contribuinte|identificacao\s+fiscal)"
    r"(?:\s*n\.?\s?[oº°]\.?)?(?:\s+d[oa]s?\s+[a-z]+)?\s*[:.]?\s*$"
)


def nif_captioned(text: str, nif: str) -> bool:
    """The NIF's digits follow a NIF's caption on the line (``text``, references blanked)."""
    return any(
        "".join(token.groups()) == nif and NIF_CAPTION_END.search(fold(text[: token.start()]))
        for token in NIF_TOKEN.finditer(fix_digits(text))
    )


def labelled_name(lines: list[Line]) -> tuple[str, float] | None:
    """The name as ``name_as_printed`` finds it, without a title before it ("Dr. Henrique ..." -> "Henrique ...")."""
    found = name_as_printed(lines)
    if found is None:
        return None
    name = HONORIFIC.sub("", found[0])
    return (name, found[1]) if len(name.split()) >= 2 else found


def name_as_printed(lines: list[Line]) -> tuple[str, float] | None:
    """After a label with a colon, else as a declaration's subject, else after a bare label on its line or under it.
    A form's gender marks are read away first: "que o(a) Dr.(a) Álvaro ..." is "que o Dr. Álvaro ..." (a bracket
    ends a name for ``clean_name``)."""
    lines = [replace(line, text=GENDER_MARK.sub("", line.text)) for line in lines]
    for line in lines:
        label = NAME_LABEL.search(fold(line.text))
        if label:
            rest = line.text[label.end() :]
            caption = FOLLOWING_CAPTION.search(fold(rest))
            name = clean_name(NEXT_FIELD.split(rest[: caption.start()] if caption else rest)[0])
            if name and len(name.split()) >= 2:
                return (title_case(name) if name.upper() == name else name), line.confidence
    for index, line in enumerate(lines):
        # Folding keeps the length, so a match's end is the same offset in the printed text.
        label = NAME_SENTENCE.search(fold(line.text))
        below = lines[index + 1].text if index + 1 < len(lines) else ""
        name = clean_name(name_run_on(line.text[label.end() :], below).split(",")[0]) if label else None
        if name and looks_like_name(name):
            return (title_case(name) if name.upper() == name else name), line.confidence
    for index, line in enumerate(lines):
        label = NAME_LABEL_BARE.match(fold(line.text))
        if not label:
            continue
        rest = line.text[label.end() :]
        translated = TRANSLATED_NAME_CAPTION.match(fold(rest))
        if translated and rest[translated.end() :].strip():
            rest = rest[translated.end() :]
        source = line if rest.strip() else (lines[index + 1] if index + 1 < len(lines) else None)
        name = clean_name((rest if rest.strip() else source.text).split(",")[0]) if source else None
        if source is not None and name and looks_like_name(name) and not line_labels(source.text):
            return (title_case(name) if name.upper() == name else name), source.confidence
    for index, line in enumerate(lines):
        salutation = ADDRESSEE.match(fold(line.text)) or FOREIGN_ADDRESSEE.match(fold(line.text))
        if salutation is None:
            continue
        rest = line.text[salutation.end() :]
        # The salutation alone on its line ("Ex.ma Senhora", "Monsieur"): the name is the next line.
        source = line if rest.strip() else (lines[index + 1] if index + 1 < len(lines) else None)
        name = clean_name((rest if source is line else source.text).split(",")[0]) if source else None
        if source is not None and name and looks_like_name(name) and not OFFICE_WORDS & set(fold(name).split()):
            return (title_case(name) if name.upper() == name else name), source.confidence
    return addressee_over_address(lines)


# Where the rest of a name a line break cut ends on the next line: a comma, or the NIF's (or the social security
# number's, or an identity card's) caption.
NAME_TAIL_END = re.compile(r",|\s(?=(?:nif|n\.?\s?i\.?\s?f\.?|niss|contribuinte|portadora?|titular\s+d[oa])(?![a-z]))")
# The most words of a name that a line break may carry to the next line.
NAME_TAIL_WORDS = 3


def name_run_on(rest: str, below: str) -> str:
    """A sentence's name, ``rest`` (what follows its "declara-se que"), with its words that the line break carried
    to the next line, ``below``, where the name reaches the line's end and the next line opens with capitalised words
    before a comma or the NIF's caption ("... declara-se que a Maria Rosa Gonçalves" / "Teixeira, NIF ...": blind
    probe r56b, the last surname lost, and the pension then not the pensioner's by its first and last names)."""
    whole = " ".join(rest.split())
    if not whole or clean_name(rest) != whole:
        # The name ends on its line: a comma, a NIF, a bracket after it.
        return rest
    end = NAME_TAIL_END.search(fold(below))
    tail = below[: end.start()].strip() if end else ""
    words = tail.split()
    if not 1 <= len(words) <= NAME_TAIL_WORDS or clean_name(tail) != tail or not capitalised(tail):
        return rest
    return f"{whole} {tail}"


# A Portuguese postal code ("8200-385 Albufeira"): the address a letter from abroad is sent to.
POSTCODE = re.compile(r"(?<!\d)\d{4}\s?-\s?\d{3}(?!\d)")
# Words of a body's name, not a person's, in an issuer's letterhead over its own address.
BODY_WORDS = {
    "instituto", "centro", "centre", "center", "caixa", "caisse", "servico", "service", "pension", "pensions",
    "pensoes", "seguranca", "social", "sociale", "bank", "fundo", "fund", "office", "department", "ministerio",
    "ministry", "agency", "nacional", "national", "insurance", "verzekeringsbank", "seguro", "international",
}  # fmt: skip


def addressee_over_address(lines: list[Line]) -> tuple[str, float] | None:
    """A letter's address window with no salutation: the name on the line over a street and postal code in
    Portugal ("Margaret Ann Whitfield Sousa" / "Rua das Gaivotas 18, 8200-385 Albufeira"), or over the street's
    line and the postal code's under it ("Travessa das Oliveiras, 14 - 1.º Dto." / "4750-210 Barcelos"), not a body's."""
    for index, line in enumerate(lines):
        if (
            not postal_address_below(lines[index + 1 : index + 3])
            or re.search(r"\d", line.text)
            or line_labels(line.text)
        ):
            continue
        name = clean_name(line.text)
        if name and name == line.text.strip() and looks_like_name(name) and not BODY_WORDS & set(fold(name).split()):
            return (title_case(name) if name.upper() == name else name), line.confidence
    return None


def postal_address_below(below: list[Line]) -> bool:
    """The next line holds a postal code, or the next is a street's (a number in it, no amount's label) and the one
    after it holds the postal code."""
    if below and POSTCODE.search(below[0].text):
        return True
    return (
        len(below) == 2
        and bool(re.search(r"\d", below[0].text))
        and not line_labels(below[0].text)
        and not POSTCODE.search(below[0].text)
        and bool(POSTCODE.match(below[1].text.strip()))
    )


# "Idalina Rosa Fragoso Marcelino | NIF 139084720": a name with no label, then its NIF's label; or the social
# security number's first ("Leonor ... | NISS 27044601936 | NIF ...", a Segurança Social Direta page: blind probe
# r46a), the NIF still on the line.
BESIDE_NIF = re.compile(
    r"\s*([^\d|·:;]+?)\s*[|·,;–-]\s*(?:nif|contribuinte|n\.?\s?i\.?\s?f\.?|n\.?\s?i\.?\s?s\.?\s?s\.?)(?![a-z])"
)


def name_beside_nif(lines: list[Line], nif: str | None) -> tuple[str, float] | None:
    """The name that opens the line of the person's own NIF (a body's name beside its NIF is not the person's:
    its NIF is not theirs)."""
    if nif is None:
        return None
    for line in lines:
        beside = BESIDE_NIF.match(fold(line.text))
        if beside is None or nif not in "".join(number for number, _ in parse_nifs(line.text[beside.end() :])):
            continue
        name = clean_name(line.text[: beside.end(1)])
        if name and looks_like_name(name):
            return (title_case(name) if name.upper() == name else name), line.confidence
    return None


# A line that opens with a NIF's caption ("NIF 112649351 · NISS ...", the "·" often read "-"), on folded text.
NIF_LINE_START = re.compile(r"\W*(?:nif|contribuinte|n\.\s?i\.\s?f\.?)(?![a-z])")


def name_over_nif(lines: list[Line], nif: str | None) -> tuple[str, float] | None:
    """The name alone on the line right over the line its own NIF opens (a Segurança Social Direta page's heading:
    "Jorge ... Tavares" in bold, "NIF ... · NISS ..." under it: blind probe r64a, the name unread). Only a line that
    is a person's name and nothing else: no figure, no amount's label, no body's word."""
    if nif is None:
        return None
    for above, line in itertools.pairwise(lines):
        nifs = parse_nifs(line.text)
        if not NIF_LINE_START.match(fold(line.text)) or not nifs or nifs[0][0] != nif:
            continue
        name = clean_name(above.text)
        if (
            name
            and name == " ".join(above.text.split())
            and looks_like_name(name)
            and not line_labels(above.text)
            and not BODY_WORDS & set(fold(name).split())
        ):
            return (title_case(name) if name.upper() == name else name), above.confidence
    return None


def looks_like_name(name: str) -> bool:
    """Two words or more, each capitalised but the particles ("de", "da"): a name, not the sentence going on, nor a
    form of address ("V. Exa", "Vossa Excelência", "Exmo. Senhor")."""
    words = name.split()
    return len(words) >= 2 and capitalised(name) and not FORM_OF_ADDRESS.fullmatch(fold(name))


# --- Declaracao de inicio de atividade ---------------------------------------------------------------------

# A declaração de alterações de atividade (read as this kind: it proves the activity open too) prints the day of
# the change beside the start ("Data da alteração", "Data de início da alteração", "Data de produção de efeitos"):
# the start is only ever the day printed as the activity's start.
START_LABEL = re.compile(
    r"data\s+(?:de\s+)?inicio(?!\s+d[aeo]s?\s+(?:alterac|efeitos|producao))(?:\s+d[ae]\s+ac?tividade)?"
    r"|inicio\s+(?:de\s+|da\s+)?ac?tividade\s*(?:em|:)"
)
# Another date's caption on the line below a start's: that date is not the start.
OTHER_DATE_CAPTION = re.compile(r"(?<![a-z])data(?![a-z])|alterac|efeitos|cessacao|rececao|emissao|emitid")
# The CAE's caption may name the classification's revision: "CAE principal (Rev. 3) 74100 - Atividades de design"
# (blind probe r36a: its "3" stopped the code being read).
CAE_REVISION = r"\(\s*rev\.?\s*\d\s*\)"
ACTIVITY_CODE = re.compile(
    r"(?:(?<![a-z])(?:cae|codigo|cirs)(?![a-z])|atividade\s+principal)(?:" + CAE_REVISION + r"|[^0-9\n]){0,40}?"
    r"(?<!\d)(\d{4,5})(?!\d)"
    # A declaração de alterações' "Quadro 06 - Atividade exercida: 2010 - Designers" (blind probe r48a: unread);
    # never a date's year ("exercida desde 2019-03-01").
    r"|(?<![a-z])atividade\s+exercida[^0-9\n]{0,20}?(?<!\d)(\d{4,5})(?![\d/.-]|\s?[-/.]\s?\d)"
)
# A secondary activity is the main one's only where no other is printed.
SECONDARY = re.compile(r"secundari")


def parse_activity_start(lines: list[Line]) -> Parsed:
    parsed = Parsed()
    for index, line in enumerate(lines):
        label = START_LABEL.search(fold(line.text))
        if not label:
            continue
        below = lines[index + 1].text if index + 1 < len(lines) else ""
        candidates = [line.text[label.end() :]] + ([below] if not OTHER_DATE_CAPTION.search(fold(below)) else [])
        for candidate in candidates:
            dates = parse_dates(candidate) or written_dates(candidate)
            if dates:
                parsed.put("start_date", dates[0], line.confidence)
                break
        if "start_date" in parsed.fields:
            break
    activity(lines, parsed)
    person(lines, parsed, prefix="taxpayer")
    return parsed


def activity(lines: list[Line], parsed: Parsed) -> None:
    """The activity's code and its description after it: the main one before a secondary one, and its CAE before
    the IRS activity table's code where both are printed (blind probe r56b: one layout gave the CAE, another, printing
    the art. 151.º CIRS code first, that code)."""
    coded = [(index, code) for index, line in enumerate(lines) if (code := ACTIVITY_CODE.search(fold(line.text)))]
    coded.sort(key=lambda found: activity_rank(fold(lines[found[0]].text)[: found[1].start(found[1].lastindex or 1)]))
    if not coded:
        return
    index, code = coded[0]
    line = lines[index]
    parsed.put("activity_code", code.group(code.lastindex or 1), line.confidence)
    # Every dash a program prints between a code and its words: the em dash too (blind probe r62a, "74100 — ...").
    description = re.sub(r"^[\s:.\-‐‑‒–—―]+", "", line.text[code.end() :]).strip()
    below = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
    if len(description) >= 4 and description_goes_on(description, below):
        # "1519 - Outros prestadores de" / "serviços": the value wrapped in its column (blind probe r36a).
        description = f"{description} {below}"
    captioned = DESCRIPTION_CAPTION.match(fold(below))
    if len(description) < 4 and captioned:
        # The code alone on its line, its description under its own caption ("CAE principal: 74300" /
        # "Descrição: Tradução e interpretação": blind probe r38a, not read).
        description = below[captioned.end() :].strip()
    if len(description) >= 4:
        parsed.put("activity_description", description, line.confidence)


# The CAE's caption ("CAE principal", "Código CAE", "CAE Rev. 3"), the economic activity's classification an agency
# reads as the person's trade.
CAE_CAPTION = re.compile(r"(?<![a-z])cae(?![a-z])")


def activity_rank(caption: str) -> tuple[bool, bool]:
    """How a code's caption ranks: a main activity's before a secondary one's, a CAE before another code."""
    return bool(SECONDARY.search(caption)), not CAE_CAPTION.search(caption)


# The description's own caption on the line under the code ("Descrição:", "Designação da atividade:").
DESCRIPTION_CAPTION = re.compile(
    r"^\W*(?:descri[cç][aã]o|designa[cç][aã]o|denomina[cç][aã]o)(?:\s+d[ae]\s+ac?tividade)?\s*[:.]\s*"
)


# A description's line that goes on below: a few words in lower case, no figure, no caption of a row of its own.
DESCRIPTION_TAIL = re.compile(r"[a-zà-ÿ][^\W\d_]*(?:\s+[^\W\d_]+){0,3}")


def description_goes_on(description: str, below: str) -> bool:
    """The line below holds the rest of a wrapped description: it opens in lower case, as no caption or title does,
    and the description does not end a sentence."""
    return bool(DESCRIPTION_TAIL.fullmatch(below)) and not description.endswith((".", ";", ":"))
