"""One journey per role through the demo world in real Chromium, with JavaScript and without.

The demo world (`seed_demo`) is seeded and committed once for the module, served by the live
server, and emptied when the module ends: seeding it again for each journey would cost more
than the journeys. So journeys share it, and run in the order they are written. A journey
that changes data works on records no other journey changes, and each journey's run without
JavaScript works on other records than its run with it: Bashir, then Carys, gets a first plan;
Al, then Rosa, rates the checklist; Maureen's access to Al's plan is withdrawn by Al, then given
again and withdrawn by Tom; Priya closes the demo's open budgeting round, then one made for the
second run, and each run scores and moderates a panel of its own (a third, run once, goes from
shortlisting to letters); Sam exports Bashir's, then Carys's, data. One browser serves every journey; each user signs in through the real sign-in
page (staff setting up, then using, an authenticator app) in a context of their own. Documents
are made by a real worker and read back from the file the browser downloaded.
"""

import base64
import json
import re
import subprocess
import zipfile
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db.models import Max
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from careplans.models import Review
from careplans.services import plan_start
from commissioning.budgeting.demo import BREAKS_LAST_ROUND
from commissioning.budgeting.models import Round
from commissioning.models import DeliveryStatus, Programme
from commissioning.services import decision_delivery_update
from commissioning.panels import services as panel_services
from commissioning.panels.models import BidResponse, Panel, PanelMember
from commissioning.panels.scoring import services as scoring_services
from commissioning.panels.scoring.demo import NOT_REGISTERED
from commissioning.specifications.demo import SPECIFICATION_TITLE
from commissioning.specifications.models import Specification
from commissioning.training import services as training_services
from commissioning.training.demo import PROVIDER_TRAINING
from commissioning.training.models import TrainingCourse, TrainingSession
from coproduction.accounts.models import Organisation, User
from coproduction.celery import app
from coproduction.core.management.commands.seed_demo import DEMO_PASSWORD
from coproduction.governance.consent.services import give_consent
from coproduction.governance.models import Consent
from coproduction.people.models import Person, Representative
from tests.careplans.factories import RepresentativeFactory, complete_content
from tests.commissioning.budgeting.factories import PotFactory, ProposalFactory, RoundFactory, VotingCodeFactory
from tests.commissioning.panels.factories import (
    BidderFactory,
    BidResponseFactory,
    PanelFactory,
    PanelMemberFactory,
    ScoreFactory,
)
from tests.harness.demo import seed_demo
from tests.harness.pdf_pages import holds_in_order, pdf_pages
from tests.harness.worker import celery_worker, wait_for

pytestmark = [pytest.mark.browser]

JAVASCRIPT = [pytest.param(True, id="with-javascript"), pytest.param(False, id="without-javascript")]


@pytest.fixture(scope="module")
def demo_world(django_db_setup, django_db_blocker):
    """The demo data, committed so the live server's own connection sees it."""
    with django_db_blocker.unblock():
        try:
            seed_demo()
            yield
        finally:
            call_command("flush", verbosity=0, interactive=False, database="default")


@pytest.fixture
def transactional_db(demo_world, django_db_blocker):
    """Replaces pytest-django's, which would empty the database after every journey."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture
def _database(transactional_db):
    """Replaces the suite's own autouse `db`: the journeys share the committed demo world."""


@pytest.fixture(scope="module")
def worker(demo_world):
    """One real worker for every document the journeys ask for. The demo's own queued reports
    (a subject access export about Al) are dropped first: no journey waits for them behind it."""
    app.control.purge()
    with celery_worker() as running:
        yield running


@pytest.fixture
def sign_in(browser, live_server):
    """sign_in(email, javascript=...) signs in through the sign-in page in a new context. When
    the journey ends, no page may have logged a script error (a refused page's own 404 aside)."""
    pages = []

    def sign_in_as(email: str, *, javascript: bool):
        context = browser.new_context(base_url=live_server.url, java_script_enabled=javascript, accept_downloads=True)
        context.set_default_timeout(15_000)
        page = context.new_page()
        page.javascript_enabled = javascript
        page.script_errors = []
        page.on("console", lambda message: message.type == "error" and page.script_errors.append(message.text))
        pages.append(page)
        page.goto("/accounts/login/")
        page.get_by_label("Email address").fill(email)
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        if "/accounts/two-factor/" in page.url:
            shown_key = page.locator(".app-key")
            if shown_key.count():  # the first sign-in: add the key shown to the app
                code = _code(base64.b32decode(shown_key.inner_text().replace(" ", "")))
            else:
                code = _next_unused_code(email)
            page.get_by_label("Security code").fill(code)
            page.get_by_role("button", name="Continue").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Hello, "))
        return page

    yield sign_in_as
    errors = [error for page in pages for error in page.script_errors if "status of 404" not in error]
    for page in pages:
        page.context.close()
    assert errors == []


def _next_unused_code(email: str) -> str:
    """The code for the earliest time step the account's device will still accept. A device takes
    each step once, and at most `tolerance` steps from its own clock: when one account signs in a
    third time within a 30-second step, its device is told to accept a step further ahead (as an
    authenticator whose clock runs a little fast would need) rather than the journey waiting."""
    device = TOTPDevice.objects.get(user__email=email)
    now = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift).t()
    wanted = max(now, device.last_t + 1)
    if wanted > now + device.tolerance:
        TOTPDevice.objects.filter(pk=device.pk).update(tolerance=wanted - now)
    totp = TOTP(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=0)
    totp.time = device.t0 + wanted * device.step + 1
    return f"{totp.token():06d}"


def _code(key: bytes) -> str:
    """The code an authenticator app would show now, for a key just added to it."""
    return f"{TOTP(key, step=30, t0=0, digits=6, drift=0).token():06d}"


def success_banner(page):
    return page.locator(".govuk-notification-banner--success")


def download(page, link_name: str, tmp_path):
    """Click a download link and keep the file."""
    with page.expect_download() as started:
        page.get_by_role("link", name=link_name).click()
    path = tmp_path / started.value.suggested_filename
    started.value.save_as(path)
    return path


def wait_until_ready(page, ready):
    """Wait for a locator: with JavaScript the page updates itself; without, the user follows
    its "refresh the page" link."""
    if page.javascript_enabled:
        ready.first.wait_for(timeout=60_000)
    else:
        def shown():
            if ready.count():
                return True
            refresh = page.get_by_role("link", name="refresh the page")
            if refresh.count():
                refresh.click()
            else:
                page.reload()
            return ready.count()

        wait_for(shown, every=0.5)


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True).stdout


# --- Practitioner -----------------------------------------------------------------------


