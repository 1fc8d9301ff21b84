"""The applicant's REST views: the intake token in the path is the only credential."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from typing import Any

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import router, transaction
from django.utils import translation
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle, BaseThrottle, SimpleRateThrottle
from rest_framework.views import APIView

from applicants import errors, selectors
from applicants.models import Applicant, FormStatus, Invitation, Role, contract_applicant_status
from applicants.notice import notice_text
from applicants.rest import FIELD_ERRORS, NOT_FOUND, client_address, error_response
from applicants.tokens import intake_token_hash
from documents.models import DocumentType
from intake import second_round, services
from intake.serializers import (
    AdditionalDocumentsResultSerializer,
    AdditionalDocumentsSerializer,
    ContestResultSerializer,
    ContestSerializer,
    HouseholdMemberSerializer,
    IntakeInfoSerializer,
    IntakeStatusSerializer,
    InvitationResultSerializer,
    SubmissionResultSerializer,
    SubmissionSerializer,
    UploadRequestSerializer,
    UploadSlotSerializer,
)
from intake.status import income_documents, status_of_person


class CountedByTheView:
    """For ``SimpleRateThrottle``s: a request that passes is counted by ``IntakeView.check_throttles``,
    together with the other throttles' counts, instead of one cache write each."""

    history: list[float]
    now: float
    counted = False

    def throttle_success(self) -> bool:
        self.history.insert(0, self.now)
        self.counted = True
        return True


class ReadAhead:
    """The cache as a throttle reads it (``get``), answered from counters already read together."""

    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)


class IntakeThrottle(CountedByTheView, AnonRateThrottle):
    """Every intake request, per client address."""

    scope = "intake"


class IntakeWriteThrottle(CountedByTheView, AnonRateThrottle):
    """Upload slots and submissions per client address: a ceiling (many applicants share an office's address)."""

    scope = "intake_write"


class IntakeTokenWriteThrottle(CountedByTheView, SimpleRateThrottle):
    """Upload slots and submissions per intake token, from any address: one applicant's budget.

    Keyed by the token's hash, so the plain token is not a cache key.
    """

    scope = "intake_token_write"

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        token = view.kwargs.get("token")
        if not token:
            return None
        return self.cache_format % {"scope": self.scope, "ident": intake_token_hash(str(token)[:128])}


class IntakeTokenDailyWriteThrottle(IntakeTokenWriteThrottle):
    """The same per token, over a day: a slow, steady stream of writes is bounded too."""

    scope = "intake_token_write_day"


WRITE_THROTTLES: list[type[BaseThrottle]] = [
    IntakeThrottle,
    IntakeWriteThrottle,
    IntakeTokenWriteThrottle,
    IntakeTokenDailyWriteThrottle,
]


