from datetime import date

from welfare.models import CondolenceCase


def condolence_case(n: int = 1, accident_on: date = date(2020, 1, 10)) -> CondolenceCase:
    return CondolenceCase.objects.create(worker_name=f"測試勞工{n}", personal_id=f"A1{n:08d}",
                                         accident_on=accident_on, applied_on=accident_on)
