"""The progress bar of the long-running commands: search_rebuild, bench_data, sichern, wiederherstellen."""

import time

from django.utils.formats import number_format

WIDTH = 30


def progress_bar(stdout, *, with_time=False, width=WIDTH):
    """A progress(label, done, total) callback: one bar per label, redrawn only when it grows, ended with done."""
    started = time.monotonic()
    shown = {}

    def progress(label, done, total):
        filled = width * done // total if total else width
        if shown.get(label) == filled and done != total:
            return
        shown[label] = filled
        bar = "#" * filled + "." * (width - filled)
        line = f"\r{label + ': ' if label else ''}[{bar}] {_number(done)}/{_number(total)}"
        if with_time:
            line += f"  {time.monotonic() - started:.0f} s"
        stdout.write(line, ending="\n" if done == total else "")
        stdout.flush()

    return progress


def _number(value):
    return number_format(value, force_grouping=True)
