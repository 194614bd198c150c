from django.urls import reverse

from commissioning.demo import seed_commissioning_demo
from commissioning.specifications.demo import (
    SPECIFICATION_TITLE,
    seed_specifications_demo,
)
from commissioning.specifications.models import GlossaryTerm, Specification
from coproduction.accounts.models import Role
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.auth import login_as


def test_the_demo_has_a_draft_written_with_the_group_and_a_glossary(client):
    for email, role in [("commissioner", Role.COMMISSIONER), ("person", Role.PERSON), ("carer", Role.CARER), ("provider", Role.PROVIDER)]:
        UserFactory(email=f"{email}@demo.example", roles=[role])
    seed_commissioning_demo()
    seed_specifications_demo()
    seed_specifications_demo()  # idempotent
    specification = Specification.objects.get(title=SPECIFICATION_TITLE)
    version = specification.versions.get()
    assert version.is_draft and sum(version.criteria.values_list("weight", flat=True)) == 100
    answered = [c for s in version.sections.all() for c in s.comments.all() if c.is_answered]
    assert {c.author.email for c in answered} == {"person@demo.example", "carer@demo.example"}
    assert GlossaryTerm.objects.count() == 15
    login_as(client, answered[0].author)
    url = reverse("specifications:specification_detail", kwargs={"programme_id": specification.programme_id, "specification_id": specification.pk})
    page = client.get(url).content.decode()
    assert "Words we use" in page and "Your comments and their answers" in page
