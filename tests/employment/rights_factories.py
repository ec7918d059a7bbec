"""Complaint rows for the report and committee tests (numbered like filings, without the filing service)."""

import secrets
from datetime import timedelta

from employment.models import DiscriminationComplaint, HarassmentComplaint

_n = iter(range(1, 1_000_000))


def complaint(model, filed_on, **fields):
    n = next(_n)
    defaults = {
        "filed_on": filed_on, "case_number": f"{filed_on.year - 1911}-T-{n:06d}", "access_code_hash": secrets.token_hex(8),
        "complainant_name": "測試人", "complainant_phone": "0912345678", "employer_name": "測試公司", "account": "經過",
    }
    if model is DiscriminationComplaint:
        defaults.update(grounds=[], main_ground="gender")
    if model is HarassmentComplaint:
        defaults.update(route="employer_failed", respondent_name="王○○", act_ended_on=filed_on - timedelta(days=30),
                        learned_on=filed_on - timedelta(days=30))
    return model.objects.create(**{**defaults, **fields})
