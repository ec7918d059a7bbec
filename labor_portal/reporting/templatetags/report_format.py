"""Report pages' formatting: numbers grouped by thousands in every language, periods in the page's language."""

from django import template
from django.utils.translation import get_language

from labor_portal.reporting import catalogue, selectors

register = template.Library()


@register.filter
def number(value) -> str:
    """84000 → 84,000 in zh-Hant and English alike (USE_THOUSAND_SEPARATOR stays off so years are not grouped)."""
    return selectors.number(value)


@register.filter
def period_label(half_year) -> str:
    """A HalfYear (or its snapshot dict) as the page's language prints it: 109年1月至6月 / January to June 2020."""
    english = catalogue.is_english(get_language())
    if isinstance(half_year, dict):
        return half_year.get("label_en" if english else "label_zh") or half_year.get("label_zh", "")
    return half_year.label_en if english else half_year.label_zh


@register.simple_tag(takes_context=True)
def language_link(context, lang: str = "", **params) -> str:
    """This page's URL in `lang` (?lang=en; the page's own when not given), other parameters kept or set."""
    query = context["request"].GET.copy()
    query["lang"] = lang or get_language()
    for key, value in params.items():
        query[key] = value
    return f"?{query.urlencode()}"
