from labor_portal.core.api import SectionViewSet
from tests.tenth_section.models import Visit


class VisitViewSet(SectionViewSet):
    queryset = Visit.objects.order_by("pk")
    fields = ["id", "visited_on", "done"]


ROUTES = [("tenth/visits", VisitViewSet)]
