from django.urls import path

from . import consent_views

urlpatterns: list = [
    path("people/<int:person_id>/consents/", consent_views.consent_register, name="consent_register"),
    path("your-consents/", consent_views.my_consents, name="my_consents"),
    path("consents/<int:consent_id>/withdraw/", consent_views.consent_withdraw, name="consent_withdraw"),
]
