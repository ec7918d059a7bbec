from django import template

register = template.Library()


@register.filter
def thousands(value) -> str:
    """50,000 in every language: the bureau prints amounts with commas, while zh-Hant's locale has none."""
    return f"{value:,}" if isinstance(value, int) else ""
