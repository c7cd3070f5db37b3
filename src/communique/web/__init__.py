"""The browser UI of Communique: Jinja2 pages and small vendored static files (no CDN; works offline)."""
