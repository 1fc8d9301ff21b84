from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission


class IsAgencyStaff(BasePermission):
    """An authenticated user with a membership in an agency."""

    def has_permission(self, request: Any, view: Any) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and hasattr(user, "membership"))
