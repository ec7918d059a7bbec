from django.urls import path, re_path

from labor_portal.reporting import open_data

app_name = "open-data"
PERIOD = r"(?P<period>\d{4}H[12])"
urlpatterns = [
    path("", open_data.index_page, name="index"),
    path("index.json", open_data.index_json, name="index-json"),
    re_path(rf"^{PERIOD}/$", open_data.period_page, name="period"),
    re_path(rf"^{PERIOD}/report\.xlsx$", open_data.workbook, name="workbook"),
    re_path(rf"^{PERIOD}/indicators\.(?P<fmt>csv|json)$", open_data.indicators, name="indicators"),
    re_path(rf"^{PERIOD}/(?P<table_id>[a-z_]+(?:\.[a-z0-9_]+)+)\.(?P<fmt>csv|json)$", open_data.table, name="table"),
]
