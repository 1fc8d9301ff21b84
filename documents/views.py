"""The local storage's upload and download endpoints (embedded default only).

They mirror an S3 presigned POST: the signed policy fixes the key, the
content type and the maximum size; anything else is refused before a byte is
kept. A policy is single use: the first POST takes its upload slot, and a
submission closes every slot of its form. The file is held in memory (at most
``INTAKE_MAX_FILE_SIZE``, the body is capped before it is read) and sealed
before it reaches the disk: no temporary file holds it in clear
(docs/adr/007-storage-encryption.md).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from applicants.errors import DataErased, FormExpired, FormLinkReplaced
from applicants.models import IntakeFormRequest
from documents.models import UploadSlot
from documents.storage import DOWNLOAD_SIGNING_SALT, UPLOAD_SIGNING_SALT, LocalDocumentStore, document_store


def _refuse(status: int, code: str, message: str) -> JsonResponse:
    return JsonResponse({"detail": message, "code": code}, status=status)


@csrf_exempt
@require_POST
def local_upload(request: HttpRequest) -> HttpResponse:
    """The upload, answered in the language of the page that asked for the slot (its URL carries
    ``?lang=en``), else the request's own (``Accept-Language``)."""
    if request.GET.get("lang", "").lower().startswith("en"):
        with translation.override("en"):
            return _upload(request)
    return _upload(request)


def _upload(request: HttpRequest) -> HttpResponse:
    # Before a byte of the body is read: the slot is judged as of now, as S3 judges a signed request when it
    # arrives. A 9 MB photo sent from a phone on a train takes longer than the slot's lifetime (blind probe
    # r77b, F1: sent in 50 s against a 40 s slot, received whole, then refused ``upload_expired``).
    arrived_at = timezone.now()
    store = document_store()
    if not isinstance(store, LocalDocumentStore):
        raise Http404
    # Refuse an oversized body before Django reads it: the declared length may
    # not exceed the largest file allowed plus the form fields.
    declared = int(request.META.get("CONTENT_LENGTH") or 0)
    if declared > settings.INTAKE_MAX_FILE_SIZE + 64 * 1024:
        return _refuse(413, "file_too_large", _("O ficheiro excede o tamanho máximo permitido."))
    # Memory only (FILE_UPLOAD_MAX_MEMORY_SIZE covers the cap above): Django's temporary-file
    # handler would put the document on disk in clear before it is encrypted.
    request.upload_handlers = [MemoryFileUploadHandler(request)]
    try:
        policy = policy_valid_on_arrival(request.POST.get("policy", ""), arrived_at=arrived_at)
    except signing.SignatureExpired:
        return _refuse(
            403,
            "upload_expired",
            _(
                "O endereço de carregamento expirou antes de o envio começar: escolha o ficheiro e envie-o outra "
                "vez (a página pede um endereço novo)."
            ),
        )
    except signing.BadSignature:
        return _refuse(403, "invalid_policy", _("Pedido de carregamento inválido."))
    if request.POST.get("key") != policy["key"]:
        return _refuse(403, "invalid_storage_key", _("O ficheiro não corresponde ao pedido."))
    if request.POST.get("Content-Type") != policy["content_type"]:
        # What to do too (blind probe r80b): the slot was asked for another type than the one sent.
        return _refuse(
            403,
            "file_type_not_allowed",
            _(
                "O tipo do ficheiro não é o indicado ao pedir o carregamento: peça um endereço novo com o tipo do "
                "ficheiro (PDF, JPEG ou PNG) e envie-o outra vez."
            ),
        )
    if form_expired_since_the_slot(policy["key"], at=arrived_at):
        refused = FormExpired()
        return _refuse(refused.status_code, refused.code, refused.message)
    if UploadSlot.objects.filter(key=policy["key"]).issued_for_a_replaced_link().exists():
        refused = FormLinkReplaced()
        return _refuse(refused.status_code, refused.code, refused.message)
    if slot_of_an_erased_person(policy["key"]):
        return _refuse_erased()
    upload: Any = request.FILES.get("file")
    if upload is None:
        return _refuse(400, "file_missing", _("Falta o ficheiro."))
    if upload.size == 0:
        # Its own code: an empty file is no size problem to its sender (cases probe 16 read "file_too_large").
        return _refuse(400, "file_empty", _("O ficheiro está vazio: escolha o documento outra vez."))
    if upload.size > policy["max_size"]:
        # Which way it differs, and what to do (blind probe r70a, F21: "não corresponde ao pedido").
        return _refuse(
            400,
            "file_too_large",
            _(
                "O ficheiro é maior do que o tamanho indicado ao pedir o carregamento: escolha-o de novo e volte a enviá-lo."
            ),
        )
    # One conditional update takes the slot: a replayed or late POST finds it taken and writes nothing.
    taken = UploadSlot.objects.filter(key=policy["key"], used_at__isnull=True).update(used_at=timezone.now())
    if taken != 1:
        if slot_of_an_erased_person(policy["key"]):  # erased since the check above
            return _refuse_erased()
        return _refuse(403, "upload_used", _("Este endereço de carregamento já foi usado."))
    try:
        store.put(policy["key"], upload.read(), policy["content_type"])
    except Exception:
        # Nothing was stored: the slot is given back, so the 500's "try again in a moment" can be followed with
        # the same slot (it had answered ``upload_used`` then, and the file was in neither place).
        UploadSlot.objects.filter(key=policy["key"]).update(used_at=None)
        raise
    if slot_of_an_erased_person(policy["key"]):
        # The person's erasure committed while the file was written, and deleted the files it knew of before this
        # one was there: this one goes too (an erasure committing after this check deletes it itself).
        store.delete(policy["key"])
        return _refuse_erased()
    return HttpResponse(status=204)


