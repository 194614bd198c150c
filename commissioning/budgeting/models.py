"""Participatory budgeting: local people propose ideas, named reviewers check they can be
done, eligible people vote in secret, and the organiser publishes who won. Each funded idea
becomes a decision in the programme's decisions log, so anyone can follow it onwards."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from commissioning.models import Activity, Decision, Programme
from coproduction.core.names import NameField


class Round(models.Model):
    class Phase(models.TextChoices):
        PROPOSALS = "proposals", "Sharing ideas"
        REVIEW = "review", "Checking ideas can be done"
        VOTING = "voting", "Voting"
        RESULTS = "results", "Results"

    class Eligibility(models.TextChoices):
        MEMBERS = "members", "Members of the co-production group"
        RESIDENTS = "residents", "Local residents: anyone who registers, or who holds a paper voting code"

    class BallotRule(models.TextChoices):
        KNAPSACK = "knapsack", "Choose ideas that fit in the budget"
        APPROVAL = "approval", "Choose a number of ideas"
        POINTS = "points", "Share out points between ideas"

    class Method(models.TextChoices):
        GREEDY = "greedy", "Most votes first, while the money lasts"
        EQUAL_SHARES = "equal_shares", "Method of Equal Shares (fair to groups with different wishes)"

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="pb_rounds")
    # RESTRICT: an activity cannot be deleted from under its round, but deleting the programme
    # removes both.
    activity = models.OneToOneField(Activity, on_delete=models.RESTRICT, related_name="pb_round")
    title = NameField(max_length=200)
    description = models.TextField(help_text="In plain English: what the money is for and who can take part.")
    phase = models.CharField(max_length=10, choices=Phase, default=Phase.PROPOSALS)
    eligibility = models.CharField(max_length=10, choices=Eligibility, default=Eligibility.MEMBERS)
    # The ballot rule and its parameters: locked once voting opens (changing them mid-vote
    # let people over-vote elsewhere).
    ballot_rule = models.CharField(max_length=10, choices=BallotRule, default=BallotRule.KNAPSACK)
    min_spend_percent = models.PositiveSmallIntegerField(default=0)
    min_choices = models.PositiveSmallIntegerField(default=1)
    max_choices = models.PositiveSmallIntegerField(default=3)
    points_total = models.PositiveSmallIntegerField(default=10)
    points_per_idea = models.PositiveSmallIntegerField(default=5)
    method = models.CharField(max_length=15, choices=Method, default=Method.GREEDY)
    # Where a residents' round's voters must live, as the council defines it: postcode
    # districts or sectors typed in ("LA1-LA23, LA8 9"), and/or a local authority code looked
    # up in the council's imported postcode list (AreaPostcode). Both empty: no check.
    area_name = NameField(max_length=100, blank=True, help_text="For example “Kendal”.")
    area_postcodes = models.TextField(blank=True)
    area_code = models.CharField(max_length=9, blank=True)
    reviewers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="pb_rounds_reviewing")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    voting_closed_at = models.DateTimeField(null=True, blank=True)
    results_published_at = models.DateTimeField(null=True, blank=True)
    results_published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")

    class Meta:
        ordering = ["programme", "-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def results_published(self) -> bool:
        return self.results_published_at is not None

    @property
    def rule_locked(self) -> bool:
        return self.phase in (self.Phase.VOTING, self.Phase.RESULTS)

    @property
    def uses_money(self) -> bool:
        return self.ballot_rule == self.BallotRule.KNAPSACK


class Pot(models.Model):
    """Money to share out, for example one pot per locality. Whole pounds."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="pots")
    name = NameField(max_length=120)
    amount = models.PositiveIntegerField()

    class Meta:
        ordering = ["round_id", "name"]
        constraints = [models.UniqueConstraint(fields=["round", "name"], name="pot_name_unique_in_round")]

    def __str__(self) -> str:
        return self.name


