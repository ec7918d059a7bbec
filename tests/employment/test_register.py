"""The public register of employers found to discriminate: final, published decisions only, no complainant."""

from datetime import date

import pytest

from employment.grounds import Ground
from employment.models import CommitteeMeeting, CommitteeReview, DiscriminationComplaint

from .rights_factories import complaint

pytestmark = pytest.mark.django_db
URL = "/employment/discrimination-register/"


def _review(employer, **fields):
    meeting, _created = CommitteeMeeting.objects.get_or_create(title="109年第1次會議", held_on=date(2020, 5, 20))
    case = complaint(DiscriminationComplaint, date(2020, 3, 1), grounds=[Ground.AGE], main_ground=Ground.AGE,
                     employer_name=employer, complainant_name="申訴人甲")
    defaults = {"decision": "substantiated", "votes_substantiated": 7, "publish_employer_name": True,
                "fine_amount": 300_000, "final_on": date(2020, 7, 10)}
    return CommitteeReview.objects.create(meeting=meeting, complaint=case, **{**defaults, **fields})


def test_only_final_published_substantiated_decisions_are_listed(client):
    _review("公布科技股份有限公司")
    _review("訴願中有限公司", final_on=None)
    _review("不公布有限公司", publish_employer_name=False)
    _review("不成立有限公司", decision="not_substantiated", fine_amount=None, publish_employer_name=False)
    page = client.get(URL).content.decode()
    assert "公布科技股份有限公司" in page and "300,000" in page and "年齡" in page
    for hidden in ("訴願中有限公司", "不公布有限公司", "不成立有限公司", "申訴人甲"):
        assert hidden not in page


def test_the_register_is_searched_by_employer_name(client):
    _review("港都餐飲有限公司")
    _review("旗津物流股份有限公司")
    page = client.get(URL, {"q": "港都"}).content.decode()
    assert "港都餐飲有限公司" in page and "旗津物流股份有限公司" not in page


def test_a_page_past_the_last_is_not_found(client):
    assert client.get(URL, {"page": "99"}).status_code == 404
