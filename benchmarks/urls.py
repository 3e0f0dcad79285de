from tests.urls import urlpatterns  # noqa: F401  (the same routes as the test site)
