"""The review committee: a quorum of more than half the members in office, decisions by a majority of those
present, fines and publication only for substantiated complaints; the meeting's admin page enforces them."""

from datetime import date

import pytest

from employment.committee import Attendance, has_majority, has_quorum, meeting_attendance, review_problems
from employment.grounds import Ground
from employment.models import (
    OTHER_ACTS,
    CommitteeMeeting,
    CommitteeMember,
    CommitteeReview,
    DiscriminationComplaint,
    ReviewDecision,
)

from .rights_factories import complaint


@pytest.mark.parametrize(("in_office", "present", "quorum"), [
    (13, 7, True), (13, 6, False), (14, 7, False), (14, 8, True), (1, 1, True), (0, 0, False),
])
def test_quorum_is_more_than_half_of_the_members_in_office(in_office, present, quorum):
    assert has_quorum(in_office, present) is quorum


@pytest.mark.parametrize(("votes", "present", "majority"), [(5, 9, True), (4, 9, False), (4, 8, False), (5, 8, True),
                                                             (0, 0, False)])
def test_a_decision_needs_more_than_half_of_the_members_present(votes, present, majority):
    assert has_majority(votes, present) is majority


@pytest.fixture
def members(db):
    in_term = [CommitteeMember.objects.create(name=f"委員{n}", term_from=date(2019, 1, 1), term_to=date(2020, 12, 31))
               for n in range(13)]
    retired = CommitteeMember.objects.create(name="卸任委員", term_from=date(2017, 1, 1), term_to=date(2018, 12, 31))
    return in_term, retired


def _meeting(members_present, held_on=date(2020, 5, 20)):
    meeting = CommitteeMeeting.objects.create(title="109年第1次會議", held_on=held_on)
    meeting.members_present.set(members_present)
    return meeting


def _review(meeting, **fields):
    case = complaint(DiscriminationComplaint, date(2020, 3, 1), grounds=[Ground.AGE], main_ground=Ground.AGE)
    return CommitteeReview(meeting=meeting, complaint=case, **fields)


def test_a_member_out_of_term_does_not_count(members):
    in_term, retired = members
    meeting = _meeting([*in_term[:6], retired])
    assert meeting_attendance(meeting) == Attendance(in_office=13, present=6)
    assert not meeting_attendance(meeting).has_quorum


def test_a_meeting_without_quorum_cannot_decide(members):
    in_term, _retired = members
    review = _review(_meeting(in_term[:6]), decision=ReviewDecision.SUBSTANTIATED, votes_substantiated=6)
    assert "法定人數" in review_problems(review)["decision"][0]
    # It can still record that the case was deferred (其他).
    review.decision, review.votes_substantiated = ReviewDecision.OTHER, 0
    assert review_problems(review) == {}


def test_substantiated_needs_a_majority_of_those_present(members):
    in_term, _retired = members
    meeting = _meeting(in_term[:9])
    assert "decision" in review_problems(_review(meeting, decision=ReviewDecision.SUBSTANTIATED,
                                                 votes_substantiated=4, votes_not_substantiated=4))
    assert review_problems(_review(meeting, decision=ReviewDecision.SUBSTANTIATED, votes_substantiated=5,
                                   votes_not_substantiated=4)) == {}
    assert "decision" in review_problems(_review(meeting, decision=ReviewDecision.NOT_SUBSTANTIATED,
                                                 votes_substantiated=5, votes_not_substantiated=4))


def test_votes_cannot_exceed_the_members_present(members):
    in_term, _retired = members
    review = _review(_meeting(in_term[:7]), decision=ReviewDecision.SUBSTANTIATED, votes_substantiated=6,
                     votes_not_substantiated=2)
    assert "votes_substantiated" in review_problems(review)


def test_fines_follow_article_65_and_only_for_substantiated_complaints(members):
    in_term, _retired = members
    meeting = _meeting(in_term[:9])
    ok = {"decision": ReviewDecision.SUBSTANTIATED, "votes_substantiated": 7}
    assert review_problems(_review(meeting, **ok, fine_amount=300_000, publish_employer_name=True)) == {}
    assert review_problems(_review(meeting, **ok, fine_amount=1_500_000)) == {}
    assert "fine_amount" in review_problems(_review(meeting, **ok, fine_amount=299_999))
    assert "fine_amount" in review_problems(_review(meeting, **ok, fine_amount=1_500_001))
    refused = _review(meeting, decision=ReviewDecision.NOT_SUBSTANTIATED, votes_not_substantiated=7,
                      fine_amount=300_000, publish_employer_name=True)
    assert set(review_problems(refused)) == {"fine_amount", "publish_employer_name"}


