from django.apps import AppConfig


class ApplicantsConfig(AppConfig):
    name = "applicants"
    default_auto_field = "django.db.models.BigAutoField"
