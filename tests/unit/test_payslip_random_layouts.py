"""Payslips drawn by a generator of random layouts (doc probe, 2026-12-04 session): a company named by one word
over its NIF, Brazil's "S/A", and a logo OCR reads as marks or a letter before the letterhead's name."""

from __future__ import annotations

from decimal import Decimal

from documents.extraction.parsers import Parsed
from documents.extraction.parsers.payslip import logo_marks_dropped, parse_payslip
from documents.extraction.reader import Line

BODY = [
    "Recibo de vencimento",
    "Período: Outubro 2026",
    "Trabalhador: Andreia Samuel Matos",
    "NIF: 304882143",
    "Vencimento base 1.908,00",
    "Segurança Social 209,88",
    "IRS 171,72",
    "Total ilíquido 1.908,00",
    "Total descontos 381,60",
    "Líquido a receber 1.526,40",
]


def text_slip(*letterhead: str) -> dict[str, object]:
    return parse_payslip([Line(text) for text in [*letterhead, *BODY]]).fields


def ocr_line(*words: tuple[str, float]) -> Line:
    return Line(" ".join(word for word, _ in words), sum(c for _, c in words) / len(words), list(words))


def test_a_company_named_by_one_word_over_its_nif_is_the_employer() -> None:
    fields = text_slip("Paiva", "NIF 560219300", "Av. Benjamim Vicente, 479, 5091-621 Caldas da Rainha")
    assert fields["employer_name"] == "Paiva"
    assert fields["employer_nif"] == "560219300"
    assert text_slip("SOUSA-LOBO", "Contribuinte: 512253455")["employer_name"] == "Sousa-Lobo"


def test_a_word_over_the_nif_that_names_no_company_is_not_taken() -> None:
    assert "employer_name" not in text_slip("Original", "NIF 560219300")
    assert "employer_name" not in text_slip("Duplicado", "NIF 560219300")
    assert "employer_name" not in text_slip("Confidencial", "Contribuinte: 512253455")


def test_brazil_s_s_a_is_a_legal_form() -> None:
    assert text_slip("Cunha Freitas S/A", "Contribuinte: 529617188")["employer_name"] == "Cunha Freitas S/A"
    assert text_slip("Melo S/A", "NIF 573472718")["employer_name"] == "Melo S/A"


def test_a_logo_read_as_a_stroke_or_a_faint_letter_is_no_part_of_the_name() -> None:
    assert logo_marks_dropped(ocr_line(("E", 0.44), ("Castro", 0.96))).text == "Castro"
    assert logo_marks_dropped(ocr_line(("[|]", 0.73), ("Sousa", 0.96))).text == "Sousa"
    assert logo_marks_dropped(ocr_line(("|", 0.45), ("Paiva", 0.97))).text == "Paiva"
    assert logo_marks_dropped(ocr_line(("o]", 0.04), ("Clínica", 0.96), ("S.A.", 0.95))).text == "Clínica S.A."
    kept = logo_marks_dropped(ocr_line(("E", 0.43), ("Martins", 0.95), ("e", 0.9), ("Filhos", 0.96)))
    assert kept.text == "Martins e Filhos"
    assert kept.word_confidences == [("Martins", 0.95), ("e", 0.9), ("Filhos", 0.96)]


def test_a_letter_read_well_or_before_a_poorly_read_word_stays() -> None:
    # "A Padaria, Lda." read clearly: the article is the name's.
    assert logo_marks_dropped(ocr_line(("A", 0.93), ("Padaria,", 0.95), ("Lda.", 0.96))).text == "A Padaria, Lda."
    # Nothing read well after the letter: no printed word to tell the mark from.
    assert logo_marks_dropped(ocr_line(("E", 0.44), ("Castr0", 0.5))).text == "E Castr0"
    # A currency sign is no mark.
    assert logo_marks_dropped(ocr_line(("€", 0.5), ("1.234,56", 0.96))).text == "€ 1.234,56"
    # A text layer has no confidences, and nothing is dropped.
    assert logo_marks_dropped(Line("E Castro")).text == "E Castro"


def test_the_employer_behind_a_logo_is_read_on_a_scan() -> None:
    lines = [
        ocr_line(("E", 0.44), ("Castro", 0.96)),
        ocr_line(("Contribuinte:", 0.92), ("512253455", 0.96)),
        *(Line(text, 0.95, [(word, 0.95) for word in text.split()]) for text in BODY),
    ]
    assert parse_payslip(lines).fields["employer_name"] == "Castro"


def test_the_caption_n_i_p_c_is_no_public_institute_s_name() -> None:
    fields = text_slip("Hotelaria Lusitânia Lda", "3800-200 Aveiro", "N.I.P.C.: 571909191")
    assert fields["employer_name"] == "Hotelaria Lusitânia Lda"
    assert fields["employer_nif"] == "571909191"


