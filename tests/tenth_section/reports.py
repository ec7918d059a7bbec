from django.db.models import Count

from labor_portal.reporting.registry import Figure, registry
from tests.tenth_section.models import Visit

registry.figures(Figure("tenth_section.visits", "次", "訪視次數", Visit.objects, Count("pk")))
