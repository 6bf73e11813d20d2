from django.urls import path

from footlog.clinical import views

urlpatterns = [
    path("site-history/", views.SiteHistoryList.as_view(), name="site-history-list"),
    path("site-history/<slug:site>/", views.SiteHistoryDetail.as_view(), name="site-history-detail"),
    path("visits/", views.VisitList.as_view(), name="visit-list"),
    path("visits/<uuid:pk>/", views.VisitDetail.as_view(), name="visit-detail"),
]
