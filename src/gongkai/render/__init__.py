"""Renderers of the annual report: one module per output format."""

from gongkai.render.dispatch import RENDERERS, render

__all__ = ["RENDERERS", "render"]
