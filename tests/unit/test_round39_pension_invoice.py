"""Clean-page layout bugs of blind probe r39a in letters and receipts: a letter's reference ("N/ Ref.ª" and nine
digits that pass a NIF's check digit) read as the pensioner's NIF over "contribuinte n.º ..." in the body (and, in
the same way, a process's number as an employer's or a taxpayer's NIF); an accountant's fatura-recibo whose address
window ("Exmo.(s) Sr.(s)" / name / address / "NIF:") stands beside the title and number, read across as one line
each, its client never read. Texts and boxes of our own, in the probe's layout families."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from documents.extraction.parsers import classify, parse_document
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind, fields_validate
from documents.extraction.validation import parsed_revalidate
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 10)

# Nine digits whose check digit holds, personal (1, 2) or a company's (5).
PENSIONER = "196030820"
REFERENCE = "252601815"  # a letter's reference that happens to pass the check
OTHER = "259083011"
COMPANY = "518190935"


def read(text: str) -> tuple[Any, dict[str, Any], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)


def read_lines(lines: list[Line]) -> tuple[Any, dict[str, Any], list[str]]:
    """Lines as OCR gives them (with their words' boxes), read as ``read_text`` reads a text."""
    kind = classify("\n".join(line.text for line in lines))
    parsed = parse_document(kind, lines)
    fields = fields_validate(kind, parsed.fields)
    checked = parsed_revalidate(kind, fields, parsed, document_type="PROOF_OF_INCOME", today=TODAY)
    return kind, fields, [*parsed.warnings, *checked]


# A letter's glyph is about 11 px wide, its line 24 px high.
LETTER = 11
HEIGHT = 24


def row(top: int, *cells: tuple[int, str]) -> Line:
    """A line OCR read across the page: each cell's words from its left edge, their boxes as OCR gives them."""
    words: list[str] = []
    boxes: list[tuple[int, int, int, int]] = []
    for left, text in cells:
        for word in re.finditer(r"\S+", text):
            words.append(word.group())
            boxes.append((left + word.start() * LETTER, top, len(word.group()) * LETTER, HEIGHT))
    return Line(" ".join(words), 0.95, word_boxes=boxes)


# --- 1. A pension letter's reference is not the pensioner's NIF ---------------------------------------------------

SS_LETTER = f"""SEGURANÇA SOCIAL
Instituto da Segurança Social, I.P.
Centro Nacional de Pensões
Exmo. Senhor
Joaquim Albano Teixeira Lobo
Rua do Souto, 41
4700-329 Braga
Lisboa, 3 de novembro de 2026 N/ Ref.ª {REFERENCE}
Assunto: Declaração de pensão
Declara-se, para os devidos efeitos, que Joaquim Albano Teixeira Lobo,
contribuinte n.º {PENSIONER}, beneficiário n.º 11234567890,
é pensionista de invalidez deste Centro Nacional de Pensões,
auferindo em novembro de 2026 as prestações abaixo discriminadas.
Prestação Valor mensal
Pensão de invalidez (valor ilíquido) 1.204,60 €
Retenção na fonte de IRS 98,15 €
Total de descontos 98,15 €
Valor líquido 1.106,45 €
A pensão é paga 14 vezes por ano."""


@pytest.mark.parametrize(
    "caption",
    [
        "N/ Ref.ª",
        "N/ Ref.”",  # the ª as OCR reads it
        "N/ Ref.2",
        "V/ Ref.",
        "Referência:",
        "N/ Referência",
        "Processo n.º",
        "N.º de processo:",
        "Proc.",
    ],
)
def test_a_letter_s_reference_is_not_the_pensioner_s_nif(caption: str) -> None:
    """Blind probe r39a (31_pension_ss): "N/ Ref.ª 243722583" passed the check digit and was taken for the NIF."""
    kind, fields, _ = read(SS_LETTER.replace("N/ Ref.ª", caption))
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_nif"] == PENSIONER


def test_a_reference_spaced_in_threes_is_no_nif_either() -> None:
    _, fields, _ = read(SS_LETTER.replace(f"N/ Ref.ª {REFERENCE}", "Processo n.º 252 601 815"))
    assert fields["pensioner_nif"] == PENSIONER


def test_a_letter_with_its_reference_and_no_nif_gives_none() -> None:
    text = SS_LETTER.replace(f"contribuinte n.º {PENSIONER}, ", "")
    kind, fields, _ = read(text)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields.get("pensioner_nif") is None


def test_a_nif_under_its_caption_beside_a_reference_is_read() -> None:
    """Guard: the NIF on the reference's line, under its own caption, is still the pensioner's."""
    text = SS_LETTER.replace(f"N/ Ref.ª {REFERENCE}", f"N/ Ref.ª 2026/0418 · NIF {PENSIONER}").replace(
        f"contribuinte n.º {PENSIONER}, ", ""
    )
    _, fields, _ = read(text)
    assert fields["pensioner_nif"] == PENSIONER


def test_a_nif_in_a_caption_row_beside_a_reference_column_is_read() -> None:
    """Guard: "Referência   NIF" over "2026/0418   <nif>": the NIF's column, under its caption."""
    text = SS_LETTER.replace(f"N/ Ref.ª {REFERENCE}", f"Referência NIF\n2026/0418 {PENSIONER}").replace(
        f"contribuinte n.º {PENSIONER}, ", ""
    )
    _, fields, _ = read(text)
    assert fields["pensioner_nif"] == PENSIONER


def test_a_nif_with_no_caption_is_still_read_past_a_reference() -> None:
    """Guard: a bare NIF is read when nothing captions one; the reference still is not."""
    text = SS_LETTER.replace(f"contribuinte n.º {PENSIONER}, ", "").replace(
        "Joaquim Albano Teixeira Lobo\nRua", f"Joaquim Albano Teixeira Lobo\n{PENSIONER}\nRua"
    )
    _, fields, _ = read(text)
    assert fields["pensioner_nif"] == PENSIONER


def test_a_nif_under_its_caption_wins_over_an_earlier_bare_number() -> None:
    """A number with no caption printed before (a phone line, an account) is no NIF where a NIF's caption
    names one."""
    text = SS_LETTER.replace("Centro Nacional de Pensões\nExmo", f"Centro Nacional de Pensões\nLinha {OTHER}\nExmo")
    _, fields, _ = read(text)
    assert fields["pensioner_nif"] == PENSIONER


def test_a_nif_on_the_line_under_its_caption_wins_too() -> None:
    text = SS_LETTER.replace(f"contribuinte n.º {PENSIONER}, ", "").replace(
        "Centro Nacional de Pensões\nExmo", f"Centro Nacional de Pensões\nLinha {OTHER}\nExmo"
    )
    text = text.replace("A pensão é paga", f"Número de identificação fiscal\n{PENSIONER}\nA pensão é paga")
    _, fields, _ = read(text)
    assert fields["pensioner_nif"] == PENSIONER


CGA_LETTER = f"""CAIXA GERAL DE APOSENTAÇÕES, I.P.
Av. 5 de Outubro, 175 - 1069-451 Lisboa
Exma. Senhora
Rosa Maria Queirós Pinto
Lisboa, 2 de outubro de 2026 V/ Ref. {REFERENCE}
Assunto: Declaração de pensão de aposentação
Declara-se, para os devidos efeitos, que Rosa Maria Queirós Pinto,
contribuinte n.º {PENSIONER}, subscritor n.º 281734,
é aposentada desta Caixa Geral de Aposentações.
Pensão de aposentação (valor ilíquido) 2.104,50 €
Retenção na fonte de IRS 301,20 €
Desconto ADSE (3,5%) 73,66 €
Total de descontos 374,86 €
Valor líquido 1.729,64 €
A pensão é paga 14 vezes por ano."""


def test_a_cga_letter_s_reference_is_not_the_nif() -> None:
    kind, fields, _ = read(CGA_LETTER)
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_nif"] == PENSIONER


# --- 1b. The same in an employer's declaration and a nota de liquidação -------------------------------------------

DECLARATION = f"""Transportes Rodoviários Vale do Sousa, Lda.
Rua da Estação, 12, 4585-116 Paredes
N/ Ref.ª {REFERENCE}
DECLARAÇÃO
Transportes Rodoviários Vale do Sousa, Lda., pessoa coletiva n.º {COMPANY}, declara, para os devidos efeitos,
que Hélder Filipe Moura Sampaio, contribuinte n.º {PENSIONER}, é seu trabalhador desde 4 de março de 2019,
com a categoria profissional de Motorista, ao abrigo de contrato de trabalho sem termo,
auferindo a remuneração base mensal ilíquida de 1.310,00 € (catorze vezes por ano).
Paredes, 12 de novembro de 2026
A Gerência"""


def test_a_declaration_s_reference_is_not_the_employer_s_nif() -> None:
    """The reference stands in the letterhead, before the sentence: it was given as the employer's NIF."""
    kind, fields, _ = read(DECLARATION)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employer_nif"] == COMPANY
    assert fields["employee_nif"] == PENSIONER


def test_a_declaration_s_process_number_is_nobody_s_nif() -> None:
    text = DECLARATION.replace("N/ Ref.ª", "Processo n.º").replace(f", pessoa coletiva n.º {COMPANY}", "")
    _, fields, _ = read(text)
    assert fields.get("employer_nif") is None
    assert fields["employee_nif"] == PENSIONER


def test_a_declaration_s_nipc_beside_a_reference_is_read() -> None:
    """Guard: the company's NIPC under its caption on the reference's line is the employer's."""
    text = DECLARATION.replace(f"N/ Ref.ª {REFERENCE}", f"N/ Ref.ª 2026/77 · NIPC {COMPANY}").replace(
        f", pessoa coletiva n.º {COMPANY}", ""
    )
    _, fields, _ = read(text)
    assert fields["employer_nif"] == COMPANY


NOTA = f"""AUTORIDADE TRIBUTÁRIA E ADUANEIRA IRS
DEMONSTRAÇÃO DE LIQUIDAÇÃO DE IRS
Ano dos rendimentos: 2025
N.º de processo {REFERENCE}
Nome Inês Carolina Vidal Pestana
NIF {PENSIONER}
Data da liquidação: 2026-05-19
01 Rendimento global 30.112,40
02 Deduções específicas 4.462,15
03 Rendimento coletável 25.650,25
04 Importância apurada 5.120,33
05 Coleta total 5.120,33
06 Deduções à coleta 1.010,00
07 Coleta líquida 4.110,33
08 Retenções na fonte 4.500,00
09 Pagamentos por conta 0,00
Valor a reembolsar 389,67 €"""


def test_a_nota_s_process_number_is_not_the_taxpayer_s_nif() -> None:
    kind, fields, _ = read(NOTA)
    assert kind == DocumentKind.NOTA_LIQUIDACAO
    assert fields["taxpayer_nif"] == PENSIONER


# --- 2. An accountant's fatura-recibo: the client in the address window beside the title --------------------------

ISSUER_NIF = "146281942"
CLIENT_NIF = "266131867"


def accountant_receipt(client: str, *, window_alone: bool = False, salutation: str = "Exmo.(s) Sr.(s)") -> list[Line]:
    """The letterhead, then the title and number on the left and the address window on the right, read across."""
    window = 1000
    head = [
        row(100, (150, "Vera Lúcia Sardinha Monteiro")),
        row(150, (150, "Designer gráfica")),
        row(190, (150, "Rua Mouzinho da Silveira, 88 · 4050-416 Porto")),
        row(230, (150, f"Contribuinte n.º {ISSUER_NIF}")),
    ]
    # With ``window_alone`` the window's salutation stands a little higher than the title: a line of its own.
    alone = [row(330, (window, salutation)), row(345, (150, "Fatura-Recibo"))]
    top = alone if window_alone else [row(340, (150, "Fatura-Recibo"), (window, salutation))]
    body = [
        row(390, (150, "N.º FR 2026/0031"), (window, client)),
        row(430, (150, "Data: 14/10/2026"), (window, "Rua Direita, 23")),
        row(455, (window, "4820-160 Fafe")),
        row(480, (150, "ATCUD: K8F3D2M1-31"), (window, f"NIF: {CLIENT_NIF}")),
        row(600, (150, "Descrição"), (1100, "Qtd."), (1300, "Preço Unit."), (1600, "Total")),
        row(650, (150, "Serviços de design gráfico"), (1100, "1"), (1300, "980,00"), (1600, "980,00")),
        row(750, (1200, "Total Ilíquido"), (1600, "980,00 EUR")),
        row(780, (1200, "IVA 23%"), (1600, "225,40 EUR")),
        row(810, (1200, "Retenção IRS (dispensa)"), (1600, "0,00 EUR")),
        row(840, (1200, "Total Recebido"), (1600, "1.205,40 EUR")),
        row(900, (150, "Pago por transferência bancária em 14/10/2026.")),
        row(930, (150, "Processado por programa certificado n.º 1234/AT")),
    ]
    return head + top + body


@pytest.mark.parametrize("client", ["Luísa Fernanda Quintela Barros", "Oficina Criativa Ponte Velha, Unipessoal Lda."])
def test_the_client_in_the_window_beside_the_title_is_read(client: str) -> None:
    """Blind probe r39a (28-30_fr_accountant): the name under "Exmo.(s) Sr.(s)" shared its line with the
    number ("N.º FR 2026/0016   Rita Filipa Pereira Barbosa") and was never read."""
    kind, fields, warnings = read_lines(accountant_receipt(client))
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["acquirer_name"] == client
    assert fields["acquirer_nif"] == CLIENT_NIF
    assert fields["issuer_name"] == "Vera Lúcia Sardinha Monteiro"
    assert fields["issuer_nif"] == ISSUER_NIF
    assert str(fields["amount_received"]) in ("1205.40", "1205.4")
    assert "arithmetic_mismatch" not in warnings


def test_the_client_under_a_salutation_on_a_line_of_its_own_is_read() -> None:
    """The salutation read alone (a little higher than the title), the lines under it still read across."""
    _, fields, _ = read_lines(accountant_receipt("Luísa Fernanda Quintela Barros", window_alone=True))
    assert fields["acquirer_name"] == "Luísa Fernanda Quintela Barros"


@pytest.mark.parametrize("salutation", ["Exmo) Srs)", "Exmo.(s) Srs", "Ex.mos Senhores"])
def test_what_is_left_of_a_broken_salutation_is_no_name(salutation: str) -> None:
    """A photo's read broke the salutation ("Exmo) Srs)": the label ends at "Exmo"), and its "Srs" was taken for the
    client (blind probe r39a, the photo of 28_fr_accountant)."""
    _, fields, _ = read_lines(accountant_receipt("Luísa Fernanda Quintela Barros", salutation=salutation))
    assert fields["acquirer_name"] == "Luísa Fernanda Quintela Barros"


def test_a_company_whose_name_opens_with_a_form_of_address_s_letters_is_still_a_name() -> None:
    """Guard: only a form of address alone is dropped."""
    _, fields, _ = read_lines(accountant_receipt("Dona Amélia Castro Pinheiro"))
    assert fields["acquirer_name"] == "Dona Amélia Castro Pinheiro"


def test_the_salutation_in_the_left_column_gives_the_left_name() -> None:
    """Guard: the window on the left, the title and number on the right: the name is the left column's."""
    lines = [
        row(100, (150, "Vera Lúcia Sardinha Monteiro")),
        row(140, (150, f"Contribuinte n.º {ISSUER_NIF}")),
        row(300, (150, "Exmo.(s) Sr.(s)"), (1200, "Fatura-Recibo")),
        row(340, (150, "Luísa Fernanda Quintela Barros"), (1200, "N.º FR 2026/0031")),
        row(380, (150, "Rua Direita, 23"), (1200, "Data: 14/10/2026")),
        row(420, (150, f"NIF: {CLIENT_NIF}")),
        row(600, (1200, "Total Ilíquido"), (1600, "980,00 EUR")),
        row(630, (1200, "IVA 23%"), (1600, "225,40 EUR")),
        row(660, (1200, "Total Recebido"), (1600, "1.205,40 EUR")),
    ]
    _, fields, _ = read_lines(lines)
    assert fields["acquirer_name"] == "Luísa Fernanda Quintela Barros"
    assert fields["acquirer_nif"] == CLIENT_NIF


def test_the_window_read_as_lines_of_its_own_still_gives_the_client() -> None:
    """Guard: the same receipt as a text (no boxes), the window's lines each on their own."""
    text = f"""Vera Lúcia Sardinha Monteiro
Designer gráfica
Contribuinte n.º {ISSUER_NIF}
Fatura-Recibo
N.º FR 2026/0031
Data: 14/10/2026
Exmo.(s) Sr.(s)
Luísa Fernanda Quintela Barros
Rua Direita, 23
NIF: {CLIENT_NIF}
Total Ilíquido 980,00 EUR
IVA 23% 225,40 EUR
Retenção IRS (dispensa) 0,00 EUR
Total Recebido 1.205,40 EUR"""
    _, fields, _ = read(text)
    assert fields["acquirer_name"] == "Luísa Fernanda Quintela Barros"
    assert fields["acquirer_nif"] == CLIENT_NIF
