"""Notifications (docs/DOMAIN.md §14): inbox, email outbox, reminders and their timer."""
