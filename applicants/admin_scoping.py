"""Admin tenancy: every admin in this project sees only the staff user's agency.

Superusers see everything. Another agency's object is a 404, never a
redirect that confirms it exists.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from applicants.selectors import organization_for_user


class OrganizationScopedAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    organization_path = "organization"

    def scope(self, request: HttpRequest, queryset: QuerySet[Any]) -> QuerySet[Any]:
        if request.user.is_superuser:
            return queryset
        organization = organization_for_user(request.user)
        if organization is None:
            return queryset.none()
        return queryset.filter(**{self.organization_path: organization})

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return self.scope(request, super().get_queryset(request))

    def get_object(self, request: HttpRequest, object_id: str, from_field: str | None = None) -> Any:
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404("Not found")
        return obj

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        related_model = db_field.remote_field.model
        if not request.user.is_superuser and hasattr(related_model, "organization"):
            organization = organization_for_user(request.user)
            kwargs["queryset"] = related_model._default_manager.filter(organization=organization)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_search_results(
        self, request: HttpRequest, queryset: QuerySet[Any], search_term: str
    ) -> tuple[QuerySet[Any], bool]:
        # Autocomplete calls this with the related admin's queryset; scope it again.
        queryset, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        return self.scope(request, queryset), may_have_duplicates


class ScopedInline(admin.TabularInline):  # type: ignore[type-arg]
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
