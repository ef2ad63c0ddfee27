package xrm.paths;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.collections.api.list.primitive.LongList;
import org.eclipse.collections.api.list.primitive.MutableLongList;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;

/**
 * Hop distances from a set of roots, found breadth first, layer by layer, while the relationships
 * read stay within a budget (always at least the first layer). A node outside the explored layers
 * is at least one hop further than the last full one: a lower bound is all the search needs to
 * drop partial paths that cannot reach the other end within maxHops.
 */
final class HopDistances {
    static final int UNREACHABLE = Integer.MAX_VALUE / 4;
    private final LongIntHashMap distance = new LongIntHashMap();
    private final List<MutableLongList> layers = new ArrayList<>();
    /** Every node within this many hops of the roots has its exact distance. */
    int radius;
    /** The roots' whole component was explored: a node without a distance cannot be reached at all. */
    private boolean wholeComponent;

    HopDistances(StoreReads store, int[] types, LongList roots, int maxRadius, long edgeBudget) {
        MutableLongList frontier = new LongArrayList();
        roots.forEach(root -> {
            if (!distance.containsKey(root)) {
                distance.put(root, 0);
                frontier.add(root);
            }
        });
        layers.add(frontier);
        long[] spent = {0};
        MutableLongList layer = frontier;
        while (radius < maxRadius && !layer.isEmpty()) {
            MutableLongList next = new LongArrayList();
            int hops = radius + 1;
            for (int i = 0; i < layer.size(); i++) {
                // A layer cut short still holds exact distances; the nodes it misses are merely further.
                if (radius > 0 && spent[0] > edgeBudget) return;
                // A dense node (a distributor's thousands of SERVES) that would overrun the budget cuts the layer unread.
                if (radius > 0 && spent[0] + store.countedDegree(layer.get(i), types) > edgeBudget) return;
                // Only ids: no weights, nothing cached, so a wide ball stays cheap.
                store.relationships(layer.get(i), types, (relationship, type, start, end, other) -> {
                    spent[0]++;
                    if (!distance.containsKey(other)) {
                        distance.put(other, hops);
                        next.add(other);
                    }
                });
            }
            radius++;
            layers.add(next);
            layer = next;
        }
        wholeComponent = layer.isEmpty();
    }

    /** A lower bound of the hops between the roots and `node`. */
    int atLeast(long node) {
        return distance.getIfAbsent(node, wholeComponent ? UNREACHABLE : radius + 1);
    }

    /** Exact distances are known this far out: the radius, or without limit for a whole component. */
    int exactWithin() {
        return wholeComponent ? UNREACHABLE : radius;
    }

    /**
     * Whether some node is at most `hops` from both sets of roots, as far as the two searches can
     * tell; null when they cannot (together they did not look far enough).
     */
    static Boolean meetWithin(HopDistances a, HopDistances b, int hops) {
        if ((long) a.exactWithin() + b.exactWithin() < hops) return null;
        HopDistances smaller = a.distance.size() <= b.distance.size() ? a : b;
        HopDistances larger = smaller == a ? b : a;
        return smaller.distance.keyValuesView().anySatisfy(entry ->
                larger.distance.containsKey(entry.getOne()) && entry.getTwo() + larger.distance.get(entry.getOne()) <= hops);
    }

    /** The roots and the nodes one hop from them; null when even that layer was not finished. */
    LongList withinOneHop() {
        if (radius < 1) return null;
        MutableLongList nodes = new LongArrayList();
        nodes.addAll(layers.get(0));
        nodes.addAll(layers.get(1));
        return nodes;
    }
}
