"""Helpers for the hardening tests: an XSS corpus and an HTML parser that finds live payloads."""

import json
import re
from html.parser import HTMLParser

# Every payload carries MARK, so a live element can be traced back to the payload.
MARK = "xss1337"

XSS_CORPUS = [
    f"<script>alert('{MARK}')</script>",
    f"<SCRIPT SRC=//evil.example/{MARK}.js></SCRIPT>",
    f"<img src=x onerror=alert('{MARK}')>",
    f"<svg onload=alert('{MARK}')>",
    f"<body onload=alert('{MARK}')>",
    f"<iframe src=\"javascript:alert('{MARK}')\"></iframe>",
    f"<a href=\"javascript:alert('{MARK}')\">{MARK}</a>",
    f"<a href=\"jav&#x09;ascript:alert('{MARK}')\">{MARK}</a>",
    f"javascript:alert('{MARK}')",
    f" JaVaScRiPt:alert('{MARK}')",
    f"data:text/html,<script>alert('{MARK}')</script>",
    f"\"><script>alert('{MARK}')</script>",
    f"'><img src=x onerror=alert('{MARK}')>",
    f'" onmouseover="alert(\'{MARK}\')" x="',
    f"' onfocus='alert(`{MARK}`)' autofocus x='",
    f"</script><script>alert('{MARK}')</script>",
    f"</title><script>alert('{MARK}')</script>",
    f"</textarea><script>alert('{MARK}')</script>",
    f"<!--<script>alert('{MARK}')</script>-->",
    f"<![CDATA[<script>alert('{MARK}')</script>]]>",
    f"]]><script>alert('{MARK}')</script>",
    f"{{{{ {MARK} }}}}{{% csrf_token %}}",
    f"<style>@import 'javascript:alert(\"{MARK}\")';</style>",
    f"<math><mi xlink:href=\"javascript:alert('{MARK}')\">x</mi></math>",
    f"<details open ontoggle=alert('{MARK}')>",
    f"{MARK}\u2028<script>alert(1)</script>\u2029",
    f"{MARK}\u202e<script>alert(1)</script>",  # right-to-left override
    f'https://ex\u0430mple.com/{MARK}"><script>alert(1)</script>',  # Cyrillic "а"
    f"\u0000<script>alert('{MARK}')</script>",
    f"%3Cscript%3Ealert('{MARK}')%3C/script%3E",
    f"&lt;script&gt;alert('{MARK}')&lt;/script&gt;",
    f"\\u003cscript\\u003ealert('{MARK}')\\u003c/script\\u003e",
]

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
JSON_SCRIPT_TYPES = {"application/ld+json", "application/json"}


def _scheme(value):
    # Browsers ignore whitespace and control characters inside a URL's scheme.
    return re.sub(r"[\x00-\x20]", "", value or "").lower()


class _LiveFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.live = []
        self._script = None  # (type, chunks) while inside a <script>

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "iframe", "object", "embed", "base", "style"} and any(
            MARK in (value or "") for _name, value in attrs
        ):
            self.live.append(f"<{tag}> from the payload: {attrs}")
        for name, value in attrs:
            if name.startswith("on") and MARK in (value or ""):
                self.live.append(f"event handler {name}={value!r} on <{tag}>")
            if name in URL_ATTRIBUTES and _scheme(value).startswith(DANGEROUS_SCHEMES):
                self.live.append(f"{name}={value!r} on <{tag}>")
        if tag == "script":
            self._script = (dict(attrs).get("type", "") or "", [])

    def handle_data(self, data):
        if self._script is not None:
            self._script[1].append(data)

    def handle_endtag(self, tag):
        if tag != "script" or self._script is None:
            return
        kind, chunks = self._script
        self._script = None
        content = "".join(chunks)
        if kind in JSON_SCRIPT_TYPES:
            try:
                json.loads(content)
            except ValueError:
                self.live.append(f"JSON script broken open: {content[:200]!r}")
            if "</" in content or "\u2028" in content or "\u2029" in content:
                self.live.append(f"unescaped '</' or line separator in JSON: {content[:200]!r}")
        elif MARK in content or "alert(" in content:
            self.live.append(f"live <script> with the payload: {content[:200]!r}")


def live_payloads(html):
    """What in ``html`` a browser would run: an empty list when every payload is inert."""
    finder = _LiveFinder()
    finder.feed(html)
    finder.close()
    return finder.live


def assert_inert(html, where=""):
    live = live_payloads(html)
    assert not live, f"{where}: {live}"
