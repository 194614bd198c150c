"""Who may vote in a residents' round: a postcode inside the round's area, kept only while
the round needs it."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from commissioning.budgeting import services
from commissioning.budgeting.models import AreaPostcode, Registration, Round
from tests.commissioning.budgeting.factories import AreaPostcodeFactory, PotFactory, ProposalFactory, RoundFactory
from tests.commissioning.factories import ProgrammeFactory
from tests.coproduction.accounts.factories import UserFactory
from tests.harness.bad_input import assert_bad_input


def _url(name, round_, **kwargs):
    return reverse(f"budgeting:{name}", kwargs={"programme_id": round_.programme_id, "round_id": round_.pk, **kwargs})


@pytest.fixture
def kendal_round(commissioner):
    programme = ProgrammeFactory(lead=commissioner, visibility="public")
    round_ = RoundFactory(
        programme=programme, phase=Round.Phase.VOTING, eligibility=Round.Eligibility.RESIDENTS,
        area_name="Kendal", area_postcodes="LA8 9, LA9",
    )
    pot = PotFactory(round=round_, name="Town", amount=10_000)
    ProposalFactory(pot=pot, title="Art club", cost=4_000)
    return round_


def test_a_postcode_outside_the_area_is_refused_with_where_voters_must_live(client_as, kendal_round):
    client = client_as(UserFactory())
    url = _url("register", kendal_round)
    page = client.get(url).content.decode()
    assert "Only people who live in Kendal (postcodes LA8 9, LA9) can vote in this round." in page
    assert_bad_input(
        client, url, {"postcode": "sw1a1aa"},
        errors=["SW1A 1AA is not in Kendal. Only people who live in Kendal (postcodes LA8 9, LA9) can vote in this round."],
        kept=["postcode"], unchanged=Registration.objects.count,
    )
    assert_bad_input(client, url, {"postcode": "LA8 8AA"}, errors=["LA8 8AA is not in Kendal. Only people who live in Kendal (postcodes LA8 9, LA9) can vote in this round."],
                     kept=["postcode"], unchanged=Registration.objects.count)


def test_a_bad_postcode_is_refused(client_as, kendal_round):
    assert_bad_input(client_as(UserFactory()), _url("register", kendal_round), {"postcode": "LA9"},
                     errors=["Enter a real postcode, like LA9 4DL"], kept=["postcode"], unchanged=Registration.objects.count)


def test_a_postcode_inside_is_kept_normalised_and_wiped_when_voting_closes(client_as, kendal_round, commissioner):
    resident, neighbour = UserFactory(), UserFactory()
    assert client_as(resident).post(_url("register", kendal_round), {"postcode": "la94dl"}).status_code == 302
    assert client_as(neighbour).post(_url("register", kendal_round), {"postcode": "LA8 9AB"}).status_code == 302  # in the sector
    assert sorted(Registration.objects.values_list("postcode", flat=True)) == ["LA8 9AB", "LA9 4DL"]
    services.round_move_on(round_=kendal_round, by=commissioner)
    assert list(Registration.objects.values_list("postcode", flat=True)) == ["", ""]
    assert Registration.objects.count() == 2  # who registered stays: the round's turnout needs it


def test_a_round_limited_to_a_local_authority_reads_the_councils_postcode_list(client_as, kendal_round):
    Round.objects.filter(pk=kendal_round.pk).update(area_postcodes="", area_name="Westmorland and Furness", area_code="E06000064")
    kendal_round.refresh_from_db()
    AreaPostcodeFactory(postcode="LA9 4PY", area_code="E06000064")
    AreaPostcodeFactory(postcode="LA1 1AA", area_code="E07000121")
    client = client_as(UserFactory())
    assert_bad_input(client, _url("register", kendal_round), {"postcode": "LA1 1AA"},
                     errors=["LA1 1AA is not in Westmorland and Furness. Only people who live in Westmorland and Furness can vote in this round."],
                     kept=["postcode"], unchanged=Registration.objects.count)
    assert client.post(_url("register", kendal_round), {"postcode": "LA9 4PY"}).status_code == 302


def test_area_postcodes_are_read_as_districts_sectors_and_ranges():
    area = services.area_parse("LA1-LA3, la8 9\nCA10")
    assert area.districts == {"LA1", "LA2", "LA3", "CA10"} and area.sectors == {"LA8 9"}
    assert services.area_parse("LA1–LA23").districts == {f"LA{n}" for n in range(1, 24)}


def test_the_organiser_is_told_when_the_area_cannot_be_read(client_as, commissioner):
    round_ = RoundFactory(programme=ProgrammeFactory(lead=commissioner), phase=Round.Phase.PROPOSALS)
    data = {
        "title": "Fund", "description": "Money", "eligibility": "residents", "ballot_rule": "approval", "method": "greedy",
        "min_spend_percent": 0, "min_choices": 1, "max_choices": 3, "points_total": 10, "points_per_idea": 5,
        "area_name": "Kendal", "area_postcodes": "LA9, Kendal town", "area_code": "E0600",
    }
    assert_bad_input(
        client_as(commissioner), _url("round_settings", round_), data,
        errors=[
            "“Kendal town” is not a postcode district or sector. Use districts like LA9, sectors like LA9 4 or ranges like LA1-LA23",
            "Enter a local authority code of a letter and 8 numbers, like E06000064",
        ],
        kept=["area_postcodes", "area_code"], unchanged=lambda: Round.objects.values_list("area_postcodes", "area_code").get(pk=round_.pk),
    )


SAMPLE = "pcds,oslaua,lat\nLA9 4DL,E06000064,54.3\nla94py,E06000064,54.3\nLA1 1AA,E07000121,54.0\nNOT A CODE,E06000064,54\nLA9 5AB,,54.3\n"


def _run(tmp_path, *args):
    file = tmp_path / "extract.csv"
    file.write_text(SAMPLE, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command("import_area_postcodes", str(file), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_a_dry_run_import_checks_the_file_and_saves_nothing(db, tmp_path):
    out, err = _run(tmp_path, "--dry-run", "--area", "E06000064")
    assert "Would import 2 postcodes from 5 rows; left out 2 rows with problems." in out and "nothing was saved" in out
    assert "Row 5: “NOT A CODE” is not a UK postcode" in err and "Row 6: no local authority code" in err
    assert AreaPostcode.objects.count() == 0


def test_the_import_saves_the_councils_postcodes_and_can_run_again(db, tmp_path):
    out, _ = _run(tmp_path, "--area", "E06000064")
    assert "Imported 2 postcodes" in out
    _run(tmp_path, "--area", "E06000064")
    assert sorted(AreaPostcode.objects.values_list("postcode", "area_code")) == [("LA9 4DL", "E06000064"), ("LA9 4PY", "E06000064")]


def test_the_import_refuses_a_file_without_the_ons_columns(db, tmp_path):
    file = tmp_path / "wrong.csv"
    file.write_text("name,town\nAl,Kendal\n", encoding="utf-8")
    with pytest.raises(CommandError, match="pcds"):
        call_command("import_area_postcodes", str(file), stdout=io.StringIO())
    assert AreaPostcode.objects.count() == 0


def test_the_shipped_sample_imports(db):
    out = io.StringIO()
    call_command("import_area_postcodes", stdout=out)
    assert AreaPostcode.objects.filter(area_code="E06000064", postcode="LA9 4DL").exists()
