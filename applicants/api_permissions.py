from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission


class IsAgencyStaff(BasePermission):
    """An authenticated user with a membership in an agency."""

    def has_permission(self, request: Any, view: Any) -> bool:
        user = request.user
        return bool(user and user.is_authenticated and hasattr(user, "membership"))


class HasActionPermission(BasePermission):
    """The Django model permissions the view names for the action (``required_permissions``).

    ``{"list": ("applicants.view_applicant",), "create": ("applicants.add_intakeformrequest",)}``;
    an action the view does not name is refused, so a new action must say what it needs.
    """

    def has_permission(self, request: Any, view: Any) -> bool:
        action = getattr(view, "action", None)
        if action is None and not hasattr(view, request.method.lower()):
            # A method the route does not take: the dispatch answers 405 with the methods it does take
            # (refusing it here said 403 "no permission" even to the agency's admin).
            return True
        if request.method == "OPTIONS":
            # DRF's metadata: the route's methods and fields, as the published OpenAPI schema has them; for the
            # fields of a write it asks this permission again of that write. Refused, the agency's admin read
            # 403 beside "Allow: GET, HEAD, OPTIONS" (blind probe r63b). Staff only still (``IsAgencyStaff``).
            return True
        required = getattr(view, "required_permissions", {}).get(action)
        return required is not None and bool(request.user.has_perms(required))
