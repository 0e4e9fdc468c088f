"""Production workers share one cache: what one process invalidates, every other process misses."""

import subprocess
import sys

import pytest

from tests.betrieb.production import ROOT, production_env, run_python

pytestmark = pytest.mark.integration

SETUP = "import django; django.setup()\nfrom django.core.cache import cache\nfrom search import glossar\n"
# A worker that has the Glossar cached, then looks again once told that another worker changed a Begriff.
WORKER = (
    SETUP + "cache.set(glossar.CACHE_KEY, ('gecacht',), glossar.CACHE_SECONDS)\n"
    "print('bereit', flush=True)\n"
    "input()\n"
    "print(repr(cache.get(glossar.CACHE_KEY)), flush=True)\n"
)
# Another worker: sees the first worker's entry, then saves a Begriff (the signal receiver invalidates).
OTHER_WORKER = SETUP + "print(repr(cache.get(glossar.CACHE_KEY)))\nglossar.invalidate()\n"


def test_glossar_invalidated_in_one_worker_is_gone_for_another_worker(tmp_path):
    env = production_env(tmp_path)
    worker = subprocess.Popen(  # noqa: S603 - the interpreter of this test run, code written above
        [sys.executable, "-c", WORKER],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert worker.stdout.readline() == "bereit\n", worker.stderr.read()

        other = run_python(OTHER_WORKER, env)
        seen_after, errors = worker.communicate("\n", timeout=60)
    finally:
        worker.kill()
        worker.wait()

    assert (other.returncode, other.stdout, other.stderr) == (0, "('gecacht',)\n", "")
    assert (worker.returncode, seen_after, errors) == (0, "None\n", "")
