"""API of the job centre (staff of 就業安全科 only), listed in employment.api.ROUTES.

A seeker's name and ID number are always masked, the phone left out; the full record is read on its admin page,
where each read is logged. A vacancy created here is checked like one entered in the admin (held for review when
the job-ad checker flags it); its publication and the checker's notes are read only on creation.
"""

from django.utils import timezone
from rest_framework import serializers

from employment.job_centre import VacancyChecker
from employment.models import JobSeekerRegistration, Referral, Vacancy, VacancyHireReport
from labor_portal.core.api import SectionViewSet, model_serializer
from labor_portal.core.validators import mask_name, mask_personal_id

SEEKER_FIELDS = ["id", "number", "registered_on", "station", "name", "personal_id", "birth_year", "middle_aged",
                 "desired_occupation", "youth", "disadvantaged", "indigenous", "disabled", "new_resident",
                 "released_prisoner", "created_at", "updated_at"]


class JobSeekerRegistrationViewSet(SectionViewSet):
    """求職登記：姓名及身分證號一律遮蔽，出生日期僅列年份；middle_aged 為登記日年滿45歲（由系統判定）。新增或修改
    含個資之登記請於後台辦理。"""

    queryset = JobSeekerRegistration.objects.order_by("-registered_on", "-pk")
    date_field = "registered_on"
    http_method_names = ["get", "head", "options"]  # personal data is entered where it is shown in full
    serializer_class = model_serializer(
        JobSeekerRegistration, SEEKER_FIELDS, masked={"name": mask_name, "personal_id": mask_personal_id},
        birth_year=serializers.IntegerField(source="birth_date.year", read_only=True),
    )
    filterset_fields = ["station", "middle_aged", "youth", "disadvantaged", "new_resident", "released_prisoner"]
    search_fields = ["=number"]


class VacancyViewSet(SectionViewSet):
    """求才登記：新增時經徵才廣告檢查，未通過者 review 為 held（待人工審核），不公開。"""

    queryset = Vacancy.objects.order_by("-registered_on", "-pk")
    date_field = "registered_on"
    filterset_fields = ["review", "occupation", "district", "employment_type", "station"]
    search_fields = ["=number", "employer_name", "job_title"]

    def perform_create(self, serializer):
        vacancy = Vacancy(**serializer.validated_data)
        VacancyChecker(timezone.localdate()).review(vacancy)
        serializer.save(review=vacancy.review, review_notes=vacancy.review_notes,
                        **self._acting_user(serializer, ("created_by", "updated_by")))


class ReferralViewSet(SectionViewSet):
    """推介（介紹卡）及其結果；求職者以求職登記 id 表示（姓名遮蔽見求職登記）。"""

    queryset = Referral.objects.order_by("-referred_on", "-pk")
    date_field = "referred_on"
    filterset_fields = ["outcome", "registration", "vacancy"]
    search_fields = ["=card_number"]


class VacancyHireReportViewSet(SectionViewSet):
    """雇主自行僱用回報（非經介紹卡之僱用，計入求才僱用人數）。"""

    queryset = VacancyHireReport.objects.order_by("-reported_on", "-pk")
    date_field = "reported_on"
    filterset_fields = ["vacancy"]


ROUTES = [
    ("employment/job-seekers", JobSeekerRegistrationViewSet),
    ("employment/vacancies", VacancyViewSet),
    ("employment/referrals", ReferralViewSet),
    ("employment/vacancy-hire-reports", VacancyHireReportViewSet),
]
