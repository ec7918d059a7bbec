from datetime import date

import factory

from inspections.demo import business_number
from inspections.models import (
    ComplianceCounselling,
    Establishment,
    Industry,
    LaborInspection,
    LaborInspectionKind,
    Law,
    OccupationalAccident,
    OSHInspection,
    OSHInspectionKind,
    PenaltyStatus,
    PromotionChannel,
    PromotionSession,
    PromotionTopic,
    SafetyFamily,
    SafetyFamilyMember,
    SMECounsellingVisit,
    StopWorkOrder,
    Violation,
    Volunteer,
)
from inspections.services import violation_status_log_start
from labor_portal.core.districts import District


class EstablishmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Establishment

    name = factory.Sequence(lambda n: f"測試工業{n}股份有限公司")
    business_number = factory.Sequence(lambda n: business_number(90_000 + n))
    responsible_person = "陳測試"
    industry = Industry.C
    district = District.LINGYA
    employees = 30


class LaborInspectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LaborInspection

    establishment = factory.SubFactory(EstablishmentFactory)
    inspected_on = date(2020, 3, 1)
    kind = LaborInspectionKind.PROJECT
    inspector = "王檢查員"


class ComplianceCounsellingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ComplianceCounselling

    establishment = factory.SubFactory(EstablishmentFactory)
    visited_on = date(2020, 3, 1)
    counsellor = "林輔導員"


class ViolationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Violation
        skip_postgeneration_save = True

    establishment = factory.SubFactory(EstablishmentFactory)
    law = Law.LABOR_STANDARDS
    article = 24
    decided_on = date(2020, 4, 1)
    fine_imposed = 20_000
    status = PenaltyStatus.FINAL

    @factory.post_generation
    def status_log(violation, create, extracted, **kwargs):
        # Every path that enters a penalty starts its status log (the penalty tables read the status from it).
        if create:
            violation_status_log_start(violation=violation, user=None)


class OSHInspectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OSHInspection

    establishment = factory.SubFactory(EstablishmentFactory)
    inspected_on = date(2020, 3, 1)
    kind = OSHInspectionKind.GENERAL
    inspector = "張檢查員"


class StopWorkOrderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StopWorkOrder

    inspection = factory.SubFactory(OSHInspectionFactory)
    ordered_on = date(2020, 3, 1)


class OccupationalAccidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OccupationalAccident

    establishment = factory.SubFactory(EstablishmentFactory)
    occurred_on = date(2020, 3, 1)
    district = District.LINGYA
    deaths = 1


class PromotionSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PromotionSession

    topic = PromotionTopic.LABOR_STANDARDS
    channel = PromotionChannel.SEMINAR
    title = "勞基法宣導會"
    held_on = date(2020, 3, 1)
    people_reached = 100


class VolunteerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Volunteer

    name = factory.Sequence(lambda n: f"志工{n}")
    recruited_on = date(2020, 2, 1)


class SMECounsellingVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SMECounsellingVisit

    establishment = factory.SubFactory(EstablishmentFactory)
    volunteer = factory.SubFactory(VolunteerFactory)
    visited_on = date(2020, 3, 1)


class SafetyFamilyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SafetyFamily

    name = factory.Sequence(lambda n: f"測試安衛家族{n}")
    lead_establishment = factory.SubFactory(EstablishmentFactory)
    founded_on = date(2015, 1, 1)


class SafetyFamilyMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SafetyFamilyMember

    family = factory.SubFactory(SafetyFamilyFactory)
    establishment = factory.SubFactory(EstablishmentFactory)
    joined_on = date(2019, 1, 1)
