"""The Gradio web app: ``server`` builds and launches it; one module per tab (``search``,
``duplicates``, ``simplify``, ``data``) plus the shared ``state`` (the open index), ``render``
(HTML fragments) and ``files`` (upload handling)."""
