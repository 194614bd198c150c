"""HTML to tagged PDF with WeasyPrint, fetching nothing but the project's own static files."""

import functools
import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

# Relative URLs in report templates resolve against this made-up origin; the fetcher
# maps it to static files and refuses everything else, so a report never touches the network.
BASE_URL = "https://report.invalid/"


# WeasyPrint is imported on first use, not with the URLs: loading it finds and opens Pango's
# libraries (about a second), which every web and management process would otherwise pay.
@functools.cache
def static_only_url_fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyURLFetcher(URLFetcher):
        def fetch(self, url: str, headers=None) -> URLFetcherResponse:
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if f"{parts.scheme}://{parts.netloc}/" != BASE_URL or not parts.path.startswith(settings.STATIC_URL):
                raise ValueError("Reports may only use the service's own static files")
            relative = unquote(parts.path.removeprefix(settings.STATIC_URL))
            path = static_file_path(relative)
            if path is None:
                raise ValueError("Static file not found")
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": content_type})

    return StaticOnlyURLFetcher


def static_file_path(relative: str) -> Path | None:
    if ".." in Path(relative).parts:
        return None
    found = finders.find(relative)
    if found:
        return Path(found)
    collected = Path(settings.STATIC_ROOT) / relative
    return collected if collected.is_file() else None


def pdf_from_html(*, html: str, identifier: bytes) -> tuple[bytes, int]:
    """Lay out a rendered print template as PDF/UA-1: most of a long report's time."""
    from weasyprint import HTML

    fetcher = static_only_url_fetcher_class()(timeout=5)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render(
        pdf_variant="pdf/ua-1"
    )
    pdf = document.write_pdf(pdf_identifier=identifier, pdf_variant="pdf/ua-1")
    return pdf, len(document.pages)
