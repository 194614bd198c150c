import factory
from factory.django import DjangoModelFactory

from coproduction.casesystem.demo import LAS_COLUMNS, LAS_NEED_CODES
from coproduction.casesystem.models import ImportRun, SourceMapping, TeamLink
from tests.coproduction.accounts.factories import OrganisationFactory, TeamFactory


class SourceMappingFactory(DjangoModelFactory):
    class Meta:
        model = SourceMapping

    name = factory.Sequence(lambda n: f"LAS extract {n}")
    system = "las"
    columns = factory.LazyFunction(lambda: dict(LAS_COLUMNS))
    date_format = "%d/%m/%Y"
    need_codes = factory.LazyFunction(lambda: dict(LAS_NEED_CODES))
    organisation = factory.SubFactory(OrganisationFactory, name="Test Council")


class TeamLinkFactory(DjangoModelFactory):
    class Meta:
        model = TeamLink

    case_system_team_id = factory.Sequence(lambda n: f"T-{n}")
    team = factory.SubFactory(TeamFactory)


class ImportRunFactory(DjangoModelFactory):
    class Meta:
        model = ImportRun

    mapping = factory.SubFactory(SourceMappingFactory)
    file_name = "las-extract.csv"
    checksum = factory.Sequence(lambda n: f"{n:064x}")
