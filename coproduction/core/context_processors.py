from django.conf import settings


def service(request) -> dict:
    return {
        "SERVICE_NAME": settings.SERVICE_NAME,
        "SERVICE_PHASE": settings.SERVICE_PHASE,
        "COUNCIL_NAME": settings.COUNCIL_NAME,
    }
