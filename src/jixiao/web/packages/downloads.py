"""A revision as .docx/.xlsx/.pdf/.json through jixiao.writers.render (shared with the public pages)."""

from __future__ import annotations

import re
from urllib.parse import quote

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from jixiao.web.packages.models import ReportPackage, Revision
from jixiao.web.packages.store import evaluate_revision
from jixiao.writers import FORMATS, MEDIA_TYPES, WriterUnavailable
from jixiao.writers import render as render_package

PROGRESS_COOKIE = "jixiao_download"
_TOKEN = re.compile(r"[A-Za-z0-9]{6,32}")


def _mark_done(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """The page's progress indicator polls for this cookie: it names the finished download's token.

    The token is random per click and carries nothing else, so the cookie may be readable by scripts.
    """
    token = request.GET.get("progress", "")
    if _TOKEN.fullmatch(token):
        response.set_cookie(
            PROGRESS_COOKIE, token, max_age=120, samesite="Lax", secure=settings.SESSION_COOKIE_SECURE, httponly=False
        )
    return response


def file_response(request: HttpRequest, record: ReportPackage, revision: Revision, fmt: str) -> HttpResponse:
    return _mark_done(request, _file_response(request, record, revision, fmt))


def _file_response(request: HttpRequest, record: ReportPackage, revision: Revision, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    result = evaluate_revision(revision)
    package = result.package or revision.load()
    try:
        body = render_package(package, result.score, fmt)  # type: ignore[arg-type]
    except WriterUnavailable as error:
        context = {"message": error.message, "message_en": error.message_en, "record": record, "fmt": fmt}
        return render(request, "packages/writer_unavailable.html", context, status=503)
    except ImportError:
        context = {
            "message": f"此服务器尚未安装 {fmt.upper()} 导出功能",
            "message_en": f"{fmt.upper()} export is not installed on this server",
            "record": record,
            "fmt": fmt,
        }
        return render(request, "packages/writer_unavailable.html", context, status=503)
    name = f"{record.title}-{record.year}-v{revision.number}.{fmt}"
    response = HttpResponse(body, content_type=MEDIA_TYPES[fmt])
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    return response
