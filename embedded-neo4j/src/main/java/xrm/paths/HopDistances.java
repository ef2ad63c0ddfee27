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
 * drop partial paths that cannot reach the other end within maxHops. So only whole layers pay:
 * one that foreseeably overruns the budget is not started (around a hub, the third layer).
 *
 * A node whose relationships the search has already read whole (a ring index around a hub reads
 * its neighbours' relationships) is walked from that cache instead of the store. The cache keeps
 * edges to hidden and restricted nodes but none of theirs (Neighbourhoods), the store walk passes
 * through them: either way the distances are those of a graph with at least every edge a path
 * may use, so they are never longer than any path's.
 *
 * With a shared AdjacencyCache, a node's store facts come from there when an earlier call read
 * them, and a node read from the store is read with its weights and shared: a hub's ball is then
 * read once across calls instead of on every one.
 */
final class HopDistances {
    static final int UNREACHABLE = Integer.MAX_VALUE / 4;
    private final LongIntHashMap distance = new LongIntHashMap();
    private final List<MutableLongList> layers = new ArrayList<>();
    /** For the last layer found: how many relationships led into each of its nodes (a lower bound of its own). */
    private LongIntHashMap arrivals = new LongIntHashMap();
    private final Neighbourhoods neighbourhoods;
    private final long edgeBudget;
    /** Relationships walked so far, from the store or the cache, and those from the store alone. */
    private long spent;
    private long walkedInStore;
    /** A layer was cut short by the budget: nothing further is explored. */
    private boolean stopped;
    /** Every node within this many hops of the roots has its exact distance. */
    int radius;
    /** The roots' whole component was explored: a node without a distance cannot be reached at all. */
    private boolean wholeComponent;

    /** The distances out to maxRadius at once. */
    HopDistances(Neighbourhoods neighbourhoods, LongList roots, int maxRadius, long edgeBudget) {
        this(neighbourhoods, roots, edgeBudget);
        exploreTo(maxRadius);
    }

    /** Only the roots, until exploreTo goes further. */
    HopDistances(Neighbourhoods neighbourhoods, LongList roots, long edgeBudget) {
        this.neighbourhoods = neighbourhoods;
        this.edgeBudget = edgeBudget;
        MutableLongList frontier = new LongArrayList();
        roots.forEach(root -> {
            if (!distance.containsKey(root)) {
                distance.put(root, 0);
                frontier.add(root);
            }
        });
        layers.add(frontier);
        wholeComponent = frontier.isEmpty();
    }

    /** Explores further layers, up to maxRadius hops from the roots, within the budget. */
    void exploreTo(int maxRadius) {
        StoreReads store = neighbourhoods.store();
        int[] types = neighbourhoods.types();
        MutableLongList layer = layers.get(radius);
        while (!stopped && radius < maxRadius && !layer.isEmpty()) {
            if (radius > 0 && cannotFinish(layer)) {
                stopped = true;
                return;
            }
            MutableLongList next = new LongArrayList();
            arrivals = new LongIntHashMap();
            int hops = radius + 1;
            for (int i = 0; i < layer.size(); i++) {
                long node = layer.get(i);
                List<Neighbourhoods.Edge> known = known(node);
                // A layer cut short still holds exact distances; the nodes it misses are merely further.
                // A dense node (a distributor's thousands of SERVES) that would overrun the budget cuts the layer unread.
                if (radius > 0 && (spent > edgeBudget || spent + (known != null ? known.size() : store.countedDegree(node, types)) > edgeBudget)) {
                    stopped = true;
                    return;
                }
                if (known == null && neighbourhoods.sharing()) {
                    known = neighbourhoods.readShared(node);
                    walkedInStore += known.size();
                }
                if (known != null) {
                    spent += known.size();
                    for (Neighbourhoods.Edge edge : known) reached(edge.otherId, hops, next);
                } else {
                    // Only ids: no weights, nothing cached, so a wide ball stays cheap.
                    store.relationships(node, types, (relationship, type, start, end, other) -> {
                        spent++;
                        walkedInStore++;
                        reached(other, hops, next);
                    });
                }
            }
            radius++;
            layers.add(next);
            layer = next;
        }
        wholeComponent = layer.isEmpty();
    }

    /** The node's edges when this search or an earlier call (the shared cache) has them whole, else null. */
    private List<Neighbourhoods.Edge> known(long node) {
        Neighbourhoods.Adjacency adjacency = neighbourhoods.complete(node);
        return adjacency != null ? adjacency.edges : neighbourhoods.sharedEdges(node);
    }

    /** How many edges known(node) would give, without copying them out of the shared cache; -1 for none. */
    private int knownCount(long node) {
        Neighbourhoods.Adjacency adjacency = neighbourhoods.complete(node);
        return adjacency != null ? adjacency.edges.size() : neighbourhoods.sharedCount(node);
    }

    private void reached(long node, int hops, MutableLongList next) {
        int known = distance.getIfAbsent(node, -1);
        if (known < 0) {
            distance.put(node, hops);
            next.add(node);
        }
        if (known < 0 || known == hops) arrivals.addToValue(node, 1);
    }

    /**
     * Whether walking `layer` would overrun the budget before its last node, from lower bounds of
     * what each node costs: its cached edges, else its count in the store (a dense node), and at
     * least the relationships it was reached by. Such a layer is cut anyway, and a cut layer is
     * worthless: a node it did not reach is at least radius + 1 hops away, and one it reached is
     * exactly that far. The free bounds are summed first, so a wide layer is refused without a read.
     */
    private boolean cannotFinish(MutableLongList layer) {
        long least = spent;
        for (int i = 0; i < layer.size() - 1; i++) {
            long node = layer.get(i);
            Neighbourhoods.Adjacency known = neighbourhoods.complete(node);
            least += known != null ? known.edges.size() : arrivals.get(node);
            if (least > edgeBudget) return true;
        }
        least = spent;
        for (int i = 0; i < layer.size() - 1; i++) {
            long node = layer.get(i);
            int known = knownCount(node);
            least += known >= 0 ? known : Math.max(arrivals.get(node), neighbourhoods.store().countedDegree(node, neighbourhoods.types()));
            if (least > edgeBudget) return true;
        }
        return false;
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

    /** How far the distances went and what they walked, for the counts file. */
    String counts() {
        return "radius " + radius + (wholeComponent ? " whole" : "") + " walked " + spent + " in store " + walkedInStore;
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
