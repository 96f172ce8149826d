"""Every URL pattern × every persona: who may see and do what (the table below is the specification).

The package belongs to the preparer's and head's unit and is a draft. "ok" is a 2xx or a redirect that
is not to the login page; "login" is a redirect to the login page; numbers are status codes.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

pytestmark = pytest.mark.django_db

PERSONAS = ("anonymous", "preparer", "head", "reviewer", "outsider", "far_reviewer", "admin")
OK, LOGIN = "ok", "login"

# name: (method, {persona: outcome}) — personas not named get the "others" outcome.
TABLE: dict[str, tuple[str, dict[str, Any]]] = {
    "healthz": ("GET", {"others": OK}),
    "favicon": ("GET", {"others": OK}),
    "set_language": ("POST", {"others": OK}),
    "accounts:login": ("GET", {"others": OK}),
    "accounts:logout": ("POST", {"others": LOGIN}),  # always back to the login page
    "accounts:users": ("GET", {"admin": OK, "anonymous": LOGIN, "others": 404}),
    "accounts:user_edit": ("GET", {"admin": OK, "anonymous": LOGIN, "others": 404}),
    "accounts:organisations": ("GET", {"admin": OK, "anonymous": LOGIN, "others": 404}),
    "review:queue": ("GET", {"head": OK, "reviewer": OK, "far_reviewer": OK, "anonymous": LOGIN, "others": 404}),
    "review:transition": ("POST", {"preparer": OK, "head": OK, "reviewer": 403, "anonymous": LOGIN, "others": 404}),
    "public:index": ("GET", {"others": OK}),
    "public:data_json": ("GET", {"others": OK}),
    "public:data_csv": ("GET", {"others": OK}),
    "public:detail": ("GET", {"others": 404}),  # a draft is not public
    "public:download": ("GET", {"others": 404}),
    "packages:home": ("GET", {"anonymous": LOGIN, "others": OK}),
    "packages:new": ("GET", {"preparer": OK, "head": OK, "outsider": OK, "anonymous": LOGIN, "others": 404}),
    "packages:import": ("GET", {"preparer": OK, "head": OK, "outsider": OK, "anonymous": LOGIN, "others": 404}),
    "packages:parse": ("POST", {"anonymous": LOGIN, "others": OK}),
    "packages:detail": ("GET", {"preparer": OK, "head": OK, "reviewer": OK, "anonymous": LOGIN, "others": 404}),
    "packages:copy": ("POST", {"preparer": OK, "head": OK, "anonymous": LOGIN, "others": 404}),
    "packages:edit": ("GET", {"preparer": OK, "head": OK, "reviewer": 403, "anonymous": LOGIN, "others": 404}),
    "packages:save": ("POST", {"preparer": OK, "head": OK, "reviewer": 403, "anonymous": LOGIN, "others": 404}),
    "packages:revision": ("GET", {"preparer": OK, "head": OK, "reviewer": OK, "anonymous": LOGIN, "others": 404}),
    "packages:download": ("GET", {"preparer": OK, "head": OK, "reviewer": OK, "anonymous": LOGIN, "others": 404}),
}


def url_names() -> list[str]:
    found: list[str] = []

    def walk(patterns: list[Any], prefix: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + (entry.namespace + ":" if entry.namespace else ""))
            elif isinstance(entry, URLPattern) and entry.name:
                found.append(prefix + entry.name)

    walk(get_resolver().url_patterns, "")
    return sorted(found)


def test_every_url_pattern_is_in_the_table() -> None:
    assert sorted(TABLE) == url_names()


def _kwargs(name: str, package: Any, people: dict[str, Any]) -> dict[str, Any]:
    pattern = next(p for p in _patterns() if p[0] == name)[1]
    values = {"package_id": package.pk, "user_id": people["preparer"].pk, "doc": 1, "number": 1, "fmt": "json",
              "action": "submit"}  # fmt: skip
    return {key: values[key] for key in pattern.converters}


def _patterns() -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []

    def walk(patterns: list[Any], prefix: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + (entry.namespace + ":" if entry.namespace else ""))
            elif isinstance(entry, URLPattern) and entry.name:
                out.append((prefix + entry.name, entry.pattern))

    walk(get_resolver().url_patterns, "")
    return out


def _outcome(response: Any) -> Any:
    if response.status_code in (301, 302) and "/accounts/login/" in response["Location"]:
        return LOGIN
    if response.status_code < 400:
        return OK
    return response.status_code


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(TABLE))
def test_who_may_do_what(
    name: str, persona: str, clients: dict[str, Any], package: Any, people: dict[str, Any]
) -> None:
    method, rules = TABLE[name]
    expected = rules.get(persona, rules.get("others"))
    url = reverse(name, kwargs=_kwargs(name, package, people))
    client = clients[persona]
    data = {"base": "1", "year": "2024", "comment": "x", "text": "≥1", "language": "en", "next": "/"}
    response = client.post(url, data) if method == "POST" else client.get(url)
    assert _outcome(response) == expected, f"{persona} {method} {url}: {response.status_code}"


@pytest.mark.parametrize("name", [n for n, (method, _) in TABLE.items() if method == "POST"])
def test_post_only_views_refuse_get(name: str, clients: dict[str, Any], package: Any, people: dict[str, Any]) -> None:
    if name == "set_language":
        return  # Django's view redirects a GET without changing anything
    url = reverse(name, kwargs=_kwargs(name, package, people))
    assert clients["preparer"].get(url).status_code == 405


def test_state_rules_after_submission(clients: dict[str, Any], package: Any) -> None:
    """Once submitted, the unit can no longer edit; the head approves; the bureau cannot yet accept."""
    clients["preparer"].post(reverse("review:transition", args=[package.pk, "submit"]))
    assert clients["preparer"].get(reverse("packages:edit", args=[package.pk, 1])).status_code == 403
    assert clients["reviewer"].post(reverse("review:transition", args=[package.pk, "accept"])).status_code == 403
    assert clients["preparer"].post(reverse("review:transition", args=[package.pk, "approve"])).status_code == 403
    assert clients["head"].post(reverse("review:transition", args=[package.pk, "approve"])).status_code == 302
    assert clients["outsider"].get(reverse("packages:detail", args=[package.pk])).status_code == 404
