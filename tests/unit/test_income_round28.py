"""Proofs of income the blind probe of round 28 misread: an employment contract read as a passport because its
sentence names the worker's passport, an employer's declaration on a letterhead whose two lines OCR joined to
the column beside them (the name's second line read as the whole name), a Dutch pension statement (the next
caption read into the name, the gross "Bruto AOW-pensioen" not read), and a fatura-recibo's acquirer whose
name holds the article "O" (dropped with the comma). The texts are shaped as the reader hands them over, with
names and numbers of their own."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from documents.extraction.parsers.classify import classify
from documents.extraction.schema import DocumentKind
from tests.helpers import read_text

TODAY = dt.date(2026, 12, 3)


def read(text: str) -> tuple[DocumentKind, dict[str, object], list[str]]:
    return read_text(text, document_type="PROOF_OF_INCOME", today=TODAY)  # type: ignore[no-any-return]


# An identity document named inside a contract's sentence.

CONTRACT = """CONTRATO DE TRABALHO A TERMO INCERTO
PRIMEIRO OUTORGANTE: Padaria Estrela do Norte, Lda., NIPC 508739152, adiante designada por Empregadora;
SEGUNDO OUTORGANTE: Joaquín Andrés Pereyra Lugo, NIF 291603840, de nacionalidade uruguaia, titular do
{document} n.º {number}, adiante designado por Trabalhador.
Retribuição base mensal ilíquida: 905,00 €."""


@pytest.mark.parametrize(
    ("document", "number"),
    [
        ("passaporte", "C1458273"),
        ("Passaporte", "C1458273"),
        ("cartão de cidadão", "14582736 0 ZY4"),
        ("título de residência", "P08831452"),
    ],
)
def test_a_contract_naming_an_identity_document_in_its_sentence_is_not_that_document(
    document: str, number: str
) -> None:
    """Round 28: the contract came back as PASSAPORTE, with the NIF, the passport's number and a nationality."""
    text = CONTRACT.format(document=document, number=number)
    assert classify(text) == DocumentKind.UNKNOWN


def test_a_document_named_after_the_line_break_of_its_sentence_is_still_a_mention() -> None:
    """The sentence wraps before the word: "titular do" / "passaporte n.º ..." (the probe's three lines)."""
    text = "SEGUNDA OUTORGANTE: Ana Lima, NIF 247156302, titular do\npassaporte n.º AB123456, adiante designada"
    assert classify(text) == DocumentKind.UNKNOWN


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("REPÚBLICA PORTUGUESA\nPASSAPORTE\nPASSPORT\nTipo / Type P", DocumentKind.PASSAPORTE),
        ("Passaporte n.º / Passport No.\nC1458273", DocumentKind.PASSAPORTE),
        # A passport's own sentence beside its title: the title counts.
        ("PASSAPORTE / PASSPORT\nEste passaporte é válido para todos os países", DocumentKind.PASSAPORTE),
        ("REPÚBLICA PORTUGUESA\nCARTÃO DE CIDADÃO\nCITIZEN CARD", DocumentKind.CARTAO_CIDADAO),
        (
            "TÍTULO DE RESIDÊNCIA\nRESIDENCE PERMIT\nTipo de título: Autorização de Residência",
            DocumentKind.TITULO_RESIDENCIA,
        ),
        ("BUNDESREPUBLIK DEUTSCHLAND\nPERSONALAUSWEIS\nIDENTITY CARD", DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO),
    ],
)
def test_an_identity_document_titled_as_itself_keeps_its_kind(text: str, kind: DocumentKind) -> None:
    """Guard (passes before and after the fix)."""
    assert classify(text) == kind


# An employer's declaration whose letterhead OCR read across into the column beside it.

