from django.apps import AppConfig


class PlainPageConfig(AppConfig):
    name = "benchmarks.plainpage"
    label = "bench_plainpage"
    default_auto_field = "django.db.models.BigAutoField"
