"""The digest: each confirmed subscriber gets, in one mail, what is new in the sections they
chose (``sections.py``) since their last digest.

The newsletter's own section is the career articles; features add theirs (job offers…)
through ``parts.DIGEST_HOOK``. Every item is a page.

A run (:func:`send_digest`) is a :class:`~.models.DigestRun`: it reads, once, what each
section published since the oldest subscriber's last digest (the run's content), picks the
subscribers who have something new, cuts them into :class:`~.models.DigestBatch` ranges of
``WAGTAIL_CAREER_DIGEST_BATCH_SIZE`` subscriptions and queues one task per batch
(:func:`send_digest_batch`). Any number of workers take batches concurrently; a worker done
with its batch helps with the run's others (on PostgreSQL a batch is claimed with a session
advisory lock, which the server releases the moment its worker dies, so a killed worker's
batch is taken over at once).

A batch is built in one transaction, with its subscriptions' rows locked: each subscriber's
mail is written to the outbox (``wagtail_career.outbox``, unique key
``digest:<subscription>:<content fingerprint>``) and their watermark
(:class:`~.models.NewsletterDelivery`, the newest first publication time they were sent)
moves forward in the same commit. So nobody is sent a page twice or skipped, even when two
runs start together, and what is stored per subscriber does not grow with what they are
sent. The batch's mail then leaves over one SMTP connection; each distinct digest (site,
language, chosen sections and pages) is rendered once per run, only each subscriber's own
address and links being filled in. Mail that could not be sent stays in the outbox, which
retries it (``deliver_career_mail``).
"""

import hashlib
import logging
import time
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import F, Min, Q
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail.models import Site

from .. import outbox, queue
from ..conf import get_setting
from ..languages import i18n_enabled
from ..models import MailContent, OutgoingMail, article_page_models
from ..parts import DigestSection, digest_sections
from . import mail
from .models import DigestBatch, DigestRun, NewsletterDelivery, Subscription
from .sections import chosen_sections

logger = logging.getLogger(__name__)

ARTICLES = "articles"
# Subscriptions per batch (one task, one transaction, one SMTP connection).
# A worker done with its batches waits this long, at most, for the batches other workers
# hold (polling every WAIT_STEP seconds) before leaving them to those workers.
WAIT_LIMIT = 15 * 60
WAIT_STEP = 0.2
# First key of the PostgreSQL advisory locks that claim a batch ("wd").
ADVISORY_LOCK_NAMESPACE = 0x7764
MAIL_KIND = "digest"


def batch_size():
    return get_setting("DIGEST_BATCH_SIZE")


def language_root(site, language):
    """The root of ``site``'s page tree in ``language`` (with WAGTAIL_I18N_ENABLED; else the
    site's root page)."""
    root = site.root_page
    if i18n_enabled():
        # Each locale's tree hangs from its translation of the site's root page, which is not
        # under the root page itself (the page tree of Wagtail's internationalisation).
        root = (
            root.get_translations(inclusive=True).filter(locale__language_code=language).first()
            or root
        )
    return root


def new_articles(site, root, language, since):
    """The live, public articles under ``root`` published since ``since``, newest first
    (with WAGTAIL_I18N_ENABLED, those of ``language``)."""
    found = []
    for model in article_page_models():
        if model.listing_model() is not model:
            continue  # a subclass's articles are found through the model it derives from
        articles = (
            model.objects.live()
            .public()
            .descendant_of(root, inclusive=True)
            .filter(first_published_at__gte=since)
        )
        if i18n_enabled():
            articles = articles.filter(locale__language_code=language)
        found.extend(articles)
    return sorted(found, key=lambda article: (article.first_published_at, article.pk), reverse=True)


def articles_section():
    return DigestSection(
        name=ARTICLES,
        label=_("Career articles"),
        consent_label=_("new career articles"),
        get_items=new_articles,
        template="wagtail_career/newsletter/email/articles.html",
        text_template="wagtail_career/newsletter/email/articles.txt",
        order=10,
    )


