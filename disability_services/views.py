"""The public quota calculator: an employer sees its art. 38 position for a month; nothing is stored."""

from django.shortcuts import render

from disability_services.forms import QuotaCalculatorForm
from disability_services.quota import Quarter, QuotaRules, QuotaStatus, assess, is_public
from disability_services.services import reward_rate
from labor_portal.core.ratelimit import per_ip_limit


def calculate(data: dict) -> dict:
    """The calculator's answer for cleaned form data (the register's quota.assess under the month's rules)."""
    rules = QuotaRules.on(data["month"])
    result = assess(
        rules, public=is_public(data["kind"]), headcount=data["headcount"], disabled=data["disabled"],
        severe=data["severe"], part_timers=data["part_timers"], severe_part_timers=data["severe_part_timers"],
    )
    quarter = Quarter.containing(data["month"])
    return {
        "assessment": result,
        "status_label": QuotaStatus(result.status).label,
        "rules": rules,
        "threshold": rules.threshold(is_public(data["kind"])),
        "quarter": quarter,
        # A reward if the employer stays this far above quota for the whole quarter.
        "possible_reward": result.above_quota * reward_rate(quarter),
    }


@per_ip_limit("disability_services.calculator", "60/m", method="GET")
def quota_calculator(request):
    form = QuotaCalculatorForm(request.GET or None)
    context = {"form": form}
    if form.is_bound and form.is_valid():
        context.update(calculate(form.cleaned_data))
    return render(request, "disability_services/quota_calculator.html", context)
