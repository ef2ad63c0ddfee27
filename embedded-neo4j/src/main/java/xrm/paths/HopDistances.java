package xrm.paths;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.collections.api.list.primitive.LongList;
import org.eclipse.collections.api.list.primitive.MutableLongList;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;

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
    /** Each node's distance, and for the last layer found how many relationships led into each of its nodes (a lower bound of its own). */
    private final DistanceTable distance = new DistanceTable();
    private final List<MutableLongList> layers = new ArrayList<>();
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
            if (distance.reach(root, 0)) frontier.add(root);
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
            int hops = radius + 1;
            for (int i = 0; i < layer.size(); i++) {
                long node = layer.get(i);
                Known known = i < lookedUp.length && lookedUp[i] != null ? lookedUp[i] : known(node);
                // A layer cut short still holds exact distances; the nodes it misses are merely further.
                // A dense node (a distributor's thousands of SERVES) that would overrun the budget cuts the layer unread.
                if (radius > 0 && (spent > edgeBudget || spent + (known != null ? known.count : store.countedDegree(node, types)) > edgeBudget)) {
                    stopped = true;
                    return;
                }
                if (known == null && neighbourhoods.sharing()) {
                    List<Neighbourhoods.Edge> read = neighbourhoods.readShared(node);
                    walkedInStore += read.size();
                    known = new Known(read, null, read.size());
                }
                if (known != null) {
                    spent += known.count;
                    if (known.edges != null) {
                        for (Neighbourhoods.Edge edge : known.edges) reached(edge.otherId, hops, next);
                    } else {
                        // Straight from the shared cache's arrays: no copy of a hub's thousands of edges.
                        for (Neighbourhoods.Edge[] edges : known.shared) for (Neighbourhoods.Edge edge : edges) reached(edge.otherId, hops, next);
                        neighbourhoods.edgesShared += known.count;
                    }
                } else {
                    // Only ids: no weights, nothing cached, so a wide ball stays cheap.
                    store.relationships(node, types, (relationship, type, start, end, other) -> {
                        spent++;
                        walkedInStore++;
                        reached(other, hops, next);
                    });
                }
            }
            lookedUp = NOTHING_LOOKED_UP;
            radius++;
            layers.add(next);
            layer = next;
        }
        wholeComponent = layer.isEmpty();
    }

    /** A node's edges known whole: this search's own list, or the shared cache's arrays of the walked types; `count` edges in all. */
    private record Known(List<Neighbourhoods.Edge> edges, Neighbourhoods.Edge[][] shared, int count) {}

    private static final Known[] NOTHING_LOOKED_UP = new Known[0];
    /** What cannotFinish looked up for the next layer's nodes, by position, so the walk asks the shared cache once per node. */
    private Known[] lookedUp = NOTHING_LOOKED_UP;

    /** The node's edges when this search or an earlier call (the shared cache) has them whole, else null. */
    private Known known(long node) {
        Neighbourhoods.Adjacency adjacency = neighbourhoods.complete(node);
        if (adjacency != null) return new Known(adjacency.edges, null, adjacency.edges.size());
        Neighbourhoods.Edge[][] shared = neighbourhoods.sharedArrays(node);
        if (shared == null) return null;
        int count = 0;
        for (Neighbourhoods.Edge[] edges : shared) count += edges.length;
        return new Known(null, shared, count);
    }

    private void reached(long node, int hops, MutableLongList next) {
        if (distance.reach(node, hops)) next.add(node);
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
            least += known != null ? known.edges.size() : distance.arrivals(node);
            if (least > edgeBudget) return true;
        }
        least = spent;
        lookedUp = new Known[layer.size()];
        for (int i = 0; i < layer.size() - 1; i++) {
            long node = layer.get(i);
            Known found = lookedUp[i] = known(node);
            int known = found != null ? found.count : -1;
            least += known >= 0 ? known : Math.max(distance.arrivals(node), neighbourhoods.store().countedDegree(node, neighbourhoods.types()));
            if (least > edgeBudget) return true;
        }
        return false;
    }

    /** A lower bound of the hops between the roots and `node`. */
    int atLeast(long node) {
        return distance.distance(node, wholeComponent ? UNREACHABLE : radius + 1);
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
        return smaller.distance.anySatisfy((node, distance) -> distance + larger.distance.distance(node, UNREACHABLE) <= hops);
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