@pytest.mark.parametrize("javascript", JAVASCRIPT)
def test_a_practitioner_writes_and_agrees_a_plan_and_holds_a_review(sign_in, javascript):
    name = "Bashir Rahman" if javascript else "Carys Evans"
    page = sign_in("practitioner@demo.example", javascript=javascript)
    page.get_by_role("link", name="Go to the caseload").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Caseload")
    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    page.get_by_role("link", name="See the care and support plan").click()
    expect(page.get_by_text("There is no care and support plan yet.")).to_be_visible()
    page.get_by_role("button", name=f"Start a plan with {name}").click()
    expect(page.get_by_text("Version 1: Draft.")).to_be_visible()

    # Agreeing too soon: the check-answers page lists what is not complete, and offers no agreement yet.
    page.get_by_role("link", name="Agree the plan").click()
    expect(page.locator("#not-complete")).to_contain_text("1. What I want to achieve")
    expect(page.get_by_role("button", name="Agree the plan")).to_have_count(0)

    # The person's own words, in a section of their plan.
    words = f"Back to the allotment twice a week, said {name.split()[0]}"
    page.get_by_role("link", name="Back to the plan").click()
    page.get_by_role("link", name="1. What I want to achieve").click()
    page.get_by_label("What I want to achieve, and my hopes for the future").fill(words)
    page.get_by_role("group", name=re.compile("^Whose words are in “What I want to achieve")).get_by_label("The person, in their own words").check()
    page.get_by_label("Yes, I've completed this section").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(success_banner(page)).to_contain_text("Saved: What I want to achieve")
    expect(page.locator("#section-goals")).to_contain_text(words)
    # Marked completed with nothing in it, a section is refused and says what it needs.
    page.get_by_role("link", name="7. What happens if things go wrong").click()
    page.get_by_label("Yes, I've completed this section").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Write what should happen if things go wrong")

    # The sections written at earlier visits (each screen works as the first did).
    plan = Person.objects.get(full_name=name).plans.get()
    written = complete_content()["sections"]
    plan.content["sections"].update({key: written[key] for key in written if key not in ("goals", "consultation", "agreement")})
    plan.save()

    # The agreement, then the plan agreed.
    page.get_by_role("link", name="Back to the plan").click()
    page.get_by_role("link", name="9. Agreement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Agreement")
    page.get_by_role("group", name="How they got their copy").get_by_label("Given in person").check()
    page.get_by_role("group", name="Format of their copy").get_by_label("Large print").check()
    review_on = date.today() + timedelta(weeks=8)
    review_date = page.get_by_role("group", name="Review date")
    review_date.get_by_label("Day").fill(str(review_on.day))
    review_date.get_by_label("Month").fill(str(review_on.month))
    review_date.get_by_label("Year").fill(str(review_on.year))
    page.get_by_label("Yes, I've completed this section").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(success_banner(page)).to_contain_text("Saved: Agreement")
    page.get_by_role("link", name="Agree the plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Check version 1 of {name}’s plan before it is agreed")
    # They agreed it at the visit, through an interpreter: the practitioner records how and when.
    page.get_by_label("Through an interpreter").check()
    agreed_on = page.get_by_role("group", name="Date they agreed it")
    agreed_on.get_by_label("Day").fill(str(date.today().day))
    agreed_on.get_by_label("Month").fill(str(date.today().month))
    agreed_on.get_by_label("Year").fill(str(date.today().year))
    page.get_by_role("button", name="Record the agreement").click()
    expect(success_banner(page)).to_contain_text("Version 1 of the plan is agreed")
    expect(page.locator("main")).to_contain_text(f"Agreed on {date.today().day} {date.today():%B %Y}. Review due {review_on.day} {review_on:%B %Y}")
    expect(page.locator("#section-goals")).to_contain_text(words)
    expect(page.locator("#agreed-how")).to_contain_text(f"Agreed by {name} through an interpreter")

    # A review: what is working, in the person's words, then what was decided.
    page.get_by_role("link", name="Review the plan").click()
    today = date.today()
    page.get_by_label("Day").fill(str(today.day))
    page.get_by_label("Month").fill(str(today.month))
    page.get_by_label("Year").fill(str(today.year))
    page.get_by_role("button", name="Start the review").click()
    said = "The Tuesday lift to the allotment is working"
    page.get_by_role("group", name="What kind of statement is it?").get_by_label("What is working").check()
    page.get_by_role("group", name="Who said it?").get_by_label("The person").check()
    page.get_by_label("What they said, in their words").fill(said)
    page.get_by_role("button", name="Add this statement").click()
    expect(success_banner(page)).to_contain_text("Statement added")
    expect(page.locator("main")).to_contain_text(said)
    page.get_by_role("button", name="Finish the review").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select what you decided")
    page.get_by_role("group", name="Progress with “Back at the allotment twice a week”").get_by_label("Getting there").check()
    page.get_by_label("Continue with the plan as it is").check()
    page.get_by_label("Why (optional)").fill("Everything in the plan still suits him")
    page.get_by_role("button", name="Finish the review").click()
    expect(success_banner(page)).to_contain_text("The review is recorded")
    expect(page.get_by_role("heading", level=1)).to_contain_text(name)


# --- Person who uses services -----------------------------------------------------------


