from rest_framework.permissions import DjangoModelPermissions


class SectionModelPermissions(DjangoModelPermissions):
    """Model permissions for the API, reading included: a section's records are its staff's only."""

    perms_map = {**DjangoModelPermissions.perms_map, "GET": ["%(app_label)s.view_%(model_name)s"]}
    perms_map["HEAD"] = perms_map["GET"]
    perms_map["OPTIONS"] = perms_map["GET"]
