"""Subject access requests: the registry covers every model, only administrators use the pages,
everything is audited, the search form handles bad input, and the search page's queries are fixed."""

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from coproduction.audit.models import AuditEvent
from coproduction.core.personal_data import (
    Subject,
    collect_for_subject,
    collect_naming,
    entries,
    exemptions,
    relations_to_people,
)
from coproduction.governance.sar.views import SESSION_KEY
from coproduction.reports.models import ReportJob
from tests.careplans.factories import CarePlanFactory, PersonFactory, PlanCommentFactory
from tests.commissioning.factories import ProgrammeFactory
from tests.coproduction.accounts.factories import UserFactory
from tests.coproduction.audit.factories import AuditEventFactory
from tests.harness.bad_input import assert_bad_input
from tests.harness.queries import assert_fixed_queries


def _people():
    return {apps.get_model(settings.AUTH_USER_MODEL), apps.get_model("people", "Person")}


def test_every_model_with_a_relation_to_a_user_or_person_is_in_the_subject_access_export_or_exempt_with_a_reason():
    person_model = apps.get_model("people", "Person")
    registered = {entry.model: entry for entry in entries()}
    exempt = exemptions()
    exported = {section.model_label for section in collect_for_subject(Subject(person=None, user=None))}
    problems = []
    for model in apps.get_models():
        if model._meta.abstract or model._meta.proxy:
            continue
        relations = relations_to_people(model)
        if not relations and model not in _people():
            continue
        label = model._meta.label
        if model in registered:
            entry = registered[model]
            if label not in exported:
                problems.append(f"{label}: registered but missing from the export")
            # A person with no account must be reached too: a direct link to Person needs a person path.
            if any(field.related_model is person_model for field in relations) and not entry.person_paths:
                problems.append(f"{label}: points at a Person but has no person_paths")
            if not (entry.user_paths or entry.person_paths or entry.subject_filter):
                problems.append(f"{label}: registered with no way to reach its subject")
        elif model in exempt:
            if len(exempt[model].strip()) < 20:
                problems.append(f"{label}: exempt without a stated reason")
        else:
            problems.append(f"{label}: neither exported nor exempt")
    assert problems == [], "Fix these in the app's personal_data.py:\n" + "\n".join(problems)


def test_a_persons_record_and_account_together_give_each_row_once():
    user = UserFactory(full_name="Ada Twice")
    person = PersonFactory(user=user, full_name="Ada Twice")
    plan = CarePlanFactory(person=person, version=1)
    PlanCommentFactory(plan=plan, author=user, text="Both routes lead here")
    sections = {section.model_label: section for section in collect_for_subject(Subject.of(user))}
    assert len(sections["careplans.CarePlan"].rows) == 1  # by person__user and by person: once
    assert len(sections["careplans.PlanComment"].rows) == 1  # by author and by plan__person: once
    assert Subject.of(user).person == person and Subject.of(person).user == user


def test_a_person_without_an_account_gets_their_plans_and_who_read_them():
    person = PersonFactory(full_name="Edie Noaccount", user=None)
    plan = CarePlanFactory(person=person, version=1)
    reader = UserFactory(full_name="Reggie Reader")
    AuditEventFactory(actor=reader, subject=None, target_type=ContentType.objects.get_for_model(plan), target_id=str(plan.pk))
    AuditEventFactory(actor=reader, subject=None, target_type=ContentType.objects.get_for_model(person), target_id=str(person.pk))
    someone_else = CarePlanFactory(version=1)
    AuditEventFactory(actor=reader, subject=None, target_type=ContentType.objects.get_for_model(plan), target_id=str(someone_else.pk))
    sections = {section.model_label: section for section in collect_for_subject(Subject.of(person))}
    assert sections["people.Person"].rows[0][0] == "Edie Noaccount"
    assert len(sections["careplans.CarePlan"].rows) == 1
    trail = sections["audit.AuditEvent"]
    assert len(trail.rows) == 2 and {row[1] for row in trail.rows} == {"Reggie Reader"}


def test_records_an_exemption_covers_are_still_listed_by_reference():
    staff = UserFactory(full_name="Priya Lead", roles=["commissioner"])
    programme = ProgrammeFactory(lead=staff)
    naming = collect_naming(Subject.of(staff))
    assert ["Programme", str(programme.pk)] in [row[:2] for row in naming.rows]
    assert collect_naming(Subject.of(UserFactory())).rows == []


# ---- Pages ---------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["person", "practitioner", "team_manager", "commissioner", "carer"])
def test_only_administrators_may_search_or_ask(role, users, client_as):
    from coproduction.accounts.models import Role

    user = users[Role(role)]
    person = PersonFactory()
    client = client_as(user)
    assert client.get(reverse("governance:sar_search")).status_code == 403
    assert client.post(reverse("governance:sar_search"), {"query": person.full_name}).status_code == 403
    assert client.post(reverse("governance:sar_person", kwargs={"person_id": person.pk})).status_code == 403
    assert not ReportJob.objects.exists()


