from django.urls import path

from . import views

app_name = "specifications"
SPEC = "programmes/<int:programme_id>/specifications/<int:specification_id>/"
urlpatterns = [
    path("programmes/<int:programme_id>/specifications/", views.specification_list, name="specification_list"),
    path("programmes/<int:programme_id>/specifications/add/", views.specification_add, name="specification_add"),
    path(SPEC, views.specification_detail, name="specification_detail"),
    path(SPEC + "sections/<int:section_id>/edit/", views.section_edit, name="section_edit"),
    path(SPEC + "sections/<int:section_id>/comment/", views.comment_add, name="comment_add"),
    path(SPEC + "comments/<int:comment_id>/answer/", views.comment_answer, name="comment_answer"),
    path(SPEC + "criteria/", views.criteria_edit, name="criteria_edit"),
    path(SPEC + "criteria/<int:criterion_id>/questions/add/", views.question_add, name="question_add"),
    path(SPEC + "questions/<int:question_id>/edit/", views.question_edit, name="question_edit"),
    path(SPEC + "questions/<int:question_id>/remove/", views.question_delete, name="question_delete"),
    path(SPEC + "shortlisting/", views.shortlist_questions, name="shortlist_questions"),
    path(SPEC + "shortlisting/<int:question_id>/remove/", views.shortlist_question_delete, name="shortlist_question_delete"),
    path(SPEC + "versions/", views.version_list, name="version_list"),
    path(SPEC + "publish/", views.version_publish, name="version_publish"),
    path(SPEC + "new-draft/", views.draft_start, name="draft_start"),
    path(SPEC + "pdf/", views.version_pdf, name="version_pdf"),
    # The council's glossary is not tied to a programme.
    path("glossary/", views.glossary, name="glossary"),
    path("glossary/add/", views.glossary_add, name="glossary_add"),
    path("glossary/<int:term_id>/edit/", views.glossary_edit, name="glossary_edit"),
    path("glossary/<int:term_id>/remove/", views.glossary_delete, name="glossary_delete"),
]
