import factory
from django.contrib.contenttypes.models import ContentType
from factory.django import DjangoModelFactory

from coproduction.reports.models import ReportJob
from tests.coproduction.accounts.factories import UserFactory


class ReportJobFactory(DjangoModelFactory):
    class Meta:
        model = ReportJob

    kind = ReportJob.Kind.MY_DATA
    requested_by = factory.SubFactory(UserFactory)
    subject_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.requested_by))
    subject_id = factory.LazyAttribute(lambda o: str(o.requested_by.pk))
