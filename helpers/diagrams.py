"""Graphviz diagrams of small networks, drawn left to right as in the lectures.

A diagram is a ``Diagram`` (a ``graphviz.Digraph`` whose text form names its nodes instead of a memory
address); Jupyter shows it as an SVG image. Rendering needs the graphviz
``dot`` program (Debian/Ubuntu: ``apt-get install graphviz``; conda: ``conda install -c conda-forge graphviz``).
"""

import shutil

import graphviz


class Diagram(graphviz.Digraph):
    """A ``graphviz.Digraph`` that Jupyter shows as SVG, with a readable text form (no memory address).

    The text form is what a notebook stores beside the SVG (and what a plain-text viewer shows), e.g.
    ``Diagram: x → x*w, bias=True → ŷ``; ``layers`` and ``grouped`` set its ``description``.
    """

    description = ""

    def __repr__(self) -> str:
        return f"Diagram: {self.description}"


def check_dot_installed() -> None:
    """Raise RuntimeError with the install command when graphviz's ``dot`` program is missing."""
    if shutil.which("dot") is None:
        raise RuntimeError(
            "graphviz's 'dot' program is not installed: run 'apt-get install graphviz' "
            "(or 'conda install -c conda-forge graphviz')"
        )


def layers(*columns, edge_labels=None, title=None) -> Diagram:
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
    graph = Diagram(graph_attr={"rankdir": "LR", "label": title or "", "labelloc": "t"})
    for i, column in enumerate(columns):
        with graph.subgraph(name=f"cluster_{i}") as cluster:
            cluster.attr(style="invis")
            for node in column:
                cluster.node(node)
    for left, right in zip(columns, columns[1:]):
        for start in left:
            for end in right:
                graph.edge(start, end, label=edge_labels.get((start, end), ""))
    graph.description = " → ".join(", ".join(" ".join(node.split()) for node in column) for column in columns)
    return graph


def grouped(groups, edges, title=None) -> Diagram:
    """Draw a network as the lectures do: each group a grey box with a label, then the edges.

    ``groups`` is a list of ``(label, [node names])``, drawn left to right; ``edges`` a list of
    ``(from_node, to_node)`` or ``(from_node, to_node, edge_label)``.

    >>> grouped([("Layer 0", ["X"]), ("Layer 1", ["ŷ"])], [("X", "ŷ", "*w")])  # doctest: +SKIP
    """
    check_dot_installed()
    if not groups:
        raise ValueError("a diagram needs at least one group of nodes")
    ids = {}  # node name -> graphviz id; names such as "u1[:,0]" are shown as labels, since ':' means a port
    for label, nodes in groups:
        if isinstance(nodes, str) or not nodes:
            raise ValueError(f"group {label!r} must have a non-empty list of node names, got {nodes!r}")
        ids.update({node: f"n{len(ids) + i}" for i, node in enumerate(dict.fromkeys(nodes))})
    graph = Diagram(graph_attr={"rankdir": "LR", "label": title or "", "labelloc": "t"})
    for i, (label, nodes) in enumerate(groups):
        with graph.subgraph(name=f"cluster_{i}") as cluster:
            cluster.attr(style="filled", color="lightgrey", label=label)
            for node in nodes:
                cluster.node(ids[node], label=node)
    for edge in edges:
        if len(edge) not in (2, 3):
            raise ValueError(f"an edge is (from, to) or (from, to, label), got {edge!r}")
        start, end, *label = edge
        if start not in ids or end not in ids:
            raise ValueError(f"edge ({start!r}, {end!r}) names a node that is in no group")
        graph.edge(ids[start], ids[end], label=label[0] if label else "")
    graph.description = " → ".join(f"{label} ({', '.join(nodes)})" for label, nodes in groups)
    return graph


YHAT_FORMS = ("bias=False", "bias=True", "matrix")


def regression_yhat(form: str) -> Diagram:
    """Draw one of lecture 000's three equivalent ways to write ŷ = β̂₀ + β̂₁x as a one-node layer.

    ``form`` is ``"bias=False"`` (inputs 1 and x, one weight each), ``"bias=True"`` (input x only; the layer
    adds β̂₀ itself) or ``"matrix"`` (input X = [1 x], one weight vector β̂). The output is the identity.
    """
    if form not in YHAT_FORMS:
        raise ValueError(f"unknown form {form!r}; choose one of: {', '.join(YHAT_FORMS)}")
    if form == "bias=False":
        node = "β̂₀ + xβ̂₁\nbias=False"
        return layers(["1", "x"], [node], ["ŷ"], edge_labels={("1", node): "× β̂₀", ("x", node): "× β̂₁", (node, "ŷ"): "identity"})
    if form == "bias=True":
        node = "xβ̂₁ + β̂₀\nbias=True"
        return layers(["x"], [node], ["ŷ"], edge_labels={("x", node): "× β̂₁", (node, "ŷ"): "identity"})
    node = "Xβ̂\nbias=False"
    return layers(["X = [1 x]"], [node], ["ŷ"], edge_labels={("X = [1 x]", node): "@ β̂", (node, "ŷ"): "identity"})


def one_hidden_layer(units: int, detailed: bool = False) -> Diagram:
    """Lecture 002's drawing of X → a hidden relu layer of ``units`` nodes → ŷ, in grey boxes Layer 0, 1, 2.

    With more than three units the middle ones are drawn as "...". ``detailed=True`` draws each hidden
    node as u1[:,j] → v1[:,j] (before and after relu) with the weights on the edges, as the lecture does.
    """
    if not isinstance(units, int) or isinstance(units, bool) or units < 1:
        raise ValueError(f"units must be a positive integer, got {units!r}")
    shown = list(range(units)) if units <= 3 else [0, 1, None, units - 1]
    if detailed:
        hidden = [f"u1[:,{j}]" for j in shown if j is not None] + [f"v1[:,{j}]" for j in shown if j is not None]
        edges = [("X", f"u1[:,{j}]", f"*W1[0,{j}]") for j in shown if j is not None]
        edges += [(f"u1[:,{j}]", f"v1[:,{j}]", "relu") for j in shown if j is not None]
        edges += [(f"v1[:,{j}]", "ŷ", f"*W2[{j},0]") for j in shown if j is not None]
        label = "Layer 1"
    else:
        hidden = [f"node{j + 1}" if j is not None else "..." for j in shown]
        edges = [("X", node) for node in hidden] + [(node, "ŷ") for node in hidden]
        label = "Layer 1: relu"
    return grouped([("Layer 0", ["X"]), (label, hidden), ("Layer 2", ["ŷ"])], edges)


def one_unit(activation: str) -> Diagram:
    """Lecture 002's drawing of a single unit: x → x*w + bias → ŷ through ``activation`` ("identity", "relu")."""
    if not isinstance(activation, str) or not activation:
        raise ValueError(f"activation must be a name such as 'identity' or 'relu', got {activation!r}")
    node = "x*w,    bias=True"
    return layers(["x"], [node], ["ŷ"], edge_labels={("x", node): "*w", (node, "ŷ"): activation})
