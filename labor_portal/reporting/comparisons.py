"""Comparisons of a generated report with earlier half-years: the same half of the previous year, cell by cell,
and the trend of each key figure over the last six half-years.

Computed once, in the background task after the report itself (report_compute stays one half-year's work), and
stored in the run's snapshot under "previous" and "trend", so that pages only read them. An earlier half-year
is read from what the bureau published for it when it was approved, else from its latest finished run, and is
computed from the records only when neither exists.
"""

import logging
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from numbers import Number

from labor_portal.core.periods import HalfYear
from labor_portal.reporting.models import Publication, ReportRun
from labor_portal.reporting.registry import IndicatorGroup, registry

TREND_LENGTH = 6
logger = logging.getLogger(__name__)


def _values(snapshot: dict) -> dict:
    """Only the values of a snapshot, by id: what a comparison needs of an earlier half-year."""
    return {
        "tables": {table["id"]: table["rows"] for table in snapshot["tables"]},
        "indicators": {item["id"]: item["value"] for item in snapshot["indicators"]},
    }


def earlier_snapshots(
    periods: list[HalfYear], on_step: Callable[[], None] | None = None, whole: HalfYear | None = None
) -> dict[str, dict]:
    """{period: (source, values)} for each of `periods`: published, else the latest finished run, else computed
    from the records: the whole report for the half-year `whole`, only the key figures for the others (a trend
    needs no more)."""
    wanted = {str(period) for period in periods}
    found = {
        publication.period: ("published", _values(publication.snapshot))
        for publication in Publication.objects.current().filter(period__in=wanted).only("period", "snapshot")
    }
    for period in periods:
        key = str(period)
        if key in found:
            continue
        snapshot = (
            ReportRun.objects.filter(period=key, status=ReportRun.Status.DONE)
            .order_by("-finished_at").values_list("snapshot", flat=True).first()
        )
        if snapshot:
            found[key] = ("run", _values(snapshot))
        else:
            found[key] = _computed(period, on_step, figures_only=period != whole)
        if on_step:
            on_step()
    return found


def _figures(period: HalfYear, on_step) -> dict:
    """Only the key figures of a half-year, counted as the report counts them."""
    figures = []
    for step in registry.steps():
        if isinstance(step, IndicatorGroup):
            figures.extend(step.snapshot(period))
            if on_step:
                on_step()
    return {"tables": {}, "indicators": {item["id"]: item["value"] for item in figures}}


def _computed(period: HalfYear, on_step, figures_only: bool) -> tuple[str, dict]:
    """An earlier half-year computed from the records; unavailable when it cannot be (e.g. a legal rule not yet
    in force then): the report is still made, without that comparison."""
    from labor_portal.reporting.services import LeaseLost, report_compute

    try:
        if figures_only:
            return "computed", _figures(period, on_step)
        return "computed", _values(report_compute(period, on_step=on_step and (lambda *_: on_step())))
    except LeaseLost:
        raise
    except Exception:
        logger.warning("half-year %s could not be computed for comparison", period, exc_info=True)
        return "unavailable", {"tables": {}, "indicators": {}}


def change(current, previous) -> dict | None:
    """The change from `previous` to `current`: {"count": difference, "percent": of previous, 1 decimal or None}."""
    if not _is_number(current) or not _is_number(previous):
        return None
    difference = current - previous
    if isinstance(difference, float):
        difference = round(difference, 2)
    percent = None
    if previous:
        percent = float((Decimal(difference) * 100 / Decimal(previous)).quantize(Decimal("0.1"), ROUND_HALF_UP))
    return {"count": difference, "percent": percent}


def _is_number(value) -> bool:
    return isinstance(value, Number) and not isinstance(value, bool)


def previous_rows(rows: list[dict], earlier: list[dict] | None) -> list[list | None]:
    """For each row of this half-year, the same row a year before: by label, else by place (a row labelled by
    its quarter or budget names another quarter or budget each year, in the same place); None when missing."""
    if earlier is None:
        return [None] * len(rows)
    by_label = {row["label"]: row["values"] for row in earlier}
    same_shape = len(earlier) == len(rows)
    return [
        by_label.get(row["label"], earlier[n]["values"] if same_shape else None)
        for n, row in enumerate(rows)
    ]


def _period(period: HalfYear) -> dict:
    return {"period": str(period), **period.as_dict(), "label_en": period.label_en}


def report_context(period: HalfYear, snapshot: dict, on_step: Callable[[], None] | None = None) -> dict:
    """{"previous": the same half a year before, "trend": each key figure over the last six half-years}."""
    trend_periods = [period]
    while len(trend_periods) < TREND_LENGTH:
        trend_periods.insert(0, trend_periods[0].previous())
    year_before = period.same_half_of_previous_years(1)[0]
    earlier = earlier_snapshots([year_before, *trend_periods[:-1]], on_step=on_step, whole=year_before)
    this = _values(snapshot)
    source, before = earlier[str(year_before)]
    series = [earlier[str(p)][1] for p in trend_periods[:-1]] + [this]
    return {
        "previous": {**_period(year_before), "source": source, **before},
        "trend": {
            "periods": [_period(p) for p in trend_periods],
            "indicators": {
                item_id: [values["indicators"].get(item_id) for values in series] for item_id in this["indicators"]
            },
        },
    }
