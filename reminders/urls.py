from django.urls import URLPattern, URLResolver, path

from reminders import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("reminders/", views.Preferences.as_view(), name="reminder-preferences"),
    path("reminders/unsubscribe/<str:token>/", views.Unsubscribe.as_view(), name="reminder-unsubscribe"),
    path("push-subscriptions/", views.PushSubscriptionList.as_view(), name="push-subscription-list"),
    path("push-subscriptions/<int:pk>/", views.PushSubscriptionDetail.as_view(), name="push-subscription-detail"),
    path("push/public-key", views.PushPublicKey.as_view(), name="push-public-key"),
]
