"""The public job-ad checker: paste an advertisement, see what to change before posting it. Nothing is stored."""

import logging

from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from employment.jobads import MAX_AD_LENGTH, check_job_ad, compile_phrases
from employment.models import PAY_RANGE_THRESHOLD_RULE, JobAdPhrase
from labor_portal.cases.forms import AccessibleErrorsMixin
from labor_portal.core.models import rule_on
from labor_portal.core.ratelimit import per_ip_limit

logger = logging.getLogger(__name__)
# Employment Service Act art. 5 para. 2 subpara. 6 as in force since 2018-11-30 (the LegalRule row is the source).
STATUTORY_PAY_RANGE_THRESHOLD = 40_000


class JobAdForm(AccessibleErrorsMixin, forms.Form):
    text = forms.CharField(
        label=_("徵才廣告內容"),
        max_length=MAX_AD_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 12, "spellcheck": "false"}),
        help_text=_("貼上職缺名稱、條件、薪資等完整內容（最多 %(max)s 字）。內容不會被保存。") % {"max": f"{MAX_AD_LENGTH:,}"},
        error_messages={
            "required": _("請貼上徵才廣告內容。"),
            "max_length": _("內容過長：最多 %(limit_value)s 字，目前 %(show_value)s 字。"),
        },
    )


def _pay_range_threshold() -> int:
    try:
        return int(rule_on(PAY_RANGE_THRESHOLD_RULE, timezone.localdate()))
    except LookupError:
        # The rule's row is missing (a database set up without this app's data migration): the public page
        # still answers, with the amount of the Act's text, and the logs say what to fix.
        logger.error("legal rule %s missing: using NT$%s", PAY_RANGE_THRESHOLD_RULE, STATUTORY_PAY_RANGE_THRESHOLD)
        return STATUTORY_PAY_RANGE_THRESHOLD


@never_cache
@per_ip_limit("employment.job_ad_checker", "30/10m")
def job_ad_checker(request):
    form = JobAdForm(request.POST or None)
    result = threshold = None
    if request.method == "POST" and form.is_valid():
        phrases = compile_phrases(JobAdPhrase.objects.filter(active=True))
        threshold = _pay_range_threshold()
        result = check_job_ad(form.cleaned_data["text"], phrases, threshold)
    english = (get_language() or "").startswith("en")
    findings = [
        {
            "excerpt": finding.excerpt,
            "ground": finding.phrase.ground_label,
            "explanation": finding.phrase.explanation_en if english else finding.phrase.explanation_zh,
        }
        for finding in (result.findings if result else [])
    ]
    context = {"form": form, "result": result, "findings": findings, "threshold": threshold}
    return render(request, "employment/jobad_checker.html", context, status=400 if form.errors else 200)
