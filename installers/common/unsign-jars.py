#!/usr/bin/env python3
"""Removes the jar signatures of the app's signed dependencies (JGit's), in place.

The JVM verifies a signed jar when it first loads a class from it (PKCS#7 parsing, an RSA signature,
a digest of every entry read: 40 ms of a scan's start-up), and class-data sharing leaves signed jars'
classes out of its archive. Neither protects anything here: whoever can change the jar can remove
its signature too, and the installed files are checked by the package manager's own checksums and
signature. Entries, their order and times are kept, so the build stays reproducible.

Usage: unsign-jars.py JAR...   (jars without a signature are left untouched)
"""
import os
import re
import sys
import zipfile

SIGNATURE = re.compile(r"META-INF/[^/]+\.(SF|RSA|DSA|EC)$|META-INF/SIG-[^/]+$")


def main_section(manifest: bytes) -> bytes:
    # The manifest's main section ends at the first empty line; what follows are the per-entry
    # digest sections that only the signature used.
    text = manifest.replace(b"\r\n", b"\n")
    head = text.split(b"\n\n", 1)[0]
    return head.rstrip(b"\n") + b"\n\n"


def unsign(jar: str) -> bool:
    with zipfile.ZipFile(jar) as src:
        if not any(SIGNATURE.match(n) for n in src.namelist()):
            return False
        tmp = jar + ".unsigned"
        try:
            with zipfile.ZipFile(tmp, "w") as dst:
                for info in src.infolist():
                    if SIGNATURE.match(info.filename):
                        continue
                    data = src.read(info)
                    if info.filename == "META-INF/MANIFEST.MF":
                        data = main_section(data)
                    dst.writestr(info, data)
        except BaseException:
            # jpackage ships everything in the input directory: no half-written jar may stay there.
            os.remove(tmp)
            raise
    os.replace(tmp, jar)
    return True


if __name__ == "__main__":
    for path in sys.argv[1:]:
        if unsign(path):
            print("unsigned " + os.path.basename(path))
