import factory
from django.contrib.contenttypes.models import ContentType
from factory.django import DjangoModelFactory

from coproduction.audit.models import AuditEvent
from tests.coproduction.accounts.factories import UserFactory


class AuditEventFactory(DjangoModelFactory):
    class Meta:
        model = AuditEvent

    actor = factory.SubFactory(UserFactory)
    action = AuditEvent.Action.VIEW
    subject = factory.SubFactory(UserFactory)
    target_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.subject))
    target_id = factory.LazyAttribute(lambda o: str(o.subject.pk))
    ip_address = "192.0.2.10"
