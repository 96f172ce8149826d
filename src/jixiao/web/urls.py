"""URLs: every pattern is walked by tests/web/test_permissions.py as every persona."""

from __future__ import annotations

from django.urls import include, path
from django.views.i18n import set_language

from jixiao.web.accounts import views as account_views

urlpatterns = [
    path("healthz", account_views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/", include("jixiao.web.accounts.urls")),
    path("review/", include("jixiao.web.review.urls")),
    path("public/", include("jixiao.web.public.urls")),
    path("", include("jixiao.web.packages.urls")),
]
