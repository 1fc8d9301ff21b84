"""Which kind of document the text is: by title, by the labels only one kind prints, and by the MRZ."""

from __future__ import annotations

import re
from decimal import Decimal

from applicants.identifiers import nif_has_valid_checksum
from applicants.text import fold
from documents.extraction.mrz import MrzRead, read_mrz, visa_zone
from documents.extraction.parsers.common import parse_money
from documents.extraction.schema import IDENTITY_KINDS, DocumentKind

# Another country's payslip by its own title (on folded text): a French "bulletin de paie" or Belgian "fiche de
# paie", an Italian "busta paga" or "cedolino", a German or Swiss "Gehaltsabrechnung" or "Verdienstabrechnung"
# (DATEV's "Abrechnung der Brutto/Netto-Bezüge"), a Dutch "loonstrook" or Flemish "loonfiche", a Spanish "nómina",
# an American "pay stub", a Brazilian "holerite" or "contracheque". One sign among others: a payslip whose title
# is none of these is still told by its rows (``payslip_by_its_rows``).
FOREIGN_PAYSLIP_TITLE = (
    r"(?:bulletin|fiche|feuille)\s+de\s+(?:paie|salaire)|busta\s+paga|(?<![a-z])cedolino|prospetto\s+paga"
    r"|(?:gehalts|lohn|entgelt|verdienst|bezuge)abrechnung|entgeltnachweis|(?:loon|salaris)(?:fiche|specificatie)"
    r"|recibo\s+de\s+(?:salarios|nomina)"
    r"|abrechnung\s+der\s+brutto|(?:loon|salaris)strook|(?<![a-z])nominas?(?![a-z])|(?<![a-z])pay\s?stub"
    r"|(?<![a-z])holerite|(?<![a-z])contra-?cheque|demonstrativo\s+de\s+pagamento"
    # Spain's statutory title, Germany's "Netto-Bezüge" heading beside the company (blind probe r35b).
    r"|recibo\s+individual\s+justificativo(?:\s+del\s+pago\s+de\s+salarios)?|netto\s?-?\s?bezuge"
)
# A payslip's title (on folded text); also where a second payslip printed on the same page begins.
PAYSLIP_TITLE = re.compile(
    r"recibo de (vencimento|remunera[cç](?:ao|oes)|sal[aá]rio|ordenado)|folha de (vencimento|pagamento)"
    # An accountant's program's titles (blind probe r36b: a letter's "TALÃO DE VENCIMENTO" refused as no income,
    # "Folha de Remunerações - Recibo" taken for the employer's name).
    r"|tal[aã]o de (vencimento|remunera[cç](?:ao|oes)|sal[aá]rio|ordenado)|folha de remunera[cç](?:ao|oes)"
    r"|recibo de (pagamento de )?(salario|vencimentos)|(?<![a-z])pay\s?slip"
    r"|(?<![a-z])(pay|salary|earnings)\s+statement"
    # English payslips by their other common titles: a seafarer's "Wage Account", a "Wage statement", a "Statement
    # of earnings", a "Pay advice", a "Salary slip" (blind probe r64a: a manning agency's "Seafarer's Wage Account"
    # refused as not recognised).
    r"|(?<![a-z])wages?\s+(?:account|statement|slip)|(?<![a-z])(?:salary|wage)\s+slip"
    r"|statement\s+of\s+(?:earnings|wages|pay)(?![a-z])|(?<![a-z])pay\s+advice|" + FOREIGN_PAYSLIP_TITLE
)
# A foreign pension by its own names (on folded text): a French "attestation de paiement" of a "retraite
# personnelle", a Spanish "certificado de pensión" of a "pensión de jubilación", a German "Rentenanpassung" of a
# "Regelaltersrente".
FOREIGN_PENSION_NAMES = (
    r"attestation\s+de\s+(?:paiement\s+(?:de\s+(?:la\s+|votre\s+)?)?)?(?:retraite|pension)"
    # Agirc-Arrco's "Relevé de paiement - retraite complémentaire" (doc probe 32); "retraite complémentaire" alone
    # is a French payslip's deduction too.
    r"|releve\s+de\s+(?:paiements?|versements?)\W+(?:de\s+(?:la\s+|votre\s+|vos\s+)?)?(?:retraites?|pensions?)"
    r"|retraite\s+(?:personnelle|de\s+base|de\s+droit\s+propre)|pension\s+de\s+(?:vieillesse|reversion|retraite)"
    r"|certificado\s+de\s+(?:pension|prestacion)|pension\s+de\s+(?:jubilacion|viudedad|orfandad|incapacidad)"
    r"|renten(?:bescheid|anpassung|mitteilung|art\s*:)|(?:alters|witwen|witwer|waisen|erwerbsminderungs)rente"
    # A Swiss "attestation de rente" of a "rente (ordinaire) de vieillesse", the UK's "State Pension", a Dutch
    # "AOW-pensioen", a Brazilian "aposentadoria por idade" (Brazil's word for a pension, "pensão" being a
    # survivor's there).
    r"|attestation\s+de\s+rente|rente\s+(?:[a-z]+\s+){0,2}de\s+(?:vieillesse|survivants?|veuve|invalidite)"
    r"|(?<![a-z])state\s+pension|(?<![a-z])aow[\s-]+(?:pension|pensioen|uitkering)|ouderdomspensioen"
    r"|aposentadoria\s+por\s+(?:idade|invalidez|tempo\s+de\s+contribuicao)"
    # The US Social Security's "Benefit Verification Letter", a US public plan's "Retirement Benefit Statement", a
    # UK insurer's "Annuity payment advice" of a "pension annuity" (blind probe r35b: refused as no income).
    r"|benefit\s+verification\s+letter|retirement\s+benefit\s+statement|annuity\s+payment\s+advice"
    r"|pension\s+annuity|monthly\s+(?:social\s+security|retirement)\s+(?:benefit|payment)"
)
# The AT's names on its own documents, and the title of its statement of a year's income (on folded text).
AT_NAME = r"(?:autoridade\s+tributaria|portal\s+das\s+financas)"
AT_INCOME_TITLE = r"comprovativo\s+de\s+rendimentos(?!\s+de\s+pens)"


def split_by_ocr(word: str) -> str:
    """A word's pattern that holds with one space OCR put between any two of its letters ("fatu ra")."""
    return r"\s?".join(word)


