"""Employers' declarations, AT certidões, Segurança Social declarations and declarações de início de atividade the
blind probe of round 36 (r36a) misread: a net stated in a sentence of its own, a temporary-work agency's user company
taken for the employer, a name with another language's particles, a company holder captioned "Nome / Firma" and
wrapped over two lines, a holder after a long preamble, a validation code whose caption wraps, a sentence read as a
name, a CAE captioned with its revision, a wrapped activity description, and a declaração de alterações de atividade
refused. The texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from documents.extraction.parsers.certificate import parse_certificate
from documents.extraction.parsers.pension import parse_activity_start
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 4)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


def certificate(text: str, kind: DocumentKind) -> tuple[dict[str, object], list[str]]:
    parsed = parse_certificate([Line(line, 0.95) for line in text.splitlines() if line.strip()], kind)
    return parsed.fields, parsed.warnings


# --- A. The net in a sentence of its own --------------------------------------------------------------------------

DECLARATION = """Tejo Digital — Engenharia de Sistemas, Lda.
Avenida da Liberdade, 120 - 3.º, 1250-146 Lisboa
Pessoa Coletiva n.º: 513568093
Declaração
Para os devidos efeitos, declaramos que Marta Isabel Fonseca Pires, contribuinte n.º 263621871, exerce
funções de Contabilista nesta empresa desde 03/05/2017, com contrato de trabalho sem termo.
Aufere a remuneração base mensal ilíquida de 2.640,00 € (dois mil seiscentos e quarenta euros). {net}
Lisboa, 20/11/2026"""


def test_a_net_stated_as_the_value_received_in_its_own_sentence_is_read() -> None:
    _, fields, _ = read(DECLARATION.format(net="O valor líquido mensal auferido é de 1.987,42 €."))
    assert fields["monthly_gross_salary"] == Decimal("2640.00")
    assert fields["monthly_net_salary"] == Decimal("1987.42")


def test_a_net_pay_that_corresponds_to_an_amount_in_its_own_sentence_is_read() -> None:
    _, fields, _ = read(DECLARATION.format(net="A remuneração líquida mensal corresponde a\n1.987,42 €."))
    assert fields["monthly_gross_salary"] == Decimal("2640.00")
    assert fields["monthly_net_salary"] == Decimal("1987.42")


def test_guard_a_year_to_date_net_in_its_own_sentence_is_no_months_net() -> None:
    _, fields, _ = read(DECLARATION.format(net="O valor líquido acumulado no corrente ano é de 1.987,42 €."))
    assert fields["monthly_gross_salary"] == Decimal("2640.00")
    assert fields["monthly_net_salary"] is None


def test_guard_an_amount_above_the_gross_is_no_net() -> None:
    _, fields, _ = read(DECLARATION.format(net="O valor líquido mensal auferido é de 2.987,42 €."))
    assert fields["monthly_net_salary"] is None


# --- B. A temporary-work agency's user company ----------------------------------------------------------------------

AGENCY = """{letterhead}
Declaração
Para os fins tidos por convenientes, declaramos que TIAGO MANUEL REIS CORREIA, contribuinte n.º 238427951,
é trabalhador desta empresa de trabalho temporário com contrato de trabalho temporário a termo incerto,
desde 14 de março de 2024, encontrando-se cedido à empresa utilizadora Atlântida — Logística e Armazenagem,
Lda., NIPC 565728946, onde exerce as funções de Operador de Armazém.
Aufere a remuneração base mensal de 1.020,00 EUR.
Setúbal, 12 de novembro de 2026"""


def test_the_user_companys_nipc_is_never_the_employers_when_the_agencys_own_is_unreadable() -> None:
    """A photo garbled the agency's footer: its NIPC is lost, the user company's in the body is all that is left."""
    _, fields, _ = read(AGENCY.format(letterhead="TEMPOFORTE - EMPRESA DE TRABALHO TEMPORÁRIO, LDA."))
    assert fields["employer_nif"] is None
    assert fields["employee_nif"] == "238427951"


def test_guard_the_agencys_own_nipc_is_the_employers() -> None:
    letterhead = "TEMPOFORTE - EMPRESA DE TRABALHO TEMPORÁRIO, LDA.\nNIPC 511 733 526 · Setúbal"
    _, fields, _ = read(AGENCY.format(letterhead=letterhead))
    assert fields["employer_nif"] == "511733526"


def test_an_english_user_companys_nipc_is_not_the_employers() -> None:
    text = """Staffline Portugal - Empresa de Trabalho Temporário, Lda.
