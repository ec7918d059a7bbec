"""API of the job centre's events, programme enrolments, training classes and certification tests (staff of
就業安全科 only): plain records staff enter, read and written. Each kind's rules (the counts it must and must not
have) are the model's clean(), which the serializers run (labor_portal.core.api.model_serializer)."""

from rest_framework import serializers

from employment.models import CertificationSession, ProgrammeEnrolment, ServiceEvent, TrainingClass
from labor_portal.core.api import SectionViewSet, model_serializer


class ServiceEventViewSet(SectionViewSet):
    """就業服務活動：徵才活動、就業直達車、視訊面試、校園活動、各計畫場次、行動就服車、職訓學員公益服務。
    kind 決定必填與不適用（須留空）之人數欄位。"""

    queryset = ServiceEvent.objects.order_by("-held_on", "-pk")
    date_field = "held_on"
    # At least one session (the table's check constraint): a 400 naming the field, not the database's refusal.
    serializer_class = model_serializer(
        ServiceEvent, None, sessions=serializers.IntegerField(min_value=1, max_value=32767, default=1))
    filterset_fields = ["kind", "activity", "programme"]
    search_fields = ["title", "place", "school"]


class ProgrammeEnrolmentViewSet(SectionViewSet):
    """就業促進計畫辦理情形：安心即時上工、暖心計畫、中高齡就業獎補助、職務再設計、銀髮人才資源中心。"""

    queryset = ProgrammeEnrolment.objects.order_by("-recorded_on", "-pk")
    date_field = "recorded_on"
    filterset_fields = ["programme"]
    search_fields = ["unit", "employer_name", "=business_number"]


class TrainingClassViewSet(SectionViewSet):
    """職業訓練班：依開訓日期計入期間；completed（結訓人數）於結訓後填寫。"""

    queryset = TrainingClass.objects.order_by("-starts_on", "code")
    date_field = "starts_on"
    filterset_fields = ["scheme"]
    search_fields = ["code", "name", "provider"]
    ordering_fields = ["starts_on", "ends_on", "code"]


class CertificationSessionViewSet(SectionViewSet):
    """技能檢定場次：candidates 為到檢人數。"""

    queryset = CertificationSession.objects.order_by("-held_on", "-pk")
    date_field = "held_on"
    filterset_fields = ["kind"]
    search_fields = ["trade"]


ROUTES = [
    ("employment/service-events", ServiceEventViewSet),
    ("employment/programme-enrolments", ProgrammeEnrolmentViewSet),
    ("employment/training-classes", TrainingClassViewSet),
    ("employment/certification-sessions", CertificationSessionViewSet),
]