def test_a_logo_s_initials_in_the_text_layer_are_no_part_of_the_name() -> None:
    assert text_slip("HL Hotelaria Lusitânia Lda", "NIF 571909191")["employer_name"] == "Hotelaria Lusitânia Lda"
    assert text_slip("HD Hotelaria do Mondego, S.A.", "NIF 571909191")["employer_name"] == "Hotelaria do Mondego, S.A."
    # On a line of their own over the name.
    own_line = text_slip("ME", "Metalomecânica Estrela do Norte, S.A.", "NIF: 519762010")
    assert own_line["employer_name"] == "Metalomecânica Estrela do Norte, S.A."


def test_an_acronym_that_is_part_of_the_registered_name_stays() -> None:
    # A dash between them: the acronym is the company's own ("EDP - Energias de Portugal, S.A.").
    assert text_slip("EDP - Energias de Portugal, S.A.", "NIF 503504564")["employer_name"] == (
        "EDP - Energias de Portugal, S.A."
    )
    # Capitals that are not the initials of the words after them.
    assert text_slip("TAP Air Portugal, S.A.", "NIF 500278725")["employer_name"] == "TAP Air Portugal, S.A."


def test_a_quantity_beside_an_amount_is_not_its_thousands_when_the_totals_sit_under_their_captions() -> None:
    lines = [
        "Hotelaria Lusitânia Lda",
        "NIF: 571909191",
        "RECIBO DE VENCIMENTO",
        "Nome: Vânia Inês Gomes Caldeira",
        "NIF: 185587577",
        "Mês de referência: Setembro de 2026",
        "Cód. Descrição Qtd. Abonos Descontos",
        "R01 Vencimento base 920,00 EUR",
        "R20 Subs. refeição 19 144,97 EUR",
        "D01 Contrib. Segurança Social 101,20 EUR",
        "D02 Retenção na fonte IRS 6.2% 57,24 EUR",
        "Remuneração bruta Total de descontos Valor a pagar",
        "1064,97 158,44 906,53",
    ]
    parsed = parse_payslip([Line(text) for text in lines])
    assert parsed.fields["gross_pay"] == Decimal("1064.97")
    assert parsed.fields["net_pay"] == Decimal("906.53")
    assert "arithmetic_mismatch" not in parsed.warnings


def test_the_surname_sa_is_no_legal_form() -> None:
    lines = [
        "N.º mecanográfico: 102",
        "Trabalhador João Simão Estêvão Sá",
        "NIF: 249652013",
        "Processamento 01-11-2026 a 30-11-2026",
        "Clínica Dentária Ribeirinha S.A.",
        "Largo do Rossio, 148 · 4000-322 Porto",
        "Contribuinte n.º 584825226",
        *(text for text in BODY if not text.startswith(("Trabalhador", "NIF"))),
    ]
    fields = parse_payslip([Line(text) for text in lines]).fields
    assert fields["employer_name"] == "Clínica Dentária Ribeirinha S.A."
    # A company's form written without dots is one all the same.
    assert text_slip("Sonae MC SA", "NIF 501532927")["employer_name"] == "Sonae MC SA"


def slip_of(rows: list[str]) -> Parsed:
    head = ["Engenharia Marquês Unipessoal Lda.", "NIF 568282795", "Recibo de Vencimento", "Nome: Ana Sequeira"]
    return parse_payslip([Line(text) for text in [*head, "Referente a: 01-09-2026 a 30-09-2026", *rows]])


def test_each_row_beside_a_quantity_is_read_the_way_that_makes_the_printed_total() -> None:
    parsed = slip_of(
        [
            "Cód. Descrição Qtd. Abonos Descontos",
            "001 Vencimento base 30 2 875,50 €",
            "010 Subsídio de alimentação (numerário) 22 132,00 €",
            "101 TSU 316,31 €",
            "102 IRS 388,19 €",
            "110 Quotização sindical 8,50 €",
            "Total remunerações Soma descontos Líquido",
            "3 007,50 € 713,00 € 2 294,50 €",
        ]
    )
    assert parsed.fields["base_salary"] == Decimal("2875.50")
    assert parsed.fields["gross_pay"] == Decimal("3007.50")
    assert parsed.fields["net_pay"] == Decimal("2294.50")
    assert "arithmetic_mismatch" not in parsed.warnings


def test_a_minus_before_the_euro_sign_makes_an_absence_negative() -> None:
    parsed = slip_of(
        [
            "Cód. Descrição Qtd. Abonos Descontos",
            "001 Vencimento base 30 € 1.240,00",
            "090 Faltas injustificadas 1d -€ 41,33",
            "101 Segurança Social € 131,85",
            "102 Ret. na fonte € 161,82",
            "Total ilíquido Soma descontos Valor a pagar",
            "€ 1.198,67 € 293,67 € 905,00",
        ]
    )
    assert parsed.fields["base_salary"] == Decimal("1240.00")
    assert parsed.fields["gross_pay"] == Decimal("1198.67")
    assert "arithmetic_mismatch" not in parsed.warnings


def test_an_invalid_nif_under_the_caption_n_i_f_is_said_not_silently_dropped() -> None:
    parsed = parse_payslip([Line(text) for text in ["Soluções Informáticas Açoriana, Lda.", "N.I.F. 573854663", *BODY]])
    assert "employer_nif" not in parsed.fields
    assert "nif_checksum_invalid" in parsed.warnings