EMPLOYMENT DECLARATION
We hereby confirm that Ms. Joana Rita Barros Lopes, tax number (NIF) 282096728, has been employed by our
agency since 1 June 2025 under a temporary employment contract, placed with the user company Harbour Foods,
S.A. (NIPC 522817440).
Her gross monthly base salary is EUR 1,240.00.
Porto, 2 December 2026"""
    _, fields, _ = read(text)
    assert fields["employer_nif"] is None
    assert fields["employee_nif"] == "282096728"


# --- C. Another language's particles in a name ------------------------------------------------------------------------

ENGLISH = """Ribeira Analytics, S.A.
NIF: 540 848 042
EMPLOYMENT DECLARATION
We hereby confirm that Mr. {name}, Portuguese tax number (NIF) 336 537 492, has been employed by Ribeira
Analytics, S.A. since 9 January 2020 under a permanent employment contract.
He receives a gross monthly base salary of €2,310.00.
Lisbon, 6 November 2026"""


def test_an_english_declarations_name_with_lower_case_particles_is_read() -> None:
    _, fields, _ = read(ENGLISH.format(name="Joost van der Meer"))
    assert fields["employee_name"] == "Joost van der Meer"


def test_guard_a_name_without_particles_is_read_as_before() -> None:
    _, fields, _ = read(ENGLISH.format(name="Joost Vandermeer"))
    assert fields["employee_name"] == "Joost Vandermeer"


# --- D. A company holder captioned "Nome / Firma", wrapped -------------------------------------------------------------

CERTIDAO_COMPANY = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
CERTIDÃO
Serviço de Finanças 3131 - VISEU
Nome / Firma {first}
{second}
NIPC 507 161 467
Domicílio fiscal Rua Formosa, 55, 3500-135 VISEU
Certifica-se que o sujeito passivo acima identificado tem a sua situação tributária regularizada.
Data de emissão 2026-11-02
Código de validação QW7R-2KPL-9XTB"""


def test_a_company_holders_name_wrapped_after_its_own_comma_is_read_whole_without_the_caption() -> None:
    text = CERTIDAO_COMPANY.format(first="MONTE CLARO, DISTRIBUIÇÃO DE MATERIAIS", second="ELÉTRICOS, LDA.")
    fields, _ = certificate(text, DocumentKind.CERTIDAO_AT)
    assert fields["holder_name"] == "Monte Claro, Distribuição de Materiais Elétricos, Lda."


def test_a_company_holders_name_wrapped_after_a_dash_is_read_whole() -> None:
    text = CERTIDAO_COMPANY.format(first="Monte Claro — Distribuição de Materiais", second="Elétricos, Lda.")
    fields, _ = certificate(text, DocumentKind.CERTIDAO_AT)
    assert fields["holder_name"] == "Monte Claro — Distribuição de Materiais Elétricos, Lda."


def test_a_company_holders_nipc_grouped_in_threes_is_read() -> None:
    text = CERTIDAO_COMPANY.format(first="MONTE CLARO, DISTRIBUIÇÃO DE MATERIAIS", second="ELÉTRICOS, LDA.")
    fields, _ = certificate(text, DocumentKind.CERTIDAO_AT)
    assert fields["holder_nif"] == "507161467"


def test_a_person_under_nome_firma_is_read_without_the_caption_the_row_below_its_own() -> None:
    text = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
CERTIDÃO
Nome / Firma RICARDO JORGE AMARAL NETO
NIF 303 878 479
Domicílio fiscal Rua Direita, 12, 3500-116 VISEU
Certifica-se que o sujeito passivo acima identificado tem a sua situação tributária regularizada.
Data de emissão 2026-11-02"""
    fields, _ = certificate(text, DocumentKind.CERTIDAO_AT)
    assert fields["holder_name"] == "Ricardo Jorge Amaral Neto"
    assert fields["holder_nif"] == "303878479"


# --- E. The holder after a long preamble ------------------------------------------------------------------------------


def test_a_holder_after_the_long_preamble_wrapped_over_lines_is_read() -> None:
    text = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
CERTIDÃO
Certifica-se, face aos elementos disponíveis no sistema informático da Autoridade
Tributária e Aduaneira, que Beatriz Helena Sampaio Moura, contribuinte n.º
313 439 222, tem a situação tributária regularizada.
Data de emissão 2026-10-30"""
    fields, _ = certificate(text, DocumentKind.CERTIDAO_AT)
    assert fields["holder_name"] == "Beatriz Helena Sampaio Moura"


