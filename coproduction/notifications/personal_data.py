from coproduction.core.personal_data import register

from .models import Delivery, Message, Preference

register(
    Preference,
    title="How we contact you",
    user_paths=["user"],
    fields=[
        ("How you hear from us", "channel"),
        ("Topics switched off", "topics_off"),
        ("Mobile number", "mobile_number"),
        ("Postal address", "address"),
        ("Postcode", "postcode"),
        ("Last changed", "updated_at"),
    ],
)
register(
    Message,
    title="Your messages",
    user_paths=["recipient"],
    fields=[("Subject", "subject"), ("Message", "body"), ("Sent", "created_at"), ("Read", "read_at")],
    order_by=["-created_at"],
)
register(
    Delivery,
    title="Messages sent to you by email, text or letter",
    user_paths=["message__recipient"],
    fields=[("Subject", "message__subject"), ("How", "channel"), ("When", "created_at"), ("Status", "status")],
    order_by=["-created_at"],
    limit=1000,
)
