"""Moderated comments on career articles, built on django-comments-xtd's storage.

The package uses xtd's ``XtdComment`` model (threading, ``followup``) and django_comments'
forms, signals, moderator and ``CommentFlag`` records, but not xtd's URLs, views, REST API
or templates: those are replaced by ``views`` (posting, flagging, confirm and mute pages
that change state on POST only), ``display`` (the comment section in a fixed number of
queries), ``admin`` (the moderation queue) and ``tasks`` (mail through django-tasks).
"""
