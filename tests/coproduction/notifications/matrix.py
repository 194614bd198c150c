"""Messages and preferences pages in the authorization matrix.

Everyone signed in has their own Messages and preferences. world["message"] is the PERSON
user's: nobody else may open it (a 404: that it exists is private). The practitioner and team
manager who work with world["person"] may set how that person hears; administrators alone see
the sent-log and send a failed message again."""

from coproduction.accounts.models import Role
from tests.harness.matrix import Expect, Row, only, signed_in

ROWS: list[Row] = [
    Row("notifications:message_list", signed_in()),
    Row("notifications:message_detail", only(Role.PERSON), kwargs=lambda world: {"message_id": world["message"].pk}),
    Row("notifications:message_mark", signed_in(Expect.METHOD_NOT_ALLOWED), kwargs=lambda world: {"message_id": world["message"].pk}),
    Row("notifications:preferences", signed_in()),
    Row("notifications:person_preferences", only(Role.PRACTITIONER, Role.TEAM_MANAGER),
        kwargs=lambda world: {"person_id": world["person"].pk}),
    Row("notifications:delivery_list", only(Role.ADMINISTRATOR)),
    Row("notifications:delivery_retry", signed_in(Expect.METHOD_NOT_ALLOWED),
        kwargs=lambda world: {"delivery_id": world["failed_delivery"].pk}),
]
