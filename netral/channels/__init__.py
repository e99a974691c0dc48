"""Channels: where reports arrive besides the web form (WhatsApp, e-mail) and captured posts."""
