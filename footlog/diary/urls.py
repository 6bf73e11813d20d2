from django.urls import path

from footlog.diary import views

urlpatterns = [
    path("sites/", views.SiteList.as_view(), name="site-list"),
    path("routine-steps/", views.RoutineStepList.as_view(), name="routine-step-list"),
    path("routine-steps/<slug:key>/", views.RoutineStepDetail.as_view(), name="routine-step-detail"),
    path("entries/", views.EntryList.as_view(), name="entry-list"),
    path("entries/<uuid:pk>/", views.EntryDetail.as_view(), name="entry-detail"),
    path("entries/<uuid:pk>/photos/", views.EntryPhotoList.as_view(), name="entry-photo-list"),
    path("photos/", views.PhotoList.as_view(), name="photo-list"),
    path("photos/<uuid:pk>/", views.PhotoDetail.as_view(), name="photo-detail"),
    path("photos/<uuid:pk>/image", views.PhotoImage.as_view(), name="photo-image"),
]
