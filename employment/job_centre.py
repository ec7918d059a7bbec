"""The job centre's writes that carry a rule: a new vacancy is checked before it is published, and the staff queue's
service standard.

A vacancy's title and description go through the job-ad checker of issue 11 (employment.jobads), and its stated pay
through the same pay-range rule: a monthly pay under the threshold (Employment Service Act art. 5 para. 2 subpara.
6, LegalRule employment.pay_range_threshold) must be a range, so a vacancy with a monthly pay under it and no upper
bound is a pay "以上" that hides the range. A vacancy that fails is held for staff review (VacancyReview.HELD),
never published; staff then publish or reject it in the admin.
"""

from collections.abc import Iterable
from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext as _

from employment.jobads import check_job_ad, compile_phrases
from employment.models import PAY_RANGE_THRESHOLD_RULE, JobAdPhrase, PayUnit, Referral, Vacancy, VacancyReview
from labor_portal.core.models import rule_on
from labor_portal.core.sections import Queue, Workbench

# Service standard (not a law): a referral card's outcome is asked of the employer and recorded within 14 days of
# the referral; older cards without an outcome are the staff's queue. The bureau sets it, so it is a constant.
REFERRAL_OUTCOME_DAYS = 14


class VacancyChecker:
    """The checker's phrases and the pay threshold read once, for any number of vacancies (an import)."""

    def __init__(self, day):
        self.phrases = compile_phrases(JobAdPhrase.objects.filter(active=True))
        self.threshold = int(rule_on(PAY_RANGE_THRESHOLD_RULE, day))

    def problems(self, vacancy: Vacancy) -> list[str]:
        result = check_job_ad(f"{vacancy.job_title}\n{vacancy.description}", self.phrases, self.threshold)
        problems = [_("「%(excerpt)s」：%(ground)s") % {"excerpt": finding.excerpt, "ground": finding.phrase.ground_label}
                    for finding in result.findings]
        problems += [_("「%(excerpt)s」：月薪未達 %(threshold)s 元，應揭示薪資範圍") % {
            "excerpt": item.excerpt, "threshold": f"{self.threshold:,}"} for item in result.pay_without_range]
        if vacancy.pay_unit == PayUnit.MONTHLY and vacancy.pay_max is None and vacancy.pay_min < self.threshold:
            problems.append(_("月薪未達 %(threshold)s 元，應填寫薪資上限以揭示薪資範圍") % {"threshold": f"{self.threshold:,}"})
        return problems

    def review(self, vacancy: Vacancy) -> None:
        """Sets a new vacancy's publication: published when the check passes, held with the findings otherwise."""
        problems = self.problems(vacancy)
        vacancy.review = VacancyReview.HELD if problems else VacancyReview.PUBLISHED
        vacancy.review_notes = "\n".join(problems)


def vacancies_review(vacancies: Iterable[Vacancy], *, day) -> None:
    checker = VacancyChecker(day)
    for vacancy in vacancies:
        checker.review(vacancy)


def referral_queues(user, today) -> Workbench:
    """The job centre's queue on the staff workbench: referral cards still without an outcome 14 days on."""
    overdue = Q(outcome="", referred_on__lte=today - timedelta(days=REFERRAL_OUTCOME_DAYS))
    return Workbench(Referral, [
        Queue(_("推介逾 %(days)s 日尚無結果") % {"days": REFERRAL_OUTCOME_DAYS}, overdue,
              link="waiting=overdue", due="referred_on", due_after_days=REFERRAL_OUTCOME_DAYS),
    ])
