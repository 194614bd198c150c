"""{% access_needs_of records %}: the access and communication needs, from their involvement
profiles, of the people behind a list of records (users, group members or invitations), for an
organiser's page. One query, and one audit insert."""

from django import template

from commissioning.involvement import selectors, services

register = template.Library()


def _user_of(record):
    for path in ("member.user", "user", ""):
        value = record
        for part in filter(None, path.split(".")):
            value = getattr(value, part, None)
        if value is not None and hasattr(value, "display_name"):
            return value
    return None


@register.inclusion_tag("involvement/partials/access_needs.html", takes_context=True)
def access_needs_of(context, records, heading="What helps them take part (from their involvement profiles)", heading_level=2):
    users = [user for user in map(_user_of, records) if user is not None]
    needs = selectors.access_needs_for(user.pk for user in users)
    request = context.get("request")
    if users and request is not None:
        services.access_needs_audit_read(user_ids=[user.pk for user in users], by=request.user, request=request)
    return {"people": [(user.display_name, needs[user.pk]) for user in users], "heading": heading, "heading_level": heading_level}
