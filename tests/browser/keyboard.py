"""Keyboard-only checks: what Tab reaches, in what order, and whether focus shows."""

# What a keyboard can reach: links, form controls and anything given a tab stop.
INTERACTIVE = ", ".join(
    f"{selector}:not([tabindex='-1'])"
    for selector in (
        "a[href]",
        "button:not([disabled])",
        "input:not([disabled]):not([type=hidden])",
        "select:not([disabled])",
        "textarea:not([disabled])",
        "[tabindex]",
    )
)
# How an element looks (outline and shadow), and whether that is a ring that shows: an
# outline at least 2px wide, or a shadow.
LOOK = """el => {
    const style = getComputedStyle(el);
    return {
        style: [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow]
            .join(" "),
        ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2)
            || style.boxShadow !== "none",
    };
}"""
# Each numbered control: its description, whether it shows (the skip link is off screen
# until focused, by design, so it counts), and its look without focus.
CONTROLS = f"""els => els.map((el, i) => {{
    el.dataset.tabStop = i;
    const r = el.getBoundingClientRect();
    const shown = r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden";
    return {{
        name: `#${{i}} ${{el.tagName.toLowerCase()}} “${{el.textContent.trim()}}”`,
        reachable: shown || el.matches(".site-skip"),
        look: ({LOOK})(el),
    }};
}})"""
# The focused element's description, look and whether it is on screen; null when focus
# has left the document.
FOCUSED = f"""() => {{
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const r = el.getBoundingClientRect();
    return {{
        name: `#${{el.dataset.tabStop}} ${{el.tagName.toLowerCase()}} “${{el.textContent.trim()}}”`,
        look: ({LOOK})(el),
        onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
            && r.top < innerHeight && r.left < innerWidth,
    }};
}}"""


def tab_through(page):
    """Tab from the top of the page to its end; check each stop and that every control is one.

    Each control's look without focus is measured first, so a stop passes only if focus
    visibly changes its outline or shadow, and the focused control is on screen.
    Returns the descriptions of the stops, in order. (One script call per stop: the
    checks run in the page.)
    """
    page.evaluate("document.activeElement && document.activeElement.blur()")
    # Numbered so that two links with the same text stay apart.
    controls = [c for c in page.locator(INTERACTIVE).evaluate_all(CONTROLS) if c["reachable"]]
    assert controls, "the page has no control to reach"
    unfocused = {c["name"]: c["look"]["style"] for c in controls}

    stops = []
    for _ in range(len(controls) + 3):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:  # past the last control, focus left the document
            break
        name = focused["name"]
        if stops and name == stops[0]:
            break
        stops.append(name)
        assert focused["look"]["style"] != unfocused.get(name), f"no visible focus on {name}"
        assert focused["look"]["ring"], f"the focus change on {name} is too faint"
        assert focused["onScreen"], f"{name} is focused off screen"

    assert sorted(stops) == sorted(unfocused), "some controls cannot be reached by keyboard"
    return stops


def press_tab_until(page, name):
    for _ in range(100):
        page.keyboard.press("Tab")
        focused = page.locator(":focus")
        if focused.count() and focused.evaluate("el => el.textContent.trim()") == name:
            return
    raise AssertionError(f"Tab never reached {name!r}")


def tab_to(page, target):
    """Press Tab until ``target`` (a locator) has focus, and check that its focus shows."""
    for _ in range(100):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            assert target.evaluate(LOOK)["ring"], f"no visible focus on {target}"
            return
    raise AssertionError(f"Tab never reached {target}")
