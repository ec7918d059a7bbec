from datetime import date

import factory

from disability_services.models import MonthlyRoster, QuotaEmployer, RewardApplication
from disability_services.quota import EmployerKind


class QuotaEmployerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = QuotaEmployer

    name = factory.Sequence(lambda n: f"測試事業單位{n}")
    business_number = factory.Sequence(lambda n: f"T{n:07d}")
    kind = EmployerKind.PRIVATE_BUSINESS


class MonthlyRosterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MonthlyRoster

    employer = factory.SubFactory(QuotaEmployerFactory)
    month = date(2020, 6, 1)
    insured_headcount = 100
    disabled = 1


class RewardApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RewardApplication

    employer = factory.SubFactory(QuotaEmployerFactory)
    quarter_start = date(2020, 1, 1)
    received_on = date(2020, 4, 10)
