"""Server-rendered web pages: login, the fund page, the project page."""
