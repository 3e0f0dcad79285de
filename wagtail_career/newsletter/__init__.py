"""The career newsletter: signup with express consent, double opt-in, unsubscribe, digest.

A signup POST goes view → form → one insert-or-get on a unique key → a task sends the
confirmation → the same answer whatever the address's state.
"""
