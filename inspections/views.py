"""The public violator register (違反勞動法令事業單位查詢): no login, final penalties only."""

import csv

from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from inspections.forms import RegisterSearchForm
from inspections.selectors import register_entries
from labor_portal.core.ratelimit import per_ip_limit

PAGE_SIZE = 50


def _entries(request):
    form = RegisterSearchForm(request.GET or None)
    query = form.cleaned_data.get("q", "") if form.is_valid() else ""
    return form, form.filter(register_entries(query=query))


def _page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("page", 1)))
    except ValueError:
        return 1


@per_ip_limit("inspections.register", "60/m", method="GET")
def violation_register(request):
    form, entries = _entries(request)
    number = _page_number(request)
    # One row more than a page tells whether there is a next page, without counting every penalty.
    rows = list(entries[(number - 1) * PAGE_SIZE : number * PAGE_SIZE + 1])
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "inspections/violation_register.html", {
        "form": form,
        "entries": rows[:PAGE_SIZE],
        "page_number": number,
        "has_previous": number > 1,
        "has_next": len(rows) > PAGE_SIZE,
        "query_string": query.urlencode(),
    })


class _Echo:
    def write(self, value):
        return value


@per_ip_limit("inspections.register_csv", "10/m", method="GET")
def violation_register_csv(request):
    _form, entries = _entries(request)
    writer = csv.writer(_Echo())
    header = [_("事業單位名稱"), _("統一編號"), _("負責人"), _("法規"), _("條次"), _("違反條文內容"),
              _("處分字號"), _("處分日期"), _("罰鍰金額(元)")]

    def rows():
        yield "\ufeff"  # Excel reads the zh-Hant text as UTF-8 only with a byte-order mark.
        yield writer.writerow(header)
        for entry in entries.iterator(chunk_size=2000):
            firm = entry.establishment
            yield writer.writerow([
                firm.name, firm.business_number, firm.responsible_person, entry.get_law_display(),
                entry.article_label, entry.article_meaning, entry.decision_number, entry.decided_on.isoformat(),
                entry.fine,
            ])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="violations.csv"'
    return response
