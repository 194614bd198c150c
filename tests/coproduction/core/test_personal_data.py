from django.apps import apps
from django.conf import settings

from coproduction.core.personal_data import collect_for_user, entries, exemptions
from tests.coproduction.accounts.factories import TeamMembershipFactory, UserFactory
from tests.coproduction.audit.factories import AuditEventFactory


def _points_at_user(model) -> bool:
    """The user model, or any model with a relation to a user or to a person's record."""
    people = {apps.get_model(settings.AUTH_USER_MODEL), apps.get_model("people", "Person")}
    if model in people:
        return True
    return any(
        field.is_relation and not field.auto_created and field.related_model in people
        for field in model._meta.get_fields()
    )


def test_every_model_about_a_user_is_in_the_personal_data_registry():
    declared = {entry.model for entry in entries()} | set(exemptions())
    missing = sorted(
        model._meta.label for model in apps.get_models() if _points_at_user(model) and model not in declared
    )
    assert missing == [], f"Declare these in their app's personal_data.py: {missing}"


def test_my_data_gathers_every_registered_model_in_one_query_each(django_assert_num_queries):
    user = UserFactory(full_name="Ada Lovelace")
    TeamMembershipFactory(user=user)
    AuditEventFactory(subject=user, actor=UserFactory(full_name="Nosy Parker"))
    with django_assert_num_queries(len(entries())):
        sections = {section.title: section for section in collect_for_user(user)}
    assert sections["Your account"].rows[0][1] == "Ada Lovelace"
    assert sections["Your teams"].rows[0][0].startswith("Team")
    assert sections["Who has seen or changed your records, and what you did"].rows[0][1] == "Nosy Parker"


def test_my_data_holds_nothing_of_other_people():
    user = UserFactory()
    other = UserFactory(full_name="Somebody Else")
    AuditEventFactory(actor=other, subject=UserFactory())
    text = repr(collect_for_user(user))
    assert "Somebody Else" not in text
