"""The comment section shows its own messages; the site's message area shows the rest, once."""

from django.contrib import messages
from django.contrib.messages.storage import default_storage
from django.contrib.sessions.middleware import SessionMiddleware

from wagtail_career.comments.display import add_message, pop_comment_messages


def request_with_messages(rf):
    request = rf.get("/")
    SessionMiddleware(lambda request: None).process_request(request)
    request._messages = default_storage(request)
    return request


def test_the_sites_message_area_shows_only_the_other_messages_once(rf):
    request = request_with_messages(rf)
    add_message(request, messages.SUCCESS, "Votre commentaire attend la modération.")
    messages.info(request, "Bienvenue.")

    ours = pop_comment_messages(request)

    assert [m.message for m in ours] == ["Votre commentaire attend la modération."]
    # What base.html's {% for message in messages %} iterates next in the same response.
    assert [m.message for m in messages.get_messages(request)] == ["Bienvenue."]


def test_other_messages_wait_for_a_page_that_shows_them(rf):
    request = request_with_messages(rf)
    messages.info(request, "Bienvenue.")
    assert pop_comment_messages(request) == []
    # Not shown by this response: still queued, so the storage keeps them for the next one.
    assert [m.message for m in request._messages._queued_messages] == ["Bienvenue."]