_KIND_SIGNS: list[tuple[DocumentKind, re.Pattern[str]]] = [
    # Certificates first: their wording names taxes, income and social security too.
    (DocumentKind.DECLARACAO_SS, re.compile(r"situacao\s+contributiva")),
    (
        DocumentKind.CERTIDAO_AT,
        # A certidão's legal wording may be the only status it prints: "... não é devedora perante a Fazenda Pública".
        re.compile(
            r"certidao\s+de\s+(?:nao\s+)?divida|certidao(?=[\s\S]*situacao\s+tributaria)"
            r"|certidao(?=[\s\S]*nao\s+(?:e|se\s+encontra)\s+devedor[a]?\s+(?:perante\s+)?(?:a\s+|o\s+)?"
            r"(?:fazenda\s+publica|estado|autoridade\s+tributaria|administracao\s+(?:fiscal|tributaria)))"
        ),
    ),
    (
        DocumentKind.FATURA_RECIBO,
        # "Invoice-receipt": the Portal's own English for a fatura-recibo issued to a client abroad. A scan's OCR
        # may split the title's words ("Fatu ra-Recibo", blind probe r38a: the program's layout read as a payslip).
        re.compile(
            rf"{split_by_ocr('fatura')}\s*-?\s*{split_by_ocr('recibo')}|factura\s*-?\s*recibo|recibo\s+verde"
            r"|invoice\s*-?\s*receipt"
        ),
    ),
    (
        DocumentKind.DECLARACAO_INICIO_ATIVIDADE,
        re.compile(
            r"(declara[cç][aã]o|comprovativo)[^\n]{0,40}in[ií]cio\s+(de\s+|da\s+)?a(c)?tividade"
            # A declaração de alterações de atividade is filed on an open activity, so it proves one as the
            # início does (blind probe r36a: refused as no income). A cessação, which closes it, is no sign here.
            r"|declara[cç][aã]o\s+de\s+altera[cç](?:[oõ]es|[aã]o)\s+(de\s+|da\s+)?a(c)?tividade"
            # The Portal's proof titled by the declaration's type alone ("Comprovativo - Declaração de Alterações",
            # "Tipo de declaração: Alterações"), the activity it changes among its boxes ("Quadro 06 - Atividade
            # exercida"): blind probe r48a, refused as not recognised.
            r"|(?:declara[cç][aã]o\s+de\s+altera[cç](?:[oõ]es|[aã]o)|tipo\s+de\s+declara[cç][aã]o\s*[:.]?\s*altera[cç])"
            r"(?![a-z])(?=[\s\S]*a(c)?tividade\s+(?:exercida|principal))"
        ),
    ),
    # Before the IRS titles: "declaração de rendimentos de pensões" is a pension statement.
    (
        DocumentKind.DECLARACAO_PENSAO,
        re.compile(
            r"declara[cç][aã]o\s+(de\s+)?(pens[aã]o|pensionista|rendimentos\s+de\s+pens)"
            r"|valor\s+(mensal\s+)?da\s+pens[aã]o|pens[aã]o\s+(mensal\s+)?(il[ií]quida|l[ií]quida)"
            r"|pens[aã]o\s+de\s+(velhice|invalidez|sobreviv[eê]ncia|aposenta[cç][aã]o|reforma)"
            # A grid of captions over values: "Declaração de montante de pensão", "Tipo de pensão" / "Velhice".
            r"|(declara[cç][aã]o|comunica[cç][aã]o|comprovativo)\s+(de\s+|do\s+)?(montante|valor)(es)?\s+(de|da)\s+pens[aã]o"
            r"|tipo\s+de\s+pens[aã]o\s*[:.]?\s*(velhice|invalidez|sobreviv[eê]ncia|aposenta[cç][aã]o|reforma)"
            # A letter's one sentence: "é aposentado desta Caixa", "aufere uma pensão mensal de ...".
            r"|(?<![a-z])e\s+(aposentad|reformad|pensionista)[oa]?\s+(desta|da|do|pela|pelo)\s"
            r"|(aufere|auferindo|recebe|beneficia)\s+(de\s+)?(uma\s+)?pens[aã]o(?![a-z])"
            # "Recibo de pensão", "Pensão social de velhice", "é pensionista de invalidez": a pension's own names.
            r"|recibo\s+de\s+pens(ao|oes)|pens[aã]o\s+social(\s+de)?\s+(velhice|invalidez)"
            r"|pensionista\s+(de\s+|por\s+)?(velhice|invalidez|sobreviv[eê]ncia|aposenta[cç][aã]o|reforma)"
            r"|pension\s+(payment\s+)?statement|type\s+of\s+(benefit|pension)\s*:?\s*[a-z -]{0,20}pension"
            # The Segurança Social's lasting benefits paid monthly as a pension is, for life or while the
            # condition lasts: the "Prestação Social para a Inclusão" (disability), the "Complemento Solidário
            # para Idosos". A temporary one (unemployment, sickness, parental) is no pension, and is not here.
            r"|presta[cç][aã]o\s+social\s+(?:para\s+a\s+)?inclus[aã]o|complemento\s+solid[aá]rio\s+para\s+idosos"
            # A scheme's letter in English: "Confirmation of pension in payment", "has been receiving a pension",
            # "Gross pension per month".
            r"|pensions?\s+in\s+payment|(?:receiving|receives|in\s+receipt\s+of)\s+(?:a\s+|an?\s+\w+\s+)?pension"
            r"|(?:gross|net)\s+pension\s+(?:per|a|each)\s+(?:month|year|annum)"
            r"|" + FOREIGN_PENSION_NAMES
        ),
    ),
    (
        DocumentKind.NOTA_LIQUIDACAO,
        re.compile(
            r"nota de liquida[cç]ao|demonstra[cç]ao d[ae] liquida[cç]ao"
            # Titled "LIQUIDAÇÃO DE IRS — 2025" alone, on a line of its own.
            r"|^\W*liquida[cç]ao\s+d[eo]\s+irs(?![a-z])"
            # The settlement's statement by its other names: "Demonstração de acerto de contas" (the refund or the
            # payment the liquidação comes to), an IRS "Nota de cobrança".
            r"|demonstra[cç]ao\s+(?:d[oe]\s+)?acerto\s+de\s+contas"
            # The title's parts may stand apart by a dash: "Nota de Cobrança — IRS 2025".
            r"|(?<![a-z])irs(?![a-z])[^\n]{0,20}nota\s+de\s+cobranca"
            r"|nota\s+de\s+cobranca\s*(?:[-–—:]\s*)?(?:d[eo]\s+)?irs(?![a-z])"
            # A photo whose title OCR lost still prints the nota's own parts: the settlement's number, and the
            # notice of the taxpayer's rights against it (blind probe r44a: a readable nota refused as no proof).
            r"|n\.?\s?[ºo°]\s+d[ae]\s+liquida[cç]ao\s*[:.]?\s*\d{8,}"
            r"|(?:da|desta)\s+(?:presente\s+)?liquida[cç]ao\s+pode\s+(?:reclamar|impugnar)",
            re.M,
        ),
    ),
    (
        DocumentKind.DECLARACAO_IRS,
        re.compile(
            r"declara[cç]ao (de rendimentos|anual)|(?<![a-z])mod(?:elo|\.)\s*3(?!\d)|irs\s*-?\s*mod(?:elo|\.)"
            # The AT's own statement of a year's income as the payers declared it ("Comprovativo de rendimentos —
            # ano 2025"): the facts of the return's income annex, titled so, under the AT's name.
            rf"|{AT_NAME}[\s\S]*^\W*{AT_INCOME_TITLE}|^\W*{AT_INCOME_TITLE}[\s\S]*{AT_NAME}",
            re.M,
        ),
    ),
    (DocumentKind.RECIBO_VENCIMENTO, PAYSLIP_TITLE),
    (DocumentKind.CARTAO_CIDADAO, re.compile(r"cart[aã]o de cidad[aã]o|citizen card")),
    (
        DocumentKind.TITULO_RESIDENCIA,
        re.compile(r"t[ií]tulo de resid[eê]ncia|autoriza[cç][aã]o de resid[eê]ncia|residence permit"),
    ),
    (DocumentKind.PASSAPORTE, re.compile(r"passaporte|passport")),
    # Another state's identity card, by its title in English (printed on every EU card since 2021) or in its
    # own language; one whose title is not here is still known by its MRZ (``kind_from_mrz``). Brazil's
    # "Carteira de Identidade (Nacional)", the CIN, whose back carries a TD1 MRZ (blind probe r63a: its front
    # alone was refused as not recognised). Its old "Registro Geral" has no MRZ and is no title here: a page
    # printing it is known by an MRZ read on it, or not at all.
    (
        DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO,
        re.compile(
            r"identity\s+card|documento\s+nacional\s+de\s+identidad|carte\s+(?:nationale\s+)?d.?\s?identite"
            r"|carta\s+d.?\s?identita|personalausweis|identitatskarte|identiteitskaart|dowod\s+osobisty"
            r"|carte\s+de\s+identitate|obcansky\s+prukaz|carteira\s+de\s+identidade"
        ),
    ),
]
# The temporary protection of people displaced by a war (EU Directive 2001/55/EC), granted by a certificate.
TEMPORARY_PROTECTION = re.compile(r"prote[cç][aã]o\s+tempor[aá]ria|temporary\s+protection")
# An EU citizen's registration certificate (Lei 37/2006, art. 14.º): a municipality's paper with no photo, which names
# the holder's own identity card or passport (blind probe r47a: read as that card, "Carta d'identità n.º ..."). It
# proves residence, not identity: refused as round 13 decided, the refusal asking for the card or the passport.
EU_CITIZEN_REGISTRATION = re.compile(r"certificado\s+de\s+registo\s+de\s+cidadao\s+da\s+uniao\s+europeia")
# Its refusal says what it is and what identifies the EU citizen (blind probe C32: it was asked for "the back of the
# card, with the machine-readable zone", a back the certificate does not have).
EU_CITIZEN_REGISTRATION_REFUSED = (
    "Este documento é um certificado de registo de cidadão da União Europeia, que prova o direito de residência mas "
    "não a identidade: envie como documento de identificação o cartão de identidade ou o passaporte do seu país (ou "
    "o Cartão de Cidadão, se também tiver a nacionalidade portuguesa)."
)
# An application for a residence permit: AIMA's "manifestação de interesse" (Lei 23/2007, art. 88.º and 89.º), or a
# "pedido de autorização de residência", of its concession or its renewal ("Comprovativo de pedido de renovação de
# autorização de residência", blind probe C32; a "título de residência" renewed as well).
RESIDENCE_APPLICATION = re.compile(
    r"manifesta[cç][aã]o\s+de\s+interesse"
    r"|pedido\s+de\s+(?:(?:concess[aã]o|renova[cç][aã]o|prorroga[cç][aã]o)\s+d[aoe]\s+)?"
    r"(?:autoriza[cç][aã]o|t[ií]tulo)\s+de\s+resid[eê]ncia"
)
# The receipt of such an application is no permit and names no identity proven (blind probe C32: told only "not
# recognised"): the passport identifies, or the permit once issued.
RESIDENCE_APPLICATION_REFUSED = (
    "Este documento é o comprovativo de um pedido de autorização de residência (ou da sua renovação), que não é o "
    "título de residência nem prova a identidade: envie a página de dados do passaporte (a da fotografia), ou o "
    "título de residência, se já o tiver."
)
# Only the back of a Cartao de Cidadao prints the health-service number and the parents together.
CC_BACK_SIGNS = re.compile(r"utente\s+de\s+sa[uú]de|health\s+(system\s+|user\s+)?n|filia[cç][aã]o")
# A driving licence by its title (on folded text): Portugal's "carta de condução", Brazil's "carteira nacional de
# habilitação", the EU model's "permis de conduire" and its other languages, an English "driving licence". It proves
# no identity here (docs/api.md names the identity documents read), and Brazil's prints "Filiação", the parents
# the Cartão de Cidadão's back prints too (blind probe r47a: a CNH read as a Cartão de Cidadão's back).
DRIVING_LICENCE = re.compile(
    r"carta\s+de\s+conducao|carteira\s+nacional\s+de\s+habilitacao|driv(?:ing|er.?s)\s+licen[cs]e"
    r"|permis\s+de\s+(?:conduire|conducere)|fuhrerschein|permiso\s+de\s+conduc(?:ir|cion)|licencia\s+de\s+conduc"
    r"|patente\s+di\s+guida|rijbewijs|prawo\s+jazdy|carta\s+de\s+motorista"
)


# A salary simulation or an offer's estimate ("SIMULAÇÃO DE VENCIMENTO", "Líquido estimado", "valores meramente
# indicativos, sem valor de recibo"): the pay of a month no one was paid yet, laid out as a payslip (blind probe
# r33a: read as one). No kind: refused as no proof of income.
SIMULATION = re.compile(
    r"simulacao\s+(?:de\s+|do\s+)?(?:vencimento|salari|recibo|ordenado|remuneracao|processamento)"
    r"|(?:liquido|vencimento|salario|remuneracao(?:\s+iliquida)?)\s+estimad[oa]|sem\s+valor\s+(?:de|como)\s+recibo"
    r"|(?:salary|payslip|pay|payroll)\s+(?:simulation|estimate)"
)


# A payslip's draft or preview, printed before payroll is approved: it says so ("PAYSLIP PREVIEW (not final)",
# "Draft payslip", "Not valid as proof of payment", "Pré-visualização do recibo", "Não válido como comprovativo")...
DRAFT_STATEMENT = re.compile(
    r"(?<![a-z])not\s+(?:yet\s+)?final(?![a-z])|not\s+valid\s+as\s+(?:a\s+)?(?:proof|evidence)"
    r"|nao\s+(?:e\s+)?valid[oa]\s+como\s+(?:comprovativo|prova|recibo)|sem\s+validade\s+(?:como|de)\s+(?:comprovativo|recibo)"
    r"|(?:draft|preview)\s+(?:payslip|pay\s?slip|pay\s+statement)|(?:payslip|pay\s?slip)\s+(?:draft|preview)"
    r"|(?:rascunho|pre-?\s?visualizacao)\s+d[eo]\s+recibo|recibo\s+(?:de\s+vencimento\s+)?(?:em\s+)?rascunho"
)
# ... or bears its mark on a line of its own, a watermark or a stamp ("DRAFT", "RASCUNHO", "SIMULAÇÃO"). Not a
# "preview" in a sentence or a menu: a screenshot's "Pré-visualização" is the macOS viewer's name.
DRAFT_MARK = re.compile(r"^\W*(?:draft|preview|rascunho|pre-?\s?visualizacao|simulacao|not\s+final)\W*$", re.M)


def draft_payslip(folded: str) -> bool:
    """A payslip (by its title or its rows) that says it is a draft or a preview (``DRAFT_STATEMENT``,
    ``DRAFT_MARK``): its amounts may still change before payroll is approved, and it proves no payment. Refused as a
    salary simulation is, not flagged: no month was paid by it, and a flag would let it count (blind probe r66a: a
    "PAYSLIP PREVIEW — DRAFT" read as a month's payslip)."""
    if not (DRAFT_STATEMENT.search(folded) or DRAFT_MARK.search(folded)):
        return False
    return bool(PAYSLIP_TITLE.search(folded) or payroll_like(folded) or payslip_by_its_rows(folded))


# An IRS simulation: the Portal das Finanças' "Simulador de IRS", titled "SIMULAÇÃO DO IRS 2025", its results
# "(estimado)" (blind probe r43a: read as a return, its estimated refund and income taken for the declared ones).
# It proves no income: no kind, refused with its own reason. Its title opens a line, and the page says what it is
# besides (an estimate, a "resultado da simulação", "meramente informativo"): a return or a nota that mentions a
# simulation in a sentence or a footnote ("Pode simular o IRS no Portal") is no simulation.
TAX_SIMULATION_TITLE = re.compile(
    r"^\W*(?:simulacao|simulador)\s+(?:d[aeo]\s+)?(?:irs|imposto\s+sobre\s+o\s+rendimento|liquidacao|declaracao)"
    r"(?![a-z])",
    re.M,
)
TAX_SIMULATION_SIGN = re.compile(
    r"\(\s*estimad[oa]s?\s*\)|(?:valor|montante|imposto|reembolso|coleta|rendimento)[a-z\s]{0,30}estimad[oa]"
    r"|resultado\s+da\s+simulacao|meramente\s+(?:informativ|indicativ)|valores\s+introduzidos"
)


def tax_simulation(folded: str) -> bool:
    """An IRS simulation by its title and what it says it is (``TAX_SIMULATION_TITLE``)."""
    return bool(TAX_SIMULATION_TITLE.search(folded) and TAX_SIMULATION_SIGN.search(folded))


# A return or a nota that says it is not one filed: a draft ("RASCUNHO", "Draft"), one "não submetida" or "por
# submeter", or a simulation's stamp (blind probe r73d: a Modelo 3 headed "RASCUNHO — declaração não submetida",
# its watermark "RASCUNHO", counted as the year's income). The mark is looked for on the whole page in each of its
# forms, not on a line of its own only: a watermark's text joins whichever line the text layer puts it on. A draft
# proves no income declared: refused, saying so, as an IRS simulation is.
TAX_DRAFT_MARK = re.compile(
    r"(?<![a-z])(?:rascunho|draft)(?![a-z])"
    r"|(?<![a-z])(?:ainda\s+)?nao\s+(?:foi\s+)?submetid[oa]s?(?![a-z])|(?<![a-z])por\s+submeter(?![a-z])"
    r"|^\W*simulacao(?:\W*$|\s*[-–—:])",
    re.M,
)


