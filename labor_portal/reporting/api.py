from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.generics import get_object_or_404
from rest_framework.response import Response

from labor_portal.core.periods import HalfYear, InvalidPeriod
from labor_portal.reporting.models import Publication, ReportRun
from labor_portal.reporting.services import report_run_start
from labor_portal.reporting.workbook import table_csv

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def run_links(run: ReportRun, request=None) -> dict:
    """Where to fetch a finished run's outputs (empty until it is done)."""
    if run.status != ReportRun.Status.DONE:
        return {}
    build = request.build_absolute_uri if request else (lambda url: url)
    links = {
        "xlsx": build(reverse("reportrun-xlsx", args=[run.pk])),
        "json": build(reverse("reportrun-report-json", args=[run.pk])),
        "html": build(reverse("reports:tables", args=[run.pk])),
    }
    if run.snapshot:
        links["csv"] = {
            table["id"]: build(reverse("reportrun-table-csv", args=[run.pk, table["id"]]))
            for table in run.snapshot["tables"]
        }
    return links


class ReportRunSerializer(serializers.ModelSerializer):
    period = serializers.CharField(help_text="half-year, e.g. 2020H1")
    period_label = serializers.SerializerMethodField()
    requested_by = serializers.StringRelatedField()
    links = serializers.SerializerMethodField()

    class Meta:
        model = ReportRun
        fields = [
            "id", "period", "period_label", "status", "progress", "requested_by", "created_at", "started_at",
            "finished_at", "duration_seconds", "error", "links",
        ]
        read_only_fields = [name for name in fields if name != "period"]

    def validate_period(self, value: str) -> str:
        try:
            return str(HalfYear.parse(value))
        except InvalidPeriod as exc:
            raise serializers.ValidationError(str(exc)) from None

    def get_period_label(self, run) -> str:
        return run.half_year.label_zh

    def get_links(self, run) -> dict:
        return run_links(run, self.context.get("request"))


class ReportRunViewSet(mixins.CreateModelMixin, mixins.RetrieveModelMixin, mixins.ListModelMixin,
                       viewsets.GenericViewSet):
    """Half-year report runs: POST a period to start one (202), GET it for status, progress and files."""

    queryset = ReportRun.objects.select_related("requested_by")
    serializer_class = ReportRunSerializer
    filterset_fields = ["period", "status"]

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        run = report_run_start(period=HalfYear.parse(serializer.validated_data["period"]), requested_by=request.user)
        run.refresh_from_db()  # eager Celery may already have finished it
        data = self.get_serializer(run).data
        return Response(data, status=status.HTTP_202_ACCEPTED, headers={"Location": data["links"].get("html", "")})

    def _finished_run(self, pk) -> ReportRun:
        # DRF's get_object_or_404, as get_object() uses: an id that is no UUID is a 404, not a 500.
        run = get_object_or_404(self.get_queryset(), pk=pk)
        if run.status != ReportRun.Status.DONE:
            raise NotFound(_("報表尚未產製完成。"))
        return run

    @extend_schema(responses={200: OpenApiResponse(description="Excel workbook")})
    @action(detail=True, methods=["get"], url_path="xlsx")
    def xlsx(self, request, pk=None):
        run = self._finished_run(pk)
        # An approved run is downloaded as published: the workbook re-rendered once with its approval on the cover.
        publication = Publication.objects.filter(run=run).only("workbook").first()
        stored = publication.workbook if publication else run.workbook
        response = HttpResponse(stored.open("rb").read(), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="labor-report-{run.period}.xlsx"'
        return response

    @extend_schema(responses={200: OpenApiResponse(description="The report in the specification's JSON shape")})
    @action(detail=True, methods=["get"], url_path="report.json", url_name="report-json")
    def report_json(self, request, pk=None):
        return Response(self._finished_run(pk).snapshot)

    @extend_schema(responses={200: OpenApiResponse(description="One table as CSV")})
    @action(detail=True, methods=["get"], url_path=r"csv/(?P<table_id>[a-z_]+(?:\.[a-z0-9_]+)+)", url_name="table-csv")
    def table_csv(self, request, pk=None, table_id=None):
        run = self._finished_run(pk)
        table = next((table for table in run.snapshot["tables"] if table["id"] == table_id), None)
        if table is None:
            raise NotFound(_("沒有這張報表。"))
        response = HttpResponse(table_csv(table), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{run.period}-{table_id}.csv"'
        return response
