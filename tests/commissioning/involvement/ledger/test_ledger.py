"""The recognition and expenses ledger: a person's claims, the organiser's approval, bad input,
the payment file for finance and spend."""

import csv
import io
from datetime import timedelta
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from commissioning.involvement.ledger import selectors
from commissioning.involvement import services
from commissioning.involvement.models import Claim
from commissioning.participants import activity_participants_add
from commissioning.models import MemberRole
from coproduction.audit.models import AuditEvent
from tests.commissioning.factories import (
    ActivityFactory,
    GroupMemberFactory,
    ProgrammeFactory,
)
from tests.commissioning.involvement.factories import ClaimFactory, RecognitionRateFactory
from tests.harness.bad_input import assert_bad_input


def _page(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def _text(response) -> str:
    return " ".join(_page(response).get_text(" ").split())


@pytest.fixture
def programme(commissioner, person, carer):
    programme = ProgrammeFactory(title="Day opportunities 2027", lead=commissioner)
    GroupMemberFactory(programme=programme, user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    GroupMemberFactory(programme=programme, user=carer, member_role=MemberRole.CARER)
    return programme


@pytest.fixture
def activity(programme, commissioner, person):
    activity = ActivityFactory(programme=programme, title="Design workshop at the library", recorded_by=commissioner,
                               happened_on=timezone.localdate() - timedelta(days=3))
    activity_participants_add(activity=activity, members=[programme.members.get(user=person)])
    return activity


def _claim_data(activity, **extra):
    return {"activity": activity.pk, "category": "travel", "amount": "12.50", "description": "Bus there and back",
            "rate": "", "units": "", **extra}


def test_a_person_claims_for_an_activity_they_took_part_in_and_sees_it_with_the_years_totals(client_as, person, activity):
    client = client_as(person)
    response = client.post(reverse("involvement:claim_add"), _claim_data(activity))
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert (claim.claimant, claim.entered_by, claim.kind, claim.amount, claim.status) == (person, person, "expense", Decimal("12.50"), "submitted")
    assert AuditEvent.objects.filter(action="create", subject=person, target_id=str(claim.pk)).exists()
    page = client.get(reverse("involvement:my_claims"))
    text = _text(page)
    assert "Design workshop at the library" in text and "Waiting for approval" in text
    assert "Waiting for approval or queried £12.50" in text
    # The plain-English note on benefits, and where to get advice.
    assert "may affect them" in text and "Citizens Advice" in text and "welfare rights team" in text
    year = selectors.financial_year()
    assert year.label in text and year.start.month == 4 and year.end.month == 3


def test_a_payment_at_the_councils_rate_is_worked_out_from_the_hours(client_as, person, activity, commissioner):
    rate = RecognitionRateFactory(name="Workshop member", amount="20.00", set_by=commissioner)
    client_as(person).post(reverse("involvement:claim_add"), _claim_data(activity, category="payment", amount="", rate=rate.pk, units="2.5"))
    claim = Claim.objects.get()
    assert (claim.kind, claim.amount, claim.rate, claim.units) == ("recognition", Decimal("50.00"), rate, Decimal("2.50"))


def test_a_negative_amount_is_refused_and_nothing_is_saved(client_as, person, activity):
    assert_bad_input(
        client_as(person), reverse("involvement:claim_add"), _claim_data(activity, amount="-5"),
        errors=["The amount must be £0 or more"], kept=["amount", "description"], unchanged=lambda: Claim.objects.count(),
    )


def test_a_claim_after_the_deadline_is_refused(client_as, person, activity, settings):
    settings.CLAIM_DEADLINE_DAYS = 2
    response = assert_bad_input(
        client_as(person), reverse("involvement:claim_add"), _claim_data(activity),
        errors=[f"Claims for this activity had to be made by {activity.happened_on + timedelta(days=2):%-d %B %Y}, 2 days after it happened"],
        kept=["amount", "description"], unchanged=lambda: Claim.objects.count(),
    )
    assert response.status_code == 200


def test_a_second_claim_for_the_same_thing_is_refused(client_as, person, activity):
    client = client_as(person)
    client.post(reverse("involvement:claim_add"), _claim_data(activity))
    assert_bad_input(
        client, reverse("involvement:claim_add"), _claim_data(activity, amount="3.00"),
        errors=["There is already a claim for travel for this activity. Change that claim instead of making a new one"],
        kept=["amount"], unchanged=lambda: list(Claim.objects.values_list("amount", flat=True)),
    )
    # A different thing for the same activity is fine.
    client.post(reverse("involvement:claim_add"), _claim_data(activity, category="childcare", amount="30"))
    assert Claim.objects.count() == 2


def test_a_person_cannot_claim_for_an_activity_they_did_not_take_part_in(client_as, carer, activity):
    assert_bad_input(
        client_as(carer), reverse("involvement:claim_add"), _claim_data(activity),
        errors=["Choose an activity you took part in"], unchanged=lambda: Claim.objects.count(),
    )


def test_the_service_refuses_bad_claims_from_other_apps_too(commissioner, person, activity, settings):
    with pytest.raises(ValidationError) as negative:
        services.claim_enter(by=commissioner, claimant=person, activity=activity, kind="expense", category="travel", amount=Decimal("-1"))
    assert "amount" in negative.value.message_dict
    with pytest.raises(ValidationError):
        services.claim_enter(by=commissioner, claimant=person, activity=activity, kind="expense", category="payment", amount=10)
    services.claim_enter(by=commissioner, claimant=person, activity=activity, kind="recognition", category="accreditation", amount=0)
    with pytest.raises(ValidationError):
        services.claim_enter(by=commissioner, claimant=person, activity=activity, kind="recognition", category="accreditation", amount=0)
    settings.CLAIM_DEADLINE_DAYS = 1
    with pytest.raises(ValidationError) as late:
        services.claim_enter(by=commissioner, claimant=person, activity=activity, kind="expense", category="travel", amount=5)
    assert "activity" in late.value.message_dict
    assert Claim.objects.count() == 1


def test_the_organiser_approves_or_queries_and_the_person_answers(client_as, commissioner, person, activity, programme):
    travel = ClaimFactory(claimant=person, activity=activity, category="travel", amount="8.40")
    childcare = ClaimFactory(claimant=person, activity=activity, category="childcare", amount="45.00")
    organiser = client_as(commissioner)
    claims_url = reverse("involvement:programme_claims", kwargs={"programme_id": programme.pk})
    listing = organiser.get(claims_url)
    assert person.display_name in _text(listing)
    organiser.post(reverse("involvement:claim_approve", kwargs={"programme_id": programme.pk, "claim_id": travel.pk}))
    organiser.post(reverse("involvement:claim_query", kwargs={"programme_id": programme.pk, "claim_id": childcare.pk}),
                   {"reason": "Was that for the whole day?"})
    travel.refresh_from_db(), childcare.refresh_from_db()
    assert (travel.status, travel.decided_by) == ("approved", commissioner)
    assert (childcare.status, childcare.query_reason) == ("queried", "Was that for the whole day?")
    own = client_as(person)
    assert "The organiser asks: Was that for the whole day?" in _text(own.get(reverse("involvement:my_claims")))
    own.post(reverse("involvement:claim_edit", kwargs={"claim_id": childcare.pk}),
             {"category": "childcare", "amount": "22.50", "description": "Half a day", "rate": "", "units": ""})
    childcare.refresh_from_db()
    assert (childcare.status, childcare.amount) == ("submitted", Decimal("22.50"))
    # Approved claims can no longer be changed by the person.
    assert own.get(reverse("involvement:claim_edit", kwargs={"claim_id": travel.pk})).status_code == 403


def test_the_organiser_enters_a_claim_for_someone(client_as, commissioner, carer, activity, programme):
    response = client_as(commissioner).post(reverse("involvement:claim_enter", kwargs={"programme_id": programme.pk}), {
        "claimant": carer.pk, "activity": activity.pk, "category": "personal_assistant", "amount": "36", "description": "PA for 3 hours",
        "rate": "", "units": "",
    })
    assert response.status_code == 302
    claim = Claim.objects.get()
    assert (claim.claimant, claim.entered_by, claim.kind) == (carer, commissioner, "expense")


def test_a_person_sees_only_their_own_claims(client_as, person, carer, activity):
    mine = ClaimFactory(claimant=person, activity=activity, description="My bus")
    theirs = ClaimFactory(claimant=carer, activity=activity, description="Their taxi")
    client = client_as(person)
    text = _text(client.get(reverse("involvement:my_claims")))
    assert "My bus" in text and "Their taxi" not in text
    assert client.get(reverse("involvement:claim_edit", kwargs={"claim_id": theirs.pk})).status_code == 404
    assert client.get(reverse("involvement:claim_edit", kwargs={"claim_id": mine.pk})).status_code == 200


def test_the_payment_file_holds_approved_claims_once_and_marks_them_sent(client_as, commissioner, person, carer, activity):
    paid = ClaimFactory(claimant=person, activity=activity, category="payment", amount="40.00")
    travel = ClaimFactory(claimant=carer, activity=activity, category="travel", amount="6.20")
    waiting = ClaimFactory(claimant=carer, activity=activity, category="childcare", amount="30.00")
    credit = ClaimFactory(claimant=person, activity=activity, category="accreditation", amount="0")
    for claim in (paid, travel, credit):
        services.claim_approve(claim=claim, by=commissioner)
    client = client_as(commissioner)
    assert "3 approved claims waiting, £46.20 in total" in _text(client.get(reverse("involvement:payments")))
    client.post(reverse("involvement:payment_export"))
    statuses = dict(Claim.objects.values_list("pk", "status"))
    assert statuses == {paid.pk: "paid", travel.pk: "paid", credit.pk: "paid", waiting.pk: "submitted"}
    export = paid.__class__.objects.get(pk=paid.pk).export
    response = client.get(reverse("involvement:payment_file", kwargs={"export_id": export.pk}))
    assert response["Content-Type"] == "text/csv"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["Payment file", "Claim reference", "Payee reference", "Payee name"]
    body = sorted(rows[1:], key=lambda row: row[3])
    # The accreditation carries no money, so finance has nothing to pay for it.
    assert [(row[3], row[4], row[8], row[9], row[10]) for row in body] == sorted([
        (person.full_name, person.email, "Recognition", "Payment at the council's rate", "40.00"),
        (carer.full_name, carer.email, "Expenses", "Travel", "6.20"),
    ])
    assert AuditEvent.objects.filter(action="export", subject=person).exists()
    assert AuditEvent.objects.filter(action="download", actor=commissioner).exists()
    # Nothing is sent twice.
    client.post(reverse("involvement:payment_export"))
    assert paid.__class__.objects.filter(export__isnull=False).values("export").distinct().count() == 1


def test_a_payment_file_cell_never_runs_as_a_formula(client_as, commissioner, activity):
    from tests.coproduction.accounts.factories import UserFactory

    sly = UserFactory(full_name="=HYPERLINK(\"x\")", roles=["person"])
    claim = ClaimFactory(claimant=sly, activity=activity, amount="5.00")
    services.claim_approve(claim=claim, by=commissioner)
    client = client_as(commissioner)
    client.post(reverse("involvement:payment_export"))
    claim.refresh_from_db()
    rows = list(csv.reader(io.StringIO(client.get(reverse("involvement:payment_file", kwargs={"export_id": claim.export_id})).content.decode("utf-8-sig"))))
    assert rows[1][3] == "'=HYPERLINK(\"x\")"


def test_spend_per_programme_and_per_activity_counts_approved_and_paid(client_as, commissioner, person, carer, activity, programme):
    other = ActivityFactory(programme=programme, title="Monitoring meeting", recorded_by=commissioner, happened_on=activity.happened_on)
    services.claim_approve(claim=ClaimFactory(claimant=person, activity=activity, category="payment", amount="40"), by=commissioner)
    services.claim_approve(claim=ClaimFactory(claimant=carer, activity=other, category="travel", amount="10"), by=commissioner)
    ClaimFactory(claimant=carer, activity=activity, category="childcare", amount="99")  # waiting: not spend yet
    client = client_as(commissioner)
    text = _text(client.get(reverse("involvement:programme_spend", kwargs={"programme_id": programme.pk})))
    assert "Design workshop at the library" in text and "Monitoring meeting" in text
    assert "Recognition approved £40.00" in text and "Expenses approved £10.00" in text and "Waiting for approval or queried £99.00" in text
    council = _text(client.get(reverse("involvement:spend")))
    assert "Day opportunities 2027" in council and "£40.00" in council
    totals = selectors.claim_totals([activity.pk, other.pk])
    assert totals[activity.pk]["recognition"] == Decimal("40") and totals[activity.pk]["waiting"] == Decimal("99")
    assert totals[other.pk]["expenses"] == Decimal("10")


def test_a_commissioner_sets_the_councils_rates(client_as, commissioner):
    client = client_as(commissioner)
    client.post(reverse("involvement:rates"), {"name": "Procurement panel member", "unit": "hour", "amount": "£22.50"})
    assert "Procurement panel member" in _text(client.get(reverse("involvement:rates")))
    assert_bad_input(
        client, reverse("involvement:rates"), {"name": "Peer researcher", "unit": "session", "amount": "-3"},
        errors=["The amount must be £0 or more"], kept=["name"], unchanged=lambda: list(selectors.all_rates().values_list("name", flat=True)),
    )


def test_the_financial_year_runs_april_to_march():
    from datetime import date

    assert selectors.financial_year(date(2027, 3, 31)).start == date(2026, 4, 1)
    assert selectors.financial_year(date(2027, 4, 1)).label == "April 2027 to March 2028"


def test_a_person_claims_only_once_the_activity_has_happened(client_as, person, commissioner, programme, activity):
    planned = ActivityFactory(programme=programme, title="Next month's panel", recorded_by=commissioner,
                              happened_on=timezone.localdate() + timedelta(days=20))
    activity_participants_add(activity=planned, members=[programme.members.get(user=person)])
    assert_bad_input(
        client_as(person), reverse("involvement:claim_add"), _claim_data(planned),
        errors=["Choose an activity you took part in"], unchanged=lambda: Claim.objects.count(),
    )
    # The organiser may enter expenses ahead, to pay them in advance.
    services.claim_enter(by=commissioner, claimant=person, activity=planned, category="travel", amount="7.00")
    assert Claim.objects.filter(activity=planned).count() == 1
