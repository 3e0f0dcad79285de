"""What other features add to employers, through Wagtail's hooks (the employers app knows
none of them):

- ``EMPLOYER_CARDS_HOOK``: functions called with each list of employers the site shows and
  the request, to attach what their cards show: ``profile_url`` (where the name leads, before
  the employer's own careers page) and ``open_positions`` (a count shown with the name);
- ``RECRUITING_HOOK``: functions returning a queryset of employer ids that recruit whether or
  not an editor ticked "is recruiting" (e.g. those with open job offers);
- ``EMPLOYER_DEPENDENCIES_HOOK``: functions called with the request, returning the cache
  dependencies (``cache.py``) of what the cards show.
"""

from wagtail import hooks

EMPLOYER_CARDS_HOOK = "wagtail_career_annotate_employers"
RECRUITING_HOOK = "wagtail_career_recruiting_employers"
EMPLOYER_DEPENDENCIES_HOOK = "wagtail_career_employer_dependencies"


def annotate_employers(employers, request):
    for hook in hooks.get_hooks(EMPLOYER_CARDS_HOOK):
        hook(employers, request)
    return employers


def recruiting_querysets():
    return [hook() for hook in hooks.get_hooks(RECRUITING_HOOK)]


def extra_dependencies(request):
    return [name for hook in hooks.get_hooks(EMPLOYER_DEPENDENCIES_HOOK) for name in hook(request)]