def test_a_holder_after_the_long_preamble_on_one_line_is_read() -> None:
    sentence = (
        "Certifica-se, face aos elementos disponíveis no sistema informático da Autoridade Tributária e Aduaneira, "
        "que BEATRIZ HELENA SAMPAIO MOURA, contribuinte n.º 313 439 222, tem a situação tributária regularizada."
    )
    text = f"AUTORIDADE TRIBUTÁRIA E ADUANEIRA\nCERTIDÃO\n{sentence}\nData de emissão 2026-10-30"
    fields, _ = certificate(text, DocumentKind.CERTIDAO_AT)
    assert fields["holder_name"] == "Beatriz Helena Sampaio Moura"


def test_guard_que_on_a_line_after_a_sentence_that_ended_introduces_no_holder() -> None:
    text = """AUTORIDADE TRIBUTÁRIA E ADUANEIRA
CERTIDÃO
Certifica-se a situação tributária regularizada do sujeito passivo abaixo.
que Contém Anexos Vários
Data de emissão 2026-10-30"""
    fields, warnings = certificate(text, DocumentKind.CERTIDAO_AT)
    assert "holder_name" not in fields
    assert "missing:holder_name" in warnings


# --- F. A validation code whose caption wraps -------------------------------------------------------------------------

DECLARACAO_SS = """SEGURANÇA SOCIAL
DECLARAÇÃO DE SITUAÇÃO CONTRIBUTIVA
Para os devidos efeitos, declara-se que Nuno Filipe Carvalho Dias, NISS 12093184756, NIF
150041080, tem a situação contributiva regularizada perante a Segurança Social.
Lisboa, 17-09-2026
Pode confirmar a autenticidade desta declaração em www.seg-social.pt, utilizando o
código {code}."""


def test_a_code_after_its_wrapped_sentence_on_the_line_of_codigo_is_read() -> None:
    fields, _ = certificate(DECLARACAO_SS.format(code="5820417739164302"), DocumentKind.DECLARACAO_SS)
    assert fields["validation_code"] == "5820417739164302"


def test_a_ten_digit_code_after_its_wrapped_sentence_is_read() -> None:
    fields, _ = certificate(DECLARACAO_SS.format(code="4417702938"), DocumentKind.DECLARACAO_SS)
    assert fields["validation_code"] == "4417702938"


def test_guard_a_postcode_after_a_wrapped_sentence_is_no_code() -> None:
    text = DECLARACAO_SS.format(code="X").replace(
        "utilizando o\ncódigo X.", "utilizando o\ncódigo postal 1000-001 Lisboa."
    )
    fields, _ = certificate(text, DocumentKind.DECLARACAO_SS)
    assert "validation_code" not in fields


# --- G. A sentence's words are no name --------------------------------------------------------------------------------


def test_the_declaring_sentence_is_not_read_as_the_holders_name_when_ocr_lost_the_name_row() -> None:
    text = """SEGURANÇA SOCIAL
Instituto da Segurança Social, I.P.
DECLARAÇÃO
Eee
Declara-se, para os devidos efeitos, que à entidade acima identificada tem à situação contributiva regularizada
perante a Segurança Social.
Data de emissão 03/11/2026
Código de validação 6605218843"""
    fields, warnings = certificate(text, DocumentKind.DECLARACAO_SS)
    assert "holder_name" not in fields
    assert "missing:holder_name" in warnings


def test_guard_the_name_row_above_the_same_sentence_is_read() -> None:
    text = """SEGURANÇA SOCIAL
DECLARAÇÃO
Nome RUI PEDRO VASCONCELOS LIMA
NIF 123465842
Declara-se, para os devidos efeitos, que a entidade acima identificada tem a situação contributiva regularizada
perante a Segurança Social.
Data de emissão 03/11/2026"""
    fields, _ = certificate(text, DocumentKind.DECLARACAO_SS)
    assert fields["holder_name"] == "Rui Pedro Vasconcelos Lima"


# --- H, the wrapped description, I. Declarações de início and de alterações de atividade ----------------------------

ACTIVITY = """Autoridade Tributária e Aduaneira
Portal das Finanças
{title}
IRS / IVA — Comprovativo de entrega
Identificação da declaração 448120397
1 - IDENTIFICAÇÃO DO SUJEITO PASSIVO
NIF 181 967 650
Nome Inês Carolina Batista Moreira
2 - DATAS
{dates}
3 - ATIVIDADE EXERCIDA
{activity}
4 - ENQUADRAMENTO
Regime de IRS Regime simplificado
Emitido em 2026-10-12"""
START = "Data de início de atividade 2020-06-15"
START_TITLE = "DECLARAÇÃO DE INÍCIO DE ATIVIDADE"


