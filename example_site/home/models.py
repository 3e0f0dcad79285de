from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from wagtail_career.jobs.pages.models import JobIndexPage
from wagtail_career.pages.models import CareerIndexPage


class HomePage(Page):
    body = RichTextField(_("body"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("body")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["career_index"] = CareerIndexPage.objects.live().descendant_of(self).first()
        context["job_index"] = JobIndexPage.objects.live().descendant_of(self).first()
        return context