def policy_valid_on_arrival(signed_policy: str, *, arrived_at: datetime) -> dict[str, Any]:
    """The signed policy, refused (``SignatureExpired``) only if it had expired when its request arrived.

    ``signing.loads`` measures the policy's age when it is called, after the body was read: the time the body
    took is given back to it, so a slow upload begun in time keeps its slot (docs/adr/007-storage-encryption.md).
    """
    reading_took = max(timezone.now() - arrived_at, timedelta(0))
    policy: dict[str, Any] = signing.loads(
        signed_policy,
        salt=UPLOAD_SIGNING_SALT,
        max_age=timedelta(seconds=settings.INTAKE_UPLOAD_URL_TTL) + reading_took,
    )
    return policy


def form_expired_since_the_slot(key: str, *, at: datetime) -> bool:
    """Whether the slot's form had expired, or staff had closed it, at ``at`` (when the upload arrived), after the
    slot was handed out: its link answers ``form_expired`` from then on, and so does a slot asked for before (e2e
    probe 20 stored a file through one after the close). A form whose date passes while a body is still arriving
    was open when it began, as its slot was. A second round's slots belong to a submitted form, not expired."""
    expired_forms = IntakeFormRequest.objects.expired(now=at)
    return UploadSlot.objects.filter(key=key, form_request__in=expired_forms).exists()


def slot_of_an_erased_person(key: str) -> bool:
    """Whether the slot's person was erased or purged after it was handed out: their links answer 410
    ``data_erased``, and so do their slots (blind probe r77a, F1). An erasure deletes its people's slot rows, so a
    signed policy whose row is gone is one of theirs (the retention purge only prunes rows long past their policy's
    life); rows left by an erasure from before are ``issued_for_an_erased_link``."""
    slots = UploadSlot.objects.filter(key=key)
    return not slots.exists() or slots.issued_for_an_erased_link().exists()


def _refuse_erased() -> JsonResponse:
    refused = DataErased()
    return _refuse(refused.status_code, refused.code, refused.message)


@require_GET
def local_download(request: HttpRequest) -> HttpResponse | FileResponse:
    """A staff download: JSON errors as the upload's and the API's (blind probe r63b: Django's HTML 404, under
    ``DEBUG`` its debug page with the whole signed URL and the project's URL patterns)."""
    store = document_store()
    not_found = _refuse(404, "not_found", _("Não encontrado."))
    if not isinstance(store, LocalDocumentStore):
        return not_found
    token = request.GET.get("token", "")
    try:
        unsigned = signing.loads(token, salt=DOWNLOAD_SIGNING_SALT, max_age=300)
        payload = signing.loads(token, salt=DOWNLOAD_SIGNING_SALT, max_age=int(unsigned["ttl"]))
    except signing.SignatureExpired:
        return _refuse(403, "download_expired", _("O endereço de transferência expirou: abra o documento de novo."))
    except (signing.BadSignature, KeyError, ValueError):
        return not_found
    if store.stat(payload["key"]) is None:
        return not_found
    # Decrypted in memory; always an attachment, named by ids only, and kept by no cache on the way (a person's
    # identity document or payslip: cases probe 11 found it served with no Cache-Control).
    response = FileResponse(store.open(payload["key"]), as_attachment=True, filename=payload["key"].rsplit("/", 1)[-1])
    response["Cache-Control"] = "private, no-store"
    return response
