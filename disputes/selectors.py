"""Reads of the disputes section shared by the citizen pages, the admin and the API."""

from django.db.models import Prefetch, QuerySet

from disputes.models import Applicant, DisputeCase, RightsFundApplication


def dispute_case_timeline(case: DisputeCase) -> list[dict]:
    """What the applicant may see: each step and its date, never staff notes."""
    steps = [{"step": "received", "on": case.filed_on}]
    if case.assigned_on:
        steps.append({"step": "assigned", "on": case.assigned_on, "channel": case.get_channel_display()})
    steps += [
        {"step": "session", "on": session.held_on, "starts_at": session.starts_at, "place": session.place}
        for session in case.sessions.all()
    ]
    if case.is_concluded:
        steps.append({"step": case.status, "on": case.concluded_on})
    return steps


def dispute_case_list() -> QuerySet[DisputeCase]:
    """Cases with their applicants in two queries, for masked lists."""
    return DisputeCase.objects.prefetch_related(
        Prefetch("applicants", queryset=Applicant.objects.only("id", "case_id", "name", "personal_id", "kind"))
    )


def rights_fund_application_list() -> QuerySet[RightsFundApplication]:
    return RightsFundApplication.objects.select_related("dispute_case")
