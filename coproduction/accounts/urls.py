from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("home/", views.home, name="home"),
    path("home/<slug:role>/", views.role_home, name="role_home"),
    path("accounts/login/", views.SignInView.as_view(), name="login"),
    path("accounts/logout/", views.SignOutView.as_view(), name="logout"),
    path("accounts/two-factor/", views.mfa, name="mfa"),
    path("accounts/session/extend/", views.session_extend, name="session_extend"),
    path("accounts/password/reset/", views.password_reset, name="password_reset"),
    path("accounts/password/reset/sent/", views.password_reset_done, name="password_reset_done"),
    path("accounts/password/reset/done/", views.password_reset_complete, name="password_reset_complete"),
    path("accounts/password/reset/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("accounts/password/change/", views.password_change, name="password_change"),
    path("accounts/password/change/done/", views.password_change_done, name="password_change_done"),
]
