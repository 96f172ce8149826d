"""Forms for creating packages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jixiao.web.packages.making import UPLOAD_SUFFIXES, framework_choices


def _default_year() -> int:
    return timezone.now().year - 1


class BlankForm(forms.Form):
    title = forms.CharField(label=_("名称"), max_length=200)
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100, initial=_default_year)
    framework = forms.ChoiceField(label=_("评价框架"), choices=())
    projects = forms.IntegerField(label=_("项目表数量"), min_value=0, max_value=50, initial=1)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["framework"].choices = framework_choices()


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("文件"),
        help_text=_("支持 .docx、.xlsx、.txt、.json，最大 20 MB"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(UPLOAD_SUFFIXES)}),
    )
    title = forms.CharField(label=_("名称（可选）"), max_length=200, required=False)


class CopyForm(forms.Form):
    year = forms.IntegerField(label=_("新年度"), min_value=2000, max_value=2100)
