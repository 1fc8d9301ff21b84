"""The information notice an applicant reads before consenting (GDPR art. 13), built from the agency's settings.

Blind probe r64b, F2: the fixed consent text named the agency and little else. The notice now says who the
controller is and how to reach them (and the DPO), the purposes and legal basis, who receives the data, the
processors this deployment uses (an outside processor only when its setting turns it on), the retention periods
in days, the automated assessment and the rights. Its wording depends on the agency and the deployment, so the
exact text a person accepted is kept (``ConsentNotice``, F11). docs/adr/034-information-notice.md says why.

Plain text, one paragraph per block separated by a blank line: the same string is shown (the page renders it
with ``linebreaks``), returned by the intake API, hashed and stored.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from applicants.models import Organization

NOTICE_LANGUAGES = ("pt-PT", "en")


@dataclass(frozen=True)
class NoticeText:
    text: str
    language: str
    version: str

    @property
    def sha256(self) -> str:
        return notice_sha256(self.text)


def notice_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def notice_text(*, organization: Organization, language: str) -> NoticeText:
    """The notice in ``language`` (``en``; anything else is pt-PT) for this agency and this deployment."""
    language = "en" if language.lower().startswith("en") else "pt-PT"
    with translation.override("en" if language == "en" else "pt-pt"):
        paragraphs = [
            _("Informação sobre o tratamento dos seus dados pessoais (RGPD, art. 13.º)"),
            _controller(organization),
            _(
                "Finalidade: avaliar esta candidatura ao imóvel, confirmando a sua identidade e os seus rendimentos "
                "e calculando a taxa de esforço, para a agência decidir sobre a candidatura. Sem estes dados e "
                "documentos a agência não pode avaliar a candidatura."
            ),
            _(
                "Fundamento jurídico: diligências pré-contratuais a seu pedido, antes do arrendamento ou da compra "
                "(art. 6.º, n.º 1, alínea b), do RGPD), e o consentimento que dá neste formulário para a leitura "
                "automática dos documentos e a avaliação (art. 6.º, n.º 1, alínea a)). Pode retirar o consentimento "
                "a qualquer momento: a análise da candidatura termina e a agência apaga os seus dados; o tratamento "
                "feito até então continua lícito."
            ),
            _(
                "Destinatários: os colaboradores da agência que tratam a candidatura. A agência pode enviar o "
                "relatório da avaliação (valores, verificações e decisão) ao proprietário ou senhorio do imóvel e a "
                "quem o represente, como o seu advogado. Além deles, só os subcontratantes indicados a seguir "
                "recebem os seus dados."
            ),
            *_processors(),
            _(
                "Conservação: os seus dados e documentos são apagados %(decided)s dias depois da última decisão "
                "sobre a candidatura ou, se não houver decisão, %(undecided)s dias depois de a ligação expirar. "
                "Até lá são guardados cifrados."
            )
            % {
                "decided": organization.retention_days_after_decision,
                "undecided": organization.retention_days_undecided,
            },
            _(
                "Avaliação automática: os documentos são lidos automaticamente e é preparado um relatório para a "
                "agência; esse relatório é uma recomendação e a decisão é sempre tomada por uma pessoa. Se "
                "discordar do resultado, pode contestá-lo através desta mesma ligação e um colaborador da agência "
                "responde-lhe."
            ),
            _(
                "Os seus direitos: acesso aos seus dados, retificação, apagamento, limitação do tratamento, oposição, "
                "portabilidade e retirada do consentimento, a exercer junto da agência (contactos acima). Pode "
                "também apresentar reclamação à Comissão Nacional de Proteção de Dados (CNPD), www.cnpd.pt."
            ),
            _("Versão do texto: %(version)s") % {"version": settings.CONSENT_TEXT_VERSION},
        ]
    return NoticeText(text="\n\n".join(paragraphs), language=language, version=settings.CONSENT_TEXT_VERSION)


def notice_texts(*, organization: Organization) -> list[NoticeText]:
    """The notice in each language the intake page offers: a submission accepts the one its page showed."""
    return [notice_text(organization=organization, language=language) for language in NOTICE_LANGUAGES]


def _controller(organization: Organization) -> str:
    text = _("Responsável pelo tratamento: %(agency)s.") % {"agency": organization.name}
    if organization.privacy_contact_email:
        text += " " + _("Contacto para questões sobre os seus dados: %(email)s.") % {
            "email": organization.privacy_contact_email
        }
    else:
        text += " " + _(
            "Para questões sobre os seus dados, contacte a agência através de quem lhe enviou esta ligação."
        )
    if organization.dpo_contact_email:
        text += " " + _("Encarregado da proteção de dados: %(email)s.") % {"email": organization.dpo_contact_email}
    return text


def _processors() -> list[str]:
    """Hosting always; Reducto and OpenAI only when this deployment turns them on, with the transfer they imply."""
    hosting = settings.HOSTING_PROVIDER or _("o fornecedor de alojamento contratado para este serviço")
    lines = [_("Subcontratantes: alojamento do serviço e da base de dados, %(hosting)s.") % {"hosting": hosting}]
    if settings.STORAGE_BACKEND == "s3":
        lines.append(
            _("Armazenamento dos documentos, cifrados: Amazon Web Services, região %(region)s.")
            % {"region": settings.AWS_REGION}
        )
    abroad = []
    if settings.EXTRACTION_BACKEND == "reducto":
        abroad.append(_("Leitura dos documentos: Reducto, Inc. (Estados Unidos da América), que recebe os documentos."))
    if settings.SCREENING_BACKEND == "openai":
        abroad.append(
            _("Apoio à avaliação: OpenAI (Estados Unidos da América), que recebe dados da avaliação desta candidatura.")
        )
    if abroad:
        lines.extend(abroad)
        lines.append(
            _(
                "Isto implica uma transferência dos seus dados para fora da União Europeia, para os Estados Unidos "
                "da América. Pode pedir à agência informação sobre as garantias aplicáveis e uma cópia delas."
            )
        )
    else:
        lines.append(_("Os documentos são lidos e avaliados nos servidores do próprio serviço."))
    return [" ".join(lines)]
