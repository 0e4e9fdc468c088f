"""Runtime and development requirements: split, pinned with hashes, complete, and what `make install` installs."""

import ast
import importlib.metadata
import re
import subprocess
import sys

from django.conf import settings

import pytest

from tests.betrieb.production import ROOT

pytestmark = pytest.mark.unit

REQUIREMENTS = ROOT / "requirements"
APP_PACKAGES = ["netzwerk_site", "konto", "praxisbeispiele", "veranstaltungen", "diskussionen", "search", "betrieb"]
FIRST_PARTY = {*APP_PACKAGES, "bench", "tests"}
DEVELOPMENT_TOOLS = {
    "pytest",
    "pytest-django",
    "pytest-xdist",
    "factory-boy",
    "wagtail-factories",
    "faker",
    "hypothesis",
    "vobject",
    "playwright",
    "ruff",
    "uv",
}


def normalize(name):
    """A distribution name as PEP 503 compares it."""
    return re.sub(r"[-_.]+", "-", name).lower()


def locked(name):
    """{package: (version, hashes)} of a lock file, from its `name==version --hash=...` entries."""
    text = (REQUIREMENTS / name).read_text().replace("\\\n", " ")
    entries = {}
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        requirement, *options = line.split()
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^]]*\])?==([^=;\s]+)", requirement)
        assert match, f"{name}: {line}"
        hashes = [option.removeprefix("--hash=") for option in options]
        assert all(h.startswith("sha256:") for h in hashes), f"{name}: {line}"
        entries[normalize(match[1])] = (match[2], sorted(hashes))
    return entries


def declared(name):
    """Package names an .in file asks for (without versions and extras)."""
    lines = (REQUIREMENTS / name).read_text().splitlines()
    requirements = [line.split("#", 1)[0].strip() for line in lines]
    return {normalize(re.split(r"[\[=<>~ ]", r)[0]) for r in requirements if r and not r.startswith("-")}


def imported_modules(package):
    """Top-level names of every module imported anywhere in a package, at module level or inside functions."""
    names = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names.add(node.module.split(".")[0])
    return names


def test_both_locks_pin_every_package_exactly_with_hashes():
    runtime, development = locked("runtime.lock"), locked("dev.lock")

    unhashed = [name for name, (_version, hashes) in {**runtime, **development}.items() if not hashes]

    assert unhashed == []
    assert len(runtime) > 40
    assert len(development) > len(runtime)


def test_runtime_lock_holds_no_development_tool():
    runtime = locked("runtime.lock")

    assert sorted(DEVELOPMENT_TOOLS & runtime.keys()) == []
    assert sorted(declared("dev.in") & runtime.keys()) == []


def test_development_lock_pins_every_runtime_package_as_the_runtime_lock_does():
    runtime, development = locked("runtime.lock"), locked("dev.lock")

    differing = {name: (pin, development.get(name)) for name, pin in runtime.items() if development.get(name) != pin}

    assert differing == {}
    assert sorted(DEVELOPMENT_TOOLS - development.keys()) == []


def test_runtime_requirements_declare_every_package_the_code_imports():
    modules = set().union(*(imported_modules(package) for package in APP_PACKAGES))
    modules |= {entry.split(".")[0] for entry in [*settings.INSTALLED_APPS, *settings.MIDDLEWARE]}
    third_party = modules - set(sys.stdlib_module_names) - FIRST_PARTY - {"__future__"}
    distributions = importlib.metadata.packages_distributions()

    needed = {normalize(distributions[module][0]) for module in third_party}

    assert sorted(needed - declared("runtime.in")) == []


def test_no_lock_holds_a_package_nothing_needs():
    runtime, development = locked("runtime.lock"), locked("dev.lock")

    assert ("tomli-w" in runtime, "tomli-w" in development) == (False, False)


def test_installed_packages_are_the_locked_versions():
    development = locked("dev.lock")

    installed = {name: importlib.metadata.version(name) for name in development}

    assert installed == {name: version for name, (version, _hashes) in development.items()}


def make_dry_run(target):
    """The commands `make target` would run, with every prerequisite taken as out of date."""
    result = subprocess.run(  # noqa: S603 - fixed arguments
        ["make", "--dry-run", "--always-make", target],  # noqa: S607 - make from PATH, as the README says
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()


def test_make_install_installs_the_development_lock_checking_every_hash():
    commands = make_dry_run("install")

    installs = [command for command in commands if " install " in command]

    assert installs == [
        ".venv/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.lock"
    ]


def test_make_install_runs_again_when_either_lock_changes():
    makefile = (ROOT / "Makefile").read_text()

    assert "\n$(STAMP): requirements/runtime.lock requirements/dev.lock\n" in makefile
    assert (
        "\nSTAMP := $(VENV)/.installed-$(shell cat requirements/runtime.lock requirements/dev.lock | sha256sum"
        in makefile
    )


def test_make_lock_compiles_both_locks_with_hashes():
    options = '--quiet --generate-hashes --python-version 3.11.7 --custom-compile-command "make lock"'

    commands = make_dry_run("lock")

    compiles = [command.split(" pip compile ")[1] for command in commands if " pip compile " in command]

    assert compiles == [
        f"{options} requirements/runtime.in -o requirements/runtime.lock",
        f"{options} requirements/dev.in -o requirements/dev.lock",
    ]
