"""The catalogue of report tables and indicators that the sections declare in their reports.py.

A table or an indicator group is a small class: what it is (id from the report specification, titles,
columns, units) and one `compute(period)` that counts in the database with aggregate queries.
"""

from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from django.conf import settings

from labor_portal.core.periods import HalfYear


class Row(NamedTuple):
    label: str
    values: list


class ReportTable:
    id: str
    title_zh: str
    title_en: str
    columns: list[str]
    note: str = ""
    # Cells that are percentages, by column name or by row label, printed with `percent_decimals`.
    percent_columns: frozenset[str] = frozenset()
    percent_rows: frozenset[str] = frozenset()
    percent_decimals: int = 0

    @property
    def section(self) -> str:
        return self.id.split(".", 1)[0]

    def compute(self, period: HalfYear) -> list[Row]:
        raise NotImplementedError

    def is_percent(self, row_label: str, column: str) -> bool:
        return column in self.percent_columns or row_label in self.percent_rows

    def snapshot(self, period: HalfYear) -> dict:
        rows = self.compute(period)
        for row in rows:
            if len(row.values) != len(self.columns):
                raise ValueError(f"{self.id}: row {row.label!r} has {len(row.values)} values for {len(self.columns)} columns")
        data = {
            "id": self.id,
            "section": self.section,
            "title_zh": self.title_zh,
            "title_en": self.title_en,
            "columns": list(self.columns),
            "rows": [{"label": row.label, "values": list(row.values)} for row in rows],
        }
        if self.note:
            data["note"] = self.note
        return data


class Indicator(NamedTuple):
    """One counted figure: its id in the specification, unit and what it counts (zh-Hant)."""

    id: str
    unit: str
    label_zh: str


class IndicatorGroup:
    """Indicators counted together, usually by one aggregate query; `compute` returns {id: value}."""

    indicators: tuple[Indicator, ...]

    @property
    def section(self) -> str:
        return self.indicators[0].id.split(".", 1)[0]

    def compute(self, period: HalfYear) -> dict:
        raise NotImplementedError

    def snapshot(self, period: HalfYear) -> list[dict]:
        values = self.compute(period)
        missing = {indicator.id for indicator in self.indicators} - set(values)
        if missing:
            raise ValueError(f"{type(self).__name__} did not compute {sorted(missing)}")
        return [
            {
                "id": indicator.id,
                "section": self.section,
                "value": values[indicator.id],
                "unit": indicator.unit,
                "label_zh": indicator.label_zh,
            }
            for indicator in self.indicators
        ]


class Registry:
    def __init__(self):
        self._tables: dict[str, ReportTable] = {}
        self._groups: list[IndicatorGroup] = []

    def table(self, cls: type[ReportTable]) -> type[ReportTable]:
        """Class decorator: @registry.table"""
        if cls.id in self._tables:
            raise ValueError(f"report table {cls.id} registered twice")
        self._tables[cls.id] = cls()
        return cls

    def indicators(self, cls: type[IndicatorGroup]) -> type[IndicatorGroup]:
        """Class decorator: @registry.indicators"""
        self._groups.append(cls())
        return cls

    def get_table(self, table_id: str) -> ReportTable | None:
        return self._tables.get(table_id)

    def steps(self) -> list[ReportTable | IndicatorGroup]:
        """Every table and indicator group, in the report's section order."""
        order = {app_label: n for n, app_label in enumerate(settings.SECTION_APPS)}
        items = [*self._tables.values(), *self._groups]
        return sorted(items, key=lambda item: order.get(item.section, len(order)))


registry = Registry()


def ratio(part: int, whole: int, decimals: int = 0) -> int | float:
    """part / whole rounded half up as the bureau rounds (22.5 → 23, not 22); 0 when there is no whole."""
    if not whole:
        return 0
    value = (Decimal(part) / Decimal(whole)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    return int(value) if decimals == 0 else float(value)


def percent(part: int, whole: int, decimals: int = 0) -> int | float:
    """part / whole in percent, rounded half up; 0 when there is no whole."""
    return ratio(part * 100, whole, decimals)


def with_total(values: list[int]) -> list[int]:
    return [*values, sum(values)]