def tax_draft(folded: str) -> bool:
    """An IRS return or nota de liquidação, by its title, that bears a draft's, a not-submitted or a simulation's
    mark anywhere on it (``TAX_DRAFT_MARK``)."""
    titled = any(
        pattern.search(folded)
        for kind, pattern in _KIND_SIGNS
        if kind in {DocumentKind.DECLARACAO_IRS, DocumentKind.NOTA_LIQUIDACAO}
    )
    return titled and bool(TAX_DRAFT_MARK.search(folded))


# A pension no one is paid yet: a simulation or an estimate of one ("Simulação de pensão de velhice", "Valor estimado
# da pensão mensal", "não constitui atribuição de pensão"), a State Pension forecast, a French "estimation" of a
# retirement (blind probe r37b: read as a pension paid, its estimate counted as income). No kind: refused as no
# proof of income, as a salary's simulation is.
PENSION_SIMULATION = re.compile(
    r"simulacao\s+(?:d[aeo]\s+)?(?:sua\s+)?(?:pensao|pensoes|reforma|aposentacao)"
    r"|(?:valor|montante|importancia)\s+(?:\w+\s+)?estimad[oa]\s+(?:d[ae]\s+)?(?:sua\s+)?(?:pensao|reforma)"
    r"|pensao\s+(?:mensal\s+)?estimada|nao\s+constitui\s+atribuicao\s+de\s+(?:pensao|reforma)"
    r"|(?:state\s+)?pension\s+(?:forecast|estimate|projection)|simulation\s+de\s+(?:votre\s+)?(?:retraite|pension)"
    r"|estimation\s+(?:indicative\s+)?(?:globale\s+)?de\s+(?:votre\s+)?(?:retraite|pension)"
    r"|simulacion\s+de\s+(?:su\s+)?(?:pension|jubilacion)"
)
# A claim for a pension not yet decided: the receipt of a "requerimento" and its state "Em análise" ("O seu
# requerimento ... encontra-se em análise", "não constitui deferimento da pensão"). No pension is paid yet (blind
# probe r37b: accepted as a pension statement): refused as the simulation is. A decision granting it is the
# pension's statement ("Deferimento do requerimento de pensão de velhice").
PENSION_CLAIM_PENDING = re.compile(
    r"comprovativo\s+de\s+(?:entrega|submissao|rececao)\s+(?:d[oe]\s+)?(?:requerimento|pedido)"
    r"|(?:estado|situacao)(?:\s+d[oa]\s+(?:pedido|requerimento|processo))?\s*[:.]?\s*"
    r"(?:em\s+(?:analise|apreciacao|tramitacao|instrucao)|pendente|a\s+aguardar)"
    r"|(?:requerimento|pedido|processo)[^.\n]{0,60}?(?:encontra-se|esta|em)\s+(?:em\s+)?(?:analise|apreciacao|instrucao)"
    r"|nao\s+constitui\s+deferimento|aguarda\s+(?:a\s+)?decisao"
    r"|(?:application|claim)\s+(?:is\s+)?(?:being\s+processed|under\s+(?:review|consideration))"
    r"|demande\s+(?:de\s+retraite\s+)?(?:est\s+)?en\s+cours\s+d.?\s?instruction"
)
# What says a claim was decided and the pension is paid, outside a disclaimer ("não constitui deferimento").
PENSION_GRANTED = re.compile(r"deferid[oa]|deferimento|(?<![a-z])em\s+pagamento|atribuid[oa]")


def pension_not_paid(folded: str) -> bool:
    """A pension's simulation, or a claim for one not yet decided (``PENSION_SIMULATION``,
    ``PENSION_CLAIM_PENDING``)."""
    if PENSION_SIMULATION.search(folded):
        return True
    return bool(PENSION_CLAIM_PENDING.search(folded)) and not PENSION_GRANTED.search(without_disclaimers(folded))


# A decision refusing a pension: "o requerimento de pensão de invalidez ... foi INDEFERIDO", "Assunto: Pensão de
# invalidez - decisão de indeferimento", "your claim for State Pension has been refused" (blind probe r48a: read as
# a pension statement of 0,00 €). No pension is paid: refused, saying so, as a claim not yet decided is.
PENSION_REFUSAL = re.compile(
    r"(?:pensao|reforma|aposentacao|requerimento|pedido)[^.\n]{0,120}?(?<![a-z])(?:foi\s+|e\s+)?indeferid[oa]"
    r"|(?:decisao|despacho)\s+de\s+indeferimento|(?<![a-z])indeferimento\s+d[oa]\s+(?:requerimento|pedido|pensao)"
    r"|(?:pension|claim|application)[^.\n]{0,60}?(?:has\s+been|was|is)\s+(?:refused|rejected|disallowed|denied)"
)
# A decision granting one (a pension granted beside a complement refused is paid): "deferido", "em pagamento".
PENSION_GRANTED_WORD = re.compile(
    r"(?<![a-z])(?:deferid[oa]|deferimento)(?![a-z])|(?<![a-z])em\s+pagamento|atribuid[oa]|(?<![a-z])awarded"
)


def pension_refused(folded: str) -> bool:
    """A letter refusing a pension, which grants none (``PENSION_REFUSAL``)."""
    text = without_disclaimers(folded)
    pension = re.search(r"(?<![a-z])(?:pensao|pensoes|reforma|aposentacao|pension)(?![a-z])", text)
    return bool(pension and PENSION_REFUSAL.search(text)) and not PENSION_GRANTED_WORD.search(text)


# A pro-forma invoice ("Fatura Pró-forma", "documento sem valor fiscal") or a quote ("ORÇAMENTO", "Proposta de
# honorários"): what would be billed, before anything was sold or paid (blind probe r38a: a pró-forma in an
# accountant program's layout read as a payslip, its "Total recebido" counted as a month's net). A pró-forma has no
# kind: refused; the refusal names both.
PRO_FORMA = re.compile(
    r"(?<![a-z])(?:fatura|factura|invoice)\s*[-–]?\s*pro\s*[-–]?\s*forma(?![a-z])"
    r"|(?<![a-z])pro\s*[-–]?\s*forma\s+invoice(?![a-z])|(?<![a-z])proforma(?![a-z])"
)
# A quote by its title, at the start of a line ("ORÇAMENTO", "Orçamento n.º ORC 2026/21"), not the State's budget.
QUOTE_TITLE = re.compile(
    r"^\W*(?:orcamento|proposta\s+de\s+(?:honorarios|orcamento))(?![a-z])(?!\s+(?:geral\s+)?d[oa]\s+estado)", re.M
)
# A document that cites a pró-forma names it after an article or a reference's word ("referente à fatura pró-forma
# PF 2026/3", "conforme a proforma"): the citing document is no pró-forma.
CITED_BEFORE = re.compile(
    r"(?<![a-z])(?:a|as|da|na|de|do|sua|nossa|vossa|ref\.?|referente|conforme|segundo|anterior)\s*[:.]?\s*$"
)


def pro_forma(folded: str) -> bool:
    """A pro-forma invoice by its own title, not by a mention of one: it proves no income."""
    text = without_disclaimers(folded)
    return any(
        not CITED_BEFORE.search(text[max(0, match.start() - 20) : match.start()]) for match in PRO_FORMA.finditer(text)
    )


def pro_forma_or_quote(folded: str) -> bool:
    """A pro-forma invoice or a quote (a quote no parser knows, so refused already: this names why)."""
    return pro_forma(folded) or bool(QUOTE_TITLE.search(without_disclaimers(folded)))


# The Portal das Finanças' listing of the faturas-recibo issued ("Faturas e Recibos - Consultar"), or a program's
# list of them: one row per document, its number, its date and its amounts on one line ("FR 11/2026 2026-11-27
# 554043351 1 000,00 230,00 250,00 Emitido"). Blind probe r48a: read as one fatura-recibo, its first row, the page's
# title as the issuer. It is no fatura-recibo: it prints no amount received and no client's name, and a row's
# "Situação" may say it was cancelled; its latest row alone would hide the others. Refused, asking for the
# faturas-recibo themselves (a PDF of several is read as docs/api.md says).
LISTED_DOCUMENT_ROW = re.compile(
    r"^\W*(?:fr|ft|fs|rg|re)\s?[a-z0-9]*\s?\d{1,6}\s?/\s?\d{2,4}\s+"
    r"(?:(?:19|20)\d{2}-\d{2}-\d{2}|\d{2}[/.-]\d{2}[/.-](?:19|20)\d{2})(?:[^\n]*?\d,\d{2}(?!\d)){2}",
    re.M,
)
LISTING_TITLE = re.compile(
    r"consultar\s+(?:faturas|documentos)|faturas\s+e\s+recibos\s*[-–>]\s*consultar|(?<![a-z])consulta\s+de\s+faturas"
    r"|(?:listagem|lista|mapa|resumo)\s+d[eao]s?\s+(?:faturas|documentos\s+emitidos)"
)
LISTING_STATUS_COLUMN = re.compile(r"(?<![a-z])(?:situacao|estado)\s*$", re.M)
LISTING_ROWS = 3


def invoice_listing(folded: str) -> bool:
    """A listing of faturas-recibo, a row each (``LISTED_DOCUMENT_ROW``), under a listing's title or a "Situação"
    column: refused, as no fatura-recibo."""
    rows = set(LISTED_DOCUMENT_ROW.findall(folded))
    if len(rows) < LISTING_ROWS:
        return False
    return bool(LISTING_TITLE.search(folded) or LISTING_STATUS_COLUMN.search(folded))


