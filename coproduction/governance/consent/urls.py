from django.urls import path

from . import views

urlpatterns: list = [
    path("people/<int:person_id>/consents/", views.consent_register, name="consent_register"),
    path("your-consents/", views.my_consents, name="my_consents"),
    path("consents/<int:consent_id>/withdraw/", views.consent_withdraw, name="consent_withdraw"),
]