class Proposal(models.Model):
    class Feasibility(models.TextChoices):
        PENDING = "pending", "Not checked yet"
        FEASIBLE = "feasible", "Can be done"
        NOT_FEASIBLE = "not_feasible", "Cannot be done"

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="proposals")
    pot = models.ForeignKey(Pot, on_delete=models.RESTRICT, related_name="proposals")
    title = NameField(max_length=150)
    description = models.TextField()
    easy_read = models.TextField(blank=True)
    cost = models.PositiveIntegerField(help_text="Whole pounds.")
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="pb_proposals")
    created_at = models.DateTimeField(default=timezone.now)
    feasibility = models.CharField(max_length=15, choices=Feasibility, default=Feasibility.PENDING)
    feasibility_reason = models.TextField(blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # Where a funded idea goes next: its entry in the programme's decisions log.
    decision = models.ForeignKey(Decision, on_delete=models.SET_NULL, null=True, blank=True, related_name="pb_proposals")

    class Meta:
        ordering = ["round", "pk"]
        indexes = [models.Index(fields=["round", "feasibility", "pot"])]

    def __str__(self) -> str:
        return self.title


class Registration(models.Model):
    """A resident with an account who registered to vote in a round (light: a postcode)."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="pb_registrations")
    # Normalised ("LA9 4DL"), and only while the round needs it: wiped when voting closes.
    postcode = models.CharField(max_length=8, blank=True)
    # The resident asked to be told when voting opens and when the results are published.
    wants_updates = models.BooleanField(default=False)
    registered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "user"], name="one_registration_per_round")]


class AreaPostcode(models.Model):
    """One postcode from the council's extract of the ONS Postcode Directory, with the local
    authority it is in: who may vote in a round limited to that authority."""

    postcode = models.CharField(max_length=8, unique=True)  # normalised, "LA9 4DL"
    area_code = models.CharField(max_length=9, db_index=True)  # for example E07000031

    class Meta:
        ordering = ["postcode"]

    def __str__(self) -> str:
        return self.postcode


class VotingCode(models.Model):
    """A paper voting code for someone without an account or email. Only a keyed hash is kept:
    the code itself is printed once and never stored or put in a URL."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="codes")
    digest = models.CharField(max_length=64, unique=True)
    serial = models.PositiveIntegerField()  # printed beside the code, to find a slip again
    # The print job that made it: printing the same job again replaces its unused codes.
    print_job_id = models.UUIDField(null=True, blank=True, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)
    used_on_paper = models.BooleanField(default=False)

    class Meta:
        ordering = ["round", "serial"]
        constraints = [models.UniqueConstraint(fields=["round", "serial"], name="code_serial_unique_in_round")]


class Voter(models.Model):
    """That someone voted in a pot (the turnout), never what they chose: see Ballot."""

    class Via(models.TextChoices):
        ONLINE = "online", "Online"
        PAPER = "paper", "On paper"

    pot = models.ForeignKey(Pot, on_delete=models.CASCADE, related_name="voters")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, blank=True, related_name="pb_votes")
    code = models.ForeignKey(VotingCode, on_delete=models.CASCADE, null=True, blank=True, related_name="voters")
    via = models.CharField(max_length=10, choices=Via, default=Via.ONLINE)
    voted_on = models.DateField(default=timezone.localdate)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pot", "user"], condition=models.Q(user__isnull=False), name="one_vote_per_user_per_pot"),
            models.UniqueConstraint(fields=["pot", "code"], condition=models.Q(code__isnull=False), name="one_vote_per_code_per_pot"),
            models.CheckConstraint(condition=models.Q(user__isnull=False) ^ models.Q(code__isnull=False), name="voter_is_user_or_code"),
        ]


class Ballot(models.Model):
    """What was chosen, with nothing that says by whom.

    The secret ballot: a Ballot has no link to its Voter or user. Its `key` is a keyed hash
    (HMAC with the server's secret, which is not in the database) of the pot and the voter's
    user or code id, so only the voter's own request can find the ballot again to change it.
    The random id and the missing timestamp stop ballots being matched to Voter rows by order
    or time. When voting closes every key is wiped, after which nobody, even with the secret,
    can tell whose ballot is whose."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    pot = models.ForeignKey(Pot, on_delete=models.CASCADE, related_name="ballots")
    key = models.CharField(max_length=64, null=True, blank=True, unique=True)


class BallotChoice(models.Model):
    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="choices")
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="ballot_choices")
    points = models.PositiveSmallIntegerField(default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["ballot", "proposal"], name="one_choice_per_proposal")]
        indexes = [models.Index(fields=["proposal"], include=["points"], name="ballot_choice_tally_idx")]


class Count(models.Model):
    """Counting a round's votes after it closes; large Equal Shares counts run in the background."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Being worked out"
        DONE = "done", "Done"
        FAILED = "failed", "Could not be worked out"

    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="count")
    status = models.CharField(max_length=10, choices=Status, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=300, blank=True)
    ballots = models.PositiveIntegerField(default=0)
    voters_online = models.PositiveIntegerField(default=0)
    voters_paper = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)


class Result(models.Model):
    """One proposal's votes, as counted in SQL when voting closed, and whether it is funded."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="results")
    proposal = models.OneToOneField(Proposal, on_delete=models.CASCADE, related_name="result")
    votes = models.PositiveIntegerField(default=0)  # points under the points rule
    voters = models.PositiveIntegerField(default=0)
    rank = models.PositiveIntegerField()
    funded_by_votes = models.BooleanField(default=False)
    equal_shares_order = models.PositiveIntegerField(null=True, blank=True)
    funded = models.BooleanField(default=False)

    class Meta:
        ordering = ["round", "proposal__pot__name", "rank"]
