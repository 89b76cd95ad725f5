"""The `serve` command: start the web workbench on a store, read-only unless edits are allowed."""

from __future__ import annotations

import click


@click.command()
@click.argument("db_path", metavar="DB")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--allow-edits", is_flag=True,
              help="Open the store writable and offer the corrections: split and merge on fused event pages,"
                   " move and merge on story pages.")
def serve_command(db_path: str, host: str, port: int, allow_edits: bool) -> None:
    """Browse a store in a web browser: search, events, stories, actors, network, map, quotes.

    DB is an SQLite file or a PostgreSQL URL; it is opened read-only (every POST is
    refused) unless --allow-edits. Every page has its filters in its URL and a JSON
    variant (add ?format=json).

    \b
    Examples:
      dragoman serve news.db
      dragoman serve news.db --port 8080
      dragoman serve postgresql://localhost/news --host 0.0.0.0
      dragoman serve news.db --allow-edits
    """
    import uvicorn

    from ..cli import _open_store
    from .app import create_app

    with _open_store(db_path, create=False, read_only=not allow_edits):
        pass  # a store that cannot be opened is one line and exit status 4, before the server starts
    mode = "fusion and story corrections allowed" if allow_edits else "read-only"
    click.echo(f"dragoman workbench on http://{host}:{port}/ ({mode}; Ctrl+C stops it)", err=True)
    uvicorn.run(create_app(db_path, allow_edits), host=host, port=port, log_level="warning")