def classify(text: str) -> DocumentKind:
    whole = fold(text)
    if SIMULATION.search(whole) or pension_not_paid(whole) or pro_forma(whole) or tax_simulation(whole):
        return DocumentKind.UNKNOWN
    if draft_payslip(whole):
        return DocumentKind.UNKNOWN  # refused, saying what it is (local.DRAFT_PAYSLIP_REFUSED)
    if tax_draft(whole):
        return DocumentKind.UNKNOWN  # refused, saying what it is (local.TAX_DRAFT_REFUSED)
    if pension_refused(whole) or invoice_listing(whole) or expense_statement(whole):
        return DocumentKind.UNKNOWN
    if research_grant(whole):
        return DocumentKind.UNKNOWN  # a grant's receipt is shaped like a payslip (local.RESEARCH_GRANT_REFUSED)
    folded = without_disclaimers(whole)
    if EU_CITIZEN_REGISTRATION.search(folded):
        return kind_from_mrz(read_mrz(text.splitlines()))
    for kind, pattern in _KIND_SIGNS:
        if kind == DocumentKind.DECLARACAO_IRS and pattern.search(folded) and employer_letter_of_income(folded):
            return DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
        if kind == DocumentKind.DECLARACAO_IRS and pattern.search(folded) and pension_letter_of_income(folded):
            return DocumentKind.DECLARACAO_PENSAO
        if kind == DocumentKind.DECLARACAO_IRS and pattern.search(folded) and pension_payers_statement(folded):
            return DocumentKind.DECLARACAO_PENSAO
        if kind == DocumentKind.DECLARACAO_IRS and pattern.search(folded) and payers_yearly_declaration(folded):
            return DocumentKind.UNKNOWN  # refused, saying what it is (local.PAYERS_DECLARATION_REFUSED)
        if kind == DocumentKind.NOTA_LIQUIDACAO and pattern.search(folded) and sale_titled_as_nota(folded):
            continue  # a fatura's own "nota de liquidação" of what it bills: read as the fatura it is
        if kind == DocumentKind.DECLARACAO_PENSAO and pattern.search(folded) and tax_form_naming_pensions(folded):
            continue  # an IRS return or nota whose rows name the pensions declared in it
        if kind == DocumentKind.DECLARACAO_PENSAO and pattern.search(folded) and pensioners_payslip(folded):
            continue  # a working pensioner's payslip: the pension named is the worker's status, not what is paid
        if kind == DocumentKind.RECIBO_VENCIMENTO and pension_statement(folded):
            # Before the payslip's titles and payroll words: a pension's statement prints "ilíquido",
            # "Descontos" and "Abonos" too, and says whose pension it is by its own words.
            return DocumentKind.DECLARACAO_PENSAO
        if kind == DocumentKind.RECIBO_VENCIMENTO and employer_declaration(folded):
            # Before the payslip's titles: the declaration may name the "recibos de vencimento" it goes with.
            return DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
        if kind in IDENTITY_KINDS and pattern.search(folded) and TEMPORARY_PROTECTION.search(folded):
            # A certificate of temporary protection: no card, no photo, no number of a card. It grants residence
            # but proves no identity; only its MRZ, on a card, makes it a permit. Whichever identity document it
            # names first: the holder's passport's number is one of its captions (blind probe r47a: "Passaporte
            # FB118244" read it as a passport with no MRZ, where "autorização de residência" had made it a permit).
            return kind_from_mrz(read_mrz(text.splitlines()))
        if kind == DocumentKind.TITULO_RESIDENCIA and pattern.search(folded) and RESIDENCE_APPLICATION.search(folded):
            # The receipt of an application for a permit, which names the permit applied for: no card, no number
            # of a card (blind probe r33b: an AIMA receipt read as a permit with a birth date alone).
            return kind_from_mrz(read_mrz(text.splitlines()))
        if kind in IDENTITY_KINDS and not named_as_itself(pattern, folded):
            continue  # a contract's "titular do passaporte n.º ...": the page speaks of the document, is not it
        if kind == DocumentKind.PASSAPORTE and not passport_titled(folded):
            continue  # a letter's "Documento de viagem: Passaporte n.º ...": the holder's passport, quoted
        if kind == DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO and DRIVING_LICENCE.search(folded):
            # A driving licence printing the identity card it was issued on ("Doc. identidade", a "carteira de
            # identidade" and its number): no identity card, refused as the licence it is.
            continue
        if kind == DocumentKind.RECIBO_VENCIMENTO and pattern.search(folded):
            return payslip_checked(text)
        if pattern.search(folded):
            return foreign_card_checked(kind, text)
    # A fatura-recibo whose title OCR broke ("FATU RA-RECIBO") still prints the portal's own wording.
    if sum(bool(re.search(sign, folded)) for sign in FATURA_RECIBO_SIGNS) >= 2:
        return DocumentKind.FATURA_RECIBO
    # Payroll software that omits the usual title still prints amounts under payroll words.
    if payroll_like(folded) or payslip_by_its_rows(folded):
        return payslip_checked(text)
    if CC_BACK_SIGNS.search(folded) and not DRIVING_LICENCE.search(folded):
        return DocumentKind.CARTAO_CIDADAO
    return kind_from_mrz(read_mrz(text.splitlines()))


# The word before an identity document's name in a sentence that speaks of it ("titular do passaporte n.º",
# "portador do Cartão de Cidadão", "holder of the passport", "de autorização de residência"): an article, a
# preposition or a possessive. A card or a passport prints its kind as its title or a caption, after a state's
# name, a slash or nothing. Single letters ("o", "a") are left out: a photo's border often reads as one.
MENTIONED_BEFORE = re.compile(
    r"(?<![a-z])(?:do|da|de|dum|duma|um|uma|seu|sua|respetivo|respectivo|the|your|his|her|their|of|valid|del|el|su"
    r"|du|le|la|votre|son|sa)\s+$"
)


def named_as_itself(pattern: re.Pattern[str], folded: str) -> bool:
    """The identity document's kind printed once at least as a title or a caption, not only named inside a
    sentence (an employment contract's "titular do passaporte n.º AAF482913" is no passport: round 28)."""
    return any(
        not MENTIONED_BEFORE.search(folded[max(0, match.start() - 12) : match.start()])
        for match in pattern.finditer(folded)
    )


# A caption's value on its line ("Documento de viagem: Passaporte n.º EC3948172"): a page naming the document it
# quotes, not its own title.
CAPTION_BEFORE = re.compile(r"[a-z)]\s*:\s*$")


def passport_titled(folded: str) -> bool:
    """The word passport printed as a title or a caption of the page's own, not only as another field's value: an
    AIMA appointment letter quotes the passport to bring ("Documento de viagem: Passaporte n.º ...") and was read as
    a passport with no MRZ, its appointment date the expiry (blind probe r77c, F5). A data page titles itself (or its
    TD3 MRZ says so: ``kind_from_mrz`` still reads a letter-free scan of one)."""
    for match in PASSPORT_WORD.finditer(folded):
        line_start = folded.rfind("\n", 0, match.start()) + 1
        before = folded[line_start : match.start()]
        if not MENTIONED_BEFORE.search(before[-12:]) and not CAPTION_BEFORE.search(before):
            return True
    return False


PASSPORT_WORD = re.compile(r"passaporte|passport")


# "Este comprovativo não substitui a nota de liquidação", "This letter does not replace a payslip": what follows
# such a negation names another document, not this one's kind (the title says that).
DISCLAIMER = re.compile(
    r"(?<![a-z])(?:nao\s+(?:substitui|dispensa|constitui|equivale|vale\s+como|serve\s+(?:de|como)|e\s+(?:um|uma)\s)"
    r"|(?:does|do|shall|can)\s*not\s+(?:replace|constitute|substitute|serve\s+as)|is\s+not\s+an?\s)[^.\n]*"
)


def without_disclaimers(folded: str) -> str:
    """The text with what a disclaimer says this document is not cut out (to the end of its sentence)."""
    return DISCLAIMER.sub(" ", folded)


# What a pension statement says about itself, each a sign of its own kind: the pension (not "de alimentos", a
# payslip's garnishment), the body that pays it, the person's role, the pension's type; in Portuguese, English,
# French, Spanish and German.
PENSION_SIGNS = (
    re.compile(
        r"(?<![a-z])pens(?:ao|oes)(?![a-z])(?!\s+de\s+alimentos)|pensionista|(?<![a-z])pensions?(?![a-z])"
        r"|(?<![a-z])retraite(?![a-z])|(?<![a-z])jubilacion|(?<![a-z])rente(?:n[a-z]*)?(?![a-z])"
        r"|(?:alters|witwen|witwer|waisen|erwerbsminderungs|hinterbliebenen)rente|(?<![a-z])aposentadoria(?![a-z])"
        r"|pensioen"
        # A company or occupational scheme's pension: Germany's "Betriebsrente", "Zusatzrente", "Werksrente".
        r"|(?:betriebs|zusatz|werks)rente"
    ),
    re.compile(
        r"seguranca\s+social|centro\s+nacional\s+de\s+pensoes|caixa\s+geral\s+de\s+aposentacoes|(?<![a-z])cga(?![a-z])"
        r"|pensions?\s+(?:service|office|authority|agency|institute)"
        r"|assurance\s+(?:retraite|vieillesse)|(?<![a-z])(?:cnav|carsat|agirc|arrco)(?![a-z])|seguridad\s+social"
        r"|(?<![a-z])inss(?![a-z])|rentenversicherung|renten\s*service"
        r"|(?<![a-z])(?:avs|ahv)(?![a-z])|caisse\s+(?:[a-z]+\s+){0,2}de\s+compensation|sociale\s+verzekeringsbank"
        r"|(?<![a-z])svb(?![a-z])|seguro\s+social"
        # France's complementary schemes: Agirc-Arrco for the private sector, IRCANTEC for public contractors.
        r"|(?<![a-z])ircantec(?![a-z])"
        # Germany's occupational payers: a "Pensionskasse", a "Pensionsfonds", a "Versorgungswerk".
        r"|pensions(?:kasse|fonds)|versorgungs(?:werk|kasse)"
    ),
    re.compile(
        r"pensionista|beneficiari[oa]|(?<![a-z])(?:aposentad|reformad)[oa]|beneficiary|pensioner"
        r"|beneficiaire|(?<![a-z])retraite[e]?\s*:|(?<![a-z])jubilad[oa]|rentner|rentenempfanger"
    ),
    re.compile(
        r"velhice|invalidez|sobrevivencia|aposentacao|(?<![a-z])reforma(?![a-z])|retirement|old.age|survivor|invalidity"
        r"|vieillesse|retraite\s+(?:personnelle|de\s+base|de\s+droit\s+propre)|reversion|invalidite|jubilacion"
        r"|viudedad|orfandad|incapacidad\s+permanente|altersrente|(?:witwen|witwer|waisen|hinterbliebenen)rente"
        r"|erwerbsminderung|(?<![a-z])state\s+pension|(?<![a-z])aow(?![a-z])|ouderdom"
        r"|aposentadoria\s+por\s+(?:idade|invalidez|tempo)|pensao\s+por\s+morte"
        # A complementary pension, paid beside the state's: "retraite complémentaire Agirc-Arrco", "pension
        # complémentaire", "pensão complementar", a German "Betriebsrente".
        r"|(?:retraite|pension)\s+complementaire|pensao\s+complementar|complemento\s+de\s+(?:pensao|reforma)"
        r"|(?:betriebs|zusatz|werks)rente"
    ),
)
# A payslip names work: the salary, the worker, the employer. A pension statement names none of it.
EMPLOYMENT_WORDS = re.compile(
    r"vencimento|salari|ordenado|remunerac|trabalhador|funcionari|colaborador|categoria|entidade\s+empregadora"
    r"|admissao|subsidio\s+de\s+(?:refeicao|alimentacao)|sub\.?\s+(?:refeicao|alimentacao)|horas\s+extra"
    # "Wage tax" (the Dutch "loonheffing") is withheld from a pension too.
    r"|(?<![a-z])(?:salary|employee|employer|payslip|wages?)(?![a-z])(?!\s+tax)"
    # A French or German payslip deducts for the complementary pension ("Retraite complémentaire Agirc-Arrco T1"),
    # a Dutch one for the "pensioenpremie": another country's payslip names itself.
    r"|" + FOREIGN_PAYSLIP_TITLE
)


# A payslip's salary row: the base pay for the month's work ("Vencimento base", "Salário base", "Basic salary").
BASE_PAY_ROW = re.compile(
    r"(?:vencimento|salario|ordenado|remuneracao)\s+base|(?<![a-z])(?:basic|base)\s+(?:salary|wages?|pay)(?![a-z])"
)


def pensioners_payslip(folded: str) -> bool:
    """A payslip titled as one (``PAYSLIP_TITLE``) that pays a base salary (``BASE_PAY_ROW``): a working
    pensioner's, whatever it says of the pension. The worker's status ("Pensionista de velhice", the 7,5 % social
    security a pensioner pays on a salary) is no pension paid: the title and the employer's pay outweigh it (blind
    probe r64a: a pensioner's part-time "Recibo de Vencimento" read as a Segurança Social pension paid 14 times, its
    employer and gross lost). A pension's statement pays a pension, never a base salary."""
    return bool(PAYSLIP_TITLE.search(folded) and BASE_PAY_ROW.search(folded))


# The pensioner speaking of their own pension, in the first person: "sou reformado", "a minha pensão", "recebo uma
# pensão", "I am retired", "my pension". A payer states someone else's pension; this is the holder's own word.
HOLDERS_OWN_WORDS = re.compile(
    r"(?<![a-z])sou\s+(?:reformad|aposentad|pensionist)|(?<![a-z])(?:a\s+)?minha\s+(?:pensao|reforma|aposentacao)"
    r"|(?<![a-z])(?:recebo|aufiro)\s+(?:uma\s+|a\s+)?(?:pensao|reforma)|(?<![a-z])my\s+(?:state\s+)?pension"
    r"|(?<![a-z])i\s+(?:am|have\s+been)\s+(?:retired|a\s+pensioner)"
)


