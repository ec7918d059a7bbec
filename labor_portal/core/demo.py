"""Helpers for the sections' demo data (their demo.py): deterministic dates and amounts."""

from datetime import date, timedelta

from simple_history.utils import bulk_create_with_history

from labor_portal.core.periods import HalfYear


def spread_dates(period: HalfYear, count: int, *, offset: int = 0) -> list[date]:
    """`count` dates spread evenly over the period (deterministic, so the demo is reproducible)."""
    days = (period.end - period.start).days
    return [period.start + timedelta(days=(offset + n * days // max(count, 1)) % days) for n in range(count)]


def split_total(total: int, count: int, *, step: int = 1) -> list[int]:
    """`count` whole amounts (multiples of `step` where possible) that add up to exactly `total`."""
    base = (total // count) // step * step
    amounts = [base] * count
    amounts[-1] += total - base * count
    return amounts


def create(model, objects: list) -> list:
    """Bulk insert with change history, as if each had been entered."""
    return bulk_create_with_history(objects, model, batch_size=500)
