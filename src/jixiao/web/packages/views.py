"""Packages: list, create (blank, copy, import), overview, edit one table, revisions, downloads."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from jixiao.web.accounts.decorators import login_required, role_required
from jixiao.web.accounts.models import Role, User
from jixiao.web.packages import editing
from jixiao.web.packages.editing_basic import CATEGORY_LABELS
from jixiao.web.packages.forms import BlankForm, CopyForm, ImportForm
from jixiao.web.packages.gate import allowed, get_package_for_user, visible_packages
from jixiao.web.packages.making import UploadRejected, blank_package, carry_forward, read_upload
from jixiao.web.packages.models import ReportPackage, Revision, State
from jixiao.web.packages.present import document_views, summary
from jixiao.web.packages.stamping import stamp
from jixiao.web.packages.store import Conflict, create_package, evaluate_revision, get_revision, save_revision

UNIT_ROLES = (Role.PREPARER, Role.HEAD)
ACTIONS = ("submit", "approve", "return", "accept", "publish")


def _user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    return user


@require_GET
@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if user.role == Role.ADMIN:
        return redirect("accounts:users")
    packages = visible_packages(user).select_related("unit").order_by("-year", "unit__name", "title")
    state = request.GET.get("state", "")
    if state in State.values:
        packages = packages.filter(state=state)
    return render(
        request,
        "packages/home.html",
        {
            "packages": packages[:500],
            "states": State.choices,
            "state": state,
            "can_create": user.role in UNIT_ROLES,
        },
    )


@require_http_methods(["GET", "POST"])
@role_required(*UNIT_ROLES)
def new_blank(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = BlankForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        content = blank_package(data["framework"], data["year"], data["projects"], user.organisation.name)  # type: ignore[union-attr]
        record = create_package(user.organisation, data["year"], data["title"], content, user, _("新建空白报告包"))
        return redirect("packages:detail", package_id=record.pk)
    return render(request, "packages/new.html", {"form": form, "import_form": ImportForm()})


@require_http_methods(["GET", "POST"])
@role_required(*UNIT_ROLES)
def import_file(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and getattr(request, "upload_too_large", False):
        limit = settings.UPLOAD_LIMIT_BYTES // 1048576
        context = {
            "message": f"文件过大，上限为 {limit} MB",
            "message_en": f"the file is too large; the limit is {limit} MB",
            "name": "",
        }
        return render(request, "packages/import_error.html", context, status=413)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            content = read_upload(upload.name, upload.chunks(), upload.size, settings.UPLOAD_LIMIT_BYTES)
        except UploadRejected as error:
            status = 413 if "过大" in error.message else 400
            context = {"message": error.message, "message_en": error.message_en, "name": upload.name}
            return render(request, "packages/import_error.html", context, status=status)
        year = content.year or BlankForm.base_fields["year"].initial()  # type: ignore[misc,operator]
        title = form.cleaned_data["title"] or f"{content.unit or user.organisation} {year}"
        record = create_package(
            user.organisation, int(year), title, content, user, _("导入 %(name)s") % {"name": upload.name}
        )
        messages.success(request, _("已导入 %(name)s") % {"name": upload.name})
        return redirect("packages:detail", package_id=record.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "packages/new.html", {"form": BlankForm(), "import_form": form}, status=status)


@require_GET
@login_required
def detail(request: HttpRequest, package_id: str) -> HttpResponse:
    record = get_package_for_user(request, package_id, "view")
    revision = get_revision(record)
    result = evaluate_revision(revision)
    user = _user(request)
    context: dict[str, Any] = {
        "record": record,
        "revision": revision,
        "result": result,
        "documents": document_views(result),
        "summary": summary(result),
        "transitions": record.transitions.select_related("actor").order_by("-at"),
        "revisions": record.revisions.select_related("author").defer("data").order_by("-number")[:50],
        "actions": [a for a in ACTIONS if allowed(user, record, a)],
        "can_edit": allowed(user, record, "edit"),
        "can_copy": user.role in UNIT_ROLES,
        "copy_form": CopyForm(initial={"year": record.year + 1}),
        "formats": ("docx", "xlsx", "pdf", "json"),
    }
    return render(request, "packages/detail.html", context)


@require_POST
@role_required(*UNIT_ROLES)
def copy(request: HttpRequest, package_id: str) -> HttpResponse:
    record = get_package_for_user(request, package_id, "view")
    form = CopyForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("请填写有效的年度"))
        return redirect("packages:detail", package_id=record.pk)
    year = form.cleaned_data["year"]
    content = carry_forward(get_revision(record).load(), year)
    summary_text = _("由 %(year)s 年度复制，目标值保留") % {"year": record.year}
    new = create_package(
        record.unit,
        year,
        record.title.replace(str(record.year), str(year)),
        content,
        _user(request),
        summary_text,
    )
    messages.success(request, summary_text)
    return redirect("packages:detail", package_id=new.pk)


def _edit_context(record: ReportPackage, revision: Revision, doc: int, content: Any = None) -> dict[str, Any]:
    from jixiao.pipeline import evaluate

    package = revision.load()
    if content is None:
        result = evaluate_revision(revision, package)
    else:
        result = evaluate(content, path=str(record.pk), audit=True)
    views = document_views(result, rows_for=doc)  # the page shows one table's rows, every table's tab
    if not 0 <= doc < len(views):
        raise Http404
    return {
        "record": record,
        "revision": revision,
        "base": revision.number,
        "doc": views[doc],
        "documents": views,
        "editable": editing.is_editable(views[doc].document),
        "result": result,
        "categories": CATEGORY_LABELS,
    }


@require_GET
@login_required
def edit(request: HttpRequest, package_id: str, doc: int) -> HttpResponse:
    record = get_package_for_user(request, package_id, "edit")
    context = _edit_context(record, get_revision(record), doc)
    return render(request, "packages/edit.html", context)


@require_POST
@login_required
def save(request: HttpRequest, package_id: str, doc: int) -> HttpResponse:
    """Apply the posted table, append a revision, return the recomputed scores (or a conflict)."""
    record = get_package_for_user(request, package_id, "edit")
    try:
        based_on = int(request.POST.get("base", ""))
    except ValueError:
        return HttpResponse(_("缺少版本号"), status=400)
    base_revision = get_revision(record, based_on) if based_on <= record.revision_number else None
    if base_revision is None:
        raise Http404
    previous = base_revision.load()
    if not 0 <= doc < len(previous.documents) or not editing.is_editable(previous.documents[doc]):
        raise Http404
    document = editing.apply_form(previous.documents[doc], request.POST)
    operation = request.POST.get("op", "")
    if operation:
        document = editing.apply_row_operation(document, operation)
    document = stamp(document)  # added rows get Sources, so their findings link to their fields
    content = editing.replace_document(previous, doc, document)
    htmx = request.headers.get("HX-Request") == "true"
    try:
        revision = save_revision(
            record, based_on, content, previous, _user(request), _("编辑 %(name)s") % {"name": document.name}
        )
    except Conflict as conflict:
        context = _edit_context(record, base_revision, doc, content)
        context.update(conflict=conflict, base=based_on)
        template = "packages/_conflict.html" if htmx else "packages/edit.html"
        return render(request, template, context, status=409)
    context = _edit_context(record, revision, doc)
    context["saved"] = True
    if htmx and not operation:
        return render(request, "packages/_scores.html", context)
    if htmx:
        return render(request, "packages/_editor.html", context)
    return redirect("packages:edit", package_id=record.pk, doc=doc)


@require_POST
@login_required
def parse(request: HttpRequest) -> HttpResponse:
    """The typed reading of one cell as it is typed (jixiao.values.parse_value)."""
    from jixiao.values import parse_value, render_value

    text = request.POST.get("text", "")[:1000]
    for key, value in request.POST.items():
        if key.startswith("ind-") and key.endswith(("-target", "-actual")):
            text = value[:1000]
    value = parse_value(text)
    context = {"value": value, "shown": render_value(value), "kind": value.kind.value}
    return render(request, "packages/_parsed.html", context)


@require_GET
@login_required
def revision_detail(request: HttpRequest, package_id: str, number: int) -> HttpResponse:
    record = get_package_for_user(request, package_id, "view")
    try:
        revision = record.revisions.select_related("author").get(number=number)
    except Revision.DoesNotExist:
        raise Http404 from None
    return render(request, "packages/revision.html", {"record": record, "revision": revision})


@require_GET
@login_required
def download(request: HttpRequest, package_id: str, number: int, fmt: str) -> HttpResponse:
    record = get_package_for_user(request, package_id, "view")
    try:
        revision = get_revision(record, number)
    except Revision.DoesNotExist:
        raise Http404 from None
    from jixiao.web.packages.downloads import file_response

    return file_response(request, record, revision, fmt)
