"""REST views: thin, scoped to the caller's agency, errors as in API.md."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from applicants import selectors, services
from applicants.errors import FormExpired
from applicants.models import Applicant, ApplicantStatus, AuditAction, FormStatus, IntakeFormRequest, Organization
from applicants.serializers import (
    ApplicantDetailSerializer,
    ApplicantListSerializer,
    ApplicantStatusSerializer,
    DecisionCreateSerializer,
    DecisionSerializer,
    ErrorSerializer,
    FormRequestCreatedSerializer,
    FormRequestCreateSerializer,
    FormRequestSerializer,
    IntakeInfoSerializer,
    IntakeStatusSerializer,
    RescreenResultSerializer,
    RescreenSerializer,
    SubmissionResultSerializer,
    SubmissionSerializer,
    UploadRequestSerializer,
    UploadSlotSerializer,
)
from documents.models import DocumentType

UUID_PATTERN = "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}"
NOT_FOUND = OpenApiResponse(description="Not found (or another agency's)")
UNAUTHORIZED = OpenApiResponse(description="Missing or invalid credentials")
PAGE_NOT_FOUND = OpenApiResponse(description="Page out of range")
THROTTLED = OpenApiResponse(description="Too many requests from this address; retry later")
FIELD_ERRORS = OpenApiResponse(response=OpenApiTypes.OBJECT, description='Field errors: {"field": ["message", ...]}')


def error_response(description: str) -> OpenApiResponse:
    return OpenApiResponse(response=ErrorSerializer, description=description)


class AgencyScopedMixin:
    request: Any

    @property
    def organization(self) -> Organization:
        organization = selectors.organization_for_user(self.request.user)
        assert organization is not None  # guaranteed by IsAgencyStaff
        return organization


@extend_schema(tags=["intake form requests"], responses={401: UNAUTHORIZED, 403: UNAUTHORIZED})
class IntakeFormRequestViewSet(AgencyScopedMixin, viewsets.GenericViewSet):  # type: ignore[type-arg]
    serializer_class = FormRequestSerializer
    lookup_value_regex = UUID_PATTERN

    def get_queryset(self) -> QuerySet[IntakeFormRequest]:
        return selectors.form_request_list(organization=self.organization)

    @extend_schema(responses={200: FormRequestSerializer(many=True), 404: PAGE_NOT_FOUND})
    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(FormRequestSerializer(page, many=True).data)

    @extend_schema(responses={200: FormRequestSerializer, 404: NOT_FOUND})
    def retrieve(self, request: Request, pk: str) -> Response:
        form_request = selectors.form_request_get(organization=self.organization, form_request_id=pk)
        return Response(FormRequestSerializer(form_request).data)

    @extend_schema(
        request=FormRequestCreateSerializer, responses={201: FormRequestCreatedSerializer, 400: FIELD_ERRORS}
    )
    def create(self, request: Request) -> Response:
        serializer = FormRequestCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        created = services.form_request_create(
            organization=self.organization, created_by=request.user, **serializer.validated_data
        )
        data = dict(FormRequestSerializer(created.form_request).data)
        data.update(token=created.token, intake_url=created.intake_url)
        return Response(data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["applicants"], responses={401: UNAUTHORIZED, 403: UNAUTHORIZED})
class ApplicantViewSet(AgencyScopedMixin, mixins.ListModelMixin, viewsets.GenericViewSet):  # type: ignore[type-arg]
    serializer_class = ApplicantListSerializer
    lookup_value_regex = UUID_PATTERN

    def get_queryset(self) -> QuerySet[Applicant]:
        filters = ApplicantFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return selectors.applicant_list(
            organization=self.organization, filters=selectors.ApplicantFilters(**filters.validated_data)
        )

    def get_applicant(self, pk: str) -> Applicant:
        return selectors.applicant_get(organization=self.organization, applicant_id=pk)

    @extend_schema(
        parameters=[
            OpenApiParameter("status", enum=[c for c, _ in ApplicantStatus.choices]),
            OpenApiParameter("risk_level", enum=["LOW", "MEDIUM", "HIGH"]),
            OpenApiParameter("form_request", OpenApiTypes.UUID),
            OpenApiParameter("nif", str, description="Exact NIF (any common format), matched through the blind index"),
        ],
        responses={
            200: ApplicantListSerializer(many=True),
            400: OpenApiResponse(description="Invalid filter"),
            404: PAGE_NOT_FOUND,
        },
    )
    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().list(request, *args, **kwargs)
        if request.user.has_perm("applicants.view_pii"):
            services.audit_record(
                action=AuditAction.PII_VIEWED,
                target_type="applicant_list",
                target_id="-",
                organization=self.organization,
                actor=request.user,
                details={"surface": "api", "count": len(response.data.get("results", []))},
            )
        return response

    @extend_schema(responses={200: ApplicantDetailSerializer, 404: NOT_FOUND})
    def retrieve(self, request: Request, pk: str) -> Response:
        applicant = self.get_applicant(pk)
        data = ApplicantDetailSerializer(applicant, context={"request": request}).data
        if request.user.has_perm("applicants.view_pii"):
            services.pii_view_record(applicant=applicant, actor=request.user, surface="api")
        return Response(data)

    @extend_schema(responses={200: ApplicantStatusSerializer, 404: NOT_FOUND})
    @action(detail=True, methods=["get"], url_path="status")
    def status_(self, request: Request, pk: str) -> Response:
        from screening.selectors import report_latest

        applicant = selectors.applicant_status_get(organization=self.organization, applicant_id=pk)
        report = report_latest(applicant=applicant)
        return Response(ApplicantStatusSerializer({"status": applicant.status, "report": report}).data)

    @extend_schema(
        request=RescreenSerializer,
        responses={200: RescreenResultSerializer, 202: RescreenResultSerializer, 400: FIELD_ERRORS, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["post"])
    def rescreen(self, request: Request, pk: str) -> Response:
        from screening.pipeline import rescreen_request

        applicant = self.get_applicant(pk)
        serializer = RescreenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        queued = rescreen_request(applicant=applicant, actor=request.user, **serializer.validated_data)
        if not queued:
            return Response({"status": applicant.status}, status=status.HTTP_200_OK)
        return Response({"status": ApplicantStatus.PROCESSING}, status=status.HTTP_202_ACCEPTED)

    @extend_schema(
        request=DecisionCreateSerializer, responses={201: DecisionSerializer, 400: FIELD_ERRORS, 404: NOT_FOUND}
    )
    @action(detail=True, methods=["post"])
    def decision(self, request: Request, pk: str) -> Response:
        applicant = self.get_applicant(pk)
        serializer = DecisionCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        recorded = services.decision_record(applicant=applicant, decided_by=request.user, **serializer.validated_data)
        return Response(DecisionSerializer(recorded).data, status=status.HTTP_201_CREATED)


class ApplicantFilterSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=ApplicantStatus.choices, required=False)
    risk_level = serializers.ChoiceField(choices=["LOW", "MEDIUM", "HIGH"], required=False)
    form_request = serializers.UUIDField(required=False)
    nif = serializers.CharField(max_length=20, required=False)


# --- Applicant side: the intake token is the only credential -----------------------


class IntakeThrottle(AnonRateThrottle):
    scope = "intake"


class IntakeWriteThrottle(AnonRateThrottle):
    scope = "intake_write"


class IntakeView(APIView):
    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    throttle_classes = [IntakeThrottle]

    def form_request(self, token: str) -> IntakeFormRequest:
        return selectors.form_request_by_token(token=token)


TOKEN_PARAMETER = OpenApiParameter("token", str, OpenApiParameter.PATH, description="The intake token from the link")


@extend_schema(tags=["intake"], parameters=[TOKEN_PARAMETER], responses={429: THROTTLED})
class IntakeInfoView(IntakeView):
    @extend_schema(responses={200: IntakeInfoSerializer, 404: NOT_FOUND, 410: error_response("form_expired")})
    def get(self, request: Request, token: str) -> Response:
        form_request = self.form_request(token)
        if form_request.effective_status == FormStatus.EXPIRED:
            raise FormExpired()
        return Response(
            IntakeInfoSerializer(
                {
                    "property_title": form_request.property_title,
                    "property_type": form_request.property_type,
                    "listing_type": form_request.listing_type,
                    "property_price": form_request.property_price,
                    "organization_name": form_request.organization.name,
                    "expires_at": form_request.expires_at,
                    "status": form_request.effective_status,
                    "document_types": [DocumentType.ID_DOCUMENT, DocumentType.PROOF_OF_INCOME],
                    "max_documents": settings.INTAKE_MAX_DOCUMENTS,
                    "max_file_size": settings.INTAKE_MAX_FILE_SIZE,
                    "consent_text_version": settings.CONSENT_TEXT_VERSION,
                }
            ).data
        )


@extend_schema(tags=["intake"], parameters=[TOKEN_PARAMETER], responses={429: THROTTLED})
class IntakeUploadView(IntakeView):
    throttle_classes = [IntakeThrottle, IntakeWriteThrottle]

    @extend_schema(
        request=UploadRequestSerializer,
        responses={
            201: UploadSlotSerializer,
            400: error_response("file_type_not_allowed, file_too_large or a field error"),
            404: NOT_FOUND,
            410: error_response("form_expired or form_already_submitted"),
        },
    )
    def post(self, request: Request, token: str) -> Response:
        form_request = self.form_request(token)
        serializer = UploadRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        slot = services.upload_slot_issue(
            form_request=form_request, filename=data["filename"], content_type=data["content_type"], size=data["size"]
        )
        body = {"key": slot.key, "upload": {"url": slot.url, "fields": slot.fields}, "expires_in": slot.expires_in}
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema(tags=["intake"], parameters=[TOKEN_PARAMETER], responses={429: THROTTLED})
class IntakeSubmissionView(IntakeView):
    throttle_classes = [IntakeThrottle, IntakeWriteThrottle]

    @extend_schema(
        request=SubmissionSerializer,
        responses={
            201: SubmissionResultSerializer,
            400: error_response("a field error or one of the document/terms codes"),
            404: NOT_FOUND,
            409: error_response("duplicate_submission"),
            410: error_response("form_expired or form_already_submitted"),
        },
    )
    def post(self, request: Request, token: str) -> Response:
        form_request = self.form_request(token)
        if form_request.effective_status == FormStatus.EXPIRED:
            raise FormExpired()
        # "Already submitted" is decided inside the service, under the form's
        # row lock, where a repeated NIF can still be told apart (409 vs 410).
        serializer = SubmissionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        applicant = services.applicant_submit(
            form_request=form_request,
            data=services.SubmissionData(
                nif=data["nif"],
                name=data["name"],
                date_of_birth=data["date_of_birth"],
                email=data["email"],
                phone=data.get("phone", ""),
                terms_accepted=data["terms_accepted"],
                documents=[services.SubmittedDocument(**document) for document in data["documents"]],
            ),
            consent_ip=request.META.get("REMOTE_ADDR", ""),
        )
        body = {"applicant_id": applicant.id, "status": applicant.status, "documents_uploaded": len(data["documents"])}
        return Response(body, status=status.HTTP_201_CREATED)


@extend_schema(tags=["intake"], parameters=[TOKEN_PARAMETER], responses={429: THROTTLED})
class IntakeStatusView(IntakeView):
    @extend_schema(responses={200: IntakeStatusSerializer, 404: NOT_FOUND})
    def get(self, request: Request, token: str) -> Response:
        form_request = self.form_request(token)
        applicant = form_request.applicants.prefetch_related("documents").first()
        if applicant is None:
            return Response({"status": form_request.effective_status, "documents": []})
        documents = [
            {"document_type": d.document_type, "original_filename": d.original_filename, "status": d.status}
            for d in applicant.documents.all()
        ]
        return Response({"status": applicant.status, "documents": documents})
