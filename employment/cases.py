"""The employment section's kinds of citizen case: E discrimination, H sexual harassment, S job scams
(109-E-000123). Found by CasesConfig.ready."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from employment.models import DiscriminationComplaint, HarassmentComplaint, ScamComplaint
from labor_portal.cases.kinds import CaseKind, case_kind_register


def _contact(case) -> tuple[str, str]:
    return case.complainant_email, case.complainant_phone


def _register(letter: str, slug: str, model, title) -> CaseKind:
    return case_kind_register(CaseKind(
        letter=letter, section="employment", model=model, title=title,
        case_url=lambda case: reverse("employment:case", args=[slug, case.pk]), contact=_contact,
    ))


DISCRIMINATION = _register("E", "discrimination", DiscriminationComplaint, _("就業歧視申訴"))
HARASSMENT = _register("H", "harassment", HarassmentComplaint, _("職場性騷擾申訴"))
SCAM = _register("S", "scam", ScamComplaint, _("求職防騙及不實廣告申訴"))

# The kinds by the slug in their URLs (/employment/complaints/<slug>/...).
KINDS_BY_SLUG = {"discrimination": DISCRIMINATION, "harassment": HARASSMENT, "scam": SCAM}
SLUG_BY_MODEL = {kind.model: slug for slug, kind in KINDS_BY_SLUG.items()}
