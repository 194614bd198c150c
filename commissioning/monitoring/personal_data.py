from coproduction.core.personal_data import exempt, register

from .models import (
    Action,
    Complaint,
    Contract,
    Finding,
    IndicatorReport,
    MeetingMember,
    MeetingPaper,
    MonitoringMeeting,
    MonitoringReturn,
    QualityCharacteristic,
    QualityFramework,
    QualityVisit,
    ReturnFigure,
)

register(
    MeetingMember,
    title="Monitoring meetings you are a member of",
    user_paths=["user"],
    fields=[
        ("Meeting", "meeting__title"),
        ("Service", "meeting__contract__service_name"),
        ("Date", "meeting__date"),
        ("Your part", "role"),
        ("Came", "attended"),
        ("Papers sent", "papers_sent_at"),
        ("Papers format", "papers_format"),
        ("Agreed the minutes", "minutes_agreed_at"),
    ],
    order_by=["-meeting__date"],
)
register(
    QualityVisit,
    title="Quality visits you were assigned to",
    user_paths=["assessors"],
    fields=[
        ("Service", "contract__service_name"),
        ("Kind of visit", "method"),
        ("Planned for", "planned_on"),
        ("Visited on", "visited_on"),
        ("Your overall view", "summary"),
        ("Status", "status"),
    ],
    order_by=["-planned_on"],
)
register(
    Finding,
    title="Your quality visit findings",
    user_paths=["recorded_by"],
    fields=[
        ("Service", "visit__contract__service_name"),
        ("Quality characteristic", "characteristic__title"),
        ("Rating", "rating"),
        ("What you saw and heard", "evidence"),
    ],
    order_by=["visit_id", "pk"],
)
register(
    Action,
    title="Monitoring actions you own",
    user_paths=["owner"],
    fields=[("Service", "contract__service_name"), ("Action", "description"), ("Due", "due_on"), ("Done", "done_on")],
    order_by=["due_on"],
)
register(
    IndicatorReport,
    title="Indicator figures and views you recorded at monitoring meetings",
    user_paths=["recorded_by"],
    fields=[("Meeting", "meeting__title"), ("Indicator", "indicator__name"), ("Figure", "figure"),
            ("Representatives' view", "representatives_view")],
    order_by=["-recorded_at"],
)
exempt(Contract, reason="a contract with an organisation; names the staff member who entered it: their work, not a record about them")
exempt(MonitoringMeeting, reason="a meeting's arrangements and minutes; members are in MeetingMember")
exempt(MeetingPaper, reason="papers for a meeting, added by staff as part of their work")
exempt(MonitoringReturn, reason="an organisation's figures, sent by its staff as part of their work")
exempt(ReturnFigure, reason="an organisation's figures: counts and what people said, without names")
exempt(QualityFramework, reason="a framework designed together; names the staff member who wrote it up")
exempt(QualityCharacteristic, reason="part of a quality framework: no one's personal data")
exempt(Complaint, reason="complaint themes and outcomes without names or details that identify anyone")
