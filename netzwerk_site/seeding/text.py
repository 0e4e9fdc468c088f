"""Turning the plain text of seed files into the HTML that rich-text fields store."""

from html import escape


def paragraphs_html(text):
    """Plain text as escaped HTML: blank lines separate paragraphs; lines starting "- " form a list."""
    html = []
    for block in (b.strip() for b in text.split("\n\n")):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if lines and all(line.startswith("- ") for line in lines):
            html.append("<ul>" + "".join(f"<li>{escape(line[2:])}</li>" for line in lines) + "</ul>")
        elif lines:
            html.append(f"<p>{escape(' '.join(block.split()))}</p>")
    return "".join(html)
