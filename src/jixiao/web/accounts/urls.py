from __future__ import annotations

from django.urls import path

from jixiao.web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("users/", views.users, name="users"),
    path("users/<uuid:user_id>/", views.user_edit, name="user_edit"),
    path("organisations/", views.organisations, name="organisations"),
]
