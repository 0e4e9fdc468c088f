from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenchConfig(AppConfig):
    """Benchmark data and its command (`manage.py bench_data`); installed in dev, test and bench settings only."""

    name = "bench"
    verbose_name = _("Benchmark")
