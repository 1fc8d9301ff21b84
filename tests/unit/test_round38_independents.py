"""Independent workers' documents of blind probe r38a read wrong: the AT's comprovativo de rendimentos giving its
withholdings as the income; a pro-forma invoice read as a payslip; a photo's plain "Fatura" read as received; an
accountant program's fatura-recibo (its letterhead's street taken for the issuer, its date under a caption row not
read, its scan read as a payslip); Anexo B's Quadro 04 of several coded rows not read; the Portal recibo's own
number and the início de atividade's "Descrição:" not read. Texts of our own, in the probe's wording families."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction import local
from documents.extraction.parsers.classify import classify
from documents.extraction.reader import Line, ReadDocument
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 5)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    kind, fields, warnings = read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)
    return kind, fields, warnings


def refused_why(text: str) -> str:
    lines = [Line(line) for line in text.splitlines() if line.strip()]
    return local.refusal(ReadDocument(lines=lines, pages=1, method="text"), "PROOF_OF_INCOME", [])


# --- (A) the AT's comprovativo de rendimentos ------------------------------------------------------------------

COMPROVATIVO = """Autoridade Tributária e Aduaneira
COMPROVATIVO DE RENDIMENTOS
Ano 2025
Contribuinte: Leonor Catarina Pires Barbosa
NIF: 232145679
Para os devidos efeitos se comprova que, de acordo com a declaração Modelo 3 de IRS do ano 2025,
foram declarados os seguintes rendimentos:
Categoria Rendimento bruto Retenções
B - Rendimentos profissionais (Anexo B) 14.318,40 3.579,60
Total 14.318,40 3.579,60
Emitido em 12/11/2026 através do Portal das Finanças."""


def test_comprovativo_reads_the_income_column_and_the_withholdings_column_apart() -> None:
    kind, fields, _ = read(COMPROVATIVO)
    assert kind == DocumentKind.DECLARACAO_IRS
    assert fields["self_employment_income"] == Decimal("14318.40")
    assert fields["gross_income"] == Decimal("14318.40")
    assert fields["withholdings"] == Decimal("3579.60")


def test_comprovativo_of_two_categories_reads_each_row_by_its_category() -> None:
    text = COMPROVATIVO.replace(
        "B - Rendimentos profissionais (Anexo B) 14.318,40 3.579,60\nTotal 14.318,40 3.579,60",
        "A - Trabalho dependente (Anexo A) 9.800,00 1.120,00\n"
        "B - Rendimentos profissionais (Anexo B) 4.000,00 1.000,00\nTotal 13.800,00 2.120,00",
    )
    _, fields, _ = read(text)
    assert fields["employment_income"] == Decimal("9800.00")
    assert fields["self_employment_income"] == Decimal("4000.00")
    assert fields["withholdings"] == Decimal("2120.00")


def test_guard_a_payers_table_by_nif_is_read_as_before() -> None:
    text = """DECLARAÇÃO DE RENDIMENTOS - IRS MODELO 3
Ano dos rendimentos: 2025
Sujeito passivo A: Rui Manuel Teixeira NIF: 219384762
ANEXO A
Quadro 4A - Rendimentos do trabalho dependente
NIF da entidade Código Rendimentos Retenções
508392012 401 21.350,00 2.740,00
Soma 21.350,00 2.740,00"""
    _, fields, _ = read(text)
    assert fields["employment_income"] == Decimal("21350.00")
    assert fields["withholdings"] == Decimal("2740.00")


# --- (6) Anexo B's Quadro 04 of several coded rows and its "Soma" ---------------------------------------------

ANEXO_B = """DECLARAÇÃO DE RENDIMENTOS - IRS
MODELO 3
Autoridade Tributária e Aduaneira Identificação da declaração: 3311-20456-18
02 ANO DOS RENDIMENTOS 2025
Sujeito passivo A Tiago Henrique Sarmento NIF 245879633
Anexos entregues: Anexo B [X] Anexo A [ ] Anexo H [ ]
ANEXO B
RENDIMENTOS DA CATEGORIA B - REGIME SIMPLIFICADO / ATO ISOLADO
Ano 2025 · Sujeito passivo NIF 245879633
01 Regime simplificado [X] Código da atividade (CAE/art. 151.º CIRS): 1332
04 RENDIMENTOS BRUTOS - REGIME SIMPLIFICADO
401 Vendas de mercadorias e produtos 0,00
403 Prestações de serviços de atividades profissionais (art. 151.º CIRS) 28.115,70
404 Outras prestações de serviços 1.200,00
406 Rendimentos de capitais imputáveis 0,00
Soma 29.315,70
06 RETENÇÕES NA FONTE
NIF da entidade retentora 503504564 Retenções 7.028,93"""


def test_anexo_b_quadro_04_of_coded_rows_gives_its_soma_as_the_income() -> None:
    _, fields, _ = read(ANEXO_B)
    assert fields["self_employment_income"] == Decimal("29315.70")
    assert fields["gross_income"] == Decimal("29315.70")
    assert fields["annexes"] == ["B"]


def test_anexo_b_rows_with_a_scans_specks_are_still_its_rows() -> None:
    text = (
        ANEXO_B.replace("401 Vendas de mercadorias e produtos 0,00", "401 ' Vendas de mercadorias e produtos ; 0,00 |.")
        .replace("406 Rendimentos de capitais imputáveis 0,00", "406. Rendimentos de capitais imputáveis 150,00 ,")
        .replace("Soma 29.315,70", "| Soma 29.465,70")
    )
    _, fields, _ = read(text)
    assert fields["self_employment_income"] == Decimal("29465.70")


def test_anexo_b_rows_that_do_not_make_their_soma_are_flagged_not_read() -> None:
    _, fields, warnings = read(ANEXO_B.replace("Soma 29.315,70", "Soma 31.315,70"))
    assert fields.get("self_employment_income") is None
    assert "arithmetic_mismatch" in warnings


def test_anexo_c_total_de_proveitos_is_the_gross() -> None:
    text = """DECLARAÇÃO DE RENDIMENTOS - IRS MODELO 3
