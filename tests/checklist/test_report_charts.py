"""The charts in the team and council PDF reports look like the dashboard's: each perspective in
its own colours, no shape printed solid black, every label whole, and a caption that names what
is drawn. Each test renders the real PDF through the report's view and job, then reads the
chart's page back as pixels (pdftoppm) and as placed words (pdftotext)."""

import datetime
import subprocess

from django.urls import reverse
from django.utils import timezone

from checklist.models import Perspective
from coproduction.accounts.models import Role
from coproduction.reports import services as report_services
from coproduction.reports.models import ReportJob
from tests.careplans.factories import CarePlanFactory, PersonFactory
from tests.checklist.factories import submitted_checklist
from tests.harness.pdf_pages import crop_points, page_image, pdf_pages, pixels_near, solid_black_pixels

BLUE, ORANGE = "#1d70b8", "#f47738"  # GOV.UK blue and orange, as on the dashboard


def _people_answer(team, *, people: int, scores_by_quarter: list[tuple[int, int]]):
    """Each person and their practitioner answer once a quarter, oldest quarter first."""
    today = timezone.localdate()
    this_quarter = today.year * 4 + (today.month - 1) // 3
    for _ in range(people):
        person = PersonFactory(team=team)
        plan = CarePlanFactory(person=person, version=1, status="agreed")
        for quarters_ago, (person_score, practitioner_score) in enumerate(reversed(scores_by_quarter)):
            year, quarter = divmod(this_quarter - quarters_ago, 4)
            on = today if quarters_ago == 0 else datetime.date(year, quarter * 3 + 2, 15)  # mid-quarter
            submitted_checklist(person=person, plan=plan, scores=[person_score] * 10, on=on)
            submitted_checklist(person=person, perspective=Perspective.PRACTITIONER, plan=plan, scores=[practitioner_score] * 10, on=on)


def _report(client_as, user, data) -> ReportJob:
    client_as(user).post(reverse("checklist:report"), {"kind": "pdf", **data})
    job = ReportJob.objects.get(requested_by=user)
    report_services.report_job_render(job=job)
    return job


def _chart(job: ReportJob, *, heading: str):
    """The chart's page, the box between its heading and its caption (in points), and that
    box's pixels."""
    page = next(page for page in pdf_pages(job.file.path) if page.find(heading))
    top = page.find(heading)
    below = page.find("People:", below=top)
    box = (top.left, top.bottom, page.width - top.left, below.top)
    pixels = crop_points(page_image(job.file.path, page.number), box)
    return page, box, pixels


def _words_inside(page, box):
    _, top, _, bottom = box
    return [word for word in page.words if word.top >= top and word.bottom <= bottom]


def _cut_off(page, box) -> list[str]:
    """The chart's words that reach outside the page's text column, where the chart is cut off."""
    left, _, right, _ = box
    return [word.text for word in _words_inside(page, box) if word.left < left - 0.5 or word.right > right + 0.5]


def _layout_text(job: ReportJob, page) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(page.number), "-l", str(page.number), job.file.path, "-"],
        capture_output=True, check=True, text=True,
    ).stdout


def test_the_team_reports_bar_chart_prints_in_the_dashboards_colours_with_whole_labels(client_as, team_manager, team, settings):
    settings.CHECKLIST_MIN_GROUP_SIZE = 3
    _people_answer(team, people=3, scores_by_quarter=[(3, 4)])
    job = _report(client_as, team_manager, {"team": team.pk, "period": "12m"})
    page, box, pixels = _chart(job, heading="Average rating by statement")

    # Twenty bars: ten blue (people), ten orange (practitioners), none solid black.
    assert pixels_near(pixels, BLUE) > 1000 and pixels_near(pixels, ORANGE) > 1000
    assert solid_black_pixels(pixels) == 0
    # Every label sits inside the page's text column, and reads whole.
    assert _cut_off(page, box) == []
    assert "10 Practitioners" in _layout_text(job, page)
    caption = " ".join(_layout_text(job, page).split())
    assert "People: the upper bar of each pair, solid blue. Practitioners: the lower bar, orange with a black outline." in caption


def test_the_council_reports_trend_chart_prints_solid_and_dashed_lines_not_filled_shapes(client_as, users, team, settings):
    settings.CHECKLIST_MIN_GROUP_SIZE = 3
    # Up, down and up again: a line drawn filled would print as a wedge between the quarters.
    _people_answer(team, people=3, scores_by_quarter=[(2, 4), (4, 3), (3, 5)])
    job = _report(client_as, users[Role.HEAD_OF_SERVICE], {"team": "", "period": "all"})
    page, box, pixels = _chart(job, heading="Trend by quarter")

    # The people's blue line and points, the practitioners' orange points (on their dashed line),
    # and no line filled in black.
    assert pixels_near(pixels, BLUE) > 150 and pixels_near(pixels, ORANGE) > 6
    assert solid_black_pixels(pixels) == 0
    assert _cut_off(page, box) == []
    assert len([word for word in _words_inside(page, box) if word.text in ("Q1", "Q2", "Q3", "Q4")]) == 3
    caption = " ".join(_layout_text(job, page).split())
    assert "People: a solid blue line with round blue points. Practitioners: a dashed black line with square orange points" in caption
