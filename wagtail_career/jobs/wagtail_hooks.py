"""The job offers' place in Wagtail: their listing under the Career menu and the dashboard
panel of offers closing soon, the article sidebar part, the employers' cards (counts,
profiles, who is hiring) and the digest section."""

from wagtail import hooks

from ..employers.extensions import (
    EMPLOYER_CARDS_HOOK,
    EMPLOYER_DEPENDENCIES_HOOK,
    RECRUITING_HOOK,
)
from ..parts import ARTICLE_PARTS_HOOK, DIGEST_HOOK
from . import admin, digest, employers, sidebar

hooks.register(DIGEST_HOOK, digest.digest_section)
hooks.register("register_admin_viewset", admin.job_offers_viewset)
hooks.register("construct_homepage_panels", admin.construct_homepage_panels)
hooks.register(ARTICLE_PARTS_HOOK, lambda: sidebar.article_part)
hooks.register(RECRUITING_HOOK, employers.employers_with_open_offers)
hooks.register(EMPLOYER_CARDS_HOOK, employers.annotate_employer_cards)
hooks.register(EMPLOYER_DEPENDENCIES_HOOK, employers.employer_dependencies)
