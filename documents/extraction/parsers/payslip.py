"""Payslips, read by structure and arithmetic.

Payroll programs differ in labels, column order and totals rows, so labels
are only hints. Every line is cut into segments (a label and the amounts
after it: a row's amount is its last, the numbers before it are quantities,
rates or bases), a header row lends its labels to the value row below, and
then, among the amounts printed, the assignment of gross pay, deductions and
net pay that satisfies gross - deductions = net and agrees best with the
labels wins. A value the page does not print but the arithmetic gives is
*derived*: lower confidence and a ``derived:<field>`` warning.

Subsidio de ferias / de Natal paid as a lump, and their duodecimos, are read
apart so the month's regular net pay can be told from a subsidy-inflated one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import functools
import itertools
import math
import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, ROUND_UP, Decimal

from text_to_num import alpha2digit

from applicants.identifiers import nif_has_valid_checksum, nif_is_personal
from applicants.text import NAME_PARTICLES, fold
from documents.extraction.parsers.classify import FOREIGN_PAYSLIP_TITLE, PAYSLIP_TITLE
from documents.extraction.parsers.common import (
    BRANCH_WORDS,
    COPY_MARK,
    DATE_DMY,
    DATE_YMD,
    ENGLISH_MONTHS,
    FOREIGN_NAME_PARTICLES,
    MONEY,
    MONTH_YEAR,
    MONTHS,
    NIF_TOKEN,
    NUMERIC_PERIOD,
    SALUTATION,
    SHORT_YEAR_DATE,
    VALIDATED_CONFIDENCE,
    WRAPPED_LEGAL_FORM,
    WRITTEN_DATE,
    Parsed,
    capitalised,
    clean_name,
    dates_in,
    fix_digits,
    given_names_first,
    joined_nif,
    one_digit_apart,
    only_figures,
    parse_dates,
    parse_nifs,
    parse_period,
    portuguese_figures,
    public_employer,
    short_year_dates,
    split_nif_spans,
    title_case,
    with_wrapped_form,
    written_dates,
)
from documents.extraction.parsers.pay_frequency import read_pay_frequency
from documents.extraction.reader import Line, line_of
from documents.extraction.schema import (
    FOREIGN_PAYSLIP,
    LEAVE_PAID_APART_WARNING,
    LEAVE_WITHHELD,
    PAYSLIP_PAGES_MISSING,
    STARTED_WITHIN_MONTH,
    SUBSIDY_UNREAD,
    TERMINATION_PAY,
)

CENT = Decimal("0.01")
# The lines a letterhead may take before the payslip's own rows.
LETTERHEAD_LINES = 5
SS_EMPLOYEE_RATE = Decimal("0.11")
DERIVED_CONFIDENCE = 0.7
ARITHMETIC_CONFIDENCE = 0.9

# --- Vocabulary: what a segment's label says its amount is ------------------------------------------

# The year to date, as a row's caption or a column's heading: "Acumulado(s)", cut "Acum.", "Total do ano", "Ano
# corrente", "YTD", "Desde janeiro"; "Acurnulados" as OCR reads an "m" off a grey scan (blind probe r61a: the year's
# "ilíquido" taken for the month's gross).
YEAR_TO_DATE_WORDS = (
    r"acumulad|acurnulad|(?<![a-z])acum(?![a-z])|total\s+(?:do\s+|no\s+)?ano(?![a-z])|ano\s+corrente|year\s+to\s+date"
    r"|desde\s+janeiro|(?<![a-z])ytd(?![a-z])"
    # Another country's: "Cumuls annuels" (blind probe r35b: a French scan's year's "Brut" read as the month's).
    r"|(?<![a-z])cumuls?(?![a-z])"
    # The UK's "to date" after each caption ("Gross Pay TD £24,000.00", "Employee NI TD"): blind probe r35b.
    r"|(?<![a-z])td(?![a-z])"
    # The year's totals as a block's caption: "Total anual (Janeiro a Novembro 2026)", "Totais anuais" (blind probe
    # r50a: the block's IRS and social security added into the month's).
    r"|(?<![a-z])tota(?:l|is)\s+anua(?:l|is)(?![a-z])"
)

# The month's pay by its name or as payroll software cuts it: "Vencimento", "Vencim.", "Venc.", "Remuneração",
# "Remun.", "Rem.", "Retribuição", "Retrib.", "Salário", "Sal.", "Ordenado", "Ord.". A cut word ends with its dot
# or stands before the caption's second word ("Remun Base"), never inside a longer word ("Remunerações").
PAY_WORD = (
    r"(?<![a-z])(?:venc(?:im(?:ento)?)?|rem(?:un(?:era[cç][aã]o)?)?|retrib(?:ui[cç][aã]o)?|sal(?:[aá]rio)?"
    r"|ord(?:enado)?)(?![a-z])"
)
ROLE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # Year-to-date and incidence figures are not this month's pay. Nor is a net before the income tax a French
    # slip still withholds ("Net à payer avant impôt sur le revenu" over "Net payé": blind probe r35b, the larger
    # counted as the net). Nor a page's subtotal carried to the next ("A transportar 2898.65 0.00", "Carried
    # forward", "Transporte"): the rows above again, read alone as a page's gross and net (blind probe r40a: a
    # slip's first page taken for a payslip of its own, its subtotal less a negative acerto for its net).
    ("skip", re.compile(YEAR_TO_DATE_WORDS + r"|(?<![a-z])net\s+(?:a\s+payer\s+)?avant\s+imp"
                        r"|(?<![a-z])a\s+transportar(?![a-z])|(?<![a-z])(?:carried|brought)\s+forward(?![a-z])"
                        r"|^\W*transporte\W*$"
                        # Nor a note that no tax is withheld, whatever figure its line ends with ("Washington state:
                        # no state income tax. Direct deposit: $3,469.35": blind probe r66a, the net added to the
                        # federal tax as one tax).
                        r"|(?<![a-z])no\s+(?:[a-z]+\s+){0,2}tax(?:es)?(?![a-z])")),
    # Nor is an hourly or daily rate ("Vencimento hora 6,63", "Valor/dia", "Salário diário"): unlike a
    # year-to-date heading, a rate is one column of its row, the others being this month's.
    ("rate", re.compile(r"(?:vencimento|venc|valor|sal[aá]rio|remunera[cç][aã]o|pre[cç]o|custo)\.?\s*(?:/|por|p\.)?\s*(?:hora|dia)(?![a-z])"
                        r"|(?:vencimento|sal[aá]rio|remunera[cç][aã]o|valor)\s+(?:hor[aá]ri[oa]|di[aá]ri[oa])")),
    # In English, "Income tax base", "Taxable pay": a base, never the tax withheld ("Income tax" is an IRS line).
    ("ss_base", re.compile(r"base\s+(?:de\s+)?incid[eê]ncia|incid[eê]ncia|base\s+(?:de\s+)?(?:descontos|ss|tributa)"
                           r"|(?<![a-z])tax\s+base(?![a-z])|(?<![a-z])taxable\s+(?:income|pay|earnings|gross)(?![a-z])"
                           # France's taxable and social nets ("Net imposable", "Montant net social"): bases,
                           # never the net paid nor a deduction (blind probe r66a).
                           r"|(?<![a-z])net\s+(?:imposable|fiscal|social)(?![a-z])"
                           # Belgium's taxable pay, the gross less the ONSS ("Rémunération imposable", "Belastbaar
                           # loon"): a base, never the net (blind probe r66a: a Belgian slip's rows unread).
                           r"|(?<![a-z])(?:remuneration|salaire|revenu)s?\s+imposables?(?![a-z])|belastbaar\s+loon")),
    ("net_pay", re.compile(
        r"(?<![a-z])(?:total\s+)?l[ií]quido(?:\s+a\s+(?:receber|pagar|transferir))?|valor\s+l[ií]quido"
        r"|montante\s+l[ií]quido|import[aâ]ncia\s+l[ií]quida|(?<![a-z])a\s+receber|valor\s+a\s+(?:transferir|pagar|receber)|total\s+a\s+(?:pagar|receber)"
        # What the worker is transferred, as a total ("Total a transferir", "Total transferido"): the net (blind
        # probe r73b: a scan's net that did not add up left unread, its caption no net's without the arithmetic).
        r"|total\s+(?:a\s+transferir|transferido)"
        # Cut as payroll software prints it: "Vlr. Líq.".
        r"|(?<![a-z])neto(?![a-z])|net\s+pay|(?<![a-z])liq(?![a-z])"
        # A phone app's informal caption over the net: "Recebes" (blind probe r47b).
        r"|(?<![a-z])recebes(?![a-z])"
        # Another country's: "Net à payer", "Net payé", "Netto in busta", "Nettolohn", "Netto-Verdienst",
        # "Auszahlungsbetrag", "Nettoloon", "Netto te betalen", "Líquido a percibir", "Salário líquido".
        r"|(?<![a-z])net\s+(?:a\s+payer|paye)|(?<![a-z])netto|auszahlung|a\s+percibir|salario\s+liquido")),
    ("total_deductions", re.compile(
        r"total\s+(?:de\s+|dos\s+)?(?:descontos|dedu[cç][oõ]es|reten[cç][oõ]es|d[eé]bitos)"
        # Cut as a dot-matrix slip prints it: "TOT. DESC." (blind probe r46a).
        r"|(?<![a-z])tot\W{0,3}desc(?:\.|(?![a-z]))"
        r"|(?:descontos|dedu[cç][oõ]es)\s+totais|(?<!outros\s)(?<![a-z])(?:descontos|dedu[cç][oõ]es)(?![a-z])"
        # "Total deductions", "Total cotisations", "Totale trattenute", "Total Abzüge", "Total a deducir",
        # "Totaal inhoudingen".
        r"|tota(?:le?|al)\s+(?:des\s+)?(?:deductions|cotisations|trattenute|abz[uü]ge|a\s+deducir|inhoudingen)")),
    ("gross_pay", re.compile(
        r"total\s+(?:de\s+|dos\s+)?(?:il[ií]quido|bruto|abonos|remunera[cç][oõ]es|ganhos|vencimentos|cr[eé]ditos|rendimentos)"
        r"|remunera[cç][aã]o\s+(?:il[ií]quida|bruta)|(?:vencimento|valor|sal[aá]rio)\s+(?:il[ií]quido|bruto)"
        r"|(?<![a-z])il[ií]quido|(?<![a-z])bruto(?![a-z])|gross\s+pay|(?<![a-z])iliq(?![a-z])"  # "Remun. Ilíq."
        # Another country's: "Salaire brut", "Totale competenze", "Lordo", "Gesamt-Brutto", "Bruttolohn",
        # "Brutoloon", "Total devengado".
        r"|(?<![a-z])brut(?![a-z])|totale\s+competenze|(?<![a-z])lordo(?![a-z])|(?<![a-z])(?:gesamt[\s-]*)?brutto"
        r"|(?<![a-z])bruto\s?loon|total\s+devengado"
        # Belgium's "Rémunération (mensuelle) brute", "Salaire brut" in the feminine (blind probe r66a: unread).
        r"|(?<![a-z])(?:remuneration|salaire)s?\s+(?:[a-z]+\s+)?brute?s?(?![a-z])")),
    # "TOT", the word cut to a narrow column's width, as payroll exports print it (blind probe r67b: a codes-only
    # table's totals row unread).
    ("total", re.compile(r"(?<![a-z])(?:totais|totals?|tot|soma|somas)(?![a-z])")),
    ("social_security", re.compile(
        r"seg(?:uran[cç]a)?\.?\s*social|social\s+security|(?<![a-z])(?:t\.\s?)?s\.\s?s\.|(?<![a-z])t\.\s?s\.\s?u(?![a-z])|(?<![a-z])c\.\s?g\.\s?a(?![a-z])"
        r"|(?<![a-z])tsu(?![a-z])|contribui[cç][aã]o\s+(?:para\s+a\s+)?ss|(?<![a-z])ss(?![a-z])"
        # The TSU spelled out, and the caption cut short as payroll programs print it: "Taxa Social Única (trab.)",
        # "Taxa soc. única", "Seg. Soc.", "Desc. Seg. Soc. 11%" (blind probe r80a: unnamed, the social security was
        # worked out of the total with an IRS row in it).
        r"|taxa\s+soc(?:ial|\.)?\s*unica|(?<![a-z])seg(?:uran[cç]a)?\.?\s*soc(?:\.|(?![a-z]))"
        # Its caption cut by a narrow column: "Contribuição Segurança" (blind probe r34b).
        r"|contribui[cç][aã]o\s+(?:para\s+a\s+)?seg(?:uran[cç]a|\.)(?![a-z])"
        r"|(?<![a-z])cga(?![a-z])|caixa\s+geral\s+de\s+apos"
        # Another country's social insurance withheld from the worker, as one row or by its branches: the UK's
        # "National Insurance", Germany's "Renten-", "Arbeitslosen-", "Kranken-" and "Pflegeversicherung" (blind
        # probe r64a: a German slip's four rows unread; docs/api.md, a foreign payslip's social_security).
        r"|national\s+insurance|(?:sozial|renten|arbeitslosen|kranken|pflege)versicherung"
        # France's cotisations salariales by branch ("Sécurité sociale plafonnée", "Retraite complémentaire T1",
        # "CEG", "CSG déductible", "CRDS", "Assurance chômage", "Prévoyance", "Complémentaire santé"), Switzerland's
        # AHV/IV/EO, ALV, NBU and the BVG's Pensionskasse (the second pillar, compulsory by federal law: a branch of
        # its social insurance, not a private pension), Italy's INPS, Brazil's INSS (blind probe r66a: French slips
        # that add up warned arithmetic_mismatch, their rows unread; Swiss and Brazilian rows unread). Not the
        # "AHV-Nr." printed after a worker's name.
        r"|securite\s+sociale|(?<![a-z])(?:csg|crds|ceg|apec|agirc|arrco)(?![a-z])|retraite|chomage|prevoyance"
        r"|complementaire\s+sante|mutuelle|(?<![a-z])(?:ahv|avs)(?![a-z])(?!\W{0,2}(?:nr|nummer|n[or]?\W))"
        r"|(?<![a-z])(?:alv|nbu|aanp|bvg|lpp|inps|inss)(?![a-z])|pensionskasse|caisse\s+de\s+pension"
        # The US's FICA by its two rows, Social Security (OASDI) and Medicare, added up; Ireland's PRSI (blind
        # probe r66a: Medicare and PRSI unread).
        r"|(?<![a-z])(?:medicare|oasdi|fica|prsi)(?![a-z])"
        # Belgium's worker's contribution to the ONSS/RSZ, 13,07 % of the gross ("Cotisation personnelle ONSS",
        # "Cotisations personnelles", "Persoonlijke RSZ-bijdrage"), and its "Cotisation spéciale de sécurité
        # sociale" / "Bijzondere bijdrage sociale zekerheid" (blind probe r66a: the ONSS unread).
        r"|(?<![a-z])(?:onss|rsz)(?![a-z])|cotisations?\s+personnelles?|persoonlijke\s+bijdrage|sociale\s+zekerheid")),
    ("irs_withholding", re.compile(
        # OCR joins the dot to the I of "I.R.S." into an L ("LR.S."); the dots after R and S keep it that caption.
        r"(?<![a-z])irs(?![a-z])|(?<![a-z])i\.\s?r\.\s?s(?![a-z])|(?<![a-z])l\.?r\.\s?s\.(?![a-z])|reten[cç][aã]o\s+(?:na\s+fonte|de\s+imposto)|ret\.\s*(?:na\s+)?(?:fonte|irs)|imposto\s+s(?:/|obre)?\s*(?:o\s+)?rend"
        # In English: "Income tax on holiday allowance", a subsidy's own withholding line (blind probe r40a).
        r"|(?<![a-z])income\s+tax(?![a-z])"
        # Withheld on a subsidy, the tax's name left out: "Ret. S/ Sub. Férias", "Retenção s/ Subsídio de Natal",
        # "Ret. SN" (blind probe r81b).
        r"|(?<![a-z])ret(?:en[cç][aã]o|\.)?\s*(?:s/|sobre)\s*(?:o\s+)?sub|(?<![a-z])ret(?:en[cç][aã]o|\.)\s*s\.?\s?[nf]\.?(?![a-z])"
        # Another country's wage tax withheld: Germany's "Lohnsteuer", the UK's "PAYE", Spain's "IRPF", Italy's
        # "IRPEF", a "Wage tax" (blind probe r64a: a German slip's Lohnsteuer unread; docs/api.md, a foreign
        # payslip's irs_withholding). Not France's "Net payé".
        r"|lohnsteuer|(?<!net\s)(?<![a-z])paye(?![a-z])|(?<![a-z])(?:irpf|irpef)(?![a-z])|(?<![a-z])wage\s+tax"
        # France's "Impôt sur le revenu prélevé à la source" (its rate in the caption; the net before it is a
        # "skip" row), the Netherlands' "Loonheffing" (wage tax and national insurance in one row, withheld as the
        # tax: not its employer's "Loonheffingennummer"), Switzerland's "Quellensteuer", Brazil's "IRRF" (blind
        # probe r66a: read nowhere).
        r"|impot\s+sur\s+le\s+revenu|prelevement\s+a\s+la\s+source|impot\s+a\s+la\s+source|quellensteuer"
        r"|(?<![a-z])loon(?:heffing|belasting)(?![a-z])|(?<![a-z])irrf(?![a-z])"
        # The US's federal and state income tax withheld ("Fed Withholding", "Federal withholding", "CO state tax"),
        # and Ireland's Universal Social Charge, a tax on income Revenue levies, no social insurance (docs/api.md).
        r"|(?<![a-z])fed(?:eral)?\.?\s+(?:income\s+tax\s+)?(?:withholding|tax)(?![a-z])"
        r"|(?<![a-z])state\s+(?:income\s+)?(?:tax|withholding)(?![a-z])"
        r"|(?<![a-z])usc(?![a-z])|universal\s+social\s+charge"
        # Belgium's wage tax withheld, the "Précompte professionnel" / "Bedrijfsvoorheffing" (blind probe r66a).
        r"|precompte\s+professionnel|bedrijfsvoorheffing")),
    ("other_deduction", re.compile(
        # Union dues cut short: "Q. Sind." (blind probe r46a: taken into the IRS worked out of the total).
        r"sindica|(?<![a-z])sind\.|(?<![a-z])q\.\s*sind(?![a-z])|quotiza|seguro|adiant(?:a|\.|(?![a-z]))|penhora|outros\s+descontos|fundo\s+de\s+compensa|(?<![a-z])fct(?![a-z])"
        # An advance's word cut by a narrow column ("Reembolso de adiantamen"): blind probe r34b.
        # The public sector's health schemes (ADSE, the forces' SAD, the military's ADM) are deductions too.
        r"|empr[eé]stimo|desconto\s+de|(?<![a-z])faltas?(?![a-z])|(?<![a-z])(?:adse|sad|adm)(?![a-z])|plano\s+de\s+sa[uú]de"
        # An absence's pay among the deductions, as "Faltas" ("Ausência por doença (8 dias) 333,33": blind probe r68b).
        r"|(?<![a-z])aus[eê]ncias?(?![a-z])"
        # The worker's own pension contribution, taken from the pay before the net: "Pension (employee 5%)", a
        # "Pension scheme", a US "401(k) pre-tax" or "403(b)", a "Salary sacrifice" (blind probe r66a: left out
        # of the deductions, genuine slips warned arithmetic_mismatch). A deduction of its own, no social insurance
        # (docs/api.md); not "Pensionista", nor the employer's contribution.
        r"|(?<!employer\s)(?<!employer's\s)(?<!employers\s)(?<![a-z])pension(?:\s+scheme)?(?![a-z])"
        r"|(?<!\d)40[13]\s*\(?\s*[kb](?![a-z])|salary\s+sacrifice")),
    # A contract's end paid on its last payslip (blind probe r33a: counted as twice a month's pay): the compensation
    # for its end, exempt from social security (its own net), and the holidays earned and not taken, taxed as pay.
    # Before the subsidies: "Férias não gozadas" holds "férias".
    ("severance", re.compile(
        r"compensa[cç][aã]o\s+(?:por|de|pela)\s+(?:cessa[cç][aã]o|caducidade|despedimento|rescis[aã]o)"
        r"|indemniza[cç][aã]o\s+(?:por|de|pela)\s+(?:cessa[cç][aã]o|despedimento|rescis[aã]o|antiguidade)")),
    ("unused_holidays", re.compile(r"f[eé]rias\s+(?:vencidas\s+e\s+)?n[aã]o\s+gozadas")),
    # In English, "Holiday allowance (twelfths 1/12)".
    ("subsidy_twelfths", re.compile(r"duod(?:[eé]cimo|\.|(?![a-z]))|(?<![\d/])1\s?/\s?12(?![\d/])|(?<![a-z])twelfths?(?![a-z])")),
    # OCR may join the caption's words on a scan ("Subsídiodeférias": blind probe r33a, the lump read as pay).
    # In English, "Holiday allowance", "Christmas subsidy" (blind probe r40a: read as pay, the month's net overstated).
    ("subsidy", re.compile(r"sub(?:s[ií]dio|s)?\.?\s*(?:de\s*)?(?:f[eé]rias|natal)|(?<![a-z])(?:f[eé]rias|natal)(?![a-z])"
                           r"|(?<![a-z])(?:holiday|vacation|christmas)\s+(?:allowance|subsidy|bonus)")),
    ("base_salary", re.compile(
        # The cut word's dot may stand a space off it where OCR read a mark before it ("Venc-. Base": blind probe
        # r46a, a photo's base salary unread).
        rf"{PAY_WORD}\s?\.?\s*(?:de\s+)?(?:base|mensal|normal)"
        # "Retribuição (horas normais) 110 5,0000 550,00": an hourly worker's month at the normal rate.
        rf"|{PAY_WORD}\.?\s*\(?\s*horas?\s+normais"
        # The public administration's base pay: "Remuneração principal" (blind probe r34b, a municipality's).
        r"|remunera[cç][aã]o\s+principal"
        r"|(?:base|basic)\s+(?:salary|pay|wages?)(?![a-z])"
        # Another country's: "Salaire de base", "Gehalt", "Grundgehalt", "Monatslohn", "Salario base", "Sueldo base",
        # "Salaris", "Salário base" (blind probe r35b: the base the year-to-date guards compare with).
        r"|salaire\s+de\s+base|(?<![a-z])(?:grund)?gehalt(?![a-z])|(?<![a-z])monatslohn|(?:salario|sueldo)\s+base"
        r"|(?<![a-z])salaris(?![a-z])"
        # And "Paga base", "Retribuzione base", "Basisloon", "Grundlohn" (blind probe r66a: Italian and Dutch bases
        # unread).
        r"|(?<![a-z])(?:paga|retribuzione)\s+base|(?<![a-z])(?:basisloon|basissalaris|grundlohn)(?![a-z])"
        # A manager's pay (a member of a statutory body is paid "Remuneração de gerência", no salary) and an
        # hourly worker's hours ("Horas prestadas: 96 h a 6,10 €/hora"): the month's base either way.
        r"|(?:remunera[cç][aã]o|honor[aá]rios|vencimento)\s+(?:de\s+|da\s+)?ger[eê]ncia"
        # A trainee's or an apprentice's grant is their month's pay ("Bolsa de estágio (1,5 × IAS) 1.045,66").
        r"|^bolsa\s+(?:de\s+)?(?:est[aá]gio|forma[cç][aã]o|aprendizagem)"
        r"|^horas?\s+(?:prestadas|trabalhadas|normais|efetivas|de\s+trabalho)"
        # "Salár": OCR lost the end. In English, "Salary" alone (blind probe r66a: a UK slip's base unread).
        r"|^(?:\S{1,5}\s+)?(?:vencimento|ordenado|sal[aá]r(?:io|y)?)(?![a-z])"
        # "Retribuição 870,00 €": a domestic worker's one earning, the caption alone.
        r"|^(?:retribui[cç][aã]o|remunera[cç][aã]o)$")),
    ("earning", re.compile(
        r"sub(?:s[ií]dio|s)?\.?\s*(?:de\s+)?(?:refei[cç][aã]o|alimenta[cç][aã]o|turno|transporte)|horas?\s+extra"
        r"|trabalho\s+suplementar|pr[eé]mio|diuturnidade|ajudas\s+de\s+custo|comiss[oõ]es|isen[cç][aã]o\s+de\s+hor[aá]rio|abono"
        # The public sector's supplements ("Suplemento de condição militar", "Suplemento de missão").
        r"|(?<![a-z])suplemento(?![a-z])"
        # Overtime by the law's older word or cut short, and trips' costs paid back ("Trabalho extraordinário",
        # "Trab. suplementar urgência", "Kms 340 136,00", "Deslocações"): earnings the gross adds up (blind probe
        # r61a: unnamed, their rows' quantities were read glued to their amounts, and none was taken out).
        r"|(?<![a-z])(?:trabalho|trab\.?|servi[cç]o|serv\.)\s*(?:extraordin|supl)"
        r"|^(?:kms?|quil[oó]metros?)(?![a-z])|(?<![a-z])desloca[cç][oõ]es(?![a-z])"
        # Night work's pay ("Trabalho noturno", "Complemento nocturno"): an earning the gross adds up.
        r"|(?<![a-z])(?:trabalho|complemento|acr[eé]scimo|subs[ií]dio)\s+(?:de\s+)?noc?turno(?![a-z])"
        # A restaurant's or a hotel's tips paid through the payroll ("Gorjetas 40,83"): earnings the gross adds up.
        r"|(?<![a-z])gorjetas?(?![a-z])"
        # In English: "Overtime", "Overtime correction 09/2026 (overpaid) -27,35", "Night shift", "Back pay".
        r"|(?<![a-z])(?:overtime|back\s*pay|night\s+(?:shift|work)|commissions?)(?![a-z])"
        # The employer's other allowances, "Subsídio de frio", "de risco", "de chefia", "de alojamento": earnings the
        # gross adds up (blind probe r47b: a cold-store allowance unnamed, the first month's pro-rata base and its
        # quantity read as one figure for want of earnings making the total). Not the benefits Social Security pays
        # in the employer's stead (sickness, parenthood, unemployment), which a slip only mentions.
        r"|(?<![a-z])subs[ií]dio\s+(?:de\s+|da\s+|do\s+)?(?!doen[cç]a|parental|desemprego|maternidade|paternidade)[a-z]{3,}")),
]  # fmt: skip
DEDUCTION_ROLES = frozenset({"social_security", "irs_withholding", "other_deduction"})
EARNING_ROLES = frozenset({"base_salary", "earning", "subsidy", "subsidy_twelfths", "severance", "unused_holidays"})
# The month's totals, as a box at the foot prints them.
TOTALS_ROLES = frozenset({"gross_pay", "total_deductions", "net_pay"})
ADDRESS_WORDS = r"rua|avenida|av|travessa|largo|pra[cç]a|estrada|alameda|urbaniza[cç][aã]o|bairro|edif[ií]cio|lote"
# Words that label a payslip's rows and headings: a "name" made of them is a label, never a person.
LABEL_WORDS = re.compile(
    r"(?<![a-z])(?:seg|seguran[cç]a|social|irs|tsu|reten[cç][aã]o|total|totais|l[ií]quido|il[ií]quido|bruto"
    r"|vencimento|subs[ií]dio|sub|categoria|contribuinte|contribui[cç][aã]o|nif|niss|nipc|empresa|entidade"
    r"|per[ií]odo|taxa|descontos|abonos|remunera[cç][aã]o|remunera[cç][oõ]es|trabalhadora?|colaboradora?|contrib|cont"
    r"|funcion[aá]ri[oa]|empregad[oa]|nome|morada|admiss[aã]o|departamento|sec[cç][aã]o|recibo|valor|data|iban"
    r"|employee|name|tax|payslip|company|salary|pay"
    # The worker's number beside the name ("Trabalhador: Fábio Paixão Número: 532", "N.º 532", "Matrícula 17").
    r"|numero|n\.o|matricula|codigo|mecanografico"
    # Another country's identity and tax numbers' captions, printed after the name on its line ("Santos CPF
    # 123.456.789-09", "Bianchi C.F. ...", "Käser AHV-Nr. ...", "Personeelsnr. 318").
    r"|cpf|cnpj|cif|nie|dni|ssn|siret|siren|bsn|c\.\s?f|p\.?\s?iva|number|nummer|[a-z-]*nr"
    # A German slip's tax captions after the name: "Steuerklasse 1", "Steuer-ID" (blind probe r64a).
    r"|steuer[a-z-]*"
    # A table's column headings under the header ("Descrição  Horas  Preço/h  Valor").
    r"|descri[cç][aã]o|designa[cç][aã]o|rubricas?|horas?|pre[cç]o|quantidade|qtd|montante|desconto"
    # An address printed where a name could be ("Rua Formosa 45").
    r"|" + ADDRESS_WORDS + r")(?![a-z])"
)


# A payroll program's code for the row before its caption ("101 Horas normais (168 h x 5,47) 918,96"): no word of
# the caption, whose patterns anchored at its start would not see it (blind probe r46b: a temp agency's hourly
# worker's base salary unread).
# Not a US retirement plan's name, "401(k)" (its brackets gone from the label: blind probe r66a).
ROW_CODE = re.compile(r"^\s*(?!40[13]\s+[kb](?![a-z]))\d{1,4}\s+(?=[a-z])")


def roles_named(label: str) -> list[str]:
    """Every role whose words the label holds, in ROLE_PATTERNS' order."""
    folded = ROW_CODE.sub("", fold(label), count=1)
    return [role for role, pattern in ROLE_PATTERNS if pattern.search(folded)]


def role_of(label: str) -> str | None:
    """The first role whose words the label holds; a deduction word outranks an earning one
    ("IRS Sub. Natal" is a deduction). A bilingual caption none of whose words name a role as a whole is read
    by its halves ("Regular hours / Horas normais": the Portuguese half's "Horas normais" starts its own)."""
    found = roles_named(label)
    if not found and " / " in label:
        found = next(filter(None, (roles_named(half) for half in label.split(" / "))), [])
    if not found:
        return None
    for role in ("skip", "rate", "ss_base", "net_pay", "total_deductions", "gross_pay"):
        if role in found:
            return role
    for role in ("social_security", "irs_withholding", "other_deduction"):
        if role in found:
            return role
    return found[0]


# --- Segments ----------------------------------------------------------------------------------------


@dataclass
class Segment:
    """A label and the amounts printed after it on its line; the last amount is the row's value."""

    label: str
    amounts: list[Decimal]
    line_index: int
    confidence: float
    role: str | None = None
    # Printed with a minus ("Regularização IRS -18,00"): a deduction given back, or how a slip prints them all.
    negative: bool = False

    @property
    def value(self) -> Decimal:
        return self.amounts[-1]


@dataclass
class Page:
    segments: list[Segment] = field(default_factory=list)
    pool: set[Decimal] = field(default_factory=set)  # every amount printed this month (not year to date)
    hints: dict[str, list[tuple[Decimal, float]]] = field(default_factory=dict)

    def hint(self, role: str) -> Decimal | None:
        values = self.hints.get(role)
        return values[0][0] if values else None

    def rows(self, role: str) -> list[Segment]:
        return [segment for segment in self.segments if segment.role == role]


# An amount whose thousands are grouped with dots ("1.990,00").
DOT_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d{2}(?!\d)")
# A quantity column's heading.
QUANTITY_HEADING = re.compile(r"(?<![a-z])(?:qtd|qtde|qt|quant|quantidade|unid|dias|horas)(?![a-z])")
# MONEY without a space between figure groups, but for a group that starts with a zero: no amount is printed
# "000,00" or "050,00", so "1 000,00" is a thousand, never a quantity of 1 and an amount of nothing (blind probe
# r54b: "Vencimento base 1 000,00" under a "Qtd." column read as 1 and 0,00, since a header's "Vencimento base:
# 1 000,00" read so too let the earnings add up to the total; the base came out 0,00, at full confidence).
UNSPACED_MONEY = re.compile(MONEY.pattern.replace(r"[.\s\u00a0]", r"(?:[.]|[\s\u00a0](?=0))"))


# More figures after an amount's cents ("0061.22.108734"): a reference's digit groups (an insurance policy, a
# contract), not an amount.
LONGER_FIGURE = re.compile(r"[.,]\d")


def amounts_in(text: str, *, spaced_groups: bool = True) -> list[tuple[int, int, Decimal]]:
    found = []
    for match in (MONEY if spaced_groups else UNSPACED_MONEY).finditer(text):
        if LONGER_FIGURE.match(text, match.end()):
            continue
        whole = re.sub(r"[.\s\u00a0]", "", match.group(1))
        found.append((match.start(), match.end(), Decimal(f"{whole}.{match.group(3)}")))
    return found


# A whole-euro amount, thousands grouped by dots ("1.250", "980"); not a rate ("11%"), a date's part or a NIF.
WHOLE_EUROS = re.compile(r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})*)(?![\d.,/])(?!\s?%)")


def whole_euro_amounts(text: str) -> list[tuple[int, int, Decimal]]:
    return [(m.start(), m.end(), Decimal(m.group(1).replace(".", ""))) for m in WHOLE_EUROS.finditer(text)]


FRACTION = re.compile(r"(?<![\d/.,])\d{1,2}/\d{1,2}(?![\d/])")
TWELFTH = re.compile(r"1/12")
# A semicolon that is not a decimal comma misread (digit on both sides) separates the fields of an export.
FIELD_SEPARATOR = re.compile(r"(?<!\d);|;(?!\d)")
# A table's rule OCR read as "|" against a figure: right after an amount's cents ("1000,00|"), or before a code
# after another rule ("| |8010"). Either is a column's edge, not the "1" an OCR'd bar may be (blind probe r34b:
# "1000,00| |8010 Seg. Social" read as 1000,001 and 18010, the base row lost).
TABLE_RULE = re.compile(r"(?<=,\d\d)\|(?!\d)|(?<=\|)\s*\|(?=\d)")
WORDS = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
# Dotted abbreviations label rows too: "I.R.S.", "S.S.", "T.S.U.", "C.G.A.".
DOTTED_ABBREVIATION = re.compile(r"(?<![A-Za-zÀ-ÿ])(?:[A-Za-z]\.\s?){2,}")


def has_words(text: str) -> bool:
    return bool(WORDS.search(text) or DOTTED_ABBREVIATION.search(text))


def label_text(raw: str) -> str:
    return re.sub(r"(?i)\b(?:eur|euros?)\b|€|[|:;()\-+_]", " ", raw).strip()


# Two amounts a text layer joined, the unit price and the value of tight columns ("30 73,172195,00 6585,00": 73,17
# and 2195,00, blind probe r34b): cents are two figures, so the first ends two figures after its comma.
GLUED_AMOUNTS = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*,\d{2})(?=[1-9]\d{0,2}(?:\.?\d{3})*,\d{2}(?![\d.,]))")


def line_segments(
    text: str, line_index: int, confidence: float, *, spaced_groups: bool = True, whole_euros: bool = False
) -> list[Segment]:
    # A date ("01.11.2025") is no amount, though its first figures look like one; nor is a fraction in the
    # quantity column ("Duodécimo Subsídio de Natal 1/12 104,17" read "12 104,17", twelve thousand).
    # Two semicolons or more make an export's row, where each is a separator ("30;870,00"); a lone one
    # between figures is a decimal comma misread.
    separator = re.compile(";") if text.count(";") >= 2 else FIELD_SEPARATOR
    fixed = separator.sub(" | ", portuguese_figures(fix_digits(TABLE_RULE.sub(" | ", text))))
    fixed = GLUED_AMOUNTS.sub(r"\1 ", fixed)
    fixed = DATE_DMY.sub(date_blanked, fixed)
    # "1/12" says the row is a twelfth of a subsidy ("Subs. Férias 1/12 105,42"): kept in the label as a word.
    fixed = FRACTION.sub(
        lambda match: "duod." if TWELFTH.fullmatch(match.group(0)) else " " * len(match.group(0)), fixed
    )
    found = whole_euro_amounts(fixed) if whole_euros else amounts_in(fixed, spaced_groups=spaced_groups)
    # A currency after the last amount ("138,38 EUR") is no description: the row is label first.
    if found and not has_words(fixed[: found[0][0]]) and has_words(label_text(fixed[found[-1][1] :])):
        return amount_first_segments(fixed, found, line_index, confidence)
    segments: list[Segment] = []
    cursor = 0
    for start, end, value in found:
        label = label_text(fixed[cursor:start])
        negative = bool(ATTACHED_MINUS.search(fixed[cursor:start]))
        # A rate's unit between two figures ("96 h a 6,10 €/hora 585,60 €") labels nothing: one row's figures.
        if segments and box_figure_beside(segments[-1], negative):
            segments.append(Segment("", [value], line_index, confidence))
        elif segments and (not has_words(label) or PER_UNIT.fullmatch(fold(label))):
            row = segments[-1]
            withheld = pay_withheld(row.role, row.label, value) if negative else (row.role, value)
            if withheld[1] != value:
                # Pay withheld printed with a minus after its quantity and rate ("Faltas 3,00 50,83 -152,49"). Other
                # rows' minus there is left as before (slips printing every deduction so).
                row.role, value, row.negative = withheld[0], withheld[1], True
            row.amounts.append(value)
        else:
            role = last_caption_role(fixed[cursor:start]) or (role_of(label) if label else None)
            if negative:
                role, value = pay_withheld(role, label, value)
            segments.append(Segment(label, [value], line_index, confidence, role, negative=negative))
        cursor = end
    return segments


def date_blanked(match: re.Match[str]) -> str:
    """A date's characters as spaces (offsets kept); figures that only look like one as they are."""
    return match.group(0) if amounts_not_a_date(match) else " " * len(match.group(0))


def amounts_not_a_date(match: re.Match[str]) -> bool:
    """Whether what reads as a date is a quantity and an amount in the English way ("30.00 1950.00": 30 days, then
    1950.00, read as day 30, month 00 of 1950; blind probe r40a, the base salary's row lost): its month is no month,
    or its "year" goes on with cents, the whole euros of an amount."""
    month = int(match.group(2))
    return not 1 <= month <= 12 or bool(re.match(r"[.,]\d{2}(?!\d)", match.string[match.end() :]))


def last_caption_role(raw: str) -> str | None:
    """The role the caption just before an amount names, when a line of captions and values ends with it ("IRS:
    Casado único titular, 2 dep. Venc. base: 1.815,00": the amount is the base salary's, not the IRS's; doc probe
    30A, where a photo's IRS became the base salary). None unless the text holds two captions or more, the last
    one ending just before the amount."""
    if not raw.rstrip().endswith(":") or raw.count(":") < 2:
        return None
    caption = raw.rstrip()[:-1].rsplit(":", 1)[1]
    # The caption is the words after the previous caption's value: its last few words.
    words = label_text(caption).split()
    for size in (2, 3, 1):
        role = role_of(" ".join(words[-size:])) if len(words) >= size else None
        if role:
            return role
    return None


def pay_withheld(role: str | None, label: str, value: Decimal) -> tuple[str | None, Decimal]:
    """A row printed with a minus: "Faltas injustificadas -120,00" among the earnings is pay withheld, the month's
    pay that much less. It is no deduction (the descontos total leaves it out), and no positive earning either.
    Any other row keeps its role and value (its ``negative`` flag says how it was printed)."""
    if role in EARNING_ROLES or (role in (None, "other_deduction") and ABSENCE.search(fold(label))):
        return (role if role in EARNING_ROLES else "earning"), -value
    return role, value


def box_figure_beside(row: Segment, negative: bool) -> bool:
    """Whether a figure printed with no sign after a row's one figure printed with a minus is a box's beside the row,
    not the row's own: a signed list's rows each print one signed figure ("Segurança Social 11% −65,71"), and a
    photo's tilt puts the box at the list's side on the row's band ("... −65,71 595,39 €", the net "A PAGAR"; blind
    probe r47b, the net read as the social security). A row printing a quantity or rate before its signed value
    ("Faltas 3,00 50,83 -152,49") has its figures unsigned first, and is left as it was."""
    return row.negative and len(row.amounts) == 1 and not negative


PER_UNIT = re.compile(r"(?:/|por\s+)\s*(?:hora|h|dia|m[eê]s|unidade|un)")
# A minus sign stuck to an amount ("-106,15", and before its euro sign "-€ 41,33"), not a dash between label and
# amount ("Faltas - 106,15"). OCR reads a minus as a dash ("—522,62", "–65,71": blind probe r47b, a photo's pay
# withheld for sick leave read as a deduction); stuck to the figure, it is the minus still.
ATTACHED_MINUS = re.compile(r"(?:^|\s)[-\u2212\u2013\u2014](?:€\s?)?$")
# In English, "Sick leave absence (3 days) -325,00", "Unpaid leave" (blind probe r40a, drawn again).
ABSENCE = re.compile(r"(?<![a-z])(?:faltas?|aus[eê]ncias?|absences?|sick\s+(?:leave|days?)|unpaid\s+leave)(?![a-z])")


def amount_first_segments(
    fixed: str, found: list[tuple[int, int, Decimal]], line_index: int, confidence: float
) -> list[Segment]:
    """A row printed amount first, description after ("-256,41 Segurança Social 11%"): each amount's label
    is the text up to the next amount; amounts with no words between them stay one row's figures."""
    segments: list[Segment] = []
    pending: list[Decimal] = []
    for index, (_, end, value) in enumerate(found):
        pending.append(value)
        following = fixed[end : found[index + 1][0] if index + 1 < len(found) else len(fixed)]
        label = label_text(following)
        if WORDS.search(label):
            segments.append(Segment(label, pending, line_index, confidence, role_of(label)))
            pending = []
    if pending and segments:
        segments[-1].amounts.extend(pending)
    return segments


def header_labels(text: str) -> list[str]:
    """The roles a row of labels names, left to right (a header row over a row of values)."""
    return [role for _, _, role in header_spans(text)]


def header_spans(text: str) -> list[tuple[int, int, str]]:
    """Where each role a row of labels names is (start, end, role), left to right."""
    folded = fold(text)
    spans: list[tuple[int, int, str]] = []
    for role, pattern in ROLE_PATTERNS:
        if role in {"total", "earning"}:
            continue
        for match in pattern.finditer(folded):
            if any(start <= match.start() < end or match.start() <= start < match.end() for start, end, _ in spans):
                continue
            spans.append((match.start(), match.end(), role))
    merged: list[tuple[int, int, str]] = []
    for start, end, role in sorted(spans):
        if merged and merged[-1][2] == role and BILINGUAL_SLASH.fullmatch(folded[merged[-1][1] : start]):
            # One column captioned in two languages ("Gross Pay / Total Ilíquido"): blind probe r34b, three
            # boxes' captions counted as six columns and their figures left unread.
            merged[-1] = (merged[-1][0], end, role)
        else:
            merged.append((start, end, role))
    return merged


# What parts a caption from its translation: one slash, no figure (the words around it are the captions' own).
BILINGUAL_SLASH = re.compile(r"[^/\d]*/[^/\d]*")


def grid_columns(text: str) -> list[str] | None:
    """The columns of a grid heading that gives each quantity a column of its own, the gross first ("Rubrica
    Valor ilíquido  Incidência SS  Seg. Social  IRS  Líquido"): their roles, left to right. The tax an incidence
    base is of is no column of its own ("Incidência SS" is one)."""
    folded = fold(text)
    if QUANTITY_HEADING.search(folded):
        return None
    columns: list[tuple[int, int, str]] = []
    for start, end, role in header_spans(text):
        base = columns[-1] if columns and columns[-1][2] == "ss_base" else None
        if base and role in ("social_security", "irs_withholding") and not folded[base[1] : start].strip(" .:/"):
            # The base's own tax, once: "Incidência SS", then the "Seg. Social" column.
            columns[-1] = (base[0], end, "ss_base_of")
            continue
        columns.append((start, end, role))
    roles = [role.removesuffix("_of") for _, _, role in columns]
    if len(roles) < 3 or roles[0] != "gross_pay" or len(set(roles)) != len(roles):
        return None
    return roles if "net_pay" in roles and set(roles) & DEDUCTION_ROLES else None


def fill_grid(columns: list[str], rows: list[list[Segment]]) -> None:
    """The rows under a grid heading (``grid_columns``), each printing its figures from the first column on: an
    earning's own amount is its gross column, the first ("Vencimento 920,00 920,00 101,20": 920,00, then its
    incidence base and its social security); a totals row with a figure in every column gives each column's
    total ("TOTAL 1.127,00 995,00 109,45 22,00 995,55"). A deduction's row prints its one amount as it is."""
    for row in rows:
        if not row:
            return
        if len(row) != 1 or len(row[0].amounts) > len(columns):
            continue
        segment = row[0]
        if segment.role in ("total", "gross_pay") and len(segment.amounts) == len(columns):
            row[:] = [
                Segment(segment.label, [value], segment.line_index, segment.confidence, role)
                for role, value in zip(columns, segment.amounts, strict=True)
            ]
        elif segment.role is None or segment.role in EARNING_ROLES:
            segment.amounts = segment.amounts[:1]


OUTSIDE_THE_NET = re.compile(
    r"n[aã]o\s+(?:esta\s+|est[aá]\s+)?inclu[ií]d[oa]s?\s+(?:no|do|em)\s+(?:valor\s+|montante\s+)?l[ií]quido"
    r"|fora\s+do\s+(?:valor\s+)?l[ií]quido|not\s+included\s+in\s+(?:the\s+)?net"
)
# An allowance "creditado no cartão": paid on a meal card (see ``credited_to_a_card``).
CREDITED_TO_A_CARD = re.compile(r"creditad[oa]\s+(?:no|em)\s+cart[aã]o")


# A year-to-date caption opening a line ("Acumulados do ano:", "Year to date / Acumulados do ano:"), after at most a
# stray mark OCR read before it.
YTD_CAPTION_OPENING = re.compile(r"^\W{0,3}(?:" + YEAR_TO_DATE_WORDS + r")")
# A gap between two words this many word heights wide parts two columns of one printed line.
COLUMN_GAP_WORD_HEIGHTS = 6
# Lines under a year-to-date caption that may still hold its figures.
YTD_BLOCK_LINES = 3


def rows_of_the_table(lines: list[Line], rows: list[list[Segment]], heading: int) -> list[int]:
    """The rows under a table's heading, up to a line of captions heading figures of their own ("Total de Abonos
    Total Descontos A receber" over the totals' boxes): the heading's columns end there (blind probe r34b: the
    year-to-date column taken off the boxes' figures, the net's dropped)."""
    below: list[int] = []
    for index in range(heading + 1, len(lines)):
        captions = header_labels(lines[index].text)
        if not rows[index] and len(captions) >= 2 and set(captions) <= TOTALS_ROLES:
            break
        if not rows[index] and another_tables_heading(lines[index].text):
            break
        below.append(index)
    return below


def another_tables_heading(text: str) -> bool:
    """A line heading a table of its own below: it names the month's value column and no column of another month
    ("Cód. Descontos Incidência Taxa Valor (€)"). The rows under it are its own, whatever a heading above said of
    its columns (blind probe r47b: a scan's speck line "CO Mem TD." read as a year-to-date heading, and the
    deductions' "Valor" taken off as the year's, each row left its incidence base, social security and IRS read
    as 1.378,68 both)."""
    folded = fold(text)
    if MONEY.search(text) or len(WORDS.findall(text)) < 2:
        return False
    return (
        bool(MONTH_HEADING.search(folded))
        and not OTHER_MONTHS_HEADING.search(folded)
        and not YTD_HEADING.search(folded)
    )


def beside_a_ytd_block(lines: list[Line]) -> list[Line]:
    """The page's lines without a year-to-date block's figures that OCR read onto the lines of the column beside it.

    "Acumulados do ano:" with "Ilíquido 27.219,81 IRS 3.728,45 Seg. Social 2.929,52" under it, printed left of the
    month's totals box: OCR reads each row across the page ("Ilíquido 27.219,81 ... Total Descontos 805,27"), so the
    year's figures stood on the box's lines, read as the month's (blind probe r34b, 7 scans and photos). The words
    left of where the box's column starts are the block's; the box's words stay. A text layer keeps the block's lines
    apart, and a line with no column beside it is left to the caption's own rule (the next line is skipped).
    """
    kept = list(lines)
    for index, line in enumerate(lines):
        column = ytd_caption_column(line)
        if column is None:
            continue
        block = list(itertools.takewhile(functools.partial(figures_left_of, column=column), lines[index + 1 :]))
        if not block:
            # The caption's figures are on its own line, not under it: the caption's own rule.
            continue
        for below in range(index, index + 1 + min(len(block), YTD_BLOCK_LINES)):
            right = [position for position, box in enumerate(lines[below].word_boxes) if box[0] >= column]
            kept[below] = line_of(lines[below], right) or Line("")
    return kept


def figures_left_of(line: Line, column: float) -> bool:
    """Whether the words of a line left of a column's start hold an amount."""
    if len(line.word_boxes) != len(line.word_confidences):
        return False
    left = [word for (word, _), box in zip(line.word_confidences, line.word_boxes, strict=True) if box[0] < column]
    return bool(MONEY.search(" ".join(left)))


def ytd_caption_column(line: Line) -> float | None:
    """Where the column beside a year-to-date caption starts on its line (a word's height left of its first word),
    when the line opens with the caption and a gap wider than a column's parts it from words further right."""
    if not YTD_CAPTION_OPENING.search(fold(line.text)):
        return None
    pieces = column_pieces(line)
    if len(pieces) < 2:
        return None
    return pieces[1].word_boxes[0][0] - statistics.median(box[3] for box in line.word_boxes)


def column_pieces(line: Line) -> list[Line]:
    """A line cut where a gap wider than a column's parts two words: the printed columns OCR read as one line. The
    line whole when it has no word boxes or no such gap."""
    boxes = line.word_boxes
    if not boxes or len(boxes) != len(line.word_confidences):
        return [line]
    height = statistics.median(box[3] for box in boxes)
    cuts = [
        position + 1
        for position, (before, after) in enumerate(itertools.pairwise(boxes))
        if after[0] - (before[0] + before[2]) >= COLUMN_GAP_WORD_HEIGHTS * height
    ]
    bounds = [0, *cuts, len(boxes)]
    return [piece for start, stop in itertools.pairwise(bounds) if (piece := line_of(line, list(range(start, stop))))]


# What a year-to-date block's caption may say besides the year's words: the year, the months it runs over, a
# colon ("Acumulados do ano", "Valores acumulados", "Total anual (Janeiro a Novembro 2026)", "YTD totals:").
YTD_CAPTION_FILLER = re.compile(
    r"(?<![a-z])(?:d[aeo]s?|n[ao]s?|ao|a|o|ate|ano|anual|anuais|valores|montantes|totais|totals?|figures|exercicio"
    r"|periodo|to|date)(?![a-z])|\d{4}|[^\w\s]"
)
# Lines under a year-to-date block's caption that may still be its own: a caption and its figure a line each, for
# a few figures (gross, social security, IRS, net, the taxable base).
YTD_BLOCK_MOST_LINES = 12
# A line of captions over a block's figures names one role for every few words ("Remuneração ilíquida  Segurança
# Social  IRS retido  Líquido"); a sentence does not.
WORDS_A_CAPTION = 4


# The year's word whole: "Acumulados", not "Acumulad" and "os".
YTD_WORD = re.compile(r"(?:" + YEAR_TO_DATE_WORDS + r")[a-z]*")


def ytd_block_caption(text: str) -> bool:
    """Whether a line is a year-to-date block's caption and nothing else: no column of the month beside it (a
    table's heading "Cód. Descrição Abonos Descontos Acum. ano" is a column's), no figure."""
    folded = BRACKETED.sub(" ", fold(text))
    if not YTD_HEADING.search(folded) or MONEY.search(text):
        return False
    rest = YTD_CAPTION_FILLER.sub(" ", YTD_WORD.sub(" ", folded))
    rest = re.sub(
        r"[a-z]+",
        lambda word: " " if word.group(0) in MONTHS or word.group(0) in ENGLISH_MONTHS else word.group(0),
        rest,
    )
    return not rest.strip()


def ytd_block(lines: list[Line], rows: list[list[Segment]], heading: int) -> list[int]:
    """The lines of a year-to-date block under its caption ("Acumulados do ano", "Total anual (Janeiro a Novembro
    2026)") at the slip's foot: its captions and figures, a line each ("Segurança Social" / "1.790,80") or a line of
    captions over a line of figures. None of them is the month's (blind probe r50a: the year's social security and
    IRS added into the month's, every such slip flagged ``arithmetic_mismatch``; only the line under the caption
    was left out, and that was the captions' line). The block ends at a line that is neither a caption nor a row of
    the year's totals: a sentence, a table's heading, an earning's row, the lines' end."""
    block: list[int] = []
    for index in range(heading + 1, min(len(lines), heading + 1 + YTD_BLOCK_MOST_LINES)):
        folded = fold(lines[index].text)
        if rows[index]:
            if any(segment.role in EARNING_ROLES for segment in rows[index]):
                break
        elif (
            not block_captions(lines[index].text)
            or SECTION_HEADING.search(folded)
            or another_tables_heading(lines[index].text)
        ):
            break
        block.append(index)
    return block


def block_captions(text: str) -> bool:
    """Whether a line without figures is captions of a block's boxes: role words, a few words for each, no figure."""
    if re.search(r"\d", text) or not has_words(text):
        return False
    captions = len(header_spans(text)) or (1 if role_of(text) else 0)
    return 0 < len(WORDS.findall(text)) <= WORDS_A_CAPTION * max(captions, 1) and bool(captions)


# A row the slip marks as information, not counted in its sums: "Seguro de saúde (informativo)", "Valores para
# informação", "for information only".
INFORMATIVE = re.compile(
    r"(?<![a-z])informativ[oa]s?(?![a-z])|(?<![a-z])(?:a\s+titulo\s+de|para)\s+informa[cç][aã]o(?![a-z])"
    r"|for\s+information(?![a-z])"
)
# A row the slip marks as the employer's charge, no deduction from the employee's pay: "Seguro de saúde (encargo da
# entidade patronal)", "pago pela empresa", "Employer's contribution".
EMPLOYERS_CHARGE = re.compile(
    r"encargos?\s+(?:d[ao]\s+|de\s+)?(?:entidade\s+(?:patronal|empregadora)|empresa|empregador)"
    r"|(?:pag[oa]s?|suportad[oa]s?|a\s+cargo)\s+(?:pel[ao]|d[ao])\s+(?:entidade\s+(?:patronal|empregadora)|empresa|empregador)"
    r"|employer'?s?\s+(?:contributions?|costs?|charges?)|paid\s+by\s+(?:the\s+)?employer"
)
# A block's heading of information alone: "Informação (não incluída no líquido)", "Informações".
INFORMATION_HEADING = re.compile(r"^\W*informa[cç](?:[aã]o|[oõ]es)(?![a-z])")
# A heading is a few words; a sentence ("Processado por computador. Documento de natureza informativa ...") is not.
HEADING_MOST_WORDS = 8


def information_heading(text: str) -> bool:
    """Whether a line heads a block the slip prints for information: what the employer pays on the worker's behalf,
    what the net leaves out ("Benefícios pagos pela empresa (informativo)", "Informação (não incluída no líquido)")."""
    folded = fold(text)
    if re.search(r"\d", text) or len(WORDS.findall(text)) > HEADING_MOST_WORDS or re.search(r"\.\s+\S", text):
        return False
    return bool(
        INFORMATIVE.search(folded)
        or EMPLOYERS_CHARGE.search(folded)
        or OUTSIDE_THE_NET.search(folded)
        or INFORMATION_HEADING.search(folded)
    )


def information_block(lines: list[Line], rows: list[list[Segment]], heading: int) -> list[int]:
    """The rows under a heading of information after the month's net ("Benefícios pagos pela empresa (informativo)"
    over "Seguro de saúde (encargo da entidade patronal) 47,90" and "Contribuição PPR empresa 100,00"): none is the
    worker's deduction nor earning (blind probe r50a: a health insurance the employer pays read as a deduction, a
    consistent slip flagged ``arithmetic_mismatch``). The block is its rows up to the first line without figures."""
    net_above = any(segment.role == "net_pay" for row in rows[:heading] for segment in row)
    if not net_above or not information_heading(lines[heading].text):
        return []
    return list(itertools.takewhile(lambda index: bool(rows[index]), range(heading + 1, len(lines))))


def marked_not_the_workers(segment: Segment, first_deduction: int | None) -> bool:
    """Whether a row says it is information or the employer's charge, no deduction of the worker's ("Seguro de saúde
    (informativo) 39,60" under the net; blind probe r50a). The employer's charge is told so among the deductions
    and under them only: among the earnings it may be a benefit in kind the gross holds."""
    folded = fold(segment.label)
    if INFORMATIVE.search(folded):
        return True
    return (
        bool(EMPLOYERS_CHARGE.search(folded)) and first_deduction is not None and segment.line_index >= first_deduction
    )


def read_page(lines: list[Line], *, whole_euros: bool = False) -> Page:
    page = Page()
    lines = coded_rows_captioned(beside_a_ytd_block(lines))
    # Figures a space apart on a typed page with a quantity column, which groups its thousands with dots
    # ("1.990,00"), are the quantity and the amount ("Sub. Férias 1 940,00": 1, then 940,00), not a
    # thousands group. Not on a scan: OCR may read a dot as a space.
    typed = all(line.confidence >= 1.0 for line in lines)
    quantity_headings = [
        line.text for line in lines if QUANTITY_HEADING.search(fold(line.text)) and not MONEY.search(line.text)
    ]
    quantity_column = bool(quantity_headings)
    spaced_groups = not (typed and quantity_column and any(DOT_GROUPED.search(line.text) for line in lines))
    rows = page_rows(lines, spaced_groups=spaced_groups, whole_euros=whole_euros)
    # A quantity column whose heading OCR misread ("Qt." as "ot.") is still there: its figures glued to the amounts
    # as thousands ("Horas extra 8 108,96" read 8 108,96, "Subsídio de refeição 20 120,00" 20 120,00) make earnings
    # that add up to nothing printed, and the one-off pay larger than the gross, so none of it taken out (blind probe
    # r61a: overtime and per diems left in the regular net on OCR'd side-by-side tables).
    if spaced_groups and (quantity_column or not earnings_add_up(rows)):
        # Nothing on the page tells how it groups thousands (or a scan, where OCR may read a dot as a space):
        # the reading whose earnings add up to a printed total ("Vencimento base 30 930,00" with "Totais
        # 766,00": 30 days, 930,00).
        split = page_rows(lines, spaced_groups=False, whole_euros=whole_euros)
        rows = rows_adding_up(rows, split, most_figures=max(map(figure_columns, quantity_headings), default=1))
    if not whole_euros:
        whole_euro_rows(lines, rows)
    join_wrapped_labels(lines, rows)
    skipped: set[int] = set()
    ytd_headings: set[str] = set()
    # The rows whose year-to-date figure a heading already took off.
    trimmed: set[int] = set()
    for index, line in enumerate(lines):
        if rows[index] or index + 1 >= len(lines) or outside_the_net(line):
            continue
        currencies = currency_columns(line.text)
        if currencies and len(currencies) >= 2:
            table = rows_of_the_table(lines, rows, index)
            if one_rate_between_columns(currencies, [rows[at] for at in table]):
                # "Earnings  Amount (EUR)  Amount (USD)": each row's figure in the euro column; the others restate it
                # at a rate "for information only" (blind probe r49a: the USD and the GBP columns read as euros).
                for at in table:
                    for segment in rows[at]:
                        segment.amounts = in_the_euro_column(segment.amounts, currencies)
                continue
        columns = month_column(line.text)
        if columns:
            # "Rubrica  Valor do mês  Acumulado no ano  Mês anterior": of each row's last figures, one per
            # column, the month's.
            position, count = columns
            for at in rows_of_the_table(lines, rows, index):
                # Each segment of a row: the two tables' rows may be one line.
                for segment in rows[at]:
                    if len(segment.amounts) >= count:
                        segment.amounts = [segment.amounts[len(segment.amounts) - count + position]]
            continue
        # A continuation page, or the slip's second copy on the page, repeats the heading: its rows lose their
        # year-to-date figure too, once (blind probe r34b: taken the second time for an "Acumulados" heading, its
        # next row was skipped; a copy's rows kept the year's figures).
        repeated = fold(line.text).strip() in ytd_headings
        if repeated or ytd_column_heading(line.text, rows[index + 1 : index + 1 + ROWS_UNDER_A_HEADING]):
            # "Earnings   Current   YTD": the year-to-date figures are a column of their own, the last
            # amount of every row below; the month's value is the one before it. Under a heading naming it once a
            # table, earnings and deductions side by side, each table's segment of a row ends with its own.
            tables = len(YTD_HEADING.findall(fold(line.text)))
            for at in rows_of_the_table(lines, rows, index):
                if at in trimmed:
                    continue
                trimmed.add(at)
                for segment in rows[at] if tables > 1 else rows[at][-1:]:
                    if len(segment.amounts) >= 2 and not without_a_ytd_figure(segment):
                        segment.amounts.pop()
            ytd_headings.add(fold(line.text).strip())
            continue
        if role_of(line.text) == "skip":
            # "Acumulados do ano" as a heading: the figures under it are year to date too. At the slip's foot, under
            # the month's net, the whole block; elsewhere its first line of figures, over any line of its captions.
            block = ytd_block(lines, rows, index) if ytd_block_caption(line.text) else []
            if block and not any(segment.role == "net_pay" for row in rows[:index] for segment in row):
                block = block[: next((at + 1 for at, below in enumerate(block) if rows[below]), 0)]
            skipped.update(block or [index + 1])
            continue
        if information := information_block(lines, rows, index):
            skipped.update(information)
            continue
        roles = header_labels(line.text)
        below = rows[index + 1]
        if box_caption(lines, rows, index) and captions_over_figures(lines, rows, index):
            # A box with its caption over its one figure ("Vencimento líquido" / "1.527,80 €"): the caption's
            # role, as a row's label gives it (not a header's columns: "Vencimento" and "líquido" are one).
            rows[index + 1] = [Segment(line.text.strip(), below[0].amounts, index + 1, below[0].confidence,
                                       role_of(line.text))]  # fmt: skip
        elif len(roles) >= 2 and below and all(segment.role is None for segment in below):
            rows[index + 1] = header_fill(roles, lines[index + 1].text, below)
        elif grid := grid_columns(line.text):
            fill_grid(grid, rows[index + 1 :])
    without_the_months_elapsed_multiples(rows)
    two_columns = any(
        not rows[index] and EARNINGS_THEN_DEDUCTIONS.search(fold(line.text)) for index, line in enumerate(lines)
    )
    kept = [segments for index, segments in enumerate(rows) if segments and index not in skipped]
    kept = [segments for segments in kept if segments[0].role != "skip"]
    deduction_lines = [segments[0].line_index for segments in kept if segments[0].role in DEDUCTION_ROLES]
    first_deduction = min(deduction_lines, default=None)
    kept = [
        [segment for segment in segments if not marked_not_the_workers(segment, first_deduction)] for segments in kept
    ]
    kept = [segments for segments in kept if segments]
    kept = without_restated_base(kept, lines)
    deductions = deduction_rows_sum([segment for segments in kept for segment in segments])
    earnings_above = Decimal(0)
    for segments in kept:
        sums = (earnings_above, deductions)
        page.segments += [part for segment in segments for part in column_totals(segment, two_columns, sums)]
        earnings_above += sum((s.value for s in segments if s.role is None or s.role in EARNING_ROLES), Decimal(0))
    paid_at_a_rate(page.segments)
    allowances_given_back(page.segments)
    for segment in page.segments:
        if segment.role in {"skip", "rate"}:
            continue
        page.pool.update(segment.amounts)
        if segment.role:
            page.hints.setdefault(segment.role, []).append((segment.value, segment.confidence))
    return page


# A whole-euro figure ending a row, as small employers' programs print some rows beside others with cents
# ("Vencimento base 1.050", "IRS 88", "Subsídio de Natal 1.250 €" over "Total Abonos 2.610,00"): its thousands grouped
# by dots, or up to five figures alone. Not a date's, a rate's ("11%"), a code's after a slash, nor a NIF (nine).
WHOLE_EURO_ROW_END = re.compile(
    r"(?<![\d.,/:%-])(\d{1,3}(?:\.\d{3})+|\d{1,5})(?:,-{1,2})?\s*(?:€|eur(?:os)?)?\s*$", re.I
)
# Whole-euro rows beyond this many, their readings are not all tried (2 ** n of them).
MOST_WHOLE_EURO_ROWS = 8


def whole_euro_row(line: Line, index: int) -> Segment | None:
    """A line's row read with its amount in whole euros: an earning's or a deduction's caption, then the figure that
    ends the line (the amount column), whatever quantity the caption holds ("Subsídio de alimentação 22 dias 132").
    None for a line ending otherwise, or whose caption names no earning or deduction (a heading, a date, a NIF)."""
    text = line.text.strip()
    found = WHOLE_EURO_ROW_END.search(text)
    if found is None:
        return None
    caption = label_text(text[: found.start()])
    role = role_of(caption) if has_words(caption) else None
    value = Decimal(found.group(1).replace(".", ""))
    if role not in EARNING_ROLES | DEDUCTION_ROLES or not value:
        return None
    return Segment(caption, [value], index, line.confidence, role)


def whole_euro_rows(lines: list[Line], rows: list[list[Segment]]) -> None:
    """Rows a slip prints in whole euros beside rows with cents ("Vencimento base 1.050", "IRS 88", "Total Abonos
    1.217,00"), read where the slip's arithmetic says so: the most of its whole-euro earning rows that make a total
    printed on the page, then the most of its whole-euro deduction rows that make the printed deductions, or the
    gross less them the printed net. A figure that makes no total (hours, days, a year) is left unread (blind probe
    r81b, F1: "Subsídio de Natal 1.250" unread, the whole net counted as a month's pay; "IRS 118" unread, a slip that
    adds up said not to)."""
    found = {index: whole_euro_row(line, index) for index, line in enumerate(lines) if not rows[index]}
    candidates = {index: segment for index, segment in found.items() if segment is not None}
    if not candidates or len(candidates) > MOST_WHOLE_EURO_ROWS:
        return
    for roles, holds in ((EARNING_ROLES, earnings_add_up), (DEDUCTION_ROLES, deductions_add_up)):
        indices = [index for index, segment in candidates.items() if segment.role in roles]
        if holds(rows):
            continue  # the rows with cents make the total already: a whole figure beside them is no amount
        for size in range(len(indices), 0, -1):
            chosen = next(
                (
                    chosen
                    for chosen in itertools.combinations(indices, size)
                    if holds([[candidates[index]] if index in chosen else row for index, row in enumerate(rows)])
                ),
                None,
            )
            if chosen is not None:
                for index in chosen:
                    rows[index] = [candidates[index]]
                break


def deductions_add_up(rows: list[list[Segment]]) -> bool:
    """Whether the deduction rows sum to the printed total deductions, or the printed gross (else the earnings, when
    they make a printed total) less them is the printed net."""
    segments = with_the_base_once(rows)
    deductions = deduction_rows_sum(segments)
    if deductions is None:
        return False
    printed = {role: {amount for s in segments if s.role == role for amount in s.amounts} for role in TOTALS_ROLES}
    if deductions in printed["total_deductions"]:
        return True
    gross = printed["gross_pay"] or {earnings_total(segments)} - {None}
    return any(total - deductions in printed["net_pay"] for total in gross if total is not None)


# The months a year-to-date figure may sum: February's to December's.
MONTHS_ELAPSED = range(2, 13)
# Rows printing their year's figure as the same multiple of their month's before a column is taken for the year's.
ROWS_OF_ONE_MULTIPLE = 2


def without_the_months_elapsed_multiples(rows: list[list[Segment]]) -> None:
    """Rows whose last figure is the one before times the same whole number of months, 2 to 12, in two rows or more:
    that column is the year's to date under a caption not read as one ("Abonos  Descontos  Ano", or a heading OCR
    garbled), and the month's amount is the smaller (blind probe r74f: the year's quota and IRS read as the month's).
    One row's multiple may be chance; a quantity times its rate ("10,00 15,00 150,00") is the row's own amount."""
    multiples: dict[int, list[Segment]] = {}
    for segment in (segment for row in rows for segment in row):
        if len(segment.amounts) < 2 or segment.role == "skip" or quantity_times_rate(segment):
            continue
        month, year = segment.amounts[-2:]
        if month > 0 and year % month == 0 and int(year / month) in MONTHS_ELAPSED:
            multiples.setdefault(int(year / month), []).append(segment)
    # The months elapsed are one number for the whole slip: the multiple most rows share.
    segments = max(multiples.values(), key=len, default=[])
    if len(segments) >= ROWS_OF_ONE_MULTIPLE:
        for segment in segments:
            segment.amounts.pop()


def currency_columns(text: str) -> list[bool] | None:
    """The amount columns a table's heading names by their currencies, left to right, True for the euro's ("Earnings
    Amount (EUR)  Amount (USD)": [True, False]). None unless the line is a heading (no amount) naming each currency
    once: a note saying the rate ("1 EUR = 1.0812 USD ... You are paid in EUR") names them twice. A code and its sign
    side by side ("USD $") are one column's."""
    if MONEY.search(text):
        return None
    folded = fold(text)
    found = sorted(
        [(match.start(), match.end(), True) for match in EURO.finditer(folded)]
        + [(match.start(), match.end(), False) for match in FOREIGN_CURRENCY.finditer(folded)]
    )
    merged: list[tuple[int, int, bool]] = []
    for start, end, euro in found:
        if merged and merged[-1][2] == euro and not re.search(r"[a-z\d]", folded[merged[-1][1] : start]):
            merged[-1] = (merged[-1][0], end, euro)
        else:
            merged.append((start, end, euro))
    names = [re.sub(r"\W", "", folded[start:end]) or folded[start:end] for start, end, _ in merged]
    if not merged or len(set(names)) != len(names) or sum(euro for _, _, euro in merged) > 1:
        return None
    return [euro for _, _, euro in merged]


# How far apart two rows' rates between the euro column and another currency's may be: the other column's cents
# rounded (6,00 at 1,0812 is 6,49, 0,1% off).
RATE_TOLERANCE = Decimal("0.01")


def one_rate_between_columns(currencies: list[bool], table: list[list[Segment]]) -> bool:
    """Whether the rows under a heading naming the euro's column and another currency's print, in their last figures,
    the same amounts at one rate: the other columns convert the euro's. Two rows or more, most of them at the rate
    the middle one gives; a sentence naming two currencies over a table of one column is no such heading."""
    if currencies.count(True) != 1:
        return False
    position, count = currencies.index(True), len(currencies)
    tails = [segment.amounts[-count:] for row in table for segment in row if len(segment.amounts) >= count]
    tails = [tail for tail in tails if tail[position] > 0]
    if len(tails) < 2:
        return False
    for other in range(count):
        if other == position:
            continue
        rates = [tail[other] / tail[position] for tail in tails]
        middle = statistics.median(rates)
        if middle <= 0:
            return False
        agreeing = sum(1 for rate in rates if abs(rate - middle) <= middle * RATE_TOLERANCE)
        if agreeing * 2 <= len(rates):
            return False
    return True


def in_the_euro_column(amounts: list[Decimal], currencies: list[bool]) -> list[Decimal]:
    """A row's figures with the other currencies' columns dropped: its quantities and rates, then its euro amount.
    A row printing fewer figures than the heading has columns is left as it is."""
    count = len(currencies)
    if len(amounts) < count:
        return amounts
    return [*amounts[: len(amounts) - count], amounts[len(amounts) - count + currencies.index(True)]]


# A base salary's caption as a header's field, its colon before the figure ("Venc. base: 1.520,32").
BASE_FIELD = re.compile(rf"{PAY_WORD}\.?\s*(?:de\s+)?(?:base|mensal)\s*:\s*(?:eur\s*|€\s*)?\d")


def without_restated_base(rows: list[list[Segment]], lines: list[Line]) -> list[list[Segment]]:
    """The rows without the base salary a header restates as a field ("Admissão: 23-11-2007  Venc. base: 1.520,32")
    when the earnings' table prints it as a row of its own ("114 Vencimento Base 1.520,32"): one earning, not two
    (blind probe r39a: the header's base counted in the earnings' sum, the printed "Totais" gross not recognised
    and a gross worked back from an inflated net in its place). Only a field captioned with its colon, and only when
    a row not so captioned prints the same amount."""
    fields = {
        (at, position)
        for at, segments in enumerate(rows)
        for position, segment in enumerate(segments)
        if segment.role == "base_salary" and base_field(lines[segment.line_index].text)
    }
    row_values = {
        segment.value
        for at, segments in enumerate(rows)
        for position, segment in enumerate(segments)
        if segment.role == "base_salary" and (at, position) not in fields
    }
    misread = restated_base_misread(rows, fields)
    kept = [
        [
            segment
            for position, segment in enumerate(segments)
            if (at, position) not in fields or (segment.value not in row_values and not misread)
        ]
        for at, segments in enumerate(rows)
    ]
    return [segments for segments in kept if segments]


def restated_base_misread(rows: list[list[Segment]], fields: set[tuple[int, int]]) -> bool:
    """Whether the header's base salary and the table's base row are one figure, OCR having misread a digit of one
    of them ("Vencimento base: 1.610,00" over a row's "1.010,00" on a photo, blind probe r57a: both counted, the
    base above the gross and left out). The arithmetic chooses the reading (ADR 024): the figure with which the
    earnings make the gross printed on the page; the base row then holds it. Only one header field and one row,
    figures of one length a digit apart, and only when exactly one of the two makes the gross: else both stay, as a
    month paid in part beside the full base it is worked out from (one figure a half of the other) would."""
    bases = [segment for segments in rows for segment in segments if segment.role == "base_salary"]
    header = [rows[at][position] for at, position in fields]
    table = [segment for segment in bases if all(segment is not field for field in header)]
    if len(header) != 1 or len(table) != 1 or not one_digit_apart(header[0].value, table[0].value):
        return False
    others = sum(
        (
            segment.value
            for segments in rows
            for segment in segments
            if segment.role in EARNING_ROLES and segment.role != "base_salary"
        ),
        Decimal(0),
    )
    grosses = {
        amount for segments in rows for segment in segments if segment.role == "gross_pay" for amount in segment.amounts
    }
    making_the_gross = [figure for figure in (header[0].value, table[0].value) if others + figure in grosses]
    if len(making_the_gross) != 1:
        return False
    table[0].amounts = [*table[0].amounts[:-1], making_the_gross[0]]
    return True


def base_field(text: str) -> bool:
    """Whether a line prints the base salary as a header's field, its caption's colon before its figure."""
    return bool(BASE_FIELD.search(fold(text)))


# The words of the month's own pay in a rate's label ("Remuneração horária", "Salário/dia"), not a bonus's
# ("Horas extra valor/hora": that label names an earning too).
BASE_PAY_WORDS = re.compile(r"(?<![a-z])(?:venc(?:imento)?|salario|remuneracao|retribuicao|ordenado)(?![a-z])")
# A quantity in a rate row's label ("Vencimento/hora 160 h x"), whole or with decimals. A percentage is no quantity:
# it is the deduction's rate ("CGA - quota (11%) 192,81 2.120,91"), and a month's amount times the months elapsed is
# its year to date (blind probe r74f: November's 11 x 192,81 taken for the quota's quantity times its rate, the year's
# total kept as the month's).
QUANTITY = re.compile(r"(?<![\d.,])\d+(?:,\d+)?(?![\d.,])(?!\s*%)")


def allowances_given_back(segments: list[Segment]) -> None:
    """An allowance paid on a card and taken back among the deductions with a minus, under its earning's name
    ("Subsídio de refeição - cartão + 150,00" above, "Sub. alimentação pago em cartão -150,00" under "IRS -60,00"):
    a deduction of that amount, not an earning cancelled (blind probe r36b: the printed gross 1.150,00 replaced by
    the earnings' 1.000,00, silently). Only after a deduction's row, only the amount an earning above was paid."""
    deductions = [segment.line_index for segment in segments if segment.role in DEDUCTION_ROLES]
    if not deductions:
        return
    paid = {
        segment.value for segment in segments if segment.role in EARNING_ROLES and segment.line_index < min(deductions)
    }
    for segment in segments:
        if (
            segment.role in EARNING_ROLES
            and segment.negative
            and segment.line_index > min(deductions)
            and abs(segment.value) in paid
        ):
            segment.role, segment.negative = "other_deduction", False
            segment.amounts = [abs(amount) for amount in segment.amounts]


def paid_at_a_rate(segments: list[Segment]) -> None:
    """A month paid by the hour or the day, no other row naming the base pay ("Remuneração horária 86,50 h 5,65
    488,73"): the rate's row whose amount is its quantity times its rate is the month's base pay, not a rate."""
    if any(segment.role == "base_salary" for segment in segments):
        return
    for segment in segments:
        if (
            segment.role == "rate"
            and BASE_PAY_WORDS.search(fold(segment.label))
            and set(roles_named(segment.label)) <= {"rate", "base_salary"}
            and (quantity_times_rate(segment) or completes_the_gross(segment, segments))
        ):
            segment.role = "base_salary"
            return


def completes_the_gross(row: Segment, segments: list[Segment]) -> bool:
    """Whether a rate's row with its quantity and its amount ("Remuneração horária 160,00 740 1.136,00": the rate
    "7,10" read "740" on a photo, blind probe r47b, the base lost) is the month's pay all the same: its amount, the
    largest of its figures, is what the other earnings leave of the gross printed under its caption."""
    if len(row.amounts) < 2 or row.value <= max(row.amounts[:-1]):
        return False
    others = sum((s.value for s in segments if s is not row and s.role in EARNING_ROLES), Decimal(0))
    return any(total.value == others + row.value for total in segments if total.role == "gross_pay")


def quantity_times_rate(segment: Segment) -> bool:
    """The row's amount is two of its other figures multiplied, to the cent: the hours or days, printed as an
    amount ("86,50 h") or in the label ("86 h"), and the rate."""
    *figures, amount = segment.amounts
    figures += [Decimal(number.replace(",", ".")) for number in QUANTITY.findall(segment.label)]
    return any(
        abs((first * second).quantize(CENT, rounding=ROUND_HALF_UP) - amount) <= CENT
        for first, second in itertools.combinations(figures, 2)
    )


def box_caption(lines: list[Line], rows: list[list[Segment]], index: int) -> bool:
    """A line that is a caption naming one role and nothing else (no figure). A note in brackets after the caption
    may hold figures of its own ("Vencimento base (tempo parcial 20 h — 50%)": blind probe r47b, a part-time
    student's base salary left unread): they are the caption's, no amount."""
    caption = BRACKETED.sub(" ", lines[index].text)
    return (
        not rows[index]
        and role_of(caption) not in (None, "skip", "rate", "total", "earning")
        and not re.search(r"\d", caption)
    )


def box_figure(lines: list[Line], rows: list[list[Segment]], index: int) -> bool:
    """A line of one figure and nothing else, no label of its own."""
    row = rows[index] if 0 <= index < len(rows) else []
    return len(row) == 1 and len(row[0].amounts) == 1 and row[0].role is None and only_figures(lines[index].text)


def captions_over_figures(lines: list[Line], rows: list[list[Segment]], index: int) -> bool:
    """Whether the caption at ``index`` labels the figure under it. Boxes printed one under another pair a
    caption with the figure above or below it alike ("1 481,60" / "Total ilíquido" / "261,20" / "Total de
    descontos"): the run of boxes tells, by what it starts with, a caption (captions over their figures) or a
    figure (captions under them)."""
    if not box_figure(lines, rows, index + 1):
        return False
    first = index
    while first >= 2 and box_caption(lines, rows, first - 2) and box_figure(lines, rows, first - 1):
        first -= 2
    return not box_figure(lines, rows, first - 1)


# A section's heading alone on its line, over its rows: earnings or deductions in the plural.
SECTION_HEADING = re.compile(r"descontos|abonos|rendimentos|remunera[cç][oõ]es|vencimentos|deducoes|retencoes")


# A legend's entry, a row's code and its caption ("901 – Segurança Social", "R22 - Retroativos"): the code stands
# alone (not a postcode's "4000-123" nor a date's part) and the caption starts with a letter.
LEGEND_ENTRY = re.compile(
    r"(?<![\w.,/-])([A-Za-z]{1,3}\d{1,4}|\d{1,4}[A-Za-z]?)\s*[-\u2013\u2014=]\s*(?=[A-Za-zÀ-ÿ]|$)"
)
# A row's code at the head of its line ("901 140,31", "001 30 d 1.275,50"); off a picture, a code OCR read with
# look-alike letters for its figures ("Roi 1.075,00" for R01, "ROZ" for R07) is one too, when it is a legend's code.
CODE_ONLY_LABEL = re.compile(r"^\s*([A-Za-z]{1,3}\d{1,4}|\d{1,4}[A-Za-z]?)(?![\w])")
CODE_READ_LABEL = re.compile(r"^\s*([A-Za-z0-9|]{2,5})(?![\w])")
# The figures OCR takes a code's letters for, and the letters it reads for them: "RO1" and "Rol" are R01, "DOZ2" D02.
CODE_LOOK_ALIKES = {
    "0": "OQDU",
    "1": "IL|!T",
    "2": "Z",
    "5": "S",
    "6": "G",
    "7": "Z?T",
    "8": "B",
    "9": "GQ",
}


def legend_captions(lines: list[Line]) -> dict[str, str]:
    """The captions a legend anywhere on the page gives the rows' codes ("Legenda: 001 – Vencimento base   901 –
    Segurança Social   630 – Adiantamento de vencimento"): each entry's caption runs to the next entry. The first
    caption a code is given holds. A legend printed beside the table shares the rows' lines ("R21 1.075,00 D01 –
    Segurança Social"): its entries are read after the row's figures as anywhere else."""
    captions: dict[str, str] = {}
    for index, line in enumerate(lines):
        entries = list(LEGEND_ENTRY.finditer(line.text))
        for at, entry in enumerate(entries):
            end = entries[at + 1].start() if at + 1 < len(entries) else len(line.text)
            caption = line.text[entry.end() : end].strip(" ;,|")
            if not caption and end == len(line.text) and index + 1 < len(lines):
                caption = caption_wrapped_to(lines[index + 1].text)
            if has_words(caption) and not MONEY.search(caption):
                captions.setdefault(entry.group(1).upper(), caption)
    return captions


def caption_wrapped_to(below: str) -> str:
    """The caption of a legend's last entry wrapped to the next line ("... 052 –" / "Subsídio de alimentação (cartão)
    901 – Segurança Social"): the next line's words before its first entry."""
    first = LEGEND_ENTRY.search(below)
    return below[: first.start() if first else len(below)].strip(" ;,|")


def codes_alike(read: str, printed: str) -> bool:
    """Whether two codes are one that OCR read differently: the same length, each character the same or a figure and
    a letter it is taken for ("ROL" and "R01"); or one character more in one of them ("DOZ2" for "D02")."""
    if len(read) == len(printed):
        return all(
            one == other or CODE_LOOK_ALIKES.get(one, "").count(other) or CODE_LOOK_ALIKES.get(other, "").count(one)
            for one, other in zip(read, printed, strict=True)
        )
    longer, shorter = (read, printed) if len(read) > len(printed) else (printed, read)
    if len(longer) != len(shorter) + 1 or len(shorter) < 2:
        return False
    return any(codes_alike(longer[:at] + longer[at + 1 :], shorter) for at in range(1, len(longer)))


def caption_of_code(code: str, captions: dict[str, str], *, read_by_ocr: bool) -> str | None:
    """The legend's caption of a row's code: the code as printed; off a picture, the one legend code it is alike
    (``codes_alike``), on either side OCR's slips. Two codes alike and neither the one printed: no caption."""
    code = code.upper()
    if code in captions or not read_by_ocr:
        return captions.get(code)
    alike = {captions[printed] for printed in captions if codes_alike(code, printed)}
    return alike.pop() if len(alike) == 1 else None


def coded_rows_captioned(lines: list[Line]) -> list[Line]:
    """A codes-only table's rows ("901 140,31", "630 250,00") given the captions a legend at the foot gives their codes
    ("901 – Segurança Social", "630 – Adiantamento de vencimento"): the caption names the row's role, as a printed
    one would, and keeps its figures apart from the code (blind probe r67b: the social security, the IRS and the
    gross unread, a salary advance under its code not added back; on a scan "901 134,75" read as 901 134,75).
    Only rows no words of their own name: a row printing its caption keeps it.

    A legend printed beside the table is read on the rows' own lines ("R21 1.075,00 D01 – Segurança Social"): the
    row is its figures before the legend's entry, and the entry no caption of the row's (blind probe r78a: a phone
    photo's Christmas subsidy row read as the social security its line went on to explain). Off a picture, a code
    is matched to the legend's through OCR's look-alikes ("Roi" for R01, ``caption_of_code``)."""
    captions: dict[str, str] | None = None
    captioned = []
    for line in lines:
        read_by_ocr = line.confidence < 1.0
        code = (CODE_READ_LABEL if read_by_ocr else CODE_ONLY_LABEL).match(line.text)
        if code and role_of(code.group(1)) is not None:
            code = None  # a caption of its own ("SS 118,25", "IRS 79,55"), no code however alike
        rest = line.text[code.end() :] if code else ""
        beside = next((entry for entry in LEGEND_ENTRY.finditer(rest) if MONEY.search(rest[: entry.start()])), None)
        if beside is not None:
            rest = rest[: beside.start()].rstrip()
        if code and MONEY.search(rest) and not has_words(rest):
            captions = legend_captions(lines) if captions is None else captions
            caption = caption_of_code(code.group(1), captions, read_by_ocr=read_by_ocr)
            if caption:
                line = Line(f"{code.group(1)} {caption}{rest}", line.confidence)
        captioned.append(line)
    return captioned


def join_wrapped_labels(lines: list[Line], rows: list[list[Segment]]) -> None:
    """A row label wrapped over two lines ("Vencimento" / "base mensal 870,00"): the word alone on its line
    heads the next row's label when that label goes on in lower case and only the two together name a role. A row's
    head wrapped mid-caption ("R22 Retroativos jan-out/2026 (atualização" / "salarial) 10 350,00") heads it whatever
    the two name: its leading words class the row's money."""
    for index, row in enumerate(rows[1:], start=1):
        above = lines[index - 1].text.strip()
        if not row or row[0].role is not None:
            continue
        if rows[index - 1]:
            caption_wrapped_after_figures(above, row[0])
            continue
        if wrapped_row_head(above, lines[index].text):
            joined = f"{above} {row[0].label}"
            row[0].label, row[0].role = joined, role_of(joined)
            continue
        # Going on in capitals ("Remuneração" / "Base 1.100,00") only after a payroll word of its own.
        if not row[0].label[:1].islower() and not (len(above.split()) == 1 and roles_named(above)):
            continue
        if len(above.split()) > 2 or not has_words(above) or re.search(r"\d", above):
            continue
        if SECTION_HEADING.fullmatch(fold(above).strip(" :")):
            continue  # "Descontos" over "Ausências (dias) 2,00 84,34": the column's heading, no wrapped label
        joined = f"{above} {row[0].label}"
        if role_of(joined):
            row[0].label, row[0].role = joined, role_of(joined)


def caption_wrapped_after_figures(above: str, row: Segment) -> None:
    """A side-by-side table's right-hand caption wrapped after the left-hand row's figure ("Subsídio de refeição
    120,00 IRS s/ trabalho" / "suplementar 90,00"): the words ending the line above head the row below when that row
    goes on in lower case, names no role alone, and the two together name one. Read apart, the IRS withheld on
    overtime was no IRS at all (blind probe r62a: the month's withholding 90 € short, the overtime's net taken at the
    month's rate)."""
    figures = amounts_in(above)
    # A line printing its figures first ("450,00 Horas extra") ends with its own row's caption.
    if not figures or not has_words(above[: figures[0][0]]):
        return
    tail = label_text(above[figures[-1][1] :])
    if not (tail and has_words(tail) and row.label[:1].islower()):
        return
    joined = f"{tail} {row.label}"
    if role := role_of(joined):
        row.label, row.role = joined, role


# A row's code before its caption: figures, after one to three letters or before one ("R22", "D01", "001", "12A").
CODED_ROW_HEAD = re.compile(r"^(?:[a-z]{1,3}\d{1,4}|\d{1,4}[a-z]?)\s+[a-z]{2}")


def wrapped_row_head(above: str, below: str) -> bool:
    """Whether ``above``, a line of no amount, is the head of the row ``below`` goes on with: a caption too long for
    its column, wrapped before the row's figures ("R22 Retroativos jan-out/2026 (atualização" / "salarial) 10
    350,00"). The line below goes on in lower case or closes a bracket; the line above starts with the row's code or
    opens a bracket it does not close. Read apart, the row's money took its caption's tail and its leading words'
    meaning was lost (blind probe r59a: back pay kept in the regular net in a table with a quantity column)."""
    below = below.strip()
    if not (below[:1].islower() or below[:1] == ")"):
        return False
    folded = fold(above)
    if not has_words(folded) or SECTION_HEADING.fullmatch(folded.strip(" :")):
        return False
    unclosed_bracket = folded.rfind("(") > folded.rfind(")")
    return bool(CODED_ROW_HEAD.match(folded)) or unclosed_bracket


def page_rows(lines: list[Line], *, spaced_groups: bool, whole_euros: bool = False) -> list[list[Segment]]:
    return [
        line_segments(
            beside_the_note(line).text if outside_the_net(line) else line.text,
            index,
            line.confidence,
            spaced_groups=spaced_groups,
            whole_euros=whole_euros,
        )
        for index, line in enumerate(lines)
    ]


def beside_the_note(line: Line) -> Line:
    """Of a line saying a row is paid outside the net, what a column further right holds after the note: a totals
    box's caption and figure that OCR read onto the note's line ("Subsídio de alimentação em cartão (não incluído no
    líquido):" beside "Net Pay / Valor Líquido 3.059,80": blind probe r34b, the net unread). Nothing else of the
    line: the note's own amount, wherever printed, is no earning. The box's figure may stand a gap after its caption.
    """
    pieces = column_pieces(line)
    noted = [position for position, piece in enumerate(pieces) if outside_the_net(piece)]
    later = pieces[noted[-1] + 1 :] if noted else []
    boxed = list(itertools.dropwhile(lambda piece: role_of(piece.text) not in TOTALS_ROLES, later))
    return Line(" ".join(piece.text for piece in boxed))


def outside_the_net(line: Line) -> bool:
    """Whether the line is a row the slip itself says is paid outside its net ("Subsídio de alimentação (cartão)
    22 x 7,63 = 167,86 € — creditado no cartão, não incluído no líquido"): none of the month's sums holds it, and
    its figures are no earning (blind probe r33a: a minimum wage's base read as implausible and its arithmetic
    as broken)."""
    folded = fold(line.text)
    return bool(OUTSIDE_THE_NET.search(folded)) or credited_to_a_card(folded)


def credited_to_a_card(folded: str) -> bool:
    """Whether a line says an allowance's row is paid on a meal card: the words "creditado no cartão" on the
    allowance's own row ("Subsídio de alimentação creditado em cartão 167,86") or trailing its amount ("167,86 € —
    creditado no cartão"). A row of its own naming no earning ("Valor creditado em cartão refeição 224,40", under
    "Retenção IRS" or beside "Duodécimos subsídio de Natal 106,25" where OCR joined the two tables' rows) is the
    card's amount taken back among the deductions, which the printed total counts (blind probe r46a: that row
    dropped as a note, every clean slip with a meal card was flagged ``arithmetic_mismatch`` and a scan lost the
    twelfth beside it)."""
    for match in CREDITED_TO_A_CARD.finditer(folded):
        # The phrase's row: from the amount before it (the previous row's) to the amount after it (its own).
        before = [end for _, end, _ in amounts_in(folded[: match.start()])]
        after = [start for start, _, _ in amounts_in(folded[match.end() :])]
        start = before[-1] if before else 0
        row = folded[start : match.end() + after[0] if after else len(folded)]
        caption = label_text(folded[start : match.start()])
        if not has_words(caption) or any(role in EARNING_ROLES for role in roles_named(row)):
            return True
    return False


def earnings_add_up(rows: list[list[Segment]]) -> bool:
    """Whether the earning rows sum to a total printed on the page."""
    return earnings_total(with_the_base_once(rows)) is not None


def with_the_base_once(rows: list[list[Segment]]) -> list[Segment]:
    """The rows' segments, a base salary printed twice with one figure counted once: a header's field restating the
    table's row ("Vencimento base mensal: 1 600,00 €" over "Vencimento base 1 600,00"), which the reading of the
    page's figures must not take for a second earning. Counted twice, the figures as printed seemed not to add up,
    and reading both "1 600,00" as a quantity "1" and an amount "600,00" made the net (blind probe r76b, F1: with
    deductions of 400,00, the base read 600,00 and the month flagged ``arithmetic_mismatch``)."""
    bases: set[Decimal] = set()
    kept = []
    for segment in (segment for row in rows for segment in row):
        if segment.role == "base_salary":
            if segment.value in bases:
                continue
            bases.add(segment.value)
        kept.append(segment)
    return kept


# Rows read both ways beyond this many, the readings are not all tried (2 ** n of them).
MOST_AMBIGUOUS_ROWS = 8


def rows_adding_up(
    spaced: list[list[Segment]], split: list[list[Segment]], *, most_figures: int = 1
) -> list[list[Segment]]:
    """Of the rows a quantity column makes ambiguous, each read as one amount ("2 875,50": thousands a space
    apart) or as a quantity and an amount ("22 132,00": 22 days), the reading whose earnings add up to a total
    printed on the page, the fewest rows split first; the spaced reading when none does.

    Row by row, not the whole page one way (doc probe 29: "Vencimento base 30 2 875,50 €" over "Subsídio de
    alimentação 22 132,00 €", totalling 3 007,50; and "Subs. refeição 19 144,97 EUR" under totals printed on a
    row of their own).

    A row is split only where that leaves it no more bare figures before its amount than the heading has
    columns for them (``most_figures``): "Vencimento base 30 1 460,00" under one "Qtd." is 30 days and 1 460,00,
    never 30, 1 and 460,00. Without that, two readings made the printed gross (blind probe r46a: the base read
    460,00 and a twelfth "1 121,67" as 1 121,67, where "1 121,67" is 1, then 121,67)."""
    ambiguous = [
        index
        for index, (one, other) in enumerate(zip(spaced, split, strict=True))
        if [segment.amounts for segment in one] != [segment.amounts for segment in other]
        and bare_figures(other) <= max(most_figures, bare_figures(one))
    ]
    if len(ambiguous) > MOST_AMBIGUOUS_ROWS:
        return split if earnings_add_up(split) and not earnings_add_up(spaced) else spaced
    for size in range(len(ambiguous) + 1):
        for chosen in itertools.combinations(ambiguous, size):
            rows = [split[index] if index in chosen else row for index, row in enumerate(spaced)]
            if earnings_add_up(rows) or earnings_printed(rows):
                return rows
    return spaced


# A unit price's heading ("Valor Unit.", "Preço"): a column of figures before the amount, as a quantity's is.
UNIT_PRICE_HEADING = re.compile(r"(?<![a-z])(?:unit(?:ario)?|pre[cç]o)(?![a-z])")
# A bare figure (no cents) at the end of a row's label: its quantity ("30", "22 d", "8,5 h").
BARE_FIGURE = re.compile(r"(?<![\d.,])\d+(?:,\d{1,2})?(?![\d.,])")


def figure_columns(heading: str) -> int:
    """How many columns of a table's heading print a row's figures before its amount: quantities and unit prices."""
    folded = fold(heading)
    return len(QUANTITY_HEADING.findall(folded)) + len(UNIT_PRICE_HEADING.findall(folded))


def bare_figures(row: list[Segment]) -> int:
    """The most bare figures any segment of a row prints after its label's last word, before its first amount."""
    tails = [WORDS.split(segment.label)[-1] for segment in row]
    return max((len(BARE_FIGURE.findall(tail)) for tail in tails), default=0)


def earnings_printed(rows: list[list[Segment]]) -> bool:
    """Whether the earning rows sum to a figure printed on the page without an earning's or a deduction's
    caption (a total under its caption, on a row of figures). Not the net when anything is deducted: the net is the
    earnings less the deductions, never their sum, and a misreading's earnings that happen to make it say nothing
    of the reading (blind probe r76b, F1)."""
    segments = with_the_base_once(rows)
    earnings = [segment.value for segment in segments if segment.role in EARNING_ROLES]
    deducted = any(segment.value for segment in segments if segment.role in DEDUCTION_ROLES)
    printed = {
        amount
        for segment in segments
        if segment.role not in EARNING_ROLES
        and segment.role not in DEDUCTION_ROLES
        and not (deducted and segment.role == "net_pay")
        for amount in segment.amounts
    }
    return bool(earnings) and sum(earnings, Decimal(0)) in printed


def earnings_total(segments: list[Segment]) -> Decimal | None:
    """The earning rows' sum when a total printed on the page says it."""
    earnings = [segment.value for segment in segments if segment.role in EARNING_ROLES]
    totals = {amount for segment in segments if segment.role in {"gross_pay", "total"} for amount in segment.amounts}
    total = sum(earnings, Decimal(0))
    return total if earnings and total in totals else None


# A heading of an earnings column then a deductions column ("Descrição  Abonos  Descontos").
EARNINGS_THEN_DEDUCTIONS = re.compile(
    r"(?<![a-z])(?:abonos?|remunera[cç][oõ]es|vencimentos|cr[eé]ditos|earnings)(?![a-z]).*"
    r"(?<![a-z])(?:descontos?|d[eé]bitos|deductions)(?![a-z])"
)


def deduction_rows_sum(segments: list[Segment]) -> Decimal | None:
    """What the deduction rows add up to, when there are any."""
    values = [segment.value for segment in segments if segment.role in DEDUCTION_ROLES]
    return sum(values, Decimal(0)) if values else None


def column_totals(
    segment: Segment, two_columns: bool, rows_sums: tuple[Decimal, Decimal | None] | None = None
) -> list[Segment]:
    """Under an earnings and a deductions column, a gross row with two amounts ("Ilíquido 947,83 123,27")
    prints both columns' totals: the gross, then the deductions (not the gross, as a row's last amount). So
    does a row whose label names both totals, whatever the heading ("Total abonos / descontos 1.142,00 152,10"),
    and a gross row, no heading naming the columns, whose two amounts are what the earning rows above it and the
    deduction rows add up to (``rows_sums``: "Total ilíquido 913,50 100,49" under "Remuneração base 870,00",
    "Trabalho noturno 43,50", "Segurança Social 100,49" and "IRS 0,00"). A first amount the earnings above do
    not make stays as it was: a forged total must still fail the arithmetic."""
    if segment.role == "net_pay":
        return [net_as_printed(segment, rows_sums)]
    both_named = segment.role in ("gross_pay", "total_deductions") and EARNINGS_THEN_DEDUCTIONS.search(
        fold(segment.label)
    )
    deductions_second = (
        segment.role == "gross_pay"
        and rows_sums is not None
        and len(segment.amounts) == 2
        and (tuple(segment.amounts) == rows_sums or deductions_total_second(segment.amounts, rows_sums))
    )
    # A row of totals under the two columns ("Totais 1.825,03 303,69" under "Abonos  Descontos"): each column's
    # total, when the deduction rows or the earning rows above make one of them (blind probe r39a: the row's last
    # figure taken for a generic total, the printed gross left unread and one worked back from the net instead).
    totals_row = (
        two_columns
        and segment.role == "total"
        and rows_sums is not None
        and len(segment.amounts) == 2
        and (segment.amounts[0] == rows_sums[0] or segment.amounts[1] == rows_sums[1])
    )
    if not (both_named or deductions_second or totals_row or (two_columns and segment.role == "gross_pay")):
        return [segment]
    if len(segment.amounts) != 2:
        return [segment]
    gross, deductions = segment.amounts
    # Deductions of more than the gross are another column's figure, unless the rows above make both totals: a
    # month whose advance or debt took more than it paid ("Totais 698,67 868,93", the net -170,26: blind probe r54b,
    # the net read as +170,26). A row of totals of nothing ("TOTAIS 0,00 0,00", a month of unpaid leave) is the
    # gross and the deductions whatever the rows above say (blind probe r54b: the gross of 0,00 left unread).
    rows_make_both = rows_sums is not None and tuple(segment.amounts) == rows_sums
    if deductions >= gross and not rows_make_both and not gross == deductions == 0:
        return [segment]
    return [
        Segment(segment.label, [gross], segment.line_index, segment.confidence, "gross_pay"),
        Segment(segment.label, [deductions], segment.line_index, segment.confidence, "total_deductions"),
    ]


def net_as_printed(segment: Segment, rows_sums: tuple[Decimal, Decimal | None] | None) -> Segment:
    """A net printed with a minus ("Líquido a receber: -170,26 €"), as it is: an advance paid earlier in the month or
    a debt took more than the month paid, and the worker owes the difference (blind probe r54b: read +170,26, counted
    as a month's pay, the arithmetic not checked). Not when the rows above make the net positive: a dash between the
    caption and a figure OCR read stuck to it."""
    value = segment.value
    if not segment.negative or value <= 0:
        return segment
    if rows_sums is not None and rows_sums[1] is not None and rows_sums[0] - rows_sums[1] == value:
        return segment
    return Segment(
        segment.label, [*segment.amounts[:-1], -value], segment.line_index, segment.confidence, "net_pay", negative=True
    )


def deductions_total_second(amounts: list[Decimal], rows_sums: tuple[Decimal, Decimal | None]) -> bool:
    """A gross row's two amounts are the gross and the deductions' total when the second is what the deduction rows
    add up to and the first is at least what the earning rows read above it make (one of them lost to OCR). Blind
    probe r51a: "Subsídio de alimentação 132,00" read "32-00" under a stamp, so the earnings above did not make
    "TOTAL ILÍQUIDO 1.820,40 185,72", and the row's last figure, the deductions' total, was the gross."""
    earnings_above, deductions = rows_sums
    first, second = amounts
    return deductions is not None and 0 < second == deductions < first and earnings_above <= first


YTD_HEADING = re.compile(YEAR_TO_DATE_WORDS)


# Headings of amount columns: this month's, and the others (year to date, the month before). "Mês" and "Valor"
# alone head the month's column only beside another's ("Mês  Acumulados (ano)", "Valor  Acumulado"): a "Valor"
# that a year-to-date word or the month before qualifies is that column's ("Valor acumulado").
MONTH_HEADING = re.compile(
    r"valor\s+do\s+m[eê]s(?!\s+anterior)"
    r"|(?<![a-z])(?:atual|(?<!ano\s)corrente|current|this\s+(?:month|(?:pay\s+)?period))(?![a-z])"
    r"|(?<![a-z])m[eê]s(?![a-z])(?!\s+anterior)"
    r"|(?<![a-z])valor(?![a-z])(?!\s+(?:acumulad|acum(?![a-z])|anual|anterior|d[oe]\s+(?:m[eê]s|ano)|no\s+ano))"
    # A unit's price is a rate, no month's amount ("Qtd.  Valor unit.  Abonos  Descontos  Acumulado ano": blind probe
    # r40a, the month's gross taken off the totals row as if it were the year's).
    r"(?!\s*(?:unit|/\s*(?:hora|dia|h(?![a-z]))))"
)
OTHER_MONTHS_HEADING = re.compile(
    r"acumulad[oa]s?(?:\s+(?:no|do)\s+ano)?|(?<![a-z])acum(?![a-z])|total\s+(?:do\s+|no\s+)?ano(?![a-z])"
    r"|year\s+to\s+date|(?<![a-z])ytd(?![a-z])|desde\s+janeiro|(?<![a-z])tota(?:l|is)\s+anua(?:l|is)(?![a-z])"
    r"|m[eê]s\s+anterior|previous\s+month|(?<![a-z])anterior(?![a-z])"
)


def month_column(text: str) -> tuple[int, int] | None:
    """Where this month's column is among a heading's amount columns, and how many there are, when the
    heading names this month's and another's ("Valor do mês  Acumulado no ano  Mês anterior")."""
    folded = fold(text)
    if MONEY.search(text):
        return None
    found = sorted(
        [(m.start(), True) for m in MONTH_HEADING.finditer(folded)]
        + [(m.start(), False) for m in OTHER_MONTHS_HEADING.finditer(folded)]
    )
    kinds = [is_month for _, is_month in one_column_per_translation(folded, found)]
    tables = kinds.count(True)
    if tables > 1 and len(kinds) % tables == 0 and kinds == kinds[: len(kinds) // tables] * tables:
        # Earnings and deductions side by side, each table heading the same columns ("Cód. Descrição Valor Acum.
        # Cód. Descrição Valor Acum.": blind probe r34b, the year's IRS read as the month's): one table's columns.
        kinds = kinds[: len(kinds) // tables]
    if len(kinds) < 2 or kinds.count(True) != 1:
        return None
    return kinds.index(True), len(kinds)


def one_column_per_translation(folded: str, found: list[tuple[int, bool]]) -> list[tuple[int, bool]]:
    """A heading's columns with a caption and its translation one column ("Acumulado / YTD", "Mês / Month"): two
    headings of the same kind parted by a slash alone (blind probe r40a: "Acumulado / YTD" counted as two columns,
    each row's year-to-date figure read as the month's)."""
    merged: list[tuple[int, bool]] = []
    for start, is_month in found:
        translated = merged and BILINGUAL_SLASH.fullmatch(between_headings(folded, merged[-1][0], start))
        if translated and merged[-1][1] == is_month:
            continue
        merged.append((start, is_month))
    return merged


def between_headings(folded: str, first: int, second: int) -> str:
    """The text from the end of the heading's word at ``first`` to the heading at ``second``."""
    word = re.match(r"[a-z.]*", folded[first:])
    return folded[first + (word.end() if word else 0) : second]


# A year-to-date heading's own ending, no further column: "Acumulado ano", "Acumulados no ano", cut "Acum. ano" (blind
# probe r74f: "Cód. Descrição Qtd./Base Abonos Descontos Acum. ano" taken for a column after the year's, each deduction
# read as its year's total).
YTD_HEADING_TAIL = re.compile(
    r"^(?:[oa]s?(?![a-z])|\.)?(?:\s*\(?\s*(?:no\s+|do\s+|ao\s+)?(?:ano|anual|per[ií]odo)(?![a-z])\s*\)?)?"
)


# The rows under a heading looked at for one printing the year to date beside the month.
ROWS_UNDER_A_HEADING = 3


def ytd_column_heading(text: str, below: list[list[Segment]]) -> bool:
    """A heading naming a year-to-date column after this month's ("Abonos  Atual  Acumulado"), over rows of which
    one of the first whose value comes with a second amount: the row is this month's, its last amount the year to
    date. Not only the first: a row OCR or a text layer garbled may lack one."""
    folded = fold(text)
    matches = list(YTD_HEADING.finditer(folded))
    tail = YTD_HEADING_TAIL.sub("", folded[matches[-1].end() :]) if matches else ""
    if not matches or not has_words(label_text(folded[: matches[0].start()])) or has_words(tail):
        return False
    return any(
        len(row[-1].amounts) >= 2 and row[-1].role not in {None, "skip"}
        for row in [row for row in below if row][:ROWS_UNDER_A_HEADING]
    )


def without_a_ytd_figure(segment: Segment) -> bool:
    """Whether a row under a year-to-date column prints none: its last figure is its quantity times its rate ("Subsídio
    de alimentação 21 d x 6,00 126,00" under "Abonos  Descontos  YTD"), the month's amount, not the year's (blind
    probe r50a: the 126,00 taken off as the year's, the rate 6,00 left as the allowance and the slip flagged
    ``arithmetic_mismatch``). A row with its year's figure after that amount ("... 126,00 1.260,00") loses it."""
    return quantity_times_rate(segment) and not quantity_times_rate(
        Segment(segment.label, segment.amounts[:-1], segment.line_index, segment.confidence)
    )


CURRENCY_SIGNS = frozenset({"€", "eur", "euros"})


def header_fill(roles: list[str], value_text: str, below: list[Segment]) -> list[Segment]:
    """The value row's amounts with the header's roles, column by column (unchanged when columns do not match).

    Columns match when the header names as many roles as the row has amounts, or as many as the row
    has cells (amounts and runs of words: "2.664,40 2.796,40 Transferência 524,88").
    """
    amounts = [value for segment in below for value in segment.amounts]
    if len(roles) == len(amounts):
        assigned = list(zip(roles, amounts, strict=True))
    else:
        cells: list[str] = []
        # A currency sign after an amount is no cell of its own ("1.527,80 €").
        tokens = [
            token for token in re.split(r"\s+", fix_digits(value_text).strip()) if fold(token) not in CURRENCY_SIGNS
        ]
        for token in tokens:
            is_amount = bool(MONEY.fullmatch(token))
            if cells and not is_amount and not MONEY.fullmatch(cells[-1]):
                cells[-1] += " " + token
            else:
                cells.append(token)
        if len(cells) != len(roles):
            return below
        assigned = [(role, amounts_in(cell)[0][2]) for role, cell in zip(roles, cells, strict=True) if amounts_in(cell)]
    line_index, confidence = below[0].line_index, below[0].confidence
    return [Segment(role, [value], line_index, confidence, role) for role, value in assigned]


# --- Arithmetic ----------------------------------------------------------------------------------------


@dataclass
class Assignment:
    gross: Decimal
    deductions: Decimal
    net: Decimal
    score: float
    printed: dict[str, bool]


def reconcile(page: Page) -> Assignment | None:
    """The (gross, deductions, net) with gross - deductions = net that the page supports best.

    Scores: agreeing with a label (+4), contradicting one (-5), taking an amount another label claims
    (-4: the base salary is not the net); gross equal to the sum of the earning
    rows (+2); deductions equal to the sum of the deduction rows (+2); each of the three printed (+1);
    social security 11% of a printed base or of the gross (+1).
    """
    pool = sorted(page.pool)
    if not pool:
        return None
    earnings = [segment.value for segment in page.segments if segment.role in EARNING_ROLES]
    earnings_sum = sum(earnings, Decimal("0")) if len(earnings) >= 2 else None
    deduction_totals = [rows_total(page.rows(role)) for role in sorted(DEDUCTION_ROLES)]
    deductions_sum = sum((total for total in deduction_totals if total), Decimal("0")) or None
    generic_totals = {segment_value for s in page.rows("total") for segment_value in s.amounts}
    gross_options = set(pool) | ({earnings_sum} if earnings_sum else set())
    net_options = set(pool)
    best: Assignment | None = None
    for gross, net in itertools.product(gross_options, net_options):
        if net <= 0 or net >= gross:
            continue
        deductions = gross - net
        if deductions > gross * Decimal("0.7"):
            continue
        score = 0.0
        for role, value in (("gross_pay", gross), ("net_pay", net), ("total_deductions", deductions)):
            hinted = {v for v, _ in page.hints.get(role, [])}
            if value in hinted:
                score += 4
            else:
                if hinted:
                    score -= 5
                if value in labelled_otherwise(page, role):
                    score -= 4
                elif role != "net_pay" and value in generic_totals:
                    score += 1
        if earnings_sum is not None and gross == earnings_sum:
            score += 2
        if deductions_sum is not None and deductions == deductions_sum:
            score += 2
        printed = {
            "gross_pay": gross in page.pool,
            "net_pay": net in page.pool,
            "total_deductions": deductions in page.pool,
        }
        score += sum(printed.values())
        social = page.hint("social_security")
        if social is not None and any(close_to_rate(social, base) for base in [gross, *page.pool]):
            score += 1
        # The deductions must be on the page, as a total or as the sum of the deduction rows, and the
        # gross printed or the sum of the earning rows: otherwise any two amounts would "reconcile".
        if not printed["total_deductions"] and deductions != deductions_sum:
            continue
        if not printed["gross_pay"] and gross != earnings_sum:
            continue
        candidate = Assignment(gross, deductions, net, score, printed)
        if best is None or (candidate.score, candidate.gross) > (best.score, best.gross):
            best = candidate
    return best


def whole_euros_add_up(page: Page) -> bool:
    """Whether a page read in whole euros holds as a payslip with that reading: its labelled gross less its
    deduction rows is its labelled net ("Total ilíquido 1.400", "Seg. Social 138", "IRS 112", "Líquido 1.150")."""
    gross, net = page.hint("gross_pay") or earnings_total(page.segments), page.hint("net_pay")
    deductions = deduction_rows_sum(page.segments)
    if gross is None or net is None or deductions is None:
        return False
    return gross - deductions == net


def labelled_otherwise(page: Page, role: str) -> set[Decimal]:
    """Amounts whose label gives them a role that ``role`` cannot share.

    A gross may be the base salary alone, and total deductions the social security alone; generic
    totals and incidence bases claim nothing.
    """
    compatible = {role, "total", "ss_base"}
    if role == "gross_pay":
        compatible |= EARNING_ROLES
    elif role == "total_deductions":
        compatible |= DEDUCTION_ROLES
    return {value for other, values in page.hints.items() if other not in compatible for value, _ in values} - {
        value for value, _ in page.hints.get(role, [])
    }


def close_to_rate(amount: Decimal, base: Decimal, rate: Decimal = SS_EMPLOYEE_RATE) -> bool:
    return base > amount and abs((base * rate).quantize(CENT, rounding=ROUND_HALF_UP) - amount) <= CENT


# --- The payslip -----------------------------------------------------------------------------------------


# A bilingual caption's second language after a slash, up to its colon: "Trabalhador / Worker: Ana Sousa",
# "Nome / Name: ...". Only with the colon: "Nome / Empresa Quintas, Lda." is a value after the slash.
# Words qualifying the caption's role before its colon ("Trabalhador temporário:", "Colaboradora efetiva:",
# "Funcionário a termo:"): the caption's, not the name's. No number's caption ("Trabalhador NIF:").
ROLE_QUALIFIER = r"(?:(?:\s+(?!(?:nif|niss|nipc|n)(?![a-z]))[a-z]+){1,2}(?=\s*:))?"


def translated_caption(english: str) -> str:
    """A Portuguese caption's English half after its slash, one caption with it: any words up to a colon, or
    with no colon the English captions of the same party ("Nome / Name Ana Sousa", "Empresa / Employer Quintas,
    Lda.": blind probe r40a, "Employer" kept in the name or read as it)."""
    return rf"(?:\s*/\s*(?:[a-z][a-z .']{{0,24}}?(?=\s*:)|(?:{english})(?![a-z])))?"


# The employee's and the employer's captions in English, as a bilingual caption's second half prints them.
ENGLISH_EMPLOYEE_CAPTION = r"(?:employee|worker)(?:'s)?(?:\s+(?:full\s+)?name)?|(?:full\s+)?name"
ENGLISH_EMPLOYER_CAPTION = r"(?:employer|company)(?:'s)?(?:\s+name)?"
TRANSLATED_CAPTION = translated_caption(ENGLISH_EMPLOYEE_CAPTION)
EMPLOYEE_LABEL = re.compile(
    r"(?<![a-z])(?:nome\s+do\s+)?(?:funcion[aá]ri[oa]|trabalhadora?|colaboradora?|empregad[oa]|employee(?:\s+name)?"
    # Not an English caption of the employee's number or contributions ("Employee ID: 940140 Check No.: DD-75000",
    # "Employee NI TD £1,416.96": blind probe r35b, "Check No. Dd" and "Ni Td" read as the names). A Portuguese
    # caption's "N.º" may come before the name ("Colaborador Nº 123 Ana Silva").
    r"(?!\s*(?:id|no|nr|number|ni|nic|#)(?![a-z])))"
    r"(?![a-z])" + ROLE_QUALIFIER + TRANSLATED_CAPTION + r"\s*[:.]?"
    # The forces' and schools' own words for the employee, as labels only ("MILITAR: TIAGO ...", "Docente: ...").
    r"|(?<![a-z])(?:militar|docente|agente)\s*:"
    # A ship's crew member ("Tripulante: ..."), a trainee ("Estagiária: ..."), an apprentice ("Formando: ...").
    r"|(?<![a-z])(?:tripulante|estagiari[oa]|formand[oa]|aprendiz|seafarer|crew\s+member)\s*:"
    # A German slip's personnel number before the name on its line ("Personal-Nr. 20418 Filipa Leal": blind probe
    # r64a, the name unread).
    r"|(?<![a-z])personal\s?-?\s?(?:nr|nummer)\.?\s*:?\s*\d+\s"
    # Another country's payslip's caption for the employee: "Trabajador:", "Salarié :", "Dipendente:", "Werknemer:",
    # "Mitarbeiter:", "Arbeitnehmer:"; or the salutation of its window envelope ("Frau Laura Käser", "Mr ...").
    r"|(?<![a-z])(?:trabajador(?:a)?|empleado|salariee?|employee?|dipendente|lavorat(?:ore|rice)|werknemer"
    r"|mitarbeiter(?:in)?|arbeitnehmer(?:in)?)\s*:"
    r"|^\s*(?:frau|herrn?|madame|monsieur|mme|mrs|mr|ms|dhr|mevr)\.?\s"
    # Not the phrase "em nome de", "(empresário) em nome individual" (blind probe r36b: a sole trader's letterhead).
    r"|(?<![a-z])(?<!em\s)nome(?!\s+d[ao]\s+(?:empresa|entidade))" + TRANSLATED_CAPTION + r"\s*[:.]?"
    # A window envelope's addressee ("Exmo.(a) Senhor(a)", "Ex.ma Sr.ª"): on a payslip, the employee.
    r"|" + SALUTATION
)
# "Empresa"/"Entidade" alone label the employer; not as the head of a noun ("Empresa de Trabalho Temporário",
# a temp agency's trade) nor as the client's ("Empresa utilizadora").
EMPLOYER_LABEL = re.compile(
    r"(?:entidade\s+(?:patronal|empregadora)|empregador"
    # Not a number's caption naming whose it is ("NISS Empresa", "NIF Entidade": blind probe r36b, the captions
    # after it read as the employer's name).
    r"|(?<!niss\s)(?<!nif\s)(?<!nipc\s)(?:empresa|entidade)(?![a-z])(?!\s+(?:de|utilizadora|cliente)(?![a-z])))"
    # Its English half after a slash is the same caption ("Empresa / Employer", "A Entidade Patronal / Employer").
    + translated_caption(ENGLISH_EMPLOYER_CAPTION)
    + r"\s*[:.]?"
    # In English only as a caption with its colon: "Employer: ...", not an "Employer SS contribution" row.
    r"|(?<![a-z])employer\s*:"
    # Another country's caption for the employer: "Ditta:", "Employeur :", "Arbeitgeber:", "Werkgever:".
    r"|(?<![a-z])(?:ditta|employeur|arbeitgeber|werkgever|empleador|razon\s+social)\s*:"
)
# A temp agency's payslip names the company the worker is placed with ("Empresa utilizadora (cliente)"):
# neither its name nor its NIF is the employer's.
CLIENT_LABEL = re.compile(r"(?:empresa|entidade)\s+utilizadora|(?<![a-z])cliente(?![a-z])")
NEXT_LABEL = re.compile(r"(?<![A-Za-zÀ-ÿ])[a-z]?(?:N\.?\s?[I1l]\.?\s?F|NIPC|NISS|[Nn]if|[Nn]ipc|[Nn]iss)\b")
# The next field's caption after a value on the same line, known by its colon whatever its word: a capitalised
# word and the small words after it, then a colon ("Tiago André Figueiredo Sá Função: Farmacêutica adjunta",
# "Ana Sousa Local de trabalho: Lisboa"). A text layer parts the two fields by a column gap; OCR joins them by one
# space (blind probe r42a: the name lost on every scan of a slip whose job title sits right of it, "Função" being
# no payroll word). Only after the value has begun: a caption's own "N.º: 0217" before the name stays.
NEXT_CAPTION = re.compile(r"(?<=\S)\s+[A-ZÀ-Ý][^\s:]*(?:\s+[a-zß-ÿ][^\s:]*){0,3}\s*:")
# A dotted leader between a label and its value ("Nome ........ Ana").
LEADER = re.compile(r"\.{3,}|…")


def after_leader(text: str) -> str:
    """The value after a label's dotted leader: the first stretch after a leader with a capital or a figure in
    it. A scan leaves stray letters in a leader ("....eee.... Ana"), and may join the next column's label and
    leader to the value ("Ana Sousa Secção ...... Acabamentos"): neither is the value."""
    parts = LEADER.split(text)
    if len(parts) == 1:
        return text
    return next((part for part in parts[1:] if re.search(r"[A-ZÀ-Ý\d]", part)), parts[-1])


# The employee's side of a signature footer, printed right after "A Entidade Patronal".
SIGNATURE_COUNTERPART = re.compile(
    r"^(?:[oa]\s+|the\s+)?(?:trabalhador|trabalhadora|colaborador|colaboradora|funcion[aá]ri[oa]|empregad[oa]|recebi"
    r"|employee|worker)(?![a-z])"
)
# An employee number printed before the name ("T-1184 João Nunes") is no name word either.
NOT_A_NAME_WORD = re.compile(r"^(?:[^A-Za-zÀ-ÿ].*|[a-zà-ÿ]\S*|\S*([A-Za-zÀ-ÿ])\1\1\S*|\S*\d\S*)$")


# What separates a header's fields on one line: "Nome: Ana Sousa · Categoria: ...", "Ana Sousa | NIF ...", "Colaborador
# 0217 — Ana Sousa — Motorista".
FIELD_BREAK = re.compile(r"\s[·•|—]\s")


def without_leader(text: str) -> str:
    """The value after a label's dotted leader, without the leader's remains in a scan."""
    words = re.sub(r"[;|]", " ", after_leader(text)).split()
    while words and NOT_A_NAME_WORD.match(words[0]) and not capital_read_small(words):
        words.pop(0)
    if words and capital_read_small(words):
        words[0] = words[0][0].upper() + words[0][1:]
    return " ".join(words)


# Letters whose capital is their small letter drawn taller: OCR of a photo reads one for the other ("vítor Hugo
# Salgado Pinto" for "Vítor ...": blind probe r54a, the first given name dropped as a leader's remains). Also those
# whose small letter is its capital's shape on the baseline or under it, j, k, p and y ("joana Filipa Monteiro Faria"
# off a phone's photo: blind probe r56a, the name read as "Filipa Monteiro Faria").
SAME_SHAPE_CAPITALS = "cjkopsuvwxyz"
# A word of such a small first letter and small letters after it.
SMALL_CAPITAL_WORD = re.compile(rf"[{SAME_SHAPE_CAPITALS}][a-zß-ÿ]{{2,}}")


def capital_read_small(words: list[str]) -> bool:
    """Whether the first word is a name's first word its capital read small: one of the letters drawn alike in
    both sizes, then small letters, no particle, a capitalised word after it (a leader's remains are none of these:
    "eee", ".....")."""
    return (
        len(words) >= 2
        and bool(SMALL_CAPITAL_WORD.fullmatch(words[0]))
        and words[0] not in NAME_PARTICLES
        and not NOT_A_NAME_WORD.match(words[1])
    )


# A foreign company's branch after its name, on folded text.
BRANCH = re.compile(rf"(?:{BRANCH_WORDS})(?![a-z])")
COMPANY_SUFFIX = re.compile(
    # A form of several dotted letters first, whole: France's "S.A.S." (blind probe r49a: "Atelier ... Conseil, S.A.S. -
    # Sucursal em Portugal" cut inside it, to "..., S.A.", and its branch lost).
    r"\b(s\.\s?a\.\s?s|lda|s\.?\s?a|unipessoal|sociedade|limitada|s\.?\s?g\.?\s?p\.?\s?s|s\.?\s?p\.?,?\s?r\.?\s?l|c\.?\s?r\.?\s?l"
    # A public institute's "I.P.", not the inside of the caption "N.I.P.C." (doc probe 29: "N.I.P." as the name).
    r"|i\.\s?p(?!\.\s?c(?![a-z]))|e\.\s?p\.\s?e|e\.\s?m"
    # A complementary grouping of companies, and foreign companies' forms.
    r"|ace|ltd|gmbh(?:\s?&\s?co\.?\s?kg)?|b\.\s?v|sarl|sas"
    # Spain's "S.L." and "S.L.U." (blind probe r35b: cut to "S.L."), Italy's "S.r.l." and "S.p.A.", Germany's and
    # Switzerland's "AG", Brazil's "Ltda.", the US's
    # "Inc." and "LLC", the UK's "plc".
    r"|s\.\s?l\.\s?u|s\.\s?l|s\.\s?r\.\s?l|s\.\s?p\.\s?a|ag(?!\.)|ltda|inc|llc|plc"
    # Belgium's "SRL"/"BV" (since 2019's code of companies), the older "SPRL"/"BVBA", and "SCRL" undotted (blind
    # probe r66a: "Meuse Digital SRL" unread).
    r"|srl|sprl|bvba|scrl"
    # Brazil's "S/A" (a Brazilian company's branch, and the form generators of Portuguese test data print).
    r"|s/a)\b\.?"
)


# A copy's mark with whose copy it is ("Original — Trabalhador", "Duplicado - Empresa", "Via do colaborador"): its
# "Trabalhador" is no caption of the name (blind probe r34b: the letterhead's street under it read as the name).
COPY_MARK_LINE = re.compile(
    r"\W*(?:original|duplicado|triplicado|copia|2\.?\s?a\s+via|via)(?:\s*[-—–:/|]?\s*(?:d[oa]\s+|para\s+[oa]\s+)?"
    r"(?:trabalhador[a]?|colaborador[a]?|funcionari[oa]|empregad[oa]|empresa|entidade(?:\s+\w+)?|empregador))?\W*"
)


# Payslips of more than one worker in one file (a couple's, or colleagues' printed together): not the months of one
# person ``multiple_payslips`` alone would say, so staff know the other slip is someone else's (blind probe r46b).
MULTIPLE_EMPLOYEES = "multiple_employees"
# Two workers' names this alike (difflib's ratio, folded) are one name, OCR's misreadings apart.
NAMES_ALIKE = 0.85


def several_employees(slips: list[Parsed]) -> bool:
    """Whether the slips are more than one worker's: two employee NIFs (their check digit leaves a misread one out),
    else, a NIF unread on all but one, two names that do not read alike."""
    nifs = {slip.fields["employee_nif"] for slip in slips if slip.fields.get("employee_nif")}
    if len(nifs) >= 2:
        return True
    if sum(1 for slip in slips if slip.fields.get("employee_nif")) >= 2:
        return False  # every NIF read is the same worker's
    names = [fold(slip.fields["employee_name"]) for slip in slips if slip.fields.get("employee_name")]
    return any(
        difflib.SequenceMatcher(None, one, other).ratio() < NAMES_ALIKE
        for one, other in itertools.combinations(names, 2)
    )


def parse_payslip(lines: list[Line]) -> Parsed:
    lines = [
        line for line in first_of_two_copies(left_of_two_copies(lines)) if not COPY_MARK_LINE.fullmatch(fold(line.text))
    ]
    left = left_of_two_payslips(lines)
    if left is None:
        parsed = parse_one_payslip([misreads_put_right(line) for line in lines])
        if pages_missing(lines):
            parsed.warnings.append(PAYSLIP_PAGES_MISSING)
        return parsed
    parsed = parse_one_payslip([misreads_put_right(line) for line in left.lines])
    column = left.lines
    # Two months side by side (a landscape page of one worker's September and October): the latest month is read,
    # as of two pages (blind probe r42a: September's amounts read, October's wanted, the period of neither).
    right = parse_one_payslip([misreads_put_right(line) for line in left.right_lines])
    if parsed.fields.get("period") and right.fields.get("period", "") > parsed.fields["period"]:
        parsed, column = right, left.right_lines
    # A slip's name may go on in a line both slips share: not knowing its end, the name is left unread.
    name = parsed.fields.get("employee_name")
    if name and any(fold(name.split()[-1]) in fold(column[at].text) for at in left.before_shared):
        parsed.fields.pop("employee_name")
        parsed.confidence.pop("employee_name", None)
        parsed.warnings.append("missing:employee_name")
    parsed.warnings.append("multiple_payslips")
    if several_employees([parsed, right]):
        parsed.warnings.append(MULTIPLE_EMPLOYEES)
    return parsed


# A page's number out of the slip's pages, on folded text ("Página 1 de 2", "Pág. 2/2", "Page 1 of 2").
PAGE_OF_PAGES = re.compile(r"(?<![a-z])(?:pagina|pag\.?|page)\s*(\d{1,2})\s*(?:de|of|/)\s*(\d{1,2})(?!\d)")
# Its slash read by OCR as a 1, an l or a bar ("Pág. 2/2" read "Pág. 212": blind probe r80a, a scan holding both pages
# warned payslip_pages_missing): a few pages' numbers, no other figure beside them.
PAGE_SLASH_MISREAD = re.compile(r"(?<![a-z])(?:pagina|pag\.?|page)\s*([1-4])\s?[1l|i]\s?([1-4])(?![\d/.,])")
# A page that goes on from another or onto another, in a title or a foot ("PAYSLIP (continued)", "continued overleaf",
# "(continuação)", "continua no verso").
PAGE_CONTINUED = re.compile(r"(?<![a-z])(?:continued|continuacao|continua\s+n[oa]|\(cont\.?\))")


def pages_missing(lines: list[Line]) -> bool:
    """Whether the payslip's pages say it runs to pages not read: its page numbers name pages none of its lines is
    ("Page 1 of 2" alone), or, none read, a page says it goes on from or onto another. A photo of each page sent as
    a file of its own reads one page of a slip: its totals or whose it is are on the other (blind probe r75a, D5). A
    file holding every page reads every number, and says nothing."""
    numbered = [page_number(line) for line in lines]
    pages = {(int(found[1]), int(found[2])) for found in numbered if found}
    plausible = {(page, of) for page, of in pages if 1 <= page <= of <= MOST_PAYSLIP_PAGES}
    if plausible:
        of = max(total for _, total in plausible)
        return {page for page, _ in plausible} != set(range(1, of + 1))
    return any(PAGE_CONTINUED.search(fold(line.text)) for line in lines)


def page_number(line: Line) -> re.Match[str] | None:
    """A line's "page n of m", its slash misread on a line OCR read."""
    folded = fold(line.text)
    found = PAGE_OF_PAGES.search(folded)
    if found is None and line.confidence < 1.0:
        found = PAGE_SLASH_MISREAD.search(folded)
    return found


# A payslip runs to a few pages at most: "page 1 of 20" is a misread, or another document's.
MOST_PAYSLIP_PAGES = 4


def parse_one_payslip(lines: list[Line]) -> Parsed:
    parsed = Parsed()
    page = read_page(lines)
    if not page.pool:
        # No amount with cents on the page: a small employer's slip in whole euros ("1.250"), read so when the
        # slip's own arithmetic holds with that reading.
        whole = read_page(lines, whole_euros=True)
        if whole_euros_add_up(whole):
            page = whole
    payslip_amounts(page, parsed)
    irs_row_cut_by_ocr(lines, page, parsed)
    income_tax_between_the_nets(lines, page, parsed)
    net_through_broken_figures(lines, page, parsed)
    net_in_words(lines, parsed)
    none_withheld(page, parsed)
    payslip_subsidies(page, parsed, foreign=another_countrys_payslip(lines) or bool(paid_in_another_currency(lines)))
    if subsidy_unread(lines, page):
        parsed.warnings.append(SUBSIDY_UNREAD)
    parsed.unpaid_absence = -sum(
        (s.value for s in page.segments if s.role in EARNING_ROLES and s.value < 0), Decimal(0)
    )
    assign_payslip_nifs(lines, parsed)
    receipt_declaration(lines, parsed)
    name_under_its_column_caption(lines, parsed)
    name_in_the_workers_box(lines, parsed)
    payslip_people([*header_cells(lines), *lines], parsed)
    name_over_personnel_number(lines, parsed)
    addressee_beside_letterhead(lines, parsed)
    employer = parsed.fields.get("employer_name")
    if employer:
        parsed.fields["employer_name"] = without_glued_caption(
            without_trailing_marks(without_logo_letters(without_monogram(without_leading_marks(employer)), lines))
        )
    for party in ("employer_name", "employee_name"):
        if captions_only(parsed.fields.get(party)):
            parsed.fields.pop(party)
            parsed.confidence.pop(party, None)
    name_beside_nif(lines, parsed)
    name_heading_the_workers_block(lines, parsed)
    name_misread(lines, parsed)
    employer_without_the_worker(parsed)
    if "employee_name" in parsed.fields and "missing:employee_name" in parsed.warnings:
        parsed.warnings.remove("missing:employee_name")  # a cut name on one line, the whole one on another
    payslip_period(lines, parsed)
    payslip_payment_date([days_put_first(line) for line in lines] if dates_month_first(lines) else lines, parsed)
    # A week's or a fortnight's stub is no month's slip: the screening counts it by its frequency (ADR 037).
    read_pay_frequency([days_put_first(line) for line in lines] if dates_month_first(lines) else lines, parsed)
    parsed.unpaid_absence += pay_short_of_a_whole_month(lines, page, parsed)
    # A stub's days are its pay period's (ADR 037), not a month's first ones.
    if not parsed.fields.get("pay_frequency") and admitted_within_the_month(lines, page, parsed.fields.get("period")):
        parsed.warnings.append(STARTED_WITHIN_MONTH)
    if wage_by_the_hour(page):
        # Read as the month's base for the checks above (its 11%, a month short of it), never given as one.
        parsed.fields.pop("base_salary", None)
        parsed.confidence.pop("base_salary", None)
    another_currency = paid_in_another_currency(lines)
    if another_currency:
        # Read as printed, not converted, nor a Portuguese salary's 14 payments: whoever weighs it must know.
        parsed.warnings.append("currency_not_eur")
    if another_currency or another_countrys_payslip(lines):
        # Another country's salary is paid 12 times a year, not a Portuguese one's 14: the rules count it so.
        parsed.warnings.append(FOREIGN_PAYSLIP)
    return parsed


# A base row paying hours or days, on folded text ("Remuneração horas normais 168 5,75 966,00", "Salário diário"),
# and one naming a monthly base all the same ("Vencimento base (tempo parcial 20 horas)").
WAGE_BY_THE_HOUR = re.compile(r"(?<![a-z])(?:horas?|horaria|hours?|hourly|diari[oa]|daily)(?![a-z])")
MONTHLY_BASE = re.compile(r"(?<![a-z])(?:base|mensal|basic|monthly)(?![a-z])")


def wage_by_the_hour(page: Page) -> bool:
    """Whether the month's pay is an hourly or a daily wage: every base row read names hours or days worked, none
    a monthly base. Such a slip prints no base salary as such (docs/api.md), and the row's amount is the month's
    hours at the rate, not one (blind probe r61a: a temp agency's "horas normais" row given as the base salary,
    or its hours run into the amount and the base then said implausible)."""
    rows = page.rows("base_salary")
    return bool(rows) and all(
        (WAGE_BY_THE_HOUR.search(fold(row.label)) or days_or_hours_at_a_rate(row))
        and not MONTHLY_BASE.search(fold(row.label))
        for row in rows
    )


# The unit of a quantity of time worked in a base row's caption, on folded text: days ("22 dias", "22d", "Valor/dia")
# or hours ("168 h", "horas").
TIME_WORKED = re.compile(r"(?<![a-z])(?:dias?|d|horas?|h|hrs?|days?|hours?)(?![a-z])")


def days_or_hours_at_a_rate(row: Segment) -> bool:
    """Whether a base row pays days or hours at a rate, its caption naming no wage by the day or the hour: its caption
    names days or hours, and its amount is a quantity times a rate, neither of them one ("Vencimento (22 dias x
    48,00) 1.056,00", "Vencimento 22d × 48,00 €", "Vencimento — Dias: 22 | Valor/dia 48,00"). A daily wage's month,
    no monthly base (blind probe r73b: the days' pay given as the base salary, another each month)."""
    if not TIME_WORKED.search(fold(row.label)):
        return False
    *figures, amount = row.amounts
    figures += [Decimal(number.replace(",", ".")) for number in QUANTITY.findall(row.label)]
    return any(
        first > 1 and second > 1 and abs((first * second).quantize(CENT, rounding=ROUND_HALF_UP) - amount) <= CENT
        for first, second in itertools.combinations(figures, 2)
    )


# --- A month not paid whole -------------------------------------------------------------
#
# A base salary above the gross is the month's pay less the days not paid. Besides a row of pay withheld for an
# absence (``pay_withheld``), a slip prints those days as unpaid leave or a strike, or as a contract starting or ending
# within the month, or as a base row paying some days of it (blind probe r50a: "Licença sem vencimento (10 dias)
# −460,00"; "Admissão: 16/11/2026" over "Vencimento (16 a 30 de novembro) 825,00": both bases dropped as implausible).

# Unpaid leave and a strike by their names, on folded text.
UNPAID_LEAVE = re.compile(
    r"licenca\s+sem\s+(?:vencimento|retribuicao|remuneracao)|(?<![a-z])greve(?![a-z])"
    r"|dias?\s+(?:nao\s+(?:pagos|remunerados)|sem\s+(?:vencimento|retribuicao))|suspensao\s+d[oe]\s+contrato"
    r"|(?<![a-z])(?:strike|unpaid\s+days?)(?![a-z])"
)
# A contract's first or last day by its caption, then its date ("Admissão: 16/11/2026", "Data de saída 14-11-2026",
# "Hire date 16.11.2026"), on folded text.
CONTRACT_DAY = re.compile(
    r"(?<![a-z])(?:(?P<start>(?:(?:data|dt)\.?\s*(?:de\s+|da\s+)?)?admiss(?:ao|\.)?|data\s+de\s+(?:entrada|inicio)"
    r"|inicio\s+d[oe]\s+(?:contrato|funcoes)|(?:hire|joining)\s+date|date\s+of\s+(?:hire|joining))"
    r"|(?P<end>data\s+de\s+(?:saida|cessacao|demissao|termo|fim)|cessacao\s+do\s+contrato|fim\s+do\s+contrato"
    r"|(?:leaving|termination)\s+date))(?![a-z])[\s:.-]*(?P<day>\d{1,2})[./-](?P<month>\d{1,2})[./-](?P<year>\d{4})"
)
# The days a base row pays, in its words: "(16 a 30 de novembro)", "01/11 a 15/11", or its quantity "15 d", "15 dias".
DAYS_FROM_TO = re.compile(r"(?<!\d)(\d{1,2})(?:[./-]\d{1,2})?\s+(?:a|ate|to)\s+(\d{1,2})(?:\s+de\s+[a-z]|[./-]\d{1,2})")
DAYS_QUANTITY = re.compile(r"(?<![\d,.])(\d{1,2})\s?d(?:ias?)?(?![a-z])")
# A month's pay by the day counts 30 days, whatever the calendar's (a month's quantity "30 d").
PAYROLL_MONTH_DAYS = 30
# The leaves whose days the Segurança Social pays apart, by their names on folded text: sickness (a baixa, doença), the
# parental leaves, a child's or a grandchild's assistance, a prophylactic isolation (Decreto-Lei 28/2004, 91/2009).
# Not unpaid leave, a strike, an unjustified absence, nor an accident at work (an insurer pays that).
LEAVE_PAID_APART_WORDS = (
    r"(?<![a-z])(?:baixa|doenca|parental|parentalidade|maternidade|paternidade|sick|maternity|paternity)(?![a-z])",
    r"(?<![a-z])assistencia\s+(?:a|ao|aos|a\s+um|ao\s+um)?\s*(?:filhos?|netos?|familiar(?:es)?|menor(?:es)?)",
    r"(?<![a-z])isolamento\s+profilatico",
)
LEAVE_PAID_APART = re.compile("|".join(LEAVE_PAID_APART_WORDS))
# Any leave or absence by its name, on folded text: besides unpaid leave and a strike, parental, maternity and
# paternity leave (the Segurança Social pays those days, the employer withholds them), sick leave, absences, and a
# lay-off's reduction of hours (blind probe r54b: "Licença parental inicial (27 dias) -1.260,00", the base dropped as
# implausible beside sick leave's and a strike's, kept).
LEAVE_OR_ABSENCE = re.compile(
    UNPAID_LEAVE.pattern + r"|(?<![a-z])(?:licencas?|parental|parentalidade|maternidade|paternidade|baixa|doenca"
    r"|faltas?|ausencias?|lay[\s-]?off|absences?|(?:sick|parental|maternity|paternity)\s+leave)(?![a-z])"
    r"|(?<![a-z])reducao\s+(?:temporaria\s+)?d[eoa]s?\s+(?:horario|horas|pnt|periodo\s+normal)"
    r"|" + r"|".join(LEAVE_PAID_APART_WORDS)
)
# A row's days, in its caption: "(27 dias)", "27 d".
DAYS_NAMED = re.compile(r"(?<![\d,.])\d{1,2}\s?d(?:ias?)?(?![a-z])|(?<![a-z])days?(?![a-z])")
# A lay-off by its name on the page ("Lay-off (redução do PNT)", "Redução temporária do período normal de trabalho"),
# on folded text.
LAY_OFF = re.compile(
    r"(?<![a-z])lay[\s-]?off(?![a-z])|reducao\s+(?:temporaria\s+)?do\s+(?:pnt|periodo\s+normal\s+de\s+trabalho)"
)
# A lay-off pays at least two thirds of the worker's normal gross pay (Código do Trabalho, art. 305.º, n.º 1, a)):
# its month's gross may fall a third short of the base, no more.
LAY_OFF_SHORT = Decimal(1) / Decimal(3)


def pay_short_of_a_whole_month(lines: list[Line], page: Page, parsed: Parsed) -> Decimal:
    """What the slip says the month paid short of the base, beyond the rows of pay withheld for an absence: its rows
    of unpaid leave printed with a minus, and the base's share of the days before the contract started or after it
    ended within the month, or of those its base row does not pay. Zero when it prints none of them; the base check
    then holds a base above the gross for a misreading."""
    short = sum((s.value for s in page.segments if withheld_for_leave(s)), Decimal(0))
    base, period = parsed.fields.get("base_salary"), parsed.fields.get("period")
    if base is not None and LAY_OFF.search(fold("\n".join(line.text for line in lines))):
        # A lay-off's reduced hours are paid in part, and its rows need print no minus ("Remuneração horas trabalhadas
        # (redução 40%) 720,00", "Compensação retributiva"): blind probe r54b, the base dropped as implausible.
        short += (base * LAY_OFF_SHORT).quantize(CENT, rounding=ROUND_UP)
    if base is None or not period:
        return short
    year, month = (int(part) for part in period.split("-"))
    if not (1 <= month <= 12):
        return short
    month_days = calendar.monthrange(year, month)[1]
    days_out = 0
    for line in lines:
        for found in CONTRACT_DAY.finditer(fold(fix_digits(line.text))):
            day = int(found["day"])
            if (int(found["year"]), int(found["month"])) != (year, month) or not 1 <= day <= month_days:
                continue
            days_out = max(days_out, day - 1 if found["start"] else month_days - day)
    for row in page.segments:
        if row.role != "base_salary":
            continue
        label = fold(row.label)
        span = DAYS_FROM_TO.search(label)
        if span and 1 <= int(span[1]) <= int(span[2]) <= month_days:
            days_out = max(days_out, month_days - (int(span[2]) - int(span[1]) + 1))
        quantity = DAYS_QUANTITY.search(label)
        if quantity and 0 < int(quantity[1]) < PAYROLL_MONTH_DAYS:
            days_out = max(days_out, PAYROLL_MONTH_DAYS - int(quantity[1]))
    share = min(Decimal(days_out) / min(month_days, PAYROLL_MONTH_DAYS), Decimal(1))
    return short + (base * share).quantize(CENT, rounding=ROUND_UP)


def admitted_within_the_month(lines: list[Line], page: Page, period: str | None) -> bool:
    """Whether the slip shows its month is a job's first: an admission printed after the month's first day
    ("Admissão: 10/11/2026" on November's), or a base row paying from a later day to the month's end ("Vencimento
    (10 a 30 de novembro)") where no leave or absence explains the days before. Paid for the days since, with no
    payslip of this job before it (blind probe r68b: averaged as a whole month, and payslips of months before the
    admission asked for)."""
    if not period:
        return False
    year, month = (int(part) for part in period.split("-"))
    if not (1 <= month <= 12):
        return False
    for line in lines:
        for found in CONTRACT_DAY.finditer(fold(fix_digits(line.text))):
            if found["start"] and (int(found["year"]), int(found["month"])) == (year, month) and int(found["day"]) > 1:
                return True
    if any(leave_row(row) for row in page.segments):
        return False
    last_day = min(calendar.monthrange(year, month)[1], PAYROLL_MONTH_DAYS)
    for row in page.rows("base_salary"):
        span = DAYS_FROM_TO.search(fold(row.label))
        if span and 1 < int(span[1]) <= int(span[2]) and int(span[2]) >= last_day:
            return True
    return False


def withheld_for_leave(row: Segment) -> bool:
    """Whether a row is pay withheld for a leave or an absence the pay rows do not take off themselves: printed with a
    minus, its caption naming a leave, an absence or its days ("Licença parental inicial (27 dias) -1.260,00"); or a
    deduction's, its caption naming a leave or an absence ("Faltas injustificadas (3 dias) 108,00" among the
    descontos). Rows printed with a minus an absence's name makes pay withheld already (``pay_withheld``) are not
    counted again."""
    if row.value <= 0 or row.role not in (None, "other_deduction"):
        return False
    caption = fold(row.label)
    if row.negative:
        return bool(LEAVE_OR_ABSENCE.search(caption) or DAYS_NAMED.search(caption))
    return row.role == "other_deduction" and bool(LEAVE_OR_ABSENCE.search(caption))


def leave_row(row: Segment) -> bool:
    """Whether a row withholds pay for a leave or an absence (``leave_withheld``): those ``withheld_for_leave`` counts,
    and an earning printed with a minus whose caption names a leave, an absence or an illness, with its days or not
    ("Ausência por doença (8 dias) -333,33", "Faltas injustificadas -120,00"): ``pay_withheld`` made it pay withheld
    already (the gross takes it off), and the month paid less all the same (blind probe r68b: such a month counted
    0,00 € with no word, "Baixa por doença" beside it warned)."""
    if withheld_for_leave(row):
        return True
    return row.role == "earning" and row.negative and row.value < 0 and bool(LEAVE_OR_ABSENCE.search(fold(row.label)))


def leave_paid_apart(row: Segment) -> bool:
    """Whether a leave row's days are paid apart by the Segurança Social (``LEAVE_PAID_APART``), not unpaid leave."""
    caption = fold(row.label)
    return bool(LEAVE_PAID_APART.search(caption)) and not UNPAID_LEAVE.search(caption)


# Another currency than the euro as a payslip prints it, on folded text: a sign or a code beside its amounts, or
# the words of a line saying what they are in ("All amounts in GBP", "Moeda: USD", "Net pay £2,500.00"). Those of
# the countries Portugal's foreign residents come from first: the kwanza ("Kz"), the metical ("MT" by an amount),
# the Cape Verdean escudo ("1.000$00", "CVE"), the real ("R$"), the pound, the dollar, the Swiss franc, the rupee
# ("₹", "INR", "NPR"), the hryvnia ("₴"), the yuan ("¥", "RMB").
FOREIGN_CURRENCY = re.compile(
    r"£|\$|[₹₴¥₽₦]|(?<![a-z])(?:gbp|usd|chf|brl|cad|aud|jpy|cve|aoa|mzn|sek|nok|dkk|pln|czk|huf"
    r"|inr|npr|uah|cny|rmb)(?![a-z])"
    r"|(?<![a-z])kz(?![a-z])|\d\s?mt(?![a-z])|(?<![a-z])mt\s?\d"
    r"|(?<![a-z])(?:pounds?\s+sterling|reais|dollars?|francs?\s+suisses?|kwanzas?|meticais|hryvnias?|rupees?"
    r"|yuan|renminbi)(?![a-z])"
)
EURO = re.compile(r"€|(?<![a-z])eur(?:os?)?(?![a-z])")


# A currency's sign of one stroke, alone by an amount: OCR makes one of a "€" a stamp, a signature or a fold
# blotted ("1.005,50 £"). "R$" and the Cape Verdean "1.000$00" are not alone.
SIGN_ALONE = re.compile(r"(?<![a-z\d])[£$¥₹₴₽₦]|(?<=\d)[£$¥₹₴₽₦](?!\d)")
# A Portuguese employer's or worker's numbers by their captions: a NIPC, a NISS.
PORTUGUESE_NUMBER_CAPTIONS = re.compile(r"(?<![a-z])(?:nipc|niss|n\.\s?i\.\s?p\.\s?c)(?![a-z])")


def paid_in_another_currency(lines: list[Line]) -> bool:
    """Whether the slip names another currency and the euro nowhere: a Portuguese slip often prints its amounts
    bare, but never in pounds, dollars or reais. On a Portuguese slip's scan, a sign alone is no evidence: it is
    as likely a blotted "€" (a slip in another currency would print its code or its name, or on a text layer its
    sign as it is)."""
    text = fold("\n".join(line.text for line in lines))
    if amounts_headed_in_another_currency(lines):
        return True
    if EURO.search(text):
        return False
    portuguese = bool(PORTUGUESE_PAYROLL_WORDS.search(text) or PORTUGUESE_NUMBER_CAPTIONS.search(text))
    return any(names_another_currency(line, portuguese_scan=portuguese and line.confidence < 1.0) for line in lines)


def amounts_headed_in_another_currency(lines: list[Line]) -> bool:
    """Whether a table's heading names its amount columns by another currency's code and none by the euro's
    ("Description  Amount (GBP)"), over rows of amounts: those are what is read, whatever else on the page names the
    euro (a rate "1 EUR = 0.8431 GBP"). A sign alone is no code: OCR makes a "£" of a blotted "€"."""
    for index, line in enumerate(lines):
        currencies = currency_columns(line.text)
        if not currencies or any(currencies):
            continue
        if not any(re.search(r"[a-z]", match.group(0)) for match in FOREIGN_CURRENCY.finditer(fold(line.text))):
            continue
        below = [row for row in lines[index + 1 :] if not section_caption(row.text)][:ROWS_UNDER_A_HEADING]
        if sum(1 for row in below if amounts_in(portuguese_figures(fix_digits(row.text)))) >= 2:
            return True
    return False


SECTION_CAPTION_WORDS = 3


def section_caption(text: str) -> bool:
    """Whether a line is a table's section caption between a currency's heading and its rows ("GBP" over "Earnings"
    over "Salary £3,600.00"): a word or a few, no figure (blind probe r66a: the pounds' heading looked past, a
    footer's euro equivalent taken for the slip's currency)."""
    return not re.search(r"\d", text) and 0 < len(WORDS.findall(text)) <= SECTION_CAPTION_WORDS


def names_another_currency(line: Line, *, portuguese_scan: bool) -> bool:
    """Whether the line prints another currency: its code, its name, or its sign (a sign alone not on a
    Portuguese slip's scan)."""
    folded = fold(line.text)
    return any(
        not (portuguese_scan and SIGN_ALONE.match(folded, match.start())) for match in FOREIGN_CURRENCY.finditer(folded)
    )


# Another country's payroll by its words (on folded text): its payslip's title, its taxes and contributions (the
# UK's PAYE and National Insurance, Spain's IRPF, Italy's IRPEF and INPS, Brazil's INSS, IRRF and FGTS, Angola's
# IRT, the US federal income tax and Medicare, Germany's Lohnsteuer, the Dutch loonheffing, France's CSG, the
# Swiss AHV) and its captions for the net and the gross.
FOREIGN_PAYROLL_WORDS = re.compile(
    FOREIGN_PAYSLIP_TITLE
    + r"|(?<![a-z])(?:paye|irpf|irpef|inps|inss|irrf|fgts|irt|csg|ahv|avs|medicare)(?![a-z])|national\s+insurance"
    r"|federal\s+income\s+tax|lohnsteuer|loonheffing|securite\s+sociale|seguridad\s+social|sozialversicherung"
    r"|(?<![a-z])net\s+(?:a\s+payer|paye)|(?<![a-z])netto|auszahlung|a\s+percibir|(?<![a-z])brutto|devengado"
    # An employer of record's slip in English says where the work is, and its employer's legal form is another
    # country's (blind probe r35b: a German salary in euros, "Country: Germany", read as a Portuguese one's 14).
    r"|(?<![a-z])country\s*:\s*(?!portugal)[a-z]|(?<![a-z])(?:gmbh|ltd|llc|plc|sarl)(?![a-z])|(?<![a-z])inc\."
)
# A Portuguese payslip's own words: its taxes and contributions, its subsidies, its title. A slip printing them is
# Portugal's, whatever other language it also speaks ("Payslip / Recibo de vencimento", "IRS withholding").
PORTUGUESE_PAYROLL_WORDS = re.compile(
    r"(?<![a-z])(?:irs|tsu|niss|cga|adse)(?![a-z])|seguranca\s+social"
    r"|subsidio\s+de\s+(?:refeicao|alimentacao|ferias|natal)|recibo\s+de\s+vencimento"
)


def another_countrys_payslip(lines: list[Line]) -> bool:
    """Whether the slip speaks another country's payroll (its title, its taxes, its captions) and none of
    Portugal's: a French, German or Spanish salary paid in euros is paid 12 times a year all the same."""
    text = fold("\n".join(line.text for line in lines))
    return bool(FOREIGN_PAYROLL_WORDS.search(text)) and not PORTUGUESE_PAYROLL_WORDS.search(text)


# --- Two payslips side by side ----------------------------------------------------------------------------


@dataclass
class LeftColumn:
    """The left payslip's lines, the right one's, and where a line both slips share (neither can be told from the
    other's) came right after one of them."""

    lines: list[Line]
    before_shared: set[int]
    right_lines: list[Line]


# Rows of amounts each printed twice with the same caption that make a page of two payslips side by side.
SIDE_BY_SIDE_ROWS = 3


# A copy holds at least this many lines; of its lines and the other copy's, this share at least read alike.
COPY_LINES = 8
COPIES_ALIKE = 0.85
# Two lines this alike (difflib's ratio) are one line read twice, OCR's misreadings apart.
LINE_ALIKE = 0.85
# The dates and months a payslip prints: its period and its payment date.
DATES_PRINTED = re.compile(
    r"\d{1,2}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?\d{2,4}|(?<!\d)\d{1,2}\s?/\s?\d{4}"
    r"|(?:janeiro|fevereiro|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)(?:\s+(?:de\s+)?\d{4})?"
)


def first_of_two_copies(lines: list[Line]) -> list[Line]:
    """The first of two copies of one payslip printed one above the other ("Original — Trabalhador" /
    "Duplicado — Empresa" on one A4): read whole, every row counted twice, a lump subsidy doubled and a street
    taken for the name (blind probe r34b). The copies' lines read alike, line for line, save their copy mark, and
    print the same dates: two months' payslips stacked print two periods, and stay whole."""
    count = len(lines)
    for start in range(max(COPY_LINES, count // 2 - 3), min(count - COPY_LINES, count // 2 + 3) + 1):
        first, second = lines[:start], lines[start : 2 * start]
        if len(second) < COPY_LINES or len(second) < start - 2:
            continue
        alike = sum(
            difflib.SequenceMatcher(None, one.text, other.text).ratio() >= LINE_ALIKE
            for one, other in zip(first, second, strict=False)
        )
        if alike < COPIES_ALIKE * len(second):
            continue
        dates = [DATES_PRINTED.findall(fold(" ".join(line.text for line in half))) for half in (first, second)]
        if dates[0] and dates[0] == dates[1][: len(dates[0])]:
            return first
    return lines


def left_of_two_copies(lines: list[Line]) -> list[Line]:
    """The left copy of one payslip printed twice side by side ("Original" | "Duplicado" on a landscape sheet), as
    OCR reads it, each row of both copies one line: every line parted where its halves read alike. Read as two
    payslips, the scan was flagged ``multiple_payslips`` with no other month to count, and its rows that did not
    part the way two slips' do (the name's, the NIFs') were left out (blind probe r56a: six fields lost). Two
    copies print the same amounts and dates on every row; two months or two workers side by side do not, and are
    ``left_of_two_payslips``' to read. A line that does not part is kept but for its amounts (both copies')."""
    halves = [alike_halves(line.text) for line in lines]
    parted = [half for half in halves if half]
    worded = [line for line in lines if re.search(r"[^\W\d_]{2}", line.text)]
    if len(parted) < COPY_LINES or len(parted) < COPIES_ALIKE * len(worded):
        return lines
    if any(figures_printed(left) != figures_printed(right) for left, right in parted):
        return lines
    return [
        Line(half[0], line.confidence) if half else line
        for line, half in zip(lines, halves, strict=True)
        if half or not MONEY.search(line.text)
    ]


def alike_halves(text: str) -> tuple[str, str] | None:
    """A line's two halves when they read alike (OCR's misreadings and the specks of a copy's edge apart: ": RI2
    Subs. Refeição 21,00 214,20 : R12 Subs. Refeição 21,00 214,20"), parted where they read most alike."""
    words = text.split()
    # Each word folded, a speck that holds no letter or figure as nothing.
    read = [fold(word) if re.search(r"[^\W_]", word) else "" for word in words]
    best: tuple[float, int] = (0.0, 0)
    for middle in range(1, len(words)):
        left, right = " ".join(filter(None, read[:middle])), " ".join(filter(None, read[middle:]))
        # Halves of lengths this far apart cannot read alike: not worth comparing.
        if not left or not right or min(len(left), len(right)) < LINE_ALIKE * max(len(left), len(right)):
            continue
        matcher = difflib.SequenceMatcher(None, left, right)
        if matcher.quick_ratio() >= LINE_ALIKE:
            best = max(best, (matcher.ratio(), middle))
    ratio, middle = best
    return (" ".join(words[:middle]), " ".join(words[middle:])) if ratio >= LINE_ALIKE else None


def figures_printed(text: str) -> tuple[list[str], list[str]]:
    """The amounts and the dates a line prints."""
    return [match.group(0) for match in MONEY.finditer(text)], DATES_PRINTED.findall(fold(text))


def left_of_two_payslips(lines: list[Line]) -> LeftColumn | None:
    """Two payslips printed side by side (two employees, one sheet): a text layer joins their rows, "Venc. Base
    920,00 Venc. Base 1.040,00", "Nome: Ana Sousa Nome: Rui Lopes". Read as one, one person's name would go
    with the other's amounts. The left slip is read, every line as its left half: a row whose caption comes
    again halfway, or a line printed twice. A line that parts neither way holds both slips' text, and is left
    out."""
    halves = [halves_of(line.text) for line in lines]
    captioned_rows = sum(1 for half in halves if half and half[1] and MONEY.search(half[0]))
    if captioned_rows < SIDE_BY_SIDE_ROWS:
        return None
    left: list[Line] = []
    right: list[Line] = []
    before_shared: set[int] = set()
    for line, half in zip(lines, halves, strict=True):
        if half is None:
            if left:
                before_shared.add(len(left) - 1)
            continue
        left.append(Line(half[0], line.confidence))
        right.append(Line(half[1], line.confidence))
    return LeftColumn(left, before_shared, right)


# The words a line of two slips' opens with that, found again further on it, start the second slip's half: a title
# with each slip's own month ("Recibo de Remunerações — Setembro de 2026 Recibo de Remunerações — Outubro de 2026").
OPENING_WORDS = 3


def halves_of(text: str) -> tuple[str, str, bool] | None:
    """A line's left and right halves when the line is two alike ("NIPC 508432197 NIPC 508432197"; "IRS 0,00 IRS
    42,00", the caption again with another figure; "Nome: Ana Sousa Nome: Rui Lopes", a caption with its colon
    again; a title's opening words again), and whether a caption came again; None for a line that does not part
    so."""
    words = text.split()
    middle = len(words) // 2
    if len(words) % 2 == 0 and words and words[:middle] == words[middle:]:
        return " ".join(words[:middle]), " ".join(words[middle:]), False
    caption = caption_of(words)
    if not caption or not has_words(" ".join(caption)):
        return None
    starts: Iterator[int] = iter(())
    if len(caption) < len(words):
        # A row of figures: its whole caption again before the second slip's figures.
        starts = (start for start in range(len(caption) + 1, len(words)) if caption_of(words[start:]) == caption)
    elif caption[0].endswith(":"):
        # No figure on the line: only a caption ending in its colon tells where the second one starts.
        starts = (start for start in range(2, len(words)) if words[start] == caption[0])
    start = next(starts, None) or opening_again(words)
    return (" ".join(words[:start]), " ".join(words[start:]), True) if start else None


def opening_again(words: list[str]) -> int | None:
    """Where a line's opening words, a title's or a caption's, come again on it: the second slip's half, whatever
    figures or month each half prints after them."""
    opening = words[:OPENING_WORDS]
    if len(opening) < OPENING_WORDS or not has_words(" ".join(opening)):
        return None
    return next(
        (
            start
            for start in range(OPENING_WORDS, len(words) - OPENING_WORDS + 1)
            if words[start:][:OPENING_WORDS] == opening
        ),
        None,
    )


def caption_of(words: list[str]) -> list[str]:
    """The words before a row's first figure."""
    return list(itertools.takewhile(lambda word: not re.search(r"\d", word), words))


# "Lda." read "Ida" by OCR (a serif L is an I to Tesseract), where only a legal form stands: after a company's
# name and its comma, or after "Unipessoal", ending the name ("Clínica Sorriso, Ida." / "Clínica Sorriso, Ida" /
# "Soluções Lusitânia Unipessoal Ida.").
LEGAL_FORM_MISREAD = re.compile(
    r"(,\s*|\b(?:Unipessoal|UNIPESSOAL)\s+)(?:Ida|IDA)(?:\.|(?=\s*$|\s+[^\w\s]*\s*$|\s+[a-z]\W*$))"
)


# After "Unipessoal" only "Lda." stands: any short L-word ending in a dot there is it, misread (a fold through it:
# "Unipessoal Lc a.", doc probe 31).
UNIPESSOAL_FORM_MISREAD = re.compile(r"\b(Unipessoal|UNIPESSOAL)\s+(?!Lda\.)L[A-Za-z]{0,2}\s?[A-Za-z]{0,2}\.(?=\s|$)")


def legal_form_misread(line: Line) -> Line:
    """The line with a legal form OCR misread ("Ida" for "Lda") put right; a caption naming the employee keeps
    what follows it (a name may be printed surname first: "SOUSA, Ida")."""
    if EMPLOYEE_LABEL.search(fold(line.text)):
        return line
    text = UNIPESSOAL_FORM_MISREAD.sub(r"\1 Lda.", LEGAL_FORM_MISREAD.sub(r"\1Lda.", line.text))
    return line if text == line.text else Line(text, line.confidence, line.word_confidences)


# The particle "e" between two of a name's words, read as a euro sign ("Menezes € Castro").
PARTICLE_MISREAD = re.compile(r"(?<=[a-zß-ÿ]) € (?=[A-ZÀ-Ý][a-zß-ÿ])")


def particle_misread(line: Line) -> Line:
    """The line with the particle "e" OCR read as "€" between two words of the name a caption names ("Nome:
    Francisco de Menezes € Castro") put right: in a name, a euro sign is no currency."""
    if not PARTICLE_MISREAD.search(line.text) or not EMPLOYEE_LABEL.search(fold(line.text)):
        return line
    return Line(PARTICLE_MISREAD.sub(" e ", line.text), line.confidence, line.word_confidences)


def misreads_put_right(line: Line) -> Line:
    return nif_groups_joined(particle_misread(legal_form_misread(logo_marks_dropped(line))))


def nif_groups_joined(line: Line) -> Line:
    """The line with a NIF its caption's value prints in digit groups made one number (``split_nif_spans``: only
    nine digits whose check digit holds), the words it was read as one word, in one box. Blind probe r76c, F1: a
    public body's two-column scan read the worker's "NIF: 197777775" as "NIF: 1 97777775"; the NIF went unread,
    and with it the name its block heads, so the month was not counted as the applicant's."""
    spans = split_nif_spans(line.text)
    if not spans:
        return line
    words = [(word.start(), word.end()) for word in re.finditer(r"\S+", line.text)]
    # Each word's index, the words of one NIF's span all given its first word's.
    merged_into = list(range(len(words)))
    for start, end in spans:
        inside = [at for at, (first, last) in enumerate(words) if first < end and last > start]
        for at in inside[1:]:
            merged_into[at] = inside[0]
    boxes = line.word_boxes if len(line.word_boxes) == len(words) else []
    confidences = line.word_confidences if len(line.word_confidences) == len(words) else []
    groups = [[at for at in range(len(words)) if merged_into[at] == head] for head in sorted(set(merged_into))]
    return Line(
        joined_nif(line.text),
        line.confidence,
        [("".join(confidences[at][0] for at in group), min(confidences[at][1] for at in group)) for group in groups]
        if confidences
        else line.word_confidences,
        [box_around([boxes[at] for at in group]) for group in groups] if boxes else [],
    )


def box_around(boxes: list[tuple[int, int, int, int]]) -> tuple[int, int, int, int]:
    """The box (left, top, width, height) holding every one of the boxes."""
    left, top = min(box[0] for box in boxes), min(box[1] for box in boxes)
    right, bottom = max(box[0] + box[2] for box in boxes), max(box[1] + box[3] for box in boxes)
    return left, top, right - left, bottom - top


# A box's or a logo's edge as OCR spells it: strokes and brackets, no letter.
BOX_MARK = re.compile(r"[|\[\](){}/\\_!]+")


def logo_marks_dropped(line: Line) -> Line:
    """The line without the marks OCR read in a logo printed before it: strokes ("|", "[|]"), one letter it
    barely made out ("E" at 0.44 for a grey square) before a word it read well ("E Castro" / "Contribuinte:
    ..."), or one glyph standing taller than the line and apart from it (a circle read "O" or "À", a knot read
    "8"). A text layer has no such marks (no word confidences)."""
    words = line.word_confidences
    drop = 0
    while drop + 1 < len(words):
        word, confidence = words[drop]
        faint = confidence < LEGIBLE_CONFIDENCE
        # A stroke, a letter barely made out, or both ("o]" at 0.04 for a logo's circle).
        mark = (
            BOX_MARK.fullmatch(word)
            or (len(word) == 1 and word.isalpha() and faint)
            or (len(word) <= 3 and BOX_MARK.search(word) and faint)
            or (len(word) == 1 and drop == 0 and glyph_stands_apart(line))
            or (len(word) == 1 and word.isalpha() and drop == 0 and speck_stands_apart(line))
        )
        if not mark or words[drop + 1][1] < LOGO_NEIGHBOUR_CONFIDENCE:
            break
        drop += 1
    if not drop:
        return line
    start = 0
    for word, _ in words[:drop]:
        found = line.text.find(word, start)
        if found < 0:
            return line  # the words as OCR gave them are not the line's text as normalised: leave it whole
        start = found + len(word)
    kept = words[drop:]
    return Line(line.text[start:].lstrip(), sum(c for _, c in kept) / len(kept), kept)


# A word read this well after a mark is printed text, the mark before it a logo's.
LOGO_NEIGHBOUR_CONFIDENCE = 0.85
# A logo's glyph is drawn larger than the name beside it and kept apart from it: taller than the words after
# it by this factor, and a gap of at least this many of their heights before the next word (words of one
# line stand a third of a height apart; an article "O" or "A" starting a name is as tall as the name).
LOGO_TALLER_THAN_TEXT = 1.25
LOGO_GAP_IN_HEIGHTS = 1.0


def first_word_apart(line: Line) -> tuple[float, float] | None:
    """The line's first word as OCR boxed it: its height and its gap to the next word, each in the other words'
    (median) heights; None without boxes for every word."""
    boxes = line.word_boxes
    if len(boxes) < 2 or len(boxes) != len(line.word_confidences):
        return None
    left, _, width, height = boxes[0]
    text_height = statistics.median(box[3] for box in boxes[1:])
    if text_height <= 0:
        return None
    return height / text_height, (boxes[1][0] - (left + width)) / text_height


def glyph_stands_apart(line: Line) -> bool:
    """Whether the line's first word is taller than the words after it and set apart from them: a logo printed
    before a name, not a letter of the name."""
    apart = first_word_apart(line)
    return apart is not None and apart[0] >= LOGO_TALLER_THAN_TEXT and apart[1] >= LOGO_GAP_IN_HEIGHTS


# A speck at a photo's edge or on the table beside the page, read as a letter: boxed far smaller than the words
# after it and well apart from them ("k" 8 px tall beside a name 25-31 px tall, 76 px before it: blind probe
# r46b, "k SUPERMERCADOS BOM PREÇO, S.A."). A lower-case letter of the line is more than half its capitals' height.
SPECK_SMALLER_THAN_TEXT = 0.5


def speck_stands_apart(line: Line) -> bool:
    """Whether the line's first word is at most half as tall as the words after it and set apart from them by a
    word's height: a speck before the line, no letter of it."""
    apart = first_word_apart(line)
    return apart is not None and apart[0] <= SPECK_SMALLER_THAN_TEXT and apart[1] >= LOGO_GAP_IN_HEIGHTS


CELL_SEPARATOR = re.compile(r"\s*(?:;|\t|\s\|\s)\s*")


def header_cells(lines: list[Line]) -> list[Line]:
    """A delimited row of labels over a row of values with as many cells, no amount among them (an export:
    "Empresa;NIF Empresa;Trabalhador;..." / "Padaria, Lda.;514027630;Joana Fidalgo;..."), as "label: value"
    lines the labels can be read on."""
    cells: list[Line] = []
    for line, below in itertools.pairwise(lines):
        labels, values = CELL_SEPARATOR.split(line.text.strip()), CELL_SEPARATOR.split(below.text.strip())
        if len(labels) < 3 or len(labels) != len(values) or MONEY.search(below.text) or MONEY.search(line.text):
            continue
        if any(re.search(r"\d", label) for label in labels):
            continue
        cells += [Line(f"{label}: {value}", below.confidence) for label, value in zip(labels, values, strict=True)]
    return cells


def payslip_amounts(page: Page, parsed: Parsed) -> None:
    """Labels first; then the arithmetic decides gross, deductions and net, and fills what labels missed."""
    social = rows_total(page.rows("social_security"))
    withholding = rows_total(page.rows("irs_withholding"))
    others = rows_total(page.rows("other_deduction")) or Decimal("0")
    base = page.hints.get("base_salary")
    if base:
        parsed.put("base_salary", base[0][0], base[0][1])
    assignment = reconcile(page)
    labelled = {role: page.hint(role) for role in ("gross_pay", "net_pay", "total_deductions")}
    gross: Decimal | None
    deductions: Decimal | None
    net: Decimal | None
    if assignment is not None and assignment.score >= 4:
        gross, deductions, net = assignment.gross, assignment.deductions, assignment.net
        paid = net_after_later_deductions(page, net)
        if paid is not None:
            deductions, net = gross - paid, paid
    else:
        gross, deductions, net = labelled["gross_pay"], labelled["total_deductions"], labelled["net_pay"]
    for name, value in (("gross_pay", gross), ("net_pay", net)):
        if value is None:
            continue
        if labelled[name] == value:
            parsed.put(name, value, confidence_of(page, name, value))
        elif value in page.pool:
            parsed.put(name, value, ARITHMETIC_CONFIDENCE)
        else:
            parsed.put(name, value, DERIVED_CONFIDENCE)
            parsed.warnings.append(f"derived:{name}")
    parsed.total_deductions = deductions
    if deductions is not None and social is not None and withholding is not None:
        social, withholding, others = rows_matching_total(page, deductions, (social, withholding, others))
    if social is not None:
        parsed.put("social_security", social, confidence_of(page, "social_security", social))
    if withholding is not None:
        parsed.put("irs_withholding", withholding, confidence_of(page, "irs_withholding", withholding))
    if (
        deductions is not None
        and social is not None
        and withholding is not None
        and social + withholding + others != deductions
        # Rows no label names making up the difference are deductions of their own ("Valor creditado cartão
        # refeição" after "Retenção IRS Jovem 0,00": blind probe r36b, the card's amount taken for the IRS).
        and not unlabelled_rows_make(page, deductions - social - withholding - others)
    ):
        # One row's amount was misread (a rate taken for it, the amount pushed to the next line by OCR):
        # the printed amount that makes the rows add up to the total replaces it.
        new_withholding, new_social = deductions - social - others, deductions - withholding - others
        if new_withholding in page.pool:
            withholding = new_withholding
            parsed.fields.pop("irs_withholding", None)
            parsed.put("irs_withholding", withholding, ARITHMETIC_CONFIDENCE)
        elif new_social in page.pool:
            social = new_social
            parsed.fields.pop("social_security", None)
            parsed.put("social_security", social, ARITHMETIC_CONFIDENCE)
        else:
            # Neither is printed elsewhere: a scan misread one digit of one row. The row whose printed value
            # is one digit away from what the totals require is the misread one (11% of the gross decides
            # between the two when both are). A text layer misreads nothing: there, only 11% of the gross
            # vouches for a social security the total asks for; no rate does for an IRS.
            rate_vouches = gross is not None and close_to_rate(new_social, gross)
            # The social security read is 11% of the base read (or of the gross): it stands, whatever the total
            # asks of it; the IRS row is the misread one (a stamp over "10" of "106,64", doc probe 31).
            read_vouched = any(close_to_rate(social, figure) for figure in (gross, page.hint("base_salary")) if figure)
            social_fits = (
                not read_vouched
                and one_digit_apart(new_social, social)
                and (
                    rate_vouches
                    or (
                        read_by_ocr(page, "social_security")
                        and (gross is None or not one_digit_apart(new_withholding, withholding))
                    )
                )
            )
            withholding_fits = read_by_ocr(page, "irs_withholding") and (
                one_digit_apart(new_withholding, withholding)
                or (read_vouched and lost_leading_digits(new_withholding, withholding))
            )
            if social_fits:
                social = new_social
                parsed.fields.pop("social_security", None)
                parsed.put("social_security", social, DERIVED_CONFIDENCE)
                parsed.warnings.append("derived:social_security")
            elif withholding_fits:
                withholding = new_withholding
                parsed.fields.pop("irs_withholding", None)
                parsed.put("irs_withholding", withholding, DERIVED_CONFIDENCE)
                parsed.warnings.append("derived:irs_withholding")
            elif (
                not any(read_by_ocr(page, role) for role in ("social_security", "irs_withholding", "total_deductions"))
                # The deductions' total under its caption, or in a row of totals ("Totais 1.136,00 94,96").
                and deductions in labelled_values(page, "total_deductions") | labelled_values(page, "total")
                and not unlabelled_rows_make(page, deductions - social - withholding - others)
            ):
                # On a text layer, the rows as printed do not make the printed total: the slip does not add up,
                # and says so. On a scan the gap is as likely a row OCR could not read as an amount ("6393").
                parsed.warnings.append("arithmetic_mismatch")
    if deductions is not None and gross is not None and net is not None and gross - deductions == net:
        social, withholding = parts_the_total_cannot_hold(
            page, parsed, gross, deductions, (social, withholding, others)
        )
    if deductions is not None:
        # A deduction the labels missed is what the total leaves once the others are taken out.
        if social is None and withholding is not None:
            every_irs_row = irs_rows_beside_unnamed_social(page, deductions, withholding, others)
            if every_irs_row != withholding:
                withholding = every_irs_row
                parsed.fields.pop("irs_withholding", None)
                parsed.put("irs_withholding", withholding, confidence_of(page, "irs_withholding", withholding))
            missing = deductions - withholding - others
            derive(parsed, page, "social_security", missing)
        elif withholding is None and social is not None:
            derive(parsed, page, "irs_withholding", deductions - social - others)
    printed_gross = (earnings_total(page.segments) or total_some_earnings_make(page)) if gross is None else None
    if printed_gross is not None:
        # The earnings add up to a printed total: that is the gross, whatever the net says (a net that does not
        # follow from it is then an arithmetic mismatch, not a gross to work back from it).
        gross = printed_gross
        parsed.put("gross_pay", gross, ARITHMETIC_CONFIDENCE)
    if deductions is None and gross is not None and net is not None:
        social, withholding = rows_against_gross_and_net(page, parsed, gross - net - others, social, withholding)
    if gross is None and net is not None and social is not None and withholding is not None:
        derive(parsed, page, "gross_pay", net + social + withholding + others)
    if read_by_ocr(page, "gross_pay") or read_by_ocr(page, "net_pay"):
        gross, net = totals_under_a_stamp(page, parsed, gross, net, deductions)
    earnings_mismatch = gross is not None and earnings_contradict_gross(page, gross)
    if earnings_mismatch and "arithmetic_mismatch" not in parsed.warnings:
        # The earning rows do not make the printed gross: whatever the deductions and the net say of it, the slip
        # does not add up (a gross raised by hand, the net raised with it).
        parsed.warnings.append("arithmetic_mismatch")
    read_or_derived = parsed.fields.get("gross_pay")
    if (
        read_or_derived is not None
        and gross_far_above_the_base(page, read_or_derived)
        and "arithmetic_mismatch" not in parsed.warnings
    ):
        # A year's figures taken for the month's (a scan's "Acumulados do ano" block beside the totals box).
        parsed.warnings.append("arithmetic_mismatch")
    holds = gross is not None and net is not None and deductions is not None and gross - deductions == net
    if holds and deductions is not None:
        # Rows that do not make the total are not vouched for by it, whatever flagged them or not (off a picture one
        # of them was misread: blind probe r78a, a subsidy's 1.075,00 read as the social security at 0,99); nor is a
        # gross its earning rows do not make.
        parts_make_it = rows_make_the_total(parsed, deductions, others)
        parts = (
            ("social_security", "irs_withholding")
            if parts_make_it and "arithmetic_mismatch" not in parsed.warnings
            else ()
        )
        vouched = ("net_pay",) if earnings_mismatch else ("gross_pay", "net_pay")
        for name in (*vouched, *parts):
            if name in parsed.confidence and f"derived:{name}" not in parsed.warnings:
                parsed.confidence[name] = max(parsed.confidence[name], VALIDATED_CONFIDENCE)


def irs_rows_beside_unnamed_social(page: Page, deductions: Decimal, withholding: Decimal, others: Decimal) -> Decimal:
    """The IRS withheld where no row is named social security: two IRS rows of one amount are two withholdings
    ("IRS 73,78" / "IRS s/ Sub. Natal 73,78"), not one restated, when what the total leaves with both is a row no
    label names and what it leaves with one is not. A row naming IRS is never social security (blind probe r80a:
    the subsidy's IRS worked into the social security, a slip that adds up warned arithmetic_mismatch)."""
    every_row = sum((row.value for row in page.rows("irs_withholding")), Decimal(0))
    if every_row != withholding and (
        unlabelled_rows_make(page, deductions - every_row - others)
        and not unlabelled_rows_make(page, deductions - withholding - others)
    ):
        return every_row
    return withholding


def rows_make_the_total(parsed: Parsed, deductions: Decimal, others: Decimal) -> bool:
    """Whether the social security and the IRS read, with the other deductions' rows, make the deductions' total; one
    of the two unread, nothing to tell against."""
    social, withholding = parsed.fields.get("social_security"), parsed.fields.get("irs_withholding")
    return social is None or withholding is None or social + withholding + others == deductions


def parts_the_total_cannot_hold(
    page: Page,
    parsed: Parsed,
    gross: Decimal,
    deductions: Decimal,
    read: tuple[Decimal | None, Decimal | None, Decimal],
) -> tuple[Decimal | None, Decimal | None]:
    """A social security or an IRS read off a picture that no slip whose totals hold can print: more than the
    deductions' total it is part of, or a social security above 11% of the gross (its base is at most the gross),
    while the rows do not make that total. The printed gross, deductions and net agree among themselves, so the
    row's figure is the misread one (another row's amount, a digit added: "79,55" read "719,55"), and it is left
    unread, then worked out from the total when the other is read (``derived:``), rather than kept at full
    confidence and taken for a forged slip (blind probe r78a: a Christmas subsidy's row read as the social security,
    ``PAYSLIP_SS_ABOVE_RATE`` on a genuine photo). A text layer's figures stand as printed: there a slip that does
    not add up says so (ADR 024)."""
    social, withholding, others = read
    if social is not None and withholding is not None and social + withholding + others == deductions:
        return social, withholding
    impossible = {
        "social_security": social is not None
        and (social > deductions or social > gross * SS_EMPLOYEE_RATE + SS_ROUNDING_SLACK),
        "irs_withholding": withholding is not None and withholding > deductions,
    }
    dropped = {
        name
        for name, cannot in impossible.items()
        if cannot and read_by_ocr(page, name) and f"derived:{name}" not in parsed.warnings
    }
    for name in dropped:
        parsed.fields.pop(name, None)
        parsed.confidence.pop(name, None)
    return (
        None if "social_security" in dropped else social,
        None if "irs_withholding" in dropped else withholding,
    )


def social_lost_its_first_digits(page: Page, gross: Decimal | None, wanted: Decimal, read: Decimal) -> bool:
    """Whether the social security OCR read is the one the totals ask for with its first digits lost ("−115,71 €"
    read "15,71 €": blind probe r47b, the minus and the 1 run together), told from the IRS by the rate: what the
    totals ask for is 11% of a base between the base salary read and the gross, and what was read is far below 11%
    of that base salary. (The IRS has no rate to vouch for it, and may have lost digits too.)"""
    base = page.hint("base_salary")
    if gross is None or base is None or not lost_leading_digits(wanted, read):
        return False
    least = (base * SS_EMPLOYEE_RATE).quantize(CENT, rounding=ROUND_HALF_UP)
    return least - SS_ROUNDING_SLACK <= wanted <= gross * SS_EMPLOYEE_RATE + SS_ROUNDING_SLACK and read < least / 2


def totals_under_a_stamp(
    page: Page, parsed: Parsed, gross: Decimal | None, net: Decimal | None, deductions: Decimal | None
) -> tuple[Decimal | None, Decimal | None]:
    """A scan whose totals lost their first digits under a stamp or a signature ("1.291,73" read ".291,73", the
    net "1.122,76" read "122,76"), and the gross worked back from them: the earning rows, read clear above the
    stamp, make the gross whose last digits were read, and the net is that less the deductions when its last
    digits are the ones read. Said so (``derived:``). (Doc probe 31.)

    A gross worked back from the net that 11% social security read clear cannot come from (the social security's
    base is at most the gross) was made of a figure misread: it is dropped, and the slip said not to add up."""
    gross = parsed.fields.get("gross_pay", gross)
    earnings = [segment.value for segment in page.segments if segment.role in EARNING_ROLES]
    itemised = sum(earnings, Decimal(0)) if len(earnings) >= 2 else None
    if (
        gross is not None
        and itemised is not None
        and lost_leading_digits(itemised, gross)
        and stamped_totals_restored(gross, net, deductions, itemised, parsed.fields.get("social_security"))
    ):
        gross = itemised
        parsed.fields.pop("gross_pay", None)
        parsed.put("gross_pay", gross, DERIVED_CONFIDENCE)
        if "derived:gross_pay" not in parsed.warnings:
            parsed.warnings.append("derived:gross_pay")
        if net is not None and deductions is not None and lost_leading_digits(gross - deductions, net):
            net = gross - deductions
            parsed.fields.pop("net_pay", None)
            parsed.put("net_pay", net, DERIVED_CONFIDENCE)
            parsed.warnings.append("derived:net_pay")
    gross = gross_proven_by_net_and_deductions(page, parsed, gross, net, deductions)
    social = parsed.fields.get("social_security")
    if (
        gross is not None
        and "derived:gross_pay" in parsed.warnings
        and "derived:social_security" not in parsed.warnings
        and social is not None
        and social > gross * SS_EMPLOYEE_RATE + SS_ROUNDING_SLACK
    ):
        gross = None
        parsed.fields.pop("gross_pay", None)
        parsed.confidence.pop("gross_pay", None)
        parsed.warnings.remove("derived:gross_pay")
        if "arithmetic_mismatch" not in parsed.warnings:
            parsed.warnings.append("arithmetic_mismatch")
    if gross is None and net is not None and net_below_what_the_rows_leave(page, parsed, net):
        parsed.warnings.append("arithmetic_mismatch")
    return gross, net


# A bare figure of one to three digits ending a row's label: a thousands group a space apart that the reading of the
# row took for a quantity ("Total ilíquido 1 430,00" read as 1, then 430,00).
GROUP_BEFORE_THE_AMOUNT = re.compile(r"(?<![\d.,/%])(\d{1,3})\s*$")


def with_the_group_before(segment: Segment) -> Decimal | None:
    """The row's figure read with the bare figure its label ends with as its thousands ("Vencimento base 4" and
    180,00: 4 180,00); None when the label ends with none or the amount has its thousands already."""
    found = GROUP_BEFORE_THE_AMOUNT.search(segment.label)
    if found is None or segment.value >= 1000:
        return None
    return int(found.group(1)) * 1000 + segment.value


def gross_proven_by_net_and_deductions(
    page: Page, parsed: Parsed, gross: Decimal | None, net: Decimal | None, deductions: Decimal | None
) -> Decimal | None:
    """A gross read off a picture with its first digits lost, where the net and the deductions prove the whole one:
    the rows make the deductions' total, the net plus that total is a figure the gross read is the last digits of,
    and the gross row shows what was lost (the thousands group a space apart read as a quantity: "Total ilíquido
    1 430,00" read 430,00) or is too small to carry the social security read (11% of a base at most the gross).
    Earning rows that made the short gross make the proven one once the row that lost the same group has it back
    (its label ends with the group, read as printed or with one digit misread: "Vencimento base 4 180,00" for
    1 180,00); rows that cannot are a slip that does not add up, kept so (a gross and a net raised together). The
    proven figure is taken and said so (``derived:``), rather than a genuine slip called one whose figures do not
    add up (blind probe r81a F1). A text layer's figures stand as printed (ADR 024)."""
    if gross is None or net is None or deductions is None or gross - deductions == net:
        return gross
    proven = net + deductions
    social, withholding = parsed.fields.get("social_security"), parsed.fields.get("irs_withholding")
    others = rows_total(page.rows("other_deduction")) or Decimal(0)
    if (
        not read_by_ocr(page, "gross_pay")
        or not lost_leading_digits(proven, gross)
        or social is None
        or withholding is None
        or social + withholding + others != deductions
    ):
        return gross
    shows_the_group = any(
        with_the_group_before(segment) == proven for segment in page.rows("gross_pay") if segment.value == gross
    )
    too_small_for_the_social = (
        social > gross * SS_EMPLOYEE_RATE + SS_ROUNDING_SLACK
        and social <= proven * SS_EMPLOYEE_RATE + SS_ROUNDING_SLACK
    )
    if not (shows_the_group or too_small_for_the_social):
        return gross
    earnings = [segment for segment in page.segments if segment.role in EARNING_ROLES]
    restored: Segment | None = None
    if len(earnings) >= 2 and sum((segment.value for segment in earnings), Decimal(0)) != proven:
        if sum((segment.value for segment in earnings), Decimal(0)) != gross:
            return gross
        lost = proven - gross
        fitting = [
            segment
            for segment in earnings
            if (spaced := with_the_group_before(segment)) is not None
            and (spaced == segment.value + lost or one_digit_apart(segment.value + lost, spaced))
        ]
        if len(fitting) != 1:
            return gross
        restored = fitting[0]
    if restored is not None:
        restored.amounts[-1] = restored.value + proven - gross
        if restored.role == "base_salary" and "base_salary" in parsed.fields:
            parsed.fields.pop("base_salary")
            parsed.put("base_salary", restored.value, DERIVED_CONFIDENCE)
            parsed.warnings.append("derived:base_salary")
    parsed.fields.pop("gross_pay", None)
    parsed.put("gross_pay", proven, DERIVED_CONFIDENCE)
    if "derived:gross_pay" not in parsed.warnings:
        parsed.warnings.append("derived:gross_pay")
    return proven


def stamped_totals_restored(
    gross: Decimal, net: Decimal | None, deductions: Decimal | None, itemised: Decimal, social: Decimal | None
) -> bool:
    """Whether the earning rows' sum may stand for a gross read with its first digits lost: only when it adds up
    with the deductions to the net (the net as read, or that net with its first digits lost too), and the totals
    as read either do not add up or make a gross too small to carry the social security read (11% of its base,
    at most the gross: "1.291,73" read "291,73" beside 119,91 withheld). Blind probe r61a: a quantity run into its
    amount ("cartão 20 192,00" read 20.192,00) made the rows' sum 21.442,00, whose last digits are the printed
    1.442,00; the printed gross and net, which held with the printed deductions and the social security, were
    replaced by figures 20.000 too high. A reading that makes the slip's arithmetic fail is never preferred to one
    that holds (ADR 024). No deductions' total or net read: nothing to check either reading against, and the rows'
    sum is taken as before."""
    if net is None or deductions is None:
        return True
    restored = itemised - deductions
    if restored != net and not lost_leading_digits(restored, net):
        return False
    carries_the_social = social is None or social <= gross * SS_EMPLOYEE_RATE + SS_ROUNDING_SLACK
    return gross - deductions != net or not carries_the_social


# What is left of a gross at the least: less 11% social security and IRS withheld at no more than half of it (the
# withholding tables' top rates stay under that), before any other deduction a row prints.
LEAST_NET_SHARE = Decimal(1) - SS_EMPLOYEE_RATE - Decimal("0.50")


def net_below_what_the_rows_leave(page: Page, parsed: Parsed, net: Decimal) -> bool:
    """Whether a net read with no gross to check it against is less than any gross the base salary or the social
    security read (11% of a base at most the gross) can leave: its first digits lost under a stamp ("3 086,77" read
    "86,77"), with nothing else to tell (doc probe 31)."""
    if "arithmetic_mismatch" in parsed.warnings or not read_by_ocr(page, "net_pay"):
        return False
    social, base = parsed.fields.get("social_security"), parsed.fields.get("base_salary")
    least_gross = max(social / SS_EMPLOYEE_RATE if social else Decimal(0), base or Decimal(0))
    others = rows_total(page.rows("other_deduction")) or Decimal(0)
    return net + others < least_gross * LEAST_NET_SHARE


# Social security rounded to the cent on a base itself rounded: a few cents over 11% of the gross are no contradiction.
SS_ROUNDING_SLACK = Decimal("0.50")


# The most earning rows whose every selection is tried against the printed gross (2 ** 12 sums).
ITEMISED_EARNINGS = 12


# Above this many times the month's base salary, a gross is no month's: a lump subsidy doubles it, overtime,
# allowances and commissions add to it, a year to date is the months gone by times it (September's, nine).
FAR_ABOVE_THE_BASE = 6


def net_after_later_deductions(page: Page, net: Decimal) -> Decimal | None:
    """The net the slip labels and pays, when it is what the worked-out net leaves once rows printed after the
    deductions' total are taken too: another country's income tax withheld after the contributions ("Total des
    cotisations 667,55", "Net à payer avant impôt 2 242,45", "Impôt sur le revenu prélevé à la source 174,40",
    "Net payé 2 068,05": blind probe r35b, the net before the tax counted). None otherwise."""
    totals = page.rows("total_deductions")
    labelled = [row for row in page.rows("net_pay") if row.value < net]
    if not totals or len(labelled) != 1:
        return None
    after, paid = max(row.line_index for row in totals), labelled[0]
    later = [
        row.value
        for row in page.segments
        if after < row.line_index < paid.line_index and row.role in (None, *DEDUCTION_ROLES) and row.value < net
    ]
    taken = net - paid.value
    fits = any(
        sum(chosen, Decimal(0)) == taken
        for size in range(1, min(UNLABELLED_ROWS, len(later)) + 1)
        for chosen in itertools.combinations(later, size)
    )
    return paid.value if fits else None


def gross_far_above_the_base(page: Page, gross: Decimal) -> bool:
    """Whether a gross is many times the month's base salary row, on a slip that ends no contract: the year to
    date's figures read as the month's (blind probe r34b: "Acumulados do ano" beside the month's totals box on a
    photo, its "Ilíquido 16.149,38" read "líquido", counted as a month's net of ten times the salary). Any layer.
    The compensation for a contract's end may be many salaries: such a slip is left to its own check."""
    bases = [segment.value for segment in page.rows("base_salary") if segment.value > 0]
    if not bases or page.rows("severance"):
        return False
    return gross > FAR_ABOVE_THE_BASE * max(bases)


def earnings_contradict_gross(page: Page, gross: Decimal) -> bool:
    """Whether a slip itemising its earnings on a text layer prints a gross no selection of them makes.

    Cautious, for a slip prints rows it does not add up: the base restated in the header, a meal allowance paid on
    a card shown for information, an amount not subject to tax. So any selection of the earning rows may make the
    gross, with up to three rows no label names (an earning the vocabulary does not know). Only a text layer:
    on a scan, OCR may have missed a row altogether."""
    labelled = [segment for segment in page.segments if segment.role in EARNING_ROLES]
    printed = [segment for segment in page.rows("gross_pay") if segment.value == gross]
    if any(segment.confidence < 1.0 for segment in [*labelled, *printed]):
        return False
    among = unlabelled_among_earnings(page)
    earnings = [segment for segment in page.segments if segment.role in EARNING_ROLES or segment in among]
    if len(labelled) < 2 or len(earnings) > ITEMISED_EARNINGS or not printed:
        return False
    unlabelled = [signed(segment) for segment in page.segments if segment.role is None and segment not in among]
    unknown_earnings = {
        sum(chosen, Decimal(0))
        for size in range(min(UNLABELLED_ROWS, len(unlabelled)) + 1)
        for chosen in itertools.combinations(unlabelled, size)
    }
    return not any(
        gross - made + slack in unknown_earnings
        for made in selection_sums(earnings)
        for slack in (-CENT, Decimal(0), CENT)
    )


def unlabelled_among_earnings(page: Page) -> list[Segment]:
    """The rows no label names printed among the earning rows, under the first and above any deduction or total:
    earnings the vocabulary does not know ("Complemento de função", "Subsídio infantil", "Subsídio de estudo"), as
    many as the slip prints. Blind probe r46b: a bank's slip with five of them among ten allowances was flagged
    ``arithmetic_mismatch`` though its printed totals all held, for only three rows no label names were allowed to
    make up the gross; the flag came and went with how many of them the month paid."""
    earning_lines = [segment.line_index for segment in page.segments if segment.role in EARNING_ROLES]
    if not earning_lines:
        return []
    below = [
        segment.line_index
        for segment in page.segments
        if segment.role in DEDUCTION_ROLES or segment.role in TOTALS_ROLES or segment.role == "total"
    ]
    first_earning, first_below = min(earning_lines), min(below, default=None)
    return [
        segment
        for segment in page.segments
        if segment.role is None
        and segment.line_index > first_earning
        and (first_below is None or segment.line_index < first_below)
    ]


def total_some_earnings_make(page: Page) -> Decimal | None:
    """The one figure of a row of totals ("Total 1.825,03") the earning rows make once a row repeating another's
    amount is left out (the header restating the base salary beside the table's own row of it): the printed gross,
    never to be replaced by one worked back from the net (blind probe r39a: a net raised by hand, and the gross
    derived from it over the printed "Totais")."""
    earnings = [segment for segment in page.segments if segment.role in EARNING_ROLES]
    if len(earnings) < 2 or len(earnings) > ITEMISED_EARNINGS:
        return None
    totals = {amount for segment in page.rows("total") for amount in segment.amounts}
    made: set[Decimal] = set()
    for size in range(1, len(earnings) - 1):
        for left_out in itertools.combinations(range(len(earnings)), size):
            kept = [row for at, row in enumerate(earnings) if at not in left_out]
            repeats = all(any(earnings[at].value == row.value for row in kept) for at in left_out)
            total = sum((signed(row) for row in kept), Decimal(0))
            if repeats and total in totals:
                made.add(total)
    return made.pop() if len(made) == 1 else None


def selection_sums(rows: list[Segment]) -> set[Decimal]:
    """What every selection of the rows adds up to."""
    sums = {Decimal(0)}
    for row in rows:
        sums |= {made + signed(row) for made in sums}
    return sums


def signed(row: Segment) -> Decimal:
    """A row's value, taken off when printed with a minus (a negative "acerto", pay withheld for an absence)."""
    return -abs(row.value) if row.negative else row.value


def read_by_ocr(page: Page, role: str) -> bool:
    """Whether a row of the role was read off an image (a figure may be misread), not off a text layer."""
    return any(row.confidence < 1.0 for row in page.rows(role))


def labelled_values(page: Page, role: str) -> set[Decimal]:
    return {value for value, _ in page.hints.get(role, [])}


# How many unlabelled rows may make up what the labelled deductions leave of their total.
UNLABELLED_ROWS = 3


def unlabelled_rows_make(page: Page, gap: Decimal) -> bool:
    """Whether rows no label names (a deduction the vocabulary does not know: "Cartão refeição", "Penalização")
    make what the labelled deduction rows leave of the printed total."""
    values = [segment.value for segment in page.segments if segment.role is None] + allowances_taken_back(page)
    return any(
        sum(chosen, Decimal(0)) == gap
        for size in range(1, min(UNLABELLED_ROWS, len(values)) + 1)
        for chosen in itertools.combinations(values, size)
    )


def allowances_taken_back(page: Page) -> list[Decimal]:
    """An allowance paid in kind, printed among the earnings and again among the deductions, under its own
    name ("Subsídio alimentação 211,20" over "Segurança Social", "IRS", "Sub. Refeição Cartão 211,20"): the
    card's amount taken back out of the net. Its second row names an earning, yet it is a deduction (blind probe
    r34b: a correct slip's deductions read as not making their printed total)."""
    deduction_lines = [segment.line_index for segment in page.segments if segment.role in DEDUCTION_ROLES]
    if not deduction_lines:
        return []
    first_deduction = min(deduction_lines)
    paid = {
        segment.value
        for segment in page.segments
        if segment.role in EARNING_ROLES and segment.line_index < first_deduction
    }
    return [
        segment.value
        for segment in page.segments
        if segment.role in EARNING_ROLES and segment.line_index > first_deduction and segment.value in paid
    ]


NET_CAPTION = dict(ROLE_PATTERNS)["net_pay"]


LETTER_AMONG_FIGURES = re.compile(r"(?<=\d)[A-Za-z](?=\d)")
CAPTION_TAIL = re.compile(r"^[^\W\d_]*(?:\s+[^\W\d_]+){0,2}\s*:")


def net_through_broken_figures(lines: list[Line], page: Page, parsed: Parsed) -> None:
    """A scan's net whose separators OCR broke ("LIQUIDO A RECEBER 1: 19625", no amount to read): when the figures
    after the net's caption are, in order and all of them, those of gross - deductions, that is the net. Worked
    out, so said so; figures that differ leave the net unread."""
    gross, deductions = parsed.fields.get("gross_pay"), printed_deductions(page, parsed)
    if "net_pay" in parsed.fields or gross is None or deductions is None or gross - deductions <= 0:
        return
    wanted = gross - deductions
    for line in lines:
        caption = NET_CAPTION.search(fold(line.text))
        rest = line.text[caption.end() :] if caption else ""
        # The caption's own words up to its colon ("Valor líquido transferido: ...") are no figures' text.
        rest = CAPTION_TAIL.sub("", rest)
        # A letter inside the figures is a separator OCR misread ("2Z01907€" for "2.019,07 €": blind probe r47b, a
        # photo's net lost): dropped, the figures left are compared as they are.
        rest = LETTER_AMONG_FIGURES.sub("", rest)
        if not caption or MONEY.search(rest) or re.search(r"[^\W\d_]", re.sub(r"(?i)eur(?:os?)?|€", " ", rest)):
            continue
        if re.sub(r"\D", "", rest) == f"{wanted:.2f}".replace(".", ""):
            parsed.put("net_pay", wanted, DERIVED_CONFIDENCE)
            parsed.warnings.append("derived:net_pay")
            return


# The net's caption in a sentence: "A quantia líquida de ...", "importância líquida", "o valor líquido".
NET_IN_A_SENTENCE = re.compile(r"(?<![a-z])l[ií]quid[oa](?![a-z])")
# An amount once its words are figures: "1063 euros e 40 cêntimos", "900 euros".
EUROS_AND_CENTS = re.compile(r"(?<![\d.,])(\d+)\s+euros?(?:\s+e\s+(\d{1,2})\s+centimos?)?(?![a-z])")


def net_in_words(lines: list[Line], parsed: Parsed) -> None:
    """A net printed only in words after its caption ("A quantia líquida de mil e sessenta e três euros e
    quarenta cêntimos"), its sentence perhaps going on on the next line. The arithmetic's check (gross less
    deductions) then weighs it as it weighs a net printed in figures."""
    if "net_pay" in parsed.fields:
        return
    for index, line in enumerate(lines):
        folded = fold(line.text)
        caption = NET_CAPTION.search(folded) or NET_IN_A_SENTENCE.search(folded)
        if not caption:
            continue
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        amount = written_amount(f"{line.text[caption.end() :]} {following}")
        if amount:
            parsed.put("net_pay", amount, line.confidence * 0.9)
            return


def written_amount(text: str) -> Decimal | None:
    """The first amount in Portuguese words in the text, its euros and the cents that may follow (text2num
    turns the words into figures: "mil e sessenta e três" is 1063)."""
    match = EUROS_AND_CENTS.search(fold(alpha2digit(text.lower(), "pt")))
    if match is None:
        return None
    return (Decimal(match.group(1)) + Decimal(match.group(2) or 0) / 100).quantize(CENT)


def printed_deductions(page: Page, parsed: Parsed) -> Decimal | None:
    """The deductions' total: the one read, else the rows' sum where the page prints it ("TOTAIS 1.451,00 254,75")."""
    if parsed.total_deductions is not None:
        return parsed.total_deductions
    social, withholding = parsed.fields.get("social_security"), parsed.fields.get("irs_withholding")
    if social is None or withholding is None:
        return None
    rows = social + withholding + (rows_total(page.rows("other_deduction")) or Decimal("0"))
    return rows if rows in page.pool else None


def lost_leading_digits(wanted: Decimal, read: Decimal) -> bool:
    """Whether ``read`` is ``wanted`` with its first digits lost (a stamp's ink over them: "127,00" read "7,00")."""
    return 0 < read < wanted and f"{wanted:.2f}".endswith(f"{read:.2f}")


def misread_from(wanted: Decimal, read: Decimal) -> bool:
    return one_digit_apart(wanted, read) or lost_leading_digits(wanted, read)


def rows_against_gross_and_net(
    page: Page, parsed: Parsed, wanted: Decimal, social: Decimal | None, withholding: Decimal | None
) -> tuple[Decimal | None, Decimal | None]:
    """No deductions' total read (a stamp over it): the printed gross less the printed net is what the rows
    make. On a scan, the one row whose figure is that less the other's with a digit misread or its first digits
    lost is read so, worked out and said so; 11% of the gross decides when both rows could be."""
    gross = parsed.fields.get("gross_pay")
    if (
        social is None
        or withholding is None
        or gross not in page.pool
        or parsed.fields.get("net_pay") not in labelled_values(page, "net_pay")
        or social + withholding == wanted
    ):
        return social, withholding
    new_social, new_withholding = wanted - withholding, wanted - social
    social_fits = read_by_ocr(page, "social_security") and misread_from(new_social, social)
    withholding_fits = read_by_ocr(page, "irs_withholding") and misread_from(new_withholding, withholding)
    if social_fits and (
        not withholding_fits
        or close_to_rate(new_social, gross)
        or social_lost_its_first_digits(page, gross, new_social, social)
    ):
        social = new_social
        parsed.fields.pop("social_security", None)
        parsed.put("social_security", social, DERIVED_CONFIDENCE)
        parsed.warnings.append("derived:social_security")
    elif withholding_fits and not social_fits:
        withholding = new_withholding
        parsed.fields.pop("irs_withholding", None)
        parsed.put("irs_withholding", withholding, DERIVED_CONFIDENCE)
        parsed.warnings.append("derived:irs_withholding")
    return social, withholding


def rows_total(rows: list[Segment]) -> Decimal | None:
    """The sum of a deduction's rows; a row that restates the others (a summary "TSU" column repeating the
    body's "Seg. Social" line) is not counted twice."""
    values = [row.value for row in rows]
    if not values:
        return None
    for index, value in enumerate(values):
        others = values[:index] + values[index + 1 :]
        if others and value == sum(others, Decimal("0")):
            return value
    # A printed "IRS 0,00" is a withholding of nothing (pay under the withholding threshold), not an unread row.
    return sum(values, Decimal("0"))


# A figure cut by OCR at a line's end, its last cent lost ("6.1" of "6,11") or its comma ("611"): no amount, and no
# rate either.
CUT_FIGURE = re.compile(r"(?<![\d.,])(\d{1,5})(?:[.,](\d)?)?\s*€?\s*$")


def irs_row_cut_by_ocr(lines: list[Line], page: Page, parsed: Parsed) -> None:
    """An IRS row whose figure OCR cut ("IRS Trab. Suplementar 9,0% 6.1", its 6,11's last cent lost: blind probe
    r54a, a photo's overtime IRS left out of the month's withholding and estimated at the month's rate) is what the
    printed deductions' total leaves once the rows read are taken out, when the totals hold (gross less that total is
    the net) and the cut figure's digits begin that amount's. One such row on the page, on a scan or a photo only (a
    text layer cuts no figure). Its amount joins the IRS withheld (``derived:irs_withholding``) and the page's IRS
    rows, for the one-off pay its caption names."""
    deductions, gross, net = parsed.total_deductions, parsed.fields.get("gross_pay"), parsed.fields.get("net_pay")
    social, withholding = parsed.fields.get("social_security"), parsed.fields.get("irs_withholding")
    if deductions is None or gross is None or net is None or social is None or withholding is None:
        return
    if gross - deductions != net:
        return
    others = rows_total(page.rows("other_deduction")) or Decimal(0)
    gap = deductions - social - withholding - others
    if gap <= 0 or gap >= withholding + social:
        return
    cut = []
    for index, line in enumerate(lines):
        found = CUT_FIGURE.search(line.text)
        if line.confidence >= 1.0 or not found or amounts_in(line.text):
            continue
        caption = line.text[: found.start()]
        digits = found[1] + (found[2] or "")
        if role_of(label_text(caption)) == "irs_withholding" and len(digits) >= 2:
            cut.append((index, caption, digits, line.confidence))
    if len(cut) != 1:
        return
    index, caption, digits, confidence = cut[0]
    if not f"{gap:.2f}".replace(".", "").startswith(digits):
        return
    page.segments.append(Segment(label_text(caption), [gap], index, confidence, "irs_withholding"))
    parsed.fields.pop("irs_withholding")
    parsed.put("irs_withholding", withholding + gap, DERIVED_CONFIDENCE)
    parsed.warnings.append("derived:irs_withholding")


# A French slip's net before the income tax withheld at source ("Net à payer avant impôt sur le revenu"), on folded
# text: a "skip" row, never the net paid, but a subtotal the contributions and the tax each make with it.
NET_BEFORE_INCOME_TAX = re.compile(r"(?<![a-z])net\s+(?:a\s+payer\s+)?avant\s+imp")


def net_before_income_tax(lines: list[Line]) -> Decimal | None:
    """The amount of the one line printing the net before the income tax, if there is one such line."""
    found = [amounts_in(line.text) for line in lines if NET_BEFORE_INCOME_TAX.search(fold(line.text))]
    if len(found) != 1 or not found[0]:
        return None
    return found[0][-1][2]


def income_tax_between_the_nets(lines: list[Line], page: Page, parsed: Parsed) -> None:
    """The income tax a French slip withholds after the contributions is its net before that tax less its net paid
    ("Net à payer avant impôt sur le revenu 2 612,40", "Impôt sur le revenu prélevé à la source 1,90 % 49,64", "Net
    payé 2 562,76"), when the gross less the contributions read is that net before tax to the cent (the two printed
    subtotals vouch for each other). A tax row OCR read one digit off, or its first digits lost, is that difference
    (``derived:irs_withholding``) and the deductions are the gross less the net paid (blind probe r66a: a WhatsApp
    photo's "77,38" read "17,38", a slip that adds up warned ``arithmetic_mismatch``). On a text layer, or where the
    subtotals do not chain, the rows stand as read, and a slip that does not add up stays flagged."""
    gross, net = parsed.fields.get("gross_pay"), parsed.fields.get("net_pay")
    social, withholding = parsed.fields.get("social_security"), parsed.fields.get("irs_withholding")
    before = net_before_income_tax(lines)
    if gross is None or net is None or social is None or withholding is None or before is None:
        return
    if not read_by_ocr(page, "irs_withholding"):
        return
    tax = before - net
    if gross - social != before or tax <= 0 or tax == withholding or not misread_from(tax, withholding):
        return
    parsed.fields.pop("irs_withholding")
    parsed.put("irs_withholding", tax, DERIVED_CONFIDENCE)
    parsed.warnings.append("derived:irs_withholding")
    parsed.total_deductions = gross - net


def rows_matching_total(
    page: Page, deductions: Decimal, totals: tuple[Decimal, Decimal, Decimal]
) -> tuple[Decimal, Decimal, Decimal]:
    """Social security, IRS and other deductions as the printed total has them: two rows of one amount are
    two deductions, not one restated, when only their sum makes the total ("IRS (vencimento) 59,00" /
    "IRS (subsídio de Natal) 59,00")."""
    if sum(totals) == deductions:
        return totals
    roles = ("social_security", "irs_withholding", "other_deduction")
    # Every row counted, then a row printed with a minus taken off, not added ("IRS do mês 31,00" /
    # "Regularização IRS -18,00", withheld too much last month): whichever the total has.
    readings = [
        tuple(
            sum((-row.value if signed and row.negative else row.value for row in page.rows(role)), Decimal("0"))
            for role in roles
        )
        for signed in (False, True)
    ]
    for sums in readings:
        if sum(sums) == deductions:
            return sums[0], sums[1], sums[2]
    # A deduction no label names beside them ("SAMS 35,42"): the reading whose gap such rows make is the one the
    # total has, the one read first when both are (blind probe r61a: "IRS 507,00" / "IRS Sub. Natal 507,00" taken
    # for one withholding restated, the total only holding with both and the unnamed row).
    for sums in [totals, *readings]:
        if unlabelled_rows_make(page, deductions - sum(sums)):
            return sums[0], sums[1], sums[2]
    return totals


def derive(parsed: Parsed, page: Page, name: str, value: Decimal) -> None:
    if value <= 0 or name in parsed.fields:
        return
    if value in page.pool:
        parsed.put(name, value, ARITHMETIC_CONFIDENCE)
    else:
        parsed.put(name, value, DERIVED_CONFIDENCE)
        parsed.warnings.append(f"derived:{name}")


def confidence_of(page: Page, role: str, value: Decimal) -> float:
    return next((confidence for hinted, confidence in page.hints.get(role, []) if hinted == value), 0.8)


# A lump subsidy's name in a withholding line's caption ("IRS s/ subsídio de férias", "Income tax on holiday
# allowance"): the subsidy's own IRS.
# Payroll programs abbreviate it on the IRS row: "Ret. IRS SN", "IRS SF", "IRS S.Natal", "Ret. S/ Sub. Férias", "IRS
# S. Férias" (blind probe r81b, F4: "Ret. IRS SN 131,00" not taken for the subsidy's own, the month's IRS split).
SUBSIDY_NAMED = re.compile(
    dict(ROLE_PATTERNS)["subsidy"].pattern + r"|(?<![a-z])s\.?\s?[nf]\.?(?![a-z])|(?<![a-z])s\.\s?(?:nat|f[eé]r)"
)


# A lump subsidy's caption as a row prints it ("Subsídio de Natal", "Sub. Férias", "Subs. de Natal", "Christmas
# subsidy"), not the bare word ("Férias: 22 dias", "Rua do Natal").
LUMP_SUBSIDY_CAPTION = re.compile(
    r"(?<![a-z])sub(?:s[ií]dio|s)?\.?\s*(?:de\s*)?(?:f[eé]rias|natal)(?![a-z])"
    r"|(?<![a-z])(?:holiday|vacation|christmas)\s+(?:allowance|subsidy|bonus)"
)
# A figure after a caption on its row: the amount it prints, however (whole euros, cut, misread).
FIGURE = re.compile(r"\d")


def subsidy_unread(lines: list[Line], page: Page) -> bool:
    """Whether a row captions a lump subsidy and prints a figure after the caption, and no subsidy's amount (lump or
    twelfths) was read on the page: the month holds a subsidy not taken out of its net, which the screening must not
    count as a regular month's pay."""
    if page.rows("subsidy") or page.rows("subsidy_twelfths"):
        return False
    for line in lines:
        folded = fold(line.text)
        caption = LUMP_SUBSIDY_CAPTION.search(folded)
        if caption and role_of(folded) == "subsidy" and FIGURE.search(folded, caption.end()):
            return True
    return False


def payslip_subsidies(page: Page, parsed: Parsed, *, foreign: bool = False) -> None:
    """Lump subsidies and duodecimos apart; the regular net is the net without the lump subsidy's own net.

    The lump's deductions: 11% social security and IRS at the month's rate (a withholding line of its
    own when the slip prints one). The rate is read off the slip: IRS over the social-security base
    (social security / 11%), else over the gross. On another country's payslip (``foreign``) one-off pay bears
    the slip's own share of deductions (``foreign_one_off_net``).
    """
    severance = sum((s.value for s in page.rows("severance")), Decimal("0"))
    unused_holidays = sum((s.value for s in page.rows("unused_holidays")), Decimal("0"))
    if not (severance or unused_holidays):
        proportional_twelfths(page, parsed)
    lump = sum((s.value for s in page.rows("subsidy")), Decimal("0"))
    twelfths = subsidies_in_twelfths(page, parsed.fields.get("gross_pay"))
    if twelfths:
        parsed.put("subsidy_twelfths_amount", twelfths, 0.9)
    if severance or unused_holidays:
        parsed.warnings.append(TERMINATION_PAY)
    leaves = [row for row in page.segments if leave_row(row)]
    if leaves:
        parsed.warnings.append(LEAVE_WITHHELD)
    if any(leave_paid_apart(row) for row in leaves):
        parsed.warnings.append(LEAVE_PAID_APART_WARNING)
    net = parsed.fields.get("net_pay")
    one_off, costs = one_off_rows(page, parsed)
    advance = advance_deducted(page, parsed)
    if not (lump or severance or unused_holidays or one_off or costs):
        if net is not None and advance:
            parsed.advance_deducted = advance
            parsed.put("regular_net_pay", net + advance, DERIVED_CONFIDENCE)
            parsed.warnings.append("derived:regular_net_pay")
        elif net is not None:
            parsed.put("regular_net_pay", net, parsed.confidence.get("net_pay", 0.9))
        return
    if lump:
        parsed.put("subsidy_amount", lump, 0.9)
    if net is None:
        return
    subsidy_irs = sum(
        (s.value for s in page.rows("irs_withholding") if SUBSIDY_NAMED.search(fold(s.label))), Decimal("0")
    )
    # Unused holidays are taxed as a subsidy is; the compensation is its own net (exempt).
    taxed = lump + unused_holidays
    levy = health_scheme_on(page, parsed.fields, lump) if lump else Decimal(0)
    rates = {**parsed.fields, "irs_withholding": Decimal(0)} if no_irs_withheld(page, parsed) else parsed.fields
    regular = regular_net(rates, lump=taxed, subsidy_irs=subsidy_irs or None, levy=levy) if taxed else net
    if regular is None and (severance or unused_holidays):
        # No rate to take the holidays' deductions at: the net less them whole, the least the month could have
        # been. The month's whole net would count the end of a contract as pay.
        regular = net - taxed
    variable = Decimal(0)
    if regular is not None and (one_off or costs):
        taxed_apart = lump if subsidy_irs else None
        # A month that withheld no IRS: the one-off pay's IRS is none, not unknown, as a subsidy's (blind probe r62a:
        # a student worker's overtime taken out whole, its social security left in the regular net).
        if foreign:
            regular -= foreign_one_off_net(parsed.fields, one_off, costs)
            variable = foreign_one_off_net(parsed.fields, [r for r in one_off if may_recur(r)], costs, recurring=True)
        else:
            regular -= one_off_net(page, rates, one_off, costs, lump_taxed_apart=taxed_apart)
            variable = variable_net(page, rates, one_off, costs, lump_taxed_apart=taxed_apart)
    if regular is not None and advance:
        parsed.advance_deducted = advance
        regular += advance
    if regular is not None and regular - severance > 0:
        parsed.put("regular_net_pay", regular - severance, DERIVED_CONFIDENCE)
        parsed.warnings.append("derived:regular_net_pay")
        if variable > 0:
            # The screening, not one month, decides whether it recurs (docs/adr/030-a-months-regular-pay.md).
            parsed.put("variable_net_pay", variable, DERIVED_CONFIDENCE)
            parsed.warnings.append("derived:variable_net_pay")


def subsidies_in_twelfths(page: Page, gross: Decimal | None) -> Decimal | None:
    """The twelfths' rows summed, each no larger than the gross they are part of; None when there are none.

    A twelfth's row larger than the month's gross is its quantity read glued to its amount as a thousands group
    ("Duodécimo subsídio de Natal 1/12 104,17" read "112 104,17", 112 104,17): the amount is the last group, what the
    thousands leave (blind probe r75a, D6: 112 208,34 € for 208,34 € on a photo and a scan whose header's "Vencimento
    base: 1.250,00" kept the earnings from adding up either way, so the rows' spaced reading stood). The rows are
    kept whatever their sum: that the month pays its subsidies in twelfths is what makes it 12 payments a year, not
    14 (``salary_payments_per_year``)."""
    values = [row.value for row in page.rows("subsidy_twelfths")]
    if gross is not None:
        values = [value % THOUSAND if value > gross and value % THOUSAND else value for value in values]
    total = sum(values, Decimal(0))
    return total if total > 0 else None


THOUSAND = Decimal(1000)


def none_withheld(page: Page, parsed: Parsed) -> None:
    """The IRS withheld 0 when no row of it was read and the social security and the other deduction rows read make
    the slip's deductions, the net its gross less them: nothing is left for an IRS row to hold (``no_irs_withheld``).
    A photo's "IRS ........ EUR 0.00" OCR lost, or a wage under the withholding floor printing no row, is then read
    as its text layer reads the row: 0, worked out (blind probe r73b: null on the photo, 0.0 on its PDF)."""
    if parsed.fields.get("social_security") is not None and no_irs_withheld(page, parsed):
        parsed.put("irs_withholding", Decimal("0.00"), DERIVED_CONFIDENCE)
        parsed.warnings.append("derived:irs_withholding")


def no_irs_withheld(page: Page, parsed: Parsed) -> bool:
    """Whether the month withheld no IRS at all: no row of it, and the deduction rows read are the printed total
    deductions, which the net is the gross less. A low wage under the withholding floor, as a care home's or a
    shop's often is: the subsidy's IRS is then none, not unknown (blind probe r61a: a Christmas month's regular net
    left null, no warning, for want of an IRS rate)."""
    gross, net, deductions = parsed.fields.get("gross_pay"), parsed.fields.get("net_pay"), parsed.total_deductions
    if page.rows("irs_withholding") or parsed.fields.get("irs_withholding") is not None:
        return False
    if gross is None or net is None or deductions is None or gross - deductions != net:
        return False
    return deduction_rows_sum(page.segments) == deductions


# A salary advance by its caption ("Adiantamento", "Adiantamento de vencimento (pago em 15/10)", "Adiantamento por
# conta", "Salary advance"), on folded text; not a loan the worker pays back ("Reembolso de empréstimo", "Adiantamento
# (empréstimo)"), the worker's own debt, nor an advance of costs ("Adiantamento de despesas", "de ajudas de custo").
ADVANCE = re.compile(r"(?<![a-z])(?:adiantamentos?|adiant\.|(?:salary|pay)\s+advance)(?![a-z])")
NOT_AN_ADVANCE_OF_PAY = re.compile(
    r"(?<![a-z])(?:emprestimos?|loan|reembolso|despesas?|ajudas?\s+de\s+custo|deslocac\w*|viage\w*|expenses?)(?![a-z])"
)


def advance_deducted(page: Page, parsed: Parsed) -> Decimal:
    """The salary advances the slip deducts from the month's net: paid to the worker earlier (in the month, or on
    account of it), they are the month's pay, and what the month pays regularly is the net and them (blind probes
    r54a and r54b: "Adiantamento de vencimento (pago em 15/10) 400,00", the month counted at its printed 767,40, not
    the 1 167,40 it paid). Only a deduction's row, and only when the printed totals hold with it among the
    deductions (gross less the deductions' total is the net, the advance within that total): else zero, the printed
    net kept. A row printed with a minus counts when the slip prints its deductions so, the rows taken as printed
    making the total (``deducted_as_printed``)."""
    signed_column = deducted_as_printed(page, parsed.total_deductions)
    rows = [
        row
        for row in page.rows("other_deduction")
        if (signed_column or not row.negative)
        and row.value > 0
        and ADVANCE.search(fold(row.label))
        and not NOT_AN_ADVANCE_OF_PAY.search(fold(row.label))
    ]
    advance = sum((row.value for row in rows), Decimal(0))
    gross, net, deductions = parsed.fields.get("gross_pay"), parsed.fields.get("net_pay"), parsed.total_deductions
    if not advance or gross is None or net is None or deductions is None:
        return Decimal(0)
    if gross - deductions != net or advance > deductions or net + advance > gross:
        return Decimal(0)
    return advance


def deducted_as_printed(page: Page, deductions: Decimal | None) -> bool:
    """Whether the deduction rows printed with a minus ("Adiantamento de vencimento -300,00" in the Descontos column)
    are deductions as the others are, the minus only how the slip prints the column ("-300,00", "300,00-",
    "(300,00)"): the rows' values, none taken off, make the printed total (blind probe r67b: a salary advance printed
    so not added back). A deduction given back ("Regularização IRS -18,00") makes the total only taken off."""
    rows = [row for row in page.segments if row.role in DEDUCTION_ROLES]
    if deductions is None or not any(row.negative for row in rows):
        return False
    return sum((row.value for row in rows), Decimal(0)) == deductions


# Money a month pays once, taxed as pay (blind probe r50a: the month's whole net counted, an annual productivity bonus
# of 1 500 € in it as if it recurred): a bonus or an award ("Prémio de produtividade", "Gratificação de balanço",
# "Bónus"), back pay ("Retroativos", "Diferenças de vencimento de meses anteriores", "Back pay", "Arrears"), and
# overtime ("Trabalho suplementar", "Horas extra", "Overtime"). Overtime is one-off by law: the Código do Trabalho
# (art. 227.º) allows it only for an occasional and passing need, at most 150 to 200 hours a year, and the employer
# need not offer it again; a month's overtime is no promise of the next's. The shift, night work, seniority and
# exemption from hours allowances ("Subsídio de turno", "Trabalho noturno", "Diuturnidade", "Isenção de horário")
# are paid every month of the job and stay regular pay.
# Overtime as payroll programs print it, cut to fit a column too ("Trab. suplementar", "Trab. Supl.", "H. Extra",
# "Hrs extra", "Horas suplementares"): a caption cut short is the same money. The Código do Trabalho's older word,
# which public bodies' and many programs' slips still print, is the same too: "Trabalho extraordinário", "Trab.
# extra", "Serviço extraordinário / suplementar" (blind probe r61a: left in a municipality worker's regular net).
OVERTIME_WORDS = (
    r"overtime|(?:horas?|hrs?\.?|h\.)\s*extra(?:s|ordin[aá]rias)?|horas\s+suplementares"
    r"|(?:trabalho|trab\.?|t\.)\s*supl(?:ementar(?:es)?|\.)?"
    r"|(?:trabalho|trab\.?|t\.|servi[cç]o|serv\.?)\s*extra(?:ord(?:in[aá]ri[oa]s?|\.)?)?"
    r"|(?:servi[cç]o|serv\.?)\s*supl(?:ementar(?:es)?|\.)?"
)
ONE_OFF_PAY = re.compile(
    r"(?<![a-z])(?:pr[eé]mios?|gratifica[cç](?:[aã]o|[oõ]es)|b[oó]nus|bonus(?:es)?|retroac?tiv[oa]s?|arrears"
    r"|back\s*pay|" + OVERTIME_WORDS + r")(?![a-z])"
    r"|(?<![a-z])diferen[cç]as?\s+(?:de\s+)?(?:vencimento|remunera[cç]|sal[aá]rio|ordenado)"
    # Another country's (blind probe r66a: a German "Einmalzahlung Prämie" left in the regular net): Germany's
    # one-off and special payments and bonus ("Einmalzahlung", "Sonderzahlung", "Prämie"), France's "Prime", and
    # the holiday and Christmas pay of a salary paid 12 times a year, a lump paid once ("Urlaubsgeld",
    # "Weihnachtsgeld", "13e mois", "Tredicesima", "Paga extra", "Vakantiegeld", "Dertiende maand",
    # "Eindejaarsuitkering", Belgium's "Pécule de vacances" and "Prime de fin d'année"): docs/api.md.
    r"|(?<![a-z])(?:einmalzahlung|sonderzahlung|pramie|primes?|urlaubsgeld|weihnachtsgeld|tredicesima"
    r"|quattordicesima|vakantiegeld|eindejaarsuitkering|pecule\s+de\s+vacances)(?![a-z])"
    r"|(?<![a-z])(?:13|14)\s?(?:e|eme|th|a|ª)?\s+(?:mois|mensilita|maand|month)"
    r"|(?<![a-z])(?:dertiende|treizieme)\s+(?:maand|mois)|(?<![a-z])pagas?\s+extra"
)
# A bonus its own caption says is monthly ("Prémio mensal", "Prémio de produtividade (objetivos mensais)", "Monthly
# bonus") recurs, and so does one for what the worker brings every month: their attendance ("Prémio de
# assiduidade"), a language the job needs ("Language Bonus / Prémio de língua", a shared-services centre's, its year
# to date nine times the month's in October), or the hours of their roster, as a shift allowance is ("Prémio de
# trabalho ao domingo" on a shop's every payslip, "Prémio nocturno", "Prémio de turno": blind probe r47b). So does one
# for what the post itself is, every month it is held, as collective agreements name them: its function, a team's
# lead, seniority, risk, an exemption from hours, being on call, responsibility, arduous or unhealthy work ("Prémio
# de função", "Prémio de chefia", "Prémio de antiguidade", "Prémio de risco": round 50A's note left them alone).
MONTHLY = re.compile(
    r"(?<![a-z])(?:mensal|mensais|monthly|assiduidade|attendance|l[ií]nguas?|idiomas?|languages?"
    r"|domingos?|sundays?|noc?turnos?|turnos?|shifts?"
    r"|fun[cç](?:[aã]o|[oõ]es)|chefia|antiguidade|risco|isen[cç][aã]o|disponibilidade|preven[cç][aã]o"
    r"|responsabilidade|penosidade|insalubridade|seniority|hazard"
    # France's and Belgium's monthly primes ("Prime d'ancienneté", "Prime de transport", "Prime de panier"), and
    # Spain's extra pay paid in monthly shares ("Prorrata pagas extraordinarias": round 66's r66a sweep, a nómina's
    # every month taken for a lump).
    r"|mensuelle|anciennete|transport|panier|astreinte|prorrat[a-z]*|prorat[a-z]*|pro\s+rata)(?![a-z])"
)
# Costs paid back beyond the law's limits bear social security and IRS as pay does, and say so ("Ajudas de custo —
# deslocação (excesso sujeito)" below its "(isentas)" row: blind probe r47b).
TAXED_COSTS = re.compile(r"(?<!nao )(?<![a-z])(?:sujeit[oa]s?|tributad[oa]s?|tributave(?:l|is)|taxable)(?![a-z])")
# Money paid back for the worker's costs, not pay: per diems ("Ajudas de custo"), mileage in the worker's own car
# ("Km em viatura própria", "Quilómetros"), travel ("Deslocações"), and expenses refunded ("Reembolso de despesas",
# "Expenses refund"). Within the law's limits none bears social security or IRS, so its net is itself; a month
# without the trips it pays for pays none of it (blind probe r50a: 86 € to 402 € of them counted as income).
COSTS_PAID = re.compile(
    r"(?<![a-z])ajudas?\s+de\s+custo|(?<![a-z])(?:km|kms|quil[oó]metros?)(?![a-z])|(?<![a-z])desloca[cç](?:[oõ]es|[aã]o)"
    r"|reembolso\s+de\s+despesas?|(?<![a-z])per\s+diems?(?![a-z])|(?<![a-z])mileage(?![a-z])"
    r"|(?<![a-z])expenses?\s+(?:refund|reimburse)"
)
# An allowance's caption ("Subsídio de deslocação", "Subs. transporte (30 km)"): paid every month of the job, not a
# trip's cost, though it names the trips.
AN_ALLOWANCE = re.compile(r"(?<![a-z])sub(?:s[ií]dio|s)?(?:\.|(?![a-z]))")
# What the caption says bears neither social security nor IRS ("Subsídio de deslocação (não sujeito)", "isento").
UNTAXED = re.compile(r"(?<![a-z])(?:nao\s+(?:sujeit|tributad)[oa]s?|isent[oa]s?|exempt)(?![a-z])")


def costs_paid_back(caption: str) -> bool:
    """Whether the row pays back the worker's costs. A displacement allowance the slip says is untaxed is one: the
    law counts no "ajudas de custo, abonos de viagem, despesas de transporte" of trips in the employer's service as
    pay (Código do Trabalho art. 260.º) and taxes them only above their limits (CIRS art. 2.º n.º 3 d)); the part
    within them, "não sujeito", is the cost (blind probe r66a: an expat's 240 € counted in the regular net)."""
    return bool(COSTS_PAID.search(caption)) and (not AN_ALLOWANCE.search(caption) or bool(UNTAXED.search(caption)))


# A holiday pay's reserve the slip reports and does not pay ("Reservering vakantiegeld", "Opgebouwd vakantiegeld",
# "Accrued holiday pay"): no pay of the month, so none to take out of its net.
ACCRUED = re.compile(r"(?<![a-z])(?:reserv\w*|opgebouwd\w*|accrued|accrual|provision)(?![a-z])")


# Roles a one-off row may have been read with: an earning the vocabulary names ("Prémio", "Trabalho suplementar",
# "Ajudas de custo") or none ("Retroativos", "Gratificação"), never a deduction, a total or a subsidy.
ONE_OFF_ROLES = frozenset({None, "earning"})


def one_off_rows(page: Page, parsed: Parsed) -> tuple[list[Segment], list[Segment]]:
    """The month's one-off pay and the costs it pays back, by their rows' captions: paid (positive, a correction
    taken off the month is no pay), and together less than the gross, as earnings the gross adds up are. A
    "Subsídio de deslocação" paid every month is an allowance, not a trip's cost (docs/adr/030-a-months-regular-pay.md),
    but for its part the slip says is untaxed (``costs_paid_back``)."""
    one_off: list[Segment] = []
    costs: list[Segment] = []
    for row in page.segments:
        if row.role not in ONE_OFF_ROLES or signed(row) <= 0:
            continue
        caption = ROW_CODE.sub("", fold(row.label), count=1)
        if ACCRUED.search(caption):
            continue
        if costs_paid_back(caption):
            (one_off if TAXED_COSTS.search(caption) else costs).append(row)
        elif ONE_OFF_PAY.search(caption) and not MONTHLY.search(caption):
            one_off.append(row)
    gross = parsed.fields.get("gross_pay")
    total = sum((row.value for row in one_off + costs), Decimal(0))
    if gross is None or total >= gross:
        return [], []
    return one_off, costs


def one_off_net(
    page: Page,
    fields: dict[str, Decimal | None],
    one_off: list[Segment],
    costs: list[Segment],
    *,
    lump_taxed_apart: Decimal | None,
) -> Decimal:
    """What the month's one-off pay and costs paid back add to its net. Costs are their own net. One-off pay bears
    11% social security and IRS: its own withholding line when the slip prints one ("IRS s/ prémio", "IRS
    retroativos", as a subsidy's), else the month's rate, read as a lump subsidy's is, without the withholding a
    subsidy's own line holds and the subsidy it is on; on a month that withheld no IRS (``fields`` holding it 0) the
    pay less its social security alone. No rate to read (no IRS, no base), or neither social security nor IRS
    charged: the pay is taken whole, the least the month could have been."""
    paid = sum((row.value for row in one_off), Decimal(0))
    taxed_net = paid
    irs = one_off_irs(page, fields, paid, lump_taxed_apart=lump_taxed_apart) if paid else None
    if irs is not None:
        taxed_net = paid - social_security_on(paid, fields) - irs
    return taxed_net + sum((row.value for row in costs), Decimal(0))


def foreign_one_off_net(
    fields: dict[str, Decimal | None], one_off: list[Segment], costs: list[Segment], *, recurring: bool = False
) -> Decimal:
    """What another country's one-off pay and costs paid back add to its net: the pay less its share of the month's
    social insurance and income tax, each in the proportion the slip withholds them on its gross (neither Portugal's
    11 % nor its IRS rate holds abroad); costs are their own net (with ``recurring``, those that may recur only).
    No gross read: the pay is taken whole, the least the month could have been (blind probe r66a: a German
    Verdienstabrechnung's "Einmalzahlung Prämie" left in the regular net; docs/adr/030-a-months-regular-pay.md)."""
    paid = sum((row.value for row in one_off), Decimal(0))
    gross = fields.get("gross_pay")
    withheld = (fields.get("social_security") or Decimal(0)) + (fields.get("irs_withholding") or Decimal(0))
    taxed_net = paid
    if paid and gross and 0 < withheld < gross:
        taxed_net = paid - (paid * withheld / gross).quantize(CENT, rounding=ROUND_HALF_UP)
    returned = (row.value for row in costs if may_recur(row) or not recurring)
    return taxed_net + sum(returned, Decimal(0))


def one_off_irs(
    page: Page, fields: dict[str, Decimal | None], paid: Decimal, *, lump_taxed_apart: Decimal | None
) -> Decimal | None:
    """The IRS withheld on the month's one-off pay (``paid``): its own line, else the month's rate; None without a
    rate to read."""
    own_irs = sum(
        (s.value for s in page.rows("irs_withholding") if ONE_OFF_PAY.search(fold(s.label))),
        Decimal(0),
    )
    subsidy_irs = sum(
        (s.value for s in page.rows("irs_withholding") if SUBSIDY_NAMED.search(fold(s.label))), Decimal(0)
    )
    social, withholding = fields.get("social_security"), fields.get("irs_withholding")
    taxable = social / SS_EMPLOYEE_RATE if social else fields.get("gross_pay")
    irs = own_irs or None
    if irs is None and withholding is not None and taxable:
        # The month's rate on the pay the month's own withholding is on: not a subsidy taxed on a line of its own.
        rest = taxable - (lump_taxed_apart or 0)
        if rest > 0:
            irs = (paid * (withholding - subsidy_irs) / rest).quantize(CENT, rounding=ROUND_HALF_UP)
    return irs


# Of the money a month's regular net leaves out, what a job may pay every month: overtime ("Trabalho suplementar",
# "Horas extra", "Overtime") and per diems ("Ajudas de custo", "Per diem"), round 47B's construction worker's and TIR
# driver's. One month cannot tell, three can: the screening counts them when every month counted pays them (ADR 030,
# amended 2026-12-05). A bonus stays a bonus however often it comes, back pay pays past months, and mileage, travel
# and refunds pay a cost back: none of them is here.
OVERTIME = re.compile(r"(?<![a-z])(?:" + OVERTIME_WORDS + r")(?![a-z])")
PER_DIEMS = re.compile(r"(?<![a-z])ajudas?\s+de\s+custo|(?<![a-z])per\s+diems?(?![a-z])")
MILEAGE = re.compile(r"(?<![a-z])(?:km|kms|quil[oó]metros?|mileage)(?![a-z])")


def may_recur(row: Segment) -> bool:
    """Overtime or a per diem, by the row's caption (a per diem naming the kilometres it pays is mileage)."""
    caption = ROW_CODE.sub("", fold(row.label), count=1)
    if ONE_OFF_PAY.search(caption) and not OVERTIME.search(caption):
        return False
    return bool(OVERTIME.search(caption) or (PER_DIEMS.search(caption) and not MILEAGE.search(caption)))


def variable_net(
    page: Page,
    fields: dict[str, Decimal | None],
    one_off: list[Segment],
    costs: list[Segment],
    *,
    lump_taxed_apart: Decimal | None,
) -> Decimal:
    """Of what ``one_off_net`` takes out, the overtime's and the per diems' part, by the same arithmetic: pay less 11%
    and its share of the one-off pay's IRS, per diems whole unless the slip says they are taxed."""
    paid = sum((row.value for row in one_off), Decimal(0))
    recurring = sum((row.value for row in one_off if may_recur(row)), Decimal(0))
    taxed_net = recurring
    irs = one_off_irs(page, fields, paid, lump_taxed_apart=lump_taxed_apart) if recurring else None
    if irs is not None:
        share = (irs * recurring / paid).quantize(CENT, rounding=ROUND_HALF_UP)
        taxed_net = recurring - social_security_on(recurring, fields) - share
    return taxed_net + sum((row.value for row in costs if may_recur(row)), Decimal(0))


# A subsidy's row said to be its share of the month ("Proporcional férias", "Proporcionais de Natal", "Subsídio de
# Natal proporcional"), its last letter misread by OCR on a photo ("Proporciona! férias").
PROPORTIONAL = re.compile(r"(?<![a-z])proporciona(?:[l!1|]|is)(?![a-z])")
# Holiday pay and its subsidy earned by a month's work: two months' pay a year, two twelfths of the month's.
MONTHLY_SHARE = Decimal(2) / Decimal(12)


def proportional_twelfths(page: Page, parsed: Parsed) -> None:
    """A subsidy's proportional rows paid with the month's pay, each at most two twelfths of it, are the subsidies
    paid in twelfths: a temp agency's "Proporcional férias 153,16" and "Proporcional Natal 76,58" with "Horas
    normais (168 h x 5,47) 918,96" recur every month of the assignment. Blind probe r46b: read as a lump subsidy,
    the month counted 18% below its printed net. Larger, a proportional subsidy is the months worked paid at once
    (a new employee's first subsidy), a lump still; on a contract's last payslip it is left to that slip's
    reading (docs/adr/027-a-contract-s-last-payslip.md)."""
    proportional = [row for row in page.rows("subsidy") if PROPORTIONAL.search(fold(row.label)) and row.value > 0]
    if not proportional:
        return
    gross = parsed.fields.get("gross_pay")
    without_them = gross - sum((row.value for row in proportional), Decimal(0)) if gross is not None else None
    month = max(figure for figure in (parsed.fields.get("base_salary"), without_them, Decimal(0)) if figure is not None)
    if all(row.value <= month * MONTHLY_SHARE + CENT for row in proportional):
        for row in proportional:
            row.role = "subsidy_twelfths"


def regular_net(
    fields: dict[str, Decimal | None],
    *,
    lump: Decimal,
    subsidy_irs: Decimal | None = None,
    levy: Decimal = Decimal(0),
) -> Decimal | None:
    """Net pay without a lump subsidy's own net: the subsidy less its 11% social security, its IRS and the health
    scheme's ``levy`` on it (``health_scheme_on``).

    The subsidy's IRS is its own withholding line when the slip prints one, else the month's rate
    (IRS over the social-security base, social security / 11%; else over the gross) applied to it.
    """
    net, social, withholding = fields.get("net_pay"), fields.get("social_security"), fields.get("irs_withholding")
    if net is None:
        return None
    if subsidy_irs is None:
        taxable = social / SS_EMPLOYEE_RATE if social else fields.get("gross_pay")
        if withholding is None or not taxable:
            return None
        subsidy_irs = (lump * withholding / taxable).quantize(CENT, rounding=ROUND_HALF_UP)
    subsidy_net = lump - social_security_on(lump, fields) - subsidy_irs - levy
    return net - subsidy_net


def social_security_on(pay: Decimal, fields: dict[str, Decimal | None]) -> Decimal:
    """The worker's 11 % social security on ``pay``; none on a slip that charges neither social security nor IRS
    (no social security read, the IRS withheld 0), whose one-off pay or subsidy is then its own net."""
    if not fields.get("social_security") and fields.get("irs_withholding") == 0:
        return Decimal(0)
    return (pay * SS_EMPLOYEE_RATE).quantize(CENT, rounding=ROUND_HALF_UP)


# A public servant's health scheme, charged at a rate on the pay: the ADSE, the police's SAD ("SAD/PSP", "SAD/GNR"),
# the military's ADM. By law (3,5 %) it is charged on the holiday and Christmas subsidies too, on the month's row.
HEALTH_SCHEME = re.compile(r"(?<![a-z])(?:adse|sad|adm)(?![a-z])")
HEALTH_SCHEME_RATE = Decimal("0.035")
PRINTED_RATE = re.compile(r"(?<![\d.,])(\d{1,2}(?:[.,]\d{1,2})?)\s?%")


def health_scheme_on(page: Page, fields: dict[str, Decimal | None], lump: Decimal) -> Decimal:
    """The health scheme's share of a lump subsidy: its rate (printed on its row, else the law's 3,5 %) times the
    subsidy, when the row is that rate of the base salary and the subsidy (what the law charges it on), of the
    month's social-security base (social security / 11%, the subsidy in it) or of the gross: the slip charged it on
    the subsidy too. Blind probe r53a: the regular net of a public
    servant's Christmas month left the subsidy's ADSE in, tens of euros over the other months' net. Zero when no
    row is such a share (a scheme charged at a flat amount, or on the base alone)."""
    social, gross, salary = fields.get("social_security"), fields.get("gross_pay"), fields.get("base_salary")
    charged_on = (salary + lump if salary else None, social / SS_EMPLOYEE_RATE if social else None, gross)
    bases = [base for base in charged_on if base and base > lump]
    levy = Decimal(0)
    for row in page.rows("other_deduction"):
        label = fold(row.label)
        if not HEALTH_SCHEME.search(label):
            continue
        printed = PRINTED_RATE.search(label)
        rate = Decimal(printed.group(1).replace(",", ".")) / 100 if printed else HEALTH_SCHEME_RATE
        if rate <= 0 or rate > Decimal("0.1"):
            continue
        if any(abs(rate * base - row.value) <= 2 * CENT for base in bases):
            levy += (lump * rate).quantize(CENT, rounding=ROUND_HALF_UP)
    return levy


# The words naming each party in a caption, and all the words of the parties' boxes' captions ("ENTIDADE
# EMPREGADORA", "TRABALHADOR", "Dados do colaborador").
EMPLOYER_CAPTION_WORDS = frozenset({"empregadora", "empregador", "patronal", "empresa", "employer", "company"})
EMPLOYEE_CAPTION_WORDS = frozenset(
    {"trabalhador", "trabalhadora", "colaborador", "colaboradora", "funcionario", "funcionaria", "empregado",
     "empregada", "employee"}
)  # fmt: skip
CAPTION_WORDS = (
    EMPLOYER_CAPTION_WORDS | EMPLOYEE_CAPTION_WORDS | {"entidade", "nome", "dados", "do", "da", "de", "name"}
)


def captions_only(name: str | None) -> bool:
    """Whether a name read is only the parties' captions: two boxes' captions side by side read as the employer
    ("EMPREGADORA TRABALHADOR", blind probe r39a, a photo whose names under them were lost); another country's
    worker's caption too ("TRABAJADOR/A" beside "EMPRESA": blind probe r66a)."""
    words = [word for word in (word.strip(".:;,()/|") for word in re.split(r"[\s/]+", fold(name or ""))) if word]
    return bool(words) and all(
        word in CAPTION_WORDS or FOREIGN_PAYROLL_CAPTION.fullmatch(word) or len(word) == 1 for word in words
    )


# Another country's payroll captions, on folded text: the worker's and the employer's boxes' ("Trabajador/a",
# "Dipendente", "Werknemer", "Salarié", "Arbeitnehmer", "Colaborador"; "Azienda", "Werkgever", "Employeur") and the
# month's ("Abrechnungsmonat", "Période", "Periodo", "Maand", "Monthly"). A caption is no one's name nor a part of
# one (blind probe r66a: "Abrechnungsmonat August" given as a German slip's worker, "Nadia Haddad Monthly").
FOREIGN_PAYROLL_CAPTION = re.compile(
    r"(?<![a-z])(?:trabajador(?:/?a)?|emplead[oa]|salariee?|dipendente|lavorat(?:ore|rice)|werknemer|mitarbeiter(?:in)?"
    r"|arbeitnehmer(?:in)?|colaborador(?:/?a)?|azienda|werkgever|arbeitgeber|employeur|empleador"
    r"|abrechnungs(?:monat|zeitraum)|monat|periode|periodo|mese|maand|mes|month|monthly"
    # The earnings' and deductions' columns' headings under the boxes ("Bezüge  Abzüge", "Competenze  Trattenute").
    r"|bezuge|abzuge|devengos|deducciones|competenze|trattenute"
    # A German slip's tax class and church tax captions beside the personnel number ("StKl III · Kirche: rk").
    r"|stkl|kirche)(?![a-z])"
)


# The words a company's name says its trade by, which name no one ("ArmaLog - Logística e Armazenagem, S.A.",
# "Construções ... & Filhos", "Serviços de Contact Center"), on folded text: a piece of the employer's name read as
# the worker's is not a name (blind probe r61a: "Logistica e Armazenagem" given as the worker, their own name
# unread before their NIF on the employer's line).
COMPANY_WORDS = re.compile(
    r"(?<![a-z])(?:log[ií]stic[ao]s?|armazenagem|armaz[eé]ns|distribui[cç][aã]o|servi[cç]os|constru[cç][oõ]es"
    r"|com[eé]rcio|transportes|ind[uú]strias?|retalho|alimentar|hotelaria|restaura[cç][aã]o|limpezas?"
    r"|consultoria|solu[cç][oõ]es|tecnologias?|sistemas|investimentos|imobili[aá]ria|telecomunica[cç][oõ]es"
    r"|engenharia|hipermercados?|supermercados?|mercearias?|associa[cç][aã]o|munic[ií]pio|holding)(?![a-z])"
)


def plausible_name(name: str | None) -> str | None:
    """A person's name: two to eight words, none of them a payslip label word nor a company's trade, each
    capitalised but the particles ("de", "da")."""
    if not name:
        return None
    words = name.split()
    # Accents kept: "Sá" is a surname, "SA" a company's legal form.
    if not 2 <= len(words) <= 8 or LABEL_WORDS.search(fold(name)) or COMPANY_SUFFIX.search(name.lower()):
        return None
    if COMPANY_WORDS.search(fold(name)) or FOREIGN_PAYROLL_CAPTION.search(fold(name)):
        return None
    if ends_cut(name):
        # "Bruno Miguel dos": a name cut at its line's end, not the whole name.
        return None
    return name if name_shaped(name) else None


def name_shaped(name: str) -> bool:
    """Capitalised words, with Portugal's particles or, between two words, another language's in lower case
    ("Alejandro Ruiz de la Fuente", "Sanne van der Berg")."""
    words = name.split()
    kept = [
        word for index, word in enumerate(words) if not (0 < index < len(words) - 1 and word in FOREIGN_NAME_PARTICLES)
    ]
    return capitalised(" ".join(kept))


def before_next_label(name: str | None) -> str | None:
    """A labelled name up to the next label on its line ("Miguel Leal Employee tax number"), and the acronym
    that qualifies that label ("Priya Shah-Robinson NI number", "Laura Käser AHV Nr.")."""
    if not name:
        return None
    words = name.split()
    for index, word in enumerate(words):
        # A label's own punctuation is no part of it ("CONTRIB.:").
        if (
            LABEL_WORDS.fullmatch(fold(word).strip(".:"))
            or NUMBER_SIGN.fullmatch(word)
            or caption_misread(word)
            or glued_number_caption(word)
        ):
            if index >= 2 and QUALIFYING_ACRONYM.fullmatch(words[index - 1]) and not name.isupper():
                index -= 1
            return " ".join(words[:index])
    return name


# The long captions a header prints after the name on its line ("Nome: ... Categoria ...", "... Admissão ..."),
# folded: OCR of a photo misreads a letter of one ("Categonia": blind probe r54a, the job title read into the name
# and the name refused). A name's word is seldom one letter off one of these.
NAME_ENDING_CAPTIONS = frozenset(
    {"categoria", "admissao", "departamento", "contribuinte", "funcao", "profissao", "seccao", "matricula",
     "vencimento", "remuneracao"}
)  # fmt: skip


def caption_misread(word: str) -> bool:
    """Whether a word, capitalised, is one of the long captions with one letter misread (its own punctuation
    apart)."""
    folded = fold(word).strip(".:")
    return word[:1].isupper() and any(
        len(caption) == len(folded) and sum(a != b for a, b in zip(caption, folded, strict=True)) == 1
        for caption in NAME_ENDING_CAPTIONS
    )


# "Nº" / "N°" alone (folded it is the word "no"): the caption of a number after the name; its N lost to a fold
# or a speck (".º", "».º": doc probe 31), an ordinal sign is still no part of a name.
NUMBER_SIGN = re.compile(r"(?:N|[^\w\s])?\.?[º°]\.?:?")
# "N.º" before a number's caption as OCR of a photo reads it: "NS", "Ns", "No", "N9", "Nº" or a bare "N", apart from
# the caption or glued to it ("N.º Contribuinte" read "NSContribuinte", "Ns Contribuinte", "N.ºSeg. Social").
NUMBER_SIGN_SHAPE = r"N(?:\.?\s?[º°]|\.?[oOsS9])?\.?:?"
# The captions a number's sign stands before: the taxpayer's, social security's, the worker's own number's.
NUMBER_CAPTION_WORD = (
    r"(?i:contribuinte|contrib\.|nif|n\.\s?i\.\s?f|niss|nipc|seg(?:\.|uran[cç]a)|s\.\s?s\.|benef(?:\.|ici[aá]rio)"
    r"|mecanogr[aá]fico|matr[ií]cula|identifica[cç][aã]o|fiscal|trabalhador|colaborador|funcion[aá]rio|empregad[oa])"
    r"(?![^\W\d_])"
)
NUMBER_SIGNED_CAPTION = re.compile(rf"\s+{NUMBER_SIGN_SHAPE}\s*(?={NUMBER_CAPTION_WORD})")
GLUED_SIGN_AND_CAPTION = re.compile(rf"{NUMBER_SIGN_SHAPE}{NUMBER_CAPTION_WORD}")


def glued_number_caption(word: str) -> bool:
    """Whether a word is a number's sign glued to its caption ("NSContribuinte"): the next field's, no part of a
    name (blind probe r59a: a phone photo's worker read "... Pereira Silva Nscontribuinte", the last word taken for
    a surname). Only a number's caption whole: a name's word is none ("Nogueira", "Novais")."""
    return bool(GLUED_SIGN_AND_CAPTION.match(word))


# An acronym in capitals before a label, in a name printed in mixed case: the label's own ("NI number").
QUALIFYING_ACRONYM = re.compile(r"[A-Z]{2,4}")


# A name's caption opening a line, no colon: a box's caption, not the company's own word.
BOX_CAPTION = re.compile(r"^\s*Nome\s+(?=[A-ZÀ-Ý])")


def letterhead_beside_caption(value: str) -> bool:
    """Whether a name's caption is followed on its line by a company and no employer's caption: a caption alone
    at the top of its box ("Nome"), the letterhead on the right joined to it by OCR ("Nome Brilho Total -
    Limpezas, Lda."). The name is in the box, below; the letterhead's address is joined to it there."""
    folded = fold(value)
    return bool(COMPANY_SUFFIX.search(folded)) and not EMPLOYER_LABEL.search(folded)


# A street's word starting an address, a door's number after a comma or a postcode after it on the line: the
# right column's letterhead address joined to a name on the left ("Maria Gomes Rua das Fontaínhas, 301,
# 4000-234 Porto"). Not a surname that is also a street's word, a NIF after it ("Paulo Estrada Lima 215763920").
STREET_AFTER_NAME = re.compile(
    r"\s(?:Rua|R\.|Avenida|Av\.|Travessa|Tv\.|Largo|Praça|Estrada|Calçada|Alameda|Urbanização|Urb\.)\s"
    r"(?=[^\d]*(?:,\s*\d|\d{4}\s?-\s?\d{3}(?!\d)))"
)


def before_street(text: str) -> str:
    """The text up to an address a street's word starts (a door's number or a postcode after it)."""
    street = STREET_AFTER_NAME.search(text)
    return text[: street.start()] if street else text


def under_caption(caption_row: str, at: int, value_row: str) -> str:
    """The value in a caption's column: a row of captions parted by dots or bars ("NIM · Posto · Nome") over a
    row of as many values ("14829301 · Cabo · Tiago Bernardo") gives the one under the caption at ``at``;
    any other row is returned whole."""
    captions = FIELD_BREAK.split(caption_row)
    values = FIELD_BREAK.split(value_row)
    if len(captions) < 2 or len(values) != len(captions):
        return value_row
    column = len(FIELD_BREAK.split(caption_row[:at])) - 1
    return values[column]


def name_tail(lines: list[Line], at: int) -> str:
    """The end of a name under its caption that a narrow box wrapped onto the next line ("Nome" / "Ram Bahadur" /
    "Gurung" / "NIF"): one or two capitalised words alone on their line, a caption alone on the line after."""
    if at + 2 >= len(lines):
        return ""
    tail, after = lines[at + 1].text.strip(), lines[at + 2].text
    if not name_words_alone(tail) or not labels_only(after) or not re.search(r"[^\W\d_]", after):
        return ""
    return tail


def name_words_alone(text: str) -> bool:
    """One or two capitalised words alone on their line, no label or company among them: a name's end."""
    return (
        1 <= len(text.split()) <= 2
        and clean_name(text) == text
        and capitalised(text)
        and not LABEL_WORDS.search(fold(text))
        and not COMPANY_SUFFIX.search(fold(text))
    )


# A name whose cell goes on below with name-like words that cannot be placed in it: maybe cut, so not certain.
CUT_NAME_CONFIDENCE = 0.6


# The next field's caption opening a line, up to its colon ("NIF:", "Categoria profissional:").
NEXT_FIELD_CAPTION = re.compile(r"\s*([^\W\d_][^:\d]{0,30}):")


def name_wrapped_below(caption_line: Line, at: int, name: str, below: list[Line]) -> tuple[str | None, bool]:
    """The end of a name read after its caption that its table cell wrapped onto the next line ("Trabalhador: Ana
    Silva" / "Pereira" / "NIF:"; blind probe r67b: the surname dropped, a wrong name given as certain), and whether
    the name may be cut all the same (name words under it that cannot be placed in its cell). The next line's words
    in the caption's column, left of the column after the name where word boxes show it, are the name's end when
    they are name words alone; with no word boxes, only when a caption follows them (the next cell's)."""
    if not below or table_heading_row(below[0].text):
        return None, False
    cell = words_in_the_names_cell(caption_line, at, name, below[0])
    if cell is None:
        caption_after = len(below) > 1 and NEXT_FIELD_CAPTION.match(below[1].text)
        cell, placed = below[0].text.strip(), bool(caption_after and LABEL_WORDS.search(fold(caption_after.group(1))))
    else:
        placed = True
    if not cell or JOB_TITLE.match(cell + " ") or len(name.split()) + len(cell.split()) > 8:
        return None, False
    if any(fold(word).rstrip("s") in NAME_ENDING_CAPTIONS for word in cell.split()):
        return None, False  # a table's heading under the name ("Vencimentos"), no surname
    if name_words_alone(cell):
        return (cell, False) if placed else (None, True)
    return None, False


# A table's column headings, folded: a line under the name holding one heads the rows, whatever its first column
# says ("Movimento  Montante", "Percepções  Descontos" OCR read "Penvesrções"): no surname (round 67's regression
# run of blind probe r67b: "Carla Nunes Soares Movimento").
TABLE_HEADING = re.compile(
    r"(?<![a-z])(?:montantes?|valor(?:es)?|importancias?|quantidade|qtd|taxa|descontos|abonos|deducoes|codigo|cod"
    r"|descricao|designacao|rubricas?|movimentos?|percepcoes|remuneracoes)(?![a-z])"
)


def table_heading_row(text: str) -> bool:
    """Whether the line heads a table's columns: a heading word and no figure."""
    folded = fold(text)
    return bool(TABLE_HEADING.search(folded)) and not re.search(r"\d", folded)


def words_in_the_names_cell(caption_line: Line, at: int, name: str, below: Line) -> str | None:
    """The words of the line under a labelled name that stand in its cell: from the caption's left edge to the
    next column's on the caption's line (the first word after the name's last). None without word boxes."""
    words, boxes = caption_line.text.split(), caption_line.word_boxes
    under = below.text.split()
    if len(boxes) != len(words) or len(below.word_boxes) != len(under) or not under:
        return None
    first = len(caption_line.text[:at].split())
    if first >= len(words):
        return None
    last = fold(name.split()[-1])
    ends = [index for index in range(first, len(words)) if fold(words[index]).strip(".,;:") == last]
    # A word's height of slack each side: the next column's value may start a pixel left of its caption.
    right = boxes[ends[0] + 1][0] - boxes[ends[0] + 1][3] if ends and ends[0] + 1 < len(words) else math.inf
    left = boxes[first][0] - boxes[first][3]
    kept = [index for index, box in enumerate(below.word_boxes) if left <= box[0] < right]
    if not kept or kept != list(range(kept[0], kept[-1] + 1)):
        return ""
    return " ".join(under[index] for index in kept)


def ends_cut(name: str | None) -> bool:
    """A name ending in a particle ("Bruno Miguel dos"): cut at its line's end."""
    words = (name or "").split()
    return bool(words) and words[-1].lower() in NAME_PARTICLES - {"e"}


# What ends a labelled name on its line: a field's break, or a dash between spaces as OCR reads a middle dot
# ("Employee: Nadia Haddad · Monthly" read "... Haddad - Monthly": blind probe r66a, "Monthly" read into the name).
# A double-barrelled name has no spaces around its hyphen ("Shah-Robinson").
NAME_FIELD_BREAK = re.compile(r"\s[·•|—–-]\s")


def labelled_value(rest: str) -> str:
    """The value after a label, up to the next field: its first part with a letter, past a number printed
    before it ("Trabalhadora 182940578 · Maria de Fátima Semedo": the NIF, then the name)."""
    # A dotted leader stays for after_leader to read past ("Nome ........ Ana").
    parts = [part.lstrip(" :") for part in NAME_FIELD_BREAK.split(rest)]
    return next((part for part in parts if re.search(r"[^\W\d_]", part)), parts[0])


def labels_only(text: str) -> bool:
    """Whether text holds labels at most: no figure, no company, no employer label ("", "......",
    "Contribuinte  N.º Benef. S.S.")."""
    folded = fold(after_leader(text))
    return not re.search(r"\d", folded) and not COMPANY_SUFFIX.search(folded) and not EMPLOYER_LABEL.search(folded)


# Where the letterhead's first column ends on its line (on folded text): a column's gap, the slip's title, its receipt's
# number or the NIF's caption printed to the right of the name.
NAME_COLUMN_END = re.compile(
    r"\s{2,}|\brecibo\s+n\.?\s?[o°.]|\bn\.?\s?[i1l]\.?\s?[fe]\b|\bnipc\b|\bcontribuinte\b|" + PAYSLIP_TITLE.pattern
)
# A company's name left unfinished at its line's end: a dash or a comma, a particle or "&" ("Serviços de").
UNFINISHED_NAME = re.compile(r"(?:[,&\-–—]|(?<![^\W\d_])(?:de|da|do|das|dos|e))\s*$")


def name_wrapped_from_above(above: str, employer: str) -> str:
    """The company's name whole when the letterhead wrapped it and the line read is its second line: the line above
    is its head, a name left unfinished ("TeleContacto Norte - Serviços de" / "Apoio ao Cliente, S.A."; "Recrutamais -
    Empresa de Trabalho Temporário," / "Lda.") or a name with a dash whose part after it goes on below ("Frutas do
    Oeste - Comércio" / "Grossista, S.A."). Blind probe r61a: only the second line given as the name ("Center, S.A.",
    "Lda."), the slip's title or receipt number printed to the right of the first. Otherwise the name as read."""
    folded = fold(above)
    end = NAME_COLUMN_END.search(folded)
    head = above[: end.start()].strip() if end else above.strip()
    if (
        not head
        or COMPANY_SUFFIX.search(fold(head))
        or re.search(r"[\d:@/|]", head)
        # A copy's marks over the letterhead ("Original - Duplicado") head no name.
        or any(COPY_MARK_LINE.fullmatch(part) for part in re.split(r"\s[-–—]\s", fold(head)))
        or processing_line(head)
        or not capitalised(re.sub(r"\s[-–—]\s", " ", head))
    ):
        return employer
    unfinished = UNFINISHED_NAME.search(head) or employer[:1].islower()
    dash_goes_on = re.search(r"\s[-–—]\s+\S", head) and not only_a_legal_form(employer)
    return f"{head} {employer}" if unfinished or dash_goes_on else employer


def only_a_legal_form(name: str) -> bool:
    """Whether a name read is only a company's legal form ("Lda.", "S.A.", "Unipessoal Lda."): it names no one."""
    form = WRAPPED_LEGAL_FORM.match(name)
    return form is not None and not name[form.end() :].strip(" .,")


def whole_name_elsewhere(name: str, lines: list[Line]) -> str:
    """The company's name whole where another line prints it, when the one read is its end: a sentence wrapping its
    line inside the name ("... declara ter recebido de Farmácia Central de" / "Tomar, Unipessoal, Lda., NIPC ...",
    the letterhead's "Farmácia Central de Tomar, Unipessoal, Lda." above: blind probe r36b)."""
    longer = [
        whole
        for line in lines
        if (whole := company_name(BOX_CAPTION.sub("", line.text, count=1)))
        and len(whole) > len(name)
        and fold(whole).endswith(" " + fold(name))
    ]
    return min(longer, key=len) if longer else name


# The accountant or payroll bureau that processed the slip ("Processado por: Contas Certas, Lda."): never the
# employer (blind probe r36b: a household's slip gave the bureau's line as its employer).
PROCESSED_BY = re.compile(r"(?i)\bprocessad[oa]\s+por\b")
# Who processed the payroll, in Portuguese or English, on folded text: a bank's or a bureau's payroll service
# ("Caixa Central Payroll Services", "Banco ... — Serviço de Processamento Salarial") or the program's footer
# ("Primavera Executive v10 — Recursos Humanos — Processed on 24/08/2026"). Such a line names no party.
PAYROLL_PROCESSING = re.compile(
    r"(?<![a-z])(?:process(?:ed|ing|ad[oa]|amento)|payroll|recursos\s+humanos|human\s+resources)(?![a-z])"
)


def processing_line(text: str) -> bool:
    """Whether a line is a payroll service's or a payroll program's (blind probe r40a: "Caixa Central Payroll
    Services" joined to the employer's name, the program's footer and the bank's service read as the employee)."""
    return bool(PAYROLL_PROCESSING.search(fold(text)))


# A signature footer's words besides the parties' captions: their articles ("A Entidade Patronal", "O Trabalhador",
# "The Employee") and the signature's own word.
SIGNATURE_WORDS = frozenset({"a", "o", "the", "assinatura", "signature"})


# A noun the caption's word completes ("Portal do Colaborador", "Área do Trabalhador", "Dados da funcionária"),
# on folded text: a title or a heading, not the caption of a value.
OF_THE_EMPLOYEE = re.compile(r"[a-z]{2,}\s+d[oa]\s*$")


def names_a_title(folded: str, match: re.Match[str]) -> bool:
    """Whether an employee's caption is the end of a title with words after it and no colon: a payroll portal's
    name and its menu in the top bar of a browser's print ("Portal do Colaborador | Início Recibos Férias
    Documentos Sair": blind probe r42a, the menu read as the name). A heading alone on its line still sends the
    reading to the lines below; a heading with its colon ("Dados do colaborador: Ana Sousa") keeps its value."""
    rest = folded[match.end() :]
    return (
        bool(OF_THE_EMPLOYEE.search(folded[: match.start()]))
        and not match.group(0).rstrip().endswith(":")
        and not rest.lstrip().startswith(":")
        and bool(re.search(r"[a-z]", rest))
    )


# A copy's mark in English, alone or as a Portuguese one's second half, on folded text ("Employee's copy",
# "Original — Trabalhador / Employee's copy"): whose copy it is, no caption of a name below (blind probe r40a: the
# bank's payroll service under it read as the employee).
ENGLISH_COPY_MARK_LINE = re.compile(
    r"\W*(?:(?:original|duplicado|triplicado|copia)(?![a-z])[^/]*/\s*)?"
    r"(?:(?:employee|employer|company)'?s?\s+)?(?:copy|original|duplicate)\W*"
)


def signature_footer(text: str) -> bool:
    """Whether a line is where both parties sign: their captions side by side, an article or the word "assinatura"
    among them, nothing else ("A Entidade Patronal / Employer   O Trabalhador / Employee", "The Employer   The
    Employee"). It captions no value: read as one, the bilingual footer gave the employer "Employer O Trabalhador /
    Employee" and the program's footer under it the employee (blind probe r40a)."""
    words = {word.strip(".:;,()/|") for word in fold(text).split()} - {""}
    return (
        words <= CAPTION_WORDS | SIGNATURE_WORDS
        and bool(words & SIGNATURE_WORDS)
        and bool(words & EMPLOYER_CAPTION_WORDS)
        and bool(words & EMPLOYEE_CAPTION_WORDS)
    )


def companies_by_employer_nif(lines: list[Line], client: set[int], nif: str | None) -> list[int]:
    """The lines printing a company (a legal form), outside a temp agency's client box: first those with the
    employer's NIF on them or on the line below (the footer "Flexipessoal - ..., S.A. · NIPC 507931645"
    over a client's box higher up), then the others in reading order."""
    found = [
        index
        for index, line in enumerate(lines)
        if prints_legal_form(PROCESSED_BY.split(line.text)[0]) and index not in client
    ]

    def beside_nif(index: int) -> bool:
        return nif is not None and prints_nif(" ".join(line.text for line in lines[index : index + 2]), nif)

    return sorted(found, key=lambda index: not beside_nif(index))


def prints_legal_form(text: str) -> bool:
    """Whether the text prints a company's legal form: not the surname "Sá", which folds to an "SA" (doc probe
    29: "Trabalhador João Simão Estêvão Sá" taken for the employer)."""
    return any("á" not in text[match.start() : match.end()].lower() for match in COMPANY_SUFFIX.finditer(fold(text)))


def prints_nif(text: str, nif: str) -> bool:
    """Whether the text prints the NIF, however its digits are grouped ("514 830 271", "PT 514.830.271")."""
    return nif in re.sub(r"[\s.]", "", fix_digits(text))


def client_block(lines: list[Line]) -> set[int]:
    """The lines a temp agency's client is printed on: its label's line and the name and NIF under it."""
    block: set[int] = set()
    for index, line in enumerate(lines):
        # Only a box of its own: a label line naming another party too is two columns, the client's one of them.
        if set(party_labels(fold(line.text))) == {"client"}:
            block.add(index)
            for below in range(index + 1, min(index + 1 + PARTY_REACH, len(lines))):
                if party_of_line(fold(lines[below].text)) not in (None, "client"):
                    break
                block.add(below)
    return block


# A receipt's declaration: "Eu, <worker>, contribuinte n.º ..., declaro ter recebido de <employer>, contribuinte
# n.º ..." (a domestic worker's receipt, signed by the worker). Who declares having received is the employee; whom
# from, the employer, a private person as often as not. On the lines joined, the sentence going on from line to line.
DECLARANT = re.compile(r"(?<![^\W\d_])[Ee][Uu]\s*,?\s+")
RECEIVED_FROM = re.compile(
    r"(?<![^\W\d_])(?:declar[oa]\s+(?:ter\s+recebido|que\s+recebi)|recebi|recebido)\s+(?:de|d[oa])\s+"
    # A courtesy title before the payer's name ("recebi do Sr. ...", "da Sr.ª D. ...").
    r"(?:(?:sr|sra|dr|dra|eng|d)\.?[ªº]?\s+)*",
    re.IGNORECASE,
)
# How far past a party's name its NIF may be printed ("..., empregada doméstica, contribuinte n.º ...").
NIF_REACH = 80


def receipt_declaration(lines: list[Line], parsed: Parsed) -> None:
    """The parties of a receipt's declaration, each with the NIF printed after their name: theirs whatever a
    personal NIF's own rule says (both are personal on a household's receipt, neither then to be withheld)."""
    text = " ".join(line.text for line in lines)
    received = next((m for m in RECEIVED_FROM.finditer(text) if name_opening(text[m.end() :])), None)
    if received is None:
        return
    # The payer may be a company ("declara ter recebido de Farmácia Central, Unipessoal, Lda., NIPC ..."): its name
    # whole, legal form and all, not cut at its first comma as a person's is (blind probe r36b rerun).
    employer = company_paying(text[received.end() : received.end() + NIF_REACH + 40]) or name_opening(
        text[received.end() :]
    )
    declarants = [m.end() for m in DECLARANT.finditer(text[: received.start()]) if name_opening(text[m.end() :])]
    subject = declarants[-1] if declarants else sentence_subject(lines, received.start())
    employee = name_opening(text[subject:]) if subject is not None else None
    if subject is None or employee is None or employer is None:
        return
    employee_nifs = valid_nifs(text[subject : received.start()])
    employer_nifs = valid_nifs(text[received.end() : received.end() + len(employer) + NIF_REACH])
    parsed.put("employee_name", title_case(employee), confidence_at(lines, subject))
    parsed.put(
        "employer_name",
        employer if prints_legal_form(employer) else title_case(employer),
        confidence_at(lines, received.end()),
    )
    for name, nifs in (("employee_nif", employee_nifs), ("employer_nif", employer_nifs)):
        if nifs:
            parsed.fields.pop(name, None)
            parsed.put(name, nifs[0], VALIDATED_CONFIDENCE)
    if employee_nifs and "nif_ambiguous" in parsed.warnings:
        parsed.warnings.remove("nif_ambiguous")


def company_paying(text: str) -> str | None:
    """The company a receipt's sentence names as the payer, when what follows "recebido de" opens with a company's
    name and its legal form."""
    name = company_name(text)
    return name if name and prints_legal_form(name) and text.lstrip().startswith(name.split(",")[0]) else None


# How many lines above the receipt's words its sentence may open.
SENTENCE_LINES = 3


def sentence_subject(lines: list[Line], received: int) -> int | None:
    """Where, in the lines joined by spaces, the receipt's sentence opens with the declarant's name and its comma
    ("Mónica Sequeira, contribuinte n.º ..., declara ter recebido de ...": blind probe r36b, a household's slip
    whose employer, heading the letter, was taken for the employee): the closest line above the receipt's
    words that does."""
    starts = list(itertools.accumulate((len(line.text) + 1 for line in lines), initial=0))
    at = next((index for index, start in enumerate(starts[1:]) if start > received), len(lines) - 1)
    for index in range(at, max(-1, at - SENTENCE_LINES - 1), -1):
        text = lines[index].text
        if "," in text and starts[index] < received and name_opening(text):
            return starts[index]
    return None


def name_opening(text: str) -> str | None:
    """The person's name a stretch of text opens with, up to its comma or the next caption."""
    return plausible_name(before_next_label(clean_name(text.split(",")[0])))


def confidence_at(lines: list[Line], offset: int) -> float:
    """The confidence of the line an offset into the lines joined by spaces falls on."""
    for line in lines:
        if offset <= len(line.text):
            return line.confidence
        offset -= len(line.text) + 1
    return lines[-1].confidence


def valid_nifs(text: str) -> list[str]:
    return [nif for nif, valid in parse_nifs(without_longer_numbers(text)) if valid]


# A logo's letters before the name they stand for ("HL Hotelaria Lusitânia Lda"): two to five capitals, a space.
# Not after a dash: "EDP - Energias de Portugal, S.A." is the company's registered name, acronym and all.
MONOGRAM = re.compile(r"([A-ZÀ-Þ]{2,5})\s+(?=[A-ZÀ-Þ])")


# A logo's square read by OCR as one or two capitals before the name, unsure of them, sure of the name ("E" at 0.63,
# "NE" at 0.15, "EB" at 0.54 before words read at 0.92 or more: blind probe r34b).
LOGO_LETTERS = re.compile(r"[A-ZÀ-Þ]{1,2}")
LOGO_LETTERS_CONFIDENCE = 0.7
NAME_WORD_CONFIDENCE = 0.85


# Marks OCR reads after a name at a scan's edge or a box's border ("Junta de Freguesia de Azeitão !", "... |"): no
# company's name ends in a lone sign (blind probe r36b). A legal form's dot, a bracket closed, stay.
TRAILING_MARKS = re.compile(r"(?:\s+[^\w\s.)\]]{1,2})+$")


# Another field's caption after the employer's name on its line: "Mês de processamento", "Período de referência",
# "Data de emissão:", "Período:", "NIF:". On a tilted photo or scan the header's right-hand caption sits level with
# the name and OCR joins them (blind probe r53a: "Agrupamento de Escolas de Sátão Mês de Processamento:"). A caption
# with its colon, or the month's own captions without one; never a name's word.
GLUED_CAPTION = re.compile(
    r"\s(?:mes|periodo|data|date|period|nif|nipc)(?:\s+(?:de|do|da|of)\s+[a-z]+)?\s*:"
    r"|\s(?:mes|periodo)\s+(?:de\s+)?(?:processamento|referencia|pagamento|abono)(?![a-z])"
)


def without_glued_caption(name: str) -> str:
    """The employer's name up to another field's caption joined after it (``GLUED_CAPTION``)."""
    caption = GLUED_CAPTION.search(fold(name))
    if caption is None:
        return name
    kept = name[: caption.start()].rstrip(" ,;:-–—·|")
    return kept if len(re.findall(r"[A-Za-zÀ-ÿ]", kept)) >= 3 else name


def without_trailing_marks(name: str) -> str:
    return TRAILING_MARKS.sub("", name)


# Marks OCR reads before a name from a scan's specks or a logo's edge ("'* Padaria Flor de Sal, Lda.": blind probe
# r64a): no company's name begins with a lone sign standing apart from it. An opening bracket or quote stays.
LEADING_MARKS = re.compile(r"^(?:[^\w\s(\[\"“«]{1,3}\s+)+")


def without_leading_marks(name: str) -> str:
    return LEADING_MARKS.sub("", name)


def without_logo_letters(name: str, lines: list[Line]) -> str:
    """The company's name without one or two capitals OCR read, unsure, in the logo printed before it."""
    first, _, rest = name.partition(" ")
    if not rest or not LOGO_LETTERS.fullmatch(first):
        return name
    read_unsure = any(
        len(line.word_confidences) >= 2
        and line.text.lstrip().startswith(name)
        and line.word_confidences[0][0] == first
        and line.word_confidences[0][1] < LOGO_LETTERS_CONFIDENCE
        and line.word_confidences[1][1] >= NAME_WORD_CONFIDENCE
        for line in lines
    )
    return rest if read_unsure else name


def without_monogram(name: str) -> str:
    """The company's name without the initials a logo prints before it (a text layer gives the logo's letters
    as words, doc probe 29): kept when the capitals are not the initials of the words after them, with or
    without their particles ("TAP Air Portugal" stays: T-A-P is not A-P).

    An HR portal's logo, a circle with the company's initials, is the initials of the words the company is
    known by, not always its first ("VV Supermercados Vale Verde", "SA Hotelaria Sol Algarvio"), or of a
    compound name's parts ("LD Lusodata"): Chromium writes them on the name's line (blind probe r56a)."""
    match = MONOGRAM.match(name)
    if match is None:
        return name
    rest = name[match.end() :]
    return rest if initials_of(match.group(1), rest) or logo_of(match.group(1), rest) else name


def initials_of(letters: str, name: str) -> bool:
    """Whether the letters are the initials of the name's first words, its particles counted or not ("HD",
    "HM": Hotelaria do Mondego)."""
    words = re.findall(r"[^\W\d_]+", name)
    every = "".join(fold(word[0]) for word in words)
    capitals = "".join(fold(word[0]) for word in words if word.lower() not in NAME_PARTICLES)
    return every.startswith(fold(letters)) or capitals.startswith(fold(letters))


def logo_of(letters: str, name: str) -> bool:
    """Whether the letters are the initials of a run of the name's words further on ("VV": Supermercados Vale
    Verde), its particles counted or not, or the letters of its first word in order from its initial, the parts
    of a compound ("LD": Lusodata). The legal form's words are not the name's ("SA" is no logo of "..., S.A.")."""
    words = re.findall(r"[^\W\d_]+", COMPANY_SUFFIX.split(fold(name))[0])
    folded = fold(letters)
    every = "".join(word[0] for word in words)
    capitals = "".join(word[0] for word in words if word not in NAME_PARTICLES)
    if len(words) < 2:
        return False  # "PT Portugal, SGPS": a one-word name is the acronym's own, not a logo's
    if folded in every[1:] or folded in capitals[1:]:
        return True
    first = words[0]
    return first.startswith(folded[0]) and re.search(".*?".join(map(re.escape, folded[1:])), first[1:]) is not None


def name_under_its_column_caption(lines: list[Line], parsed: Parsed) -> None:
    """The employee's name under their box's caption, the employer's box beside it: "Entidade empregadora
    Colaborador" over "Lisbon Tech Hub, Unipessoal Lda.   Lukas Schäfer", one OCR line each (blind probe r37a: the
    name left unread on a scan). The words of the line below from where the caption's column starts."""
    for index, line in enumerate(lines[:-1]):
        folded = fold(line.text)
        if party_labels(folded) != ["employer", "employee"] or MONEY.search(line.text) or ":" in line.text:
            continue
        caption = EMPLOYEE_LABEL.search(EMPLOYER_LABEL.sub(lambda match: " " * len(match.group(0)), folded))
        below = lines[index + 1]
        if caption is None or not line.word_boxes or len(below.word_boxes) != len(below.word_confidences):
            continue
        # The caption's first word: the words before it on the line, counted.
        at = len(line.text[: caption.start()].split())
        if at >= len(line.word_boxes):
            continue
        column = line.word_boxes[at][0] - line.word_boxes[at][3]
        words = [
            word for (word, _), box in zip(below.word_confidences, below.word_boxes, strict=True) if box[0] >= column
        ]
        name = plausible_name(before_next_label(clean_name(" ".join(words))))
        if name:
            parsed.put("employee_name", title_case(name), below.confidence)
        return


# A German slip's personnel number's caption ("Personal-Nr. 00731"), on folded text: printed under the worker's name
# in the address block, never over it.
PERSONNEL_NUMBER_LABEL = re.compile(r"(?<![a-z])personal\s?-?\s?(?:nr|nummer)(?![a-z])")


def name_over_personnel_number(lines: list[Line], parsed: Parsed) -> None:
    """The worker's name on the line over their personnel number when none follows it ("Lena Schulz" / "Personal-Nr.
    00731 · StKl I"), after the employer's name OCR joined left of it ("Elbtal GmbH Lena Schulz": the employer's box
    beside the worker's). Blind probe r66a: the month's caption under it was read as the name."""
    if "employee_name" in parsed.fields:
        return
    for index, line in enumerate(lines[1:], start=1):
        if PERSONNEL_NUMBER_LABEL.match(fold(line.text).lstrip()):
            name = person_in(after_the_legal_form(lines[index - 1].text))
            if name and not of_the_employer(name, parsed.fields.get("employer_name")):
                parsed.put("employee_name", title_case(name), lines[index - 1].confidence * 0.9)
            return


# The salutation before the worker's name in a window envelope's address ("Mme", "M.", "Frau", "Mr"): its
# person's name after it.
ADDRESSEE_SALUTATION = re.compile(
    r"^\s*(?:m\.|mme\.?|madame|monsieur|mlle\.?|frau|herrn?|mrs\.?|mr\.?|ms\.?|dhr\.?|mevr\.?|sig(?:ra)?\.?)\s+(?=[A-ZÀ-Ý])",
    re.IGNORECASE,
)
# A header band's bar between the employer's field and the worker's.
BAND_FIELD_BREAK = re.compile(r"^\s*[|¦]\s*(?=[A-ZÀ-Ý])")


def addressee_beside_letterhead(lines: list[Line], parsed: Parsed) -> None:
    """The worker's name after its salutation where OCR joined the envelope's window on the right to the
    letterhead's line ("Atelier X SARL M. Jean Dupont"): what follows the employer's legal form (blind probe r66a:
    French slips' workers unread, the salutation anchored at a line's start only); or after a header band's bar."""
    if "employee_name" in parsed.fields:
        return
    for line in lines[:LETTERHEAD_LINES]:
        rest = after_the_legal_form(line.text)
        # Or a header band's bar after it ("Quinta do Vale, Lda | Rui Sousa Prata", the NIFs in that order below):
        # the worker's name in the band's second field (blind probe r67b: the worker unread).
        salutation = (ADDRESSEE_SALUTATION.match(rest) or BAND_FIELD_BREAK.match(rest)) if rest != line.text else None
        name = person_in(rest[salutation.end() :]) if salutation else None
        if name and not of_the_employer(name, parsed.fields.get("employer_name")):
            parsed.put("employee_name", title_case(name), line.confidence * 0.9)
            return


# The parties' boxes' captions of another country's payslip, on folded text, over the boxes' first lines: the
# worker's ("TRABAJADOR/A", "DIPENDENTE", "Werknemer") and the employer's ("EMPRESA", "AZIENDA", "Werkgever").
WORKER_BOX_CAPTION = re.compile(
    r"trabajador(?:/?a)?|emplead[oa]|salariee?|dipendente|lavorat(?:ore|rice)|werknemer|mitarbeiter(?:in)?"
    r"|arbeitnehmer(?:in)?|employee|colaborador(?:/?a)?"
    # Belgium's "Travailleur"/"Travailleuse" (blind probe r66a: a Belgian slip's worker unread).
    r"|travailleu(?:r|se)"
)
EMPLOYER_BOX_CAPTION = re.compile(
    r"empresa|azienda|werkgever|arbeitgeber|employeur|entreprise|employer|empleador|ditta"
)


def name_in_the_workers_box(lines: list[Line], parsed: Parsed) -> None:
    """The worker's name on the first line of the box their caption heads, another country's caption with no colon:
    "TRABAJADOR/A" over "Lucía ...", or "EMPRESA  TRABAJADOR/A" over "Tecnologías X, S.L.   Lucía ..." (the worker's
    box right of the employer's, one line to OCR: the name after the employer's legal form, the employer before it).
    Blind probe r66a: the worker unread on Spanish, Italian and Dutch slips, "TRABAJADOR/A" read as the employer."""
    if "employee_name" in parsed.fields:
        return
    for index, line in enumerate(lines[:-1]):
        captions = [word for word in re.split(r"[\s/]+", fold(line.text).strip(" :.|")) if len(word) > 1]
        if not captions or not WORKER_BOX_CAPTION.fullmatch(captions[-1]):
            continue
        if not all(WORKER_BOX_CAPTION.fullmatch(word) or EMPLOYER_BOX_CAPTION.fullmatch(word) for word in captions):
            continue
        below = lines[index + 1]
        text = below.text
        if len(captions) > 1:
            at = fold(line.text).rfind(captions[-1])
            forms = list(COMPANY_SUFFIX.finditer(text.lower()))
            column = in_the_captions_column(line, at, below)
            if column is None and not forms:
                return  # the employer's name and the worker's, no telling where one ends
            employer = company_name(text[: forms[-1].end()]) if forms else None
            if employer and "employer_name" not in parsed.fields:
                parsed.put("employer_name", employer, below.confidence * 0.9)
            text = column or text[forms[-1].end() :]
        name = plausible_name(before_next_label(clean_name(text)))
        if name and not of_the_employer(name, parsed.fields.get("employer_name")):
            parsed.put("employee_name", title_case(name), below.confidence * 0.9)
        return


# A middle dot OCR read as a colon before the next number's caption ("Fernanda Oliveira Santos : CPF", the number on
# the next line): a separator, not the caption of a field named "Santos" (blind probe r66a: the surname lost).
SEPARATOR_BEFORE_CAPTION = re.compile(r"\s+:\s*(?=([^\W\d_]+)\s*$)")


def before_separator_misread(candidate: str) -> str:
    """A labelled name before a colon misread for the separator before a number's caption alone after it."""
    match = SEPARATOR_BEFORE_CAPTION.search(candidate)
    if match and LABEL_WORDS.fullmatch(fold(match.group(1))):
        return candidate[: match.start()]
    return candidate


# A number's caption in capitals glued to the last letter of the name before it, as a text layer joins the next
# column ("Nome: Joaquim Damião Fernandes LourençoNIF: 266502520", blind probe r46a: "Lourenço" lost, the caption
# taken for the next field's from its capital). A caption by its colon or its number after it: no name's own letters.
GLUED_NUMBER_CAPTION = re.compile(r"(?<=[a-zß-ÿ])(?:NIF|NIPC|NISS|N\.I\.F\.?)(?=\s*[:.]|\s*\d)")


def in_the_captions_column(caption_line: Line, at: int, below: Line) -> str | None:
    """The words of the line under a caption from the caption's column on, when OCR joined another column's words
    left of it across a column's gap: a window envelope's "Exmo(a). Senhor(a)" on the right over "Supermercados
    Vizinhança, S.A.      Ana Calçada Grácio", the letterhead's name on the left (blind probe r46a: the employee
    unread, the name taken for a company's). None when the words' boxes are not known or nothing stands apart left
    of the caption: a caption set in from its value ("   Nome" over "Ana Sousa") cuts no name."""
    words = below.text.split()
    if not caption_line.word_boxes or len(below.word_boxes) != len(words) or not words:
        return None
    first = len(caption_line.text[:at].split())
    if first >= len(caption_line.word_boxes):
        return None
    height = caption_line.word_boxes[first][3]
    column = caption_line.word_boxes[first][0] - height
    kept = [index for index, box in enumerate(below.word_boxes) if box[0] >= column]
    if not kept or kept[0] == 0 or kept != list(range(kept[0], len(words))):
        return None
    left_end = below.word_boxes[kept[0] - 1][0] + below.word_boxes[kept[0] - 1][2]
    # A column's gap, not a space between two words of one name.
    if below.word_boxes[kept[0]][0] - left_end < 2 * height:
        return None
    return " ".join(words[kept[0] :])


def payslip_people(lines: list[Line], parsed: Parsed) -> None:
    client = client_block(lines)
    # A label's value that is a code, held back in case no company is printed with its legal form.
    coded: tuple[str, float] | None = None
    for index, line in enumerate(lines):
        folded = fold(line.text)
        if index in client or signature_footer(line.text) or ENGLISH_COPY_MARK_LINE.fullmatch(folded):
            continue
        if "employee_name" not in parsed.fields:
            # Not a label after another's colon: that is the other label's value ("Categoria: Trabalhadora").
            matches = [
                m
                for m in EMPLOYEE_LABEL.finditer(folded)
                if not EMPLOYER_LABEL.match(folded[m.start() :])
                and not folded[: m.start()].rstrip().endswith(":")
                and not names_a_title(folded, m)
            ]
            rests = [given_names_first(labelled_value(line.text[m.end() :])) for m in matches]
            # Every label's value on this line first ("N.º Colaborador: 00081234  Employee / Colaborador: Ana
            # Sousa"); the lines below only after a label or a row of headings with no value after it, never
            # after a value that is no name ("Nome / Empresa Quintas, Lda."): that sends us to the address
            # or the next label below.
            # Not a payroll service's or program's line: it names who processed the slip, not the employee.
            below = (
                [at for at in range(index + 1, min(index + 3, len(lines))) if not processing_line(lines[at].text)]
                if rests
                and (labels_only(rests[0]) or letterhead_beside_caption(rests[0]))
                and not PERSONNEL_NUMBER_LABEL.match(folded[matches[0].start() :])
                else []
            )
            candidates = [(rest, None) for rest in rests] + [
                (
                    before_street(
                        in_the_captions_column(line, matches[0].start(), lines[at])
                        or under_caption(line.text, matches[0].start(), lines[at].text)
                    ),
                    at,
                )
                for at in below
            ]
            for candidate, at in candidates:
                # The next label may stick to the name in a scan ("Catarina Ferreira nNIF: ..."), or follow its last
                # letter in a text layer ("Fernandes LourençoNIF: ..."); a column gap ends the name too ("Ana Sousa
                # Tax ID (NIF): ...").
                candidate = GLUED_NUMBER_CAPTION.split(candidate)[0]
                # The sign before the next number's caption ends the name too, in whatever shape OCR read it ("Silva
                # Ns Contribuinte": "Ns" is no surname; blind probe r59a).
                candidate = NUMBER_SIGNED_CAPTION.split(candidate)[0]
                candidate = before_separator_misread(candidate)
                candidate = after_leader(NEXT_CAPTION.split(NEXT_LABEL.split(candidate)[0])[0]).strip()
                candidate = without_leader(re.split(r"\s{2,}", candidate)[0])
                # A rank or a job title before the name is the person's post ("Cabo Tiago Bernardo").
                candidate = without_post(candidate)
                cut = before_next_label(clean_name(candidate))
                wrapped_at_particle = at is None and ends_cut(cut)
                if wrapped_at_particle:
                    # "Nome: Bruno Miguel dos" / "Santos-Ferreira": the name goes on on the next line, or is
                    # not known whole (then not read, nor looked for below).
                    tail = lines[index + 1].text.strip() if index + 1 < len(lines) else ""
                    cut = f"{cut} {tail}" if name_words_alone(tail) else None
                    if cut is None:
                        parsed.warnings.append("missing:employee_name")
                        break
                name = plausible_name(cut)
                if name and at is not None and candidate == lines[at].text.strip():
                    name = plausible_name(f"{name} {name_tail(lines, at)}".strip()) or name
                confidence = line.confidence
                if name and at is None and not wrapped_at_particle:
                    below_name = lines[index + 1 : index + 3]
                    wrapped, maybe_cut = name_wrapped_below(line, matches[0].start(), name, below_name)
                    name = plausible_name(f"{name} {wrapped}") or name if wrapped else name
                    confidence = confidence * CUT_NAME_CONFIDENCE if maybe_cut else confidence
                if name:
                    parsed.put("employee_name", title_case(name), confidence)
                    break
        if "employer_name" not in parsed.fields:
            match = employer_caption(line.text)
            if match and not re.match(r"\s*(?:nif|n\.?\s?i\.?\s?f|n\.?\s?i\.?\s?p\.?\s?c)", folded[match.end() :]):
                value = line.text[match.end() :].lstrip(" :.")
                # The caption again after the first one's sentence ends ("A empresa utilizadora não é a entidade
                # empregadora. Entidade empregadora: ..."): its value is the one after it.
                while (again := employer_caption(value)) and again.start() == 0 and again.end() > 0:
                    value = value[again.end() :].lstrip(" :.")
                value = with_wrapped_form(value, lines[index + 1].text if index + 1 < len(lines) else None)
                employer = company_name(without_leader(value))
                # A signature footer ("A Entidade Patronal      O Trabalhador") names no company: what follows
                # the label there is the other party's label.
                if employer and SIGNATURE_COUNTERPART.match(fold(employer)):
                    employer = None
                if employer and another_companys_line(line.text, parsed):
                    employer = None
                if employer and labels_a_code(value, employer):
                    coded = coded or (employer, line.confidence * 0.8)
                elif employer:
                    parsed.put("employer_name", employer, line.confidence)
    if "employer_name" not in parsed.fields:
        company_lines = companies_by_employer_nif(lines, client, parsed.fields.get("employer_nif"))
        for index in company_lines:
            line = lines[index]
            # A caption alone at the top of the left box ("Nome"), OCR joining the right column's letterhead to
            # it, is no part of the company's name.
            employer = company_name(BOX_CAPTION.sub("", from_the_companys_column(line, lines), count=1))
            if employer and 0 < index < LETTERHEAD_LINES:
                employer = name_wrapped_from_above(lines[index - 1].text, employer)
            if employer and only_a_legal_form(employer):
                continue  # "Lda." alone names no one (blind probe r61a): the name is on another line, or unread
            if employer:
                # A first line OCR barely made out is a logo's marks ("FEM" at 0.34), no head of the name.
                if index == 1 and line.text.startswith(employer[:8]) and lines[0].confidence >= LEGIBLE_CONFIDENCE:
                    employer = letterhead_name(lines[0].text, employer)
                employer = whole_name_elsewhere(employer, [lines[other] for other in company_lines if other != index])
                parsed.put("employer_name", employer, line.confidence * 0.9)
                break
    # A public or charitable employer (Município, Direção-Geral, Santa Casa) heads the payslip with its name.
    letterhead = [without_title(line) for line in lines[:LETTERHEAD_LINES]]
    public = None if "employer_name" in parsed.fields else public_employer(letterhead)
    if public:
        name = public_body_alone(public[0], lines[:LETTERHEAD_LINES], parsed.fields.get("employee_name"))
        parsed.put("employer_name", name, public[1] * 0.9)
    body = None if "employer_name" in parsed.fields else body_over_nif(lines, parsed.fields.get("employer_nif"))
    if body:
        parsed.put("employer_name", *body)
    block = (
        None
        if "employer_name" in parsed.fields
        else employer_heading_its_block(lines, parsed.fields.get("employer_nif"))
    )
    if block:
        parsed.put("employer_name", *block)
    if coded:
        parsed.put("employer_name", *coded)


def from_the_companys_column(line: Line, lines: list[Line]) -> str:
    """A company's line from the column that prints its legal form on: what OCR joined left of it across a column's
    gap is another block's, the worker's name when their block is left of the employer's ("Marco ... Paiva      Farmácia
    Central de Setúbal, Lda.": blind probe r73b, the worker's name read into the employer's and then not read as the
    worker's). Where no gap wide enough parts them, the columns the blocks' NIFs are printed in do (``nif_columns``:
    blind probe r80a, the worker's long name in larger letters on the left)."""
    pieces = column_texts(line)
    starts = nif_columns(lines) if len(pieces) == 1 else []
    if starts:
        ends: list[float | None] = [*starts[1:], None]
        cut = [piece for start, end in zip(starts, ends, strict=True) if (piece := words_between(line, start, end))]
        if len(cut) == len(starts) and " ".join(cut) == " ".join(line.text.split()):
            pieces = cut
    at = next((at for at, piece in enumerate(pieces) if prints_legal_form(piece)), 0)
    return " ".join(pieces[at:]) if at else line.text


def public_body_alone(name: str, lines: list[Line], employee: str | None) -> str:
    """A public body's name without what its line prints in the next column: a two-column header, the employer
    left and the employee right on one line ("Município de Torres Vedras      Vasco Duarte Amaral Perdigão": blind
    probe r54b, the employee's name read into the employer's, a company's would have ended at its legal form). Cut
    where the line's word boxes leave a column's gap, or else before the employee's name read on the slip."""
    words = name.split()
    for line in lines:
        for piece in column_texts(line)[:-1]:
            kept = len(piece.split())
            if kept < len(words) and fold(" ".join(words[:kept])) == fold(piece):
                return " ".join(words[:kept])
    if employee and len(employee.split()) < len(words) - 1 and fold(name).endswith(" " + fold(employee)):
        return name[: -len(employee)].rstrip(" ,;-–—")
    # No gap wide enough for a column's, and the employee not read yet: the columns the two blocks' NIFs are printed
    # in part the line (blind probe r80a's layout, a public body's block in place of the company's).
    starts = nif_columns(lines)
    for line in lines:
        for start, end in itertools.pairwise(starts):
            piece = words_between(line, start, end) or ""
            kept = len(piece.split())
            if 0 < kept < len(words) and fold(" ".join(words[:kept])) == fold(piece):
                return " ".join(words[:kept])
    return name


def nif_columns(lines: list[Line]) -> list[float]:
    """Where each column starts on a line printing two parties' NIFs side by side, each alone in its column after
    its caption ("NIF 600873412      NIF 249135787"); none when no line does."""
    for line in lines:
        spans = column_spans(line)
        if len(spans) > 1 and all(
            start is not None and valid_nifs(text) and only_a_caption_before_the_number(text) for start, text in spans
        ):
            return [start for start, _ in spans if start is not None]
    return []


def column_texts(line: Line) -> list[str]:
    """A line's text cut where a gap wider than a column's parts two words (``column_pieces``, on a text layer's
    word boxes too, which carry no confidences); the text whole when it has no word boxes or no such gap."""
    return [text for _, text in column_spans(line)]


def column_spans(line: Line) -> list[tuple[float | None, str]]:
    """``column_texts`` with where each piece starts on the page (its first word's left edge); the text whole,
    starting nowhere known (None), when the line has no word boxes."""
    words, boxes = line.text.split(), line.word_boxes
    if len(boxes) != len(words) or not words:
        return [(None, line.text)]
    if len(words) == 1:
        return [(boxes[0][0], line.text)]
    height = statistics.median(box[3] for box in boxes)
    cuts = [
        position + 1
        for position, (before, after) in enumerate(itertools.pairwise(boxes))
        if after[0] - (before[0] + before[2]) >= COLUMN_GAP_WORD_HEIGHTS * height
    ]
    return [
        (boxes[start][0], " ".join(words[start:stop])) for start, stop in itertools.pairwise([0, *cuts, len(words)])
    ]


def another_companys_line(text: str, parsed: Parsed) -> bool:
    """Whether a captioned company's line prints a company's NIF that is not the employer's, and not the employer's:
    the company a temp agency places the worker with, whatever its caption ("Utilizador (empresa cliente):
    Conservas ..., S.A. — NIF 505...", a workplace's). Blind probe r46b: the client's name read as the employer's
    beside the agency's NIF, the name and the NIF two companies'. The employer is whoever's NIF is the employer's."""
    employer_nif = parsed.fields.get("employer_nif")
    employee_nif = parsed.fields.get("employee_nif")
    if not employer_nif:
        return False
    printed = {nif for nif, valid in parse_nifs(without_longer_numbers(text)) if valid and nif != employee_nif}
    return bool(printed) and employer_nif not in printed


# A month and its year as a title prints them beside the body's name ("— Out. 2026", "Outubro 2026").
# Whole month names only: a place's name may start like one ("Setúbal 2900").
TITLE_PERIOD = re.compile(
    r"\s*[-–—·|]?\s*(?<![a-z])(?:(?:"
    + "|".join(sorted({*MONTHS, *ENGLISH_MONTHS}, key=len, reverse=True))
    + r")\.?\s*(?:de\s+|/\s*|-\s*)?(?:19|20)\d{2}|(?:0?[1-9]|1[0-2])\s?[/.-]\s?(?:19|20)\d{2})(?![\d/.-]*\d)"
)


# The public sector's own titles for a payslip ("Nota de abonos e descontos", "Abonos e descontos", "Nota de
# vencimento"), in whatever case OCR reads them: no body's name holds them.
PUBLIC_PAYSLIP_TITLE = re.compile(
    r"(?<![a-z])(?:nota\s+de\s+)?abonos\s+e\s+descontos(?![a-z])|(?<![a-z])nota\s+de\s+(?:vencimentos?|remuneracao)(?![a-z])"
)


# A statement of pay by another title than a payslip's, on folded text: "Extrato de Remunerações", "Demonstração de
# vencimentos", "Boletim de salário", "Detalhe da remuneração".
PAY_STATEMENT_TITLE = re.compile(
    r"(?<![a-z])(?:extrato|demonstracao|demonstrativo|boletim|detalhe|resumo|nota|folha|talao|recibo)\s+"
    r"(?:de\s+|das?\s+|dos?\s+)?(?:remuneracao|remuneracoes|vencimentos?|salarios?|ordenados?)(?![a-z])"
)


def without_title(line: Line) -> Line:
    """The line up to the payslip's title or a period printed on it: OCR joins a title on the right
    ("Câmara Municipal de ... Recibo de vencimento — Out. 2026") to the body's name on the left, and neither is
    any part of the name. A title of a statement of pay too ("BANCO ... Extrato de Remunerações — JULHO/2026":
    blind probe r46b, a scan's right-aligned title on the name's baseline read into the name), unless a legal
    form follows it: then it is the company's own name ("Folha de Salários, Lda.")."""
    folded = fold(line.text)
    statement = PAY_STATEMENT_TITLE.search(folded)
    if statement and prints_legal_form(line.text[statement.start() :]):
        statement = None
    titles = (
        PAYSLIP_TITLE.search(folded),
        PUBLIC_PAYSLIP_TITLE.search(folded),
        TITLE_PERIOD.search(folded),
        statement,
    )
    ends = [match.start() for match in titles if match]
    if not ends or min(ends) == 0:
        return line
    return Line(line.text[: min(ends)].rstrip(" -–—·|,"), line.confidence, line.word_confidences)


def labels_a_code(value: str, employer: str) -> bool:
    """Whether an employer label's value is a payroll system's code, no company's name: a figure right after the
    label or within the value, and no legal form ("ENTIDADE 0100 AREA PROC. PT01": the entity's number, then its
    processing area). A company named with its legal form elsewhere on the slip is the employer then."""
    return not COMPANY_SUFFIX.search(fold(employer)) and bool(re.match(r"\d", value) or re.search(r"\d", employer))


# What a body's own name is not made of: figures and an address's or a form's signs.
NOT_A_BODY_NAME = re.compile(r"[\d:@/|]")


BRACKETED = re.compile(r"\s*\([^()]*\)")


def body_over_nif(lines: list[Line], nif: str | None) -> tuple[str, float] | None:
    """A body with no legal form and no word a public body is known by, heading the letterhead over its NIF's
    line ("EXÉRCITO PORTUGUÊS — Direção de Finanças" / "NIPC 600009475"; "Centro Social e Paroquial de São
    Brás" / "IPSS · Contribuinte n.º ..."): of the lines in a name's shape over the NIF's, the topmost under
    any parent body ("GUARDA NACIONAL REPUBLICANA" over its "Comando da Administração ..."), up to a dash."""
    if nif is None:
        return None
    for index, line in enumerate(lines[: LETTERHEAD_LINES + 1]):
        if not prints_nif(line.text, nif):
            continue
        found = None
        for above in reversed(lines[:index]):
            if found is None and address_or_contacts(above.text):
                # The body's address between its name and its NIF ("Rua Castilho, 39 - 1250-068 Lisboa"), or its
                # contacts.
                continue
            # A qualifier in brackets is no part of the name: "Fátima Ribeiro (empresário em nome individual)", a
            # sole trader's letterhead (blind probe r36b), "(IPSS)".
            name = body_name(BRACKETED.sub("", without_title(above).text))
            if name and nif_is_personal(nif):
                name = with_holder(name, above.text)
            if name is None and found is None:
                # Right over the NIF's line, a company named by one word ("Paiva" / "NIF 509..."): a
                # founder's surname is the commonest company name there is.
                name = one_word_company(above.text, nif)
                if name:
                    found = name, above.confidence * 0.8
                break
            if name is None:
                break
            found = (title_case(name) if name.isupper() else name), above.confidence * 0.85
        # None above it: the body named on its NIF's own line, before the NIF ("Transports Lemoine & Fils —
        # Sucursal em Portugal · NIF 980721547 · Vila Franca de Xira"); under a body, that is its department.
        head = re.split(r"\s[·•|]\s|\bN\.?\s?I\.?\s?[FP]|\bNIPC\b|\bContribuinte\b", line.text)[0]
        own = body_name(head) if found is None and head.strip() else None
        if own:
            found = (title_case(own) if own.isupper() else own), line.confidence * 0.85
        return found
    return None


# A professional's title before a person's name ("Dra. Helena ...", "Dr. ...", "Eng.ª ..."), on folded text.
HOLDER_TITLE = re.compile(r"(?:dra?|enga?|arqa?|profa?|enfa?)(?:\.\s?[ao]?|\s)\s*[a-z]")


def with_holder(name: str, text: str) -> str:
    """A practice's name with its holder's after the dash ("Cartório Notarial de ... - Dra. Helena ...") when the NIF
    printed under it is a person's: the holder is the employer (a sole trader, blind probe r56a), not a parent body
    to cut off as "Exército Português — Direção de Finanças" is."""
    start = text.find(name)
    rest = re.fullmatch(r"\s[-–—]\s(\D+?)[\s.,]*", text[start + len(name) :]) if start >= 0 else None
    if rest is None or not HOLDER_TITLE.match(fold(rest.group(1))) or not plausible_name(clean_name(rest.group(1))):
        return name
    return text[start : start + len(name) + rest.end(1)]


# A postcode and its town ("1250-068 Lisboa").
POSTCODE = re.compile(r"(?<!\d)\d{4}\s?-\s?\d{3}(?!\d)")


def address_line(text: str) -> bool:
    """Whether a letterhead's line is an address: a street's word first, or a postcode."""
    return bool(re.match(r"\s*(?:" + ADDRESS_WORDS + r")(?![a-z])", fold(text)) or POSTCODE.search(text))


# A letterhead's contact's caption: telephone, mobile, fax, e-mail, website.
CONTACT_CAPTION = re.compile(
    r"(?:tel(?:ef(?:one)?|em(?:ovel)?|e?f|m)?|tlm|tlf|tlmv|fax|telefax|phone|mobile|e-?\s?mail|mail|site|web"
    r"|www|https?|contactos?|[tmf]\.)(?![a-z])"
)
# What a contacts' line prints besides its captions: an e-mail address, a website, a phone number.
CONTACT_VALUE = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+|(?:\(?(?:\+|00)\s?\d{2,3}\)?\s?)?\d[\d\s().-]{6,}\d"
)


def contacts_line(text: str) -> bool:
    """Whether a letterhead's line gives its contacts, between the name and the NIF as the address does ("Tel. 212
    345 678 · geral@empresa.pt", "Telefone / Fax: ...", "www.empresa.pt"): a contact's caption first, a mark or two
    of the logo OCR read before it let be ("o Tel. ..."), or nothing but e-mail addresses, websites and phone
    numbers. Blind probe r81b: the telephone's line under a coloured band's address ended the letterhead there, and
    the employer's name over it was left unread."""
    folded = fold(text).strip()
    # A contact's value after the caption: a caption's word alone starts a name as well ("Web Ideias Algarve").
    valued = re.search(r"\d(?:[\s.-]?\d){5}|@|[a-z0-9-]\.[a-z]{2,4}(?![\w.])", folded)
    if valued and re.match(r"(?:[^\w\s]*[a-z]{1,2}[^\w\s]*\s+)?[^\w]*" + CONTACT_CAPTION.pattern, folded):
        return True
    rest = CONTACT_VALUE.sub(" ", folded)
    return rest != folded and not re.search(r"[^\W_]", rest)


def address_or_contacts(text: str) -> bool:
    """Whether a letterhead's line between a party's name and its NIF is its address or its contacts."""
    return address_line(text) or contacts_line(text)


# A word a letterhead prints alone that names no company: the copy's mark, the title's words.
NOT_A_COMPANY_WORD = re.compile(
    r"(?:original|duplicado|triplicado|copia|via|confidencial|recibo|vencimento|salario|remuneracoes|payslip"
    r"|empregador|empresa|entidade|sede|filial|logotipo|logo)$"
)


def one_word_company(text: str, nif: str) -> str | None:
    """A company's name of one capitalised word ("Paiva", "Sousa-Lobo") over a company's NIF, not a label's or
    a title's word: a person's NIF under it makes it no company."""
    word = text.strip(" ,.;-–—·")
    if nif_is_personal(nif) or not re.fullmatch(r"[A-ZÀ-Þ][^\W\d_]{2,}(?:[-'’][A-ZÀ-Þa-zß-ÿ][^\W\d_]*)*", word):
        return None
    folded = fold(word)
    if NOT_A_COMPANY_WORD.match(folded) or LABEL_WORDS.search(folded) or PAYSLIP_TITLE.search(folded):
        return None
    return title_case(word) if word.isupper() else word


def body_name(text: str) -> str | None:
    """A body's name in a letterhead line: its first part of two words or more between dashes ("PSP —
    Polícia de Segurança Pública": not the acronym), in a name's shape (capitalised words, no figure, label,
    title, address or parent body)."""
    # A dash left at the end, its NIF cut off after it ("Agrupamento ... D. Dinis —"), is no part of the name.
    # The separators are kept: a branch is joined to its company by the dash printed between them.
    pieces = re.split(r"(\s[-–—·]\s)", text.strip())
    parts, separators = [part.strip(" ,.-–—·") for part in pieces[::2]], pieces[1::2]
    at = next((at for at, part in enumerate(parts) if len(part.split()) >= 2), None)
    name = parts[at] if at is not None else ""
    if at == 1 and one_word_body(parts[0]):
        # "Marinha - Direção de Administração Financeira": a body of one word, no acronym, before its paying
        # service; the service alone does not say which body pays (blind probe r53a).
        name, at = f"{parts[0]}{separators[0]}{parts[1]}", None
    branch = parts[at + 1] if at is not None and at + 1 < len(parts) and BRANCH.match(fold(parts[at + 1])) else None
    if at is not None and at + 1 < len(parts) and (status := CHARITY_STATUS.match(parts[at + 1])):
        # A charity's status after the dash is its name's end, as a company's legal form is ("Lar São Bento -
        # IPSS", the slip's receipt number to its right): blind probe r61a, the status dropped.
        branch = status.group(0)
    folded = fold(name)
    words = [word for word in name.split() if re.search(r"[^\W\d_]", word)]
    if (
        not 2 <= len(words) <= 10
        or NOT_A_BODY_NAME.search(name)
        or PAYSLIP_TITLE.search(folded)
        # Not LABEL_WORDS: a "Centro Social" is a body, though "social" labels a payslip's row.
        or role_of(name)
        or EMPLOYER_LABEL.search(folded)
        or EMPLOYEE_LABEL.search(folded)
        or re.match(r"(?:" + ADDRESS_WORDS + r")(?![a-z])", folded)
        or PARENT_BODY.match(folded)
        or NUMBER_CAPTION.search(folded)
        or not all(word[0].isupper() or word.lower() in NAME_PARTICLES for word in words)
    ):
        return None
    return f"{name}{separators[at]}{branch}" if branch and at is not None else name


# A private charity's status as its letterhead prints it after the name: "IPSS", "I.P.S.S.".
CHARITY_STATUS = re.compile(r"I\.?\s?P\.?\s?S\.?\s?S\b\.?")


def one_word_body(word: str) -> bool:
    """A body's name of one capitalised word ("Marinha", "Exército"), not an acronym ("PSP", "GNR": the name
    after it says it whole) nor a title's or a label's word."""
    folded = fold(word)
    return (
        bool(re.fullmatch(r"[A-ZÀ-Þ][^\W\d_]{3,}", word))
        and not (word.isupper() and len(word) <= 5)
        and not (PAYSLIP_TITLE.search(folded) or LABEL_WORDS.search(folded) or NOT_A_COMPANY_WORD.match(folded))
    )


def name_misread(lines: list[Line], parsed: Parsed) -> None:
    """The worker's name left unread when OCR made out its words no better than guesses: letters it was not sure of
    are another name's, and no name is better than a wrong one (blind probe r61a: "Fios Pinto Nibeiro" for "Ricardo
    Filipe Pinto Ribeiro", its words read at 0.00, 0.33 and 0.00 on a grey scan)."""
    name = parsed.fields.get("employee_name")
    confidences = name_word_confidences(name, lines) if name else None
    if confidences and statistics.fmean(confidences) < LEGIBLE_CONFIDENCE:
        parsed.fields.pop("employee_name")
        parsed.confidence.pop("employee_name", None)


def name_word_confidences(name: str, lines: list[Line]) -> list[float] | None:
    """OCR's confidence in each of the name's words, where a line prints them one after another; None where none
    does (a text layer's line, or a name put together from two lines)."""
    wanted = [fold(word) for word in name.split()]
    for line in lines:
        words = [(fold(word.strip(".,;:!|()")), confidence) for word, confidence in line.word_confidences]
        for start in range(len(words) - len(wanted) + 1):
            if [word for word, _ in words[start : start + len(wanted)]] == wanted:
                return [confidence for _, confidence in words[start : start + len(wanted)]]
    return None


# A number's caption standing over its value ("N.º Contribuinte" / "198058691", blind probe r36b): no body's name.
NUMBER_CAPTION = re.compile(r"contribuinte|(?<![a-z])(?:nif|nipc|niss)(?![a-z])|^n\.?\s?[ºo°](?![a-z])")


def name_beside_nif(lines: list[Line], parsed: Parsed) -> None:
    """No label named the employee: the plausible name printed closest before their NIF on its line
    ("Recibo de vencimento - Junho 2025 - Ana Sousa - NIF 123456789")."""
    nif = parsed.fields.get("employee_nif")
    if "employee_name" in parsed.fields:
        return
    for index, line in enumerate(lines):
        if nif:
            if not prints_nif(line.text, nif):
                continue
            before = line.text[: line.text.find(nif[:3])] if nif[:3] in line.text else line.text
            trust = 0.9
        else:
            # The NIF's digits did not survive the scan, its label did: the name is still the one before it.
            label = PERSONAL_NIF_LABEL.search(line.text) or personal_nif_unread(line.text)
            if label is None:
                continue
            before, trust = line.text[: label.start()], 0.8
        # A bracketed note parts the fields around it: "Professor (Mathematics, IB)  Venkata Reddy  NIF ...".
        before = re.sub(r"\([^()]*\)", " | ", before)
        # All before a legal form is the company's name, the employer's on its letterhead line ("Frio Norte -
        # Logística e Armazenagem, S.A. Empregado: ..."): the worker's name can only come after it (blind probe
        # r61a: the worker's caption and name OCR could not read, the employer's trade was given as the worker).
        before = after_the_legal_form(before)
        employer = parsed.fields.get("employer_name")
        before = without_the_employer(before, employer)
        pieces = re.split(r"\s[-–—·|/]\s|\s{2,}|[,;|(]|\bN\.?\s?I\.?\s?F\b", before)
        for piece in reversed(pieces):
            # A street's name is no one's ("Rua de Santa Marta": blind probe r62a).
            name = None if address_line(piece) else person_in(piece)
            if name and not of_the_employer(name, employer):
                parsed.put("employee_name", title_case(name), line.confidence * trust)
                return
        # Labels and a number are no name either ("Matrícula 148.392 · NIF ..."), nor an address (the worker's box
        # on the right read on the employer's address line): the name is above.
        if not labels_only(re.sub(r"[\d.,]+", " ", before.rsplit(":", 1)[0])) and not address_line(before):
            continue
        # Nothing but labels before the NIF: the name is the closest line above that is not a label
        # ("Vera Tavares" / "NIF 271036486 · Gerente"; "Vigilante" / "Jorge Couto" / "NIF" / "204839173").
        for above in reversed(lines[max(0, index - 3) : index]):
            # The employer's NIF line is the employer's: the town after it is no name ("NIPC 503829170 ·
            # Alverca do Ribatejo").
            employer_nif = parsed.fields.get("employer_nif")
            if employer_nif and prints_nif(above.text, employer_nif):
                break
            # A line OCR barely made out (a blurred screenshot's "NPC SO9NNS64O Anaeé") holds misread letters,
            # not a name; the lines above it are further from the NIF still.
            if above.confidence < LEGIBLE_CONFIDENCE:
                break
            # The next column's caption and value OCR joined after the name ("Sofia ... Cruz Categoria: Serralheiro":
            # blind probe r56a, a photo's name unread) are no part of it.
            # The employer's name OCR joined before the worker's, the worker's box on the right ("Agência ..., I.P
            # Pedro Vieira": blind probe r62a), is no part of it.
            # An address's town is no one's name either ("5000-100 Vila Real" over the NIF: blind probe r73b's
            # stacked block, its address between the worker's name and NIF): ``name_heading_the_workers_block``.
            text = after_the_legal_form(above.text)
            name = (
                None
                if address_line(text)
                else person_in(text.rsplit(":", 1)[-1]) or person_in(NEXT_CAPTION.split(text)[0])
            )
            if name and not of_the_employer(name, employer):
                parsed.put("employee_name", title_case(name), above.confidence * trust * 0.9)
                return
            if not labels_only(above.text):
                break


# A NIF's caption alone, on folded text: all its line's column prints before the number in a party's block ("NIF",
# "N.I.F.:", "Contribuinte n.º", "Número de identificação fiscal").
NIF_CAPTION_ALONE = re.compile(
    r"[\W_]*(?:(?:n\.?\s?o|numero|de|identificacao|fiscal|nif|nipc|contribuinte|n\.\s?i\.\s?[fp]\.?)(?![a-z])[\W_]*)+"
)
# How far above its NIF's line a party's block may start: its name, then up to three lines of its address.
BLOCK_REACH = 4


def name_heading_the_workers_block(lines: list[Line], parsed: Parsed) -> None:
    """The worker's name as the first line of the block their NIF closes, their address between: a letter's
    addressee ("Destinatário" / "Duarte Nuno ..." / "Rua ..., 4050-262 Porto" / "NIF 161705332"), or the worker's
    block beside the employer's with nothing but "NIF" to tell them apart (blind probe r73b: the name unread on both,
    9 and 3 files). Whose block it is the NIF says, not a caption: the worker's NIF is the worker's."""
    nif = parsed.fields.get("employee_nif")
    if "employee_name" in parsed.fields or not nif:
        return
    head = head_of_the_nif_block(lines, nif)
    name = person_in(head[0]) if head else None
    if head and name and not of_the_employer(name, parsed.fields.get("employer_name")):
        parsed.put("employee_name", title_case(name), head[1].confidence * 0.9)


def employer_heading_its_block(lines: list[Line], nif: str | None) -> tuple[str, float] | None:
    """The employer's name as the first line of the block its NIF closes, wherever on the page: a body with no legal
    form (a municipality, a charity) at the foot under "Emitido por:" (blind probe r73b: "Município de Vila Nova de
    Ourém" unread there, a company's "…, Lda." read by its legal form)."""
    head = head_of_the_nif_block(lines, nif) if nif else None
    name = body_name(BRACKETED.sub("", head[0])) if head else None
    if head is None or name is None:
        return None
    return (title_case(name) if name.isupper() else name), head[1].confidence * 0.85


def head_of_the_nif_block(lines: list[Line], nif: str) -> tuple[str, Line] | None:
    """The first line of a party's block that its NIF's line closes, in the NIF's column (a column OCR joined the
    other party's block to is left out): the lines over the NIF's are passed over while they are an address or its
    contacts; the first that is not heads the block. None when the NIF's column prints more than the NIF's caption before it (a
    name beside it: ``name_beside_nif``), or no block is found within reach."""
    for index, line in enumerate(lines):
        if not prints_nif(line.text, nif):
            continue
        spans = column_spans(line)
        at = next((at for at, (_, text) in enumerate(spans) if prints_nif(text, nif)), None)
        if at is None or not only_a_caption_before_the_number(spans[at][1]):
            return None
        # Where the next block's column starts on the NIF's line: a line above crossing it is two blocks'.
        bounds = (spans[at][0], spans[at + 1][0] if at + 1 < len(spans) else None)
        for above in reversed(lines[max(0, index - BLOCK_REACH) : index]):
            piece = piece_in_column(above, *bounds)
            if not address_or_contacts(piece):
                return piece, above
        return None
    return None


def only_a_caption_before_the_number(text: str) -> bool:
    """Whether a NIF's column prints nothing before the number but the NIF's caption ("NIF 161705332", "Número de
    identificação fiscal 667627456")."""
    before = re.split(r"\d", text, maxsplit=1)[0]
    return not before.strip() or bool(NIF_CAPTION_ALONE.fullmatch(fold(before)))


def piece_in_column(line: Line, start: float | None, end: float | None = None) -> str:
    """The piece of a line (``column_spans``) starting nearest a column's start; the line whole when either is not
    known. Its words from the column's start to the next column's (``words_between``) when no gap wide enough for
    ``column_spans`` parts the columns there: two blocks side by side, the left one's name long and set larger than
    the right one's ("Tasca do Largo, Restauração Lda.  Ana Sofia Guerreiro Matos" over "NIF 515221082   NIF
    293412863": blind probe r80a, the worker's name unread on all six slips of that layout)."""
    spans = column_spans(line)
    if start is None or spans[0][0] is None:
        return line.text
    nearest = min(spans, key=lambda span: abs((span[0] or 0) - start))[1]
    return words_between(line, start, end) or nearest


def words_between(line: Line, start: float, end: float | None) -> str | None:
    """A line's words from a column's start up to the next column's (None: to the line's end), cut only where a
    gap wider than a word's height parts them from the words beside (no space between two words of one name is as
    wide); None when the line is not cut so on both sides, or nothing is left between. A word may start up to a
    word's height left of the column's start: a photo's lines are not quite upright."""
    words, boxes = line.text.split(), line.word_boxes
    if len(boxes) != len(words) or not words:
        return None
    slack = statistics.median(box[3] for box in boxes)
    inside = [
        index for index, box in enumerate(boxes) if box[0] >= start - slack and (end is None or box[0] < end - slack)
    ]
    if not inside or inside != list(range(inside[0], inside[-1] + 1)) or len(inside) == len(words):
        return None
    for before, after in ((inside[0] - 1, inside[0]), (inside[-1], inside[-1] + 1)):
        if before >= 0 and after < len(words):
            gap = boxes[after][0] - (boxes[before][0] + boxes[before][2])
            if gap < min(boxes[before][3], boxes[after][3]):
                return None
    return " ".join(words[inside[0] : inside[-1] + 1])


def after_the_legal_form(text: str) -> str:
    """What a line prints after its last company's legal form: all before it is the company's name."""
    return text[max((form.end() for form in COMPANY_SUFFIX.finditer(text.lower())), default=0) :]


def without_the_employer(before: str, employer: str | None) -> str:
    """The text before the worker's NIF with the employer's name read on its line taken out, as a field's end.

    The employer's block on the left and the worker's box on the right, OCR joins the employer's name to the worker's
    NIF line and reads the worker's name alone on the line above ("Filipa Guerra" / "Hospital X, E.PE. NIF: ..."):
    the employer's name was given as the worker's (blind probe r62a, a hospital's payslip photographed). Without it,
    nothing but labels is left before the NIF, and the name is looked for above."""
    at = before.lower().find(employer.lower()) if employer else -1
    if at < 0 or employer is None:
        return before
    return f"{before[:at]} | {before[at + len(employer) :]}"


def of_the_employer(name: str, employer: str | None) -> bool:
    """Whether a name read as the worker's is the employer's, or a part of it ("Hospital Garcia de Orta" of
    "Hospital Garcia de Orta, E.P.E."): no one's name but the employer's (blind probe r62a). Save the head
    ``letterhead_name`` joined before a dash when it is the name itself: the worker's name read over the letterhead
    (``employer_without_the_worker`` takes it off)."""
    if employer is None or not words_of(name):
        return False
    head, dash, _ = employer.partition(" - ")
    if dash and words_of(head) == words_of(name):
        return False
    return f" {words_of(name)} " in f" {words_of(employer)} "


def words_of(text: str) -> str:
    """A name's words folded, one space between them, its punctuation gone ("Orta, E.PE." -> "orta e pe")."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


# A military or police rank before the name ("Agente Principal Hélder Rebelo", "1.º Sargento", "Guarda
# Principal"): the person's post, no part of their name.
RANK = re.compile(
    r"^\s*(?:\d\.?\s?[ºo°]\s+)?(?:(?:sub)?(?:agente|guarda|cabo|soldado|sargento|furriel|alferes|tenente|capit[aã]o"
    r"|major|coronel|general|comiss[aá]rio|chefe|intendente|superintendente|inspetor|marinheiro|grumete)"
    r"(?:\s+(?:principal|coordenador|ajudante|adjunto|chefe|mor|graduado))*\s+)+",
    re.IGNORECASE,
)


# A job title printed before the name on its line, no caption between ("Enfermeira  Manpreet Kaur Dhillon · NIF
# ...", "Professor Rui Matos"): the person's post. Only words no one is named by (not "Pedreira", "Carpinteiro").
JOB_TITLE = re.compile(
    r"^\s*(?:enfermeir[oa]|m[eé]dic[oa]|professor(?:a)?|educador(?:a)?|formador(?:a)?|investigador(?:a)?"
    r"|auxiliar|assistente|t[eé]cnic[oa]|operador(?:a)?|oper[aá]ri[oa]|engenheir[oa]|re(?:c)?cepcionista|rececionista"
    r"|vigilante|motorista|cozinheir[oa]|ajudante|escritur[aá]ri[oa]|secret[aá]ri[oa]|contabilista"
    r"|farmac[eê]utic[oa]|programador(?:a)?|consultor(?:a)?|analista|e(?:l)?ectricista|eletricista|canalizador(?:a)?"
    r"|servente|jardineir[oa]|caixeir[oa]|vendedor(?:a)?|fisioterapeuta|psic[oó]log[oa]|advogad[oa]"
    r"|arquitet[oa]|mec[aâ]nic[oa]|soldador(?:a)?|estafeta|camareir[oa]|gerente|diretor(?:a)?|director(?:a)?"
    r"|coordenador(?:a)?|supervisor(?:a)?|encarregad[oa]|cuidador(?:a)?|pedreiro|carpinteiro|pintor(?:a)?"
    r"|trabalhador(?:a)?\s+agr[ií]cola)\s+(?=\S)",
    re.IGNORECASE,
)


def without_post(piece: str) -> str:
    """The name a header field holds without the post printed before it: a rank ("Agente Principal ...", after
    any number: "N.º 1984572 GUARDA PRINCIPAL ...") or a job title ("Enfermeira Manpreet Kaur Dhillon")."""
    if RANK.match(piece):
        return RANK.sub("", piece, count=1)
    after_number = re.split(r"\d", piece)[-1]
    if RANK.match(after_number):
        return RANK.sub("", after_number)
    return JOB_TITLE.sub("", piece, count=1)


def person_in(piece: str) -> str | None:
    """The person's name a header field holds, after a code or number before it ("Func. 27 Ana Sousa") and
    their post ("Agente Principal ...", "Enfermeira ...")."""
    if MONTH_YEAR.search(fold(piece)):
        return None
    # What a label names before its colon is the person's role ("Motorista: Paulo Faria"), not their name; a
    # colon with nothing after it ends the name (a fax reads the dot before "NIF" as one: "Adilson Domingos : NIF").
    head, _, after = piece.rpartition(":")
    piece = after if re.search(r"[^\W\d_]", after) or not head else head
    piece = without_post(piece)
    # plausible_name turns companies away, with accents kept: "Sá" is a surname, "SA" a legal form.
    for text in (piece, re.split(r"\d", piece)[-1], trailing_name(piece)):
        name = plausible_name(clean_name(text))
        if name:
            return name
    return None


def trailing_name(piece: str) -> str:
    """The capitalised words that end a sentence naming the employee ("Recibo de vencimento de Ricardo
    Antunes Barbosa"), back to the first word that is a label or in lower case (particles aside)."""
    words: list[str] = []
    for word in reversed(piece.split()):
        if LABEL_WORDS.fullmatch(fold(word)) or not (word[0].isupper() or word.lower() in NAME_PARTICLES):
            break
        words.insert(0, word)
    while words and words[0].lower() in NAME_PARTICLES:
        words.pop(0)
    return " ".join(words)


PARENT_BODY = re.compile(r"\s*(?:minist[eé]rio|governo|rep[uú]blica|secretaria|regi[aã]o|grupo)(?![a-z])")


# Below this mean word confidence a line is OCR's guess at marks (a logo, a stamp), not printed words.
LEGIBLE_CONFIDENCE = 0.6


def employer_without_the_worker(parsed: Parsed) -> None:
    """The employer's name without the worker's name joined before it as its head ("Leonor Coelho - Grelha &
    Companhia, S.A."): the worker's box on the right, read a little higher than the letterhead on the left, gave its
    name as the letterhead's first line (``letterhead_name``). A person's name is no part of the employer's (blind
    probe r62a: a WhatsApp image and a scan of a restaurant's payslip)."""
    employer, employee = parsed.fields.get("employer_name"), parsed.fields.get("employee_name")
    if not employer or not employee:
        return
    head, dash, rest = employer.partition(" - ")
    if dash and rest.strip() and words_of(head) == words_of(employee):
        parsed.fields["employer_name"] = rest.strip()


def letterhead_name(first_line: str, company: str) -> str:
    """A company name printed over the letterhead's two first lines ("SECURITAS ATLÂNTICO" / "Segurança
    Privada, S.A. · NIPC ..."): the second line is only the name's tail (a few words before the legal form)
    and the first is its head: a name's shape (a few capitalised words, no figure, label or title), no
    parent body ("Ministério ...", "Grupo ...") and no word shared with the second (a brand over its legal
    name, "ContactPlus" / "ContactPlus Portugal, S.A.", is no part of it)."""
    words = first_line.split()
    folded = fold(first_line)
    tail = COMPANY_SUFFIX.split(fold(company))[0]
    if (
        not 1 <= len(words) <= 6
        or len(re.findall(r"[a-z]{3,}", tail)) > 3
        or PARENT_BODY.match(folded)
        or re.search(r"[\d:@/|,]", first_line)
        or PAYSLIP_TITLE.search(folded)
        or LABEL_WORDS.search(folded)
        or COMPANY_SUFFIX.search(folded)
        # A copy's mark over the letterhead ("ORIGINAL" / "DUPLICADO"), no part of the name (doc probe 30A).
        or COPY_MARK.fullmatch(folded.strip())
        # A window envelope's salutation read first, its box's top a little higher than the letterhead's ("Exmo(a).
        # Senhor(a)" / "Supermercados Vizinhança, S.A. Ana ...": blind probe r46a, the salutation joined to the
        # employer's name): it heads the addressee, the employee.
        or re.match(r"\W*" + SALUTATION, folded)
        # A bank's or a bureau's payroll service over the letterhead ("Caixa Central Payroll Services"): whoever
        # processed the slip, not the head of the employer's name (blind probe r40a).
        or processing_line(first_line)
        or not capitalised(first_line)
        or set(re.findall(r"\w{3,}", folded)) & set(re.findall(r"\w{3,}", fold(company)))
        # A logo's initials on a line of their own ("ME" over "Metalomecânica Estrela do Norte, S.A.").
        or (re.fullmatch(r"[A-ZÀ-Þ]{2,5}", first_line.strip()) and initials_of(first_line.strip(), company))
    ):
        return company
    return f"{first_line.strip()} - {company}"


# A "NIF" label after a dash or at a field boundary, as payslip headers print the employee's.
PERSONAL_NIF_LABEL = re.compile(r"\s[-–·|]\s*N\.?\s?I\.?\s?F\b")
# A line opening with the NIF's caption and a person's nine figures that fail the check digit: the employee's NIF
# line, its number misread (blind probe r47b: a thermal receipt's photo, "NIF 288623389" for 288623380, lost the
# name printed on the line above it with the number).
OPENING_NIF = re.compile(
    r"^\W{0,3}(?:N\.?\s?I\.?\s?F|contribuinte)\b\.?\s*(?:n\.?\s?[ºo°]\s*)?:?\s*(\d{9})(?!\d)", re.I
)


def personal_nif_unread(text: str) -> re.Match[str] | None:
    """The caption of a person's NIF opening the line, its number read with a wrong check digit."""
    match = OPENING_NIF.match(text)
    if match is None or not nif_is_personal(match.group(1)) or nif_has_valid_checksum(match.group(1)):
        return None
    return match


# An English key/value row's caption opening the line, no colon ("Employer   Transportes do Atlântico, Lda.").
ENGLISH_EMPLOYER_ROW = re.compile(r"^\W{0,3}(?:" + ENGLISH_EMPLOYER_CAPTION + r")(?![a-z])\s*[:.]?")


def employer_caption(text: str) -> re.Match[str] | None:
    """The employer's caption on a line (on its folded text): a Portuguese or another country's caption, or an
    English one opening a key/value row with no colon ("Employer Transportes do Atlântico, Lda.": blind probe
    r40a, "Employer" kept in the name). Without a colon the English caption counts only before a company's legal
    form: "Employer SS contribution 23,75%" is a row of the table."""
    folded = fold(text)
    label = EMPLOYER_LABEL.search(folded)
    if label:
        return label
    row = ENGLISH_EMPLOYER_ROW.match(folded)
    return row if row and prints_legal_form(text[row.end() :]) else None


def company_name(text: str) -> str | None:
    """The company's name: up to its legal suffix (Lda., S.A., Unipessoal) or the next label."""
    # The document's title on the same line ("PAYSLIP Remote Tech, Lda.", OCR joining a right-aligned
    # "RECIBO DE REMUNERAÇÕES" to the letterhead) is no part of the name.
    # A bilingual title is two ("Recibo de Vencimento / Payslip Tejo Fintech, S.A.": blind probe r35b, "/ Payslip"
    # kept in the name): each is taken off in turn, and the separator left between them.
    while title := PAYSLIP_TITLE.search(fold(text)):
        before, after = text[: title.start()], text[title.end() :]
        kept = before if COMPANY_SUFFIX.search(fold(before)) or not COMPANY_SUFFIX.search(fold(after)) else after
        if kept == text:
            break
        text = kept.strip(" /|·•:-–—") if kept is after else kept
    # A payroll heading before the name, a separator between ("PROCESSAMENTO DE SALÁRIOS · Metalúrgica ..., Lda."):
    # the name is what follows it.
    heading = PAYROLL_HEADING.match(fold(text))
    if heading and COMPANY_SUFFIX.search(fold(text[heading.end() :])):
        text = text[heading.end() :]
    # A sentence naming the company after its own words ("..., padeiro, ao serviço de Panificadora Romão & Filhos,
    # Lda.", "declara ter recebido de ..."): the name is what follows the last of them (blind probe r36b).
    introduced = list(COMPANY_INTRODUCED.finditer(fold(text)))
    if introduced and COMPANY_SUFFIX.search(fold(text[introduced[-1].end() :])):
        text = text[introduced[-1].end() :]
    head = re.split(
        r"\s{2,}|\bN\.?\s?[I1l]\.?\s?[FE]\b|\bNIPC\b|\bContribuinte\b|\s[·•|]\s|" + FOREIGN_COMPANY_NUMBER, text
    )[0]
    head = before_address(head)
    raw = re.split(r"\s[-–·]\s", head)[0]
    suffixes = list(COMPANY_SUFFIX.finditer(fold(raw)))
    if suffixes:
        raw = raw[: suffixes[-1].end()]
        # A foreign company's branch is the establishment employing here: "Helix Europe B.V. — Sucursal em Portugal".
        branch = re.match(r"\s*[-–—,]\s*(.+)", head[len(raw) :])
        if branch and BRANCH.match(fold(branch.group(1))):
            raw = head[: len(raw) + branch.end(1)]
    else:
        # A dash inside the name ("Brilho Total - Limpezas Industriais, Lda.") stays when the legal suffix
        # ends the text after it; otherwise the dash ends the name ("Empresa X - Recibo de Vencimento").
        folded = fold(head)
        after_dash = list(COMPANY_SUFFIX.finditer(folded, len(raw)))
        if after_dash and not folded[after_dash[-1].end() :].strip(" .,;:"):
            raw = head[: after_dash[-1].end()]
        elif after_dash and (rest := named_after_the_dash(head, len(raw), after_dash)):
            raw = rest
    employer = raw.strip(" ,;:")
    return employer if len(re.findall(r"[A-Za-zÀ-ÿ]", employer)) >= 3 else None


# Another field's caption opening what follows a company's legal form on its line: a capitalised word and the small
# words after it, then a colon ("Nome: ...", "Local de trabalho: ..."), or a number's caption ("NISS 1164...").
CAPTION_AFTER_THE_NAME = re.compile(r"\s*(?:[A-ZÀ-Ý][^\s:]*(?:\s+[a-zß-ÿ][^\s:]*){0,3}\s*:|" + NEXT_LABEL.pattern + ")")


def named_after_the_dash(head: str, dash: int, suffixes: list[re.Match[str]]) -> str | None:
    """The company's name through a legal form after a dash in it, when another field's caption follows that form
    on the line: a two-column header's left column joined by OCR to the right one's caption and value ("Tasca do
    Largo - Restauração, Lda. Nome: Sandra ...", "TempoCerto - Empresa de Trabalho Temporário, S.A. Nome: ...":
    blind probe r54a, both cut at the dash), or when only name words come between the dash and the form (blind probe
    r61a). Not past a colon: what follows the dash is then a caption's value."""
    named = None
    for suffix in suffixes:
        if ":" in head[dash : suffix.start()]:
            return named
        if CAPTION_AFTER_THE_NAME.match(head, suffix.end()):
            return head[: suffix.end()]
        # The words from the dash to the form are still the name's when no address, department or figure comes
        # between: the letterhead's name, the slip's receipt number or month printed after it in the right column
        # ("Vigilância Norte - Segurança Privada, S.A. RECIBO N.º 4412": blind probe r61a, cut at the dash).
        if NOT_THE_NAME_AFTER_A_DASH.search(fold(head[dash : suffix.start()])):
            break
        named = head[: suffix.end()]
    return named


# What a dash in a company's line leads to when it is no longer the name's (on folded text): a figure (a street's
# number, a postcode, a date), a street, a department or an establishment of the company.
NOT_THE_NAME_AFTER_A_DASH = re.compile(
    r"\d|(?<![a-z])(?:rua|r\.|avenida|av\.|travessa|largo|praca|estrada|alameda|apartado|departamento|direcao"
    r"|divisao|seccao|recursos\s+humanos|sede|filial|delegacao|loja|armazem\s+n)(?![a-z])"
)


# Another country's company numbers' captions, ending a company's name on its line: Spain's "CIF", Brazil's
# "CNPJ", France's "SIRET"/"SIREN", Italy's "P.IVA", a "VAT"/"UID"/"EIN" number, a Dutch "Loonheffingennr.".
FOREIGN_COMPANY_NUMBER = r"\b(?:CIF|CNPJ|SIRET|SIREN|P\.?\s?IVA|VAT|UID|EIN|KvK|Loonheffingennr)\b"


# A payroll run's heading and its separator: "PROCESSAMENTO DE SALÁRIOS · ", "Folha de remunerações | ".
COMPANY_INTRODUCED = re.compile(
    r"(?<![a-z])(?:ao\s+servi[cç]o\s+d[ae]|(?:ter\s+)?recebid[oa]\s+d[ae]|recebi\s+d[ae]|pag[oa]\s+pel[ao]"
    # An English footer's "Issued by Remotely Payroll UK Ltd" (blind probe r35b, rerun).
    r"|(?:issued|paid|processed|employed)\s+by)\s+"
)
PAYROLL_HEADING = re.compile(
    r"\s*(?:processamento|recibo|folha|mapa)(?:\s+(?:de|dos?|das?)?\s*"
    r"(?:salarios?|vencimentos?|remuneracao|remuneracoes|ordenados?))?(?:\s+[a-z]+)?\s*[·•|]\s*"
)


# An address after the name and a comma: a street's word ("Av. da República 1500", "R. do Almada 12", "Zona
# Industrial de ..."), a door's number ("n.º 7") or a postcode ("4450-001 Matosinhos").
ADDRESS_AFTER_COMMA = re.compile(
    r",\s*(?:(?:rua|r\.|avenida|av\.?|travessa|tv\.|largo|lg\.|praca|pc\.|estrada|calcada|alameda|urbanizacao|urb\."
    r"|bairro|beco|rotunda|zona\s+industrial|parque\s+(?:industrial|empresarial)|apartado|lote|lugar\s+d[aoe]s?)"
    r"(?![a-z])|n\.?\s?o\s*\d|\d{4}\s?-\s?\d{3}(?!\d))"
)


def before_address(text: str) -> str:
    """A name the address follows after a comma ("Condomínio do Edifício Atlântico, Av. da República 1500,
    Matosinhos") ends at that comma; a comma before a legal form or a partner's name (", Lda.", "Santos, Ferreira
    & Filhos") is the name's own."""
    address = ADDRESS_AFTER_COMMA.search(fold(text))
    return text[: address.start()] if address else text


# What labels the month a payslip pays; not "Horas/mês" (a rate), nor a word holding "mes" ("Mesquita"). A grid's
# rule before "Mês" may come through OCR as "I" or "l" glued to it ("Ilmês | 10", see MONTH_LABELLED).
# In English "Pay period:", "Period" (blind probe r40a: unread, a back-pay row's "(Oct 2026)" taken instead).
PERIOD_LABEL = re.compile(
    r"(?<![a-z/])(?:per[ií]odo|[il]{0,2}m[eê]s(?![a-z])|refer[eê]n|processamento|(?:pay\s+)?period(?![a-z]))"
)
# "Data de processamento: 05/11/2026", "Data de pagamento": the day the payroll ran or paid, often the month after.
RUN_DATE = re.compile(r"(?:data|dt)\.?\s*(?:de|do|da)?\s*$")


# A month's full name OCR broke with one space before its year: a photo's wide capital set apart ("N ovembro/2026",
# blind probe r41a: the title's month, the slip's only one, unread).
FULL_MONTH_NAMES = sorted(
    {name for name in MONTHS if len(name) > 3} | {name for name in ENGLISH_MONTHS if len(name) > 4},
    key=len,
    reverse=True,
)
YEAR_AFTER_MONTH = r"(?=\s*(?:de\s+|[/|–—-]\s*)?(?:19|20)\d{2}(?!\d))"
SPLIT_MONTH = re.compile(
    r"(?<![a-z])(?:"
    + "|".join(f"{name[:cut]} {name[cut:]}" for name in FULL_MONTH_NAMES for cut in range(1, len(name)))
    + r")(?![a-z])"
    + YEAR_AFTER_MONTH
)
# A dash other than a hyphen between a month's name and its year ("Novembro – 2026", "Nov—2026"), or the bar OCR
# reads for a slash ("Novembro|2026"): the separator the month's and year's pattern knows, a slash.
MONTH_DASH_YEAR = re.compile(
    r"(?<![a-z])(?:" + "|".join(sorted({*MONTHS, *ENGLISH_MONTHS}, key=len, reverse=True)) + r")(?![a-z])\.?\s*([–—|])"
    r"(?=\s*(?:19|20)\d{2}(?!\d))"
)


# A month's name with a digit OCR read for its "O", "I" or "l" before its year: a photo of a till roll's
# monospace capitals, whose "O" is as narrow as a zero ("MES/ANO: N0V/2026", blind probe r46b: the slip's only
# period, unread). Only a word of three to nine letters and such digits, before a year, read as a month once mended.
MONTH_WITH_A_DIGIT = re.compile(
    r"(?<![^\W_])(?=[A-Za-z]*[01])(?=[01]*[A-Za-z])[A-Za-z01]{3,9}(?![^\W_])" + YEAR_AFTER_MONTH
)
KNOWN_MONTHS = frozenset({*MONTHS, *ENGLISH_MONTHS})


def month_read_with_a_digit(word: str) -> str | None:
    """The month's name the word is with its "0" read as "O" and its "1" as "I" or "l", in the word's case."""
    capitals = word.upper() == word
    for one in ("i", "l"):
        letters = {"0": "O", "1": one.upper()} if capitals else {"0": "o", "1": one}
        mended = "".join(letters.get(c, c) for c in word)
        if fold(mended) in KNOWN_MONTHS:
            return mended
    return None


# A month's full name with one letter misread before its year: a tilted photo's "O" read "Q" ("Período: QUTUBRO DE
# 2026", blind probe r54a: the slip's only period, unread). A word of five to nine letters, in capitals or
# capitalised, one letter off one month's name only ("JUSHO" is as near "junho" as "julho": left alone).
MONTH_ONE_LETTER_OFF = re.compile(
    r"(?<![^\W_])(?:[A-ZÀ-Ý]{5,9}|[A-ZÀ-Ý][a-zß-ÿ]{4,8})(?![^\W_])(?i:" + YEAR_AFTER_MONTH + ")"
)
FULL_PORTUGUESE_MONTHS = frozenset(name for name in MONTHS if len(name) >= 5)


def month_one_letter_off(word: str) -> str | None:
    """The month's name the word is with one letter put right, in the word's case; None for a month's name already
    or a word as near two months, or none."""
    folded = fold(word)
    if folded in KNOWN_MONTHS:
        return None
    near = [
        name
        for name in FULL_PORTUGUESE_MONTHS
        if len(name) == len(folded) and sum(a != b for a, b in zip(name, folded, strict=True)) == 1
    ]
    if len(near) != 1:
        return None
    return near[0].upper() if word.isupper() else near[0].capitalize()


def month_and_year_mended(line: Line) -> Line:
    """The line with a month's name OCR split rejoined (its space moved after it), its digits read for letters
    put right, and the dash or bar between a month and its year made a slash, offsets and words kept:
    "N ovembro/2026" -> "Novembro /2026", "N0V/2026" -> "NOV/2026"."""
    text = line.text
    for match in MONTH_WITH_A_DIGIT.finditer(text):
        month = month_read_with_a_digit(match.group(0))
        if month:
            text = text[: match.start()] + month + text[match.end() :]
    for match in MONTH_ONE_LETTER_OFF.finditer(text):
        month = month_one_letter_off(match.group(0))
        if month:
            text = text[: match.start()] + month + text[match.end() :]
    for match in SPLIT_MONTH.finditer(fold(text)):
        word = text[match.start() : match.end()]
        text = text[: match.start()] + word.replace(" ", "", 1) + " " + text[match.end() :]
    for match in MONTH_DASH_YEAR.finditer(fold(text)):
        text = text[: match.start(1)] + "/" + text[match.end(1) :]
    return line if text == line.text else Line(text, line.confidence, line.word_confidences, line.word_boxes)


def payslip_period(lines: list[Line], parsed: Parsed) -> None:
    # The day the worker was admitted is never the month paid, wherever it stands on the period's line; nor is the
    # month a row's brackets name, a back pay's ("Acerto retroativo venc. base (out/2026) 62,40"), but last of all.
    if dates_month_first(lines):
        lines = [days_put_first(line) for line in lines]
    printed = [without_admission_date(month_and_year_mended(line)) for line in lines]
    lines = [without_a_rows_own_month(line) for line in printed]
    period, period_line, run_dates = None, None, []
    for row, ln in enumerate(lines):
        folded = fold(ln.text)
        for match in PERIOD_LABEL.finditer(folded):
            if RUN_DATE.search(folded[max(0, match.start() - 12) : match.start()]):
                run_dates.append(ln)
                continue
            # A label naming no month ("PROCESSAMENTO DE SALÁRIOS" as a heading) sends on to the next one.
            period, period_line = labelled_period(lines, row, match.start()), ln
            break
        if period:
            break
    if period is None:
        period, period_line = year_dot_month(lines)
    if period is None:
        for line in lines:
            period = parse_period(line.text) if MONTH_YEAR.search(fold(line.text)) else month_of_the_year(line.text)
            if period:
                period_line = line
                break
    if period is None:
        period, period_line = foreign_month_named(lines)
    if period is None:
        period, period_line = days_of_one_month(lines)
    if period is None:
        period, period_line = next(
            ((month_named_days(line.text), line) for line in lines if month_named_days(line.text)), (None, None)
        )
    if period is None:
        # "Abonos e descontos de 01/10/2026 a 31/10/2026": a range of days within one month is that month.
        for line in lines:
            dates = parse_dates(line.text)
            if (
                len(dates) == 2
                and dates[0] <= dates[1]
                and (dates[0].year, dates[0].month) == (dates[1].year, dates[1].month)
            ):
                period, period_line = f"{dates[0].year:04d}-{dates[0].month:02d}", line
                break
    if period is None and run_dates:
        # Only the run date names the month: the best there is.
        period_line = run_dates[0]
        period = parse_period(period_line.text)
    if period is None:
        period, period_line = paid_at_the_months_end(lines)
    if period is None:
        # A bare "03-2025" near the top (the title line of some programs); a full date is not a period.
        for line in lines[:6]:
            # A reference number's parts ("Recibo n.º 2026/10/0213") are no month and year.
            bare = without_longer_numbers_than_periods(line.text)
            if NUMERIC_PERIOD.search(bare) and not parse_dates(line.text):
                period, period_line = parse_period(bare), line
                if period:
                    break
    if period is None:
        period, period_line = lone_month_and_year(lines)
    if period is None:
        period, period_line = next(
            ((parse_period(line.text), line) for line in printed if month_named(line)), (None, None)
        )
    if period and not PLAUSIBLE_YEAR.match(period):
        period = year_the_dates_confirm(period, printed) or period
    if period and period_line:
        parsed.put("period", period, period_line.confidence)


SLASHED_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
# A US pay stub's words, on folded text: its dates are month first ("Pay period: 10/05/2026 - 10/18/2026").
US_PAY_STUB_WORDS = re.compile(
    r"(?<![a-z])usd(?![a-z])|\$\s?\d|pay\s+stub|earnings\s+statement|federal\s+(?:income\s+tax|withholding)"
    r"|(?<![a-z])fed\s+withholding|(?<![a-z])(?:medicare|fica|oasdi)(?![a-z])|(?<!\d)401\s?\(?k"
)
US_STUB_WORDS_NEEDED = 2


def dates_month_first(lines: list[Line]) -> bool:
    """Whether the document writes its dates month first, the US way: a date of it can be read so only ("10/18/2026")
    and none day first only ("18/10/2026"); or, every date read either way, it speaks a US pay stub's words (dollars,
    federal tax, Medicare, a 401(k)). Blind probe r66a: "Pay period: 10/05/2026 - 10/18/2026" read as May."""
    pairs = [(int(match.group(1)), int(match.group(2))) for line in lines for match in SLASHED_DATE.finditer(line.text)]
    if any(first > 12 >= second for first, second in pairs):
        return False
    if any(second > 12 >= first for first, second in pairs):
        return True
    text = fold("\n".join(line.text for line in lines))
    words = {re.sub(r"[\d\s]", "", match.group(0)) for match in US_PAY_STUB_WORDS.finditer(text)}
    return bool(pairs) and len(words) >= US_STUB_WORDS_NEEDED


def days_put_first(line: Line) -> Line:
    """The line with its month-first dates written day first, as the rest of the reading expects them."""
    text = SLASHED_DATE.sub(lambda match: f"{match.group(2)}/{match.group(1)}/{match.group(3)}", line.text)
    return line if text == line.text else Line(text, line.confidence, line.word_confidences, line.word_boxes)


def year_the_dates_confirm(period: str, lines: list[Line]) -> str | None:
    """The period with its year put right when OCR misread one digit of it ("Novembro de 2626" on a photo whose
    "0" came out a "6", blind probe r57a: the month withheld as one still to come): of the plausible years one digit
    away, the one a date the page prints (the pay day, the run's date) places in the period's month or the next.
    None when no such date, or dates of two such years, choose one: a reading is chosen, never guessed."""
    year, month = period[:4], int(period[5:])
    readings = {
        f"{year[:at]}{digit}{year[at + 1 :]}" for at in range(len(year)) for digit in "0123456789" if digit != year[at]
    }
    plausible = {int(reading) for reading in readings if PLAUSIBLE_YEAR.match(f"{reading}-")}
    confirmed = {
        candidate
        for line in lines
        for date in parse_dates(line.text)
        for candidate in plausible
        if (date.year, date.month) in months_paid_in(candidate, month)
    }
    return f"{confirmed.pop():04d}-{month:02d}" if len(confirmed) == 1 else None


def months_paid_in(year: int, month: int) -> set[tuple[int, int]]:
    """The months a slip of ``month`` in ``year`` is paid or run in: its own or the next (paid early on)."""
    return {(year, month), (year + month // 12, month % 12 + 1)}


# A month and its year in figures by a slash or a dash ("09/2026", "2026-09"), not a dot: "2025.12" may be an amount.
SLASHED_PERIOD = re.compile(r"(?<![\d/.-])(?:\d{1,2}\s?[/-]\s?\d{4}|\d{4}\s?[/-]\s?\d{1,2})(?![\d/.-]*\d)")


def lone_month_and_year(lines: list[Line]) -> tuple[str | None, Line | None]:
    """The one month and year in figures a slip prints anywhere, uncaptioned, when no other date competes: a
    pre-printed form's box whose caption is only in a legend at the foot ("(F) Mês/Ano" ... "09/2026", blind
    probe r47b: the text layer gives the legend first and the box far below it, past the top lines a title's bare
    period is looked for in). Another month and year, or a full date of a month other than it or the next (the
    pay day), makes it no longer the slip's one: none is chosen."""
    found: dict[str, Line] = {}
    for line in lines:
        for match in SLASHED_PERIOD.finditer(without_longer_numbers_than_periods(line.text)):
            period = parse_period(match.group(0))
            if period and PLAUSIBLE_YEAR.match(period):
                found.setdefault(period, line)
    if len(found) != 1:
        return None, None
    [(period, line)] = found.items()
    paid = months_paid_in(int(period[:4]), int(period[5:]))
    if any((date.year, date.month) not in paid for other in lines for date in parse_dates(other.text)):
        return None, None
    return period, line


# A row's bracketed note ("(Oct 2026)", "(set/2026)", "(ref. 10/2026)"), and a table row's amount ending its line.
BRACKETED_NOTE = re.compile(r"\([^()]*\)")
ROW_ENDING = re.compile(MONEY.pattern + r"\s*(?:€|eur(?:os?)?)?\s*$", re.IGNORECASE)


def without_a_rows_own_month(line: Line) -> Line:
    """The line with what a row of the table notes in brackets blanked (offsets kept) when the note names a month:
    a back pay's or a correction's month ("Back pay adjustment (Oct 2026) 48,50"), not the month the slip pays
    (blind probe r40a: four slips dated a month early, their period printed in figures after a title or an English
    caption). A row is a line ending with an amount."""
    if not ROW_ENDING.search(portuguese_figures(line.text)):
        return line
    text = BRACKETED_NOTE.sub(note_blanked_if_a_month, line.text)
    return line if text == line.text else Line(text, line.confidence, line.word_confidences, line.word_boxes)


def note_blanked_if_a_month(match: re.Match[str]) -> str:
    note = match.group(0)
    return " " * len(note) if month_named(Line(note)) or parse_period(note) else note


def month_named(line: Line) -> bool:
    """Whether the line names a month and its year ("Outubro 2026", "out/2026")."""
    return bool(MONTH_YEAR.search(fold(line.text)))


# The months in French, Italian, German, Dutch and Spanish (folded), as another country's payslip names its own.
FOREIGN_MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7, "aout": 8, "septembre": 9,
    "octobre": 10, "decembre": 12,
    "gennaio": 1, "febbraio": 2, "marzo": 3, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
    "ottobre": 10, "dicembre": 12,
    "januar": 1, "februar": 2, "marz": 3, "maerz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    "enero": 1, "febrero": 2, "mayo": 5, "junio": 6, "julio": 7, "septiembre": 9, "setiembre": 9, "octubre": 10,
    "noviembre": 11, "diciembre": 12,
}  # fmt: skip
FOREIGN_MONTH_YEAR = re.compile(
    r"(?<![a-z])(" + "|".join(sorted(FOREIGN_MONTHS, key=len, reverse=True)) + r")(?![a-z])"
    r"\.?\s*(?:de\s+|del\s+|/\s*|-\s*)?((?:19|20)\d{2})(?!\d)"
)


def foreign_month_named(lines: list[Line]) -> tuple[str | None, Line | None]:
    """The month another country's payslip names in its language ("Lohnabrechnung Februar 2026", "Periode: maart
    2026", "Mese di GENNAIO 2026")."""
    for line in lines:
        match = FOREIGN_MONTH_YEAR.search(fold(line.text))
        if match:
            return f"{match.group(2)}-{FOREIGN_MONTHS[match.group(1)]:02d}", line
    return None, None


# The day the salary was paid, by its caption: "Pay date", "Date of payment", "Data de pagamento", "Fecha de
# pago", "Date de paiement", "Payé le", "Betaald op", "Zahlungsdatum".
PAY_DATE = re.compile(
    r"(?<![a-z])(?:pay(?:ment)?\s+date|date\s+(?:of\s+)?pa(?:id|yment)|paid\s+on|data\s+(?:de\s+|do\s+|di\s+)?pagamento"
    r"|fecha\s+de\s+pago|date\s+de\s+paiement|paye\s+le|betaald\s+op|(?:aus)?zahlungsdatum)(?![a-z])"
)
# A salary paid from this day of a month on pays that month; one paid early in a month may pay the one before.
MONTH_END_DAYS_FROM = 20


def paid_at_the_months_end(lines: list[Line]) -> tuple[str | None, Line | None]:
    """The month a salary paid at its end pays, when the slip prints no period but the day it was paid ("Pay date:
    31/03/2026"). A day early in a month says nothing sure (the month before's salary is often paid then)."""
    for line in lines:
        caption = PAY_DATE.search(fold(line.text))
        dates = parse_dates(line.text[caption.end() :]) if caption else []
        if dates and dates[0].day >= MONTH_END_DAYS_FROM:
            return f"{dates[0].year:04d}-{dates[0].month:02d}", line
    return None, None


# The caption of the day the month's pay is paid, on folded text: ``PAY_DATE``'s and the Portuguese ones that name the
# payment only ("Pago em", "Pago no dia", "Data de liquidação", "Dt. pagamento", "Data pagto.", "Data da transferência", "Pagamento"
# alone before its date); not the payroll's run or the slip's issue ("Data de processamento", "Data de emissão"),
# which may come before the pay or long after it. The transfer that pays it, said as a sentence ("Pago por
# transferência em", "Abonado por transferência bancária em", "Transferido para a conta em", "Creditado na conta
# a", "Depositado em") or captioned ("Transferência:", "Transferência bancária:", "Data do crédito", "Data de
# depósito", "Data-valor"): blind probe r78a, public bodies' "Abonado por transferência bancária em 30/11/2026." and
# a private payroll's "Transferência: 27/11/2026" unread.
PAID_BY = r"(?:pag|abonad|transferid|creditad|depositad|liquidad)[oa]"
PAID_HOW = (
    r"(?:\s+(?:por|via|atraves\s+de|por\s+meio\s+de|com)\s+(?:transferencia|deposito|tb|credito)(?:\s+bancari[oa])?)?"
    r"(?:\s+(?:n[ao]|para\s+a|em)\s+(?:sua\s+)?conta(?:\s+bancaria)?)?"
)
PAYMENT_DATE_CAPTION = re.compile(
    PAY_DATE.pattern + rf"|(?<![a-z])(?:{PAID_BY}{PAID_HOW}\s+(?:em|no\s+dia|a(?=[\s:]*\d))"
    r"|data\s+(?:de\s+|da\s+)?liquidacao|dt\.?\s*(?:de\s+)?pag(?:amento|to)?\.?"
    r"|data\s+(?:de\s+)?pagto\.?|data\s+(?:de\s+|da\s+|do\s+)?(?:transferencia|credito|deposito)"
    r"|data[\s-]+valor|transferencia(?:\s+bancaria)?|pagamento)(?![a-z])"
)
# A payment still to come, just before its caption ("Próxima data de pagamento", "Data do próximo pagamento", "Next
# payment date", "Próximo pagamento"): never this slip's.
NEXT_PAYMENT = re.compile(
    r"(?<![a-z])(?:proxim[oa]s?|next|upcoming|future|seguinte)(?:\s+(?:data|dt\.?)\s+d[eoa])?\s*$"
)
# A bare "Pagamento" after another word's "de" is no day but a kind or a span of payment ("Forma de pagamento",
# "Período de pagamento: 01/11/2026 a 30/11/2026"); its day's caption is "Data de pagamento". So is a bare
# "Transferência" ("Ordem de transferência n.º 2026/11").
BARE_CAPTIONS = ("pagamento", "transferencia")
PAYMENT_OF_SOMETHING = re.compile(r"(?<![a-z])[a-z]+\.?\s+d[eoa]\s*$")
# Between the caption and its date: a colon, a dash, a few spaces, or dot leaders ("Data de Pagamento.......: "), and
# the words a sentence links them with ("Pagamento efetuado em 10/12/2026", "Pago no dia 27/11/2026", "on").
CAPTION_TO_DATE = re.compile(
    r"[\s:.\-–_…]{0,40}(?:(?:(?:efetuad|realizad|feit)[oa]\s+)?(?:em|a|no\s+dia|on)(?![a-z])[\s:]*)?(?=\d)"
)


def payslip_payment_date(lines: list[Line], parsed: Parsed) -> None:
    """``payment_date``: the first date printed right after a payment's caption on its line ("Data de pagamento:
    31/10/2026", "Pago em 30 de outubro de 2026"), or under it in a row of captions ("Período | Data de pagamento |
    Data de admissão" over their values); not within a row's brackets ("Adiantamento (pago em 15/10/2026) 400,00" is
    an advance's day), nor a payment to come ("Próxima data de pagamento: 23/12/2026"). docs/adr/044."""
    for index, line in enumerate(lines):
        folded = fold(line.text)
        for caption in PAYMENT_DATE_CAPTION.finditer(folded):
            before = folded[: caption.start()]
            if before.count("(") > before.count(")") or NEXT_PAYMENT.search(before):
                continue
            if caption.group().startswith(BARE_CAPTIONS) and PAYMENT_OF_SOMETHING.search(before):
                continue
            lead = CAPTION_TO_DATE.match(folded, caption.end())
            date = date_printed_first(fix_digits(line.text[lead.end() :])) if lead else None
            if date is None and index + 1 < len(lines) and not dates_in(line.text):
                date = date_under_caption(line, caption, lines[index + 1])
            if date:
                parsed.put("payment_date", date, line.confidence)
                return


# A full date at the start of a text whose day or month OCR split in two ("27/1 1/2026", "2 7/11/2026").
SPLIT_DAY_OR_MONTH = re.compile(r"^(?:\d\s\d\s?[-/.]\s?\d{1,2}|\d{1,2}\s?[-/.]\s?\d\s\d)\s?[-/.]\s?\d{4}(?!\d)")
# A full date at the start of a text, day or year first.
DATE_AT_START = re.compile(r"\d{1,2}\s?[-/.]\s?\d{1,2}\s?[-/.]\s?\d{4}|\d{4}-\d{1,2}-\d{1,2}")


def date_printed_first(text: str) -> dt.date | None:
    """The date a text starts with as payroll programs print it: in figures ("27/11/2026", "2026-11-27"), with a
    two-digit year ("27/11/26": a payment's day is recent) or with its month's name ("27 de novembro de 2026",
    "27 November 2026", "27-nov-2026"). A day's or a month's two figures OCR set a space apart ("27/1 1/2026": blind
    probe r78a, an image-only PDF's payment date unread) are one number."""
    text = SPLIT_DAY_OR_MONTH.sub(lambda date: re.sub(r"(?<=\d) (?=\d)", "", date.group()), text, count=1)
    if DATE_AT_START.match(text):
        dates = parse_dates(text)
    elif short := SHORT_YEAR_DATE.match(text):
        dates = short_year_dates(short.group())
    elif written := WRITTEN_DATE.match(fold(text)):
        dates = written_dates(written.group())
    else:
        dates = []
    return dates[0] if dates else None


def date_under_caption(captions: Line, caption: re.Match[str], values: Line) -> dt.date | None:
    """The date in the row below a row of captions (a header table: "Período  Data de pagamento  Data de admissão"
    over "11/2026  27/11/2026  01/03/2019") that stands under ``caption``: by the words' boxes where the reader gives
    them, else the same field when both rows have as many fields apart by wide gaps; never its neighbour's."""
    words = list(re.finditer(r"\S+", captions.text))
    value_words = values.text.split()
    if len(captions.word_boxes) == len(words) and len(values.word_boxes) == len(value_words) and value_words:
        boxes = [box for word, box in zip(words, captions.word_boxes, strict=True) if overlaps(word, caption)]
        if not boxes:
            return None
        left, right = min(box[0] for box in boxes), max(box[0] + box[2] for box in boxes)
        best: tuple[int, dt.date] | None = None
        for word, box in zip(value_words, values.word_boxes, strict=True):
            shared = min(right, box[0] + box[2]) - max(left, box[0])
            date = date_printed_first(fix_digits(word))
            if date and shared * 2 > box[2] and (best is None or shared > best[0]):
                best = (shared, date)
        return best[1] if best else None
    caption_fields = [field.start() for field in re.finditer(r"\S+(?:\s\S+)*", captions.text)]
    value_fields = re.findall(r"\S+(?:\s\S+)*", values.text)
    if len(caption_fields) < 2 or len(caption_fields) != len(value_fields):
        return None
    column = sum(1 for start in caption_fields if start <= caption.start()) - 1
    return date_printed_first(fix_digits(value_fields[column]))


def overlaps(word: re.Match[str], caption: re.Match[str]) -> bool:
    """Whether a word of a line is part of the caption found on it (both offsets on the same line's text)."""
    return word.start() < caption.end() and caption.start() < word.end()


# The payment's or the run's date after the period on its line ("Período: 02/2026  Data pagamento: 27/02/2026").
RUN_DATE_AFTER = re.compile(r"(?i)\s(?:data|dt\.?)\s+(?:de\s+|do\s+|da\s+)?(?:pag|process|emiss|venc)")


# An admission's caption and its date ("Admissão: 21-06-2023", "Data de admissão 04-09-2021", "Dt. Admiss.
# 02/02/2018"): the day the worker started, no month paid (blind probe r39a: "Período: 2026/09  Venc. Base: ...
# Admissão: 21-06-2023" read as June 2023).
ADMISSION_CAPTION = re.compile(
    r"(?i)(?<![^\W\d_])(?:(?:data|dt)\.?\s*(?:de\s+|da\s+)?)?admiss(?:[aã]o|\.)?(?![^\W\d_])[\s:.-]*"
)


def without_admission_date(line: Line) -> Line:
    """The line with an admission's caption and the date right after it blanked, each character a space (offsets
    kept)."""
    text, figures = line.text, fix_digits(line.text)
    for caption in ADMISSION_CAPTION.finditer(line.text):
        date = DATE_DMY.match(figures, caption.end()) or DATE_YMD.match(figures, caption.end())
        if date:
            text = text[: caption.start()] + " " * (date.end() - caption.start()) + text[date.end() :]
    return line if text == line.text else Line(text, line.confidence, line.word_confidences, line.word_boxes)


def labelled_period(lines: list[Line], row: int, at: int) -> str | None:
    """The month a period's label at ``at`` on line ``row`` names: on its line from the label on, up to a run
    date after it (a date before it, "Admissão: 15/09/2025  Período: ...", is another's), else in a grid of
    captions over their values. A month and year in figures first after the label is the period, whatever date
    the line prints after it ("Período: 2026/09  ...  Data: 28-09-2026")."""
    text = lines[row].text
    own = RUN_DATE_AFTER.split(text[at:])[0]
    period = (
        numeric_period_first(own)
        or parse_period(own)
        or month_and_year(text)
        or month_of_the_year(text[at:])
        or month_named_days(own)
        or short_year_period(own)
    )
    if period is None:
        period = period_under_caption(lines, row, at)
    if period is None:
        # A grid of captions over their values: "Mês" / "05" / "Ano" / "2026" (the year's pair may come
        # first), or "Mês  Ano" / "05  2026".
        grid = " ".join(ln.text for ln in lines[max(0, row - 2) : row + 4])
        period = month_and_year(grid) or captions_over_month_and_year(lines[row : row + 2])
    return period


def numeric_period_first(text: str) -> str | None:
    """The month and year in figures ("2026/09", "09/2026", "09-2026") a period's caption's text prints before any
    date or month named, none of a longer number's parts."""
    numeric = NUMERIC_PERIOD.search(without_longer_numbers_than_periods(text))
    if numeric is None:
        return None
    named = MONTH_YEAR.search(fold(text))
    dated = [match.start() for pattern in (DATE_DMY, DATE_YMD) for match in pattern.finditer(fix_digits(text))]
    if (named and named.start() < numeric.start()) or any(start < numeric.start() for start in dated):
        return None
    period = parse_period(numeric.group(0))
    return period if period and PLAUSIBLE_YEAR.match(period) else None


# A month's name, whole or cut, and the year's two last digits, as a spreadsheet prints them ("mar/26",
# "Mar-26", "março/26"); only after the period's caption, where two digits can be no day.
SHORT_YEAR_PERIOD = re.compile(
    r"(?<![a-z])(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s?[/-]\s?(\d{2})(?![\d/.-])"
)


def short_year_period(text: str) -> str | None:
    match = SHORT_YEAR_PERIOD.search(fold(text))
    return f"20{match.group(2)}-{MONTHS[match.group(1)]:02d}" if match else None


# A number of three parts or more ("Recibo n.º 2026/10/0213", a date): no month and year of its own inside.
LONGER_NUMBER = re.compile(r"(?<![\d/.-])\d+(?:\s?[/.-]\s?\d+){2,}(?![\d/.-]*\d)")


def without_longer_numbers_than_periods(text: str) -> str:
    """The text with every number of three parts or more blanked: a reference or a date is no period."""
    return LONGER_NUMBER.sub(lambda match: " " * len(match.group(0)), fix_digits(text))


def period_under_caption(lines: list[Line], row: int, at: int) -> str | None:
    """The period printed under its caption: a caption with no figure on its line ("Mês de referência", alone or
    in a row of captions "Colaborador | NIF | Mês de referência | Secção") over the row of values. The value in
    its column when both rows part their cells, else the one month and year the row below prints ("10/2026",
    "outubro 2026"); a row with two (an admission's, a period's) says nothing sure."""
    caption_row = lines[row].text
    if row + 1 >= len(lines) or re.search(r"\d", caption_row):
        return None
    value_row = without_longer_numbers_than_periods(under_caption(caption_row, at, lines[row + 1].text))
    named = [parse_period(match.group(0)) for match in MONTH_YEAR.finditer(fold(value_row))]
    numeric = [parse_period(match.group(0)) for match in NUMERIC_PERIOD.finditer(value_row)]
    periods = {period for period in [*named, *numeric] if period and PLAUSIBLE_YEAR.match(period)}
    return periods.pop() if len(periods) == 1 else None


PLAUSIBLE_YEAR = re.compile(r"(?:19|20)\d{2}-")
# A month's days in the English order, the month before its days and the year after them: "Nov 1 – Nov 30,
# 2026", "November 1-30, 2026", "Oct 1st to Oct 31st, 2026".
NAMED_MONTH = r"(?<![a-z])([a-z]{3,9})\.?"
DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
MONTH_NAMED_DAYS = re.compile(
    NAMED_MONTH
    + r"\s+"
    + DAY
    + r"\s*(?:[-–—]|to|through|a|ate)\s*(?:"
    + NAMED_MONTH
    + r"\s+)?"
    + DAY
    + r"\s*,?\s+((?:19|20)\d{2})(?!\d)"
)


def month_named_days(text: str) -> str | None:
    """The month a range of its days names, the month's name (Portuguese or English) before the days, the year
    after them ("Pay period: Nov 1 – Nov 30, 2026"); both ends in the same month."""
    for match in MONTH_NAMED_DAYS.finditer(fold(text)):
        first, first_day, last, last_day, year = match.groups()
        month = month_number(first)
        if month and (last is None or month_number(last) == month) and 1 <= int(first_day) <= int(last_day) <= 31:
            return f"{year}-{month:02d}"
    return None


def month_number(word: str) -> int | None:
    """A month's number by its Portuguese or English name or abbreviation, whole ("nov", "november",
    "novembro")."""
    return MONTHS.get(word) or ENGLISH_MONTHS.get(word)


# A reference's year and month parted by a dot in the middle: "Ref.ª 2026 · 08", "Período 2026 · 08".
YEAR_DOT_MONTH = re.compile(
    r"(?<![a-z])(?:ref(?:\.\s?a|\.|erencia)|periodo|mes)(?![a-z])\s*[:.]?\s*((?:19|20)\d{2})\s*[·•]\s*(\d{1,2})(?!\d)"
)
# A range of days whose first date leaves out the year the second prints: "01-06 a 30-06-2026"; or prints it too,
# in another language's words ("du 01/11/2026 au 30/11/2026", "01.11.2026 bis 30.11.2026": blind probe r35b).
DAYS_OF_ONE_MONTH = re.compile(
    r"(?<![\d/.-])(\d{1,2})[-/.](\d{1,2})(?:[-/.]((?:19|20)\d{2}))?\s*(?:a|ate|au|to|bis|al|–|-)\s*"
    r"(\d{1,2})[-/.](\d{1,2})[-/.]((?:19|20)\d{2})(?!\d)"
)


def year_dot_month(lines: list[Line]) -> tuple[str | None, Line | None]:
    """The month a reference names as its year and month parted by a middle dot ("Ref.ª 2026 · 08")."""
    for line in lines:
        match = YEAR_DOT_MONTH.search(fold(line.text))
        if match and 1 <= int(match.group(2)) <= 12:
            return f"{match.group(1)}-{int(match.group(2)):02d}", line
    return None, None


def days_of_one_month(lines: list[Line]) -> tuple[str | None, Line | None]:
    """The month a range of its days names, the year printed once ("01-06 a 30-06-2026", a grid's cell under
    "Período"): both days in the same month."""
    for line in lines:
        for match in DAYS_OF_ONE_MONTH.finditer(fold(line.text)):
            first_day, month, first_year, last_day, month_again, year = (int(group or 0) for group in match.groups())
            same_year = first_year in (0, year)
            if same_year and month == month_again and 1 <= month <= 12 and 1 <= first_day <= last_day <= 31:
                return f"{year:04d}-{month:02d}", line
    return None, None


# A month's name and its year with the words of a sentence between them: "fevereiro do ano de 2026", "março do
# ano 2026", "abril, ano de 2026". Whole names only: an abbreviation is a word's start ("mai" in "maior").
MONTH_OF_THE_YEAR = re.compile(
    r"(?<![a-z])(" + "|".join(name for name in MONTHS if len(name) > 3) + r")(?![a-z])"
    r"\s*,?\s*(?:d[eo]\s+)?ano\s+(?:de\s+)?((?:19|20)\d{2})(?!\d)"
)


def month_of_the_year(text: str) -> str | None:
    """The period a sentence names as a month of a year ("mês de fevereiro do ano de 2026")."""
    match = MONTH_OF_THE_YEAR.search(fold(text))
    return f"{match.group(2)}-{MONTHS[match.group(1)]:02d}" if match else None


# A grid's rule between a caption and its value may come through OCR as "|", "[" or "]" ("Mês | 11 Ano 2026": blind
# probe r56a, a JPEG's period unread); the rule before the caption as "I" or "l" glued to it ("Ilmês | 10 Ano 2026":
# a levelled photo of a grid whose rules were painted out but that one, blind probe r59a's regression run).
MONTH_LABELLED = re.compile(r"(?<![a-z])[il]{0,2}m[eê]s\s*[:.|\[\]]?\s*(\d{1,2}(?!\d)|[a-z]{3,9})")
YEAR_LABELLED = re.compile(r"(?<![a-z])ano\s*[:.|\[\]]?\s*((?:19|20)\d{2})(?!\d)")


def captions_over_month_and_year(rows: list[Line]) -> str | None:
    """A row of the two captions alone ("Mês  Ano") over a row of their two figures ("05  2026")."""
    if len(rows) < 2:
        return None
    captions = re.findall(r"[a-z]+", fold(rows[0].text))
    figures = re.findall(r"\d+", fix_digits(rows[1].text))
    if sorted(captions) != ["ano", "mes"] or len(figures) != 2 or re.search(r"[^\d\s/.-]", rows[1].text.strip()):
        return None
    month, year = figures if captions[0] == "mes" else figures[::-1]
    return month_and_year(f"mes {month} ano {year}")


def month_and_year(text: str) -> str | None:
    """Month and year under labels of their own, in either order ("Ano 2026  Mês 10", "MÊS: DEZEMBRO
    ANO: 2026")."""
    folded = fold(text)
    month, year = MONTH_LABELLED.search(folded), YEAR_LABELLED.search(folded)
    if not (month and year):
        return None
    word = month.group(1)
    number = int(word) if word.isdigit() else MONTHS.get(word) or MONTHS.get(word[:3])
    return f"{year.group(1)}-{number:02d}" if number and 1 <= number <= 12 else None


# A NIF printed under its caption that OCR read with a wrong check digit.
NIF_UNREAD = "nif_unread"
NIF_CAPTION = re.compile(r"nif|contribuinte|fiscal|nipc|n\.\s?i\.\s?[fp]\.?|pessoa\s+colec?tiva")


def assign_payslip_nifs(lines: list[Line], parsed: Parsed) -> None:
    """Personal NIFs (1/2/3/45...) belong to the employee, the others to the employer; a label says otherwise
    (a household employing a domestic worker, a temp agency's client).

    A payslip is one employee's: two different personal NIFs given to the employee (one by the name, another in
    the footer) cannot both be theirs, and neither is taken (``nif_ambiguous``), as on an identity card.
    """
    employee_nifs: list[tuple[str, int]] = []
    for index, line in enumerate(lines):
        folded = fold(line.text)
        typed = line.confidence >= 1.0
        nifs = parse_nifs(
            without_foreign_numbers(without_other_numbers(without_longer_numbers(line.text)), typed=typed)
        )
        columns = column_parties(lines, index, len(nifs))
        for position, (nif, valid) in enumerate(nifs):
            if not valid:
                # A company's number printed under its own caption ("NIPC", "N.I.P.C.") is a NIF all the same.
                # So is one under "N.I.F." (doc probe 29: an invalid one withheld without a word), and one alone
                # on its line under its caption ("Nº Fiscal" / "366655568": doc probe 30).
                above = fold(lines[index - 1].text) if index else ""
                if NIF_CAPTION.search(folded) or (NIF_CAPTION.search(above) and not re.search(r"\d", above)):
                    # Off an image, a digit misread fails the check digit as often as a forger's: the number is
                    # unread, not shown invalid (blind probe r47b: a legible valid NIF on a photo warned as one
                    # that fails its check, which reads as a forgery). A text layer's number is as printed.
                    parsed.warnings.append(NIF_UNREAD if line.confidence < 1.0 else "nif_checksum_invalid")
                continue
            party = columns[position] if columns else party_of_line(folded) or party_above(lines, index)
            if party == "client":
                continue
            confidence = VALIDATED_CONFIDENCE
            if nif_is_personal(nif) and party != "employer":
                employee_nifs.append((nif, index))
                parsed.put("employee_nif", nif, confidence)
            elif not nif_is_personal(nif) or party == "employer":
                # A personal NIF labelled the employer's is a private employer's (a household employing a
                # domestic worker, a sole trader): it is theirs, not dropped.
                parsed.put("employer_nif", nif, confidence)
    if not employee_nifs and NIF_UNREAD not in parsed.warnings and any(map(nif_value_unread, lines)):
        parsed.warnings.append(NIF_UNREAD)
    if len({nif for nif, _ in employee_nifs}) < 2:
        return
    private = None if "employer_nif" in parsed.fields else private_employers_letterhead(lines, employee_nifs)
    if private is not None:
        employee, employer = private
        parsed.fields.pop("employee_nif", None)
        parsed.put("employee_nif", employee, VALIDATED_CONFIDENCE)
        parsed.put("employer_nif", employer, VALIDATED_CONFIDENCE)
        return
    parsed.warnings.append("nif_ambiguous")
    parsed.fields.pop("employee_nif", None)
    parsed.confidence.pop("employee_nif", None)


# A NIF's caption and the value OCR read after it, with the caption's own words between ("NIF do trabalhador:",
# "Contribuinte n.º"): one word, the number's.
NIF_CAPTION_VALUE = re.compile(
    r"(?<![A-Za-z])(?:N\.?\s?I\.?\s?F\.?|Contribuinte)(?:\s+d[oa]\s+[a-zà-ÿ]+)?(?:\s+n\.?\s?[ºo°]\.?)?\s*:?\s*"
    r"(?P<value>[^\s:]+)"
)


def nif_value_unread(line: Line) -> bool:
    """Whether a scan's line prints a NIF's caption over a value OCR did not read as a NIF: digits a few short or
    over, or marks read at a guess ("NIF 17777773" for 117777773, "NIF do trabalhador: A5777TTTA", "NIF Mizizrm":
    blind probe r76c, three scans whose worker's NIF went missing without a word). A value a caption introduces
    that holds no digit and was read well is a word ("NIF do empregador"), not a number unread."""
    if line.confidence >= 1.0:
        return False
    confidences = dict(line.word_confidences)
    for caption in NIF_CAPTION_VALUE.finditer(line.text):
        value = caption["value"].strip(".,;|")
        if any(valid for _, valid in parse_nifs(value)) or len(value) < NIF_UNREAD_LEAST_CHARACTERS:
            continue
        digits = sum(char.isdigit() for char in value)
        if digits or confidences.get(caption["value"], 1.0) < LEGIBLE_CONFIDENCE:
            return True
    return False


# A NIF's value read short by more than this is no number's (a caption's dot, a stray mark).
NIF_UNREAD_LEAST_CHARACTERS = 5


def private_employers_letterhead(lines: list[Line], personal: list[tuple[str, int]]) -> tuple[str, str] | None:
    """The employee's and the employer's NIFs, when of two personal NIFs no caption gives a party to, one is the
    letterhead's, above the employee's caption, and the other under it: the letterhead's is a private employer's (a
    sole trader, a household employing a domestic worker: blind probe r36b, both NIFs withheld on 6 of 6 such
    slips). None when they do not part so.

    A letter-like slip may caption its employee nowhere above the body ("Marta ..., contribuinte n.º ...,
    recebeu a retribuição ..." under a notary's letterhead and its NIF: blind probe r56a); the slip's title then
    parts the letterhead from the body."""
    caption = next((index for index, line in enumerate(lines) if EMPLOYEE_LABEL.search(fold(line.text))), None)
    for divider in (caption, payslip_title_index(lines)):
        if divider is None:
            continue
        above = {nif for nif, index in personal if index < divider}
        below = {nif for nif, index in personal if index >= divider}
        if len(above) == 1 and len(below) == 1:
            return below.pop(), above.pop()
    return None


def payslip_title_index(lines: list[Line]) -> int | None:
    """The first line holding the slip's title ("Recibo de vencimento"), printed letter-spaced or not."""
    return next((index for index, line in enumerate(lines) if holds_payslip_title(fold(line.text))), None)


def holds_payslip_title(folded: str) -> bool:
    if LETTER_SPACED.fullmatch(folded):
        return bool(SPACELESS_PAYSLIP_TITLE.search(re.sub(r"\s", "", folded)))
    return bool(PAYSLIP_TITLE.search(folded))


# A title printed letter-spaced ("R E C I B O  D E  V E N C I M E N T O"), as a text layer gives it: each letter a
# word. Its words are found with their spaces taken out.
LETTER_SPACED = re.compile(r"\s*(?:[^\W\d_]\s+){5,}[^\W\d_]\s*")
SPACELESS_PAYSLIP_TITLE = re.compile(PAYSLIP_TITLE.pattern.replace(" ", "").replace(r"\s+", "").replace(r"\s?", ""))


# The captions of a person's other numbers, nine figures long or not, on folded text: the public servants' health
# scheme's ("N.º ADSE"), the CGA's or a scheme's beneficiary number ("N.º Beneficiário CGA"), the health service's
# user number ("N.º Utente SNS"), the identity card's, a worker's or a member's number.
OTHER_NUMBER_CAPTION = re.compile(
    r"(?<![a-z])(?:adse|benefici[a-z]*|cga|utente|sns|cartao\s+de\s+cidadao|(?:cc|bi)(?=\s*[:.]?\s*$)|matricula"
    r"|mecanografico|socio|apolice|iban)(?![a-z])"
)


CAPTION_REACH = 24


def without_other_numbers(text: str) -> str:
    """The text with every nine-figure number blanked whose own caption, between the figures before it and it, names
    another number and no NIF ("N.º Beneficiário CGA: 3228558 N.º ADSE: 198134118"): an ADSE number may pass the
    NIF's check digit by chance and start like a person's (blind probe r46a: the employee's NIF withheld as
    ambiguous on a scan, read on the clean copy whose ADSE number started with a 7). Told by its caption, not by
    luck."""
    fixed = fix_digits(text)
    kept = list(text)
    start = 0
    for token in NIF_TOKEN.finditer(fixed):
        # The caption right before the number: not a name's caption further back ("Beneficiário: Ana ... 2...").
        caption = fold(re.split(r"\d", fixed[start : token.start()])[-1])[-CAPTION_REACH:]
        if OTHER_NUMBER_CAPTION.search(caption) and not NIF_CAPTION.search(caption):
            kept[token.start() : token.end()] = " " * (token.end() - token.start())
        start = token.end()
    return "".join(kept)


# Another state's registry numbers by their captions, on folded text: France's SIREN and SIRET and its trade
# register's (RCS), a VAT number ("TVA", "VAT", "Partita IVA", "USt-IdNr."), Spain's CIF, Germany's Steuernummer,
# Italy's codice fiscale, the Dutch KvK, the UK's company number and UTR.
FOREIGN_NUMBER_CAPTION = re.compile(
    r"(?<![a-z])(?:siren|siret|rcs|tva|vat|cif|ust\W{0,2}id\w*|steuer\w*|partita\s+iva|p\.\s?iva|codice\s+fiscale"
    r"|kvk|company\s+(?:registration\s+)?(?:no|number)|utr)(?![a-z])"
)
# A VAT number's country prefix, another than Portugal's, stuck to its figures ("DE123456789", "CHE-123.456.789"): a
# space away, "DE" or "SE" may be a Portuguese word in capitals.
FOREIGN_VAT_PREFIX = re.compile(
    r"(?<![A-Za-z])(?:AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|FR|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|RO|SE|SI|SK|GB|XI|CHE)"
    r"-?$"
)
# Portugal's prefix before a NIF printed as a VAT number ("VAT: PT 501 234 567"): the NIF it is.
PORTUGUESE_VAT_PREFIX = re.compile(r"(?<![A-Za-z])PT[\s-]?$")
# Nine figures in threes a space apart that five figures or more continue after a space: a longer registry number's
# first nine (France's SIRET "552 081 317 00019", its SIREN then the establishment's number). A quantity has fewer
# figures; a postal code after a NIF ("1000-100") has its dash.
CONTINUED_NUMBER = re.compile(r"(?<![\d.,])\d{3} \d{3} \d{3} \d{5,}(?![\d.,/-])")


def without_foreign_numbers(text: str, *, typed: bool) -> str:
    """The text with every nine-figure number blanked that is another state's registry number, not a Portuguese NIF:
    part of a longer number (``CONTINUED_NUMBER``), captioned as another state's (``FOREIGN_NUMBER_CAPTION``, no NIF's
    caption with it, no "PT" before it), after another country's VAT prefix, or, on a text layer, printed with a letter
    first or last as Spain's CIF and NIF are ("B12345678", which OCR's digit repairs make nine figures). Blind probe
    r49a: a French company's SIRET in its header failed the NIF's check digit, and a genuine slip with both its NIFs
    valid was warned ``nif_checksum_invalid``, a forgery's sign."""
    kept = list(CONTINUED_NUMBER.sub(lambda match: " " * len(match.group(0)), text))
    fixed = fix_digits("".join(kept))
    start = 0
    for token in NIF_TOKEN.finditer(fixed):
        before = text[: token.start()]
        caption = fold(re.split(r"\d", fixed[start : token.start()])[-1])[-CAPTION_REACH:]
        foreign_caption = (
            FOREIGN_NUMBER_CAPTION.search(caption)
            and not NIF_CAPTION.search(caption)
            and not PORTUGUESE_VAT_PREFIX.search(before)
        )
        printed = text[token.start() : token.end()]
        lettered = typed and (printed[0].isalpha() or printed[-1].isalpha())
        if foreign_caption or FOREIGN_VAT_PREFIX.search(before) or lettered:
            kept[token.start() : token.end()] = " " * (token.end() - token.start())
        start = token.end()
    return "".join(kept)


# Digit groups glued by dots, dashes or slashes: a CPF ("123.456.789-09"), a CNPJ ("12.345.678/0001-95").
GLUED_NUMBER = re.compile(r"(?<![\d.\-/])\d+(?:[.\-/]\d+)+")
NIF_DIGITS = 9


# Short digit groups spaced out, as a NISS is printed ("123 456 789 01", "12 345 678 901"): one number when
# they hold a NISS's 11 digits (a quantity before a spaced NIF is another number).
NISS_DIGITS = 11
SPACED_NUMBER = re.compile(r"(?<![\d.,])\d{1,4}(?: \d{1,4}){2,}(?![\d.,])")


def without_longer_numbers(text: str) -> str:
    """The text with every number longer than a NIF blanked: a Brazilian CPF's first nine digits may pass the
    NIF's check digit, but a longer number (CPF, CNPJ, NISS, IBAN) is never a NIF. A NIF spaced out in threes
    stays whole; a NISS spaced out the same way ("123 456 789 01") holds 11 digits and goes."""

    def blank(match: re.Match[str]) -> str:
        number = match.group(0)
        return " " * len(number) if sum(char.isdigit() for char in number) > NIF_DIGITS else number

    def blank_niss(match: re.Match[str]) -> str:
        number = match.group(0)
        return " " * len(number) if sum(char.isdigit() for char in number) == NISS_DIGITS else number

    return SPACED_NUMBER.sub(blank_niss, GLUED_NUMBER.sub(blank, text))


# How far above its NIF a party's label may be: the name's line, then an address line.
PARTY_REACH = 2


def party_labels(folded: str) -> list[str]:
    """The parties a line's labels name, left to right ("client", "employer", "employee"); one party's label
    in two words ("Empresa utilizadora (cliente)") counts once."""
    blanked = EMPLOYER_LABEL.sub(lambda match: " " * len(match.group(0)), folded)
    found = sorted(
        [(match.start(), "client") for match in CLIENT_LABEL.finditer(folded)]
        + [(match.start(), "employer") for match in EMPLOYER_LABEL.finditer(folded)]
        + [(match.start(), "employee") for match in EMPLOYEE_LABEL.finditer(blanked)]
    )
    return [party for index, (_, party) in enumerate(found) if index == 0 or found[index - 1][1] != party]


def party_of_line(folded: str) -> str | None:
    """The one party a line's labels name; None for none or several."""
    parties = set(party_labels(folded))
    return parties.pop() if len(parties) == 1 else None


def column_parties(lines: list[Line], index: int, count: int) -> list[str] | None:
    """Several NIFs on one line under as many party labels, each NIF its column's ("Empresa utilizadora
    (cliente)   Trabalhador temporário" / ... / "NIF 510028470   NIF 251407390"): the labels in order, from
    the NIFs' own line or the closest labelled line above."""
    if count < 2:
        return None
    for at in range(index, max(-1, index - PARTY_REACH - 1), -1):
        if at < index and parse_nifs(lines[at].text):
            return None
        parties = party_labels(fold(lines[at].text))
        if parties:
            return parties if len(parties) == count else None
    return None


def party_above(lines: list[Line], index: int) -> str | None:
    """The party whose block a NIF on a line of its own is printed in ("Entidade empregadora (particular):
    Maria ..." / "NIF: 164093826"): the closest labelled line above, not past another NIF."""
    for above in reversed(lines[max(0, index - PARTY_REACH) : index]):
        if parse_nifs(above.text):
            return None
        party = party_of_line(fold(above.text))
        if party:
            return party
    return None
