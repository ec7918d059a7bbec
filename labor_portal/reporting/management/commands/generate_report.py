import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from labor_portal.core.periods import HalfYear, InvalidPeriod
from labor_portal.reporting.services import report_compute
from labor_portal.reporting.workbook import render_workbook, table_csv


class Command(BaseCommand):
    help = "Generate the half-year report without a worker: generate_report 2020H1 --json PATH --xlsx PATH"

    def add_arguments(self, parser):
        parser.add_argument("period", help="half-year, e.g. 2020H1")
        parser.add_argument("--json", type=Path, help="write the JSON here")
        parser.add_argument("--xlsx", type=Path, help="write the Excel workbook here")
        parser.add_argument("--csv-dir", type=Path, help="write one CSV per table into this folder")

    def handle(self, *args, **options):
        try:
            period = HalfYear.parse(options["period"])
        except InvalidPeriod as exc:
            raise CommandError(str(exc)) from None
        snapshot = report_compute(period)
        if options["json"]:
            options["json"].write_text(json.dumps(snapshot, ensure_ascii=False, indent=2), encoding="utf-8")
        if options["xlsx"]:
            options["xlsx"].write_bytes(render_workbook(snapshot))
        if options["csv_dir"]:
            options["csv_dir"].mkdir(parents=True, exist_ok=True)
            for table in snapshot["tables"]:
                (options["csv_dir"] / f"{table['id']}.csv").write_text(table_csv(table), encoding="utf-8")
        if not any(options[key] for key in ("json", "xlsx", "csv_dir")):
            self.stdout.write(json.dumps(snapshot, ensure_ascii=False, indent=2))
        self.stderr.write(
            f"{period.label_zh}: {len(snapshot['tables'])} tables, {len(snapshot['indicators'])} indicators"
        )
