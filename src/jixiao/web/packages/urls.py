from __future__ import annotations

from django.urls import path

from jixiao.web.packages import views

app_name = "packages"
urlpatterns = [
    path("", views.home, name="home"),
    path("packages/new/", views.new_blank, name="new"),
    path("packages/import/", views.import_file, name="import"),
    path("packages/parse/", views.parse, name="parse"),
    path("packages/<uuid:package_id>/", views.detail, name="detail"),
    path("packages/<uuid:package_id>/copy/", views.copy, name="copy"),
    path("packages/<uuid:package_id>/edit/<int:doc>/", views.edit, name="edit"),
    path("packages/<uuid:package_id>/edit/<int:doc>/save/", views.save, name="save"),
    path("packages/<uuid:package_id>/revisions/<int:number>/", views.revision_detail, name="revision"),
    path(
        "packages/<uuid:package_id>/revisions/<int:number>/download/<str:fmt>/",
        views.download,
        name="download",
    ),
]
