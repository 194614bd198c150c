from coproduction.core.personal_data import exempt, register

from .models import Activity, Decision, DeliveryMilestone, DeliveryUpdate, GroupMember, Programme

register(
    GroupMember,
    title="Co-production groups you belong to",
    user_paths=["user"],
    fields=[
        ("Programme", "programme__title"),
        ("Your role in the group", "member_role"),
        ("Joined", "joined_on"),
        ("Left", "left_on"),
    ],
    order_by=["joined_on"],
)
exempt(Programme, reason="names the commissioner who leads it: their work, not a record about them")
exempt(Activity, reason="names the staff member who recorded it; who took part is in the group memberships")
exempt(Decision, reason="names the staff member who recorded it: their work, not a record about them")
exempt(DeliveryMilestone, reason="a step in carrying out a decision, with its dates: about the work, not a person")
exempt(DeliveryUpdate, reason="names the staff member who recorded the progress: their work, not a record about them")
