"""Every CSV file the service makes quotes a cell a spreadsheet would run as a formula, and
leaves numbers as numbers. Each kind of file is fetched the way people get it, then read back."""

import csv
import io
from datetime import timedelta
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.urls import reverse
from django.utils import timezone

from checklist.reports import _csv as checklist_totals_csv
from commissioning.budgeting import services as budgeting_services
from commissioning.budgeting.models import Round
from commissioning.involvement.services import claim_approve
from commissioning.models import MemberRole
from coproduction.core.csv_files import csv_text, safe_cell
from coproduction.core.personal_data import ExportSection
from coproduction.governance.sar.export import _csv_bytes as subject_access_csv
from tests.commissioning.budgeting.factories import PotFactory, ProposalFactory, RoundFactory
from tests.commissioning.factories import ActivityFactory, GroupMemberFactory, ProgrammeFactory
from tests.commissioning.involvement.factories import ClaimFactory, InvolvementProfileFactory
from tests.commissioning.priorities.factories import IndicatorFactory, OutcomeFactory

FORMULA = '=HYPERLINK("http://evil.example","Click")'


def _rows(content: bytes | str) -> list[list[str]]:
    text = content.decode("utf-8-sig") if isinstance(content, bytes) else content.lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text)))


@pytest.mark.parametrize("value, written", [
    ("=1+1", "'=1+1"), ("+44 1234", "'+44 1234"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tTab", "'\tTab"), ("\rReturn", "'\rReturn"), ("Plain words", "Plain words"), ("", ""), (None, ""),
    (-5, -5), (Decimal("-12.50"), Decimal("-12.50")), (-0.5, -0.5),
])
def test_only_text_that_could_run_as_a_formula_is_quoted(value, written):
    assert safe_cell(value) == written


def test_a_negative_figure_reads_back_as_a_number_and_typed_text_does_not():
    assert _rows(csv_text([["Change", "Note"], [Decimal("-3.25"), "-3.25"]]))[1] == ["-3.25", "'-3.25"]


@pytest.fixture
def programme(commissioner, person, carer):
    programme = ProgrammeFactory(title="Day opportunities 2027", lead=commissioner)
    GroupMemberFactory(programme=programme, user=person, member_role=MemberRole.LIVED_EXPERIENCE)
    GroupMemberFactory(programme=programme, user=carer, member_role=MemberRole.CARER)
    return programme


def test_the_outcomes_framework_download_quotes_a_formula(client_as, carer, programme):
    outcome = OutcomeFactory(programme=programme, title=FORMULA, description="-5 people waiting")
    IndicatorFactory(outcome=outcome, name="@risk", how_measured="+ a survey")
    response = client_as(carer).get(reverse("priorities:outcome_framework_csv", kwargs={"programme_id": programme.pk}))
    row = _rows(response.content)[1]
    assert row[:4] == ["'" + FORMULA, "'-5 people waiting", "'@risk", "'+ a survey"]


def test_the_budgeting_results_download_quotes_a_formula_and_keeps_figures(client_as, commissioner, person, programme):
    round_ = RoundFactory(programme=programme, phase=Round.Phase.VOTING)
    pot = PotFactory(round=round_, name="-North", amount=10_000)
    idea = ProposalFactory(pot=pot, title=FORMULA, cost=4_000)
    client_as(person).post(reverse("budgeting:ballot", kwargs={"programme_id": programme.pk, "round_id": round_.pk, "pot_id": pot.pk}),
                           {"proposals": [idea.pk]})
    budgeting_services.round_move_on(round_=round_, by=commissioner)
    budgeting_services.results_publish(round_=round_, by=commissioner)
    response = client_as(commissioner).get(reverse("budgeting:results_csv", kwargs={"programme_id": programme.pk, "round_id": round_.pk}))
    row = _rows(response.content)[1]
    assert row[0] == "'-North" and row[2] == "'" + FORMULA and row[3] == "4000"


def test_the_payment_file_quotes_a_formula_in_a_name_and_keeps_amounts(client_as, commissioner, person, programme):
    person.full_name = "-Al Marsh"
    person.save(update_fields=["full_name"])
    activity = ActivityFactory(programme=programme, title=FORMULA, recorded_by=commissioner,
                               happened_on=timezone.localdate() - timedelta(days=3))
    activity.participants.add(programme.members.get(user=person))
    claim = ClaimFactory(claimant=person, activity=activity, category="travel", amount="6.20")
    claim_approve(claim=claim, by=commissioner)
    client = client_as(commissioner)
    client.post(reverse("involvement:payment_export"))
    claim.refresh_from_db()
    response = client.get(reverse("involvement:payment_file", kwargs={"export_id": claim.export_id}))
    row = _rows(response.content)[1]
    assert row[3] == "'-Al Marsh" and row[6] == "'" + FORMULA and row[10] == "6.20"


def test_the_involvement_profile_download_quotes_a_formula(client_as, person):
    InvolvementProfileFactory(user=person, contact_notes="-call after 5")
    response = client_as(person).get(reverse("involvement:profile_download", kwargs={"file_format": "csv"}))
    assert dict(_rows(response.content))["More about contacting you"] == "'-call after 5"


def test_the_asset_import_template_has_no_unquoted_formula_and_keeps_a_negative_longitude(client_as, commissioner):
    response = client_as(commissioner).get(reverse("assets:asset_import_template"))
    header, example = _rows(response.content)
    for cell in header + example:
        if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
            float(cell)  # only a figure may start like a formula
    assert dict(zip(header, example))["longitude"] == "-2.7460"


def test_a_subject_access_csv_quotes_a_formula():
    section = ExportSection(title="Plans", explanation="", headings=["What matters", "Rating"], rows=[[FORMULA, 3]],
                            model_label="careplans.plan")
    assert _rows(subject_access_csv(section))[1] == ["'" + FORMULA, "3"]


def test_the_checklist_totals_csv_quotes_a_formula_and_keeps_a_negative_gap():
    cell = SimpleNamespace(suppressed=False, answered=6, average=Decimal("3.5"), bars=[(n, 1, "") for n in range(5)], skipped=1)
    result = SimpleNamespace(statement=SimpleNamespace(number=1, plain_wording=FORMULA), person_and_practitioner=[("-People", cell)],
                             gap_suppressed=False, gap=Decimal("-0.5"), gap_plans=6)
    context = {"scope_title": "North", "period_label": "Last 12 months", "min_group": 5, "results": [result]}
    row = _rows(checklist_totals_csv(context))[3]
    assert row[1:3] == ["'" + FORMULA, "'-People"] and row[-2:] == ["-0.5", "6"]


def test_no_module_writes_csv_except_through_the_safe_writer():
    """A new download written with csv.writer directly would skip the quoting above."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    writers = []
    for package in ("careplans", "checklist", "commissioning", "coproduction"):
        for path in (root / package).rglob("*.py"):
            if path.name == "csv_files.py" or "migrations" in path.parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                if "csv.writer(" in line or "csv.DictWriter(" in line:
                    writers.append(f"{path.relative_to(root)}:{number}")
    assert writers == []
