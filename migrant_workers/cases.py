"""The migrant-workers section's kind of citizen case: letter W (109-W-000123). Found by CasesConfig.ready."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from labor_portal.cases.kinds import CaseKind, case_kind_register
from migrant_workers.models import MigrantComplaint

MIGRANT_COMPLAINTS = case_kind_register(CaseKind(
    letter="W",
    section="migrant_workers",
    model=MigrantComplaint,
    title=_("移工申訴及求助"),
    case_url=lambda case: reverse("migrant_workers:case", args=[case.pk]),
    contact=lambda case: (case.email, case.phone),
))
