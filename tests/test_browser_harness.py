"""The browser tests' skipping rule, checked without a browser: skip locally, fail in CI."""

import pytest

from tests.browser.chromium import CHROMIUM, require_chromium


def test_a_missing_chromium_skips_with_the_install_command(tmp_path):
    with pytest.raises(pytest.skip.Exception) as skipped:
        require_chromium(tmp_path / "chromium", environ={})
    assert "apt-get install chromium chromium-driver" in str(skipped.value)
    assert str(tmp_path / "chromium") in str(skipped.value)


def test_a_missing_chromium_fails_in_ci(tmp_path):
    with pytest.raises(pytest.fail.Exception) as failed:
        require_chromium(tmp_path / "chromium", environ={"CI": "true"})
    assert "CI is set" in str(failed.value)
    assert "apt-get install chromium chromium-driver" in str(failed.value)


def test_a_file_that_cannot_run_is_missing(tmp_path):
    not_a_program = tmp_path / "chromium"
    not_a_program.write_text("")
    with pytest.raises(pytest.skip.Exception):
        require_chromium(not_a_program, environ={})


def test_an_installed_chromium_is_used(tmp_path):
    program = tmp_path / "chromium"
    program.write_text("#!/bin/sh\n")
    program.chmod(0o755)
    require_chromium(program, environ={"CI": "true"})  # neither skips nor fails
    assert CHROMIUM == "/usr/bin/chromium"
