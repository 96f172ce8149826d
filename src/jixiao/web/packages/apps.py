from __future__ import annotations

from django.apps import AppConfig


class PackagesConfig(AppConfig):
    name = "jixiao.web.packages"
    label = "packages"
    default_auto_field = "django.db.models.BigAutoField"