Ano dos rendimentos: 2025
Sujeito passivo A: Marta Isabel Quintela NIF: 218765436
Anexos: C
ANEXO C
RENDIMENTOS DA CATEGORIA B - REGIME DE CONTABILIDADE ORGANIZADA
04 APURAMENTO DO LUCRO TRIBUTÁVEL
C401 Vendas 2 310,00
C402 Prestações de serviços 51 870,45
C403 Total de proveitos 54 180,45
C462 Lucro tributável 12 004,10"""
    _, fields, _ = read(text)
    assert fields["gross_income"] == Decimal("54180.45")


# --- (B) a pro-forma invoice, and a quote ----------------------------------------------------------------------

PRO_FORMA = """MS
Miguel Sottomayor
Serviços de engenharia
Rua do Almada, 45 · 4050-031 PORTO
NIF 213456788 · tel. 912000111
Fatura Pró-forma
PF 2026/7
Exmo.(s) Sr.(s)
Construções Ribamar, S.A.
Contribuinte n.º 503504564
Data Vencimento Moeda Cond. pagamento
04/11/2026 04/11/2026 EUR Pronto pagamento
Descrição Qtd. Preço unit. IVA Total
Projeto de estabilidade 1,00 2 400,00 23% 2 400,00
Total ilíquido 2 400,00 €
Total IVA 552,00 €
Total 2 952,00 €
Retenção IRS 600,00 €
Total recebido 2 352,00 €
Processado por programa certificado n.º 1234/AT
Documento sem valor fiscal — não serve de fatura nem de recibo."""


def test_a_pro_forma_invoice_is_refused_as_no_income_with_its_own_reason() -> None:
    assert classify(PRO_FORMA) == DocumentKind.UNKNOWN
    assert refused_why(PRO_FORMA) == local.NOT_BILLED_YET


def test_a_pro_forma_photo_with_its_title_beside_the_addressee_is_refused() -> None:
    text = PRO_FORMA.replace("Fatura Pró-forma\n", "").replace("Exmo.(s) Sr.(s)", "Exmo.(s) Sr.(s) Fatura Pró-Forma")
    assert classify(text) == DocumentKind.UNKNOWN


def test_a_quote_is_refused_with_the_same_reason() -> None:
    text = """Inês Carvalho Moura
