from django.urls import path

from scoring import views

app_name = "scoring"
urlpatterns = [
    path("", views.round_list, name="rounds"),
    path("proposals/", views.proposal_list, name="proposals"),
    path("rounds/new/", views.round_create, name="round_create"),
    path("rounds/<int:pk>/", views.round_detail, name="round"),
    path("rounds/<int:pk>/propose/", views.propose, name="propose"),
    path("rounds/<int:pk>/panel/", views.panel_add, name="panel_add"),
    path("rounds/<int:pk>/ranking/", views.ranking, name="ranking"),
    path("rounds/<int:pk>/ranking.xlsx", views.ranking_xlsx, name="ranking_xlsx"),
    path("proposals/<int:pk>/", views.proposal_detail, name="proposal"),
    path("proposals/<int:pk>/select/", views.proposal_select, name="proposal_select"),
    path("proposals/<int:pk>/assess/", views.assess, name="assess"),
    path("assessments/<int:pk>/", views.assessment_detail, name="assessment"),
    path("assessments/<int:pk>/scores/<int:score_pk>/", views.score_update, name="score"),
    path("assessments/<int:pk>/finalise/", views.assessment_finalise, name="finalise"),
    path("centres/<int:pk>/score-sheet/", views.score_sheet, name="score_sheet"),
    path("centres/<int:pk>/score-sheet.xlsx", views.score_sheet_xlsx, name="score_sheet_xlsx"),
    path("centres/<int:pk>/score-sheet.pdf", views.score_sheet_pdf, name="score_sheet_pdf"),
    path("centres/<int:pk>/booklet.pdf", views.booklet, name="booklet"),
    path("rubrics/", views.rubric_list, name="rubrics"),
    path("rubrics/<int:pk>/", views.rubric_detail, name="rubric"),
    path("rubrics/<int:pk>/copy/", views.rubric_copy, name="rubric_copy"),
    path("rubrics/indicators/<int:pk>/edit/", views.indicator_edit, name="indicator_edit"),
]
