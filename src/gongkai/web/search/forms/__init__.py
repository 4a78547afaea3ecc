"""The public search form (GET): the words and the filters."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms

from gongkai.text.search import MAX_QUERY_CHARS
from gongkai.web.agencies.models import Agency
from gongkai.web.catalogue.categories import CATEGORY_CHOICES
from gongkai.web.search.models import KIND_CHOICES
from gongkai.web.search.query import Filters

FIRST_YEAR, LAST_YEAR = 2008, 2100  # the 2008 《条例》 is the first year anything is published
SCOPE_CHOICES = [("subtree", "含下级机关"), ("self", "仅本机关")]


if TYPE_CHECKING:  # generic only in the type stubs
    _AgencyChoice = forms.ModelChoiceField[Agency]
else:
    _AgencyChoice = forms.ModelChoiceField


class AgencyField(_AgencyChoice):
    def label_from_instance(self, obj: Agency) -> str:
        return "　" * obj.level + obj.name  # indented: the tree reads as a tree


class SearchForm(forms.Form):
    q = forms.CharField(
        label="检索词",
        required=False,
        max_length=MAX_QUERY_CHARS,
        error_messages={"max_length": f"检索词不能超过 {MAX_QUERY_CHARS} 个字。"},
    )
    agency = AgencyField(
        label="机关",
        queryset=Agency.objects.filter(is_active=True).order_by("path"),
        required=False,
        empty_label="全部机关",
        error_messages={"invalid_choice": "没有这个机关，请从列表中选择。"},
    )
    scope = forms.ChoiceField(label="范围", choices=SCOPE_CHOICES, required=False)
    year = forms.IntegerField(
        label="年度",
        required=False,
        min_value=FIRST_YEAR,
        max_value=LAST_YEAR,
        error_messages={
            "invalid": "年度应填写四位数字，例如 2024。",
            "min_value": f"年度不能早于 {FIRST_YEAR} 年。",
            "max_value": f"年度不能晚于 {LAST_YEAR} 年。",
        },
    )
    kind = forms.ChoiceField(
        label="类别",
        choices=[("", "全部类别"), *KIND_CHOICES],
        required=False,
        error_messages={"invalid_choice": "没有这个类别，请从列表中选择。"},
    )
    category = forms.ChoiceField(
        label="公开事项",
        choices=[("", "全部事项"), *CATEGORY_CHOICES],
        required=False,
        error_messages={"invalid_choice": "没有这个公开事项，请从列表中选择。"},
    )

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            agency=data["agency"],
            subtree=data["scope"] != "self",
            year=data["year"],
            kind=data["kind"],
            category=data["category"],
        )
