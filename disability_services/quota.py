"""The employment quota of the People with Disabilities Rights Protection Act (身心障礙者權益保障法) art. 38.

Pure functions on one month's roster and the rules in force that month (no database): the public calculator and
the tests use them directly; the register computes the same in SQL (`QuotaRules.annotate`), and a test holds the
two equal.

- art. 38 I: public bodies (agencies, schools, state enterprises) with at least 34 insured staff employ people
  with disabilities for at least 3 % of their staff; art. 38 II: private schools, associations and businesses with
  at least 67 staff, 1 % and at least one person. The required number is rounded down (art. 38 IV: 小數點後
  無條件捨去).
- art. 38 III: a severely disabled employee counts 2.
- art. 38 IV and the rules: staff paid below the base wage do not count, except part-timers paid at least half
  the base wage, two of whom count 1 (a severely disabled part-timer, counting 2, then counts 1 alone).
- art. 43: an employer below quota pays the base wage for each person missing, each month (差額補助費).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class EmployerKind(models.TextChoices):
    PUBLIC_AGENCY = "public_agency", "公立:機關"
    PUBLIC_SCHOOL = "public_school", "公立:學校"
    STATE_ENTERPRISE = "state_enterprise", "公立:公營企業"
    PRIVATE_SCHOOL = "private_school", "私立:學校"
    ASSOCIATION = "association", "私立:團體"
    PRIVATE_BUSINESS = "private_business", "私立:民營"


PUBLIC_KINDS = (EmployerKind.PUBLIC_AGENCY, EmployerKind.PUBLIC_SCHOOL, EmployerKind.STATE_ENTERPRISE)
PRIVATE_KINDS = (EmployerKind.PRIVATE_SCHOOL, EmployerKind.ASSOCIATION, EmployerKind.PRIVATE_BUSINESS)


def is_public(kind: str) -> bool:
    return kind in {k.value for k in PUBLIC_KINDS}


class QuotaStatus(models.TextChoices):
    NOT_OBLIGED = "not_obliged", _("非義務機關(構)")
    ABOVE = "above", _("超額進用（可申請獎勵）")
    AT = "at", _("足額進用")
    BELOW = "below", _("不足額進用")


# Rates are kept in basis points (1/10,000) so that the register's SQL rounds down in integers, as the law does.
BASIS = 10_000

RULE_KEYS = {
    "public_threshold": "disability_services.public_quota_threshold",
    "public_rate": "disability_services.public_quota_rate",
    "private_threshold": "disability_services.private_quota_threshold",
    "private_rate": "disability_services.private_quota_rate",
    "private_minimum": "disability_services.private_quota_minimum",
    "base_wage": "disability_services.base_wage",
}


@dataclass(frozen=True)
class QuotaRules:
    """The art. 38 numbers and the base wage in force in one month (read from LegalRule by `on`)."""

    public_threshold: int
    public_rate_bp: int
    private_threshold: int
    private_rate_bp: int
    private_minimum: int
    base_wage: int

    @classmethod
    def on(cls, day: date) -> "QuotaRules":
        from labor_portal.core.models import LegalRule

        # One query for the six rules: the latest row of each key in force on the day.
        in_force: dict[str, Decimal] = {}
        for key, amount in (
            LegalRule.objects.filter(key__in=RULE_KEYS.values(), valid_from__lte=day)
            .order_by("key", "-valid_from").values_list("key", "value")
        ):
            in_force.setdefault(key, amount)

        def value(name: str) -> Decimal:
            if RULE_KEYS[name] not in in_force:
                raise LookupError(f"no legal rule {RULE_KEYS[name]!r} in force on {day}")
            return in_force[RULE_KEYS[name]]

        return cls(
            public_threshold=int(value("public_threshold")),
            public_rate_bp=int(value("public_rate") * BASIS),
            private_threshold=int(value("private_threshold")),
            private_rate_bp=int(value("private_rate") * BASIS),
            private_minimum=int(value("private_minimum")),
            base_wage=int(value("base_wage")),
        )

    def threshold(self, public: bool) -> int:
        return self.public_threshold if public else self.private_threshold

    def required(self, *, public: bool, headcount: int) -> int:
        """The number the employer must employ: 0 when it is not obliged, else its rate of the headcount rounded
        down (and at least the minimum, for private employers)."""
        if headcount < self.threshold(public):
            return 0
        if public:
            return headcount * self.public_rate_bp // BASIS
        return max(headcount * self.private_rate_bp // BASIS, self.private_minimum)


def counted(*, disabled: int, severe: int = 0, part_timers: int = 0, severe_part_timers: int = 0) -> int:
    """The number the employer is credited with.

    disabled: full-time employees with disabilities paid at least the base wage (the severe ones included);
    severe: of those, the severely disabled (each counts 2); part_timers: part-timers with disabilities paid at
    least half the base wage (the severe ones included); severe_part_timers: of those, the severely disabled.
    Counted in halves, then rounded down: an odd part-timer left over does not count.
    """
    halves = 2 * disabled + 2 * severe + part_timers + severe_part_timers
    return halves // 2


@dataclass(frozen=True)
class Assessment:
    obliged: bool
    required: int
    counted: int
    status: str
    shortfall: int  # persons missing (below quota only)
    monthly_payment: int  # shortfall × base wage, NT$
    above_quota: int  # persons above quota (above only): what an over-quota reward counts


def assess(
    rules: QuotaRules, *, public: bool, headcount: int, disabled: int, severe: int = 0, part_timers: int = 0,
    severe_part_timers: int = 0,
) -> Assessment:
    """One employer's month: obliged or not, required, counted, status, shortfall and its payment."""
    credit = counted(disabled=disabled, severe=severe, part_timers=part_timers, severe_part_timers=severe_part_timers)
    obliged = headcount >= rules.threshold(public)
    required = rules.required(public=public, headcount=headcount)
    if not obliged:
        status = QuotaStatus.NOT_OBLIGED
    elif credit > required:
        status = QuotaStatus.ABOVE
    elif credit == required:
        status = QuotaStatus.AT
    else:
        status = QuotaStatus.BELOW
    shortfall = required - credit if status == QuotaStatus.BELOW else 0
    return Assessment(
        obliged=obliged,
        required=required,
        counted=credit,
        status=status.value,
        shortfall=shortfall,
        monthly_payment=shortfall * rules.base_wage,
        above_quota=credit - required if status == QuotaStatus.ABOVE else 0,
    )