def test_a_cae_captioned_with_its_revision_is_read() -> None:
    activity = "CAE principal (Rev. 3) 62010 - Atividades de programação informática"
    kind, fields, _ = read(ACTIVITY.format(title=START_TITLE, dates=START, activity=activity))
    assert kind == DocumentKind.DECLARACAO_INICIO_ATIVIDADE
    assert fields["activity_code"] == "62010"
    assert fields["activity_description"] == "Atividades de programação informática"


def test_an_activity_description_wrapped_in_its_column_is_read_whole() -> None:
    activity = "Código atividade (art. 151.º CIRS) 1332 - Outros técnicos de\nengenharia"
    _, fields, _ = read(ACTIVITY.format(title=START_TITLE, dates=START, activity=activity))
    assert fields["activity_code"] == "1332"
    assert fields["activity_description"] == "Outros técnicos de engenharia"


def test_guard_the_next_rows_caption_is_no_part_of_the_description() -> None:
    activity = "Código atividade (art. 151.º CIRS) 1519 - Outros prestadores de serviços"
    _, fields, _ = read(ACTIVITY.format(title=START_TITLE, dates=START, activity=activity))
    assert fields["activity_description"] == "Outros prestadores de serviços"


def test_the_main_cae_is_read_before_a_secondary_one_printed_above_it() -> None:
    activity = "CAE secundário 43210 - Instalação elétrica\nCAE principal 71120 - Atividades de engenharia"
    _, fields, _ = read(ACTIVITY.format(title=START_TITLE, dates=START, activity=activity))
    assert fields["activity_code"] == "71120"


def test_the_cae_is_read_before_the_irs_tables_code_printed_above_it() -> None:
    """Blind probe r56b: a layout printing the art. 151.º CIRS code first gave that code, another the CAE."""
    activity = (
        "Código de atividade (art. 151.º CIRS) 1519 - Outros prestadores de serviços\n"
        "CAE principal 86906 - Outras atividades de saúde humana"
    )
    _, fields, _ = read(ACTIVITY.format(title=START_TITLE, dates=START, activity=activity))
    assert fields["activity_code"] == "86906"
    assert fields["activity_description"] == "Outras atividades de saúde humana"
    # A secondary CAE still gives way to the main activity's IRS code.
    activity = "CAE secundário 43210 - Instalação elétrica\nCódigo atividade (art. 151.º CIRS) 2010 - Designers"
    _, fields, _ = read(ACTIVITY.format(title=START_TITLE, dates=START, activity=activity))
    assert fields["activity_code"] == "2010"


ALTERATIONS_TITLE = "DECLARAÇÃO DE ALTERAÇÕES DE ATIVIDADE"
ALTERATION_CODE = "Código atividade (art. 151.º CIRS) 2010 - Designers"


def test_a_declaration_of_changes_of_activity_is_read_with_the_start_printed_as_such() -> None:
    dates = "Data de início de atividade 2020-06-15\nData da alteração 2025-02-03"
    kind, fields, _ = read(ACTIVITY.format(title=ALTERATIONS_TITLE, dates=dates, activity=ALTERATION_CODE))
    assert kind == DocumentKind.DECLARACAO_INICIO_ATIVIDADE
    assert fields["start_date"] == dt.date(2020, 6, 15)
    assert fields["taxpayer_nif"] == "181967650"
    assert fields["activity_code"] == "2010"


def activity_start(dates: str) -> object:
    text = ACTIVITY.format(title=ALTERATIONS_TITLE, dates=dates, activity=ALTERATION_CODE)
    return parse_activity_start([Line(line, 0.95) for line in text.splitlines()]).fields.get("start_date")


def test_the_date_of_a_change_is_never_the_activitys_start() -> None:
    assert activity_start("Data de início da alteração 2025-02-03\nData de produção de efeitos 2025-02-03") is None


def test_the_date_below_a_bare_start_caption_is_not_another_captions() -> None:
    assert activity_start("Data de início de atividade\nData da alteração 2025-02-03") is None


def test_guard_the_date_below_a_bare_start_caption_is_the_start() -> None:
    assert activity_start("Data de início de atividade\n2020-06-15\nData da alteração 2025-02-03") == dt.date(
        2020, 6, 15
    )


def test_guard_a_declaration_of_cessation_of_activity_stays_refused() -> None:
    dates = "Data de início de atividade 2020-06-15\nData de cessação 2025-02-03"
    kind, _, _ = read(
        ACTIVITY.format(title="DECLARAÇÃO DE CESSAÇÃO DE ATIVIDADE", dates=dates, activity=ALTERATION_CODE)
    )
    assert kind == DocumentKind.UNKNOWN
