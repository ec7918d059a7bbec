"""Writes of the vocational-rehabilitation section: deciding over-quota reward applications; a rehabilitation
case's stage changes, logged for the reports."""

from datetime import date
from itertools import islice

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from disability_services.models import (
    CaseStage,
    CaseStageChange,
    MonthlyRoster,
    RehabilitationCase,
    RewardApplication,
    RewardStatus,
)
from disability_services.quota import Quarter, QuotaRules, QuotaStatus
from labor_portal.cases.statelog import case_state_change
from labor_portal.core.models import rule_on

# The reason on every backfilled change: it was derived from the records when the stage log was introduced.
BACKFILL_REASON = "依既有資料補登"


def reward_rate(quarter: Quarter) -> int:
    """NT$ per person above quota for the quarter (the rate in force on the quarter's first day)."""
    return int(rule_on("disability_services.reward_per_person_quarter", quarter.start))


def reward_persons(*, employer, quarter: Quarter) -> int:
    """Persons above quota the employer kept through the whole quarter: the smallest monthly excess of its three
    rosters, 0 when a roster is missing or a month was not above quota."""
    excesses = []
    for month in quarter.months:
        rules = QuotaRules.on(month)
        row = (
            MonthlyRoster.objects.filter(employer=employer, month=month).assessed(rules)
            .values("quota_status", "credited", "required").first()
        )
        if row is None or row["quota_status"] != QuotaStatus.ABOVE:
            return 0
        excesses.append(row["credited"] - row["required"])
    return min(excesses)


def applications_close(quarter: Quarter) -> date:
    return quarter.applications_close(int(rule_on("disability_services.reward_application_months", quarter.end)))


@transaction.atomic
def reward_application_decide(*, application: RewardApplication, approve: bool, decided_on: date, user,
                              persons: int | None = None) -> RewardApplication:
    """Approve (persons × the quarter's rate; persons from the rosters unless the clerk gives them) or reject."""
    application = RewardApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != RewardStatus.SUBMITTED:
        raise ValidationError(_("此申請已核定，不得重複核定。"))
    quarter = Quarter.containing(application.quarter_start)
    if approve:
        if persons is None:
            persons = reward_persons(employer=application.employer, quarter=quarter)
        if persons <= 0:
            raise ValidationError(_("該季未全季超額進用，無可核定之獎勵人數。"))
        application.status = RewardStatus.APPROVED
        application.persons = persons
        application.amount = persons * reward_rate(quarter)
    else:
        application.status = RewardStatus.REJECTED
        application.persons = application.amount = 0
    application.decided_on = decided_on
    application.updated_by = user
    application.save()
    return application


# --- Rehabilitation cases: the stage log ----------------------------------------------------------


def first_stage_change(case: RehabilitationCase, *, user) -> CaseStageChange:
    """A new case's first log entry, unsaved (the import and the demo write many at once): its stage as
    entered, on its closing day when it is entered closed, otherwise on its opening day."""
    closed = case.stage == CaseStage.CLOSED and case.closed_on
    return CaseStageChange(case=case, from_state="", to_state=case.stage,
                           changed_on=case.closed_on if closed else case.opened_on, changed_by=user)


@transaction.atomic
def rehabilitation_case_create(*, case: RehabilitationCase, user) -> RehabilitationCase:
    """Save a new case with the first entry of its stage log."""
    case.created_by = case.updated_by = user
    case.save()
    first_stage_change(case, user=user).save()
    return case


def rehabilitation_case_stage_change(*, case: RehabilitationCase, to_stage: str, user, reason: str = "",
                                     on: date | None = None) -> RehabilitationCase:
    """Move a case to another stage under its row lock, with its log entry; the caller saves the case.

    `on` is the day the change counts on in reports: by default the closing day when the case is closed,
    otherwise today. It is never before the previous change, so that the log's order stays the case's order.
    Reopening a closed case clears its closing day and outcome.
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("rehabilitation_case_stage_change needs the caller's transaction and row lock")
    from_stage = RehabilitationCase.objects.select_for_update().values_list("stage", flat=True).get(pk=case.pk)
    if to_stage == from_stage:
        return case
    closing = to_stage == CaseStage.CLOSED
    # The log's from-stage is the one just read under the lock, not the one a form may have brought along.
    case.stage = from_stage
    change = case_state_change(
        case, to_stage, log_model=CaseStageChange, user=user, reason=reason, state_field="stage",
        on=on or (case.closed_on if closing and case.closed_on else timezone.localdate()),
    )
    if closing:
        case.closed_on = change.changed_on
    else:
        case.closed_on, case.outcome = None, ""
    return case


@transaction.atomic
def rehabilitation_case_stage_set(*, case: RehabilitationCase, to_stage: str, user, reason: str = "",
                                  on: date | None = None, outcome: str = "") -> RehabilitationCase:
    """Move a case on, close it (with its outcome) or reopen it, and save it (what a case manager does)."""
    if to_stage == CaseStage.CLOSED:
        case.closed_on, case.outcome = on or case.closed_on, outcome or case.outcome
    rehabilitation_case_stage_change(case=case, to_stage=to_stage, user=user, reason=reason, on=on)
    case.updated_by = user
    case.save()
    return case


@transaction.atomic
def rehabilitation_case_staff_save(*, case: RehabilitationCase, stage_changed: bool, user) -> RehabilitationCase:
    """Save a staff edit of a case (the admin form, the API). Its stage goes through
    rehabilitation_case_stage_change when the clerk changed it; otherwise the stage as it is now stands (one
    changed meanwhile is not overwritten)."""
    to_stage, closed_on, outcome = case.stage, case.closed_on, case.outcome
    case.stage, case.closed_on = (
        RehabilitationCase.objects.select_for_update().values_list("stage", "closed_on").get(pk=case.pk))
    if stage_changed and to_stage != case.stage:
        case.closed_on = closed_on
        rehabilitation_case_stage_change(case=case, to_stage=to_stage, user=user)
        if to_stage == CaseStage.CLOSED:
            case.outcome = outcome
    elif case.stage == CaseStage.CLOSED:
        case.closed_on = closed_on or case.closed_on
    case.updated_by = user
    case.save()
    return case


def rehabilitation_stage_log_backfill(*, apps, batch_size: int = 5000) -> int:
    """Write the first log entry of every case that has none: its stage as it is now, dated the last change of
    it the records keep (a closed case's closing day; otherwise the day the case was last changed, never before
    it opened). `apps` is the model registry (a migration's historical one, or django.apps.apps). Returns the
    rows written. Every past half-year reads as it did: a case closed on its closing day, open before."""
    case_model = apps.get_model("disability_services", "RehabilitationCase")
    change_model = apps.get_model("disability_services", "CaseStageChange")
    now = timezone.now()
    rows = (
        case_model.objects.filter(stage_changes__isnull=True)
        .values_list("pk", "stage", "opened_on", "closed_on", "updated_at").order_by("pk")
    )

    def changed_on(stage, opened_on, closed_on, updated_at):
        if stage == CaseStage.CLOSED and closed_on:
            return closed_on
        return max(opened_on, timezone.localdate(updated_at))

    changes = (
        change_model(case_id=pk, from_state="", to_state=stage, changed_at=now, reason=BACKFILL_REASON,
                     changed_on=changed_on(stage, opened_on, closed_on, updated_at))
        for pk, stage, opened_on, closed_on, updated_at in rows.iterator(chunk_size=batch_size)
    )
    written = 0
    while batch := list(islice(changes, batch_size)):
        written += len(change_model.objects.bulk_create(batch))
    return written
