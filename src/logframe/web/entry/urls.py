"""Data entry: the quarter's page, one POST endpoint per block, evidence, the workflow."""

from django.urls import path

from logframe.web.entry import actions, evidence, saving, views

PROJECT = "funds/<str:fund>/projects/<str:number>/"
QUARTER = PROJECT + "<str:period>/entry/"

urlpatterns = [
    path(PROJECT + "entry/", views.entry_latest, name="project-entry-latest"),
    path(PROJECT + "entry/open-next/", actions.open_next, name="period-open-next"),
    path(QUARTER, views.entry_page, name="project-entry"),
    path(QUARTER + "findings/", views.entry_findings, name="entry-findings"),
    path(QUARTER + "values/<str:code>/", saving.value_save, name="entry-value"),
    path(QUARTER + "values/<str:code>/evidence/", evidence.evidence_upload, name="entry-evidence"),
    path(
        QUARTER + "evidence/<int:pk>/remove/",
        evidence.evidence_delete,
        name="entry-evidence-remove",
    ),
    path(QUARTER + "finance/<str:organisation>/", saving.finance_save, name="entry-finance"),
    path(QUARTER + "beneficiaries/<str:group>/", saving.beneficiary_save, name="entry-beneficiary"),
    path(QUARTER + "narrative/<str:code>/", saving.narrative_save, name="entry-narrative"),
    path(QUARTER + "texts/", saving.texts_save, name="entry-texts"),
    path(QUARTER + "submit/", actions.submit, name="period-submit"),
    path(QUARTER + "approve/", actions.approve, name="period-approve"),
    path(QUARTER + "return/", actions.send_back, name="period-return"),
    path(QUARTER + "reopen/", actions.reopen, name="period-reopen"),
    path(PROJECT + "evidence/<int:pk>/", evidence.evidence_file, name="evidence-file"),
]
