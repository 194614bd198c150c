from django.urls import path

from . import plan_views, views

app_name = "careplans"
urlpatterns = [
    path("", views.caseload, name="caseload"),
    path("add/", views.person_add, name="person_add"),
    path("my-plan/", plan_views.my_plan, name="my_plan"),
    path("review-themes/", views.review_themes, name="review_themes"),
    path("<int:person_id>/", views.person_detail, name="person_detail"),
    path("<int:person_id>/change/", views.person_edit, name="person_edit"),
    path("<int:person_id>/postcode/", views.person_postcode, name="person_postcode"),
    path("<int:person_id>/representatives/add/", views.representative_add, name="representative_add"),
    path(
        "<int:person_id>/representatives/<int:representative_id>/withdraw/",
        views.representative_withdraw,
        name="representative_withdraw",
    ),
    path("<int:person_id>/plan/", plan_views.plan_detail, name="plan_detail"),
    path("<int:person_id>/plan/start/", plan_views.plan_start, name="plan_start"),
    path("<int:person_id>/plan/agree/", plan_views.plan_agree, name="plan_agree"),
    path("<int:person_id>/plan/agree/own/", plan_views.plan_agree_own, name="plan_agree_own"),
    path("<int:person_id>/plan/versions/", plan_views.plan_versions, name="plan_versions"),
    path("<int:person_id>/plan/involvement/", plan_views.involvement, name="involvement"),
    path("<int:person_id>/plan/pdf/", plan_views.plan_pdf, name="plan_pdf"),
    path("<int:person_id>/plan/copies/", plan_views.plan_copies, name="plan_copies"),
    path("<int:person_id>/plan/review/", plan_views.review, name="review"),
    path("<int:person_id>/plan/review/statements/", plan_views.review_item_add, name="review_item_add"),
    path("<int:person_id>/plan/review/getting-ready/", plan_views.review_prepare, name="review_prepare"),
    path("<int:person_id>/plan/review/finish/", plan_views.review_finish, name="review_finish"),
    path("<int:person_id>/plan/reviews/<int:review_id>/agree/", plan_views.review_agree, name="review_agree"),
    path("<int:person_id>/plan/reviews/<int:review_id>/agree/own/", plan_views.review_agree_own, name="review_agree_own"),
    path("<int:person_id>/plan/conversation/", plan_views.conversation, name="conversation"),
    path("<int:person_id>/plan/sections/<slug:key>/", plan_views.section_edit, name="section_edit"),
    path("<int:person_id>/plan/sections/<slug:key>/comments/", plan_views.comment_add, name="comment_add"),
    path("<int:person_id>/plan/sections/<slug:key>/<slug:list_name>/add/", plan_views.item_add, name="item_add"),
    path(
        "<int:person_id>/plan/sections/<slug:key>/<slug:list_name>/<slug:item_id>/remove/",
        plan_views.item_remove,
        name="item_remove",
    ),
]