DECLARATION = """Á A Parque Empresarial da Quinta Nova
ATLÂNTIDA FRIO 2415-015 Leiria : Tel. 244 000 000
Refrigeração e Climatização, S.A. NIPC 518304620 : Capital social 250.000 €
DECLARAÇÃO
Para os devidos efeitos, a Atlântida Frio - Refrigeração e Climatização, S.A., pessoa coletiva n.º 5183046
declara que Rui Miguel Lopes Cardoso, contribuinte n.º 273940589,
é seu trabalhador desde 2 de maio de 2023, com contrato de trabalho sem termo, auferindo a remuneração base
mensal ilíquida de 1.240,00 € (mil duzentos e quarenta euros), paga catorze vezes por ano.
Leiria, 12 de novembro de 2026
A Diretora de Recursos Humanos"""


def test_the_declaring_sentence_names_the_employer_whole_over_a_wrapped_letterhead() -> None:
    """Round 28: only the letterhead's second line ("Navegação e Logística, S.A.") was read as the name."""
    kind, fields, _ = read(DECLARATION)
    assert kind == DocumentKind.DECLARACAO_ENTIDADE_PATRONAL
    assert fields["employer_name"] == "Atlântida Frio - Refrigeração e Climatização, S.A."
    assert fields["employee_name"] == "Rui Miguel Lopes Cardoso"
    assert fields["monthly_gross_salary"] == Decimal("1240.00")


def test_a_declaring_sentence_without_a_dash_still_gives_the_name() -> None:
    """Guard (passes before and after the fix): the sentence on one line before its verb."""
    text = DECLARATION.replace("Atlântida Frio - Refrigeração", "Atlântida Frio Refrigeração").replace(
        "n.º 5183046\ndeclara", "n.º 518304620, declara"
    )
    _, fields, _ = read(text)
    assert fields["employer_name"] == "Atlântida Frio Refrigeração e Climatização, S.A."


# A Dutch pension statement.

SVB = """SVB Sociale Verzekeringsbank
Postbus 1100 · 1180 BH Amstelveen · Nederland
De heer J.W. Dijkstra-Maes
Rua do Sol 12
8600-315 LAGOS
PORTUGAL
Datum
14 november 2026
Betaalspecificatie AOW-pensioen november 2026
Naam: Johanna Wilhelmina Dijkstra-Maes {caption} 03-02-1957 Burgerservicenummer: 2094.51.733
Bruto AOW-pensioen (alleenstaande, 100% opbouw) € 1.487,12
Loonheffing (woonland Portugal) € 0,00
Netto uitbetaald € 1.487,12"""


@pytest.mark.parametrize("caption", ["Geboortedatum:", "Date of birth:", "Data de nascimento:"])
def test_the_next_caption_on_the_name_line_ends_the_name(caption: str) -> None:
    """Round 28: "Marc Jean-Pierre Vandenberghe Geboortedatum" was read as the name."""
    kind, fields, _ = read(SVB.format(caption=caption))
    assert kind == DocumentKind.DECLARACAO_PENSAO
    assert fields["pensioner_name"] == "Johanna Wilhelmina Dijkstra-Maes"


def test_the_dutch_gross_with_the_scheme_joined_to_the_pension_is_read() -> None:
    """Round 28: "Bruto AOW-pensioen € 1.021,37" was withheld (missing:gross_monthly_amount)."""
    _, fields, warnings = read(SVB.format(caption="Geboortedatum:"))
    assert fields["gross_monthly_amount"] == Decimal("1487.12")
    assert fields["net_monthly_amount"] == Decimal("1487.12")
    assert "missing:gross_monthly_amount" not in warnings


def test_a_name_with_no_caption_after_it_is_read_whole() -> None:
    """Guard (passes before and after the fix)."""
    text = SVB.format(caption="").replace(" 03-02-1957 Burgerservicenummer: 2094.51.733", "")
    _, fields, _ = read(text)
    assert fields["pensioner_name"] == "Johanna Wilhelmina Dijkstra-Maes"


# A fatura-recibo's acquirer whose name holds an article.


