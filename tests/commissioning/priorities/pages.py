from bs4 import BeautifulSoup
from django.urls import reverse


def url(name: str, programme, **kwargs) -> str:
    return reverse(f"priorities:{name}", kwargs={"programme_id": programme.pk, **kwargs})


def text(response) -> str:
    """What a reader sees on the page, as one line of text."""
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