def test_administrator_finds_a_person_by_name_without_the_name_in_any_url(administrator, client_as):
    al = PersonFactory(full_name="Alan Marshfield", user=UserFactory(email="al.m@example.org", full_name="Alan Marshfield"))
    lone = UserFactory(full_name="Lone Marshfield", email="lone@example.org")  # an account, no person's record
    PersonFactory(full_name="Somebody Different")
    client = client_as(administrator)
    response = client.post(reverse("governance:sar_search"), {"query": "marshfield"})
    assert response.status_code == 302 and "marshfield" not in response.headers["Location"].lower()
    page = client.get(response.headers["Location"])
    assert "Alan Marshfield" in page.text and "Lone Marshfield" in page.text
    assert "Somebody Different" not in page.text
    assert reverse("governance:sar_person", kwargs={"person_id": al.pk}) in page.text
    assert reverse("governance:sar_account", kwargs={"user_id": lone.pk}) in page.text
    # The person with an account is one row, not two.
    assert reverse("governance:sar_account", kwargs={"user_id": al.user.pk}) not in page.text
    search = AuditEvent.objects.get(actor=administrator, action=AuditEvent.Action.SEARCH)
    assert search.detail == "subject access search"  # never the words searched for
    assert client.session[SESSION_KEY] == "marshfield"


def test_search_form_bad_input_shows_errors_and_searches_nothing(administrator, client_as):
    client = client_as(administrator)
    url = reverse("governance:sar_search")
    searches = lambda: AuditEvent.objects.filter(action=AuditEvent.Action.SEARCH).count()  # noqa: E731
    assert_bad_input(client, url, {"query": ""}, errors=["Enter a name or email address"], unchanged=searches)
    assert_bad_input(client, url, {"query": " a "}, errors=["Enter at least 2 characters of a name or email address"],
                     unchanged=searches)
    assert_bad_input(client, url, {"query": "x" * 201}, kept=["query"],
                     errors=["The name or email address must be 200 characters or fewer"], unchanged=searches)


def test_search_results_page_runs_a_fixed_number_of_queries(administrator, client_as):
    client = client_as(administrator)
    PersonFactory.create_batch(3, full_name="Pat Quercus")
    UserFactory.create_batch(2, full_name="Sam Quercus")
    client.post(reverse("governance:sar_search"), {"query": "quercus"})
    url = reverse("governance:sar_search")

    def grow():
        PersonFactory.create_batch(30, full_name="Pat Quercus")
        UserFactory.create_batch(20, full_name="Sam Quercus")

    # two-factor device, count, page of results: 3.
    response = assert_fixed_queries(lambda: client.get(url), budget=3, grow=grow)
    assert response.status_code == 200 and response.context["page"].paginator.count == 55
    assert len(response.context["page"].object_list) == 20


def test_requesting_an_export_is_audited_and_makes_both_files(administrator, client_as, django_capture_on_commit_callbacks):
    person = PersonFactory(full_name="Rosa Request", user=UserFactory(full_name="Rosa Request"))
    client = client_as(administrator)
    page = client.get(reverse("governance:sar_person", kwargs={"person_id": person.pk}))
    assert "Rosa Request" in page.text and "Make the export" in page.text
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(reverse("governance:sar_person", kwargs={"person_id": person.pk}))
    pdf_job = ReportJob.objects.get(kind=ReportJob.Kind.SUBJECT_ACCESS_PDF)
    zip_job = ReportJob.objects.get(kind=ReportJob.Kind.SUBJECT_ACCESS_ZIP)
    assert response.headers["Location"] == reverse("governance:sar_detail", kwargs={"job_id": pdf_job.pk})
    assert pdf_job.subject == person and zip_job.subject == person and pdf_job.options == {"zip_job": str(zip_job.pk)}
    exports = AuditEvent.objects.filter(actor=administrator, action=AuditEvent.Action.EXPORT, subject=person.user)
    assert sorted(exports.values_list("detail", flat=True)) == [
        "report requested: subject_access_pdf", "report requested: subject_access_zip"]
    detail = client.get(response.headers["Location"])
    assert "Waiting to start" in detail.text and 'hx-trigger="every 2s"' in detail.text


def test_a_person_with_an_account_is_asked_for_by_their_record_not_the_account(administrator, client_as):
    person = PersonFactory(user=UserFactory())
    response = client_as(administrator).post(reverse("governance:sar_account", kwargs={"user_id": person.user.pk}))
    assert response.status_code == 404 and not ReportJob.objects.exists()


def test_demo_queues_one_subject_access_export_about_al(django_capture_on_commit_callbacks):
    from coproduction.governance.demo import seed_sar_demo

    al = PersonFactory(user=UserFactory(email="person@demo.example", roles=["person"]))
    UserFactory(email="admin@demo.example", roles=["administrator"])
    with django_capture_on_commit_callbacks(execute=False):
        seed_sar_demo()
        seed_sar_demo()  # idempotent
    jobs = ReportJob.objects.filter(kind__in=[ReportJob.Kind.SUBJECT_ACCESS_PDF, ReportJob.Kind.SUBJECT_ACCESS_ZIP])
    assert sorted(jobs.values_list("kind", flat=True)) == ["subject_access_pdf", "subject_access_zip"]
    assert all(job.subject == al for job in jobs)


def test_when_an_export_was_asked_for_reads_as_one_sentence(client_as, administrator, team):
    from bs4 import BeautifulSoup

    from coproduction.governance.sar.services import sar_request

    job = sar_request(about=PersonFactory(team=team), requested_by=administrator)
    page = client_as(administrator).get(reverse("governance:sar_detail", kwargs={"job_id": job.pk}))
    text = " ".join(BeautifulSoup(page.content, "html.parser").get_text().split())
    assert ".." not in text and "Asked for at " in text
