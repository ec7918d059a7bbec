"""Server-drawn SVG charts of the report tables that read faster as a picture, and the key figures' sparklines.

Only geometry is computed here; reporting/_bar_chart.html and _sparkline.html draw it, coloured by classes of
reporting/charts.css (the pages' CSP allows no inline style). Each chart comes with its data as a table.
"""

from numbers import Number
from typing import NamedTuple

from labor_portal.reporting.catalogue import label as label_in
from labor_portal.reporting.registry import TOTAL_NAMES


class ChartSpec(NamedTuple):
    """Which cells of a table make its bar chart: a bar per category, stacked by series.

    `by` is "rows" (a bar per row, series = `series` columns) or "columns" (a bar per column of `categories`,
    series = `series` rows). `category_row` names the row whose values label the bars (the ranked articles).
    """

    by: str
    series: tuple[str, ...]
    categories: tuple[str, ...] = ()
    category_row: str = ""
    series_names: tuple[str, ...] = ()


CHARTS = {
    "disputes.by_category": ChartSpec("rows", ("成立", "不成立", "調解中之案件")),
    "inspections.lsa_violations_by_article": ChartSpec(
        "columns", ("次數",), ("第一名", "第二名", "第三名", "第四名", "第五名", "第六名", "第七名", "第八名"),
        category_row="條次",
    ),
    "disability_services.quota_employment": ChartSpec(
        "columns", ("義務機關構數:獎勵", "義務機關構數:足額", "義務機關構數:不足額"),
        ("公立:機關", "公立:學校", "公立:公營企業", "私立:學校", "私立:團體", "私立:民營"),
        series_names=("獎勵", "足額", "不足額"),
    ),
    "welfare.accident_condolence": ChartSpec(
        "columns", ("",), ("職災死亡(10~30萬):件數", "失能1-5級(3萬):件數", "失能6-10級(2萬):件數", "失能11-15級(1萬):件數"),
        series_names=("件數",),
    ),
}

WIDTH, LABEL_WIDTH, VALUE_WIDTH = 640, 190, 60
BAR_HEIGHT, GAP, TOP = 20, 8, 30


def _number(value) -> int | float:
    return value if isinstance(value, Number) and not isinstance(value, bool) else 0


def _shortened(columns: list[str]) -> list[str]:
    """Column names without the second level all of them share (職災死亡(10~30萬):件數 → 職災死亡(10~30萬))."""
    seconds = {column.partition(":")[2] for column in columns}
    if len(seconds) == 1 and "" not in seconds:
        return [column.partition(":")[0] for column in columns]
    return columns


def _cells(table: dict, spec: ChartSpec) -> tuple[list[str], list[str], list[list]]:
    """(bar labels, series names, values[bar][series]) read from the table's cells."""
    rows = {row["label"]: row["values"] for row in table["rows"]}
    index = {column: n for n, column in enumerate(table["columns"])}
    if spec.by == "rows":
        bars = [label for label in rows if label not in TOTAL_NAMES]
        values = [[rows[bar][index[column]] for column in spec.series] for bar in bars]
        return bars, list(spec.series_names or spec.series), values
    # A series "" is the table's only row (whatever its label, e.g. the year's budget).
    series_rows = [rows[name] if name else table["rows"][0]["values"] for name in spec.series]
    columns = [column for column in spec.categories if column in index]
    bars = [rows[spec.category_row][index[c]] for c in columns] if spec.category_row else _shortened(columns)
    values = [[row[index[column]] for row in series_rows] for column in columns]
    return bars, list(spec.series_names or spec.series), values


def bar_chart(table: dict, lang: str) -> dict | None:
    """The geometry of the table's stacked horizontal bar chart, or None when the table has no chart."""
    spec = CHARTS.get(table["id"])
    if spec is None:
        return None
    try:
        bars, names, values = _cells(table, spec)
    except (KeyError, IndexError):
        return None  # a snapshot from before a table changed shape: no picture rather than a wrong one
    if not bars:
        return None
    longest = max(sum(_number(v) for v in row) for row in values) or 1
    scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / longest
    drawn = []
    for n, (bar, row) in enumerate(zip(bars, values, strict=True)):
        x, segments = LABEL_WIDTH, []
        for s, value in enumerate(row):
            width = round(_number(value) * scale, 1)
            segments.append({"x": x, "width": width, "series": s, "value": value})
            x = round(x + width, 1)
        total = sum(_number(v) for v in row)
        drawn.append({
            "label": label_in(bar, lang), "y": TOP + n * (BAR_HEIGHT + GAP), "segments": segments,
            "total": total, "total_x": x + 6, "cells": row,
        })
    series = [
        {"name": label_in(name, lang), "n": s, "x": LABEL_WIDTH + s * 130}
        for s, name in enumerate(names)
    ]
    return {
        "id": table["id"].replace(".", "-"), "width": WIDTH, "height": TOP + len(bars) * (BAR_HEIGHT + GAP),
        "bar_height": BAR_HEIGHT, "label_x": LABEL_WIDTH - 6, "series": series, "bars": drawn,
        "legend": len(series) > 1,
    }


SPARK_WIDTH, SPARK_HEIGHT, SPARK_PAD = 120, 28, 3


def sparkline(values: list) -> dict | None:
    """The points of a small line of a figure's half-years (oldest first); None when fewer than two are known."""
    known = [(n, v) for n, v in enumerate(values) if isinstance(v, Number) and not isinstance(v, bool)]
    if len(known) < 2:
        return None
    low, high = min(v for _n, v in known), max(v for _n, v in known)
    step = (SPARK_WIDTH - 2 * SPARK_PAD) / (len(values) - 1)
    span = (high - low) or 1

    def point(n, v):
        y = SPARK_HEIGHT - SPARK_PAD - (v - low) / span * (SPARK_HEIGHT - 2 * SPARK_PAD)
        return round(SPARK_PAD + n * step, 1), round(y, 1)

    points = [point(n, v) for n, v in known]
    return {
        "width": SPARK_WIDTH, "height": SPARK_HEIGHT,
        "points": " ".join(f"{x},{y}" for x, y in points), "last_x": points[-1][0], "last_y": points[-1][1],
    }
