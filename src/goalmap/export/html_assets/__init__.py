"""The explorer page's template, stylesheet and script (read by goalmap.export.html)."""
