"""The progress bar of the long-running commands: rebuild_suche, bench_data, sichern, wiederherstellen."""

import time

from django.utils.formats import number_format

BREITE = 30


def balken(stdout, *, mit_zeit=False, breite=BREITE):
    """A progress(label, done, total) callback: one bar per label, redrawn only when it grows, ended with done."""
    started = time.monotonic()
    shown = {}

    def progress(label, done, total):
        filled = breite * done // total if total else breite
        if shown.get(label) == filled and done != total:
            return
        shown[label] = filled
        bar = "#" * filled + "." * (breite - filled)
        line = f"\r{label + ': ' if label else ''}[{bar}] {_zahl(done)}/{_zahl(total)}"
        if mit_zeit:
            line += f"  {time.monotonic() - started:.0f} s"
        stdout.write(line, ending="\n" if done == total else "")
        stdout.flush()

    return progress


def _zahl(value):
    return number_format(value, force_grouping=True)
