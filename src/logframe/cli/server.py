"""Serve the web interface with gunicorn (the production server), in the foreground."""

from __future__ import annotations

from typing import Any

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):  # type: ignore[misc]
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        from logframe.wsgi import application

        return application


def run_server(*, host: str, port: int, workers: int = 2) -> None:
    print(f"serving Logframe on http://{host}:{port}/  (Ctrl-C stops)", flush=True)
    _Server(
        {
            "bind": f"{host}:{port}",
            "workers": workers,
            "accesslog": "-",
            "errorlog": "-",
            "loglevel": "warning",
            "timeout": 60,
        }
    ).run()
