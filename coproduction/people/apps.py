from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "coproduction.people"
    label = "people"
    verbose_name = "People who draw on care and support"

    def ready(self) -> None:
        from .caseload_version import watch
        from .models import Person

        watch(Person, fields={"team", "team_id"})
