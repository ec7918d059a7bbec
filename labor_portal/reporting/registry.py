"""The catalogue of report tables and indicators that the sections declare in their reports.py.

A table or an indicator group is a small class: what it is (id from the report specification, titles,
columns, units) and one `compute(period)` that counts in the database with aggregate queries. A figure that is
a straight aggregate over the period's records is one line instead (`Figure`, registered with
`registry.figures(...)`); the figures of one model in one registration are counted in one query.
"""

from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, NamedTuple

from django.db.models import Count

from labor_portal.core.periods import HalfYear


class Row(NamedTuple):
    label: str
    values: list


# A row or column with one of these names is the sum of the others (the 合計 column, the 小計 row), unless the table
# declares its sums itself.
TOTAL_NAMES = frozenset({"合計", "小計", "總計"})


class Total(NamedTuple):
    """A consistency rule: the row (or column) named `total` is the sum of the rows (or columns) named `parts`."""

    total: str
    parts: tuple[str, ...]


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
    # Checked on each generation (labor_portal.reporting.checks). None: a 合計/小計 row sums the rows above it and a
    # 合計 column the other columns of its row; declare them where the table has groups (公立 / 私立, 件數 / 金額).
    row_totals: tuple[Total, ...] | None = None
    column_totals: tuple[Total, ...] | None = None

    @property
    def section(self) -> str:
        return self.id.split(".", 1)[0]

    def compute(self, period: HalfYear) -> list[Row]:
        raise NotImplementedError

    def is_percent(self, row_label: str, column: str) -> bool:
        return column in self.percent_columns or row_label in self.percent_rows

    def row_sums(self, labels: list[str]) -> tuple[Total, ...]:
        """The rows that are sums of others: declared, or a 小計 row of the rows since the last 小計 and a 合計/總計 row
        of all the rows above it (percent rows aside)."""
        if self.row_totals is not None:
            return self.row_totals
        totals, above, group = [], [], []
        for label in labels:
            if label == "小計":
                totals.append(Total(label, tuple(group)))
                group = []
            elif label in TOTAL_NAMES:
                totals.append(Total(label, tuple(above)))
            elif label not in self.percent_rows:
                above.append(label)
                group.append(label)
        return tuple(totals)

    def column_sums(self) -> tuple[Total, ...]:
        """The columns that are sums of others: declared, or a 合計 column of the other counted columns."""
        if self.column_totals is not None:
            return self.column_totals
        parts = tuple(c for c in self.columns if c not in TOTAL_NAMES and c not in self.percent_columns)
        return tuple(Total(c, parts) for c in self.columns if c in TOTAL_NAMES)

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


class Figure(NamedTuple):
    """One figure in one line: its id, unit, what it counts (zh-Hant: the rule), and the aggregate that counts it
    over `queryset` narrowed to the period by the queryset method named `scope` (called with the HalfYear).

    Figure("unions.campus_lectures", "場次", "高中職「勞動法制教育」校園巡迴演講場次", CampusLecture.objects, Count("pk"))

    Only some of the period's rows count? Put the condition in the aggregate: Count("pk", filter=Q(...)). An
    aggregate over no rows (a Sum of nothing) is 0, as the bureau prints it.
    """

    id: str
    unit: str
    label_zh: str
    queryset: Any
    aggregate: Any
    scope: str = "in_period"

    @property
    def indicator(self) -> Indicator:
        return Indicator(self.id, self.unit, self.label_zh)


class FigureGroup(IndicatorGroup):
    """Declared figures, counted with one .aggregate() per model (and queryset and period scope) among them."""

    def __init__(self, figures: Iterable[Figure]):
        self.figures = tuple(figures)
        self.indicators = tuple(figure.indicator for figure in self.figures)
        self._batches: list[list[Figure]] | None = None

    def batches(self) -> list[list[Figure]]:
        """The figures grouped by the query that counts them; grouped once, as the declarations never change."""
        if self._batches is None:
            batches: dict[tuple, list[Figure]] = {}
            for figure in self.figures:
                queryset = figure.queryset.all()
                # Same model but another base filter (objects.filter(...)) is another query: key by the SQL too.
                # Building that SQL cost more than counting some of the figures, hence once.
                key = (queryset.model, figure.scope, str(queryset.query))
                batches.setdefault(key, []).append(figure)
            self._batches = list(batches.values())
        return self._batches

    def compute(self, period: HalfYear) -> dict:
        values = {}
        for figures in self.batches():
            first = figures[0]
            queryset = getattr(first.queryset.all(), first.scope)(period)
            # Positional names: a figure id has dots, which aggregate() keyword names must not.
            totals = queryset.aggregate(**{f"f{n}": figure.aggregate for n, figure in enumerate(figures)})
            for n, figure in enumerate(figures):
                values[figure.id] = totals[f"f{n}"] if totals[f"f{n}"] is not None else 0
        return values


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

    def figures(self, *figures: Figure) -> FigureGroup:
        """registry.figures(Figure(...), Figure(...)): one-line figures, counted together."""
        group = FigureGroup(figures)
        self._groups.append(group)
        return group

    def get_table(self, table_id: str) -> ReportTable | None:
        return self._tables.get(table_id)

    def ids(self) -> set[str]:
        """The id of every registered table and indicator."""
        return {*self._tables, *(indicator.id for group in self._groups for indicator in group.indicators)}

    @staticmethod
    def built_sections() -> set[str]:
        """The sections that declare themselves built (`built = True` on their AppConfig): they owe all their ids."""
        from labor_portal.core.sections import sections

        return {config.label for config in sections() if config.built}

    def missing(self, catalogue_ids: Iterable[str], built: Iterable[str] | None = None) -> list[str]:
        """The ids of the specification that a built section does not compute (those of unbuilt sections wait)."""
        registered = self.ids()
        built = set(self.built_sections() if built is None else built)
        return sorted(id_ for id_ in catalogue_ids if id_.split(".", 1)[0] in built and id_ not in registered)

    def steps(self) -> list[ReportTable | IndicatorGroup]:
        """Every table and indicator group, in the report's section order."""
        from labor_portal.core.sections import sections

        order = {config.label: n for n, config in enumerate(sections())}
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


def with_sum(values: list[int]) -> list[int]:
    """A row's values followed by their sum (the 合計 column)."""
    return [*values, sum(values)]


def with_total(rows: list[Row], label: str = "小計") -> list[Row]:
    """The rows followed by a subtotal row, each cell the sum of the column above it: it cannot drift from them."""
    sums = [sum(column) for column in zip(*(row.values for row in rows), strict=True)]
    return [*rows, Row(label, sums)]


def count_by(queryset, field: str, **aggregates) -> dict[Any, dict]:
    """One grouped query: {value of `field`: {"count": rows with it, **other aggregates}}. A value no row has is
    absent; read it with `column`."""
    grouped = queryset.values(field).annotate(count=Count("pk"), **aggregates).order_by()
    return {row.pop(field): row for row in grouped}


def column(grouped: dict[Any, dict], keys: Iterable, name: str = "count") -> list:
    """The `name` aggregate of count_by's rows for each of `keys` (e.g. a TextChoices), in order; 0 when absent."""
    # A choice member hashes by its name, not its value: look rows up by the value.
    values = [getattr(key, "value", key) for key in keys]
    return [grouped[value][name] if value in grouped else 0 for value in values]
