"""compose.yaml and the Dockerfile: an image with the runtime lock only, configured only through the settings."""

import re

import pytest
import yaml

from tests.betrieb.production import ROOT

pytestmark = pytest.mark.unit

SETTINGS = ROOT / "netzwerk_site" / "settings"
# Read by Django itself before any settings module: it names the module.
READ_BY_DJANGO = {"DJANGO_SETTINGS_MODULE"}
# Read by the postgres image, which creates the database and its owner on the first start.
READ_BY_POSTGRES = {"POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD"}
# os.environ.get("X"), os.environ["X"], env_bool("X", ...), dj_database_url.config(env="X")
ENVIRONMENT_READ = re.compile(r"""(?:environ\.get\(|environ\[|env_\w+\(|env=)\s*["']([A-Z][A-Z0-9_]*)["']""")


def compose():
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def dockerfile_instructions():
    """(instruction, arguments) of every Dockerfile line, continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text().replace("\\\n", " ")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [tuple(line.split(None, 1)) for line in lines]


def variables_the_settings_read():
    names = set()
    for path in SETTINGS.glob("*.py"):
        names |= set(ENVIRONMENT_READ.findall(path.read_text()))
    return names


def env_example_variables():
    lines = (ROOT / ".env.example").read_text().splitlines()
    return {line.split("=", 1)[0] for line in lines if line and not line.startswith("#")}


def test_compose_builds_the_app_from_the_dockerfile_without_mounting_the_checkout():
    app = compose()["services"]["app"]

    assert app["build"] == {"context": ".", "dockerfile": "Dockerfile"}
    assert [volume for volume in app["volumes"] if volume.startswith(".")] == []
    assert "pip" not in " ".join(app.get("command", ""))


def test_image_installs_the_runtime_lock_only_checking_every_hash():
    instructions = dockerfile_instructions()

    installs = [arguments for instruction, arguments in instructions if instruction == "RUN" and "pip " in arguments]

    assert installs == ["pip install --no-cache-dir --require-hashes -r requirements/runtime.lock"]
    assert "dev.lock" not in (ROOT / "Dockerfile").read_text()
    assert "requirements/dev.lock" in (ROOT / ".dockerignore").read_text().splitlines()


def test_every_variable_compose_and_the_image_set_for_the_app_is_read_by_the_settings():
    app_environment = set(compose()["services"]["app"]["environment"])
    image_environment = {
        arguments.split("=")[0] for instruction, arguments in dockerfile_instructions() if instruction == "ENV"
    }

    unread = (app_environment | image_environment) - variables_the_settings_read() - READ_BY_DJANGO

    assert sorted(unread) == []


def test_every_variable_in_env_example_is_read_by_the_settings_or_the_database_image():
    unread = env_example_variables() - variables_the_settings_read() - READ_BY_DJANGO - READ_BY_POSTGRES

    assert sorted(unread) == []


def test_every_variable_the_settings_read_is_in_env_example_and_the_readme():
    readme = (ROOT / "README.md").read_text()

    missing_in_example = variables_the_settings_read() - env_example_variables()
    missing_in_readme = {name for name in variables_the_settings_read() if f"`{name}`" not in readme}

    assert (sorted(missing_in_example), sorted(missing_in_readme)) == ([], [])


def test_private_files_lie_on_a_volume_of_their_own_that_the_image_user_may_write():
    app = compose()["services"]["app"]
    runs = " ".join(arguments for instruction, arguments in dockerfile_instructions() if instruction == "RUN")

    assert app["environment"]["PRIVATE_MEDIA_ROOT"] == "/srv/private"
    assert app["volumes"] == ["media:/srv/media", "private:/srv/private"]
    assert "private" in compose()["volumes"]
    assert "chown netzwerk /srv/media /srv/private" in runs


def test_a_worker_sends_the_queued_mails_with_the_image_settings_and_volumes_of_the_app():
    services = compose()["services"]
    app, worker = services["app"], services["worker"]

    assert worker["command"] == ["python", "manage.py", "db_worker", "--queue-name", "default"]
    assert [worker[key] for key in ("build", "env_file", "environment", "volumes")] == [
        app[key] for key in ("build", "env_file", "environment", "volumes")
    ]
    assert "ports" not in worker
    assert worker["depends_on"] == {"app": {"condition": "service_started"}}


def test_production_queues_tasks_in_the_database_the_worker_reads():
    production = (SETTINGS / "production.py").read_text()

    assert '"BACKEND": "django_tasks_db.DatabaseBackend"' in production
    assert "django-tasks-db==" in (ROOT / "requirements" / "runtime.lock").read_text()


def test_a_scheduler_runs_the_reminder_command_daily_with_the_app_settings():
    services = compose()["services"]
    app, scheduler = services["app"], services["scheduler"]

    assert scheduler["command"] == [
        "sh",
        "-c",
        "while true; do python manage.py erinnerungen_senden; sleep 86400; done",
    ]
    assert scheduler["environment"] == app["environment"]
    assert "ports" not in scheduler