Atividades de fotografia · NIF 245879633
ORÇAMENTO
Para: Hotel Miradouro, Lda. N.º ORC 2026/4
Data: 02/10/2026 · Válido por 15 dias
Reportagem fotográfica 850,00 €
Total estimado 850,00 €"""
    assert classify(text) == DocumentKind.UNKNOWN
    assert refused_why(text) == local.NOT_BILLED_YET


def test_guard_a_fatura_recibo_citing_its_pro_forma_is_read() -> None:
    text = PRO_FORMA.replace("Fatura Pró-forma", "Fatura-Recibo").replace("PF 2026/7", "FR 2026/7")
    text = text.replace("Documento sem valor fiscal — não serve de fatura nem de recibo.", "")
    text = text.replace("Projeto de estabilidade", "Projeto de estabilidade, referente à fatura pró-forma PF 2026/7")
    kind, fields, _ = read(text)
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["amount_received"] == Decimal("2352.00")


def test_guard_an_unrecognised_document_keeps_the_general_reason() -> None:
    text = "Ata da assembleia de condóminos\nAprovado o orçamento do condomínio para 2027."
    assert refused_why(text) == local.UNRECOGNISED["PROOF_OF_INCOME"]


# --- (C) a photo of the Portal's plain "Fatura" -----------------------------------------------------------------

FATURA_PHOTO = """Autoridade Tributária e Aduaneira FATU RA
Portal das Finanças
N.º FT ATSIREO1FT/8
ORIGINAL
EMITENTE
Sara Lopes Quintela
NIF: 245879633
ADQUIRENTE
NIF: 503504564
Nome: Livraria Académica, Lda.
Data de emissão: 2026-11-03
Valor base 1.600,00 €
IVA 0,00 €
Total do documento 1.600,00 €
Retenção na fonte de IRS 400,00 €
Total a pagar 1.200,00 €
Processado por computador - Autoridade Tributária e Aduaneira"""


def test_a_photos_fatura_whose_number_runs_into_its_series_is_no_receipt() -> None:
    kind, fields, warnings = read(FATURA_PHOTO)
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["amount_received"] is None
    assert "invoice_not_receipt" in warnings


def test_a_fatura_known_by_the_portals_series_when_its_other_signs_are_lost() -> None:
    # Only the acquirer's caption and the series survived OCR: the Portal's FT is a fatura, no receipt.
    text = FATURA_PHOTO.replace("EMITENTE\n", "").replace("Autoridade Tributária e Aduaneira FATU RA\n", "")
    text = text.replace("Portal das Finanças\n", "")
    kind, _, warnings = read(text)
    assert kind == DocumentKind.FATURA_RECIBO
    assert "invoice_not_receipt" in warnings


# --- (D), (5), (7) the accountant program's fatura-recibo ----------------------------------------------------

PROGRAM_FR = """CV
Carla Vieira Nogueira
Psicologia clínica
Praceta Dom Nuno, 4 · 2800-090 ALMADA
NIF 245879633 · tel. 936000222
Fatura-Recibo
FR 2026/15
ATCUD: JX4P2M8Q-15
Exmo.(s) Sr.(s)
Centro Social da Paróquia de Almada
Rua da Liberdade, 7
2800-100 ALMADA
Contribuinte n.º 503504564
Data Vencimento Moeda Cond. pagamento
09/11/2026 09/11/2026 EUR Pronto pagamento
Descrição Qtd. Preço unit. IVA Total
Consultas de psicologia 1,00 900,00 0% 900,00
Retenção na fonte de IRS - taxa 25% (art. 101.º, n.º 1, al. b) CIRS)
Total ilíquido 900,00 €
Total IVA 0,00 €
Total 900,00 €
Retenção IRS 225,00 €
Total recebido 675,00 €
Recebido por transferência bancária em 09/11/2026
Processado por programa certificado n.º 1234/AT Original"""


def test_program_letterhead_gives_the_issuers_name_never_its_street() -> None:
    kind, fields, _ = read(PROGRAM_FR)
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["issuer_name"] == "Carla Vieira Nogueira"
    assert fields["issuer_nif"] == "245879633"


def test_a_street_is_never_the_issuers_name_even_with_no_name_over_it() -> None:
    _, fields, _ = read(PROGRAM_FR.replace("Carla Vieira Nogueira\n", ""))
    assert fields.get("issuer_name") is None
    largo = PROGRAM_FR.replace("Carla Vieira Nogueira\n", "").replace("Praceta Dom Nuno", "Largo do Rato")
    _, fields, _ = read(largo)
    assert fields.get("issuer_name") is None


def test_program_date_under_its_caption_row_is_the_issue_date() -> None:
    _, fields, _ = read(PROGRAM_FR)
    assert fields["issue_date"] == dt.date(2026, 11, 9)


def test_program_date_under_a_scans_caption_row_with_specks() -> None:
    text = PROGRAM_FR.replace(
        "Data Vencimento Moeda Cond. pagamento\n09/11/2026 09/11/2026 EUR Pronto pagamento",
        "Data o Vencimento “Moeda E — Cond. pagamento. o o\no “09/11/2026 09/11/2026 - EUR Pronto pagamento",
    ).replace("Recebido por transferência bancária em 09/11/2026\n", "")
    _, fields, _ = read(text)
    assert fields["issue_date"] == dt.date(2026, 11, 9)


def test_guard_a_due_dates_caption_row_gives_no_issue_date() -> None:
    text = PROGRAM_FR.replace(
        "Data Vencimento Moeda Cond. pagamento\n09/11/2026 09/11/2026 EUR Pronto pagamento",
        "Data de vencimento Moeda\n30/11/2026 EUR",
    ).replace("Recebido por transferência bancária em 09/11/2026\n", "")
    _, fields, _ = read(text)
    assert fields.get("issue_date") != dt.date(2026, 11, 30)


def test_program_scan_with_its_title_split_by_ocr_is_a_fatura_recibo_not_a_payslip() -> None:
    text = PROGRAM_FR.replace("Fatura-Recibo\nFR 2026/15", "Fatu ra-Recibo\nFR FR2026/15")
    assert classify(text) == DocumentKind.FATURA_RECIBO


def test_program_scan_with_its_title_lost_is_a_fatura_recibo_by_its_number() -> None:
    text = PROGRAM_FR.replace("Fatura-Recibo\n", "").replace("FR 2026/15", "FR FR2026/15")
    assert classify(text) == DocumentKind.FATURA_RECIBO


def test_guard_a_payslip_stays_a_payslip() -> None:
    text = """Recibo de Vencimento
