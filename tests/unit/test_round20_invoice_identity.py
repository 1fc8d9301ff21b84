"""A fatura-recibo and a Cartão de Cidadão the blind probe of round 20 found read wrong: a Portal das Finanças
document shown in a browser gave the issuer's name from the address bar ("...PortalEmitente.action?idDocumento=..."
read as the "Emitente" label and "action idDocumento" as the name); a Cartão de Cidadão's front and back photocopied
side by side on one page, read by OCR across both, lost its names to the back's captions and its parents' names on
the same rows, its nationality to a caption misread "NAGONALIDADE", and was said to show its front only though the
back's MRZ was on the page. The texts are shaped as the reader hands them over, with names and numbers of their own."""

from __future__ import annotations

import datetime as dt

import pytest

from documents.extraction.parsers.identity import parse_identity
from documents.extraction.reader import Line
from documents.extraction.schema import DocumentKind
from samples.identity import td1
from tests.helpers import read_text

# --- 1. A browser's address bar over a fatura-recibo ---------------------------------------------------------------


def portal_page(address: str) -> str:
    return f"""Portal das Finanças - Consultar documento
{address}
Consultar Fatura-Recibo
FATURA-RECIBO N.º FR ATSIRE01FR/12
Data de Emissão: 2026-05-29 Estado: Emitido
Prestador de Serviços
Nome: Teodoro Vasconcelos Pimentel
NIF: 118625276
Atividade: 1332 - Tradutores
Adquirente
Nome: Gráfica Ribeirinha, Lda.
NIF: 514126906
Valor Base 900,00 €
IVA 0,00 €
IRS - Retenção na fonte (25%) 225,00 €
Importância recebida 675,00 €"""


@pytest.mark.parametrize(
    "address",
    [
        "https://faturas.portaldasfinancas.gov.pt/consultarDocumentoPortalEmitente.action?idDocumento=4471902",
        "faturas.portaldasfinancas.gov.pt/consultarDocumentoPortalEmitente.action?idDocumento=4471902",
        "www.portaldasfinancas.gov.pt/pt/emitente/documento?id=4471902",
    ],
)
def test_a_browsers_address_bar_names_no_issuer(address: str) -> None:
    """Round 20: the address's "...PortalEmitente.action?idDocumento=..." read as the issuer's label gave the issuer
    "action idDocumento"; the issuer is under its caption in the document."""
    _, fields, _ = read_text(portal_page(address), document_type="PROOF_OF_INCOME", today=dt.date(2026, 12, 3))
    assert fields["issuer_name"] == "Teodoro Vasconcelos Pimentel"
    assert fields["issuer_nif"] == "118625276"
    assert fields["acquirer_name"] == "Gráfica Ribeirinha, Lda."
    assert fields["amount_received"] == 675


# --- 2. A Cartão de Cidadão's front and back side by side, read across -------------------------------------------


def parse_cc(lines: list[str]) -> tuple[dict[str, object], list[str]]:
    parsed = parse_identity([Line(text, 0.9) for text in lines], DocumentKind.CARTAO_CIDADAO)
    return parsed.fields, parsed.warnings


def test_the_backs_captions_on_a_name_captions_row_are_no_name() -> None:
    """Round 20: the back's "NISS / SOCIAL SECURITY NO" and "N.º UTENTE DE SAÚDE / HEALTH NO", in capitals after the
    front's name captions on their rows, were read as the names ("Health No")."""
    fields, _ = parse_cc(
        [
            "APELIDO(S) / SURNAME NISS / SOCIAL SECURITY NO",
            "VASCONCELOS PIMENTEL 11987654321",
            "NOME(S) / GIVEN NAMES N.º UTENTE DE SAÚDE / HEALTH NO",
            "INÊS CAROLINA 198765432",
            "SEXO / SEX ALTURA / HEIGHT NACIONALIDADE",
            "F 1,70 PRT",
        ]
    )
    assert fields["surname"] == "Vasconcelos Pimentel"
    assert fields["given_names"] == "Inês Carolina"


