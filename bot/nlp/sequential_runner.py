"""Rasa's prediction graph run node by node in a cached order, without dask's scheduler.

Rasa runs the NLU pipeline and the policies of every message as a dask graph (three runs per
user message: the parse and one prediction per action). With dask's synchronous scheduler each run
recomputed the sub-graph the targets need (`minimal_graph_schema`, recursive), rebuilt the dask
graph, ordered it (`dask.order`) and ran every task through dask's state machine: ~7 % of Rasa's
CPU under load (py-spy, 20 users, 2026-12-06), for graphs of ~15 nodes that are chains.

`SequentialGraphRunner.run` computes each target set's node order once (dependencies first, as
dask's `get` guarantees) and calls the same `GraphNode`s with the same arguments dask would pass:
each need as its node's `(name, output)` tuple, an input placeholder as `(name, value)`, and a need
nothing provides as its bare name (which `GraphNode` reports, as before). Only the server's
prediction graph uses it (`rasa.core.processor`); training keeps Rasa's `DaskGraphRunner`.
`tests/test_sequential_runner.py` compares parses and predictions with dask's.
"""
from __future__ import annotations

from typing import Any, Dict, FrozenSet, List, Optional, Text, Tuple

from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner


class SequentialGraphRunner(DaskGraphRunner):
    """A `DaskGraphRunner` whose `run` calls the nodes in a precomputed dependency order."""

    def _plan(self, targets: Tuple[Text, ...], provided: FrozenSet[Text]) -> List[Tuple[Text, Tuple[Text, ...]]]:
        """The nodes to call for `targets`, each after its needs; an input replaces a node of its name."""
        plans: Dict[Any, List[Tuple[Text, Tuple[Text, ...]]]] = self.__dict__.setdefault("_plans", {})
        plan = plans.get((targets, provided))
        if plan is None:
            nodes = self._graph_schema.nodes
            plan, placed = [], set()

            def place(name: Text, path: Tuple[Text, ...]) -> None:
                if name in placed or name in provided or name not in nodes:
                    return
                if name in path:
                    raise GraphRunError(f"The graph has a cycle through '{name}'.")
                for need in nodes[name].needs.values():
                    place(need, path + (name,))
                placed.add(name)
                plan.append((name, tuple(nodes[name].needs.values())))

            for target in targets:
                place(target, ())
            plans[(targets, provided)] = plan
        return plan

    def run(self, inputs: Optional[Dict[Text, Any]] = None,
            targets: Optional[List[Text]] = None) -> Dict[Text, Any]:
        run_targets = tuple(targets if targets else self._graph_schema.target_names)
        plan = self._plan(run_targets, frozenset(inputs or ()))
        values: Dict[Text, Any] = {}
        for input_name, input_value in (inputs or {}).items():
            if isinstance(input_value, str) and input_value in self._graph_schema.nodes:
                raise GraphRunError(
                    f"Input value '{input_value}' clashes with a node name. Make sure "
                    f"that none of the input names passed to the `run` method are the "
                    f"same as node names in the graph schema."
                )
            values[input_name] = (input_name, input_value)
        for name, needs in plan:
            values[name] = self._instantiated_nodes[name](*(values.get(need, need) for need in needs))
        return dict(values[target] for target in run_targets)


def install() -> None:
    """The server's prediction graph (and only it) runs sequentially."""
    import rasa.core.processor

    rasa.core.processor.DaskGraphRunner = SequentialGraphRunner