Empresa: Metalúrgica do Vouga, Lda. NIF 503504564
Trabalhador: Paulo Jorge Sequeira NIF 245879633
Vencimento base 1.250,00
Subsídio de refeição 132,00
Segurança Social 151,02
IRS 98,00
Líquido a receber 1.132,98"""
    assert classify(text) == DocumentKind.RECIBO_VENCIMENTO


# --- (7) the Portal recibo's own number ------------------------------------------------------------------------


def test_portal_recibo_number_is_read_not_the_faturas_it_refers_to() -> None:
    text = """Autoridade Tributária e Aduaneira - Portal das Finanças RECIBO
N.º R ATSIRE01R/4
ORIGINAL
EMITENTE
SARA LOPES QUINTELA
NIF: 245879633
ADQUIRENTE
NIF: 503504564
Nome: Livraria Académica, Lda.
Data de emissão: 2026-11-20
Recebi de Livraria Académica, Lda. a quantia abaixo, referente à fatura FT ATSIRE01FT/8 de 2026-11-03.
Valor base 1.600,00 €
IVA 0,00 €
Retenção na fonte de IRS 400,00 €
Importância recebida 1.200,00 €"""
    kind, fields, warnings = read(text)
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["invoice_number"] == "RATSIRE01R/4"
    assert fields["amount_received"] == Decimal("1200.00")
    assert "invoice_not_receipt" not in warnings


# --- (7) the início de atividade's description under its code ---------------------------------------------------


def test_activity_description_under_its_own_caption() -> None:
    text = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
DECLARAÇÃO DE INÍCIO DE ATIVIDADE
NIF: 245879633
Nome: Sara Lopes Quintela
Data de início de atividade: 14/03/2022
03 ATIVIDADE
CAE principal: 90010
Descrição: Atividades das artes do espetáculo
04 ENQUADRAMENTO
IRS: Regime simplificado"""
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_INICIO_ATIVIDADE
    assert fields["activity_code"] == "90010"
    assert fields["activity_description"] == "Atividades das artes do espetáculo"


def test_guard_a_description_on_the_codes_line_is_kept() -> None:
    text = """DECLARAÇÃO DE INÍCIO DE ATIVIDADE
NIF: 245879633
Nome: Sara Lopes Quintela
Data de início de atividade: 14/03/2022
Código (tabela art. 151.º CIRS): 2010 - Designers
Descrição: outra coisa"""
    _, fields, _ = read(text)
    assert fields["activity_description"] == "Designers"


def test_program_scan_title_split_by_ocr_beside_the_salutation_is_no_acquirer_name() -> None:
    text = PROGRAM_FR.replace("Fatura-Recibo\nFR 2026/15\n", "").replace(
        "Exmo.(s) Sr.(s)\nCentro Social da Paróquia de Almada",
        ": Exmo.(s) sr.(s) ' Fatu ra-Recibo\nCentro Social da Paróquia de Almada FR FR2026/15",
    )
    kind, fields, _ = read(text)
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["acquirer_name"] == "Centro Social da Paróquia de Almada"
    assert fields["invoice_number"] == "FRFR2026/15"


def test_a_cooperatives_form_keeps_its_last_dot() -> None:
    text = PROGRAM_FR.replace("Centro Social da Paróquia de Almada", "Cooperativa Agrícola do Sado, C.R.L.")
    _, fields, _ = read(text)
    assert fields["acquirer_name"] == "Cooperativa Agrícola do Sado, C.R.L."


def test_an_em_dash_between_the_code_and_its_words_is_not_the_description() -> None:
    """Blind probe r62a: "74100 — Atividades de design" gave "— Atividades de design"."""
    text = """DECLARAÇÃO DE INÍCIO DE ATIVIDADE
NIF: 245879633
Nome: Sara Lopes Quintela
Data de início de atividade: 14/03/2022
CAE principal: 74100 — Atividades de design"""
    _, fields, _ = read(text)
    assert fields["activity_description"] == "Atividades de design"
