from __future__ import annotations

from django.urls import path

from jixiao.web.review import views

app_name = "review"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("<uuid:package_id>/<str:action>/", views.transition, name="transition"),
]
