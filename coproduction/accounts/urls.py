from django.urls import path

from . import manage_views, provider_views, views

app_name = "accounts"
urlpatterns = [
    path("home/", views.home, name="home"),
    path("home/<slug:role>/", views.role_home, name="role_home"),
    path("accounts/login/", views.SignInView.as_view(), name="login"),
    path("accounts/logout/", views.SignOutView.as_view(), name="logout"),
    path("accounts/council-sign-in/", provider_views.ProviderSignInView.as_view(), name="sso_start"),
    path("accounts/council-sign-in/callback/", provider_views.ProviderCallbackView.as_view(), name="sso_callback"),
    path("accounts/council-sign-in/invitation/<str:token>/", provider_views.invitation, name="sso_invitation"),
    path("accounts/two-factor/", views.mfa, name="mfa"),
    path("accounts/session/extend/", views.session_extend, name="session_extend"),
    path("accounts/password/reset/", views.password_reset, name="password_reset"),
    path("accounts/password/reset/sent/", views.password_reset_done, name="password_reset_done"),
    path("accounts/password/reset/done/", views.password_reset_complete, name="password_reset_complete"),
    path("accounts/password/reset/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("accounts/password/change/", views.password_change, name="password_change"),
    path("accounts/password/change/done/", views.password_change_done, name="password_change_done"),
    path("manage/accounts/", manage_views.user_list, name="user_list"),
    path("manage/accounts/add/", manage_views.user_add, name="user_add"),
    path("manage/accounts/<int:user_id>/", manage_views.user_edit, name="user_edit"),
    path("manage/accounts/<int:user_id>/reset-two-factor/", manage_views.user_reset_two_factor, name="user_reset_two_factor"),
    path("manage/accounts/<int:user_id>/sign-out-everywhere/", manage_views.user_sign_out_everywhere, name="user_sign_out_everywhere"),
    path("manage/accounts/<int:user_id>/invite-council-sign-in/", manage_views.user_invite_council_sign_in, name="user_invite_council_sign_in"),
    path("manage/council-groups/", manage_views.group_mapping_list, name="group_mapping_list"),
    path("manage/council-groups/<int:mapping_id>/remove/", manage_views.group_mapping_remove, name="group_mapping_remove"),
    path("manage/teams/", manage_views.team_list, name="team_list"),
]
