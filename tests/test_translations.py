"""The French catalogue is complete: every string of the package (Python and templates, core
and features) has a French translation, none is fuzzy, and the compiled catalogue matches.

It runs Django's makemessages on a copy of the package (needs GNU gettext, as
compilemessages does), so a string added without its translation fails here."""

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "wagtail_career"
CATALOGUE = PACKAGE / "locale" / "fr" / "LC_MESSAGES"


def parse_po(path):
    """``{msgid: (msgstr or plural forms, fuzzy)}`` of a .po file (msgctxt joined in)."""
    entries, current, field, fuzzy = {}, {}, None, False

    def flush():
        nonlocal current, fuzzy
        if "msgid" in current and current["msgid"]:
            key = (current.get("msgctxt", ""), current["msgid"])
            values = [v for k, v in current.items() if k.startswith("msgstr")]
            entries[key] = (values, fuzzy)
        current, fuzzy = {}, False

    for line in path.read_text().splitlines():
        if line.startswith("#,") and "fuzzy" in line:
            flush()
            fuzzy = True
        elif line.startswith("#") or not line.strip():
            if line.startswith("#~"):
                continue
            if not line.strip() and current:
                flush()
        elif line.startswith('"'):
            current[field] += eval(line)  # a C-style string literal, as gettext writes it
        else:
            field, _space, value = line.partition(" ")
            if field == "msgid" and "msgid" in current:
                flush()
            current[field] = eval(value)
    flush()
    return entries


def test_the_catalogue_has_every_string_translated(tmp_path):
    copy = tmp_path / "wagtail_career"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    result = subprocess.run(
        [sys.executable, "-P", "-m", "django", "makemessages", "-l", "fr", "--no-obsolete"],
        cwd=copy,
        # makemessages needs no settings; the suite's would not import from the copy.
        env={k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    fresh = parse_po(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po")
    assert len(fresh) > 300
    missing = [msgid for msgid, (values, _fuzzy) in fresh.items() if not all(values)]
    fuzzy = [msgid for msgid, (_values, is_fuzzy) in fresh.items() if is_fuzzy]
    assert not missing, f"untranslated: {missing}"
    assert not fuzzy, f"fuzzy: {fuzzy}"


def test_the_compiled_catalogue_matches_the_po_file():
    entries = parse_po(CATALOGUE / "django.po")
    with open(CATALOGUE / "django.mo", "rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    for (context, msgid), (values, _fuzzy) in entries.items():
        if len(values) > 1:
            continue  # plural forms: checked through the singular lookups of the suite
        expected = values[0]
        found = translations.pgettext(context, msgid) if context else translations.gettext(msgid)
        assert found == expected, msgid