@pytest.mark.parametrize("javascript", JAVASCRIPT)
def test_a_person_rates_the_checklist_and_gets_their_plan_in_large_print(sign_in, worker, tmp_path, javascript):
    email, name = ("person@demo.example", "Alan Marsh") if javascript else ("assessor@demo.example", "Rosa Benedetti")
    page = sign_in(email, javascript=javascript)
    expect(page.get_by_role("heading", name="You are invited", exact=True)).to_be_visible()
    page.get_by_role("button", name="Start").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("How true is each statement for you?")
    story = "Tom wrote down what I said, word for word"
    for number in range(1, 11):
        statement = page.get_by_role("group", name=re.compile(rf"^{number}\. "))
        statement.get_by_label("5 – Always, completely" if number == 1 else "4 – Mostly").check()
    page.get_by_label("Tell us more about statement 1 (optional)").fill(story)
    page.get_by_role("button", name="Save and check your answers").click()
    expect(page).to_have_title(re.compile(r"^Check your answers"))
    expect(page.locator("main")).to_contain_text(story)
    page.get_by_role("button", name="Send your answers").click()
    expect(page.locator("main")).to_contain_text("Thank you. Your answers have been sent.")

    someone = Person.objects.get(full_name=name)
    first = name.split()[0]
    tom = sign_in("practitioner@demo.example", javascript=javascript)

    # Writing the plan together: Tom has started a new draft with Al (Rosa's is under way), and
    # each writes section 1 in their own words from "My plan"; Tom sees what changed.
    if not someone.plans.filter(status="draft").exists():
        plan_start(person=someone, by=User.objects.get(email="practitioner@demo.example"))
    page.goto("/people/my-plan/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your plan")
    expect(page.locator("main")).to_contain_text(name)
    page.get_by_role("link", name="1. What I want to achieve").click()
    own = f"{first} wrote this: swimming again by the summer"
    page.get_by_label("What I want to achieve, and my hopes for the future").fill(own)
    page.get_by_label("Yes, I've completed this section").check()
    page.get_by_role("button", name="Save and continue").click()
    expect(success_banner(page)).to_contain_text("Saved: What I want to achieve")
    expect(page.locator("#section-goals")).to_contain_text(own)
    expect(page.locator("#section-goals")).to_contain_text("In your own words")
    tom.goto(f"/people/{someone.pk}/plan/")
    expect(tom.locator("#section-goals .app-changed")).to_contain_text(own)

    # The other sections, written at earlier visits; then Al agrees his plan on screen.
    draft = someone.plans.get(status="draft")
    written = complete_content()["sections"]
    draft.content["sections"].update({key: written[key] for key in written if key != "goals"})
    draft.save()
    page.goto("/people/my-plan/")
    page.get_by_role("link", name="Agree your plan, or say what you would change").click()
    page.get_by_label("I have read my plan and I agree with it").check()
    page.get_by_role("button", name="Send").click()
    expect(success_banner(page)).to_contain_text("Thank you. The plan is agreed")
    expect(page.locator("#agreed-how")).to_contain_text("You agreed it on screen, in your own account")

    # Al gets ready for his review in his own words; Tom sees it when the review starts, holds it
    # and finishes it; Al agrees what was decided, and My plan shows the finished review.
    said = f"{first} says: the Tuesday lift is working"
    page.get_by_role("link", name="Get ready for your next review").click()
    page.get_by_label("What is working").check()
    page.get_by_label("In your own words").fill(said)
    page.get_by_role("button", name="Add this").click()
    expect(success_banner(page)).to_contain_text("Your practitioner will see it when your review starts")
    tom.goto(f"/people/{someone.pk}/plan/review/")
    held = tom.get_by_role("group", name="Date of the review")
    held.get_by_label("Day").fill(str(date.today().day))
    held.get_by_label("Month").fill(str(date.today().month))
    held.get_by_label("Year").fill(str(date.today().year))
    tom.get_by_label("Who took part (optional)").fill(f"{first}, Mo and Tom")
    tom.get_by_role("button", name="Start the review").click()
    expect(tom.locator("#getting-ready")).to_contain_text(said)
    for group in tom.get_by_role("group", name=re.compile("^Progress with")).all():
        group.get_by_label("Getting there").check()
    tom.get_by_label("Continue with the plan as it is").check()
    tom.get_by_role("button", name="Finish the review").click()
    expect(success_banner(tom)).to_contain_text("The review is recorded")
    page.goto("/people/my-plan/")
    page.get_by_role("link", name="Agree what was decided at your review, or say what you would change").click()
    page.get_by_label("I have read what we decided at my review and I agree").check()
    page.get_by_role("button", name="Send").click()
    expect(success_banner(page)).to_contain_text("You have agreed what was decided at the review")
    review = Review.objects.filter(plan__person=someone).latest("id")
    expect(page.locator(f"#review-{review.pk}")).to_contain_text(said)
    expect(page.locator(f"#review-{review.pk}")).to_contain_text(f"{first}, Mo and Tom")
    expect(page.locator(f"#review-{review.pk}-agreed")).to_contain_text("You agreed what was decided on screen, in your own account")

    page.get_by_role("button", name="Download in large print").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Care and support plan in large print")
    wait_until_ready(page, page.get_by_role("heading", name="Your PDF is ready"))
    path = download(page, "Download the PDF", tmp_path)
    text = " ".join(pdf_text(path).split())
    assert text.startswith("Care and support plan, version") and name in text
    assert own in text
    assert said in text  # the finished review is in the plan's PDF, with who agreed it and how
    assert f"Review on {date.today().day} {date.today():%B %Y}" in text
    # The plan, and the review's outcome: Al's own copy speaks to him.
    assert "You agreed it on screen, in your own account" in text and "You agreed what was decided on screen" in text
    # Large print: the body text is at least 16 points high (a standard copy's is 11).
    words = sorted(word.bottom - word.top for page in pdf_pages(path) for word in page.words)
    assert words[len(words) // 2] >= 16


# --- Carer ------------------------------------------------------------------------------


@pytest.mark.parametrize("javascript", JAVASCRIPT)
def test_a_carer_acts_with_consent_then_loses_access_when_it_is_withdrawn(sign_in, javascript):
    al = Person.objects.get(user__email="person@demo.example")
    carer = User.objects.get(email="carer@demo.example")
    if not Representative.objects.filter(person=al, user=carer, withdrawn_on__isnull=True).exists():
        # Al withdrew Maureen's access in the run with JavaScript; he lets her see his plan again.
        maureen = RepresentativeFactory(
            person=al, user=carer, name="Maureen Marsh", relationship="Wife",
            recorded_by=User.objects.get(email="practitioner@demo.example"),
        )
        give_consent(purpose=Consent.Purpose.REPRESENTATIVE_SEES_PLAN, by=maureen.recorded_by, representative=maureen, given_by="person")
    page = sign_in("carer@demo.example", javascript=javascript)
    expect(page.get_by_role("heading", name="People you support")).to_be_visible()
    page.get_by_role("link", name="Alan Marsh").click()
    page.get_by_role("link", name=re.compile("plan", re.I)).first.click()
    plan_url = page.url
    expect(page.get_by_role("heading", level=1)).to_contain_text("Alan Marsh")

    # Acting for Al: a comment on his plan, after forgetting to write one.
    goals = page.locator("#section-goals")
    goals.get_by_text("Add a comment on this section").click()
    goals.get_by_role("button", name="Add comment").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Write your comment")
    comment = "Al told me the allotment society has a new raised bed for him" + ("" if javascript else " again")
    page.get_by_label("Your comment on “What I want to achieve”").fill(comment)
    page.get_by_role("button", name="Add comment").click()
    expect(success_banner(page)).to_contain_text("Your comment is added")
    expect(page.locator("#section-goals")).to_contain_text(comment)

    # Al (with JavaScript) or Tom (without) withdraws the consent.
    if javascript:
        other = sign_in("person@demo.example", javascript=javascript)
        other.goto("/your-consents/")
        other.get_by_role("link", name="Withdraw consent: a representative may see their plan").click()
        expect(other.locator("main")).to_contain_text("Maureen Marsh will no longer be able to see the plan")
        other.get_by_role("button", name="Withdraw consent").click()
    else:
        other = sign_in("practitioner@demo.example", javascript=javascript)
        other.goto(f"/people/{al.pk}/consents/")
        other.get_by_role("link", name="Withdraw consent: a representative may see their plan").click()
        other.get_by_label("How did they tell you, and why?").fill("Al phoned: he wants to show Mo himself")
        other.get_by_role("button", name="Withdraw consent").click()
        expect(other.locator("main")).to_contain_text("Al phoned: he wants to show Mo himself")
    expect(other.locator("main")).to_contain_text("It has stopped everywhere it was used")

    # Maureen's next page load of the plan is refused.
    response = page.goto(plan_url)
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    expect(page.locator("main")).not_to_contain_text(comment)
    page.goto("/home/")
    expect(page.locator("main")).not_to_contain_text("Alan Marsh")


# --- Team manager -----------------------------------------------------------------------


@pytest.mark.parametrize("javascript", JAVASCRIPT)
def test_a_manager_reads_the_team_dashboard_and_makes_the_team_pdf(sign_in, worker, tmp_path, javascript):
    page = sign_in("manager@demo.example", javascript=javascript)
    page.get_by_role("link", name="Open the team dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Team dashboard")
    expect(page.get_by_role("heading", name="North Adults Team: the last 12 months")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Perception gap")

    # One statement: in place with JavaScript, by the Show button without.
    page.get_by_label("Statement", exact=True).select_option(label="7. I get the information I need, when I need it, in a way I…")
    page.get_by_label("Period").select_option(label="The last 2 years")
    if not javascript:
        page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"statement=\d+"))
    expect(page.get_by_role("heading", name="North Adults Team: the last 2 years")).to_be_visible()
    table = page.get_by_role("table", name=re.compile("^Ratings by statement"))
    expect(table).to_contain_text("7. I get the information I need")
    expect(table).not_to_contain_text("1. I can write my own plan")

    page.get_by_role("button", name="Make a PDF report").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Team checklist report")
    wait_until_ready(page, page.get_by_role("heading", name="Your PDF is ready"))
    path = download(page, "Download the PDF", tmp_path)
    text = " ".join(pdf_text(path).split())
    assert text.startswith("Co-production checklist report, the last 2 years") and "North Adults Team" in text
    assert "7. I get the" in text and "Perception gap" in text



