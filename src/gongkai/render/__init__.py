"""Renderers of the annual report: one module per output format."""

from gongkai.render.dispatch import MEDIA_TYPES, RENDERERS, TEXT_TARGETS, render

__all__ = ["MEDIA_TYPES", "RENDERERS", "TEXT_TARGETS", "render"]
