"""The extraction's reasons for a document it refused, read in the reader's language.

The reasons are stored as the extraction wrote them, in pt-PT; the English catalogue holds every one. The applicant's
status page and their explanation both read them through here (a reason with a number or an amount is translated
through its template), so the two never differ.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext, gettext_noop

# A student's grant whose amount a month was read (local.study_grant_reason; blind probe r77d, F2): the amounts as
# the report writes them ("280,00 € + 250,00 €", a grant and its housing supplement), the same in every language.
STUDY_GRANT_MONTHLY_REFUSED = (
    "Este documento é de uma bolsa de estudo ou de mobilidade (da DGES, de uma universidade, de um município, de uma "
    "fundação ou do Erasmus+) de %(amounts)s por mês, que não é contada como rendimento por ser paga só nos meses do "
    "ano letivo ou da mobilidade e depender da matrícula: a agência pode considerar esse valor ao lado do relatório; "
    "um fiador pode garantir a renda, enviando os seus próprios comprovativos de rendimentos."
)


def template_pattern(template: str, **groups: str) -> re.Pattern[str]:
    """The template's text, each ``%(name)s`` read back as its group: what a reason written from it matches."""
    pattern = re.escape(template)
    for name, group in groups.items():
        pattern = pattern.replace(re.escape(f"%({name})s"), f"(?P<{name}>{group})")
    return re.compile(pattern)


# The extraction's reasons that carry a number, each read back into the template the catalogue translates.
NUMBERED_REASONS = (
    (
        re.compile(
            r"PDF com demasiadas páginas \((?P<pages>\d+); máximo (?P<limit>\d+)\): envie só as páginas do documento pedido\."
        ),
        gettext_noop(
            "PDF com demasiadas páginas (%(pages)s; máximo %(limit)s): envie só as páginas do documento pedido."
        ),
    ),
    (
        re.compile(
            r"Imagem ou página com proporções invulgares \(mais de (?P<ratio>\d+):1\), que não parece um documento: "
            r"envie a página inteira\."
        ),
        gettext_noop(
            "Imagem ou página com proporções invulgares (mais de %(ratio)s:1), que não parece um documento: "
            "envie a página inteira."
        ),
    ),
    (
        re.compile(r"O serviço de extração recusou o documento \(HTTP (?P<code>\d+)\)\."),
        gettext_noop("O serviço de extração recusou o documento (HTTP %(code)s)."),
    ),
    (
        template_pattern(STUDY_GRANT_MONTHLY_REFUSED, amounts=r"[\d\s.,€+]+?"),
        gettext_noop(STUDY_GRANT_MONTHLY_REFUSED),
    ),
)


def reason_in_language(reason: str) -> str:
    """Why a document could not be read, in the request's language (the errors' language).

    The reason is stored as the extraction wrote it, in pt-PT; the English catalogue holds
    every one of them (a test reads them from the extraction's source), and a reason with a
    number or an amount is translated through its template. A text the catalogue lacks is given as stored.
    """
    for pattern, template in NUMBERED_REASONS:
        if match := pattern.fullmatch(reason):
            return gettext(template) % match.groupdict()
    return gettext(reason)
