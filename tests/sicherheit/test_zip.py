"""Zip bombs posing as office documents: the type check inflates only a bounded number of bytes.

Each bomb's "mimetype" entry inflates to 256 MiB; its headers either tell the truth or claim a few bytes.
"""

import bz2
import functools
import struct
import zipfile
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from netzwerk_site import uploads

INFLATED_BYTES = 256 * 1024 * 1024
ODT_MIME = b"application/vnd.oasis.opendocument.text"
CHUNK = bytes(1024 * 1024)


@functools.cache
def deflated_zeros():
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return b"".join(compressor.compress(CHUNK) for _ in range(INFLATED_BYTES // len(CHUNK))) + compressor.flush()


@functools.cache
def bzip2_zeros():
    compressor = bz2.BZ2Compressor(9)
    return b"".join(compressor.compress(CHUNK) for _ in range(INFLATED_BYTES // len(CHUNK))) + compressor.flush()


def zip_with_mimetype(method, payload, declared_size):
    """A zip whose only entry "mimetype" holds payload, compressed with method, declaring declared_size."""
    name = b"mimetype"
    sizes = struct.pack("<III", zlib.crc32(ODT_MIME), len(payload), declared_size)
    local = struct.pack("<4sHHHHH", b"PK\x03\x04", 46, 0, method, 0, 0x21) + sizes + struct.pack("<HH", len(name), 0)
    central = struct.pack("<4sHHHHHH", b"PK\x01\x02", 46, 46, 0, method, 0, 0x21) + sizes
    central += struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, 0, 0) + name
    body = local + name + payload
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, len(central), len(body), 0)
    return SimpleUploadedFile(
        "bericht.odt", body + central + end, content_type="application/vnd.oasis.opendocument.text"
    )


@pytest.fixture
def inflated(monkeypatch):
    """Counts every byte any zip decompressor hands out, whichever read path asked for it."""
    counter = {"bytes": 0}
    real_get_decompressor = zipfile._get_decompressor

    class CountingDecompressor:
        def __init__(self, real):
            self.real = real

        def decompress(self, data, *args):
            output = self.real.decompress(data, *args)
            counter["bytes"] += len(output)
            return output

        def flush(self):
            output = self.real.flush()
            counter["bytes"] += len(output)
            return output

        def __getattr__(self, name):
            return getattr(self.real, name)

    def counting_get_decompressor(compress_type):
        real = real_get_decompressor(compress_type)
        return CountingDecompressor(real) if real is not None else None

    monkeypatch.setattr(zipfile, "_get_decompressor", counting_get_decompressor)
    return counter


@pytest.mark.unit
@pytest.mark.parametrize(
    ("method", "payload", "declared_size"),
    [
        pytest.param(zipfile.ZIP_DEFLATED, deflated_zeros, INFLATED_BYTES, id="deflate-honest-header"),
        pytest.param(zipfile.ZIP_DEFLATED, deflated_zeros, len(ODT_MIME), id="deflate-header-claims-39-bytes"),
        pytest.param(zipfile.ZIP_BZIP2, bzip2_zeros, len(ODT_MIME), id="bzip2-header-claims-39-bytes"),
    ],
)
def test_odt_whose_mimetype_entry_inflates_to_256_mib_is_refused_without_inflating(
    inflated, method, payload, declared_size
):
    bombe = zip_with_mimetype(method, payload(), declared_size)

    dateityp = uploads.detect_type(bombe)

    assert (dateityp, inflated["bytes"]) == (None, 0)


@pytest.mark.unit
def test_odt_with_a_stored_mimetype_entry_is_recognised_without_inflating(inflated):
    odt = zip_with_mimetype(zipfile.ZIP_STORED, ODT_MIME, len(ODT_MIME))

    dateityp = uploads.detect_type(odt)

    assert (dateityp, inflated["bytes"]) == (uploads.ODT, 0)
