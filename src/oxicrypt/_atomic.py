"""Writing a file so that readers see either the old content or the whole new one.

The data goes to a new temporary file next to the target (same directory, so the same
file system), is flushed to disk, and then takes the target's name in one rename. A crash
or an error part-way leaves the target as it was and no temporary file behind. The
temporary file is created with its final permission bits, so a private key is never
readable by others, not even for a moment.

Replacing an existing file (``overwrite``) makes a new file: it does not keep the old
file's permission bits, owner, group or hard links, and a symbolic link at the target's
name is replaced by a regular file while the file it pointed to stays as it was. That is
deliberate: writing through a link could put a private key wherever the link points, and
keeping an old file's looser mode (``0644``) could expose it. Callers that want the old
mode back set it themselves.
"""

from __future__ import annotations

import os
import secrets


def write_atomic(path: str, data: bytes, mode: int, *, overwrite: bool = False) -> None:
    """Writes ``data`` to ``path`` atomically, creating it with permission bits ``mode``
    (the umask may remove more). Raises :exc:`FileExistsError` when ``path`` exists and
    ``overwrite`` is false; then nothing is written."""
    if not overwrite and os.path.lexists(path):
        raise FileExistsError(17, "File exists", path)
    directory, name = os.path.split(os.path.abspath(path))
    temp = os.path.join(directory, f".{name}.{secrets.token_hex(8)}.tmp")
    # O_EXCL: never follow or reuse something already there under the temporary name.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(temp, flags | getattr(os, "O_BINARY", 0), mode)
    try:
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            os.fsync(fd)
        finally:
            os.close(fd)
        if overwrite:
            os.replace(temp, path)
        else:
            _link_new(temp, path)
    except BaseException:
        # Also on KeyboardInterrupt: no half-written temporary file is left behind.
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise
    _sync_directory(directory)


def _link_new(temp: str, path: str) -> None:
    """Gives ``temp`` the name ``path`` unless that name exists, without the gap between
    a check and a rename: a hard link fails if the name is taken."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:
        # File systems without hard links (FAT, some network mounts): check, then rename.
        if os.path.lexists(path):
            raise FileExistsError(17, "File exists", path) from None
        os.replace(temp, path)
        return
    os.unlink(temp)


def _sync_directory(directory: str) -> None:
    """Makes the rename itself durable. Best effort: not every platform can open a
    directory (Windows cannot), and the file is already complete either way."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    try:
        fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