# -- Claiming a batch -------------------------------------------------------------------------


def _claim(batch_id):
    """Take the batch for this worker; ``False`` when a live worker holds it (PostgreSQL).
    Elsewhere (one process: SQLite, the immediate backend) every batch is free."""
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_try_advisory_lock(%s, %s)",
            [ADVISORY_LOCK_NAMESPACE, batch_id & 0x7FFFFFFF],
        )
        return cursor.fetchone()[0]


def _release(batch_id):
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_unlock(%s, %s)", [ADVISORY_LOCK_NAMESPACE, batch_id & 0x7FFFFFFF]
        )


# -- Starting a run ---------------------------------------------------------------------------


def _confirmed():
    return Subscription.objects.filter(
        status=Subscription.Status.CONFIRMED, confirmed_at__isnull=False
    )


def _since():
    """The earliest first publication a subscriber's next digest may carry (inclusive: the
    page at their watermark itself is dropped when their mail is made)."""
    return Greatest(Coalesce("digest_delivery__sent_until", "confirmed_at"), "confirmed_at")


def _content_key(site_id, language):
    return f"{site_id}:{language}"


def _read_content(groups, sections, sites):
    """``{(site, language): {section name: [items]}}``: what each section published since
    the earliest subscriber of that site and language who chose it had their last digest."""
    since = {}
    for group in groups:
        key = (group["site_id"], group["language"])
        for section in chosen_sections(_Chooser(group["sections"]), sections):
            previous = since.get((key, section.name))
            if previous is None or group["since"] < previous:
                since[key, section.name] = group["since"]
    content, roots = {}, {}
    for (key, name), start in sorted(since.items(), key=lambda item: str(item[0])):
        site = sites.get(key[0])
        if site is None:
            continue
        if key not in roots:
            roots[key] = language_root(site, key[1])
        section = next(section for section in sections if section.name == name)
        items = section.get_items(site, roots[key], key[1], start)
        if items:
            content.setdefault(key, {})[name] = items
    return content


class _Chooser:
    """What ``chosen_sections`` needs of a subscription: its list of section names."""

    def __init__(self, sections):
        self.sections = sections or []


def _due(groups, content, sections):
    """The subscriptions with something new in their chosen sections, as one condition."""
    due = Q(pk__in=[])
    for group in groups:
        found = content.get((group["site_id"], group["language"]), {})
        times = [
            item.first_published_at
            for section in chosen_sections(_Chooser(group["sections"]), sections)
            for item in found.get(section.name, ())
        ]
        if not times:
            continue
        newest = max(times)
        due |= (
            Q(site_id=group["site_id"], language=group["language"], sections=group["sections"])
            & Q(confirmed_at__lte=newest)
            & (
                Q(digest_delivery__sent_until__isnull=True)
                | Q(digest_delivery__sent_until__lt=newest)
            )
        )
    return due


def _supersede_stale():
    """Close what earlier runs left unfinished that no live worker holds: a batch that wrote
    no mail is dropped (this run covers its subscribers, whose watermarks did not move), one
    that did has its mail sent (what the outbox could not send, it retries)."""
    stale = list(
        DigestBatch.objects.filter(run__status=DigestRun.Status.RUNNING)
        .exclude(status=DigestBatch.Status.DONE)
        .order_by("pk")
    )
    for batch in stale:
        if not _claim(batch.pk):
            continue
        try:
            if batch.status == DigestBatch.Status.PENDING:
                DigestBatch.objects.filter(pk=batch.pk, status=batch.status).update(
                    status=DigestBatch.Status.DONE, finished_at=timezone.now()
                )
            _process(batch.pk, None)
        finally:
            _release(batch.pk)
    for run_id in {batch.run_id for batch in stale}:
        _finish_run(run_id)


