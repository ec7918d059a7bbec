"""The public violator register (違反勞動法令事業單位查詢): no login, final penalties only."""

import csv

from django.core.paginator import InvalidPage, Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from inspections.forms import RegisterSearchForm
from inspections.selectors import register_entries
from labor_portal.core.ratelimit import per_ip_limit
from labor_portal.core.spreadsheets import safe_row

PAGE_SIZE = 50


def _entries(request):
    form = RegisterSearchForm(request.GET or None)
    query = form.cleaned_data.get("q", "") if form.is_valid() else ""
    return form, form.filter(register_entries(query=query))


@per_ip_limit("inspections.register", "60/m", method="GET")
def violation_register(request):
    form, entries = _entries(request)
    paginator = Paginator(entries, PAGE_SIZE)
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "paginator": paginator, "query_string": query.urlencode()}
    try:
        # validate_number refuses a page past the last before any OFFSET reaches the database (a huge
        # number there is a DataError on PostgreSQL).
        page = paginator.page(request.GET.get("page", 1))
    except InvalidPage:
        context["page_error"] = _("沒有這一頁：查詢結果共 %(pages)s 頁，請從第 1 頁開始。") % {
            "pages": paginator.num_pages}
        return render(request, "inspections/violation_register.html", context, status=404)
    context.update(page=page, entries=page.object_list,
                   page_range=paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return render(request, "inspections/violation_register.html", context)


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
            # Names and numbers are typed by staff and imported from files: never a formula in Excel.
            yield writer.writerow(safe_row([
                firm.name, firm.business_number, firm.responsible_person, entry.get_law_display(),
                entry.article_label, entry.article_meaning, entry.decision_number, entry.decided_on.isoformat(),
                entry.fine,
            ]))

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="violations.csv"'
    return response