def fatura_recibo(acquirer: str) -> str:
    return f"""FATURA-RECIBO N.º FR ATSIRE01FR/7
Original
Prestador de serviços
Inês Carolina Azevedo Brandão
NIF 247156302
Atividade: 1332 - Designers
Adquirente
{acquirer}
NIF 508739152
Portugal
Data de emissão: 10-11-2026 Meio: Transferência bancária
Descrição Valor
Cartaz do festival de outono 300,00
Valor Base 300,00 €
IVA (0%) 0,00 €
Retenção na fonte de IRS (23%) 69,00 €
Importância recebida 231,00 €
IVA - regime de isenção (art. 53.º do CIVA)"""


@pytest.mark.parametrize(
    "acquirer",
    [
        "Cooperativa Cultural O Mocho Azul, CRL",
        "Associação A Lanterna do Bairro",
        "Cooperativa cultural O Mocho Azul, CRL",
    ],
)
def test_a_body_acquirer_keeps_the_article_in_its_name(acquirer: str) -> None:
    """Round 28: "Cooperativa Cultural O Gato Preto, CRL" read "Cooperativa cultural Gato Preto CRL"."""
    kind, fields, _ = read(fatura_recibo(acquirer))
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["acquirer_name"] == acquirer


def test_a_speck_in_a_person_s_name_is_still_dropped() -> None:
    """Guard (passes before and after the fix): a lone letter in a person's name is a speck, not an article."""
    _, fields, _ = read(fatura_recibo("Rita O Sampaio Gomes"))
    assert fields["acquirer_name"] == "Rita Sampaio Gomes"


# Side-by-side boxes of the issuer and the acquirer, their names read across as one line.

SIDE_BY_SIDE = """Portal das Finanças
FATURA-RECIBO
N.º FR ATSIRE01FR/9
Prestador de serviços Adquirente
{names}
NIF: 247156302 NIF: 508739152
Atividade: 1332 - Designers País: PORTUGAL
Data de emissão
05-11-2026
Descrição Valor
Logótipo e estacionário 600,00
Valor base 600,00
IVA à taxa normal (23%) 138,00
Retenção na fonte de IRS (23%) 138,00
Importância recebida 600,00"""


def test_side_by_side_names_part_at_the_gap_the_reading_kept() -> None:
    """A person's name beside a company's has no word that tells where it ends (round 28's o01: both names
    missing); the gap between the boxes, when the reading keeps it, does."""
    text = SIDE_BY_SIDE.format(names="Inês Carolina Azevedo Brandão    Lume Norte - Estúdio Gráfico, Lda.")
    kind, fields, _ = read(text)
    assert kind == DocumentKind.FATURA_RECIBO
    assert fields["issuer_name"] == "Inês Carolina Azevedo Brandão"
    assert fields["acquirer_name"] == "Lume Norte - Estúdio Gráfico, Lda."
    assert (fields["issuer_nif"], fields["acquirer_nif"]) == ("247156302", "508739152")


def test_side_by_side_names_with_no_mark_of_their_end_are_left_unread() -> None:
    """Guard (passes before and after the fix): read across with one space, the line is not parted by a guess;
    the NIFs are still read."""
    text = SIDE_BY_SIDE.format(names="Inês Carolina Azevedo Brandão Lume Norte - Estúdio Gráfico, Lda.")
    _, fields, _ = read(text)
    assert fields.get("issuer_name") is None and fields.get("acquirer_name") is None
    assert (fields["issuer_nif"], fields["acquirer_nif"]) == ("247156302", "508739152")


def test_side_by_side_names_still_part_where_a_body_s_name_starts() -> None:
    """Guard (passes before and after the fix)."""
    text = SIDE_BY_SIDE.format(names="Inês Carolina Azevedo Brandão Associação Cultural do Bonfim")
    _, fields, _ = read(text)
    assert fields["issuer_name"] == "Inês Carolina Azevedo Brandão"
    assert fields["acquirer_name"] == "Associação Cultural do Bonfim"
