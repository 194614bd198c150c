"""Demo records for information governance: consents, a subject access request, an access review."""


def seed_governance_demo() -> None:
    pass
