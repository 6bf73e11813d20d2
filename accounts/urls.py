from django.urls import path

from accounts import views

# `account/` itself (profile and deletion), its export and import: footlog/portability/urls.py.
urlpatterns = [
    path("account/consent", views.AccountConsent.as_view(), name="account-consent"),
]
