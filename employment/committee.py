"""The rules of the employment-discrimination review committee (就業歧視評議委員會).

A meeting decides only when more than half of the members in office on its day are present (quorum), and a
decision needs the votes of more than half of the members present (majority) — the rules of the committees'
establishment points (e.g. 臺北市政府就業歧視評議委員會設置要點: 應有二分之一以上委員出席，出席委員過半數之同意).
A substantiated complaint may carry a fine: Employment Service Act art. 65 para. 1 (NT$300,000 to 1,500,000) for a
ground of art. 5 para. 1, art. 67 para. 1 (NT$60,000 to 300,000) for some acts of art. 5 para. 2; art. 65 para. 2
publishes the employer's name.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

# Fines a substantiated complaint may carry, by the article that fixes them.
ART_65_FINE = (300_000, 1_500_000)
ART_67_FINE = (60_000, 300_000)


@dataclass(frozen=True)
class Attendance:
    in_office: int
    present: int

    @property
    def has_quorum(self) -> bool:
        return has_quorum(self.in_office, self.present)


def has_quorum(in_office: int, present: int) -> bool:
    """More than half of the members in office are present (7 of 13, 8 of 14; never with nobody in office)."""
    return in_office > 0 and present * 2 > in_office


def has_majority(votes: int, present: int) -> bool:
    """More than half of the members present voted for it (a tie is no decision)."""
    return present > 0 and votes * 2 > present


def meeting_attendance(meeting, present_ids: list[int] | None = None) -> Attendance:
    """Members in office on the meeting's day, and how many of them are present (`present_ids`, or the meeting's
    `present_member_ids` set by its admin form: the members being ticked, before they are saved; otherwise those
    saved). A member ticked present whose term does not cover the day does not count."""
    from employment.models import CommitteeMember

    if present_ids is None:
        present_ids = getattr(meeting, "present_member_ids", None)
    if meeting.held_on is None:
        return Attendance(0, 0)
    if present_ids is None and meeting.pk is None:
        present_ids = []
    in_office = CommitteeMember.objects.in_office_on(meeting.held_on)
    if present_ids is None:
        present = meeting.members_present.filter(pk__in=in_office.values("pk")).count()
    else:
        present = in_office.filter(pk__in=present_ids).count()
    return Attendance(in_office.count(), present)


def fine_range(complaint) -> tuple[int, int]:
    """The fine that can go with a substantiated complaint: art. 65 for a ground of art. 5 para. 1; for an act of
    para. 2 only, art. 67's lower floor up to art. 65's ceiling (which article depends on the act)."""
    from employment.models.complaints import OTHER_ACTS

    if complaint.main_ground == OTHER_ACTS:
        return ART_67_FINE[0], ART_65_FINE[1]
    return ART_65_FINE


def review_problems(review, attendance: Attendance | None = None) -> dict[str, list[str]]:
    """What is wrong with a review's decision, by field (empty when it may be saved)."""
    from employment.models import ReviewDecision

    attendance = attendance or meeting_attendance(review.meeting)
    problems: dict[str, list[str]] = {}

    def add(field: str, message: str):
        problems.setdefault(field, []).append(message)

    votes = review.votes_substantiated + review.votes_not_substantiated
    if votes > attendance.present:
        add("votes_substantiated", _("投票數（%(votes)s）超過出席委員數（%(present)s）。") % {
            "votes": votes, "present": attendance.present})
    if review.decision in (ReviewDecision.SUBSTANTIATED, ReviewDecision.NOT_SUBSTANTIATED):
        if not attendance.has_quorum:
            add("decision", _("出席委員 %(present)s 人，未過在任委員 %(in_office)s 人之半數，會議不足法定人數，不得議決。") % {
                "present": attendance.present, "in_office": attendance.in_office})
        elif review.decision == ReviewDecision.SUBSTANTIATED and not has_majority(review.votes_substantiated, attendance.present):
            add("decision", _("成立票數未過出席委員半數，不得議決成立。"))
        elif review.decision == ReviewDecision.NOT_SUBSTANTIATED and not has_majority(
            review.votes_not_substantiated, attendance.present
        ):
            add("decision", _("不成立票數未過出席委員半數，不得議決不成立。"))
    if review.decision != ReviewDecision.SUBSTANTIATED:
        if review.fine_amount is not None:
            add("fine_amount", _("僅評議成立之案件得處罰鍰。"))
        if review.publish_employer_name:
            add("publish_employer_name", _("僅評議成立之案件得公布雇主名稱。"))
    elif review.fine_amount is not None:
        low, high = fine_range(review.complaint)
        if not low <= review.fine_amount <= high:
            add("fine_amount", _("罰鍰應在新臺幣 %(low)s 元至 %(high)s 元之間。") % {
                "low": f"{low:,}", "high": f"{high:,}"})
    return problems



def review_apply(*, review, user=None) -> None:
    """What a review means for its complaint, through the complaint services (state log, e-mail to the
    complainant): on an agenda, the complaint is referred (提送評議); decided 成立 or 不成立, it is concluded on the
    meeting's day. A complaint already concluded (withdrawn, or decided at an earlier meeting) is left as it is."""
    from employment.models import ComplaintStatus, ReviewDecision
    from employment.services import complaint_decide, complaint_refer

    complaint, meeting = review.complaint, review.meeting
    if complaint.is_concluded:
        return
    decided = review.decision in (ReviewDecision.SUBSTANTIATED, ReviewDecision.NOT_SUBSTANTIATED)
    if complaint.status in (ComplaintStatus.RECEIVED, ComplaintStatus.INVESTIGATING):
        referred_on = meeting.held_on if decided else min(meeting.held_on, timezone.localdate())
        complaint = complaint_refer(case=complaint, referred_on=referred_on, user=user)
    if decided:
        reason = _("就業歧視評議委員會%(meeting)s評議") % {"meeting": meeting.title}
        complaint_decide(case=complaint, outcome=review.decision, concluded_on=meeting.held_on, reason=reason,
                         user=user)
