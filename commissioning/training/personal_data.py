from coproduction.core.personal_data import exempt, register

from .models import Booking, CoTrainer, SessionMaterial, TrainingCourse, TrainingSession

register(
    CoTrainer,
    title="Training you co-delivered",
    user_paths=["user"],
    fields=[("Training", "session__course__title"), ("Date", "session__date"), ("Hours delivering", "delivery_hours"),
            ("Hours preparing", "preparation_hours")],
    order_by=["-session__date"],
)
register(
    Booking,
    title="Training you were booked on",
    user_paths=["attendee"],
    fields=[("Training", "session__course__title"), ("Date", "session__date"), ("Came", "attended")],
    order_by=["-session__date"],
)
exempt(TrainingCourse, reason="a course's topic and audience; names only the staff member who added it")
exempt(TrainingSession, reason="a session's arrangements; co-trainers and attendees are in CoTrainer and Booking")
exempt(SessionMaterial, reason="handouts and slides for a session; names only the staff member who uploaded them")
