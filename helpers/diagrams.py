"""Graphviz diagrams of small networks, drawn left to right as in the lectures.

A diagram is a ``graphviz.Digraph``; Jupyter shows it as an SVG image. Rendering needs the graphviz
``dot`` program (Debian/Ubuntu: ``apt-get install graphviz``; conda: ``conda install -c conda-forge graphviz``).
"""

import shutil

import graphviz


def check_dot_installed() -> None:
    """Raise RuntimeError with the install command when graphviz's ``dot`` program is missing."""
    if shutil.which("dot") is None:
        raise RuntimeError(
            "graphviz's 'dot' program is not installed: run 'apt-get install graphviz' "
            "(or 'conda install -c conda-forge graphviz')"
        )


def layers(*columns, edge_labels=None, title=None) -> graphviz.Digraph:
    """Draw fully connected layers: each argument is a list of node names, left to right.

    ``edge_labels`` maps ``(from_node, to_node)`` to a label such as ``"× β₁"``.

    >>> layers(["1", "x"], ["ŷ"], edge_labels={("1", "ŷ"): "β₀", ("x", "ŷ"): "β₁"})  # doctest: +SKIP
    """
    check_dot_installed()
    if len(columns) < 2:
        raise ValueError(f"a diagram needs at least two layers, got {len(columns)}")
    for i, column in enumerate(columns):
        if isinstance(column, str) or not column:
            raise ValueError(f"layer {i} must be a non-empty list of node names, got {column!r}")
    edge_labels = dict(edge_labels or {})
    known = {node for column in columns for node in column}
    for start, end in edge_labels:
        if start not in known or end not in known:
            raise ValueError(f"edge label for ({start!r}, {end!r}) names a node that is not drawn")
    graph = graphviz.Digraph(graph_attr={"rankdir": "LR", "label": title or "", "labelloc": "t"})
    for i, column in enumerate(columns):
        with graph.subgraph(name=f"cluster_{i}") as cluster:
            cluster.attr(style="invis")
            for node in column:
                cluster.node(node)
    for left, right in zip(columns, columns[1:]):
        for start in left:
            for end in right:
                graph.edge(start, end, label=edge_labels.get((start, end), ""))
    return graph
