"""A visitor looks for a job in Chromium (issue #14): filters the listing, reads an offer,
follows its "apply" link, by mouse and by keyboard, in French and English; a closed offer
is gone; an employer's profile lists its open offers only.

The demo's job offers (example_site/demo/content.py, content_en.py) are the fixture; what
the tests expect of them is in demo_facts.py. The French catalogue may still lack the jobs'
strings: the French checks read the structure and the figures, not the words.
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from .demo_facts import JOB_INDEX, JOB_OFFERS
from .keyboard import tab_through, tab_to

LANGUAGES = {"fr": 0, "en": 1}  # the position of each language in the facts' pairs
OPEN_OFFERS = [offer for offer in JOB_OFFERS if offer.is_open]
(CLOSED_OFFER,) = [offer for offer in JOB_OFFERS if not offer.is_open]

# What the visitor picks in the filter form, in each language: the employer (by its name)
# and a city or the workplace (by value, named as the facts' fields), and the offer then
# opened (in English, with its salary as written).
SEARCHES = {
    "fr": {
        "employer": "Boréal Physio",
        "filters": {"city": "Trois-Rivières"},
        "offer": "physiotherapeute-trois-rivieres",
    },
    "en": {
        "employer": "Caisse Horizon",
        "filters": {"workplace": "remote"},
        "offer": "analyste-securite-information",
        "salary": "$88,000–$112,000 a year",
    },
}
# The English texts (French: the catalogue's, once translated).
ENGLISH = {
    "labels": {"employer": "Employer", "city": "City", "workplace": "Workplace"},
    "submit": "Show offers",
    "apply": "Apply online",
    "closed": "This job offer is closed",
    "back": "See the open job offers",
}


def offer_url(offer, language):
    return JOB_INDEX[language] + offer.slugs[LANGUAGES[language]] + "/"


def title_of(offer, language):
    return offer.titles[LANGUAGES[language]]


def newest_first(offers):
    return sorted(offers, key=lambda offer: offer.posted)


def offer_at(slug):
    (offer,) = [offer for offer in JOB_OFFERS if offer.slugs[0] == slug]
    return offer


def count_text(count, language):
    """The listing's count: in English exactly; otherwise, the number leading a text."""
    if language == "en":
        return f"{count} job offer{'s' if count > 1 else ''}"
    return re.compile(rf"^\s*{count}\D")


def location_text(offer):
    """The offer page's location: "Trois-Rivières, QC G9A 5H7, CA" (the parts given)."""
    region = " ".join(part for part in ("QC", offer.postal_code) if part)
    return ", ".join(part for part in (offer.city, region, "CA") if part)


def salary_pattern(offer):
    """The salary's two amounts, whatever the language's grouping and words:
    "$72,000–$94,000 a year" and "72 000 $ à 94 000 $ par année" both match."""
    minimum, maximum, _unit = offer.salary

    def amount(number):
        thousands, units = divmod(number, 1000)
        return rf"{thousands}[\s,.]?{units:03d}"

    return re.compile(rf"^\D*{amount(minimum)}\D+{amount(maximum)}\D*$")


def failed_responses(page):
    """Every response of the page with an error status (a missing stylesheet, image...)."""
    failures = []
    page.on(
        "response",
        lambda response: (
            failures.append(f"{response.status} {response.url}") if response.status >= 400 else None
        ),
    )
    return failures


def card_titles(page):
    return page.locator(".career-job-card__title a")


def filter_select(page, name):
    # By name: the labels are translated (checked in English below).
    return page.locator(f"form.career-job-filters select[name={name}]")


def check_cards(page, offers, language):
    """The listing shows exactly ``offers``, newest first, each card with its employer."""
    offers = newest_first(offers)
    expect(card_titles(page)).to_have_text([title_of(offer, language) for offer in offers])
    expect(page.locator(".career-job-card__employer")).to_have_text(
        [re.compile(re.escape(offer.employer) + r"\s*$") for offer in offers]
    )
    for link, offer in zip(card_titles(page).all(), offers, strict=True):
        expect(link).to_have_attribute("href", offer_url(offer, language))


