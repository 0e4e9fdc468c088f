"""Run Python in a separate process with the production settings, configured only through the environment."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def production_env(tmp_path, **variables):
    """The environment of a production start: secret key, host, a database and a cache folder under tmp_path."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "netzwerk_site.settings.production",
        "DJANGO_SECRET_KEY": "x" * 20 + "-production-like-secret-key-with-enough-entropy-0123456789",
        "DJANGO_ALLOWED_HOSTS": "netzwerk.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "CACHE_DIR": str(tmp_path / "cache"),
    }
    # The browser tests set this in the same worker process; a deployment never has it.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    env.pop("REDIS_URL", None)
    env.update(variables)
    return env


def run_python(code, env):
    """Run code in a fresh interpreter in the checkout; the finished process."""
    return subprocess.run(  # noqa: S603 - the interpreter of this test run, code written by the tests
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def production_settings(tmp_path, names, **variables):
    """The values of the named settings as production.py computes them from the environment."""
    code = (
        "import json, importlib\n"
        "module = importlib.import_module('netzwerk_site.settings.production')\n"
        f"print(json.dumps({{name: getattr(module, name) for name in {names!r}}}, default=str))\n"
    )
    result = run_python(code, production_env(tmp_path, **variables))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)