def test_a_para_2_act_may_carry_the_lower_fine_of_article_67(members):
    in_term, _retired = members
    review = _review(_meeting(in_term[:9]), decision=ReviewDecision.SUBSTANTIATED, votes_substantiated=7,
                     fine_amount=60_000)
    review.complaint.main_ground = OTHER_ACTS
    assert review_problems(review) == {}


# --- The meeting's admin page ---------------------------------------------------------------------------------


@pytest.fixture
def clerk_client(client, make_staff):
    client.force_login(make_staff("employment"))
    return client


def _meeting_form(present, reviews=(), held_on="2020-05-20"):
    data = {
        "title": "109年第1次會議", "held_on": held_on, "place": "會議室", "minutes": "",
        "members_present": [member.pk for member in present],
        "reviews-TOTAL_FORMS": str(len(reviews)), "reviews-INITIAL_FORMS": "0",
        "reviews-MIN_NUM_FORMS": "0", "reviews-MAX_NUM_FORMS": "1000",
    }
    for n, review in enumerate(reviews):
        for key, value in review.items():
            data[f"reviews-{n}-{key}"] = value
    return data


def _decision(case, decision, votes_for, votes_against=0):
    return {"complaint": str(case.pk), "decision": decision, "votes_substantiated": str(votes_for),
            "votes_not_substantiated": str(votes_against), "fine_amount": "", "reasons": ""}


def test_the_admin_checks_decisions_against_the_members_ticked_on_the_same_page(clerk_client, members):
    in_term, _retired = members
    case = complaint(DiscriminationComplaint, date(2020, 3, 1), grounds=[Ground.AGE], main_ground=Ground.AGE)
    url = "/admin/employment/committeemeeting/add/"
    refused = clerk_client.post(url, _meeting_form(in_term[:6], [_decision(case, "substantiated", 6)]))
    assert refused.status_code == 200 and "法定人數" in refused.content.decode()
    assert not CommitteeMeeting.objects.exists()
    saved = clerk_client.post(url, _meeting_form(in_term[:7], [_decision(case, "substantiated", 6, 1)]))
    assert saved.status_code == 302
    review = CommitteeReview.objects.get()
    assert (review.decision, review.meeting.members_present.count()) == ("substantiated", 7)


def test_the_admin_refuses_a_member_out_of_term(clerk_client, members):
    in_term, retired = members
    response = clerk_client.post("/admin/employment/committeemeeting/add/", _meeting_form([*in_term[:7], retired]))
    assert response.status_code == 200 and "卸任委員" in response.content.decode()


def test_a_meeting_form_with_its_own_errors_still_shows_the_agenda_errors(clerk_client, members):
    in_term, _retired = members
    case = complaint(DiscriminationComplaint, date(2020, 3, 1), grounds=[Ground.AGE], main_ground=Ground.AGE)
    data = _meeting_form(in_term[:6], [_decision(case, "substantiated", 6)])
    data["title"] = ""
    response = clerk_client.post("/admin/employment/committeemeeting/add/", data)
    assert response.status_code == 200 and "法定人數" in response.content.decode()


def test_the_committee_decision_concludes_the_complaint(clerk_client, members):
    in_term, _retired = members
    decided = complaint(DiscriminationComplaint, date(2020, 3, 1), grounds=[Ground.AGE], main_ground=Ground.AGE)
    on_agenda = complaint(DiscriminationComplaint, date(2020, 3, 2), grounds=[Ground.AGE], main_ground=Ground.AGE)
    data = _meeting_form(in_term[:9], [_decision(decided, "substantiated", 7, 2), _decision(on_agenda, "", 0)])
    assert clerk_client.post("/admin/employment/committeemeeting/add/", data).status_code == 302
    decided.refresh_from_db()
    on_agenda.refresh_from_db()
    assert (decided.status, decided.concluded_on) == ("substantiated", date(2020, 5, 20))
    assert [change.to_state for change in decided.state_changes.order_by("changed_on", "pk")][-2:] == [
        "referred", "substantiated"]
    assert (on_agenda.status, on_agenda.concluded_on) == ("referred", None)


@pytest.mark.django_db
@pytest.mark.parametrize("model", ["committeemeeting", "committeemember", "committeereview", "jobadphrase",
                                   "antidiscriminationseminar", "scamconsultation"])
def test_a_clerk_of_another_section_cannot_open_these_records(client, make_staff, model):
    client.force_login(make_staff("unions"))
    assert client.get(f"/admin/employment/{model}/").status_code == 403
    client.force_login(make_staff("employment", username="employment-clerk"))
    assert client.get(f"/admin/employment/{model}/").status_code == 200


