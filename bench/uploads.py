"""Time and peak memory of checking hostile uploads (pixel bomb, zip bomb, fake PDF).

The files are made first; each is then checked in a fresh process, so the peak RSS
reported is that of Django plus the check alone: `.venv/bin/python bench/uploads.py`
"""

import io
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CASES = ["baseline", "png-12000x12000", "docx-200mb", "fake-pdf", "photo-6000x4000"]


def make(case: str) -> bytes:
    from PIL import Image

    if case == "png-12000x12000":
        out = io.BytesIO()
        Image.new("RGB", (12000, 12000)).save(out, "PNG", optimize=True)
        return out.getvalue()
    if case == "photo-6000x4000":  # 24 Mpx, under the limit: decoded in full
        out = io.BytesIO()
        noise = Image.effect_noise((6000, 4000), 8).convert("RGB")
        noise.save(out, "JPEG", quality=70)
        return out.getvalue()
    if case == "docx-200mb":
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            with archive.open("word/document.xml", "w") as member:
                for _ in range(200):
                    member.write(b"\0" * (1024 * 1024))
        return out.getvalue()
    if case == "fake-pdf":
        return b"%PDF-1.7\n" + b"\x8f garbage " * 500
    return b""


def check(case: str, path: str) -> None:
    import time

    import django

    sys.path.insert(0, str(ROOT))

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cdfmc.settings")
    os.environ.setdefault("DEBUG", "1")
    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from centres.uploads import check_upload

    content = Path(path).read_bytes()
    before = peak_rss_mb()
    start = time.perf_counter()
    outcome = "-"
    if content:
        try:
            outcome = check_upload(SimpleUploadedFile("f", content)).content_type
        except ValidationError as exc:
            outcome = exc.messages[0][:60]
    elapsed = (time.perf_counter() - start) * 1000
    print(
        f"| {case} | {len(content) / 1024:,.0f} KB | {elapsed:,.1f} ms "
        f"| {before:,.0f} → {peak_rss_mb():,.0f} MB | {outcome} |"
    )


def peak_rss_mb() -> float:
    # VmHWM starts afresh at exec (ru_maxrss would carry the parent's peak over).
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        check(*sys.argv[1:])
    else:
        print("| file | size | check time | peak RSS (before → after) | outcome |")
        print("|---|---|---|---|---|", flush=True)
        with tempfile.TemporaryDirectory() as folder:
            for case in CASES:
                path = Path(folder) / case
                path.write_bytes(make(case))
                subprocess.run([sys.executable, __file__, case, str(path)], check=True)  # noqa: S603
