from django.db.models import Q

from labor_portal.core.sections import Queue, Workbench
from tests.tenth_section.models import Visit


def queues(user, today):
    return Workbench(Visit, [Queue("未完成的訪視", Q(done=False), link="done__exact=0", due="visited_on")])
