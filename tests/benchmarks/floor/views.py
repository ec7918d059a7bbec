from django import forms
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from tests.benchmarks.floor.models import FloorNote


class FloorForm(forms.ModelForm):
    class Meta:
        model = FloorNote
        fields = ["name", "email", "message"]


@never_cache
def floor(request):
    """GET the form (CSRF cookie and token), POST it: validated, one row inserted, redirect (post/redirect/get)."""
    form = FloorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.save()
        return redirect("bench_floor:done")
    return render(request, "bench_floor/form.html", {"form": form}, status=400 if form.errors else 200)


def done(request):
    return HttpResponse("ok", content_type="text/plain")
