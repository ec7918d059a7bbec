"""The personal-data read log: who saw which record's personal data in full, when, on which page, from where.

Taiwan's Personal Data Protection Act Enforcement Rules, art. 12, ask an agency to keep a record of the use of
the personal data it holds as one of its security measures; this is that record for every section. Rows are
only ever added (see PersonalDataReadAdmin).
"""

from django.contrib.contenttypes.models import ContentType

from labor_portal.cases.models import PersonalDataRead


def personal_data_read_record(*, viewer, obj, page: str, ip_address: str | None,
                              section: str | None = None) -> PersonalDataRead:
    """Log that `viewer` saw `obj` in full; `section` defaults to the app `obj` belongs to."""
    return PersonalDataRead.objects.create(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        section=section or obj._meta.app_label,
        # Kept so that the row still says what was read once the record itself is deleted.
        label=str(obj)[:200],
        viewer=viewer,
        page=page,
        ip_address=ip_address,
    )
