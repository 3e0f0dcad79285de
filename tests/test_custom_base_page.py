"""The README's "Custom base page models" recipe, pasted into a fresh `wagtail start` site.

The site's base page model is `home.BasePage` (`WAGTAIL_PAGE_MODEL`, Wagtail 8): its apps are
the README's INSTALLED_APPS block and its `career/models.py` is the README's models block.
It must migrate, pass `check` and serve an index, an article with its author, comments,
feeds and the employers sidebar (tests/custom_base/scenario.py).
"""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import wagtail

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = Path(__file__).resolve().parent / "custom_base" / "scenario.py"
BIN = Path(sys.executable).parent
# Wagtail's own custom-base-page test app: its migrations are the model for a swapped page
# model's (a plain `makemigrations` would make one migration depending on wagtailcore's
# latest, while wagtailcore's first depends on the page model's app: a cycle).
BASEPAGE_MIGRATIONS = Path(wagtail.__file__).parent / "test" / "basepage" / "migrations"

HOME_MODELS = """from wagtail.models import AbstractPage


class BasePage(AbstractPage):
    pass


class HomePage(BasePage):
    pass
"""


def readme_section_blocks():
    """The ```python blocks of the README's "Custom base page models" section."""
    text = (ROOT / "README.md").read_text()
    start = re.search(r"^#+ Custom base page.*$", text, re.M)
    assert start, 'README.md has no "Custom base page" heading'
    rest = text[start.end() :]
    # The next heading outside the code blocks (a Python comment is no heading).
    outside = re.sub(r"^```.*?^```", lambda m: " " * len(m.group(0)), rest, flags=re.M | re.S)
    end = re.search(r"^#{1,3} ", outside, re.M)
    section = rest[: end.start()] if end else rest
    return re.findall(r"^```python\n(.*?)^```", section, re.M | re.S)


def list_assignment(source, name):
    """The literal list assigned to `name` in Python source, and the assignment's node."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value), node
    raise AssertionError(f"no {name} = [...] in the source")


def run(site, *args, timeout=180):
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "PYTHONPATH")}
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, (
        f"manage.py {' '.join(args[:1])} exited {result.returncode} (in {site})\n"
        f"--- stdout\n{result.stdout[-6000:]}\n--- stderr\n{result.stderr[-6000:]}"
    )
    return result.stdout


def make_home_migrations(site):
    """home's migrations for a swapped page model, as Wagtail's basepage test app has them:
    the table first, then the locale/translation fields bootstrapped after wagtailcore's
    migrations (which create the root and home pages), then the revision foreign keys."""
    migrations = site / "home" / "migrations"
    for old in migrations.glob("0*.py"):
        old.unlink()
    for source in sorted(BASEPAGE_MIGRATIONS.glob("0*.py")):
        text = source.read_text()
        text = text.replace(
            '("importance", models.CharField(blank=True, max_length=255, null=True)),\n', ""
        )
        assert "importance" not in text, f"{source.name}: the example field is still there"
        text = text.replace('("basepage", "', '("home", "')
        text = text.replace("basepage.BasePage", "home.BasePage")
        (migrations / source.name).write_text(text)


def build_site(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    # "site" itself is refused as a project name (it shadows Python's site module).
    subprocess.run(
        [str(BIN / "wagtail"), "start", "mysite", str(site)],
        check=True,
        capture_output=True,
        timeout=60,
    )

    (site / "home" / "models.py").write_text(HOME_MODELS)
    make_home_migrations(site)

    blocks = readme_section_blocks()
    apps_blocks = [b for b in blocks if "INSTALLED_APPS" in b]
    models_blocks = [b for b in blocks if "class " in b and "INSTALLED_APPS" not in b]
    assert apps_blocks, "no INSTALLED_APPS block in the README's custom base page section"
    assert len(models_blocks) == 1, "expected one career/models.py block in that section"
    listed, _ = list_assignment(apps_blocks[0], "INSTALLED_APPS")

    settings_path = site / "mysite" / "settings" / "base.py"
    settings = settings_path.read_text()
    started, node = list_assignment(settings, "INSTALLED_APPS")
    apps = list(listed) + [app for app in started if app not in listed]
    lines = settings.splitlines(keepends=True)
    settings = (
        "".join(lines[: node.lineno - 1])
        + "INSTALLED_APPS = [\n"
        + "".join(f"    {app!r},\n" for app in apps)
        + "]\n"
        + "".join(lines[node.end_lineno :])
    )
    settings += (
        '\nWAGTAIL_PAGE_MODEL = "home.BasePage"\n'
        "SITE_ID = 1\n"
        'COMMENTS_APP = "django_comments_xtd"\n'
    )
    settings_path.write_text(settings)

    career = site / "career"
    (career / "migrations").mkdir(parents=True)
    (career / "__init__.py").write_text("")
    (career / "migrations" / "__init__.py").write_text("")
    (career / "apps.py").write_text(
        "from django.apps import AppConfig\n\n\n"
        "class CareerConfig(AppConfig):\n"
        '    default_auto_field = "django.db.models.BigAutoField"\n'
        '    name = "career"\n'
    )
    (career / "models.py").write_text(models_blocks[0])

    urls_path = site / "mysite" / "urls.py"
    urls = urls_path.read_text()
    wagtail_include = '    path("", include(wagtail_urls)),\n'
    assert urls.count(wagtail_include) == 1
    urls = urls.replace(
        wagtail_include, '    path("career/", include("wagtail_career.urls")),\n' + wagtail_include
    )
    urls_path.write_text(urls)

    # The README's base template step: the metadata include in <head>.
    base_html = site / "mysite" / "templates" / "base.html"
    html = base_html.read_text()
    assert html.count("</head>") == 1
    base_html.write_text(
        html.replace("</head>", '{% include "wagtail_career/includes/head.html" %}\n    </head>')
    )
    return site


def test_readme_custom_base_page_site(tmp_path):
    site = build_site(tmp_path)  # pytest keeps tmp_path to look at when this fails
    run(site, "makemigrations", "home", "career")
    run(site, "migrate", "--no-input")
    run(site, "check")
    out = run(site, "shell", "-c", SCENARIO.read_text())
    assert "SCENARIO OK" in out.splitlines(), out
