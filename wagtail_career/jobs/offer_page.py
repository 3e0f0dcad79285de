"""The offer's page: its context, its head (JobPosting JSON-LD) and what a closed offer
answers. Functions of the offer page (``models.JobOfferPageMixin`` calls them)."""


def serve(page, request, serve_page, *args, **kwargs):
    return serve_page(request, *args, **kwargs)


def context(page, request):
    return {"job_index": page.job_index}


def head_metadata(page, request, context):
    return None