class IntakeView(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [IntakeThrottle]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """The page's language choice (``?lang=``) for everything said back, errors included; the
        request's own language (``Accept-Language``, LocaleMiddleware) otherwise."""
        translation.activate("en" if language_of(request) == "en" else "pt-pt")
        super().initial(request, *args, **kwargs)

    def check_throttles(self, request: Request) -> None:
        """DRF's check, with every passing throttle's count written at the end, in one transaction.

        With the database cache each ``cache.set`` is a write transaction of its
        own: the four write throttles took four turns at SQLite's one write lock
        per submission (README, "Where the time goes: the API"). Here the counters
        are read together, without the lock (one ``get_many``), and written
        together in one transaction. A refused request still counts in the scopes that let it
        through, as in DRF: the counts are written before the 429 is raised.
        """
        throttles = self.get_throttles()
        cache = caches[DEFAULT_CACHE_ALIAS]
        # The counters are read together too: one cache read for all of them, not one each.
        counters = [counter for counter in throttles if isinstance(counter, SimpleRateThrottle)]
        histories = cache.get_many([key for counter in counters if (key := counter.get_cache_key(request, self))])
        for counter in counters:
            counter.cache = ReadAhead(histories)  # type: ignore[assignment]
        waits = [throttle.wait() for throttle in throttles if not throttle.allow_request(request, self)]
        counted = [throttle for throttle in throttles if isinstance(throttle, CountedByTheView) and throttle.counted]
        if counted:
            together: AbstractContextManager[Any] = nullcontext()
            if isinstance(cache, DatabaseCache) and len(counted) > 1:
                together = transaction.atomic(using=router.db_for_write(cache.cache_model_class))
            with together:
                for throttle in counted:
                    if isinstance(throttle, SimpleRateThrottle):
                        cache.set(throttle.key, throttle.history, throttle.duration)
        if waits:
            # As DRF: the longest wait; None (a rate changed meanwhile, DRF #1438) only if all are.
            self.throttled(request, max((wait for wait in waits if wait is not None), default=None))  # type: ignore[arg-type]

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        """Every answer, errors included, is kept out of every cache: each carries a person's state, and back then
        forward after submitting got the earlier PENDING answer from the browser's cache, so the form showed
        again as if nothing had been sent (probe C29)."""
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "no-store"
        return response

    def link(self, token: str) -> selectors.IntakeLink:
        """The form (lead tenant's link) or the invitation (an invited person's) the token opens."""
        return selectors.intake_link_by_token(token=token)


TOKEN_PARAMETER = OpenApiParameter("token", str, OpenApiParameter.PATH, description="The intake token from the link")


@extend_schema(tags=["intake"], parameters=[TOKEN_PARAMETER])
class IntakeInfoView(IntakeView):
    @extend_schema(
        responses={
            200: IntakeInfoSerializer,
            404: NOT_FOUND,
            410: error_response("form_expired, form_already_submitted or data_erased"),
        }
    )
    def get(self, request: Request, token: str) -> Response:
        link = self.link(token)
        form_request = link.form_request
        if link.effective_status == FormStatus.EXPIRED:
            raise services.link_expired_error(link)
        services.link_check_not_left_out(link)
        services.link_check_not_erased(link)
        notice = notice_text(organization=form_request.organization, language=language_of(request))
        return Response(
            IntakeInfoSerializer(
                {
                    "property_title": form_request.property_title,
                    "property_type": form_request.property_type,
                    "listing_type": form_request.listing_type,
                    "property_price": form_request.property_price,
                    "organization_name": form_request.organization.name,
                    "expires_at": link.invitation.expires_at if link.invitation else form_request.expires_at,
                    "status": link.effective_status,
                    "document_types": [DocumentType.ID_DOCUMENT, DocumentType.PROOF_OF_INCOME],
                    "max_documents": settings.INTAKE_MAX_DOCUMENTS,
                    "max_file_size": settings.INTAKE_MAX_FILE_SIZE,
                    "consent_text_version": notice.version,
                    "consent_notice": notice.text,
                    "consent_notice_sha256": notice.sha256,
                    "role": link.role,
                    "income_documents": income_documents(language_of(request)),
                    "invited_by_name": lead_first_name(link),
                }
            ).data
        )


@extend_schema(tags=["intake"], parameters=[TOKEN_PARAMETER])
class IntakeUploadView(IntakeView):
    throttle_classes = WRITE_THROTTLES

    @extend_schema(
        request=UploadRequestSerializer,
        responses={
            201: UploadSlotSerializer,
            400: error_response(
                "file_type_not_allowed, file_too_large, too_many_uploads, document_type_not_requested (a second "
                "round's slot of a type not asked for) or a field error"
            ),
            404: NOT_FOUND,
            410: error_response("form_expired or form_already_submitted"),
        },
    )
    def post(self, request: Request, token: str) -> Response:
        link = self.link(token)
        serializer = UploadRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        slot = services.upload_slot_issue(
            form_request=link.form_request,
            invitation=link.invitation,
            filename=data["filename"],
            content_type=data["content_type"],
            size=data["size"],
            document_type=data["document_type"],
        )
        body = {"key": slot.key, "upload": {"url": slot.url, "fields": slot.fields}, "expires_in": slot.expires_in}
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema(tags=["intake"], parameters=[TOKEN_PARAMETER])
class IntakeSubmissionView(IntakeView):
    throttle_classes = WRITE_THROTTLES

    @extend_schema(
        request=SubmissionSerializer,
        responses={
            201: SubmissionResultSerializer,
            400: error_response("a field error or one of the document/terms codes"),
            404: NOT_FOUND,
            409: error_response(
                "duplicate_submission (a member typing another member's NIF; on the lead's form only when reopened "
                "by hand: a completed form is 410), or consent_notice_changed (the consent_notice_sha256 sent is no "
                "longer the agency's notice)"
            ),
            410: error_response("form_expired or form_already_submitted"),
        },
    )
    def post(self, request: Request, token: str) -> Response:
        link = self.link(token)
        if link.effective_status == FormStatus.EXPIRED:
            raise services.link_expired_error(link)
        # The form's state is answered before its fields: a completed form is 410 whatever was sent, not a list of
        # field errors to fix for a form that cannot take it (blind probe r70a). The service decides again under
        # the form's row lock, for two submissions racing.
        services.link_check_writable(link)
        serializer = SubmissionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        notice = services.consent_notice_accepted(
            organization=link.form_request.organization,
            language=language_of(request),
            sha256=data.get("consent_notice_sha256", ""),
        )
        submission = services.submission_receive(
            form_request=link.form_request,
            invitation=link.invitation,
            household=[services.HouseholdMember(**member) for member in data["household"]],
            income_profile=data["income_profile"],
            data=services.SubmissionData(
                nif=data["nif"],
                name=data["name"],
                date_of_birth=data["date_of_birth"],
                email=data["email"],
                phone=data.get("phone", ""),
                terms_accepted=data["terms_accepted"],
                documents=[services.SubmittedDocument(**document) for document in data["documents"]],
            ),
            consent_ip=client_address(request),
            consent_notice=notice,
            link_token_hash=link.token_hash,
        )
        body = {
            "applicant_id": submission.applicant.id,
            "status": contract_applicant_status(submission.applicant.status),
            "documents_uploaded": len(data["documents"]),
            "application_id": submission.application.id,
            "invitations": [invitation_result(created.invitation) for created in submission.invitations],
        }
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema(tags=["intake"], parameters=[TOKEN_PARAMETER])
class IntakeStatusView(IntakeView):
    @extend_schema(
        responses={
            200: IntakeStatusSerializer,
            404: NOT_FOUND,
            410: error_response("form_already_submitted (screened without this invited person) or data_erased"),
        }
    )
    def get(self, request: Request, token: str) -> Response:
        link = self.link(token)
        services.link_check_not_left_out(link)
        return Response(status_of_person(link, language=language_of(request)))


@extend_schema(tags=["intake"], parameters=[TOKEN_PARAMETER])
class IntakeAdditionalDocumentsView(IntakeView):
    throttle_classes = WRITE_THROTTLES

    @extend_schema(
        request=AdditionalDocumentsSerializer,
        responses={
            201: AdditionalDocumentsResultSerializer,
            400: error_response(
                "document_type_not_requested, requested_document_missing, document_already_sent, a document code or a field "
                "error"
            ),
            404: NOT_FOUND,
            409: error_response("no_documents_requested (nothing asked of this person, or already answered)"),
            410: error_response("data_erased (the person was erased, also while the answer was stored: none kept)"),
        },
    )
    def post(self, request: Request, token: str) -> Response:
        """Send the documents the agency asked for: screening runs again by itself."""
        link = self.link(token)
        serializer = AdditionalDocumentsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        documents = [services.SubmittedDocument(**document) for document in serializer.validated_data["documents"]]
        info_request = second_round.additional_documents_receive(link=link, documents=documents)
        person = Applicant.objects.filter(pk=info_request.applicant_id).first()
        if person is None:  # erased as soon as the answer committed: it went with them
            raise errors.DataErased()
        body = {"status": contract_applicant_status(person.status), "documents_uploaded": len(documents)}
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema(tags=["intake"], parameters=[TOKEN_PARAMETER])
class IntakeContestView(IntakeView):
    throttle_classes = WRITE_THROTTLES

    @extend_schema(
        request=ContestSerializer,
        responses={
            201: ContestResultSerializer,
            400: FIELD_ERRORS,
            404: NOT_FOUND,
            409: error_response("not_screened_yet or too_many_contests"),
            410: error_response(
                "form_already_submitted (screened without this invited person) or data_erased (the person's data "
                "was erased)"
            ),
        },
    )
    def post(self, request: Request, token: str) -> Response:
        """Comment on or contest the result: it reaches the agency's staff, who answer by e-mail."""
        link = self.link(token)
        # After the erasure, "not screened yet" told the person their file awaited analysis (blind probe r63b).
        services.link_check_not_erased(link)
        services.link_check_not_left_out(link)
        serializer = ContestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        contest = second_round.contest_receive(link=link, message=serializer.validated_data["message"])
        return Response({"status": contest.status}, status=status.HTTP_201_CREATED)


@extend_schema(tags=["intake"], parameters=[TOKEN_PARAMETER])
class IntakeInvitationView(IntakeView):
    throttle_classes = WRITE_THROTTLES

    @extend_schema(
        request=HouseholdMemberSerializer,
        responses={
            201: InvitationResultSerializer,
            400: error_response("invalid_role, too_many_people, too_many_invitations or a field error"),
            403: error_response("household_not_allowed (not the lead tenant's link)"),
            404: NOT_FOUND,
            409: error_response("application_not_waiting (already being screened)"),
            410: error_response("form_expired"),
        },
    )
    def post(self, request: Request, token: str) -> Response:
        """The lead tenant invites a co-tenant or guarantor after submitting, before screening starts."""
        link = self.link(token)
        serializer = HouseholdMemberSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        created = services.lead_invites(link=link, member=services.HouseholdMember(**serializer.validated_data))
        return Response(invitation_result(created.invitation), status=status.HTTP_201_CREATED)


def invitation_result(invitation: Invitation) -> dict[str, Any]:
    return {"role": invitation.role, "email": invitation.email, "status": invitation.effective_status}


def language_of(request: Request) -> str:
    """``?lang=`` when given (``en`` for English, pt-PT for anything else); else the request's own language,
    ``Accept-Language`` through LocaleMiddleware, as the page sends it: the explanation and the lists of documents
    follow the same choice as the errors (end-to-end probe c23: English reasons beside a Portuguese explanation)."""
    chosen = request.query_params.get("lang", "").lower()
    if chosen:
        return "en" if chosen.startswith("en") else "pt-PT"
    return "en" if (translation.get_language() or "").lower().startswith("en") else "pt-PT"


def lead_first_name(link: selectors.IntakeLink) -> str | None:
    """On an invited person's link: the lead tenant's first name only, so they know whose invitation it is."""
    if link.invitation is None:
        return None
    lead = link.invitation.application.members.filter(role=Role.TENANT).first()
    return lead.name.split()[0] if lead and lead.name.split() else None
