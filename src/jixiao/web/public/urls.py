from __future__ import annotations

from django.urls import path

from jixiao.web.public import views

app_name = "public"
urlpatterns = [
    path("", views.index, name="index"),
    path("data.json", views.data_json, name="data_json"),
    path("data.csv", views.data_csv, name="data_csv"),
    path("<uuid:package_id>/", views.detail, name="detail"),
    path("<uuid:package_id>/download/<str:fmt>/", views.download, name="download"),
]
