import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from commissioning.models import ActivityKind
from commissioning.monitoring.models import (
    Action,
    Complaint,
    Contract,
    Finding,
    IndicatorReport,
    MeetingMember,
    MeetingPaper,
    MonitoringMeeting,
    MonitoringReturn,
    QualityCharacteristic,
    QualityFramework,
    QualityVisit,
    Rating,
    ReturnFigure,
    VisitMethod,
)
from coproduction.accounts.models import Organisation
from tests.commissioning.factories import ActivityFactory, ProgrammeFactory
from tests.commissioning.priorities.factories import IndicatorFactory
from tests.coproduction.accounts.factories import OrganisationFactory, UserFactory


class ProviderFactory(OrganisationFactory):
    name = factory.Sequence(lambda n: f"Riverside Support {n} Ltd")
    kind = Organisation.Kind.PROVIDER


class ContractFactory(DjangoModelFactory):
    class Meta:
        model = Contract

    programme = factory.SubFactory(ProgrammeFactory)
    provider = factory.SubFactory(ProviderFactory)
    service_name = factory.Sequence(lambda n: f"Day opportunities service {n}")
    starts_on = datetime.date(2026, 4, 1)
    ends_on = datetime.date(2029, 3, 31)
    value = 450000
    created_by = factory.LazyAttribute(lambda contract: contract.programme.lead)


class MonitoringMeetingFactory(DjangoModelFactory):
    class Meta:
        model = MonitoringMeeting

    contract = factory.SubFactory(ContractFactory)
    activity = factory.LazyAttribute(lambda meeting: ActivityFactory(
        programme=meeting.contract.programme, kind=ActivityKind.MONITORING_MEETING, title=meeting.title, recorded_by=meeting.contract.created_by,
    ))
    title = factory.Sequence(lambda n: f"Quarterly monitoring meeting {n}")
    date = datetime.date(2027, 7, 14)
    starts_at = datetime.time(10, 0)
    place = "Riverside Community Centre, Mill Lane"
    agenda = "1. Welcome\n2. The figures\n3. What people say"
    created_by = factory.LazyAttribute(lambda meeting: meeting.contract.created_by)


class MeetingMemberFactory(DjangoModelFactory):
    class Meta:
        model = MeetingMember

    meeting = factory.SubFactory(MonitoringMeetingFactory)
    user = factory.SubFactory(UserFactory, roles=["person"])
    role = MeetingMember.Role.USER_REPRESENTATIVE


class MeetingPaperFactory(DjangoModelFactory):
    class Meta:
        model = MeetingPaper

    meeting = factory.SubFactory(MonitoringMeetingFactory)
    title = factory.Sequence(lambda n: f"Paper {n}")
    text = "What the provider did this quarter."
    added_by = factory.LazyAttribute(lambda paper: paper.meeting.created_by)


class IndicatorReportFactory(DjangoModelFactory):
    class Meta:
        model = IndicatorReport

    meeting = factory.SubFactory(MonitoringMeetingFactory)
    indicator = factory.SubFactory(IndicatorFactory)
    figure = "8 out of 10 people"
    recorded_by = factory.LazyAttribute(lambda report: report.meeting.created_by)


class MonitoringReturnFactory(DjangoModelFactory):
    class Meta:
        model = MonitoringReturn

    contract = factory.SubFactory(ContractFactory)
    period = datetime.date(2026, 4, 1)
    submitted_at = factory.LazyFunction(timezone.now)


class ReturnFigureFactory(DjangoModelFactory):
    class Meta:
        model = ReturnFigure

    monitoring_return = factory.SubFactory(MonitoringReturnFactory)
    indicator = factory.SubFactory(IndicatorFactory)
    value = 42


class QualityFrameworkFactory(DjangoModelFactory):
    class Meta:
        model = QualityFramework

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"What good day services look like {n}")
    how_it_was_made = "Three workshops with people who use day services and their carers."
    created_by = factory.LazyAttribute(lambda framework: framework.programme.lead)


class QualityCharacteristicFactory(DjangoModelFactory):
    class Meta:
        model = QualityCharacteristic

    framework = factory.SubFactory(QualityFrameworkFactory)
    title = factory.Sequence(lambda n: f"People help run the service ({n})")
    what_good_looks_like = "People choose what happens each day."
    what_to_look_for = "A members' meeting; ideas on the wall; staff asking."
    position = factory.Sequence(lambda n: n + 1)


class QualityVisitFactory(DjangoModelFactory):
    class Meta:
        model = QualityVisit
        skip_postgeneration_save = True

    contract = factory.SubFactory(ContractFactory)
    framework = factory.LazyAttribute(lambda visit: QualityFrameworkFactory(programme=visit.contract.programme))
    activity = factory.LazyAttribute(lambda visit: ActivityFactory(
        programme=visit.contract.programme, kind=ActivityKind.QUALITY_VISIT, title="Quality visit", recorded_by=visit.contract.created_by,
    ))
    method = VisitMethod.ANNOUNCED
    planned_on = datetime.date(2027, 6, 1)
    assigned_by = factory.LazyAttribute(lambda visit: visit.contract.created_by)

    @factory.post_generation
    def assessors(self, create, extracted, **kwargs):
        if create:
            self.assessors.set(extracted if extracted is not None else [UserFactory(roles=["quality_assessor"])])


class FindingFactory(DjangoModelFactory):
    class Meta:
        model = Finding

    visit = factory.SubFactory(QualityVisitFactory)
    characteristic = factory.LazyAttribute(lambda finding: QualityCharacteristicFactory(framework=finding.visit.framework))
    rating = Rating.GOOD
    evidence = "Staff asked people what they wanted to do after lunch."
    recorded_by = factory.LazyAttribute(lambda finding: finding.visit.assessors.first())


class ActionFactory(DjangoModelFactory):
    class Meta:
        model = Action

    meeting = factory.SubFactory(MonitoringMeetingFactory)
    contract = factory.LazyAttribute(lambda action: action.meeting.contract)
    quality_visit = None
    description = factory.Sequence(lambda n: f"Send the Easy Read timetable to members ({n})")
    owner = factory.LazyAttribute(lambda action: action.contract.created_by)
    due_on = datetime.date(2027, 9, 1)
    created_by = factory.LazyAttribute(lambda action: action.contract.created_by)


class ComplaintFactory(DjangoModelFactory):
    class Meta:
        model = Complaint

    contract = factory.SubFactory(ContractFactory)
    kind = Complaint.Kind.COMPLAINT
    theme = Complaint.Theme.RELIABILITY
    outcome = Complaint.Outcome.RESOLVED
    received_on = datetime.date(2027, 5, 3)
    recorded_by = factory.LazyAttribute(lambda complaint: complaint.contract.created_by)
