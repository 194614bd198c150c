from django.apps import AppConfig


class SpecificationsConfig(AppConfig):
    name = "commissioning.specifications"
    label = "specifications"
    verbose_name = "Service specifications"

    def ready(self) -> None:
        from django.urls import reverse

        from commissioning.sections import (
            DecisionLink,
            ProgrammeSection,
            register_decision_link,
            register_section,
        )

        from . import reports  # noqa: F401  (registers the specification PDF)

        register_section(ProgrammeSection("Specifications", "specifications:specification_list", 60, permission="specifications.view_specification"))
        register_decision_link(DecisionLink(
            "specifications", "Specifications that carry it out",
            lambda specification: reverse("specifications:specification_detail", kwargs={
                "programme_id": specification.programme_id, "specification_id": specification.pk,
            }),
            "specifications.view_specification", select_related=("programme",),
            permission_object=lambda specification: specification.programme,
        ))
