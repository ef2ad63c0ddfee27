package xrm.paths;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.collections.api.list.primitive.LongList;
import org.eclipse.collections.api.list.primitive.MutableLongList;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;

/** A complete path from a source to the target. */
final class FoundPath {
    final LongList nodes;
    final List<Neighbourhoods.Edge> edges;
    final double strength;
    /** The same path can be joined at several middle edges in later rounds; its root and relationships name it. */
    final String signature;

    private FoundPath(LongList nodes, List<Neighbourhoods.Edge> edges) {
        this.nodes = nodes;
        this.edges = edges;
        // Multiplied in path order, the same way for every path, so equal paths get equal numbers.
        double product = 1;
        StringBuilder name = new StringBuilder().append(nodes.get(0));
        for (Neighbourhoods.Edge edge : edges) {
            product *= edge.weight;
            name.append('|').append(edge.id);
        }
        this.strength = product;
        this.signature = name.toString();
    }

    int hops() {
        return edges.size();
    }

    /** The path root(head) … head = tail … target, or null when a node would repeat. */
    static FoundPath join(PathSearch.Partial head, PathSearch.Partial tail) {
        MutableLongList nodes = new LongArrayList(head.hops + tail.hops + 1);
        List<Neighbourhoods.Edge> edges = new ArrayList<>(head.hops + tail.hops);
        for (PathSearch.Partial p = head; p != null; p = p.parent) {
            nodes.add(p.nodeId);
            if (p.edge != null) edges.add(p.edge);
        }
        nodes.reverseThis();
        Collections.reverse(edges);
        for (PathSearch.Partial p = tail; p.parent != null; p = p.parent) {
            nodes.add(p.parent.nodeId);
            edges.add(p.edge);
        }
        LongHashSet seen = new LongHashSet();
        for (int i = 0; i < nodes.size(); i++) if (!seen.add(nodes.get(i))) return null;
        return new FoundPath(nodes, edges);
    }
}
