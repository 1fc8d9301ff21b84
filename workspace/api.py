"""The staff REST views: thin, scoped to the caller's agency, errors as in docs/api.md."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from applicants import selectors, services
from applicants.api_permissions import HasActionPermission, IsAgencyStaff
from applicants.identifiers import nif_is_well_formed, nif_normalize
from applicants.models import Applicant, ApplicantStatus, AuditAction, IntakeFormRequest, Organization
from applicants.rest import FIELD_ERRORS, NOT_FOUND, PAGE_NOT_FOUND, UNAUTHORIZED
from screening.selectors import report_latest
from workspace.serializers import (
    ApplicantDetailSerializer,
    ApplicantListSerializer,
    ApplicantStatusSerializer,
    DecisionCreateSerializer,
    DecisionSerializer,
    FormRequestCreatedSerializer,
    FormRequestCreateSerializer,
    FormRequestSerializer,
    RescreenResultSerializer,
    RescreenSerializer,
)
from workspace.services import applicant_rerun

UUID_PATTERN = "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}"


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
    permission_classes = [IsAgencyStaff, HasActionPermission]
    required_permissions = {
        "list": ("applicants.view_intakeformrequest",),
        "retrieve": ("applicants.view_intakeformrequest",),
        "create": ("applicants.add_intakeformrequest",),
    }

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
    permission_classes = [IsAgencyStaff, HasActionPermission]
    required_permissions = {
        "list": ("applicants.view_applicant",),
        "retrieve": ("applicants.view_applicant",),
        "status_": ("applicants.view_applicant",),
        "rescreen": ("applicants.rerun_applicant",),
        "decision": ("applicants.add_decision",),
    }

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
        applicant = selectors.applicant_status_get(organization=self.organization, applicant_id=pk)
        report = report_latest(applicant=applicant)
        data = ApplicantStatusSerializer(
            {"status": applicant.status, "report": report}, context={"request": request}
        ).data
        if report is not None and request.user.has_perm("applicants.view_pii"):
            services.pii_view_record(applicant=applicant, actor=request.user, surface="api_status")
        return Response(data)

    @extend_schema(
        request=RescreenSerializer,
        responses={200: RescreenResultSerializer, 202: RescreenResultSerializer, 400: FIELD_ERRORS, 404: NOT_FOUND},
    )
    @action(detail=True, methods=["post"])
    def rescreen(self, request: Request, pk: str) -> Response:
        applicant = self.get_applicant(pk)
        serializer = RescreenSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        queued = applicant_rerun(applicant=applicant, actor=request.user, **serializer.validated_data)
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
    nif = serializers.CharField(max_length=40, required=False)

    def validate_nif(self, value: str) -> str:
        # Nine ASCII digits after NFKC, like every other way a NIF enters; the check
        # digit is not tested (a wrong one simply matches nobody).
        nif = nif_normalize(value)
        if not nif_is_well_formed(nif):
            raise serializers.ValidationError("O NIF deve ter 9 algarismos.")
        return nif
