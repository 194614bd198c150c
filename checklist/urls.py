from django.urls import path

from . import team_views, views
from .practice_groups import views as practice_views

app_name = "checklist"
urlpatterns = [
    path("", views.statements, name="statements"),
    path("start/", views.start_own, name="start"),
    path("people/<int:person_id>/start/", views.start_for_person, name="start_for_person"),
    path("people/<int:person_id>/compare/", views.person_compare, name="person_compare"),
    path("people/<int:person_id>/reviews/<int:review_id>/questions/", views.review_questions, name="review_questions"),
    path("reflect/", views.reflect, name="reflect"),
    path("reflection/", views.reflection, name="reflection"),
    path("reflection/<int:user_id>/", views.reflection, name="practitioner_reflection"),
    path("<int:checklist_id>/", views.fill, name="fill"),
    path("<int:checklist_id>/statement/<int:number>/", views.fill_one, name="fill_one"),
    path("<int:checklist_id>/check/", views.check, name="check"),
    path("<int:checklist_id>/delete/", views.discard, name="discard"),
    path("<int:checklist_id>/sent/", views.detail, name="detail"),
    path("dashboard/", team_views.dashboard, name="dashboard"),
    path("teams/", team_views.teams_side_by_side, name="teams"),
    path("teams/<int:team_id>/statements/<int:statement_id>/stories/", team_views.team_stories, name="team_stories"),
    path("stories/", team_views.shared_stories, name="shared_stories"),
    path("stories/<int:story_id>/share/", team_views.story_share, name="story_share"),
    path("goals/", team_views.goal_list, name="goals"),
    path("goals/add/", team_views.goal_add, name="goal_add"),
    path("goals/<int:goal_id>/", team_views.goal_detail, name="goal_detail"),
    path("surveys/", team_views.round_list, name="rounds"),
    path("surveys/open/", team_views.round_add, name="round_add"),
    path("surveys/<int:round_id>/", team_views.round_detail, name="round_detail"),
    path("reports/", team_views.report_request, name="report"),
    path("practice-groups/", practice_views.group_list, name="practice_groups"),
    path("practice-groups/start/", practice_views.group_add, name="practice_group_add"),
    path("practice-groups/<int:group_id>/", practice_views.group_detail, name="practice_group_detail"),
    path("practice-groups/<int:group_id>/members/add/", practice_views.member_add, name="practice_group_member_add"),
    path("practice-groups/<int:group_id>/members/<int:member_id>/leave/", practice_views.member_leave, name="practice_group_member_leave"),
    path("practice-groups/<int:group_id>/statement/", practice_views.statement_change, name="practice_group_statement"),
    path("practice-groups/<int:group_id>/share/", practice_views.share, name="practice_group_share"),
    path("practice-groups/<int:group_id>/actions/add/", practice_views.action_add, name="practice_action_add"),
    path("statement-sets/", team_views.statement_set_list, name="statement_sets"),
    path("statement-sets/publish/", team_views.statement_set_publish, name="statement_set_publish"),
]
