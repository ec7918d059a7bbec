"""The public register of employers found to discriminate (就業歧視評議成立並公布名稱之事業單位): no login,
final decisions whose publication the committee decided (Employment Service Act art. 65 para. 2) only."""

from django import forms
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from employment.models import CommitteeReview
from labor_portal.core.ratelimit import per_ip_limit

PAGE_SIZE = 50


class RegisterSearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("事業單位名稱或統一編號"), max_length=100, required=False)


def register_entries(*, today, query: str = ""):
    """Published final decisions, newest first. Only the employer and the decision: never the complainant."""
    entries = CommitteeReview.objects.published(today).select_related("meeting", "complaint")
    if query := query.strip():
        entries = entries.filter(Q(complaint__employer_name__icontains=query)
                                 | Q(complaint__employer_business_number__startswith=query))
    return entries.order_by("-final_on", "-meeting__held_on", "-pk")


@per_ip_limit("employment.register", "60/m", method="GET")
def discrimination_register(request):
    form = RegisterSearchForm(request.GET or None)
    query = form.cleaned_data.get("q", "") if form.is_valid() else ""
    paginator = Paginator(register_entries(today=timezone.localdate(), query=query), PAGE_SIZE)
    context = {"form": form, "paginator": paginator, "query": query}
    try:
        page = paginator.page(request.GET.get("page", 1))
    except InvalidPage:
        context["page_error"] = _("沒有這一頁：查詢結果共 %(pages)s 頁，請從第 1 頁開始。") % {"pages": paginator.num_pages}
        return render(request, "employment/register.html", context, status=404)
    context.update(page=page, entries=page.object_list)
    return render(request, "employment/register.html", context)
