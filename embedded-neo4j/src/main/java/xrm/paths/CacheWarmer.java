package xrm.paths;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.collections.impl.map.mutable.primitive.LongDoubleHashMap;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Transaction;
import org.neo4j.internal.kernel.api.NodeCursor;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.storageengine.api.RelationshipSelection;

/**
 * Reads the neighbourhoods of a database's best-connected nodes into its AdjacencyCache once the
 * database has started, in a thread of its own, so that the first question about a hub does not
 * pay for reading its surroundings from the store. At 10⁶ nodes a hub new to the cache cost its
 * search 50–130 ms more than a known one: tens of thousands of relationship records and weights
 * around it (the hub's contacts' relationships, then those of the contacts' strongest contacts),
 * read at ≈ 2 µs each with the store already in the page cache.
 *
 * The best-connected nodes are those with the most relationships of the strong types (KNOWS,
 * INFLUENCES, REPORTS_TO, REFERRED: every hop weight above 0.5), which a search steps over first;
 * the store counts them for dense nodes, so finding them reads no relationship. Around each, within
 * a budget of edges, it reads the node, all its neighbours, and then the nodes further out in order
 * of their strongest path from it: the order in which a search's partial paths from the hub ask
 * for them. Everything is read and offered as a search would (Neighbourhoods), under a
 * stamp taken per node, so a commit that overlaps the warm-up keeps it from storing what it read,
 * and the cache stays exact. It stops at the database's shutdown, and reads no more than half of
 * the cache's cap from the store.
 *
 * How many nodes: XRM_PATHS_CACHE_WARM_NODES, or the system property xrm.paths.cacheWarmNodes
 * (default 16; 0 turns the warm-up off).
 */
final class CacheWarmer implements Runnable {
    static final int DEFAULT_NODES = 16;
    /**
     * How far out around one node, in edges held: at 10⁶ a search between two hubs new to the cache
     * read up to ≈ 110,000 around its target besides what earlier searches had left around others.
     */
    static final long EDGES_AROUND = 250_000;
    /** Below this many nodes in the store, nodes without a counted degree (sparse ones) are ranked too: there are hubs among them. */
    private static final long SMALL_STORE = 200_000;
    private static final List<String> STRONG = List.of(HopWeights.KNOWS, HopWeights.INFLUENCES, HopWeights.REPORTS_TO, HopWeights.REFERRED);

    private final GraphDatabaseAPI database;
    private final AdjacencyCache cache;
    private final int nodes;
    private volatile boolean stopped;

    CacheWarmer(GraphDatabaseAPI database, AdjacencyCache cache, int nodes) {
        this.database = database;
        this.cache = cache;
        this.nodes = nodes;
    }

    /** From XRM_PATHS_CACHE_WARM_NODES or -Dxrm.paths.cacheWarmNodes, else DEFAULT_NODES. */
    static int configuredNodes() {
        String given = System.getProperty("xrm.paths.cacheWarmNodes", System.getenv("XRM_PATHS_CACHE_WARM_NODES"));
        if (given == null || given.isBlank()) return DEFAULT_NODES;
        return Integer.parseInt(given.trim());
    }