@dataclass(frozen=True)
class Quarter:
    """A calendar quarter, the unit of over-quota rewards."""

    year: int
    number: int

    @classmethod
    def containing(cls, day: date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        """First day of the next quarter (half-open)."""
        return self.next().start

    @property
    def months(self) -> list[date]:
        return [date(self.year, 3 * self.number - 2 + n, 1) for n in range(3)]

    def next(self) -> "Quarter":
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def previous(self) -> "Quarter":
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    def applications_close(self, months: int) -> date:
        """The last day reward applications for this quarter are accepted: `months` months after its end."""
        close = self.end
        for _n in range(months):
            close = date(close.year + close.month // 12, close.month % 12 + 1, 1)
        return date.fromordinal(close.toordinal() - 1)

    @property
    def label_zh(self) -> str:
        return f"{self.year - 1911}年第{self.number}季"

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"


def recent_quarters(last_day: date, count: int = 4) -> list[Quarter]:
    """The `count` quarters ending on or before `last_day`, oldest first."""
    quarter = Quarter.containing(last_day)
    if quarter.end.toordinal() - 1 != last_day.toordinal():
        quarter = quarter.previous()
    quarters = [quarter]
    for _n in range(count - 1):
        quarters.append(quarters[-1].previous())
    return quarters[::-1]


def month_start(day: date) -> date:
    return day.replace(day=1)
