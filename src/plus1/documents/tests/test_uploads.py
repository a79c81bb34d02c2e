# SPDX-License-Identifier: EUPL-1.2
"""Uploaded files are judged by their content, not their name: a size limit, the kinds we
accept, content that must match the extension, and the virus-scan hook."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from plus1.documents.uploads import DOCX, ODT, PDF, PNG, upload_check

PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


def _zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX_BYTES = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT_BYTES = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})


def _file(name, content):
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("huurcontract.pdf", PDF_BYTES, PDF),
        ("foto.PNG", PNG_BYTES, PNG),
        ("brief.docx", DOCX_BYTES, DOCX),
        ("brief.odt", ODT_BYTES, ODT),
    ],
)
def test_accepted_kinds_are_recognised_by_content(name, content, kind):
    checked, problems = upload_check([_file(name, content)])
    assert problems == []
    assert [(item.name, item.kind) for item in checked] == [(name, kind)]


def test_every_problem_is_named_per_file(settings):
    settings.UPLOAD_MAX_BYTES = 1024
    checked, problems = upload_check(
        [
            _file("groot.pdf", PDF_BYTES + b"0" * 2048),
            _file("programma.exe", b"MZ\x90\x00"),
            _file("nep.pdf", PNG_BYTES),
            _file("tekst.docx", _zip({"readme.txt": b"hallo"})),
            _file("goed.pdf", PDF_BYTES),
        ]
    )
    assert [item.name for item in checked] == ["goed.pdf"]
    assert problems == [
        "‘groot.pdf’ is te groot (2 kB). Een bestand mag hoogstens 1 kB zijn.",
        "‘programma.exe’ is geen bestandssoort die wij aannemen. Stuur een PDF, een foto of "
        "afbeelding (JPG, PNG, GIF, WebP, TIFF) of een Office-document.",
        "De inhoud van ‘nep.pdf’ past niet bij de naam: het is geen PDF. Stuur een PDF, een foto "
        "of afbeelding (JPG, PNG, GIF, WebP, TIFF) of een Office-document.",
        "De inhoud van ‘tekst.docx’ past niet bij de naam: het is geen Word-document. Stuur een "
        "PDF, een foto of afbeelding (JPG, PNG, GIF, WebP, TIFF) of een Office-document.",
    ]


def refuse_eicar(name: str, content: bytes) -> str | None:
    return "er zit een virus in." if b"EICAR" in content else None


def broken_scanner(name: str, content: bytes) -> str | None:
    raise ConnectionError("scanner down")


def test_the_virus_scan_hook_refuses_and_a_failing_scanner_lets_nothing_through(settings):
    settings.UPLOAD_VIRUS_SCANNER = f"{__name__}.refuse_eicar"
    checked, problems = upload_check(
        [_file("a.pdf", PDF_BYTES + b"EICAR"), _file("b.pdf", PDF_BYTES)]
    )
    assert [item.name for item in checked] == ["b.pdf"]
    assert problems == ["‘a.pdf’ is geweigerd door de virusscanner: er zit een virus in."]

    settings.UPLOAD_VIRUS_SCANNER = f"{__name__}.broken_scanner"
    checked, problems = upload_check([_file("b.pdf", PDF_BYTES)])
    assert checked == [] and "kon niet worden gecontroleerd" in problems[0]
