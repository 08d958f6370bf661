"""The GitHub workflows, Dependabot and issue forms: safe as written, and the audit refuses weakened copies.

The real files pass zizmor's audit and GitHub's schemas here, exactly as `make github-lint` checks
them (`make test` runs this test rather than that target, so each tool runs once); the other tests
prove the tools refuse what a pull request could slip in, and pin the properties the maintainers
rely on.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pathspec
import pytest
import yaml

from conftest import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def zizmor(target: Path) -> subprocess.CompletedProcess[str]:
    """The audit exactly as `make github-lint` runs it."""
    return subprocess.run(
        [BIN / "zizmor", "--offline", "--no-progress", "--persona", "pedantic", target],
        capture_output=True,
        text=True,
        check=False,
    )


def check_schema(schema: str, *files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", schema, *files], capture_output=True, text=True, check=False
    )


def test_there_is_a_test_and_a_deploy_workflow():
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "test.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    uses = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(- )?uses:", line)]
    assert uses
    for line in uses:
        assert PINNED.match(line), f"{path.name}: not pinned to a full SHA with '# vX.Y.Z': {line.strip()}"


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_no_expression_is_interpolated_into_a_script(path):
    for step in steps(load(path)):
        assert "${{" not in step.get("run", ""), f"{path.name}: pass values to run: through env: instead"


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_checkouts_do_not_keep_credentials_and_permissions_start_empty(path):
    workflow = load(path)
    assert workflow["permissions"] == {}
    for step in steps(workflow):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def test_tests_run_on_every_push_and_pull_request_with_a_pip_cache():
    workflow = load(GITHUB / "workflows" / "test.yml")
    assert set(workflow["on"]) == {"push", "pull_request"} and workflow["on"]["push"] is None
    assert set(workflow["jobs"]) == {"test", "properdocs"}  # MkDocs, and ProperDocs (the exit path)
    for job in workflow["jobs"].values():
        assert job["permissions"] == {"contents": "read"}
        setup = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python@"))
        assert setup["with"]["cache"] == "pip" and setup["with"]["cache-dependency-path"] == "requirements*.txt"
        assert job["steps"][-1]["run"] == ".ci/run"
    assert "CI_TARGET" not in workflow["jobs"]["test"]["steps"][-1].get("env", {})  # `make test`
    assert workflow["jobs"]["properdocs"]["steps"][-1]["env"]["CI_TARGET"] == "test-properdocs"


def test_deploy_publishes_main_only_after_the_same_tests():
    deploy = load(GITHUB / "workflows" / "deploy.yml")
    test = load(GITHUB / "workflows" / "test.yml")
    assert deploy["on"]["push"] == {"branches": ["main"]}
    jobs = deploy["jobs"]
    assert jobs["test"]["steps"] == test["jobs"]["test"]["steps"], "deploy.yml must run exactly the tests of test.yml"
    assert jobs["build"]["needs"] == "test" and jobs["deploy"]["needs"] == "build"
    assert jobs["deploy"]["if"] == "github.ref == 'refs/heads/main'"
    # Only the deploy job may write to Pages; only the tag job (test below) writes, a tag, to the repository.
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    for name in ("test", "build"):
        assert "write" not in jobs[name]["permissions"].values()
    assert [s["uses"].split("@")[0] for s in jobs["deploy"]["steps"]] == ["actions/deploy-pages"]


def test_the_edition_version_is_tagged_after_deployment_with_the_least_permission():
    jobs = load(GITHUB / "workflows" / "deploy.yml")["jobs"]
    tag = jobs["tag"]
    assert tag["needs"] == "deploy" and tag["if"] == "github.ref == 'refs/heads/main'"
    assert tag["permissions"] == {"contents": "write"}
    [run] = [step for step in tag["steps"] if "run" in step]
    assert run["env"] == {"GH_TOKEN": "${{ github.token }}"}
    assert "docs/data/edition.yml" in run["run"] and "refs/tags/v$version" in run["run"]
    assert "git push" not in run["run"]  # through the API: no checkout keeps credentials
    build = jobs["build"]["steps"]
    pdf = next(i for i, s in enumerate(build) if s.get("run") == ".ci/install-pdf-deps")
    assert pdf < next(i for i, s in enumerate(build) if "make build" in s.get("run", ""))


def test_the_site_is_built_for_the_pages_address_through_the_environment():
    build = load(GITHUB / "workflows" / "deploy.yml")["jobs"]["build"]
    configure = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/configure-pages@"))
    make = next(s for s in build["steps"] if "make build" in s.get("run", ""))
    expression = "${{ steps." + configure["id"] + ".outputs.base_url }}"
    assert make["env"] == {"PAGES_BASE_URL": expression}
    assert 'SITE_URL="${PAGES_BASE_URL%/}/"' in make["run"]
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site/"


def test_dependabot_watches_pip_and_actions_and_never_proposes_mkdocs_2():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(ecosystems) == {"pip", "github-actions"}
    ignored = {rule["dependency-name"]: rule["update-types"] for rule in ecosystems["pip"]["ignore"]}
    assert ignored["mkdocs"] == ["version-update:semver-major"]


def test_the_real_configuration_passes_the_audit_and_the_schemas():
    result = zizmor(GITHUB)
    assert result.returncode == 0, result.stdout + result.stderr
    assert check_schema("vendor.github-workflows", *WORKFLOWS).returncode == 0
    assert check_schema("vendor.dependabot", GITHUB / "dependabot.yml").returncode == 0
    forms = [p for p in sorted((GITHUB / "ISSUE_TEMPLATE").glob("*.yml")) if p.name != "config.yml"]
    assert len(forms) == 2
    assert check_schema("vendor.github-issue-forms", *forms).returncode == 0
    assert check_schema("vendor.github-issue-config", GITHUB / "ISSUE_TEMPLATE" / "config.yml").returncode == 0


CHECKOUT = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1"
WEAKENED = {
    "unpinned action": (CHECKOUT, "actions/checkout@v7", "unpinned-uses"),
    "credentials kept": ("        with:\n          persist-credentials: false\n", "", "artipacked"),
    "untrusted input in run": (
        "run: .ci/run",
        'run: echo "${{ github.event.pull_request.title }}" && .ci/run',
        "template-injection",
    ),
    "pull_request_target": ("  pull_request:\n", "  pull_request_target:\n", "dangerous-triggers"),
    "write-all permissions": ("permissions: {}", "permissions: write-all", "excessive-permissions"),
}


@pytest.mark.parametrize("case", WEAKENED, ids=list(WEAKENED))
def test_the_audit_refuses_a_weakened_workflow(tmp_path, case):
    old, new, audit = WEAKENED[case]
    copy = tmp_path / ".github"
    shutil.copytree(GITHUB, copy)
    workflow = copy / "workflows" / "test.yml"
    text = workflow.read_text(encoding="utf-8")
    assert old in text
    workflow.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = zizmor(copy)
    assert result.returncode != 0
    assert audit in result.stdout, result.stdout


def test_the_schema_refuses_a_malformed_workflow(tmp_path):
    bad = tmp_path / "test.yml"
    bad.write_text((GITHUB / "workflows" / "test.yml").read_text(encoding="utf-8").replace("    steps:", "    step:"))
    result = check_schema("vendor.github-workflows", bad)
    assert result.returncode != 0
    assert "test.yml" in result.stdout


def test_the_schema_refuses_a_malformed_issue_form(tmp_path):
    bad = tmp_path / "form.yml"
    text = (GITHUB / "ISSUE_TEMPLATE" / "translation-correction.yml").read_text(encoding="utf-8")
    bad.write_text(text.replace("type: dropdown", "type: select"), encoding="utf-8")
    assert check_schema("vendor.github-issue-forms", bad).returncode != 0


CODE_PATHS = [
    "overrides/main.html",
    "overrides/assets/javascripts/edition.js",
    "scripts/edition/checks/csp.py",
    "scripts/edition/plugin.py",
    "docs/assets/javascripts/tables.js",
    "docs/assets/stylesheets/edition.css",
    "docs/assets/new/tracker.js",
    "docs/images/seal.svg",
    "mkdocs.yml",
    "requirements.txt",
    "requirements-dev.txt",
    ".github/workflows/test.yml",
    ".github/CODEOWNERS",
    "package.json",
    "package-lock.json",
    "Makefile",
    ".ci/run",
    "docs/data/alignment.yml",
    "docs/data/corrections.yml",
    "docs/data/edition.yml",
    "docs/data/releases.json",
    "source/press-release-2017-09-28.zh.txt",
]
CONTENT_PATHS = ["docs/policing.en.md", "docs/data/glossary.yml", "docs/data/figures.yml", "README.md"]


def code_owners(path: str) -> list[str]:
    """The owners GitHub gives a path: the last matching line of CODEOWNERS wins."""
    owners: list[str] = []
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *names = line.split()
            if pathspec.PathSpec.from_lines("gitignore", [pattern]).match_file(path):
                owners = names
    return owners


@pytest.mark.parametrize("path", CODE_PATHS)
def test_code_needs_a_maintainers_review(path):
    assert code_owners(path) == ["@edition/maintainers"], path


@pytest.mark.parametrize("path", CONTENT_PATHS)
def test_content_is_reviewed_like_any_pull_request(path):
    assert code_owners(path) == [], path
