from django.urls import path

from footlog.portability import views

urlpatterns = [
    path("account/", views.AccountDetail.as_view(), name="account"),
    path("account/delete-code", views.AccountDeleteCode.as_view(), name="account-delete-code"),
    path("account/export", views.AccountExport.as_view(), name="account-export"),
    path("account/import", views.AccountImport.as_view(), name="account-import"),
    path("account/import/<uuid:pk>", views.AccountImportDetail.as_view(), name="account-import-detail"),
]
