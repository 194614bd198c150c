from coproduction.core.personal_data import exempt, register

from .models import AreaPostcode, Proposal, Registration, Round, Voter

register(
    Proposal,
    title="Ideas you shared for participatory budgeting",
    user_paths=["proposed_by"],
    fields=[
        ("Round", "round__title"),
        ("Idea", "title"),
        ("Description", "description"),
        ("Easy Read wording", "easy_read"),
        ("Cost", "cost"),
        ("Shared", "created_at"),
        ("Check", "feasibility"),
        ("Reason given", "feasibility_reason"),
    ],
    order_by=["-created_at"],
)
register(
    Registration,
    title="Registrations to vote in participatory budgeting",
    user_paths=["user"],
    fields=[("Round", "round__title"), ("Postcode", "postcode"), ("Told about voting and results", "wants_updates"), ("Registered", "registered_at")],
)
register(
    Voter,
    title="Participatory budgeting rounds you voted in",
    user_paths=["user"],
    fields=[("Round", "pot__round__title"), ("Pot", "pot__name"), ("How", "via"), ("Voted on", "voted_on")],
    explanation="Votes are secret: we keep that you voted, never what you chose.",
)
exempt(Round, reason="Records only which commissioner ran or published a round, and who reviewers are: part of the round's own record.")
exempt(AreaPostcode, reason="Postcodes of the council's area from the public ONS directory, tied to nobody.")
