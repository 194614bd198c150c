from django.contrib.admin.apps import AdminConfig


class CouncilAdminConfig(AdminConfig):
    """django.contrib.admin with our site: administrators only, one sign-in page."""

    default_site = "coproduction.core.admin_site.CouncilAdminSite"