def pension_statement(folded: str) -> bool:
    """A pension named with its payer, its holder or its type, on a page that names no work: the pension's
    statement whatever payroll words it shares with a payslip ("ilíquido", "Descontos", "Abonos"). A payslip
    deducting "Segurança Social" or a "Fundo de Pensões" names the salary and the worker. A page where the pensioner
    speaks of their own pension is their letter, no payer's statement (blind probe r56b: an applicant's letter of
    interest, "Sou reformado e a minha pensão é paga pela Segurança Social", read as a pension statement with no
    amount, where docs/api.md refuses a page of no known kind)."""
    if not PENSION_SIGNS[0].search(folded) or EMPLOYMENT_WORDS.search(folded) or HOLDERS_OWN_WORDS.search(folded):
        return False
    return sum(bool(sign.search(folded)) for sign in PENSION_SIGNS) >= 3


# What an AT's nota de liquidação prints besides its title, and a seller's document does not: the coleta, the taxable
# or global income, the year of the income, the taxpayer as "sujeito passivo", the AT's name. The IRS withheld and
# its word are no sign: a self-employed worker's fatura prints "Retenção na fonte de IRS".
TAX_NOTICE_SIGNS = re.compile(
    r"colec?ta|rendimentos?\s+(?:colect|colet|tribut)avel|rendimentos?\s+global|ano\s+dos\s+rendimentos"
    r"|sujeitos?\s+passivos?|autoridade\s+tributaria|imposto\s+sobre\s+o\s+rendimento"
)


def sale_titled_as_nota(folded: str) -> bool:
    """A seller's document titled "Nota de liquidação" (a clinic's "liquidação" of the consultations it bills):
    it prints a sale's signs (its ATCUD, its number in a series of faturas, ``FATURA_RECIBO_SIGNS``) and none of a
    tax notice's (``TAX_NOTICE_SIGNS``). Blind probe r56b: a dentist's fatura so titled was read as the AT's nota of
    its client, with a "missing" gross income and year inviting a better copy of an IRS document never sent."""
    sale = any(re.search(sign, folded) for sign in FATURA_RECIBO_SIGNS)
    return sale and not TAX_NOTICE_SIGNS.search(folded)


# An IRS return's form: its model, annexes, tables and taxpayers. An employer's letter titled "declaração de
# rendimentos" has none of them.
IRS_RETURN_FORM = re.compile(
    r"modelo\s*3|(?<![a-z])anexos?\s+[a-j](?![a-z])|quadro\s+\d|sujeitos?\s+passivos?|autoridade\s+tributaria|irs\s*-?\s*modelo"
)


# The parts only the AT's own forms have: the Modelo 3 and its annexes, their numbered tables, the taxpayers.
TAX_FORM_PARTS = re.compile(
    r"modelo\s*3|(?<![a-z])anexos?\s+[a-j](?![a-z])|quadro\s+\d|sujeitos?\s+passivos?|irs\s*-?\s*modelo"
)


def tax_form_naming_pensions(folded: str) -> bool:
    """An IRS return or a nota de liquidação titled as such, with the form's parts, whose rows name pensions
    ("Anexo A ... pensão de velhice", "Código H01"): a pensioner's tax document, not a pension statement."""
    titled = any(
        pattern.search(folded)
        for kind, pattern in _KIND_SIGNS
        if kind in {DocumentKind.DECLARACAO_IRS, DocumentKind.NOTA_LIQUIDACAO}
    )
    return titled and bool(TAX_FORM_PARTS.search(folded)) and not pension_payers_statement(folded)


# What a payer's statement of a year's income says it is for: "para efeitos de IRS", "a declarar no Anexo A".
FOR_THE_RETURN = re.compile(
    r"para\s+efeitos\s+(?:de|do)\s+irs|a\s+(?:declarar|inscrever|incluir|mencionar)\s+n[oa]\s+(?:declaracao|anexo|modelo)"
)
# The return's own taxpayers, by their letters ("Sujeito passivo A"), and the AT's own statement of a year's income.
TAXPAYERS_OWN_FORM = re.compile(r"sujeitos?\s+passivos?\s+[ab](?![a-z])|^\W*" + AT_INCOME_TITLE, re.M)


def pension_payers_statement(folded: str) -> bool:
    """A pension's payer stating what it paid in a year for the pensioner's IRS return: "Declaração de rendimentos —
    Ano 2025 (para efeitos de IRS — Modelo 3, Anexo A, categoria H)", the Segurança Social's, a pension named (blind
    probe r37b: read as the return itself, every pension field lost). The return's parts it names are where its
    figures go; the return is no statement "para efeitos de IRS", and names its taxpayers by their letters."""
    return bool(
        FOR_THE_RETURN.search(folded) and PENSION_SIGNS[0].search(folded) and PENSION_SIGNS[1].search(folded)
    ) and not TAXPAYERS_OWN_FORM.search(folded)


def pension_letter_of_income(folded: str) -> bool:
    """A pension fund's or a pension's payer "declaração de rendimentos": an IRS return's title, none of its form,
    and a pension statement's own words (the pension, its payer or holder, its type)."""
    return pension_statement(folded) and not IRS_RETURN_FORM.search(folded)


def employer_letter_of_income(folded: str) -> bool:
    """An employer signing a "declaração de rendimentos e vínculo": an IRS return's title, none of its form."""
    return employer_declaration(folded) and not IRS_RETURN_FORM.search(folded)


EMPLOYER_DECLARATION_TITLE = re.compile(
    r"declara[cç][aã]o\s+(?:da\s+|de\s+)?entidade\s+(?:patronal|empregadora)"
    r"|declara[cç][aã]o\s+de\s+(?:v[ií]nculo(?:\s+laboral)?|emprego|efetividade|situa[cç][aã]o\s+profissional)"
    # In English, for a foreign employer or an expatriate's HR: "Employment confirmation letter", a US "Employment
    # and Income Verification", a "Verification of employment and salary", a "Salary confirmation" (blind probe
    # r66a: a US employer's letter refused as not recognised, asked for the employer's declaration it was).
    r"|employment\s+(?:and\s+(?:income|salary)\s+)?(?:confirmation|verification|certificate|reference|declaration)"
    r"|(?:certificate|proof|confirmation|declaration|verification)\s+of\s+employment"
    r"|(?:salary|income)\s+(?:confirmation|verification|certificate)(?![a-z])"
)
# "Declara-se, para os devidos efeitos, que Ana Sousa ... é trabalhadora desta empresa / exerce funções ...",
# "Declaramos que Rui Sá ... se encontra ao nosso serviço ..."
EMPLOYMENT_STATEMENT = re.compile(
    r"(?:declara|certifica|atesta|confirma)\w*[\s\S]{0,300}?(?<![a-z])que\s[\s\S]{0,300}?"
    r"(?:(?<![a-z])[eoa]\s+(?:(?:nosso|nossa|seu|sua)\s+)?(?:trabalhador|funcionari|colaborador)|trabalha\s"
    r"|exerce(?:ndo)?\s|desempenha\s"
    r"|presta\s+(?:a\s+sua\s+)?(?:atividade|actividade|servico)|contrato\s+(?:individual\s+)?de\s+trabalho"
    r"|admitid[oa]|ao\s+servico\s+(?:desta|da\s+nossa|nesta|desde)|ao\s+(?:nosso|seu)\s+servico"
    # The contract by its kind alone, "de trabalho" left out ("com contrato sem termo", "contrato a termo certo",
    # "vínculo efetivo"), and the salary by the verb employers use ("aufere", "auferindo a remuneração base
    # mensal", "com o vencimento ilíquido de"): blind probe r68b, "é seu trabalhador desde ..., com contrato sem
    # termo, auferindo ..." refused as not recognised while "contrato de trabalho sem termo" was read.
    r"|(?:contrato|vinculo)\s+(?:sem\s+termo|a\s+termo|a\s+prazo|por\s+tempo\s+indeterminado|efetiv)"
    r"|aufer\w*\s+(?:mensalmente\s+)?(?:a|o|uma|um)?\s*(?:remuneracao|vencimento|salario|ordenado|retribuicao)"
    r"|com\s+(?:a|o)\s+(?:remuneracao|vencimento|salario|ordenado|retribuicao)\s+(?:base\s+)?(?:mensal\s+)?"
    r"(?:(?:il)?iquid[oa]\s+)?(?:de|no\s+(?:valor|montante)\s+de)\s+\d)"
    # "This is to confirm that Ms Ana Sousa has been employed by ...", "... confirms that Mr. Rui Sá has been a
    # full-time employee since ...", "To whom it may concern: Ana Sousa is employed by us ... her annual salary".
    r"|(?:confirm|certif|declare|verif)\w*\s+that\s[\s\S]{0,200}?(?:(?:is|has\s+been)\s+(?:employed|working)|employed\s+by"
    r"|(?:is|has\s+been)\s+(?:an?\s+|our\s+)?(?:[a-z-]+,?\s+){0,3}employee(?![a-z]))"
    r"|to\s+whom\s+it\s+may\s+concern[\s\S]{0,400}?(?:is|has\s+been)\s+(?:employed|working|(?:an?\s+|our\s+)?"
    r"(?:[a-z-]+,?\s+){0,3}employee(?![a-z]))[\s\S]{0,400}?(?:salary|wage|pay)(?![a-z])"
)

# A declaration laid out as a form: the person under a label of their role, and the contract's own labels.
EMPLOYMENT_FORM = (
    # The worker named under a caption: "Trabalhador: ...", or a table's "Nome completo | ..." ("Campo | Dado").
    re.compile(
        r"^\s*(?:(?:nome\s+d[oa]\s+)?(?:trabalhador|colaborador|funcionari[oa])(?:a|\(a\))?\s*:"
        r"|nome(?:\s+completo)?\s*[:|]?\s+\S)",
        re.M,
    ),
    re.compile(r"tipo\s+de\s+contrato|data\s+de\s+admiss|(?<![a-z])vinculo(?![a-z])|contrato\s+de\s+trabalho"),
    re.compile(r"(?<![a-z])(?:declar|certific|atest)"),
)


def employer_declaration(folded: str) -> bool:
    """An employer declaring someone's employment, by its title or its one sentence; a payslip's own footer
    ("declaro que recebi ... O Trabalhador") is told apart by the payslip's amounts and payroll words."""
    form = all(sign.search(folded) for sign in EMPLOYMENT_FORM) and not PAYSLIP_TITLE.search(folded)
    if not (EMPLOYER_DECLARATION_TITLE.search(folded) or EMPLOYMENT_STATEMENT.search(folded) or form):
        return False
    # A contract's clauses word the job as a declaration does ("O Segundo Outorgante declara que aufere ..."): it is
    # refused as the contract it is (local.EMPLOYMENT_CONTRACT_REFUSED), never read as the employer's word.
    return not payroll_like(folded) and not employment_contract(folded)


