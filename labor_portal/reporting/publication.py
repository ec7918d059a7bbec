"""Approving a run publishes its half-year: the figures and files of that moment, locked as one revision.

A half-year generated again after approval is a candidate for the next revision: its cells are compared
with the published ones, and it is approved in its turn. Approving always needs a second person (four eyes).
"""

import logging

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from labor_portal.reporting import workbook
from labor_portal.reporting.models import PeriodCorrection, Publication, ReportRun

logger = logging.getLogger(__name__)


class ApprovalRefused(Exception):
    """The run cannot be approved; the message says why, in the user's language."""


def current_publication(period: str) -> Publication | None:
    """The published (latest approved) revision of `period`, or None when the half-year is not approved."""
    return Publication.objects.filter(period=period).select_related("approved_by").order_by("-revision").first()


def published_periods() -> set[str]:
    return set(Publication.objects.values_list("period", flat=True).distinct())


def approver_name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def approval_refusal(run: ReportRun, user) -> str | None:
    """Why `user` may not approve `run` now, or None when they may."""
    if not user.has_perm("reporting.approve_reportrun"):
        return _("您沒有核定報表的權限。")
    if run.status != ReportRun.Status.DONE:
        return _("報表尚未產製完成，不能核定。")
    if run.requested_by_id is not None and run.requested_by_id == user.pk:
        return _("核定須由產製人以外的另一位官員為之（雙人覆核）。")
    if Publication.objects.filter(run=run).exists():
        return _("這次產製已經核定公布。")
    current = current_publication(run.period)
    if current is not None and current.run.created_at >= run.created_at:
        return _("已公布的版本比這次產製新，請重新產製後再核定。")
    return None


def report_run_approve(*, run_id, approved_by) -> Publication:
    """Publish the run as the next revision of its half-year, with the workbook re-rendered once to say so."""
    with transaction.atomic():
        run = ReportRun.objects.select_for_update(of=("self",)).select_related("requested_by").get(pk=run_id)
        refusal = approval_refusal(run, approved_by)
        if refusal:
            raise ApprovalRefused(refusal)
        previous = current_publication(run.period)
        revision = (Publication.objects.filter(period=run.period).aggregate(n=Max("revision"))["n"] or 0) + 1
        approved_at = timezone.now()
        status = {
            "state": "approved" if revision == 1 else "revision",
            "approved_at": approved_at.isoformat(),
            "approved_by": approver_name(approved_by),
            "revision": revision,
        }
        publication = Publication(
            period=run.period, revision=revision, run=run, snapshot=run.snapshot,
            diff=report_diff(previous.snapshot, run.snapshot) if previous else {},
            generated_by=run.requested_by, generated_at=run.finished_at,
            approved_by=approved_by, approved_at=approved_at,
        )
        _attach_workbooks(publication, status)
        try:
            with transaction.atomic():
                publication.save()
        except IntegrityError:
            # Another approval of the same half-year took this revision number first.
            _delete_files(publication)
            raise ApprovalRefused(_("同一期間剛有另一版本核定，請重新整理後再試。")) from None
        transaction.on_commit(lambda: logger.info("report %s revision %s approved", run.period, revision))
    return publication


def render_with_status(snapshot: dict, *, lang: str, status: dict) -> bytes:
    """The workbook in `lang` with the approval state on its cover."""
    return workbook.render_workbook(snapshot, lang=lang, status=status)


def _attach_workbooks(publication: Publication, status: dict) -> None:
    stem = f"labor-report-{publication.period}-r{publication.revision}-{publication.run_id}"
    publication.workbook.save(
        f"{stem}.xlsx", ContentFile(render_with_status(publication.snapshot, lang="zh-hant", status=status)),
        save=False,
    )
    publication.workbook_en.save(
        f"{stem}-en.xlsx", ContentFile(render_with_status(publication.snapshot, lang="en", status=status)), save=False
    )


def _delete_files(publication: Publication) -> None:
    for field in (publication.workbook, publication.workbook_en):
        if field:
            field.delete(save=False)


# --- Differences between two snapshots ---------------------------------------------------------------------

def _cells(table: dict | None) -> dict[tuple[str, str], object]:
    """{(row label, column): value} in table order; a label printed twice is told apart by its occurrence."""
    if table is None:
        return {}
    cells, seen = {}, {}
    for row in table["rows"]:
        seen[row["label"]] = seen.get(row["label"], 0) + 1
        label = row["label"] if seen[row["label"]] == 1 else f"{row['label']} ({seen[row['label']]})"
        for column, value in zip(table["columns"], row["values"], strict=True):
            cells[(label, column)] = value
    return cells


def _ordered_union(new: list[str], old: list[str]) -> list[str]:
    return [*new, *(item for item in old if item not in set(new))]


def report_diff(old: dict, new: dict) -> dict:
    """Every cell and indicator whose value differs between two snapshots, old → new.

    {"cells": [{"table", "title_zh", "row", "column", "old", "new"}], "indicators": [{"id", "label_zh", "old", "new"}]}
    A row, column or table present on one side only shows as cells whose other side is None.
    """
    old_tables = {table["id"]: table for table in old.get("tables", [])}
    new_tables = {table["id"]: table for table in new.get("tables", [])}
    cells = []
    for table_id in _ordered_union(list(new_tables), list(old_tables)):
        before, after = _cells(old_tables.get(table_id)), _cells(new_tables.get(table_id))
        title = (new_tables.get(table_id) or old_tables[table_id])["title_zh"]
        for key in _ordered_union(list(after), list(before)):
            if key not in before or key not in after or before[key] != after[key]:
                cells.append({"table": table_id, "title_zh": title, "row": key[0], "column": key[1],
                              "old": before.get(key), "new": after.get(key)})
    old_items = {item["id"]: item for item in old.get("indicators", [])}
    new_items = {item["id"]: item for item in new.get("indicators", [])}
    indicators = []
    for item_id in _ordered_union(list(new_items), list(old_items)):
        before, after = old_items.get(item_id), new_items.get(item_id)
        if before is None or after is None or before["value"] != after["value"]:
            indicators.append({"id": item_id, "label_zh": (after or before)["label_zh"],
                               "old": before and before["value"], "new": after and after["value"]})
    return {"cells": cells, "indicators": indicators}


# --- Corrections after approval ------------------------------------------------------------------------------

def corrections_since_approval(publication: Publication) -> dict:
    """How the records of a published half-year were corrected since its approval: count, by kind, last date."""
    corrections = PeriodCorrection.objects.filter(period=publication.period, corrected_at__gte=publication.approved_at)
    by_type = list(corrections.values("record_type").annotate(count=Count("pk"), last=Max("corrected_at"))
                   .order_by("record_type"))
    return {
        "count": sum(row["count"] for row in by_type),
        "last": max((row["last"] for row in by_type), default=None),
        "by_type": [{**row, "name": _record_type_name(row["record_type"])} for row in by_type],
    }


def _record_type_name(record_type: str) -> str:
    from django.apps import apps

    try:
        return str(apps.get_model(record_type)._meta.verbose_name_plural)
    except (LookupError, ValueError):
        return record_type
