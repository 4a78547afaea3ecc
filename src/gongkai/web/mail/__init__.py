"""Outgoing mail: Chinese text templates (data), delivery on the task queue, and the page
that lists the mails the demo's file backend kept."""