FATURA_RECIBO_SIGNS = [
    # What a receipt says it received: the Portal's "Importância recebida", a program's "Total recebido".
    r"(?:import[aâ]ncia|total)\s+recebid[oa]",
    r"(?<![a-z])adquirente(?![a-z])",
    # The Portal's series names the document's type: a fatura-recibo's, a fatura's (FT), a recibo's (R) (blind probe
    # r38a: a photo of a plain "Fatura" whose shadow hid its other signs was refused, its text version read).
    r"(?<![a-z])atcud(?![a-z])|atsire\w*(?:fr|ft|r)(?![a-z])",
    r"prestador\s+de\s+servi[cç]os|transmitente",
    # A fatura-recibo's own number, its type FR before the series and the sequence ("FR 2026/21", "FR FR2026/98",
    # an accountant's program's): no payslip is numbered so (blind probe r38a: a scan read as a payslip).
    r"(?<![a-z0-9])fr\s+[a-z0-9]*\d[a-z0-9]*(?:/[a-z0-9]+)*/\d+(?![\d/])",
    # The same for the other documents of a sale and its payment, their type the Portal's code (FT a fatura, FS a
    # simplified one; R, RE, RC, RG a recibo) before the series and the sequence ("FT 2026/77", "RE 2026/44",
    # "R-2026/058"): blind probe r48a, a recibo and an unpaid fatura refused as not recognised.
    r"(?<![a-z0-9])(?:ft|fs|re|rc|rg|r)(?:\s+|\s?-\s?)[a-z0-9]*\d[a-z0-9]*(?:/[a-z0-9]+)*/\d+(?![\d/])",
    # A recibo settles a fatura issued before it: "Documento liquidado", "Fatura liquidada", "referente à fatura".
    r"documentos?\s+liquidados?|faturas?\s+liquidadas?|(?:referente|relativo)\s+[aà]s?\s+faturas?(?![a-z-])",
]
# Each kind by its word or as payroll software cuts it ("Desc. S.S.", "Venc. Base", "Remun. Ilíq.", "Sub. Alim.").
# A multinational's slip in English prints the same kinds in its words ("Social Security (11%)", "Net pay", "Gross
# pay", "Deductions", "Meal allowance"): its lower half photographed without the title was refused (doc probe 31).
PAYROLL_TERMS = [
    r"seg(uranca)?\.?\s*social|\btsu\b|contribuicao\s+ss|(?<![a-z])s\.\s?s\.|social\s+security",
    r"\birs\b|retencao\s+na\s+fonte",
    r"liquido|a\s+receber|a\s+transferir|net\s+(?:pay|salary|wages?|earnings)",
    r"vencimento|ordenado|salario|remuneracao|remuneracoes|(?<![a-z])(?:venc|vencim|remun|ord)\."
    r"|(?:gross|base|basic)\s+(?:pay|salary|wages?)",
    r"abonos|ganhos|descontos|deducoes|(?<![a-z])desc\.|(?<![a-z])(?:earnings|deductions)(?![a-z])",
    r"subsidio\s+de\s+(refeicao|alimentacao)|sub\.?\s+(refeicao|alimentacao|alim\.)|meal\s+allowance",
    r"salarios|processamento|(?<![a-z])payroll(?![a-z])",
]
# Cents after a comma, or after a dot on a slip in English ("2,113.35").
MONEY_TOKEN = re.compile(r"\d[,.]\d{2}(?!\d)")
# A whole-euro amount ending a captioned row, thousands grouped by dots ("Vencimento base 1.250", "IRS 112"): a
# small employer's slip prints no cents. Not a NIF or a year (more than three figures ungrouped).
WHOLE_AMOUNT_ROW = re.compile(r"[a-z.)]\s+\d{1,3}(?:\.\d{3})*\s*(?:€|eur)?\s*$", re.M)


def payroll_like(folded: str) -> bool:
    """Three kinds of payroll words and at least four amounts, with cents or, on a slip printing none, whole
    euros ending its rows: a payslip whatever its title."""
    terms = sum(bool(re.search(term, folded)) for term in PAYROLL_TERMS)
    amounts = len(MONEY_TOKEN.findall(folded)) or len(WHOLE_AMOUNT_ROW.findall(folded))
    return terms >= 3 and amounts >= 4


# Another country's payslip by its rows, in French, German, Dutch, Italian, Spanish or English, whatever its title
# (blind probe r66a: a Belgian "Fiche de paie" and a German "Verdienstabrechnung" refused as not recognised, their
# titles unknown and their payroll words none of ``PAYROLL_TERMS``). Each row's caption, on a line with an amount:
# the gross ("brut", "Gesamtbrutto", "bruto", "lordo", "Gross pay"), ...
FOREIGN_GROSS_ROW = re.compile(
    r"(?<![a-z])brut(?:e|o|a|s|es)?(?![a-z])|brutto|brutoloon|(?<![a-z])lord[oa]|devengad|(?<![a-z])gross(?![a-z])"
)
# ... a deduction: a social contribution or a tax on wages ("Cotisation ONSS", "Précompte professionnel",
# "Lohnsteuer", "Krankenversicherung", "Loonheffing", "Trattenute INPS", "Retención IRPF", "National Insurance")...
FOREIGN_DEDUCTION_ROW = re.compile(
    r"cotisation|cotizacion|precompte|retenues?(?![a-z])|preleve|prelevement|(?<![a-z])(?:csg|crds|onss|rsz)(?![a-z])"
    r"|abzuge|lohnsteuer|kirchensteuer|solidaritatszuschlag|(?:kranken|renten|arbeitslosen|pflege|sozial)versicherung"
    r"|inhouding|loonheffing|bedrijfsvoorheffing|werknemersverzekering|trattenut|contributi|irpef|(?<![a-z])inps"
    r"|deduccion|retencion|irpf|seguridad\s+social|deductions?(?![a-z])|withholding|income\s+tax|national\s+insurance"
    r"|social\s+security|medicare|(?<![a-z])(?:paye|inss|irrf)(?![a-z])"
)
# ... and the net paid ("Net à payer", "Nettoverdienst", "Auszahlungsbetrag", "Netto in busta", "Líquido a
# percibir", "Net pay", "Take-home").
FOREIGN_NET_ROW = re.compile(
    r"(?<![a-z])net(?:to|o)?(?![a-z])|nettoverdienst|nettoloon|nettolohn|auszahlung|uit\s+te\s+betalen"
    r"|(?<![a-z])liquido|take[\s-]?home"
)
FOREIGN_PAYSLIP_ROWS = (FOREIGN_GROSS_ROW, FOREIGN_DEDUCTION_ROW, FOREIGN_NET_ROW)
# Its employer: by its caption, or by a company's legal form ("Isar Medizintechnik GmbH", "Meuse Digital SRL").
FOREIGN_EMPLOYER_SIGN = re.compile(
    r"employeur|arbeitgeber|werkgever|datore\s+di\s+lavoro|(?<![a-z])(?:empresa|azienda|employer|company)(?![a-z])"
    r"|(?<![a-z])(?:gmbh|ag|kg|sarl|sas|sa|srl|sprl|bv|nv|spa|sl|slu|ltd|llc|plc|inc|ltda)(?![a-z])"
)
# Its period: a month's name in one of those languages, a period's caption, or a month in figures ("07/2026").
FOREIGN_PAY_PERIOD = re.compile(
    r"(?<![a-z])(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
    r"|januar|februar|marz|april|juni|juli|august|september|oktober|dezember|januari|februari|maart|mei|augustus"
    r"|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|enero|febrero|abril|mayo"
    r"|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|january|february|march|june|july|october|november"
    r"|december)(?![a-z])"
    r"|periode|zeitraum|abrechnungsmonat|periodo|pay\s+period|(?<![\d/.])(?:0?[1-9]|1[0-2])\s?[/.-]\s?20\d{2}(?!\d)"
)

# A sale's own names, which no payslip prints: an invoice's title in those languages, a sales tax (a freelancer's
# invoice also prints a net, a withholding and a gross, with a company and a month).
SALE_WORDS = re.compile(
    r"invoice|factur|fatura|rechnung|fattura|factuur|(?<![a-z])(?:vat|mwst|umsatzsteuer)(?![a-z])|bill\s+to"
)


def payslip_by_its_rows(folded: str) -> bool:
    """A payslip in another language by its structure: a gross row, a deduction row and a net row, each caption
    on a line with an amount (``FOREIGN_PAYSLIP_ROWS``), an employer and a period, and no sale's words
    (``SALE_WORDS``). Its title, if any, is one sign among others: a payroll program's own title need be in no
    list to be a payslip's."""
    if SALE_WORDS.search(folded):
        return False
    rows = [line for line in (DATE_FIGURES.sub(" ", line) for line in folded.splitlines()) if MONEY_TOKEN.search(line)]
    if not all(any(caption.search(row) for row in rows) for caption in FOREIGN_PAYSLIP_ROWS):
        return False
    return bool(FOREIGN_EMPLOYER_SIGN.search(folded) and FOREIGN_PAY_PERIOD.search(folded))


# A personal NIF (first figure 1, 2 or 3) in a row, nine figures standing alone.
PERSONAL_NIF = re.compile(r"(?<![\d.,])[123]\d{8}(?![\d.,])")
# A row of a payroll's table: an amount with cents.
ROW_AMOUNT = re.compile(r"\d[,.]\d{2}(?!\d)")
# Rows of a table, each with a person's NIF and pay of their own, that make a list of people: a payslip prints one
# worker (two, two-up, with the worker's NIF at most once in a row with pay).
PEOPLE_IN_A_LIST = 3


def payroll_summary(text: str) -> bool:
    """A company's payroll summary ("Mapa de remunerações", "Resumo do processamento"): one table of many workers,
    each row a person's NIF and pay. It is no one's payslip (blind probe r40a: the first worker's name read as the
    payslip's, the company's total social security as theirs). Told by its rows, not its title: a valid personal
    NIF in each of several rows with amounts, no two alike."""
    people = {
        nif
        for line in text.splitlines()
        if ROW_AMOUNT.search(line)
        for nif in PERSONAL_NIF.findall(line)
        if nif_has_valid_checksum(nif)
    }
    return len(people) >= PEOPLE_IN_A_LIST


def payslip_checked(text: str) -> DocumentKind:
    """A payslip's kind, unless the page lists many people's pay (``payroll_summary``) or only names a payslip
    (``payroll_amounts``): then none, refused."""
    if payroll_summary(text) or not payroll_amounts(fold(text)):
        return DocumentKind.UNKNOWN
    return DocumentKind.RECIBO_VENCIMENTO


# A date's figures, which a cents pattern would read as an amount ("01.11.2026": "1.11").
DATE_FIGURES = re.compile(r"(?<![\d.,])\d{1,4}[./-]\d{1,2}[./-]\d{1,4}(?![\d.,])")
# A payroll word's amount on the lines from its own: its row, or the row of figures under a row of captions (a box's
# caption over its value, a column OCR read after the captions' column).
AMOUNT_LINES = 2
# A row's caption in any language: a word.
CAPTION_WORD = re.compile(r"[a-z]{3,}")


def payroll_amounts(folded: str) -> bool:
    """Whether the page prints an amount in a row with its caption, or beside a payroll word: what any payslip does,
    in any language, however poorly OCR read the rest. A page that names a payslip and prints none only speaks of
    one: an e-mail sending it ("Segue em anexo o recibo de vencimento de novembro"), the envelope it came in
    ("CONFIDENCIAL – Recibo de vencimento" over the addressee), both read as payslips by their title (blind probe
    r42a: a period from the e-mail's date, an employer from the envelope's sender)."""
    lines = [DATE_FIGURES.sub(" ", line) for line in folded.splitlines()]
    return any(
        (MONEY_TOKEN.search(line) and CAPTION_WORD.search(line))
        or (
            any(re.search(term, line) for term in PAYROLL_TERMS)
            and any(
                MONEY_TOKEN.search(row) or WHOLE_AMOUNT_ROW.search(row) for row in lines[index : index + AMOUNT_LINES]
            )
        )
        for index, line in enumerate(lines)
    )


# A payslip's parties by their captions with a colon, on folded text ("Entidade empregadora: ...", "Trabalhadora:").
PAYSLIP_PARTY_CAPTION = re.compile(
    r"(?<![a-z])(?:entidade\s+(?:empregadora|patronal)|empregadora?|empresa|trabalhadora?|funcionari[oa]"
    r"|colaboradora?|employer|employee)\s*:"
)


