"""URLs: every pattern is walked by tests/web/test_permissions.py as every persona."""

from __future__ import annotations

from django.templatetags.static import static
from django.urls import include, path
from django.views.generic.base import RedirectView
from django.views.i18n import set_language

from jixiao.web.accounts import views as account_views

urlpatterns = [
    path("healthz", account_views.healthz, name="healthz"),
    # Browsers ask for /favicon.ico beside the first page, often before that page's CSRF cookie is stored:
    # a 404 page there would render a form, mint another CSRF secret and break the first login. A redirect
    # to the static icon renders nothing.
    path("favicon.ico", RedirectView.as_view(url=static("jixiao/favicon.svg"), permanent=True), name="favicon"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("accounts/", include("jixiao.web.accounts.urls")),
    path("review/", include("jixiao.web.review.urls")),
    path("public/", include("jixiao.web.public.urls")),
    path("", include("jixiao.web.packages.urls")),
]
