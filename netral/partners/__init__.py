"""Partners: signed webhooks, the event feed and the case exchange with partner systems."""
