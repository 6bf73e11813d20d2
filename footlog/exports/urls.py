from django.urls import path

from footlog.exports import views

urlpatterns = [
    path("exports/report.pdf", views.ReportPdf.as_view(), name="export-pdf"),
    path("exports/report-jobs/", views.ReportJobList.as_view(), name="report-job-list"),
    path("exports/report-jobs/<uuid:pk>/", views.ReportJobDetail.as_view(), name="report-job-detail"),
    path("exports/report-jobs/<uuid:pk>/report.pdf", views.ReportJobPdf.as_view(), name="report-job-pdf"),
    path("exports/fhir.json", views.HistoryFhir.as_view(), name="export-fhir"),
    path("exports/history.csv", views.HistoryCsv.as_view(), name="export-csv"),
]
