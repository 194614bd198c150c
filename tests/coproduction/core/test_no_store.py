"""Nothing a signed-in user is shown is kept by their browser's cache (a shared computer's back
button would show the next person their plan or their messages): every response to them says
`Cache-Control: no-store`, downloads and error pages included. Pages for people not signed in
are left as they were."""

from django.core.files.base import ContentFile
from django.urls import reverse

from coproduction.notifications.models import Message
from coproduction.notifications.services import notify
from coproduction.notifications.topics import Topic
from coproduction.reports.models import ReportJob
from tests.careplans.factories import CarePlanFactory, PersonFactory
from tests.coproduction.reports.factories import ReportJobFactory


def test_every_response_to_a_signed_in_user_says_no_store(client_as, person, practitioner, team):
    me = PersonFactory(user=person, team=team, practitioner=practitioner)
    CarePlanFactory(person=me, version=1, status="agreed", created_by=practitioner)
    job = ReportJobFactory(requested_by=person, status=ReportJob.Status.DONE)
    job.file.save(f"reports/{job.pk}.pdf", ContentFile(b"%PDF-1.7\n"), save=True)
    notify(recipients=person, topic=Topic.REPORT_READY, key="no-store", subject="Your plan was agreed", body="Your plan was agreed.")
    message = Message.objects.get(recipient=person)
    client = client_as(person)

    pages = {
        "home": reverse("accounts:role_home", kwargs={"role": "person"}),
        "plan": reverse("careplans:plan_detail", kwargs={"person_id": me.pk}),
        "messages": reverse("notifications:message_list"),
        "message": reverse("notifications:message_detail", kwargs={"message_id": message.pk}),
        "report progress": reverse("reports:job_detail", kwargs={"job_id": job.pk}),
        "download": reverse("reports:job_download", kwargs={"job_id": job.pk}),
        "not found": reverse("careplans:plan_detail", kwargs={"person_id": me.pk + 1000}),
        "forbidden": reverse("accounts:user_list"),
        "public page": reverse("core:accessibility"),
    }
    responses = {name: client.get(url) for name, url in pages.items()}
    answers = {name: (response.status_code, response.headers.get("Cache-Control", "")) for name, response in responses.items()}
    assert {name: status for name, (status, _) in answers.items()} == {
        "home": 200, "plan": 200, "messages": 200, "message": 200, "report progress": 200, "download": 200,
        "not found": 404, "forbidden": 403, "public page": 200,
    }
    assert {name: "no-store" in cache.split(", ") for name, (_, cache) in answers.items()} == dict.fromkeys(pages, True)
    assert answers["download"][1] == "private, no-store"  # as the download set it


def test_responses_to_people_not_signed_in_are_left_as_they_were(client):
    for url in (reverse("core:accessibility"), reverse("core:privacy"), reverse("assets:search")):
        response = client.get(url)
        assert response.status_code == 200 and "Cache-Control" not in response.headers, url
