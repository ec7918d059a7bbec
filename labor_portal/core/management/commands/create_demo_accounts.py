import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from labor_portal.core.roles import ADMINISTRATORS, APPROVERS, OFFICIALS
from labor_portal.core.sections import section_roles

DEMO_ACCOUNTS = [
    *((f"{app_label}_clerk", group) for app_label, group in section_roles().items()),
    ("official", OFFICIALS),
    # A second official, who approves: never the one who generated the run (four eyes, reporting.publication).
    ("approver", APPROVERS),
    ("sysadmin", ADMINISTRATORS),
]


class Command(BaseCommand):
    help = "Create one demo account per role; a new account's random password is given out once, now."

    def add_arguments(self, parser):
        parser.add_argument(
            "--passwords-file",
            help="Append new accounts' passwords to this file (created mode 600) instead of printing them, so "
            "that `make run` can show them after the server's URLs and then delete the file.",
        )

    def handle(self, *args, passwords_file=None, **options):
        lines = [f"  {username:<28} {password:<20} {group}" for username, password, group in self._create_missing()]
        if not lines:
            return
        if passwords_file:
            _append_private(passwords_file, lines)
        else:
            self.stdout.write("\n".join(lines))

    @transaction.atomic
    def _create_missing(self) -> list[tuple[str, str, str]]:
        User = get_user_model()
        created = []
        for username, group_name in DEMO_ACCOUNTS:
            if User.objects.filter(username=username).exists():
                continue
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(
                username=username,
                password=password,
                is_staff=True,
                is_superuser=group_name == ADMINISTRATORS,
            )
            user.groups.add(Group.objects.get(name=group_name))
            created.append((username, password, group_name))
        return created


def _append_private(path: str, lines: list[str]) -> None:
    """Append, never truncate: passwords from an earlier setup not yet shown must not be lost."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    os.fchmod(fd, 0o600)  # also when the file was already there
    with os.fdopen(fd, "a", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")
