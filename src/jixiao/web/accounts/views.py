"""Log in and out; administrators manage users and organisations."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jixiao.web.accounts.decorators import admin_required
from jixiao.web.accounts.forms import LoginForm, OrganisationForm, UserForm
from jixiao.web.accounts.models import Organisation, User
from jixiao.web.accounts.throttle import clear_failures, locked_out, record_failure


@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    """200 "ok" when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@require_http_methods(["GET", "POST"])
@csrf_protect
@never_cache
def login_view(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request.POST or None)
    status = 200
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if request.method == "POST" and form.is_valid():
        username = form.cleaned_data["username"]
        if locked_out(request, username):
            form.add_error(None, _("登录失败次数过多，请 15 分钟后再试"))
            status = 429
        else:
            user = authenticate(request, username=username, password=form.cleaned_data["password"])
            if user is None:
                record_failure(request, username)
                form.add_error(None, _("用户名或密码不正确"))
                status = 200
            else:
                clear_failures(request, username)
                login(request, user)
                if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
                    next_url = ""
                return redirect(next_url or "packages:home")
    return render(request, "accounts/login.html", {"form": form, "next": next_url}, status=status)


@require_POST
@csrf_protect
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    return redirect("accounts:login")


@require_http_methods(["GET", "POST"])
@admin_required
def users(request: HttpRequest) -> HttpResponse:
    form = UserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        messages.success(request, _("已创建用户 %(name)s") % {"name": user.username})
        return redirect("accounts:users")
    people = User.objects.select_related("organisation").order_by("organisation__name", "username")
    return render(request, "accounts/users.html", {"form": form, "people": people})


@require_http_methods(["GET", "POST"])
@admin_required
def user_edit(request: HttpRequest, user_id: str) -> HttpResponse:
    person = get_object_or_404(User, pk=user_id)
    form = UserForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("已保存"))
        return redirect("accounts:users")
    return render(request, "accounts/user_edit.html", {"form": form, "person": person})


@require_http_methods(["GET", "POST"])
@admin_required
def organisations(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        org = form.save()
        messages.success(request, _("已创建机构 %(name)s") % {"name": org.name})
        return redirect("accounts:organisations")
    tree: list[tuple[int, Organisation]] = []

    def walk(node: Organisation, depth: int) -> None:
        tree.append((depth, node))
        for child in node.children.all():
            walk(child, depth + 1)

    for root in Organisation.objects.filter(parent__isnull=True):
        walk(root, 0)
    return render(request, "accounts/organisations.html", {"form": form, "tree": tree})
