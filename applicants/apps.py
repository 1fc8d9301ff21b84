from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicantsConfig(AppConfig):
    name = "applicants"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("Applicants")
