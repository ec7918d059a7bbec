from django.contrib.humanize.templatetags.humanize import intcomma

from labor_portal.core.sections import sections
from labor_portal.reporting.registry import registry
from labor_portal.reporting.workbook import MISSING


def _cell(value, is_percent: bool) -> str:
    if value is None:
        return MISSING
    if isinstance(value, str):
        return value
    return f"{value}%" if is_percent else intcomma(value)


def tables_for_display(snapshot: dict) -> list[dict]:
    """The snapshot grouped by section in report order, cells formatted as the printed report shows them."""
    displayed = []
    for config in sections():
        section = config.label
        tables = []
        for table in (t for t in snapshot["tables"] if t["section"] == section):
            spec = registry.get_table(table["id"])
            rows = [
                {
                    "label": row["label"],
                    "cells": [
                        _cell(value, bool(spec and spec.is_percent(row["label"], column)))
                        for column, value in zip(table["columns"], row["values"], strict=True)
                    ],
                }
                for row in table["rows"]
            ]
            tables.append({**table, "display_rows": rows})
        indicators = [item for item in snapshot["indicators"] if item["section"] == section]
        if tables or indicators:
            displayed.append({"title": config.title, "tables": tables, "indicators": indicators})
    return displayed
