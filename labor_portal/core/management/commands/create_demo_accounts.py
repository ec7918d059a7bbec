import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from labor_portal.core.roles import ADMINISTRATORS, OFFICIALS, SECTION_ROLES

DEMO_ACCOUNTS = [
    *((f"{app_label}_clerk", group) for app_label, group in SECTION_ROLES.items()),
    ("official", OFFICIALS),
    ("sysadmin", ADMINISTRATORS),
]


class Command(BaseCommand):
    help = "Create one demo account per role; a new account's random password is printed once, now."

    @transaction.atomic
    def handle(self, *args, **options):
        User = get_user_model()
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
            self.stdout.write(f"  {username:<28} {password:<20} {group_name}")
