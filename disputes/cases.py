"""The disputes section's kind of citizen case: letter D (109-D-000123). Found by CasesConfig.ready."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from disputes.models import DisputeCase
from labor_portal.cases.kinds import CaseKind, case_kind_register


def _contact(case: DisputeCase) -> tuple[str, str]:
    """The first applicant's e-mail (of those who gave one) and the first applicant's phone."""
    applicants = list(case.applicants.order_by("pk").values_list("email", "phone"))
    email = next((email for email, _phone in applicants if email), "")
    phone = next((phone for _email, phone in applicants if phone), "")
    return email, phone


DISPUTES = case_kind_register(CaseKind(
    letter="D",
    section="disputes",
    model=DisputeCase,
    title=_("勞資爭議調解"),
    case_url=lambda case: reverse("disputes:case", args=[case.pk]),
    contact=_contact,
))
