from django.contrib import admin

from labor_portal.core.admin import BureauRecordAdmin
from tests.tenth_section.models import Visit

admin.site.register(Visit, BureauRecordAdmin)