# --- Commissioner -----------------------------------------------------------------------


def _a_paper_voting_code(javascript: bool) -> tuple[Round, str]:
    """The demo's round open for voting (or, for the second run, another like it) and an
    unused code from its paper ballots."""
    programme = Programme.objects.get(title="Short breaks for carers 2026")
    if javascript:
        round_ = Round.objects.get(programme=programme, title="Short breaks ideas fund")
    else:
        round_ = RoundFactory(programme=programme, title="Carers' café fund", phase=Round.Phase.VOTING)
        pot = PotFactory(round=round_, name="Whole borough", amount=5_000)
        ProposalFactory(pot=pot, title="Sitting service so carers can go out", cost=3_000)
        ProposalFactory(pot=pot, title="Carers' pamper days", cost=4_000)
    code = "PAPR-BALT-" + ("JSON" if javascript else "NOJS")
    VotingCodeFactory(round=round_, code=code, serial=(round_.codes.aggregate(last=Max("serial"))["last"] or 0) + 1)
    return round_, code


def _a_panel_open_for_scoring(javascript: bool) -> Panel:
    """A panel of Priya's, scoring one bid: Maureen has scored its answer, Priya not yet."""
    priya = User.objects.get(email="commissioner@demo.example")
    declared = timezone.now()
    panel = PanelFactory(
        programme=Programme.objects.get(title="Short breaks for carers 2026"), created_by=priya,
        title="Short breaks tender panel" + ("" if javascript else " (second round)"), status=Panel.Status.SCORING,
    )
    PanelMemberFactory(panel=panel, user=priya, role=PanelMember.Role.CHAIR, conflicts_declared_at=declared)
    maureen = PanelMemberFactory(
        panel=panel, user=User.objects.get(email="carer@demo.example"), role=PanelMember.Role.CARER, conflicts_declared_at=declared,
    )
    answer = BidResponseFactory(bidder=BidderFactory(panel=panel, name="Seaside Breaks Ltd"), entered_by=priya)
    ScoreFactory(response=answer, member=maureen, value=2)
    return panel


