"""The custom-base-page test site's career app is the README's, word for word.

CI runs the page and comment tests on tests/custom_base_site/ (tests/settings_custom_base.py,
``WAGTAIL_PAGE_MODEL = "home.BasePage"``); this keeps its ``career/models.py`` and the
README's "Custom base page models" block from drifting apart.
"""

from pathlib import Path

from tests.test_custom_base_page import readme_section_blocks

CAREER_MODELS = Path(__file__).resolve().parent / "custom_base_site" / "career" / "models.py"


def test_the_test_sites_career_models_are_the_readmes_block():
    blocks = [b for b in readme_section_blocks() if "class " in b and "INSTALLED_APPS" not in b]
    assert len(blocks) == 1, "expected one career/models.py block in the README's section"
    assert CAREER_MODELS.read_text() == blocks[0], (
        "tests/custom_base_site/career/models.py differs from the README's career/models.py "
        "block: copy the block there (and run makemigrations career with "
        "tests.settings_custom_base)"
    )
