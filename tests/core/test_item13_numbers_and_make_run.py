"""Item 13: thousands separators in zh-Hant too; `make run PORT=…` and the demo logins shown after the URLs."""

import os
import stat
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation

from labor_portal.core.roles import APPROVERS
from labor_portal.core.sections import section_roles
from labor_portal.reporting.models import ReportRun
from labor_portal.reporting.publication import approval_refusal
from labor_portal.reporting.selectors import tables_for_display


@pytest.mark.parametrize("language", ["zh-hant", "en"])
def test_item13_money_and_counts_have_thousands_separators_in_every_language(language):
    with translation.override(language):
        page = Template("{% load humanize %}NT${{ amount|intcomma }} {{ count|intcomma }} {{ year }}").render(
            Context({"amount": 84000, "count": 1234567, "year": 2020})
        )
    # Years and ids printed plainly stay ungrouped: only intcomma groups.
    assert page == "NT$84,000 1,234,567 2020"


def test_item13_report_tables_show_thousands_separators_in_chinese():
    snapshot = {"tables": [{"id": "no-such-table", "section": "unions", "title_zh": "工會會員", "columns": ["人數"],
                            "rows": [{"label": "合計", "values": [84000]}], "note": ""}], "indicators": []}
    with translation.override("zh-hant"):
        sections = tables_for_display(snapshot)
    cells = [cell for section in sections for table in section["tables"] for row in table["display_rows"] for cell in row["cells"]]
    assert cells == ["84,000"]


def _make_run_dry(port: str | None) -> list[str]:
    args = ["make", "-n", "run", *([f"PORT={port}"] if port else [])]
    output = subprocess.run(args, cwd=settings.BASE_DIR, capture_output=True, text=True, check=True).stdout
    return output.splitlines()


def test_item13_make_run_serves_on_the_port_given():
    lines = _make_run_dry("8001")
    assert any("runserver 127.0.0.1:8001" in line for line in lines)
    assert any("http://127.0.0.1:8001/admin/" in line for line in lines)
    assert not any("8000" in line for line in lines)


def test_item13_demo_logins_are_shown_after_the_urls_not_during_setup():
    lines = _make_run_dry(None)
    create = next(i for i, line in enumerate(lines) if "create_demo_accounts" in line)
    assert "--passwords-file" in lines[create]
    last_url = max(i for i, line in enumerate(lines) if "http://127.0.0.1:8000/" in line)
    shown = next(i for i, line in enumerate(lines) if "cat .venv/demo-logins.txt" in line)
    server = next(i for i, line in enumerate(lines) if "runserver" in line)
    assert create < last_url < shown < server


@pytest.mark.django_db
def test_item13_demo_passwords_go_to_a_private_file_once(tmp_path, capsys):
    passwords = tmp_path / "demo-logins.txt"
    call_command("create_demo_accounts", passwords_file=str(passwords))
    assert capsys.readouterr().out == ""  # nothing in the migration output
    assert stat.S_IMODE(os.stat(passwords).st_mode) == 0o600
    first = passwords.read_text()
    # One clerk per declared section (the test settings' tenth included), an official, an approver and an
    # administrator.
    assert "sysadmin" in first and len(first.splitlines()) == len(section_roles()) + 3
    passwords.unlink()  # as `make run` does once it has shown them
    call_command("create_demo_accounts", passwords_file=str(passwords))
    assert not Path(passwords).exists()  # a second run: no new accounts, nothing to show


@pytest.mark.django_db
def test_the_demo_accounts_include_an_approver_other_than_the_official(tmp_path):
    call_command("create_demo_accounts", passwords_file=str(tmp_path / "demo-logins.txt"))
    User = get_user_model()
    generator, approver = User.objects.get(username="official"), User.objects.get(username="approver")
    assert list(approver.groups.values_list("name", flat=True)) == [APPROVERS]
    assert approver.has_perm("reporting.approve_reportrun") and approver.has_perm("reporting.add_reportrun")
    assert not generator.has_perm("reporting.approve_reportrun")
    # The four-eyes rule can be shown: the approver may approve the official's run, not their own.
    run = ReportRun.objects.create(period="2020H1", requested_by=generator, status=ReportRun.Status.DONE)
    assert approval_refusal(run, approver) is None
    run.requested_by = approver
    assert approval_refusal(run, approver) is not None