    /** Asks the warm-up to end after the node it is reading. */
    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        try {
            // Start-up waits for nothing here: the warm-up begins once the database answers.
            while (!stopped && !database.isAvailable(TimeUnit.SECONDS.toMillis(1))) {
                // waiting for the database to start
            }
            if (stopped) return;
            List<Long> hubs;
            try (Transaction tx = database.beginTx()) {
                hubs = bestConnected(((InternalTransaction) tx).kernelTransaction());
            }
            // Neighbourhoods of hubs overlap: what is read from the store, not what is held around each, fills the cache.
            long budget = cache.statistics().maxEdges() / 2;
            long[] store = {budget};
            int warmed = 0;
            for (long hub : hubs) {
                if (stopped || store[0] <= 0) break;
                try (Transaction tx = database.beginTx()) {
                    warm(((InternalTransaction) tx).kernelTransaction(), hub, store);
                }
                warmed++;
            }
            cache.warmedUp(warmed, budget - Math.max(0, store[0]), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (RuntimeException stoppedUnderIt) {
            // The database stopped or failed under the warm-up: a colder cache is still an exact one.
            cache.warmedUp(-1, 0, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
    }

    /** The `nodes` nodes with the most relationships of the strong types, most first. */
    private List<Long> bestConnected(KernelTransaction ktx) {
        int[] strong;
        try (StoreReads store = new StoreReads(ktx)) {
            strong = store.relationshipTypes(STRONG);
        }
        if (strong.length == 0 || nodes <= 0) return List.of();
        RelationshipSelection selection = RelationshipSelection.selection(strong, Direction.BOTH);
        boolean rankSparse = ktx.dataRead().countsForNode(-1) <= SMALL_STORE;
        // The smallest of the best so far on top, so that it is the one a better node replaces.
        PriorityQueue<long[]> best = new PriorityQueue<>(Comparator.<long[]>comparingLong(entry -> entry[1]).thenComparingLong(entry -> -entry[0]));
        try (NodeCursor cursor = ktx.cursors().allocateNodeCursor(ktx.cursorContext(), ktx.memoryTracker())) {
            ktx.dataRead().allNodesScan(cursor);
            long scanned = 0;
            while (cursor.next()) {
                if (++scanned % 100_000 == 0 && stopped) return List.of();
                if (!rankSparse && !cursor.supportsFastDegreeLookup()) continue;
                int degree = cursor.degree(selection);
                if (degree == 0) continue;
                if (best.size() < nodes) best.add(new long[] {cursor.nodeReference(), degree});
                else if (degree > best.peek()[1]) {
                    best.poll();
                    best.add(new long[] {cursor.nodeReference(), degree});
                }
            }
        }
        List<long[]> ranked = new ArrayList<>(best);
        ranked.sort(Comparator.<long[]>comparingLong(entry -> -entry[1]).thenComparingLong(entry -> entry[0]));
        return ranked.stream().map(entry -> entry[0]).toList();
    }

    /**
     * Reads the hub and all its neighbours (a search reads them all for its ring index), then the
     * nodes further out strongest first: in order of their strongest path from the hub, the order
     * in which a search's partial paths from the hub reach them as its thresholds fall. Each is read
     * whole and shared until EDGES_AROUND edges are held around the hub, or `fromStore` (what the
     * warm-up may still read from the store) is spent; a node that would overrun either is passed over.
     */
    private void warm(KernelTransaction ktx, long hub, long[] fromStore) {
        try (StoreReads store = new StoreReads(ktx)) {
            Visibility everything = Visibility.of(store, null);
            long[] left = {EDGES_AROUND};
            LongHashSet read = new LongHashSet();
            LongDoubleHashMap best = new LongDoubleHashMap();
            // Strongest first: [strength bits, node]; positive strengths sort as their bits do.
            PriorityQueue<long[]> next = new PriorityQueue<>(Comparator.<long[]>comparingLong(entry -> -entry[0]).thenComparingLong(entry -> entry[1]));
            List<Neighbourhoods.Edge> hubEdges = whole(store, everything, hub, left, fromStore, read);
            if (hubEdges == null) return;
            best.put(hub, 1);
            List<Neighbourhoods.Edge> ring = new ArrayList<>(hubEdges);
            ring.sort(Neighbourhoods.STRONGEST_FIRST);
            for (Neighbourhoods.Edge edge : ring) reach(best, next, edge.otherId, edge.weight);
            for (Neighbourhoods.Edge edge : ring) {
                if (stopped || left[0] <= 0 || fromStore[0] <= 0) break;
                List<Neighbourhoods.Edge> edges = whole(store, everything, edge.otherId, left, fromStore, read);
                if (edges != null) for (Neighbourhoods.Edge further : edges) reach(best, next, further.otherId, best.get(edge.otherId) * further.weight);
            }
            while (!next.isEmpty() && !stopped && left[0] > 0 && fromStore[0] > 0) {
                long[] entry = next.poll();
                long node = entry[1];
                double strength = Double.longBitsToDouble(entry[0]);
                if (read.contains(node) || strength < best.get(node)) continue;
                List<Neighbourhoods.Edge> edges = whole(store, everything, node, left, fromStore, read);
                if (edges != null) for (Neighbourhoods.Edge further : edges) reach(best, next, further.otherId, strength * further.weight);
            }
        }
    }

    /** Notes a path of `strength` to `node`, when it is the strongest yet. */
    private static void reach(LongDoubleHashMap best, PriorityQueue<long[]> next, long node, double strength) {
        if (strength <= best.getIfAbsent(node, 0)) return;
        best.put(node, strength);
        next.add(new long[] {Double.doubleToLongBits(strength), node});
    }

    /**
     * The node's edges of every stakeholder type, from the cache or read from the store and shared
     * there under a stamp taken now; null when they would overrun what is `left` around the hub, or
     * what the warm-up may still read from the store.
     */
    private List<Neighbourhoods.Edge> whole(StoreReads store, Visibility everything, long node, long[] left, long[] fromStore, LongHashSet read) {
        if (!read.add(node)) return null;
        Neighbourhoods neighbourhoods = new Neighbourhoods(store, AdjacencyCache.TYPES, everything, cache);
        int cached = neighbourhoods.sharedCount(node);
        int counted = cached >= 0 ? cached : store.countedDegree(node, neighbourhoods.types());
        if (counted > left[0] || (cached < 0 && counted > fromStore[0])) return null;
        List<Neighbourhoods.Edge> edges = cached >= 0 ? neighbourhoods.sharedEdges(node) : null;
        if (edges == null) {
            edges = neighbourhoods.readShared(node);
            fromStore[0] -= edges.size();
        }
        left[0] -= edges.size();
        return edges;
    }
}