def payslip_amounts_unread(folded: str) -> bool:
    """A payslip by its title opening a line and its parties' captions, whose amounts were not read (``payroll_amounts``
    false): OCR lost its table (blind probe r46a: a phone photo of a domestic worker's spreadsheet slip, its grid
    unread, told to send payslips). An e-mail naming a payslip in a sentence, or the envelope's "CONFIDENCIAL - Recibo
    de vencimento" over the addressee, has neither a title opening a line nor the parties' captions."""
    titled = any(PAYSLIP_TITLE.match(line.strip(" -–—|·*#")) for line in folded.splitlines())
    return titled and bool(PAYSLIP_PARTY_CAPTION.search(folded)) and not payroll_amounts(folded)


# A temporary benefit of the Segurança Social, on folded text: unemployment ("subsídio (social) de desemprego"),
# sickness, parental. It ends, so it is no income a rent is paid from (docs/api.md: refused); its letter says so
# (blind probe r46a: told "not recognised", as if the sender had sent the wrong thing by mistake).
TEMPORARY_BENEFIT = re.compile(
    r"subsidio\s+(?:social\s+)?de\s+desemprego|(?:subsidio|prestacao)\s+(?:de\s+)?(?:desemprego|doenca|parental)"
    r"|(?:unemployment|sickness|jobseeker.?s)\s+(?:benefit|allowance)"
)
# The Rendimento Social de Inserção (RSI), on folded text: a means-tested support, granted to a household for a year
# and renewed only while its means stay low (blind probe r64a: told "not recognised"). Refused with its own reason.
SOCIAL_INSERTION_INCOME = re.compile(r"rendimento\s+social\s+de\s+insercao|(?<![a-z])\(rsi\)")
# The abono de família (for children and young people, or the pre-natal one), on folded text: paid for the
# children's keep, by the household's means, not an income of the parent's (blind probe r64a: told "not
# recognised"). Refused with its own reason.
FAMILY_ALLOWANCE = re.compile(r"abono\s+de\s+familia|abono\s+pre.?natal|(?<![a-z])child\s+benefit(?![a-z])")
# A rent receipt, the AT's "Recibo de renda eletrónico" or a landlord's own (blind probe r46a): the rent a landlord
# received, by the tenant's payment. No parser reads it; it is refused with a reason that names it.
RENT_RECEIPT = re.compile(r"recibo\s+(?:eletronico\s+|electronico\s+)?de\s+rendas?(?![a-z])|(?<![a-z])rent\s+receipt")

# A receipt for a salary advance (blind probe r47b: told only "not recognised"): "Recibo de adiantamento",
# "a título de adiantamento por conta do vencimento". It proves a sum paid ahead of a month, which that month's
# payslip deducts, not a month's pay. Told by its title opening a line or by the phrase that says what the sum
# is: a payslip's own row deducting an advance ("Adiantamento  -300,00") is neither.
SALARY_ADVANCE = re.compile(
    r"^\W*recibo\s+de\s+adiantamento|a\s+titulo\s+de\s+adiantamento"
    r"|adiantamento\s+(?:por\s+conta\s+)?d[oa]\s+(?:vencimento|salario|ordenado|remuneracao)"
    r"|(?<![a-z])salary\s+advance\s+(?:receipt|payment)",
    re.M,
)
# A statement of an employee's travel expenses, by its title opening a line: "Mapa de ajudas de custo e
# deslocações", "Boletim itinerário", "Mapa de quilómetros", "Nota de despesas", an "Expense report" (blind probe
# r50a: a map of per diems and kilometres read as a payslip with every amount null, by its payroll words: "isentos de
# IRS e de Segurança Social", "pagos ... com o vencimento"). It refunds costs, it pays no work: no salary, no net.
EXPENSE_STATEMENT_TITLE = re.compile(
    r"^\W*(?:mapa|boletim|relacao|nota|relatorio|folha|registo)\s+(?:de\s+|das\s+|dos\s+)?(?:ajudas\s+de\s+custo"
    r"|deslocacoes|despesas(?:\s+de\s+(?:deslocacao|viagem|representacao))?|quilometros|kms?(?![a-z])|itinerario)"
    r"|^\W*boletim\s+itinerario|^\W*(?:expenses?|mileage|travel\s+expenses?)\s+(?:report|claim|statement|log)",
    re.M,
)
# What a payslip prints and an expense statement does not: the net paid, under its caption.
NET_PAY_CAPTION = re.compile(r"liquido|a\s+receber|a\s+transferir|(?<![a-z])net\s+(?:pay|salary|amount)")


def expense_statement(folded: str) -> bool:
    """A statement of travel expenses (``EXPENSE_STATEMENT_TITLE``) and no payslip: no payslip's title opening a line,
    no net paid. A payslip whose earnings hold a per diem row ("Ajudas de custo (deslocações) 401,60") prints its
    title and its net, and stays one."""
    lines = folded.splitlines()
    return (
        bool(EXPENSE_STATEMENT_TITLE.search(folded))
        and not any(PAYSLIP_TITLE.match(line.strip(" -–—|·*#")) for line in lines)
        and not NET_PAY_CAPTION.search(folded)
    )


# A research fellowship under the Estatuto do Bolseiro de Investigação (blind probe r62a: an institution's declaration,
# a monthly "nota de pagamento de bolsa" and a "recibo de bolsa" shaped like a payslip, each told only "not
# recognised ... send payslips", which a fellow has none of). It is paid monthly, exempt from IRS (art. 12.º CIRS), no
# payslip and no line of the return, and no rule counts it yet: refused with a reason that names it. Told by the
# grant's own captions, two kinds of them at least: an internship's payslip ("Bolsa de estágio" as its base), a
# payslip or a fatura-recibo that names a scholarship once, prints none or one.
RESEARCH_GRANT_SIGNS = (
    re.compile(r"bolseir[oa]s?\s+de\s+investigacao"),
    re.compile(r"estatuto\s+do\s+bolseiro"),
    re.compile(r"bolsas?\s+de\s+(?:investigacao|(?:pos[\s-]?)?doutoramento|pos[\s-]?doc)"),
    re.compile(r"contrato\s+de\s+bolsa"),
    re.compile(r"(?:nota|recibo|aviso)\s+de\s+(?:pagamento\s+(?:de|da)\s+)?bolsa(?![a-z])"),
    re.compile(r"subsidio\s+(?:mensal\s+)?de\s+manutencao"),
    re.compile(r"(?:research|doctoral|phd|post-?doctoral)\s+(?:grant|fellowship|scholarship)"),
)
RESEARCH_GRANT_SIGNS_NEEDED = 2


def research_grant(folded: str) -> bool:
    """Whether the folded text is a research fellowship's document: two kinds of its captions (``RESEARCH_GRANT_SIGNS``)."""
    return sum(bool(sign.search(folded)) for sign in RESEARCH_GRANT_SIGNS) >= RESEARCH_GRANT_SIGNS_NEEDED


# A student's grant for their studies (blind probe r77d, F2: a DGES decision on a "bolsa de estudo" with its monthly
# instalments and a "complemento de alojamento", and an Erasmus+ grant agreement, each told only "not recognised ...
# send payslips", which a student has none of): a bolsa de estudo of the DGES, a university's social services, a
# municipality or a foundation, or a mobility grant. Told by what the grant is called and two of its other parts: the
# issuer's kind, the academic year or mobility period it is for, an amount per month. Tried on a document no parser
# recognised only (local.DOCUMENTS_THAT_SAY_WHAT_THEY_ARE), so a payslip paying a "bolsa de estudo" stays a payslip.
STUDY_GRANT_NAME = re.compile(
    r"bolsas?\s+(?:de\s+)?(?:estudos?|mobilidade)(?![a-z])|complemento\s+de\s+alojamento"
    r"|(?<![a-z])(?:study|studies|mobility|erasmus\+?|student)\s+grants?(?![a-z])|grant\s+agreement"
    r"|(?<![a-z])scholarships?(?![a-z])"
)
STUDY_GRANT_ISSUER = re.compile(
    r"ensino\s+superior|(?<![a-z])dges(?![a-z])|acao\s+social|universidade|universit[a-z]*|politecnico|faculdade"
    r"|escola\s+superior|camara\s+municipal|municipio|fundacao|foundation|(?<![a-z])erasmus"
    r"|international\s+(?:relations\s+)?office"
)
STUDY_PERIOD = re.compile(
    r"ano\s+(?:le(?:c)?tivo|academico)|academic\s+year|(?:mobility|study)\s+period|periodo\s+de\s+mobilidade"
    # A school year as printed, "2026/2027" or "2026/27", never inside a date ("01/09/2026").
    r"|(?<![\d/])20\d\d\s*/\s*(?:20)?\d\d(?![\d/])"
)
PER_MONTH = re.compile(r"mensa(?:l|is)|por\s+mes(?![a-z])|(?<![a-z])monthly|per\s+month|a\s+month")
AMOUNT = re.compile(r"\d[\d.\s]*,\d{2}(?!\d)|\d[\d,]*\.\d{2}(?!\d)")
STUDY_GRANT_PARTS_NEEDED = 2
# An amount said to be a month's, beside its words: "280,00 € mensais", "150,00 € por mês", "prestações mensais de
# 280,00 €", "Monthly grant: 450,00 EUR". A year's or a total's amount on the same line is not one.
MONTHLY_AMOUNT = re.compile(
    r"(?P<before>\d[\d. ]*,\d{2}|\d[\d,]*\.\d{2})\s*(?:€|eur(?:os)?)?\s*"
    r"(?:mensa(?:l|is)|por\s+mes(?![a-z])|/\s*mes(?![a-z])|a\s+month|per\s+month|monthly)"
    r"|(?:mensa(?:l|is)|monthly|per\s+month)(?:\s+(?:de|do|da|no\s+valor\s+de|grant|support|amount))*\s*:?\s*"
    r"(?:€|eur(?:os)?)?\s*(?P<after>\d[\d. ]*,\d{2}|\d[\d,]*\.\d{2})"
)


def study_grant(folded: str) -> bool:
    """Whether the folded text is a student's grant: called so (``STUDY_GRANT_NAME``) and two of its issuer's kind,
    the academic year or mobility period, a line with an amount per month."""
    if not STUDY_GRANT_NAME.search(folded):
        return False
    monthly_amount = any(PER_MONTH.search(line) and AMOUNT.search(line) for line in folded.splitlines())
    parts = (bool(STUDY_GRANT_ISSUER.search(folded)), bool(STUDY_PERIOD.search(folded)), monthly_amount)
    return sum(parts) >= STUDY_GRANT_PARTS_NEEDED


# The reason writes the amount in euros: a line that says none, or says another currency, gives none.
IN_EUROS = re.compile(r"€|(?<![a-z])eur(?:os?)?(?![a-z])")
OTHER_CURRENCY = re.compile(
    r"[£$]|(?<![a-z])(?:gbp|usd|chf|pln|czk|huf|sek|dkk|ron|bgn|brl|libras?|dolar(?:es)?)(?![a-z])"
)


def study_grant_monthly_amounts(folded: str) -> list[Decimal]:
    """The amounts in euros a student's grant says it pays a month (``MONTHLY_AMOUNT``), each once, in the order
    printed: the grant's and a housing supplement's."""
    found: list[Decimal] = []
    for line in folded.splitlines():
        if IN_EUROS.search(line) and not OTHER_CURRENCY.search(line):
            found += [value for value in line_monthly_amounts(line) if value not in found]
    return found


def line_monthly_amounts(line: str) -> list[Decimal]:
    found: list[Decimal] = []
    for match in MONTHLY_AMOUNT.finditer(line):
        for value in parse_money(match.group("before") or match.group("after")):
            if value > 0 and value not in found:
                found.append(value)
    return found


