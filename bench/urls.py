"""The project's URLs plus bare DRF endpoints on a comparable model (baseline for the API benchmark)."""

from typing import Any

from django.urls import path
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from applicants.models import AuditEvent
from config.urls import urlpatterns as project_urlpatterns


class BareEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = AuditEvent
        fields = ("id", "action", "target_type", "target_id", "details", "created_at")


class BareCreate(APIView):
    """A JSON POST that validates and inserts one row: what a submission does, minus its rules."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    def post(self, request: Request) -> Response:
        serializer = BareEventSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data, status=201)


class BareRead(APIView):
    """A GET of one row by id: what the status endpoint does, minus tenancy and the report."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]

    def get(self, request: Request, pk: int) -> Response:
        return Response(BareEventSerializer(AuditEvent.objects.get(pk=pk)).data)


urlpatterns = [
    *project_urlpatterns,
    path("bench/bare", BareCreate.as_view()),
    path("bench/bare/<int:pk>", BareRead.as_view()),
]
