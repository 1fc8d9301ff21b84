from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from rest_framework.permissions import BasePermission

# What a refused colleague lacks, in an office's words: "Não tem permissão para realizar esta ação." told them
# neither what nor whom to ask (blind probe r76d, F1).
PERMISSION_WORDS = {
    "applicants.view_applicant": gettext_lazy("ver candidatos"),
    "applicants.view_intakeformrequest": gettext_lazy("ver formulários"),
    "applicants.add_intakeformrequest": gettext_lazy("criar formulários e ligações"),
    "applicants.rerun_applicant": gettext_lazy("repetir análises"),
    "applicants.add_decision": gettext_lazy("decidir sobre candidatos"),
    "applicants.view_pii": gettext_lazy("ver dados pessoais"),
    "applicants.delete_applicant": gettext_lazy("apagar dados de candidatos"),
}


def missing_permissions_message(missing: list[str]) -> str:
    """ "Esta ação requer a permissão de ver dados pessoais, que o seu perfil não tem: peça-a ao administrador da
    agência." (a permission with no words here is named by its code)."""
    words = [str(PERMISSION_WORDS.get(permission, permission)) for permission in missing]
    named = (
        words[0] if len(words) == 1 else _("%(first)s e %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}
    )
    return ngettext(
        "Esta ação requer a permissão de %(permissions)s, que o seu perfil não tem: peça-a ao administrador da "
        "agência.",
        "Esta ação requer as permissões de %(permissions)s, que o seu perfil não tem: peça-as ao administrador da "
        "agência.",
        len(words),
    ) % {"permissions": named}


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
        if required is None:
            return False
        missing = [permission for permission in required if not request.user.has_perm(permission)]
        if missing:
            # DRF reads the refusal's detail from the permission that refused (a new instance per request).
            self.message = missing_permissions_message(missing)
        return not missing