def check_offer_page(page, offer, language):
    """The offer's title, employer, location and salary facts."""
    expect(page).to_have_url(re.compile(re.escape(offer_url(offer, language)) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title_of(offer, language))
    facts = page.locator(".career-job-facts")
    expect(facts.locator(".career-job-facts__employer")).to_have_text(offer.employer)
    expect(facts.locator("dd").filter(has_text=location_text(offer))).to_have_count(1)
    salary = facts.locator("dd").filter(has_text=salary_pattern(offer))
    expect(salary).to_have_count(1)
    return salary


def follow_apply_link(page, offer):
    """The "apply" call to action leads to the offer's apply address; an application page
    (on the employer's example domain, answered here by a stand-in: the tests have no
    network) opens."""
    apply = page.locator(".career-job-apply a").first
    expect(apply).to_have_attribute("href", offer.apply)
    assert offer.apply.startswith("https://"), offer.apply
    host = urlsplit(offer.apply).hostname
    assert host.endswith(".example"), host
    page.route(
        f"https://{host}/**",
        lambda route: route.fulfill(content_type="text/html", body="<title>Postuler</title>"),
    )
    apply.click()
    expect(page).to_have_title("Postuler")
    assert page.url == offer.apply


def find_an_offer_and_apply(page, language):
    """Listing, filters (employer and city or workplace), the matching cards, the offer,
    its facts, and its "apply" link."""
    search = SEARCHES[language]
    failures = failed_responses(page)
    index = JOB_INDEX[language]
    response = page.goto(index)
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    expect(page.locator(".career-jobs__count")).to_have_text(count_text(len(OPEN_OFFERS), language))

    employer = filter_select(page, "employer")
    (employer_slug,) = employer.select_option(label=search["employer"])
    for name, value in search["filters"].items():
        filter_select(page, name).select_option(value=value)
    if language == "en":
        for name in ("employer", *search["filters"]):
            expect(filter_select(page, name)).to_have_accessible_name(ENGLISH["labels"][name])
        expect(page.locator("form.career-job-filters button[type=submit]")).to_have_text(
            ENGLISH["submit"]
        )
    page.locator("form.career-job-filters button[type=submit]").click()

    # The filters are in the address (a GET form: the results can be bookmarked and
    # shared) and stay chosen in the form.
    expect(page).to_have_url(re.compile(re.escape(index) + r"\?"))
    asked = {name: value for name, [value] in parse_qs(urlsplit(page.url).query).items()}
    assert {name: value for name, value in asked.items() if value} == {
        "employer": employer_slug,
        **search["filters"],
    }
    expect(employer).to_have_value(employer_slug)
    for name, value in search["filters"].items():
        expect(filter_select(page, name)).to_have_value(value)

    matching = [
        offer
        for offer in OPEN_OFFERS
        if offer.employer == search["employer"]
        and all(getattr(offer, name) == value for name, value in search["filters"].items())
    ]
    assert matching, "the demo has offers for this search"
    check_cards(page, matching, language)
    expect(page.locator(".career-jobs__count")).to_have_text(count_text(len(matching), language))

    offer = offer_at(search["offer"])
    card_titles(page).filter(has_text=title_of(offer, language)).click()
    salary = check_offer_page(page, offer, language)
    if language == "en":
        expect(salary).to_have_text(search["salary"])
        expect(page.locator(".career-job-apply a").first).to_have_text(ENGLISH["apply"])
    follow_apply_link(page, offer)
    assert failures == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_visitor_finds_an_offer_by_filters_and_applies(page, language):
    find_an_offer_and_apply(page, language)


def test_visitor_finds_an_offer_without_javascript(page_without_js):
    # A plain GET form and plain links: nothing needs a script.
    find_an_offer_and_apply(page_without_js, "fr")


def test_an_offer_without_application_page_applies_by_email(page):
    offer = offer_at("therapeute-readaptation-shawinigan")
    assert offer.apply.startswith("mailto:")
    page.goto(offer_url(offer, "fr"))
    expect(page.get_by_role("heading", level=1)).to_have_text(title_of(offer, "fr"))
    expect(page.locator(".career-job-apply a")).to_have_count(1)
    expect(page.locator(".career-job-apply a")).to_have_attribute("href", offer.apply)
    # No salary posted: no salary fact (the facts show no empty amount).
    expect(
        page.locator(".career-job-facts dd").filter(has_text=re.compile(r"\d\s?\$|\$\d"))
    ).to_have_count(0)


def tab_to_visible(page, target):
    """Tab until ``target`` has focus; its focus ring shows and it is on screen."""
    tab_to(page, target)
    expect(target).to_be_focused()
    expect(target).to_be_in_viewport()


def test_keyboard_user_filters_opens_an_offer_and_reaches_apply(page):
    index = JOB_INDEX["fr"]
    page.goto(index)
    # Every control of the listing is a tab stop whose focus shows.
    tab_through(page)
    employer = filter_select(page, "employer")
    tab_to_visible(page, employer)
    # A closed select changes with the arrow keys: the first employer, alphabetically.
    page.keyboard.press("ArrowDown")
    first_employer = sorted({offer.employer for offer in OPEN_OFFERS})[0]
    expect(employer.locator("option:checked")).to_have_text(first_employer)
    chosen = employer.input_value()

    tab_to_visible(page, page.locator("form.career-job-filters button[type=submit]"))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(index) + r"\?.*employer="))
    assert parse_qs(urlsplit(page.url).query)["employer"] == [chosen]
    theirs = [offer for offer in OPEN_OFFERS if offer.employer == first_employer]
    check_cards(page, theirs, "fr")

    first_link = card_titles(page).first
    tab_to_visible(page, first_link)
    page.keyboard.press("Enter")
    offer = newest_first(theirs)[0]
    check_offer_page(page, offer, "fr")
    tab_through(page)

    apply = page.locator(".career-job-apply a").first
    tab_to_visible(page, apply)
    expect(apply).to_have_attribute("href", offer.apply)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_closed_offer_is_gone_and_leads_back_to_the_open_ones(page, language):
    index = JOB_INDEX[language]
    response = page.goto(offer_url(CLOSED_OFFER, language))
    assert response.status == 410
    assert page.locator("html").get_attribute("lang") == language
    robots = page.locator("meta[name=robots]")
    expect(robots).to_have_count(1)
    expect(robots).to_have_attribute("content", re.compile(r"\bnoindex\b"))

    notice = page.locator("main .career-job-closed")
    heading = notice.get_by_role("heading", level=1)
    expect(heading).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_count(1)
    expect(notice).to_contain_text(title_of(CLOSED_OFFER, language))
    expect(notice).to_contain_text(CLOSED_OFFER.employer)
    if language == "en":
        expect(heading).to_have_text(ENGLISH["closed"])
    # Nothing to apply to or to share any more.
    expect(page.locator(".career-job-apply, .career-share")).to_have_count(0)
    expect(page.locator(f'a[href="{CLOSED_OFFER.apply}"]')).to_have_count(0)

    back = notice.locator("a")
    expect(back).to_have_attribute("href", index)
    if language == "en":
        expect(back).to_have_text(ENGLISH["back"])
    back.click()
    expect(page).to_have_url(re.compile(re.escape(index) + "$"))
    expect(page.locator(".career-jobs__count")).to_have_text(count_text(len(OPEN_OFFERS), language))


# Employers whose profile the tests open from one of their offers (Le Fil Montréal has the
# closed offer).
PROFILES = ["Le Fil Montréal", "Groupe Érable Logistique"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("employer", PROFILES)
def test_employer_profile_lists_its_open_offers_only(page, employer, language):
    theirs = newest_first(offer for offer in OPEN_OFFERS if offer.employer == employer)
    page.goto(offer_url(theirs[0], language))
    page.locator(".career-job-facts a.career-job-facts__employer").click()

    expect(page).to_have_url(re.compile(re.escape(JOB_INDEX[language] + "employers/") + r"[^/]+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(employer)
    # Exactly these cards: no other employer's offer, nor the closed one.
    check_cards(page, theirs, language)
    expect(page.locator(".career-employer-profile .career-jobs__count")).to_have_text(
        count_text(len(theirs), language)
    )
