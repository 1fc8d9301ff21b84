"""What applicants and staff read is European Portuguese, not Brazilian (cases probe 4 found "é você" on the
intake page of an invited co-tenant).

Read from the sources themselves: every string literal of the apps' code, the templates and the pt-PT
catalogue's translations; a new text with a Brazilian word fails here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("applicants", "documents", "intake", "screening", "workspace")
# Words a Portuguese reader takes for Brazilian at once (pt-PT: o senhor / a si, ficheiro, registo, telemóvel,
# ecrã, equipa, utilizador, transferir).
BRAZILIAN = re.compile(
    r"\b(você|vocês|arquivo|arquivos|registro|registros|cadastro|cadastrar|celular|tela|equipe|usuário|usuários|"
    r"baixar|deletar|contato|contatos|ônibus|econômic\w*|arquivad\w*)\b",
    re.IGNORECASE,
)


def app_strings() -> list[tuple[str, str]]:
    found = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    found.append((str(path.relative_to(ROOT)), node.value))
        for path in (ROOT / app).rglob("*.html"):
            found.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")))
    return found


def catalogue_translations() -> list[tuple[str, str]]:
    text = (ROOT / "locale/pt_PT/LC_MESSAGES/django.po").read_text(encoding="utf-8")
    # Comments quote DRF's Brazilian catalogue to say why it is overridden; only translations count.
    return [("locale/pt_PT", match) for match in re.findall(r'^msgstr "(.*)"$', text, re.MULTILINE)]


def test_the_scan_reads_the_texts_it_guards() -> None:
    """The scan itself: the intake page's catalogue and the report's rules are among what it reads."""
    texts = [text for _, text in catalogue_translations() + app_strings()]
    assert any("convidou-o(a) a juntar-se a esta candidatura" in text for text in texts)
    assert any("importância recebida" in text for text in texts)


def test_no_brazilian_words_in_what_people_read() -> None:
    hits = [
        (where, BRAZILIAN.search(text).group(0))  # type: ignore[union-attr]
        for where, text in catalogue_translations() + app_strings()
        if BRAZILIAN.search(text)
    ]
    assert hits == []


# AO90 joins the prefix co- to the word it modifies, whatever its first letter (coautor, coarrendatário,
# cocomprador, coobrigado); blind probe r70a F01 found the pre-agreement "co-arrendatário(a)" in the e-mail, the PDF,
# the admin, the justification and an intake error, and a sale's "co-comprador" outlived it.
# The English words of docstrings and English msgids ("co-tenant", "co-buyer") keep their hyphen.
PRE_AO90_CO = re.compile(r"\bco-(?!tenants?\b|buyers?\b)[a-zà-ú]", re.IGNORECASE)


def test_words_with_the_prefix_co_are_written_as_one_word() -> None:
    hits = [where for where, text in catalogue_translations() + app_strings() if PRE_AO90_CO.search(text)]
    assert hits == []


def test_the_co_tenant_role_reads_coarrendatario_and_keeps_its_code() -> None:
    from applicants.models import Role

    assert (Role.CO_TENANT.value, Role.CO_TENANT.label) == ("CO_TENANT", "Coarrendatário")


# One word for the applicant's personal URL: the information notice says "esta ligação"; the e-mails, the intake
# page and the admin said "link" beside it (blind probe r70a F18).
LINK = re.compile(r"\blinks?\b", re.IGNORECASE)
MAIL_TEMPLATES = ROOT / "intake/templates/intake/mail"


def portuguese_mail_text() -> list[tuple[str, str]]:
    # The bilingual mails: the Portuguese half is above the "--" line.
    return [(path.name, path.read_text(encoding="utf-8").split("\n--\n")[0]) for path in MAIL_TEMPLATES.glob("*.txt")]


def admin_strings() -> list[tuple[str, str]]:
    admin_modules = ("applicants/admin.py", "workspace/admin_views.py", "screening/admin.py")
    return [(where, text) for where, text in app_strings() if where in admin_modules]


def test_the_personal_url_is_always_a_ligacao() -> None:
    portuguese = catalogue_translations() + portuguese_mail_text()
    hits = [where for where, text in portuguese if LINK.search(re.sub(r"\{\{ *link *\}\}", "", text))]
    # The admin modules also hold English docstrings and comments: a Portuguese article before the word.
    hits += [where for where, text in admin_strings() if re.search(r"\b(o|um|este|seu|novo) link\b", text, re.I)]
    assert hits == []


def test_the_household_hint_tells_the_applicant_not_to_send_others_documents() -> None:
    """F17: "...envia os seus próprios documentos: nunca envia os dela." (grammar, and whose)."""
    [hint] = [text for _, text in catalogue_translations() if text.startswith("Vai arrendar com alguém")]
    assert hint.endswith("envia os seus próprios documentos; não envie os documentos de outra pessoa.")
    assert "sua própria ligação" in hint
