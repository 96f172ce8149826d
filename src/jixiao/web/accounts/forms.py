"""Forms of the accounts app (labels through gettext)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from jixiao.web.accounts.models import Organisation, OrgKind, Role, User


class LoginForm(forms.Form):
    username = forms.CharField(label=_("用户名"), max_length=150)
    password = forms.CharField(label=_("密码"), widget=forms.PasswordInput, max_length=200)


class OrganisationForm(forms.ModelForm[Organisation]):
    class Meta:
        model = Organisation
        fields = ["name", "kind", "parent"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind, parent = data.get("kind"), data.get("parent")
        if kind == OrgKind.BUREAU and parent is not None:
            self.add_error("parent", _("财政局不能有上级机构"))
        if kind != OrgKind.BUREAU and parent is None:
            self.add_error("parent", _("部门和单位必须有上级机构"))
        return data


class UserForm(forms.ModelForm[User]):
    password = forms.CharField(
        label=_("初始密码"), widget=forms.PasswordInput, required=False, help_text=_("留空则不修改")
    )

    class Meta:
        model = User
        fields = ["username", "first_name", "role", "organisation", "is_active"]
        labels = {"username": _("用户名"), "first_name": _("姓名"), "is_active": _("启用")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = Role.choices
        if self.instance._state.adding:
            self.fields["password"].required = True

    def clean_password(self) -> str:
        password: str = self.cleaned_data.get("password") or ""
        if password:
            validate_password(password, self.instance)
        return password

    def save(self, commit: bool = True) -> User:
        user = super().save(commit=False)
        password = self.cleaned_data.get("password")
        if password:
            user.set_password(password)
        if commit:
            user.save()
        return user