def test_the_parents_names_read_after_the_holders_are_left_out() -> None:
    """Round 20: the back's parents' names ("Filiação / Parents"), in mixed case on the rows of the holder's names
    in capitals, made the names no name at all: both were missing."""
    fields, _ = parse_cc(
        [
            "APELIDO(S) / SURNAME FILIAÇÃO / PARENTS",
            "VASCONCELOS PIMENTEL Joaquim Pedro Pimentel",
            "NOME(S) / GIVEN NAMES",
            "INÊS CAROLINA Rosa Maria da Silva",
        ]
    )
    assert fields["surname"] == "Vasconcelos Pimentel"
    assert fields["given_names"] == "Inês Carolina"
    assert fields["full_name"] == "Inês Carolina Vasconcelos Pimentel"


def test_a_nationality_caption_ocr_misread_with_a_g_still_finds_its_value() -> None:
    """Round 20: "NACIONALIDADE" read "NAGONALIDADE" on a scan left the nationality missing."""
    fields, _ = parse_cc(["SEXO / SEX ALTURA / HEIGHT NAGONALIDADE", "F 1,70 PRT"])
    assert fields["nationality"] == "PRT"


def test_a_card_whose_backs_mrz_is_printed_beside_the_front_is_both_sides() -> None:
    """Round 20: the back's MRZ on the page, its first line misread and the front's last row read between it and
    the others (the two sides read across), so that no MRZ was read: the card was said to show its front only."""
    fields, _ = parse_cc(
        [
            "APELIDO(S) / SURNAME",
            "VASCONCELOS PIMENTEL",
            "DATA DE NASCIMENTO / DATE OF BIRTH",
            "03 02 1991",
            "o Pe om iaoe I<PRT1198765<<c<ea<<<",
            "11987654 3 ZZ1 22 05 2031",
            "9102035F3105227PRT<<<<<<<<<<<4",
            "VASCONCELOS<PIMENTEL<<INES<CA",
        ]
    )
    assert fields["side"] == "both"


def test_a_cards_front_captioned_in_its_own_language_is_still_a_front() -> None:
    """Round 20: a French card, front and back in one scan, its caption "NOM / Surname" read "NOM Surmame": only
    the Portuguese and English captions told a front, and the card was said to show its back only."""
    mrz = td1(code="ID", state="FRA", number="K7PLM2QX5", birth=dt.date(1993, 4, 2), sex="F",
              expiry=dt.date(2032, 7, 1), nationality="FRA", surname="MOREAU", given="ELODIE")  # fmt: skip
    lines = ["NOM Surmame", "MOREAU", "PRÉNOMS", "ÉLODIE", *mrz]
    parsed = parse_identity([Line(text, 0.9) for text in lines], DocumentKind.CARTAO_IDENTIDADE_ESTRANGEIRO)
    assert parsed.fields["mrz_valid"] is True
    assert parsed.fields["side"] == "both"


def test_a_name_typed_in_mixed_case_is_kept_whole() -> None:
    """The guard (passes before and after the fix): a text layer's name in mixed case from its first word ("Maria da
    Costa e Silva") is no name in capitals followed by another column."""
    parsed = parse_identity(
        [Line("Apelido(s) / Surname"), Line("da Costa e Silva"), Line("Nome(s) / Given names"), Line("Maria Inês")],
        DocumentKind.CARTAO_CIDADAO,
    )
    assert parsed.fields["given_names"] == "Maria Inês"
    assert parsed.fields["surname"] == "da Costa e Silva"


def test_a_back_captions_number_sign_goes_with_it() -> None:
    """Round 19's front and back in one photo read "RODRIGUES ESTEVÃO PINHEIRO N.º UTENTE DE SAUDE / ...": the
    surname kept "N.º", was refused as a name, and "National" was taken instead."""
    from documents.extraction.parsers.identity import front_side_only

    row = "RODRIGUES ESTEVÃO PINHEIRO N.º UTENTE DE SAUDE / NATIONAL HEALTH USER No."
    assert front_side_only(row) == "RODRIGUES ESTEVÃO PINHEIRO"


def test_a_back_captions_english_half_is_no_name() -> None:
    """The same row split at its slash: "NATIONAL HEALTH USER No." was cut to "NATIONAL" and taken as the surname."""
    from documents.extraction.parsers.identity import front_side_only

    assert front_side_only("NATIONAL HEALTH USER No.").strip() == ""
    assert front_side_only("SOCIAL SECURITY No. 12093847561").strip() == ""
