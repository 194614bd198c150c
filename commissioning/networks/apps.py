from django.apps import AppConfig


class NetworksConfig(AppConfig):
    name = "commissioning.networks"
    label = "networks"
    verbose_name = "Networks, alliances and peer support networks"

    def ready(self) -> None:
        from commissioning.involvement.spectrum import StepEvidence, register_step_evidence
        from commissioning.sections import ContractPanel, register_contract_panel

        from . import home, rules, selectors  # noqa: F401  (home and rules register the home panel and the permissions)

        register_step_evidence(StepEvidence("networks", selectors.evidence_sentence, "networks:network_list"))
        # An alliance binds providers to shared outcomes: providers working closely together.
        register_step_evidence(StepEvidence("providers_together", selectors.alliance_evidence_sentence, "networks:network_list"))
        register_contract_panel(ContractPanel("networks/partials/_contract_alliances.html", selectors.contract_alliances))