# A student's certificate of enrolment ("Certificado de matrícula", "Declaração de inscrição"; blind probe r62a: told
# only "not recognised ... send payslips"): it proves studies, not income. Told by its title opening a line and a
# word of the studies; a vehicle's "certificado de matrícula" or the Segurança Social's "declaração de inscrição"
# names no school year, course or student.
ENROLMENT_TITLE = re.compile(
    r"^\W*(?:certificado|declaracao|comprovativo|certidao)\s+de\s+(?:matricula|inscricao)"
    r"|^\W*(?:certificate|proof)\s+of\s+(?:enrol?ment|registration)",
    re.M,
)
STUDIES = re.compile(
    r"ano\s+le(?:c)?tivo|(?<![a-z])(?:estudante|alun[oa]|propinas)(?![a-z])|licenciatura|mestrado|doutoramento"
    r"|(?<![a-z])(?:curso|faculdade|universidade|escola)\s+(?:de|do|da|superior)|academic\s+year|(?<![a-z])student(?![a-z])"
)


def enrolment_certificate(folded: str) -> bool:
    """Whether the folded text is a student's certificate of enrolment: its title (``ENROLMENT_TITLE``) and a word of
    the studies (``STUDIES``)."""
    return bool(ENROLMENT_TITLE.search(folded) and STUDIES.search(folded))


# The Segurança Social's statement of the remunerations an employer declared, month by month ("Carreira
# contributiva", "Extrato de remunerações", "Histórico de remunerações"; blind probe r47b: told only "not
# recognised"). Gross amounts declared for contributions, not pay received; no parser reads it.
SS_REMUNERATIONS_EXTRACT = re.compile(
    r"(?:extrato|historico|registo)\s+(?:de\s+|das\s+)?remuneracoes|carreira\s+contributiva"
)
# An employer's yearly statement of the income it paid and the tax it withheld (art. 119.º, n.º 1, b) of the
# Código do IRS: "Declaração de rendimentos e retenções na fonte — Ano de 2025"; blind probe r47b: read as an IRS
# return with every amount null). It is the payer's, not the taxpayer's return, and no kind reads it: a year's
# employment income is proven by the return as filed, or the nota; the month's pay by the payslips.
# What a payer's declaration is for, whatever article it cites or none: "Declaração emitida para efeitos do
# preenchimento da declaração Modelo 3 de IRS", "para efeitos de preenchimento" (blind probe r73d: with "de", the
# table's declaration read as a return with no income). A return is filled, not issued for its own filling.
FILLING_THE_RETURN = (
    r"para\s+(?:efeitos\s+d[eoa]\s+)?preenchimento\s+da\s+(?:declaracao\s+)?(?:modelo\s*3|declaracao\s+de\s+irs)"
)
PAYERS_YEARLY_DECLARATION = re.compile(
    r"declaracao\s+(?:anual\s+)?(?:de\s+|dos\s+)?rendimentos\s+(?:pagos\s+)?e\s+(?:de\s+|das\s+)?retencoes"
    # The article that obliges the payer, whatever the title says: "art. 119.º ... do Código do IRS" ("119.9"
    # as OCR reads the ordinal). The number's ordinal folds to a letter too: "n.º 1" is "n.o 1" (blind probe
    # r53a: "(art. 119.º, n.º 1, alínea b) do Código do IRS)" unmatched, the declaration read as an IRS return).
    r"|art(?:igo|\.)?\s*119\W{0,4}(?:[o9]\W{0,3})?(?:,?\s*n\W{0,4}(?:[o9]\W{0,3})?\s*1\W[^\n]{0,30})?"
    r"\s*d[oa]\s+(?:codigo\s+do\s+irs|cirs)"
    r"|" + FILLING_THE_RETURN
)

# The Segurança Social's quarterly declaration of an independent worker ("Declaração Trimestral - Trabalhador
# Independente"; blind probe r48a: told only "not recognised"): what the worker declared they billed, for the
# contributions, not what was received. No parser reads it; the faturas-recibo or the IRS return prove the income.
SS_QUARTERLY_DECLARATION = re.compile(
    r"declaracao\s+trimestral(?=[\s\S]*(?:trabalhador(?:a|es)?\s+independente|seguranca\s+social))"
    r"|(?:trabalhador(?:a|es)?\s+independente|seguranca\s+social)[\s\S]*declaracao\s+trimestral"
)
# A bank's statement of an account's movements, by its title opening a line ("Extrato de conta à ordem - outubro",
# "Extrato bancário", "Extrato integrado"; blind probe r48a: told only "not recognised"). A credit in it says an
# amount came in, not what it is nor the gross it comes from: the payer's own statement or receipt is what proves
# income. A bank's certificate of a pension it credits ("Comprovativo de recebimento de pensão") is a pension's.
BANK_STATEMENT = re.compile(
    r"^\W*extrato\s+(?:de\s+conta|bancario|integrado|combinado|de\s+movimentos)|^\W*(?:bank|account)\s+statement"
    # Titled after the bank's name on one line ("Banco Português de Investimento - Extrato de Conta à Ordem", blind
    # probe r78c, F8: refused as "not recognised"); a bank's name first, so a payslip's "extrato" in a sentence is not.
    r"|^[^\n]{0,60}?(?:(?<![a-z])(?:banco|caixa|bank|credito\s+agricola|millennium|santander|novobanco|activobank)"
    r"(?![a-z]))[^\n]{0,60}?(?<![a-z])(?:extrato\s+(?:de\s+conta|bancario|integrado|combinado|de\s+movimentos)"
    r"|(?:bank|account)\s+statement)",
    re.M,
)
# A bank statement's movements' header: a date, what the movement was, debit and credit, and the balance after each.
# Said of a whole file refused (``documents.extraction.local``), not of a page among others: another document's
# page may print such a table.
BANK_MOVEMENTS_HEADER = re.compile(
    r"^\W*data\W+(?:(?:data\W+)?valor\W+)?(?:descritivo|descricao|movimentos?|operacao)\W+"
    r"(?:debito\W+credito|credito\W+debito)\W+saldo(?![a-z])",
    re.M,
)


def payers_yearly_declaration(folded: str) -> bool:
    """An employer's yearly declaration of income paid and tax withheld, none of an IRS return's form (a return's
    Anexo A has a column of "retenções" too), or the return's form named as what it is for ("para efeitos do
    preenchimento da declaração Modelo 3", "a declarar no Anexo A") with no taxpayer of the return's own (blind
    probe r53a: the "Modelo 3" it named taken for the return's form, the declaration read as a return)."""
    if not PAYERS_YEARLY_DECLARATION.search(folded):
        return False
    for_the_return = bool(re.search(FILLING_THE_RETURN, folded) or FOR_THE_RETURN.search(folded))
    return not TAX_FORM_PARTS.search(folded) or (for_the_return and not TAXPAYERS_OWN_FORM.search(folded))


# A contract of employment (blind probe r46b: told only "not recognised"): it proves a job was agreed, not a month
# paid, and no parser reads it. Told by its title on a line of its own ("CONTRATO DE TRABALHO A TERMO CERTO"), or
# by its parties and clauses ("Primeira Outorgante", "Cláusula 2.ª") where it calls itself a contract of work (a
# lease has parties and clauses too); an employer's declaration names the contract inside a sentence
# ("vinculado(a) por contrato de trabalho ..."), never as its title.
EMPLOYMENT_CONTRACT_TITLE = re.compile(
    r"^\W*(?:contrato\s+(?:individual\s+)?de\s+trabalho(?:\s+(?:a\s+termo(?:\s+(?:certo|incerto|resolutivo))?"
    r"|sem\s+termo|por\s+tempo\s+indeterminado|em\s+funcoes\s+publicas|a\s+tempo\s+(?:parcial|inteiro)))*"
    r"|employment\s+(?:contract|agreement)|contract\s+of\s+employment)\W*$",
    re.M,
)
CONTRACT_PARTIES = re.compile(r"(?<![a-z])(?:primeir|segund)[oa](?:\([oa]\))?\s+(?:outorgante|contraente)")
CONTRACT_CLAUSE = re.compile(r"(?<![a-z])clausula\s+(?:\d|primeira|segunda)")
CONTRACT_OF_WORK = re.compile(r"contrato\s+(?:individual\s+)?de\s+trabalho|employment\s+(?:contract|agreement)")


def employment_contract(folded: str) -> bool:
    """Whether the folded text is a contract of employment: its title alone on a line, or its two parties and
    its numbered clauses in a contract of work."""
    return bool(
        EMPLOYMENT_CONTRACT_TITLE.search(folded)
        or (CONTRACT_PARTIES.search(folded) and CONTRACT_CLAUSE.search(folded) and CONTRACT_OF_WORK.search(folded))
    )


def foreign_card_checked(kind: DocumentKind, text: str) -> DocumentKind:
    """A card titled as another state's whose MRZ says Portugal issued it is Portuguese: the Cartao de
    Cidadao's own title, OCR-garbled, no longer matched, while "Identity Card" beside it did. And a visa
    printing the passport's number ("Passport No.") is no passport: its MRZ is a visa's (``visa_zone``)."""
    if kind == DocumentKind.PASSAPORTE:
        return passport_checked(read_mrz(text.splitlines()), titled_a_card=bool(PASSPORT_CARD_TITLE.search(fold(text))))
    if kind != DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO:
        return kind
    mrz = read_mrz(text.splitlines())
    if mrz is not None and mrz.checks_passed > 0 and mrz.issuing_state == "PRT":
        return kind_from_mrz(mrz)
    return kind


# A card's title naming a passport: Ireland's "PASSPORT CARD / CÁRTA PAS" (folded).
PASSPORT_CARD_TITLE = re.compile(r"\bpassport\s*card\b|\bcarta\s*pas\b")


def passport_checked(mrz: MrzRead | None, *, titled_a_card: bool = False) -> DocumentKind:
    """A page titled a passport, by its MRZ: a visa's is no passport, and a card's TD1 is a card. A passport's data
    page carries a TD3; a "passport card" (Ireland's) is an identity card the size of one, with a front and a back,
    its MRZ a TD1 on the back (blind probe r67a: read as a passport, with no side). Its front, which has no MRZ, is
    the card too by its title (``titled_a_card``; blind probe r74e: read as a passport whose MRZ was not read, and
    the card's back said sent without its front)."""
    if visa_zone(mrz):
        return DocumentKind.UNKNOWN
    if mrz is not None and mrz.format == "TD1" and mrz.checks_passed > 0:
        return kind_from_mrz(mrz) if mrz.issuing_state == "PRT" else DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
    passport_zone = mrz is not None and mrz.format == "TD3" and mrz.checks_passed > 0
    if titled_a_card and not passport_zone:
        return DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
    return DocumentKind.PASSAPORTE


# ICAO 9303: a TD1 or TD2 whose code starts with I, A or C is an identity card (or an official travel
# document in that format); V is a visa.
CARD_CODES = ("I", "A", "C")


def kind_from_mrz(mrz: MrzRead | None) -> DocumentKind:
    """A passport's TD3, a Portuguese ID card's TD1 ("I<PRT"), a Portuguese residence permit (TD1 with a type
    letter), or another state's identity card (TD1 or TD2).

    Only an MRZ whose shape reads right counts (at least one check digit holds): a few lines of
    fillers do not make a document an identity document.
    """
    if mrz is None or mrz.checks_passed == 0:
        return DocumentKind.UNKNOWN
    if mrz.format == "TD3" and mrz.document_code.startswith("P"):
        return DocumentKind.PASSAPORTE
    if mrz.format == "TD1" and mrz.issuing_state == "PRT":
        return DocumentKind.CARTAO_CIDADAO if mrz.document_code == "I" else DocumentKind.TITULO_RESIDENCIA
    if mrz.format in {"TD1", "TD2"} and mrz.document_code.startswith(CARD_CODES):
        return DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO
    return DocumentKind.UNKNOWN