def start_digest():
    """Record a run, cut its recipients into batches and queue them; return the run.

    Call it outside any transaction (the cron command, a task): the batches' tasks must see
    the committed batches. A batch whose task cannot be queued is sent here and now.
    """
    _supersede_stale()
    sections = digest_sections()
    groups = list(
        _confirmed()
        .values("site_id", "language", "sections")
        .annotate(since=Min(_since()))
        .order_by()
    )
    sites = Site.objects.select_related("root_page").in_bulk({group["site_id"] for group in groups})
    content = _read_content(groups, sections, sites) if groups else {}
    stored = {
        _content_key(*key): {
            name: [[item.pk, item.first_published_at.isoformat()] for item in items]
            for name, items in by_section.items()
        }
        for key, by_section in content.items()
    }
    due = []
    if content:
        due = list(
            _confirmed()
            .filter(_due(groups, content, sections))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
    size = batch_size()
    with transaction.atomic():
        run = DigestRun.objects.create(content=stored if due else {})
        batches = DigestBatch.objects.bulk_create(
            DigestBatch(
                run=run,
                first_subscription=due[start],
                last_subscription=due[min(start + size, len(due)) - 1],
            )
            for start in range(0, len(due), size)
        )
        if not batches:
            DigestRun.objects.filter(pk=run.pk).update(
                status=DigestRun.Status.FINISHED, finished_at=timezone.now()
            )
    for batch_id in [batch.pk for batch in batches]:
        if DigestBatch.objects.filter(pk=batch_id, status=DigestBatch.Status.DONE).exists():
            continue  # an earlier batch's task (the immediate backend) helped with it
        if not queue.enqueue(send_digest_batch, batch_id):
            run_batch(batch_id)  # the queue is down: this process sends it
    run.refresh_from_db()
    return run


def send_digest():
    """Send every due digest; return how many mails were sent by the time the batches
    were queued (with the immediate task backend: all of them)."""
    return start_digest().sent


# -- A batch ----------------------------------------------------------------------------------


class _Run:
    """What every batch of a run needs, read once per worker and run."""

    def __init__(self, run):
        self.run = run
        self.sections = digest_sections()
        self.from_email = mail.from_email()
        self.contents = {}
        self._items = None
        self._sites = {}

    def site(self, site_id):
        if site_id not in self._sites:
            self._sites[site_id] = Site.objects.select_related("root_page").get(pk=site_id)
        return self._sites[site_id]

    @property
    def items(self):
        """``{(site, language): {section name: [items]}}``: the run's content, as pages
        (still published: an item unpublished since the run started is left out)."""
        if self._items is None:
            self._items = {}
            by_name = {section.name: section for section in self.sections}
            for key, by_section in self.run.content.items():
                site_id, language = key.split(":", 1)
                site = self.site(int(site_id))
                root = language_root(site, language)
                for name, listed in by_section.items():
                    section = by_name.get(name)
                    if section is None or not listed:
                        continue
                    ids = {pk for pk, _published in listed}
                    start = min(parse_datetime(published) for _pk, published in listed)
                    found = [
                        item
                        for item in section.get_items(site, root, language, start)
                        if item.pk in ids
                    ]
                    self._items.setdefault((site.pk, language), {})[name] = found
        return self._items

    def parts_for(self, subscription):
        """``[(section, items)]`` new for ``subscription``: the run's items in their chosen
        sections first published after their watermark; a page once even if two sections
        carry it."""
        delivery = getattr(subscription, "digest_delivery", None)
        found = self.items.get((subscription.site_id, subscription.language), {})
        return new_parts(
            chosen_sections(subscription, self.sections),
            lambda section: found.get(section.name, ()),
            after=delivery.sent_until if delivery is not None else None,
            not_before=subscription.confirmed_at,
        )


def new_parts(sections, items_of, after=None, not_before=None):
    """``[(section, items)]``: each section's ``items_of(section)`` first published after
    ``after`` (a subscriber's watermark) and not before ``not_before`` (their confirmation),
    a page once even when two sections carry it; sections with nothing new left out."""
    parts, seen = [], set()
    for section in sections:
        items = []
        for item in items_of(section):
            published = item.first_published_at
            if item.pk in seen or (not_before is not None and published < not_before):
                continue
            if after is not None and published <= after:
                continue
            seen.add(item.pk)
            items.append(item)
        if items:
            parts.append((section, items))
    return parts


def _fingerprint(subscription, parts, sections):
    chosen = ",".join(section.name for section in chosen_sections(subscription, sections))
    listed = ";".join(
        f"{section.name}:{','.join(str(item.pk) for item in items)}" for section, items in parts
    )
    text = f"{subscription.site_id}|{subscription.language}|{chosen}|{listed}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _contents(state, wanted):
    """The shared content of each fingerprint in ``wanted`` (``{fingerprint: (subscription,
    parts)}``), rendered once per run whichever worker needs it first."""
    keys = {f"{MAIL_KIND}:{state.run.pk}:{fingerprint}": fingerprint for fingerprint in wanted}
    missing = [key for key, fingerprint in keys.items() if fingerprint not in state.contents]
    if missing:
        found = {content.key: content for content in MailContent.objects.filter(key__in=missing)}
        new = []
        for key in missing:
            if key in found:
                continue
            subscription, parts = wanted[keys[key]]
            subject, text, html, _marks = mail.digest_content(
                key,
                subscription.site,
                subscription.language,
                [section.name for section in chosen_sections(subscription, state.sections)],
                parts,
            )
            new.append(MailContent(key=key, subject=subject, text=text, html=html))
        if new:
            MailContent.objects.bulk_create(new, ignore_conflicts=True)
            found.update(
                {
                    content.key: content
                    for content in MailContent.objects.filter(
                        key__in=[content.key for content in new]
                    )
                }
            )
        for key, content in found.items():
            state.contents[keys[key]] = content
    return {fingerprint: state.contents[fingerprint] for fingerprint in wanted}


def _build(batch, state):
    """Write the batch's mail to the outbox and move its subscribers' watermarks, in one
    transaction holding their subscriptions' rows (two runs take turns)."""
    with transaction.atomic():
        locked = list(
            _confirmed()
            .select_for_update()
            .filter(pk__range=(batch.first_subscription, batch.last_subscription))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        # Read after the lock is held: a run that held it before has committed by now.
        subscriptions = list(
            Subscription.objects.filter(pk__in=locked)
            .select_related("digest_delivery")
            .order_by("pk")
        )
        planned, wanted = [], {}
        for subscription in subscriptions:
            subscription.site = state.site(subscription.site_id)
            parts = state.parts_for(subscription)
            if not parts:
                continue
            fingerprint = _fingerprint(subscription, parts, state.sections)
            wanted.setdefault(fingerprint, (subscription, parts))
            planned.append((subscription, parts, fingerprint))
        contents = _contents(state, wanted) if wanted else {}
        rows, watermarks, now = [], [], timezone.now()
        for subscription, parts, fingerprint in planned:
            content = contents[fingerprint]
            marks = mail.placeholders(content.key)
            substitutions, headers = mail.digest_substitutions(subscription, marks)
            rows.append(
                OutgoingMail(
                    kind=MAIL_KIND,
                    to=[subscription.email],
                    from_email=state.from_email,
                    subject=content.subject,
                    content=content,
                    substitutions=substitutions,
                    headers=headers,
                    key=f"{MAIL_KIND}:{subscription.pk}:{fingerprint}",
                    group=_group(batch),
                )
            )
            newest = max(item.first_published_at for _section, items in parts for item in items)
            watermarks.append(
                NewsletterDelivery(subscription=subscription, sent_until=newest, sent_at=now)
            )
        if rows:
            OutgoingMail.objects.bulk_create(rows, ignore_conflicts=True)
            NewsletterDelivery.objects.bulk_create(
                watermarks,
                update_conflicts=True,
                unique_fields=["subscription"],
                update_fields=["sent_until", "sent_at"],
            )
        DigestBatch.objects.filter(pk=batch.pk).update(
            status=DigestBatch.Status.BUILT, recipients=len(rows)
        )
        DigestRun.objects.filter(pk=batch.run_id).update(recipients=F("recipients") + len(rows))


def _group(batch):
    return f"digest-batch:{batch.pk}"


def _finish(batch):
    rows = OutgoingMail.objects.filter(group=_group(batch))
    sent = rows.filter(status=OutgoingMail.Status.SENT).count()
    unsent = rows.exclude(status=OutgoingMail.Status.SENT).count()
    with transaction.atomic():
        done = (
            DigestBatch.objects.filter(pk=batch.pk)
            .exclude(status=DigestBatch.Status.DONE)
            .update(
                status=DigestBatch.Status.DONE,
                sent=sent,
                failed=unsent,
                finished_at=timezone.now(),
            )
        )
        if done:
            DigestRun.objects.filter(pk=batch.run_id).update(
                sent=F("sent") + sent, failed=F("failed") + unsent
            )
    _finish_run(batch.run_id)
    if unsent:
        logger.error(
            "Career digest: %s of batch %s's mails could not be sent yet; the outbox retries "
            "them (deliver_career_mail).",
            unsent,
            batch.pk,
        )
    return sent


def _finish_run(run_id):
    if (
        not DigestBatch.objects.filter(run_id=run_id)
        .exclude(status=DigestBatch.Status.DONE)
        .exists()
    ):
        DigestRun.objects.filter(pk=run_id, status=DigestRun.Status.RUNNING).update(
            status=DigestRun.Status.FINISHED, finished_at=timezone.now()
        )


def _process(batch_id, state):
    """Build (if no worker did) and send one claimed batch; return the mails sent."""
    batch = DigestBatch.objects.filter(pk=batch_id).first()
    if batch is None or batch.status == DigestBatch.Status.DONE:
        return 0
    if batch.status == DigestBatch.Status.PENDING:
        _build(batch, state)
    outbox.deliver(
        OutgoingMail.objects.filter(
            group=_group(batch), status=OutgoingMail.Status.PENDING
        ).order_by("pk")
    )
    return _finish(batch)


def run_batch(batch_id):
    """The batch ``batch_id``, then the run's other batches no live worker holds, until the
    run is done (waiting at most ``WAIT_LIMIT`` seconds for the batches others hold: a
    batch whose worker dies is taken over at once). Return the mails this call sent."""
    run = DigestRun.objects.filter(batches__pk=batch_id).first()
    if run is None:
        return 0
    state = _Run(run)
    sent, deadline, first = 0, time.monotonic() + WAIT_LIMIT, [batch_id]
    while True:
        left = first or list(
            DigestBatch.objects.filter(run=run)
            .exclude(status=DigestBatch.Status.DONE)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if not left:
            return sent
        progressed = False
        for pk in left:
            if not _claim(pk):
                continue
            try:
                sent += _process(pk, state)
            except Exception:
                logger.exception(
                    "Career digest stopped at batch %s of run %s; it is tried again by the "
                    "run's other workers or the next run, without sending anything twice.",
                    pk,
                    run.pk,
                )
                raise
            finally:
                _release(pk)
            progressed = True
        first = []
        if not progressed:
            if time.monotonic() > deadline:
                logger.warning(
                    "Career digest run %s: batches %s are still held by other workers.",
                    run.pk,
                    left,
                )
                return sent
            time.sleep(WAIT_STEP)


@task()
def send_digest_batch(batch_id):
    """One batch of a digest run (queued by :func:`start_digest`)."""
    return run_batch(batch_id)


def pending_runs():
    """Runs whose batches are not all done (a worker is on them, or died on one)."""
    return DigestRun.objects.filter(status=DigestRun.Status.RUNNING)


def resume(older_than=timedelta(0)):
    """Queue again the unfinished batches of runs started more than ``older_than`` ago."""
    limit = timezone.now() - older_than
    ids = list(
        DigestBatch.objects.filter(run__in=pending_runs(), run__started_at__lte=limit)
        .exclude(status=DigestBatch.Status.DONE)
        .values_list("pk", flat=True)
    )
    for batch_id in ids:
        if not queue.enqueue(send_digest_batch, batch_id):
            run_batch(batch_id)
    return len(ids)
