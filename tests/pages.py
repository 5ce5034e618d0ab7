"""Test helpers: wrap an article into a realistic web page, and list the text a Document keeps."""

from __future__ import annotations

import html

from factcheck.model import Document


def kept_lines(document: Document) -> list[str]:
    """The text outside the excluded spans, as stripped non-blank lines."""
    kept = list(document.text)
    for start, end in document.excluded:
        kept[start:end] = [" " if char != "\n" else "\n" for char in kept[start:end]]
    return [line.strip() for line in "".join(kept).split("\n") if line.strip()]


def wrap_in_page(
    headline: str,
    paragraphs: list[str],
    *,
    site: str = "Example Wire",
    author: str = "Dana Fields",
    published: str = "2025-07-23T07:19:00+00:00",
    charset: str = "utf-8",
) -> str:
    """An article page with the furniture real sites put around the story.

    Navigation, a cookie banner, share buttons, a newsletter form, a "most read" list
    and a footer all carry numbers that must not reach the main text.
    """
    e = html.escape
    body = "\n".join(f"      <p>{e(paragraph)}</p>" for paragraph in paragraphs)
    published_meta = (
        f'<meta property="article:published_time" content="{published}">' if published else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="{charset}">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{e(headline)} | {e(site)}</title>
  <meta property="og:site_name" content="{e(site)}">
  <meta property="og:title" content="{e(headline)}">
  <meta property="og:type" content="article">
  {published_meta}
  <meta name="author" content="{e(author)}">
  <link rel="stylesheet" href="/static/site.4821.css">
  <script async src="https://ads.example.net/tag.js?id=77120"></script>
  <script>
    window.dataLayer = window.dataLayer || [];
    dataLayer.push({{"section": "world", "wordCount": 612, "paywall": false}});
  </script>
  <style>.menu li {{ display: inline; margin: 0 12px; }}</style>
</head>
<body>
  <div class="cookie-banner" role="dialog">
    <p>We and our 843 partners use cookies to improve your experience.</p>
    <button>Accept all</button><button>Settings</button>
  </div>
  <header>
    <a class="logo" href="/">{e(site)}</a>
    <nav class="menu" aria-label="Main">
      <ul>
        <li><a href="/">Home</a></li><li><a href="/world">World</a></li>
        <li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
        <li><a href="/podcasts">Podcasts</a></li><li><a href="/live">Live: 24 hours</a></li>
      </ul>
    </nav>
    <form class="search" action="/search"><input name="q" placeholder="Search"></form>
  </header>
  <main>
    <article>
      <h1>{e(headline)}</h1>
      <div class="byline">By {e(author)}</div>
      <ul class="share">
        <li><a href="https://facebook.example/share">Share on Facebook</a></li>
        <li><a href="https://x.example/intent">Share on X</a></li>
        <li><a href="mailto:?subject=story">Email</a></li>
      </ul>
      <figure><img src="/img/lead-2025-1080x720.jpg" alt=""><figcaption>Photo: Wire staff</figcaption></figure>
{body}
    </article>
    <section class="newsletter">
      <h2>Sign up for our newsletter</h2>
      <p>Get the 5 biggest stories every morning at 7am.</p>
      <form><input type="email"><button>Subscribe</button></form>
    </section>
    <aside class="most-read">
      <h2>Most read</h2>
      <ol>
        <li><a href="/a/1">Oil climbs to $91 for the first time in 2 years</a></li>
        <li><a href="/a/2">Storm leaves 30,000 homes without power</a></li>
        <li><a href="/a/3">10 photos of the week</a></li>
      </ol>
    </aside>
    <section class="comments"><h2>Comments (128)</h2><p>Log in to comment.</p></section>
  </main>
  <footer>
    <nav><a href="/about">About us</a> | <a href="/contact">Contact</a> | <a href="/privacy">Privacy</a></nav>
    <p>© 2025 {e(site)} Ltd. Registered in England, company no. 04812345. All rights reserved.</p>
  </footer>
  <script>document.querySelectorAll(".share a").forEach(a => a.rel = "noopener");</script>
</body>
</html>
"""
