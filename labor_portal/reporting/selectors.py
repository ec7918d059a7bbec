from numbers import Number

from django.utils.translation import get_language

from labor_portal.core.sections import sections
from labor_portal.reporting import catalogue
from labor_portal.reporting.charts import bar_chart, sparkline
from labor_portal.reporting.comparisons import change, previous_rows
from labor_portal.reporting.models import ReportRun
from labor_portal.reporting.registry import registry
from labor_portal.reporting.workbook import MISSING


def number(value) -> str:
    """A count or amount with thousands separators in every language (84,000; 3,010.5), years never pass here.

    Formatted explicitly: USE_THOUSAND_SEPARATOR stays off so that years and ids in templates are not grouped."""
    if value is None:
        return MISSING
    if isinstance(value, Number) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def _cell(value, is_percent: bool) -> str:
    if value is None:
        return MISSING
    if isinstance(value, str):
        return value
    return f"{value}%" if is_percent else number(value)


def _change_text(current, previous, is_percent: bool) -> str | None:
    """The change as the report words it: +3 (+15.8%), or in points for a percentage (+2.5 個百分點 / pp)."""
    delta = change(current, previous)
    if delta is None:
        return None
    count = f"{delta['count']:+,}"
    if is_percent:
        return count
    if delta["percent"] is None:
        return count
    return f"{count} ({delta['percent']:+}%)"


def _compared(table: dict, spec, earlier_rows: list | None) -> list[list[dict]]:
    """Each cell with the same cell a year before and the change, row by row."""
    compared = []
    for row, before in zip(table["rows"], previous_rows(table["rows"], earlier_rows), strict=True):
        cells = []
        for n, (column, value) in enumerate(zip(table["columns"], row["values"], strict=True)):
            is_percent = bool(spec and spec.is_percent(row["label"], column))
            earlier = before[n] if before is not None and n < len(before) else None
            cells.append({
                "text": _cell(value, is_percent),
                "previous": None if earlier is None else _cell(earlier, is_percent),
                "change": _change_text(value, earlier, is_percent),
            })
        compared.append(cells)
    return compared


def _table(table: dict, lang: str, previous: dict | None) -> dict:
    spec = registry.get_table(table["id"])
    compared = _compared(table, spec, (previous or {}).get("tables", {}).get(table["id"]))
    rows = [
        {
            "label": catalogue.label(row["label"], lang),
            "cells": [cell["text"] for cell in cells],
            "compared": cells,
        }
        for row, cells in zip(table["rows"], compared, strict=True)
    ]
    return {
        **table,
        "title": catalogue.title(table["id"], lang, default=table["title_en" if catalogue.is_english(lang) else "title_zh"]),
        "column_labels": [catalogue.label(column, lang) for column in table["columns"]],
        "display_note": catalogue.note(table["id"], lang, table.get("note", "")),
        "display_rows": rows,
        "chart": bar_chart(table, lang),
    }


def _indicator(item: dict, lang: str, previous: dict | None, trend: dict, periods: list[str]) -> dict:
    earlier = (previous or {}).get("indicators", {}).get(item["id"])
    values = trend.get("indicators", {}).get(item["id"])
    is_percent = item["unit"] == "%"
    label = item["label_zh"]
    if catalogue.is_english(lang):
        label = catalogue.indicator_label(item["id"], lang, default=label)
    return {
        **item,
        "label": label,
        "display_value": number(item["value"]),
        "display_unit": catalogue.unit(item["unit"], lang),
        "previous": None if earlier is None else number(earlier),
        "change": _change_text(item["value"], earlier, is_percent),
        "sparkline": sparkline(values) if values else None,
        "trend": [{"period": period, "value": number(v)} for period, v in zip(periods, values or [], strict=False)],
    }


def tables_for_display(snapshot: dict, lang: str | None = None) -> list[dict]:
    """The snapshot grouped by section in report order, in `lang` (the page's), cells formatted as the printed
    report shows them, with the comparisons and charts stored in the snapshot."""
    lang = lang or get_language()
    previous, trend = snapshot.get("previous"), snapshot.get("trend") or {}
    label_key = "label_en" if catalogue.is_english(lang) else "label_zh"
    periods = [period.get(label_key) or period["label_zh"] for period in trend.get("periods", [])]
    displayed = []
    for config in sections():
        section = config.label
        tables = [_table(t, lang, previous) for t in snapshot["tables"] if t["section"] == section]
        indicators = [
            _indicator(item, lang, previous, trend, periods)
            for item in snapshot["indicators"] if item["section"] == section
        ]
        if tables or indicators:
            displayed.append({"label": section, "title": config.title, "tables": tables, "indicators": indicators})
    return displayed


def checks_for_display(checks: list[dict] | None, lang: str | None = None) -> list[dict] | None:
    """The failed consistency checks in `lang`; None when the snapshot has none recorded (not done yet)."""
    if checks is None:
        return None
    key = "message_en" if catalogue.is_english(lang or get_language()) else "message_zh"
    return [{"table": check["table"], "message": check[key]} for check in checks]


def run_checks(run: ReportRun, lang: str | None = None) -> list[dict] | None:
    """The failed checks of a run, read by key so that the run page never loads the whole snapshot."""
    checks = ReportRun.objects.filter(pk=run.pk).values_list("snapshot__checks", flat=True).first()
    return checks_for_display(checks, lang)
