"""Report snapshots for page and comparison tests, made from the catalogue without generating anything."""

import copy

from django.utils import timezone

from labor_portal.core.periods import HalfYear
from labor_portal.reporting.models import ReportRun
from tests.specification import CATALOGUE


def catalogue_snapshot(period: str = "2020H1", add: int = 0) -> dict:
    """The catalogue's tables and figures as a run stores them, every count raised by `add` (percentages kept)."""
    tables = copy.deepcopy(CATALOGUE["tables"])
    for table in tables:
        for row in table["rows"]:
            row["values"] = [
                v + add if isinstance(v, int) and row["label"] != "百分比" and "%" not in column else v
                for column, v in zip(table["columns"], row["values"], strict=True)
            ]
    indicators = [
        {"id": item["id"], "section": item["section"], "unit": item["unit"], "label_zh": item["text_zh"][:40],
         "value": item["value"] + add if isinstance(item["value"], int) else item["value"]}
        for item in CATALOGUE["indicators"]
    ]
    return {"period": HalfYear.parse(period).as_dict(), "tables": tables, "indicators": indicators, "checks": []}


def done_run(period: str, snapshot: dict, user=None) -> ReportRun:
    now = timezone.now()
    return ReportRun.objects.create(
        period=period, requested_by=user, status=ReportRun.Status.DONE, progress=100, snapshot=snapshot,
        started_at=now, finished_at=now,
    )
