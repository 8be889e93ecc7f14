"""Re-execute notebooks top to bottom in this environment and store their outputs.

This is the only way outputs get into the book's notebooks:

    make execute NB=chapters/01_tensors/pytorch.ipynb     # one notebook
    make execute                                           # all of them

Each notebook runs in a fresh kernel started in its own folder. Afterwards the metadata is cleaned
(only cell tags and the kernel spec are kept) and pieces of one printout are joined, so a re-run
changes nothing but real outputs.
"""

import sys
import time
from pathlib import Path

import nbclient
import nbformat
from nbconvert.preprocessors import CoalesceStreamsPreprocessor

KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


def clean_metadata(nb) -> None:
    """Keep only what the book needs: cell tags, the kernel spec and the language name. (nbconvert's
    ClearMetadataPreprocessor would do this for code cells only, leaving markdown cells' metadata.)"""
    nb.metadata = nbformat.from_dict({"kernelspec": KERNELSPEC, "language_info": {"name": "python"}})
    for cell in nb.cells:
        tags = cell.metadata.get("tags")
        cell.metadata = nbformat.from_dict({"tags": tags} if tags else {})


def execute(path: Path) -> float:
    """Execute the notebook at ``path`` in place; return the seconds it took."""
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    client = nbclient.NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    CoalesceStreamsPreprocessor().preprocess(nb, {})  # one printout, one output (the kernel flushes in parts)
    clean_metadata(nb)
    nbformat.write(nb, path)
    return time.perf_counter() - start


if __name__ == "__main__":
    paths = [Path(p) for p in sys.argv[1:]] or sorted(Path("chapters").glob("*/*.ipynb"))
    for path in paths:
        if path.suffix != ".ipynb" or not path.exists():
            sys.exit(f"not a notebook: {path}")
        print(f"{execute(path):6.1f} s  {path}", flush=True)