@pytest.mark.parametrize("javascript", JAVASCRIPT)
def test_a_commissioner_runs_a_budgeting_round_scores_and_moderates_a_panel_and_makes_its_report(sign_in, worker, tmp_path, javascript):
    round_, code = _a_paper_voting_code(javascript)
    panel = _a_panel_open_for_scoring(javascript)
    page = sign_in("commissioner@demo.example", javascript=javascript)
    page.get_by_role("link", name="Short breaks for carers 2026").first.click()
    sections = page.get_by_role("navigation", name="Programme sections")
    sections.get_by_role("link", name="Budgeting").click()
    page.get_by_role("link", name=round_.title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(round_.title)

    # A paper ballot, first without a choice.
    page.get_by_role("link", name="Enter paper ballots for Whole borough").click()
    page.get_by_label("Voting code on the paper ballot").fill(code)
    page.get_by_role("button", name="Count this paper ballot").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    expect(page.get_by_label("Voting code on the paper ballot")).to_have_value(code)
    page.get_by_label("Sitting service so carers can go out").check()
    page.get_by_role("button", name="Count this paper ballot").click()
    expect(success_banner(page)).to_contain_text("The paper ballot is counted. Enter the next one.")

    # Voting closes, the votes are counted, and the results are published.
    page.goto(f"/commissioning/programmes/{round_.programme_id}/budgeting/{round_.pk}/")
    page.get_by_role("button", name="Close voting and count the votes").click()
    expect(success_banner(page)).to_contain_text("The round is now at: results.")
    page.get_by_role("link", name=re.compile("^Results")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Results")
    wait_until_ready(page, page.get_by_role("button", name="Publish the results"))
    expect(page.locator("main")).to_contain_text("on paper")
    page.get_by_role("button", name="Publish the results").click()
    expect(success_banner(page)).to_contain_text("The results are published. Each funded idea is in the decisions log.")
    expect(page.get_by_role("table").first).to_contain_text("Sitting service so carers can go out")

    # The panel: Priya scores the answer, closes scoring and moderates it.
    sections.get_by_role("link", name="Panels").click()
    page.get_by_role("link", name=panel.title).click()
    page.get_by_role("link", name="Read the bids and score them").click()
    page.get_by_role("link", name=re.compile("How will people who use the service help run it")).click()
    page.get_by_label("Why you gave this score").fill("Clear about staff, silent on weekends")
    page.get_by_role("button", name="Submit my score").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("Select a score from 0 to 5")
    page.get_by_role("group", name="Your score").get_by_label("4", exact=True).check()
    page.get_by_role("button", name="Submit my score").click()
    expect(success_banner(page)).to_contain_text("Your score is saved")
    page.goto(f"/commissioning/programmes/{panel.programme_id}/panels/{panel.pk}/scoring/")
    page.get_by_role("button", name="Close scoring and start moderation").click()
    expect(success_banner(page)).to_contain_text("Scoring is closed")
    page.get_by_role("link", name="Moderation", exact=True).first.click()
    page.get_by_role("link", name=re.compile("^Moderate")).first.click()
    page.get_by_role("group", name="Moderated score").get_by_label("3", exact=True).check()
    rationale = "The answer is clear about staff but says little about weekends"
    page.get_by_label("Rationale: why the panel agreed this score").fill(rationale)
    page.get_by_role("button", name="Save the moderated score").click()
    expect(success_banner(page)).to_contain_text("Moderated score saved for Seaside Breaks Ltd")

    # The panel report.
    page.get_by_role("link", name="Totals and award").first.click()
    page.get_by_role("button", name="Make the panel report (PDF)").click()
    wait_until_ready(page, page.get_by_role("heading", name="Your PDF is ready"))
    text = " ".join(pdf_text(download(page, "Download the PDF", tmp_path)).split())
    assert text.startswith(f"Short breaks for carers 2026: procurement panel report {panel.title}")
    # The one published criterion (weight 100): 3 of 5, so 60.00, with the arithmetic shown.
    assert "Seaside Breaks Ltd 1 60.00" in text and "3 ÷ 5 × 100 = 60.00" in text
    assert f"Moderated score: 3 out of 5. Rationale: {rationale}" in text
    assert "Priya 4 Clear about staff, silent on weekends" in text


# --- A tender from shortlisting to letters ------------------------------------------------

# The demo specification's published criteria: working with people 40, quality and safety 30 and
# social value 10, one agreed question each, scored 0 to 5 by the panel; price 20 by formula.
# Each shortlisted bidder's moderated scores in that order, and its price.
MODERATED = {"Bright Days CIC": (5, 4, 3), "Northside Community Care": (4, 5, 4), "Riverside Support Ltd": (3, 3, 5)}
PRICES = {"Bright Days CIC": 240_000, "Northside Community Care": 265_000, "Riverside Support Ltd": 290_000}
NOT_SHORTLISTED = "Lakeside Day Services"
# By hand: weight x moderated score ÷ 5, and price 20 x the lowest price (£240,000) ÷ this price.
# Bright Days: 40 x 5/5 = 40.00, 30 x 4/5 = 24.00, 10 x 3/5 = 6.00, price 20.00: 90.00.
# Northside:   40 x 4/5 = 32.00, 30 x 5/5 = 30.00, 10 x 4/5 = 8.00, 20 x 240/265 = 18.113... = 18.11: 88.11.
# Riverside:   40 x 3/5 = 24.00, 30 x 3/5 = 18.00, 10 x 5/5 = 10.00, 20 x 240/290 = 16.551... = 16.55: 68.55.
TOTALS = [
    ("Bright Days CIC", "90.00", "40.00 + 24.00 + 6.00 + 20.00 = 90.00"),
    ("Northside Community Care", "88.11", "32.00 + 30.00 + 8.00 + 18.11 = 88.11"),
    ("Riverside Support Ltd", "68.55", "24.00 + 18.00 + 10.00 + 16.55 = 68.55"),
]


def _a_tender_with_four_bids() -> Panel:
    """A second panel for the demo specification, chaired by Priya, with Al (who uses day
    services) and Olu (procurement officer): four bids in, answering one agreed question for each
    criterion the panel scores; three bids already checked at shortlisting and priced."""
    priya, al, olu = (User.objects.get(email=f"{name}@demo.example") for name in ("commissioner", "person", "procurement"))
    specification = Specification.objects.get(title=SPECIFICATION_TITLE)
    panel = panel_services.panel_create(
        programme=specification.programme, specification=specification, chair=priya, title="Day opportunities tender panel, second call",
        purpose="To score the bids for the second call and recommend who runs day opportunities.", by=priya,
    )
    members = {priya: panel.members.get(), al: None, olu: None}
    members[al] = panel_services.member_add(panel=panel, user=al, role=PanelMember.Role.LIVED_EXPERIENCE, by=priya)
    members[olu] = panel_services.member_add(panel=panel, user=olu, role=PanelMember.Role.PROCUREMENT_OFFICER, by=priya)
    bidders = {name: panel_services.bidder_add(panel=panel, name=name, by=priya) for name in [*PRICES, NOT_SHORTLISTED]}
    for user, member in members.items():
        panel_services.conflicts_declare(member=member, bidders=[], details="", by=user)
    questions = [
        panel_services.question_propose(panel=panel, criterion=criterion, kind="written", text=f"How will you meet “{criterion.title}”?", by=priya)
        for criterion in panel.version.criteria.filter(scored_on_price=False).order_by("position")
    ]
    panel_services.questions_agree(panel=panel, agreed_ids={question.pk for question in questions}, by=priya)
    meets = {question.pk: (True, "The bid shows this with evidence.") for question in panel.version.shortlist_questions.all()}
    for name, bidder in bidders.items():
        for question in questions:
            scoring_services.response_save(bidder=bidder, question=question, text=f"{name} answers: {question.text}", by=priya)
        if name in PRICES:
            scoring_services.shortlist_record(bidder=bidder, member=members[al], results=meets, by=al)
            scoring_services.price_score_record(bidder=bidder, member=members[olu], bid_price=PRICES[name], by=olu)
    return panel


def test_a_tender_goes_from_shortlisting_to_scores_moderation_and_letters_with_totals_worked_out_by_hand(sign_in, worker, tmp_path):
    panel = _a_tender_with_four_bids()
    url = f"/commissioning/programmes/{panel.programme_id}/panels/{panel.pk}/"

    # Al finds the last bid does not meet the first shortlisting question, and says why.
    al = sign_in("person@demo.example", javascript=False)
    al.goto(url + "shortlisting/")
    al.get_by_role("link", name=f"Check {NOT_SHORTLISTED}").click()
    al.get_by_role("group", name=re.compile(r"^1\. ")).get_by_label("No, it does not meet this").check()
    al.get_by_label("Why?", exact=True).first.fill(NOT_REGISTERED)
    al.get_by_role("group", name=re.compile(r"^2\. ")).get_by_label("Yes, it meets this").check()
    al.get_by_label("Why?", exact=True).last.fill("The bid includes the checks.")
    al.get_by_role("button", name="Save the shortlisting").click()
    expect(success_banner(al)).to_contain_text(f"Shortlisting saved for {NOT_SHORTLISTED}")
    expect(al.get_by_role("row", name=re.compile(NOT_SHORTLISTED))).to_contain_text("Not shortlisted")

    # Priya opens scoring: the panel scores only the three shortlisted bids. She scores one answer.
    page = sign_in("commissioner@demo.example", javascript=False)
    page.goto(url + "scoring/")
    page.get_by_role("button", name="Open scoring").click()
    expect(success_banner(page)).to_contain_text("Scoring is open")
    expect(page.locator("main")).to_contain_text("You have scored 0 of 9 answers")
    expect(page.locator("main")).not_to_contain_text(NOT_SHORTLISTED)
    page.get_by_role("link", name=re.compile("^Working with people")).first.click()
    page.get_by_role("group", name="Your score").get_by_label("5", exact=True).check()
    page.get_by_label("Why you gave this score").fill("People choose the staff and run the members' group.")
    page.get_by_role("button", name="Submit my score").click()
    expect(success_banner(page)).to_contain_text("Your score is saved")
    page.goto(url + "scoring/")
    page.get_by_role("button", name="Close scoring and start moderation").click()
    expect(success_banner(page)).to_contain_text("Scoring is closed")

    # Moderation: the panel agrees one score for each of the nine answers.
    answers = BidResponse.objects.filter(bidder__panel=panel).exclude(bidder__name=NOT_SHORTLISTED).select_related("bidder", "question__criterion")
    for answer in answers:
        value = MODERATED[answer.bidder.name][answer.question.criterion.position - 1]
        page.goto(url + f"answers/{answer.pk}/moderate/")
        page.get_by_role("group", name="Moderated score").get_by_label(str(value), exact=True).check()
        page.get_by_label("Rationale: why the panel agreed this score").fill(f"Agreed at the meeting: {value} for {answer.question.criterion.title}.")
        page.get_by_role("button", name="Save the moderated score").click()
        expect(success_banner(page)).to_contain_text(f"Moderated score saved for {answer.bidder.name}")

    # The totals are the figures worked out by hand, best first; the panel recommends the top bid.
    page.goto(url + "totals/")
    rows = page.get_by_role("table", name="Ranking").locator("tbody tr")
    expect(rows).to_have_count(3)
    for row, (name, _total, arithmetic) in enumerate(TOTALS):
        expect(rows.nth(row)).to_contain_text(name)
        expect(rows.nth(row)).to_contain_text(arithmetic)
    expect(rows.nth(1)).to_contain_text("£240,000.00 ÷ £265,000.00 × 20 = 18.11")
    page.get_by_role("link", name="Record the award recommendation").click()
    expect(page.get_by_label("Bright Days CIC (90.00 out of 100)")).to_be_checked()
    page.get_by_label("The award recommendation").fill("Bright Days CIC had the highest total, and people help run it.")
    page.get_by_role("button", name="Record the award").click()
    expect(success_banner(page)).to_contain_text("The award recommendation is in the programme's decisions log")

    def made(button: str, on: str) -> str:
        page.goto(url + on)
        page.get_by_role("button", name=button).click()
        wait_until_ready(page, page.get_by_role("heading", name="Your PDF is ready"))
        return pdf_text(download(page, "Download the PDF", tmp_path))

    # The panel report, with the criteria as published, each score and the arithmetic.
    report = made("Make the panel report (PDF)", "totals/")
    assert holds_in_order(report, "Working with people 40 1 agreed question")
    assert holds_in_order(report, "Price 20 By formula: lowest price ÷ this bid's price × weight")
    assert all(holds_in_order(report, f"{rank} {total} {arithmetic}") for rank, (_, total, arithmetic) in enumerate(TOTALS, start=1))
    assert holds_in_order(report, "Price (20) 18.11 £240,000.00 ÷ £265,000.00 × 20 = 18.11")
    assert holds_in_order(report, f"{NOT_SHORTLISTED} Not shortlisted 1. Does not meet it: {NOT_REGISTERED}")
    # Northside's assessment summary: its scores beside the winning bid's, naming no panel member.
    summary = made("Assessment summary for Northside Community Care", "totals/")
    assert holds_in_order(summary, "The panel recommended awarding the contract to another bidder.")
    assert holds_in_order(summary, "Price (20) 18.11 of 20: £240,000.00 ÷ £265,000.00 × 20 = 18.11")
    assert holds_in_order(summary, "20.00 of 20: £240,000.00 ÷ £240,000.00 × 20 = 20.00")
    assert holds_in_order(summary, f"Total (out of 100) 88.11: {TOTALS[1][2]}") and holds_in_order(summary, f"90.00: {TOTALS[0][2]}")
    assert not any(name in summary for name in ("Priya", "Marsh", "Olu"))
    # The bidder not shortlisted gets a letter with the reason.
    letter = made(f"Letter to {NOT_SHORTLISTED}", "shortlisting/")
    assert holds_in_order(letter, f"Your bid was not shortlisted To {NOT_SHORTLISTED}") and holds_in_order(letter, NOT_REGISTERED)


# --- A recruitment panel with a lay member -------------------------------------------------


def _a_recruitment_campaign(javascript: bool):
    """A campaign of Grace's in the day opportunities programme, with Al on the panel and Sam as
    the HR officer, who has added one candidate. Each run recruits to a job of its own."""
    from commissioning.recruitment import services as recruitment
    from commissioning.recruitment.models import CampaignMember

    users = {user.email.split("@")[0]: user for user in User.objects.filter(email__endswith="@demo.example")}
    campaign = recruitment.campaign_create(
        programme=Programme.objects.get(title="Day opportunities for adults with learning disabilities 2027"), by=users["manager"],
        data={"post": "Support worker" if javascript else "Occupational therapist", "team": "North Adults Team",
              "closing_date": date.today() - timedelta(days=3), "about": "Supports people to do what matters to them."},
    )
    recruitment.member_add(campaign=campaign, user=users["person"], role=CampaignMember.Role.LIVED_EXPERIENCE, by=users["manager"])
    recruitment.member_add(campaign=campaign, user=users["admin"], role=CampaignMember.Role.HR_OFFICER, by=users["manager"])
    recruitment.candidate_add(campaign=campaign, name="Quentin Applicantname", by=users["admin"])
    return campaign


@pytest.mark.parametrize("javascript", JAVASCRIPT)
def test_a_recruitment_panel_goes_from_values_to_a_recommendation_with_a_lay_member(sign_in, javascript):
    campaign = _a_recruitment_campaign(javascript)
    al = sign_in("person@demo.example", javascript=javascript)
    al.get_by_role("link", name=re.compile(f"^{campaign.post}, North Adults Team")).click()
    expect(al.get_by_role("heading", level=1)).to_have_text(f"Recruiting a {campaign.post}")
    al.get_by_role("link", name="Propose a value").click()
    al.get_by_label("The value", exact=True).fill("Listens and acts on it")
    al.get_by_role("button", name="Propose the value").click()
    expect(al).to_have_title(re.compile(r"^Error:"))
    expect(al.get_by_label("The value", exact=True)).to_have_value("Listens and acts on it")
    al.get_by_label("What it looks like in the job").fill("Hears what matters to me and does something about it.")
    al.get_by_role("button", name="Propose the value").click()
    al.get_by_role("link", name="Propose a question").click()
    al.get_by_label("Which value does the question test?").select_option(label="Listens and acts on it")
    al.get_by_label("The question", exact=True).fill("Tell us about a time you changed a plan because someone asked.")
    al.get_by_role("button", name="Propose the question").click()
    expect(success_banner(al)).to_contain_text("Question proposed")
    al.get_by_role("link", name="Say whom you know").click()
    al.get_by_role("button", name="Send what I declare").click()

    grace = sign_in("manager@demo.example", javascript=javascript)
    grace.goto(f"/commissioning/recruitment/{campaign.pk}/")
    grace.get_by_role("link", name="Record what the panel agreed").click()
    grace.get_by_label("Listens and acts on it", exact=True).check()
    grace.get_by_role("checkbox", name=re.compile("Tell us about a time you changed a plan")).check()
    grace.get_by_role("button", name="Record what the panel agreed").click()
    expect(success_banner(grace)).to_contain_text("recorded in the decisions log")

    # Al scores alone, then sees the panel's scores.
    al.goto(f"/commissioning/recruitment/{campaign.pk}/")
    al.get_by_role("link", name="Score candidate C1").click()
    al.get_by_role("group", name="Score for “Listens and acts on it”").get_by_label("3", exact=True).check()
    al.get_by_label(re.compile("Why this score")).fill("A real example, and said what changed.")
    al.get_by_role("button", name="Send my scores").click()
    expect(success_banner(al)).to_contain_text("Your scores for candidate C1 are sent")

    # Grace scores, moderates keeping Al's score, and records the recommendation.
    grace.get_by_role("link", name="Say whom you know").click()
    grace.get_by_role("button", name="Send what I declare").click()
    grace.get_by_role("link", name="Score candidate C1").click()
    grace.get_by_role("group", name="Score for “Listens and acts on it”").get_by_label("4", exact=True).check()
    grace.get_by_label(re.compile("Why this score")).fill("Strong example.")
    grace.get_by_role("button", name="Send my scores").click()
    expect(grace.locator("main")).to_contain_text("A real example, and said what changed.")
    grace.get_by_role("group", name="Score for “Listens and acts on it”").get_by_label("3", exact=True).check()
    grace.get_by_label(re.compile("Why the panel agreed this score")).fill("We agreed 3 together.")
    grace.get_by_role("button", name="Save the agreed scores").click()
    expect(success_banner(grace)).to_contain_text("every member's own score is kept")
    grace.goto(f"/commissioning/recruitment/{campaign.pk}/recommend/")
    grace.get_by_role("radio", name=re.compile("Candidate C1")).check()
    grace.get_by_label("Why the panel recommends them").fill("C1 showed the value the panel agreed.")
    grace.get_by_role("button", name="Record the recommendation").click()
    expect(success_banner(grace)).to_contain_text("recommendation of candidate C1 is recorded")

    # Al sees the outcome of the panel, by reference: never the candidate's name.
    al.goto(f"/commissioning/recruitment/{campaign.pk}/")
    expect(al.locator("#outcome + dl")).to_contain_text("Candidate C1")
    expect(al.locator("main")).not_to_contain_text("Quentin")


@pytest.mark.parametrize("javascript", JAVASCRIPT)
def test_a_network_meets_and_every_member_agrees_the_minutes(sign_in, javascript):
    """Priya holds a Good Days network meeting (each run its own), sends the papers and puts the
    minutes forward; Al, Maureen and Dev agree them, and the network shows them agreed by all."""
    title = "Saturday transport check-in" + ("" if javascript else " (second)")
    held = timezone.localdate() - timedelta(days=7)
    page = sign_in("commissioner@demo.example", javascript=javascript)
    page.get_by_role("link", name="Good Days network, north of the borough").click()  # from "Your networks" on the home page
    network_url = page.url
    page.get_by_role("link", name="Add a meeting").click()
    page.get_by_label("Name of the meeting").fill(title)
    page.get_by_label("Day").fill(str(held.day))
    page.get_by_label("Month").fill(str(held.month))
    page.get_by_label("Year").fill(str(held.year))
    page.get_by_label("Where is it?").fill("Greenway Community Hub, Mill Lane")
    page.get_by_role("button", name="Add the meeting").click()
    expect(page).to_have_title(re.compile(r"^Error:"))  # the start time was left out
    expect(page.get_by_label("Name of the meeting")).to_have_value(title)
    page.get_by_label("Start time").fill("10:30am")
    page.get_by_role("button", name="Add the meeting").click()
    expect(success_banner(page)).to_contain_text("Meeting added")
    meeting_url = page.url.split("#")[0]
    page.get_by_role("link", name="Add a paper").click()
    page.get_by_label("Title of the paper").fill("The Saturday minibus")
    page.get_by_label("The paper", exact=True).fill("The minibus now runs at 10am on Saturdays.")
    page.get_by_role("button", name="Add the paper").click()
    page.get_by_role("button", name="Send the papers to every member").click()
    expect(success_banner(page)).to_contain_text("Papers sent to 4 members")
    page.get_by_role("link", name="Write the minutes").click()
    page.get_by_label("Minutes").fill("The minibus is running well. Dev will ask drivers about a second run.")
    page.get_by_role("button", name="Save and ask members to agree").click()
    expect(page.locator("#minutes ~ p").first).to_contain_text("Agreed by 0 of 4 members")
    page.get_by_role("button", name="I agree these minutes").click()

    for email in ("person@demo.example", "carer@demo.example", "provider@demo.example"):
        member = sign_in(email, javascript=javascript)
        member.goto(meeting_url)
        expect(member.locator("main")).to_contain_text("The minibus is running well.")
        member.get_by_role("button", name="I agree these minutes").click()
        expect(success_banner(member)).to_contain_text("You have agreed the minutes")

    page.goto(network_url)
    expect(page.get_by_role("row", name=re.compile(re.escape(title)))).to_contain_text("Agreed by every member")


def _a_kendal_round(javascript: bool) -> Round:
    """A residents' round of the public carers' programme, only for people living in Kendal:
    one for each run, so each run registers and votes afresh."""
    round_ = RoundFactory(
        programme=Programme.objects.get(title="Short breaks for carers 2026"), phase=Round.Phase.VOTING,
        title="Kendal carers' outings fund" + ("" if javascript else " (second round)"), eligibility=Round.Eligibility.RESIDENTS,
        ballot_rule=Round.BallotRule.KNAPSACK, area_name="Kendal", area_postcodes="LA8, LA9",
    )
    pot = PotFactory(round=round_, name="Kendal", amount=5_000)
    ProposalFactory(pot=pot, title="Lakes day trip", cost=3_000)
    ProposalFactory(pot=pot, title="Theatre tickets", cost=2_500)
    return round_


@pytest.mark.parametrize("javascript", JAVASCRIPT)
def test_residents_outside_the_area_are_refused_and_a_funded_idea_is_followed_to_done(sign_in, browser, live_server, javascript):
    round_ = _a_kendal_round(javascript)
    last = Round.objects.get(title=BREAKS_LAST_ROUND)
    vouchers = last.proposals.get(title="Respite vouchers for weekends").decision
    priya = User.objects.get(email="commissioner@demo.example")
    decision_delivery_update(decision=vouchers, by=priya, status=DeliveryStatus.IN_PROGRESS, percent=60, you_said=vouchers.you_said)
    round_url = f"/commissioning/programmes/{round_.programme_id}/budgeting/{round_.pk}/"

    # Maureen gives a London postcode: she is told who can vote, and is not registered.
    maureen = sign_in("carer@demo.example", javascript=javascript)
    maureen.goto(round_url + "register/")
    maureen.get_by_label("Your postcode").fill("sw1a 1aa")
    maureen.get_by_role("button", name="Register to vote").click()
    expect(maureen).to_have_title(re.compile(r"^Error:"))
    expect(maureen.locator(".govuk-error-summary")).to_contain_text(
        "SW1A 1AA is not in Kendal. Only people who live in Kendal (postcodes LA8, LA9) can vote in this round."
    )
    assert not round_.registrations.exists()

    # Al lives in Kendal: he registers, then votes, seeing each idea's cost and what is left.
    al = sign_in("person@demo.example", javascript=javascript)
    al.goto(round_url + "register/")
    al.get_by_label("Your postcode").fill("la9 4dl")
    al.get_by_role("button", name="Register to vote").click()
    expect(success_banner(al)).to_contain_text("You are registered to vote in this round.")
    al.get_by_role("link", name="Vote in Kendal").click()
    expect(al.locator(".govuk-caption-m")).to_contain_text("a pot of £5,000.00")
    al.get_by_label("Lakes day trip: £3,000.00").check()
    al.get_by_label("Theatre tickets: £2,500.00").check()
    counter = al.locator(".app-pb-remaining")
    if javascript:  # the counter speaks at once
        expect(counter).to_have_text("The ideas you chose cost £5,500.00. You can spend up to £5,000.00.")
    al.get_by_role("button", name="Send my vote").click()
    expect(al.locator(".govuk-error-summary")).to_contain_text("The ideas you chose cost £5,500.00. You can spend up to £5,000.00.")
    al.get_by_label("Theatre tickets: £2,500.00").uncheck()
    if javascript:
        expect(counter).to_have_text("You have chosen 1 idea costing £3,000.00. You have £2,000.00 left to spend.")
    al.get_by_role("button", name="Send my vote").click()
    expect(success_banner(al)).to_contain_text("Your vote is saved")
    assert round_.registrations.get().postcode == "LA9 4DL"

    # Priya says the respite vouchers are all handed out; anyone can follow it to "done".
    page = sign_in("commissioner@demo.example", javascript=javascript)
    page.goto(f"/commissioning/programmes/{last.programme_id}/you-said-we-did/")
    page.get_by_role("link", name="Update progress for Fund “Respite vouchers for weekends”").click()
    page.get_by_label("Done", exact=True).check()
    page.get_by_label("News (optional)").fill("All 70 vouchers have been used.")
    page.get_by_role("button", name="Save progress").click()
    expect(success_banner(page)).to_contain_text("Progress saved")
    visitor = browser.new_context(base_url=live_server.url, java_script_enabled=javascript).new_page()
    try:
        visitor.goto(f"/commissioning/programmes/{last.programme_id}/budgeting/{last.pk}/results/public/")
        expect(visitor.get_by_role("table").first).to_contain_text("Respite vouchers for weekends")
        visitor.get_by_role("link", name="You said, we did: follow what happened to each funded idea").click()
        entry = visitor.locator(".app-delivery", has=visitor.get_by_role("heading", name="Fund “Respite vouchers for weekends”"))
        expect(entry).to_contain_text("Done")
        expect(entry).to_contain_text("All 70 vouchers have been used.")
    finally:
        visitor.context.close()


def _a_training_session_held(javascript: bool) -> tuple[TrainingSession, str]:
    """A session of the demo's training for providers before the day opportunities tender, held
    last week (another for the second run), and an organisation that has not booked yet."""
    course = TrainingCourse.objects.get(title=PROVIDER_TRAINING)
    session = training_services.session_create(course=course, by=course.created_by, data={
        "date": timezone.localdate() - timedelta(days=6 if javascript else 5), "times": "2pm to 4pm",
        "format": TrainingSession.Format.ONLINE, "place": "Online, by video call",
        "feedback_survey": course.programme.surveys.order_by("pk").first(),
    })
    organisation = Organisation.objects.create(name="Hillside Day Care" if javascript else "Meadow Support",
                                               kind=Organisation.Kind.PROVIDER)
    return session, organisation.name


@pytest.mark.parametrize("javascript", JAVASCRIPT)
def test_a_commissioner_books_a_provider_on_training_records_who_came_and_sees_it_on_the_tender(sign_in, javascript):
    session, organisation = _a_training_session_held(javascript)
    page = sign_in("commissioner@demo.example", javascript=javascript)
    page.get_by_role("link", name=session.course.programme.title).first.click()
    page.get_by_role("navigation", name="Programme sections").get_by_role("link", name="Training").click()
    page.get_by_role("link", name=PROVIDER_TRAINING).click()
    page.get_by_role("link", name=f"{session.date:%-d %B %Y}").click()

    # Booking: first choosing nobody, then the organisation.
    page.get_by_role("link", name="Book a place").click()
    page.get_by_label("Number of places").fill("3")
    page.get_by_role("button", name="Book the place").click()
    expect(page).to_have_title(re.compile(r"^Error:"))
    expect(page.get_by_label("Number of places")).to_have_value("3")
    page.get_by_label("Organisation booking a place").select_option(label=organisation)
    page.get_by_role("button", name="Book the place").click()
    expect(success_banner(page)).to_contain_text("Place booked")

    page.get_by_role("link", name="Record who came").click()
    page.get_by_label(organisation).check()
    page.get_by_role("button", name="Save who came").click()
    expect(success_banner(page)).to_contain_text("Who came is saved")
    expect(page.locator("tbody tr", has_text=organisation)).to_contain_text("Came")

    # Feedback comes through the survey engine.
    page.get_by_role("link", name="What do you think of your day service?").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("What do you think of your day service?")

    # The specification for the tender says who came to training before it.
    specification = session.course.specification
    page.goto(f"/commissioning/programmes/{specification.programme_id}/specifications/{specification.pk}/")
    note = page.locator(".govuk-inset-text", has_text="Training held before the tender")
    expect(note).to_contain_text(organisation)
    expect(note).to_contain_text("Bidders’ organisations must have attended before they bid.")


# --- Administrator ----------------------------------------------------------------------


@pytest.mark.parametrize("javascript", JAVASCRIPT)
def test_an_administrator_makes_a_subject_access_export_and_downloads_both_files(sign_in, worker, tmp_path, javascript):
    name = "Bashir Rahman" if javascript else "Carys Evans"
    page = sign_in("admin@demo.example", javascript=javascript)
    page.get_by_role("link", name="Subject access").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Subject access requests")
    page.get_by_label("Name or email address").fill(name.split()[0])
    page.get_by_role("button", name=re.compile("^(Search|Find)")).click()
    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    page.get_by_role("button", name="Make the export").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.locator("main")).to_contain_text("Readable copy (PDF)")
    wait_until_ready(page, page.get_by_role("link", name="Download the ZIP file"))
    wait_until_ready(page, page.get_by_role("link", name="Download the PDF"))
    expect(page.locator("main")).to_contain_text("Send the files securely")

    pdf = " ".join(pdf_text(download(page, "Download the PDF", tmp_path)).split())
    assert f"Your personal data: {name}" in pdf and "Care and support plans and reviews" in pdf
    with zipfile.ZipFile(download(page, "Download the ZIP file", tmp_path)) as archive:
        assert "README.txt" in archive.namelist()
        assert f"About: {name}" in archive.read("README.txt").decode()
        careplans = archive.read("careplans.json").decode()
    assert json.loads(careplans)["heading"] == "Care and support plans and reviews" and name in careplans


# --- Case management system ----------------------------------------------------------------


def _las_extract(case_id: str, nhs_number: str) -> bytes:
    """A night's extract as LAS writes it: one new person, and one row with a bad NHS number."""
    return (
        "PERSON_ID,FORENAME,SURNAME,KNOWN_AS,DOB,NHS_NUMBER,TEAM_CODE,TEAM_NAME,ALLOCATED_WORKER_EMAIL,COMM_NEEDS,INTERPRETER_LANG,GENDER\n"
        f"{case_id},Winifred,Nuttall,Win,02/03/1941,{nhs_number},T-NA,North Adults Team,practitioner@demo.example,LP;LOOP,,F\n"
        f"{case_id}9,Harold,Nuttall,,05/06/1939,943 476 5918,T-NA,North Adults Team,practitioner@demo.example,,,M\n"
    ).encode()


@pytest.mark.parametrize("javascript", JAVASCRIPT)
def test_an_administrator_imports_the_case_system_extract_and_a_practitioner_finds_the_person(sign_in, worker, javascript):
    case_id, nhs_number = ("LAS-700001", "401 023 2137") if javascript else ("LAS-700002", "943 476 5919")
    admin = sign_in("admin@demo.example", javascript=javascript)
    admin.get_by_role("link", name="Case system imports and mappings").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Case management system")
    admin.get_by_role("link", name="Import an extract").click()
    admin.get_by_label("Liquidlogic LAS nightly extract").check()
    admin.get_by_label("Upload the extract as a CSV file").set_input_files(
        {"name": "las-nightly.csv", "mimeType": "text/csv", "buffer": _las_extract(case_id, nhs_number)}
    )
    admin.get_by_role("button", name="Check the extract").click()

    # The dry run: the problem by row, column and message; nothing saved yet.
    expect(admin.get_by_role("heading", level=1)).to_have_text("Problems in the extract")
    problem = admin.locator("#import-problems tbody tr")
    expect(problem).to_have_count(1)
    expect(problem).to_contain_text("3")
    expect(problem).to_contain_text("NHS_NUMBER")
    expect(problem).to_contain_text("The NHS number is not a valid NHS number")
    assert not Person.objects.filter(case_system_id=case_id).exists()
    admin.get_by_role("button", name="Import only the 1 valid row").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Import of las-nightly.csv")
    # The import runs on the worker: the page updates itself with JavaScript, and is refreshed by hand without.
    for _ in range(30):
        if javascript or admin.locator("#run-summary").count():
            break
        admin.wait_for_timeout(500)
        admin.get_by_role("link", name="refresh the page").click()
    expect(admin.locator("#run-summary")).to_contain_text(re.compile(r"People added\s*1\s*People updated"))
    expect(admin.locator("#import-problems")).to_contain_text("The NHS number is not a valid NHS number")

    # Tom finds Win by the case system's id, and sees the same ids as the case system.
    tom = sign_in("practitioner@demo.example", javascript=javascript)
    tom.get_by_role("link", name="Go to the caseload").click()
    tom.get_by_label("Case system ID or NHS number").fill(case_id)
    tom.get_by_role("button", name="Search").click()
    expect(tom.locator("#caseload-table tbody tr")).to_have_count(1)
    tom.get_by_role("link", name="Winifred Nuttall").click()
    expect(tom.get_by_role("heading", level=1)).to_have_text("Winifred Nuttall")
    expect(tom.locator("#case-system-id")).to_contain_text(case_id)
    expect(tom.locator("#nhs-number")).to_contain_text(nhs_number)
