from rest_framework import serializers, viewsets

from tests.tenth_section.models import Visit


class VisitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Visit
        fields = ["id", "visited_on", "done"]


class VisitViewSet(viewsets.ModelViewSet):
    queryset = Visit.objects.order_by("pk")
    serializer_class = VisitSerializer


ROUTES = [("tenth/visits", VisitViewSet)]
