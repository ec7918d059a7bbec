"""Open data: the approved half-years' tables as CSV and JSON at stable URLs, and a machine-readable index.

Public, without an account. Only published revisions are served, and only their aggregate tables and
indicators (the snapshot's consistency checks and the run's people are not part of it): no personal data.
The latest approved revision of a half-year is served; the URLs stay the same across revisions.
"""

import csv
import io

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from labor_portal.core.periods import HalfYear, InvalidPeriod
from labor_portal.core.spreadsheets import safe_row
from labor_portal.reporting.approval_views import serve_workbook
from labor_portal.reporting.models import Publication
from labor_portal.reporting.publication import current_publication
from labor_portal.reporting.registry import registry
from labor_portal.reporting.workbook import table_csv

LICENCE = {
    "name_zh": "政府資料開放授權條款-第1版",
    "name_en": "Open Government Data License, version 1.0",
    "url": "https://data.gov.tw/license",
}
TITLE = {
    "zh-hant": "高雄市政府勞工局 勞動統計半年報 開放資料",
    "en": "Kaohsiung City Labor Affairs Bureau: half-year labor statistics, open data",
}
UNIT_NOTE = {
    "zh-hant": "表中數值為件數、人數等計數；欄名或列名標示(元)、(萬元)者為金額（新臺幣）；百分比欄列另列於 percent。",
    "en": "Cells are counts (cases, persons, events); columns or rows marked (元) or (萬元) are amounts in NT$ "
          "(yuan, or NT$10,000); percentage cells are listed under percent.",
}
CACHE_SECONDS = 300  # a new revision replaces a half-year's figures: caches must not keep them long


def _english_label(text):
    try:  # the catalogue's English headers, where the workbook module provides them
        from labor_portal.reporting.catalogue import label
    except ImportError:
        return text
    return label(text, "en")


def _publication(period: str) -> Publication:
    try:
        period = str(HalfYear.parse(period))
    except InvalidPeriod:
        raise Http404 from None
    publication = current_publication(period)
    if publication is None:
        raise Http404(_("這個期間尚未核定公布。"))
    return publication


def _table(publication: Publication, table_id: str) -> dict:
    table = next((t for t in publication.snapshot["tables"] if t["id"] == table_id), None)
    if table is None:
        raise Http404(_("沒有這張報表。"))
    return table


def _units(table: dict) -> dict:
    spec = registry.get_table(table["id"])
    return {
        "note_zh": UNIT_NOTE["zh-hant"],
        "note_en": UNIT_NOTE["en"],
        "percent": {
            "columns": [c for c in table["columns"] if spec and c in spec.percent_columns],
            "rows": [r["label"] for r in table["rows"] if spec and r["label"] in spec.percent_rows],
        },
    }


def _urls(request, publication: Publication, table_id: str) -> dict:
    return {fmt: request.build_absolute_uri(reverse("open-data:table", args=[publication.period, table_id, fmt]))
            for fmt in ("csv", "json")}


def _period_entry(request, publication: Publication) -> dict:
    half_year = publication.half_year
    return {
        "period": publication.period,
        "label_zh": half_year.label_zh,
        "label_en": half_year.label_en,
        "revision": publication.revision,
        "approved_at": publication.approved_at.isoformat(),
        "workbook": request.build_absolute_uri(reverse("open-data:workbook", args=[publication.period])),
        "indicators": {
            fmt: request.build_absolute_uri(reverse("open-data:indicators", args=[publication.period, fmt]))
            for fmt in ("csv", "json")
        },
        "tables": [
            {
                "id": table["id"],
                "title_zh": table["title_zh"],
                "title_en": table["title_en"],
                "columns": table["columns"],
                "columns_en": [_english_label(column) for column in table["columns"]],
                "units": _units(table),
                "urls": _urls(request, publication, table["id"]),
            }
            for table in publication.snapshot["tables"]
        ],
    }


def _published():
    return Publication.objects.current().order_by("-period")


@require_GET
def index_page(request):
    publications = list(_published().defer("diff"))
    return render(request, "reporting/open_data.html", {
        "publications": publications, "licence": LICENCE, "english": get_language() == "en",
    })


@require_GET
def period_page(request, period):
    publication = _publication(period)
    return render(request, "reporting/open_data_period.html", {
        "publication": publication, "licence": LICENCE, "english": get_language() == "en",
        "tables": [{**table, "urls": _urls(request, publication, table["id"])}
                   for table in publication.snapshot["tables"]],
    })


def _cacheable(response):
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may fetch it
    return response


@require_GET
def index_json(request):
    return _cacheable(JsonResponse({
        "title": TITLE,
        "publisher": {"zh-hant": "高雄市政府勞工局", "en": "Labor Affairs Bureau, Kaohsiung City Government"},
        "licence": LICENCE,
        "periods": [_period_entry(request, publication) for publication in _published()],
    }, json_dumps_params={"ensure_ascii": False}))


@require_GET
def table(request, period, table_id, fmt):
    publication = _publication(period)
    data = _table(publication, table_id)
    if fmt == "csv":
        response = HttpResponse(table_csv(data), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{publication.period}-{table_id}.csv"'
        return _cacheable(response)
    return _cacheable(JsonResponse({
        "id": data["id"],
        "title_zh": data["title_zh"],
        "title_en": data["title_en"],
        "period": publication.period,
        "label_zh": publication.half_year.label_zh,
        "label_en": publication.half_year.label_en,
        "revision": publication.revision,
        "approved_at": publication.approved_at.isoformat(),
        "licence": LICENCE,
        "columns": data["columns"],
        "columns_en": [_english_label(column) for column in data["columns"]],
        "units": _units(data),
        "rows": [{"label": row["label"], "label_en": _english_label(row["label"]), "values": row["values"]}
                 for row in data["rows"]],
        "note": data.get("note", ""),
    }, json_dumps_params={"ensure_ascii": False}))


@require_GET
def indicators(request, period, fmt):
    publication = _publication(period)
    items = [{key: item[key] for key in ("id", "section", "label_zh", "value", "unit")}
             for item in publication.snapshot["indicators"]]
    if fmt == "json":
        return _cacheable(JsonResponse({
            "period": publication.period, "revision": publication.revision,
            "approved_at": publication.approved_at.isoformat(), "licence": LICENCE, "indicators": items,
        }, json_dumps_params={"ensure_ascii": False}))
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow(["代碼", "說明", "數值", "單位"])
    for item in items:
        writer.writerow(safe_row([item["id"], item["label_zh"], item["value"], item["unit"]]))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{publication.period}-indicators.csv"'
    return _cacheable(response)


@require_GET
def workbook(request, period):
    lang = "en" if request.GET.get("lang") == "en" else "zh-hant"
    return serve_workbook(_publication(period), lang)
