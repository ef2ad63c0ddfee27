package xrm.paths;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.collections.api.set.primitive.LongSet;

/**
 * The store's weighted relationships of nodes that earlier searches read, shared by every call in
 * one database, so that a hub's thousands of KNOWS are read once and not on every question. It
 * holds the store's facts only (every relationship of a stakeholder type with its hop weight),
 * never what one request may see: visibility stays per search (Neighbourhoods).
 *
 * Kept exact under writes (CacheInvalidation): a commit that creates or deletes a relationship,
 * changes a relationship's properties or deletes a node drops both ends' entries before it is
 * applied and again once it is. A search may still have read the old store state just before;
 * it stores what it read only when no such commit was under way when it started and none has
 * begun since (the epoch), checked under the same lock that drops entries, so an entry stored
 * from old state is either refused or dropped by the commit's second pass, before the writing
 * client's commit returns.
 *
 * Bounded by a number of edges (XRM_PATHS_CACHE_EDGES, or the system property
 * xrm.paths.cacheEdges; 0 turns it off), least recently used nodes evicted first.
 */
final class AdjacencyCache {
    /** Every stakeholder type, in the order of a node's slots. */
    static final List<String> TYPES = List.of(
            HopWeights.KNOWS, HopWeights.INFLUENCES, HopWeights.REPORTS_TO, HopWeights.REFERRED,
            "WORKS_AT", "SERVES", "SUBSIDIARY_OF", "MANAGES");
    /** An edge costs about 64 bytes (the object and its slot); the default takes about a sixteenth of the heap. */
    static final long EDGE_BYTES = 64;
    private static final Map<UUID, AdjacencyCache> BY_DATABASE = new ConcurrentHashMap<>();
    private static final Neighbourhoods.Edge[] NONE = new Neighbourhoods.Edge[0];

    /** One node's edges by type slot, each as the store had it; a null slot was never read. Never changed once stored. */
    static final class Facts {
        final Neighbourhoods.Edge[][] byType;
        final int size;

        private Facts(Neighbourhoods.Edge[][] byType) {
            this.byType = byType;
            int count = 0;
            for (Neighbourhoods.Edge[] edges : byType) if (edges != null) count += edges.length;
            this.size = count;
        }

        boolean has(int slot) {
            return byType[slot] != null;
        }

        /**
         * The edges of the slots in `mask` (bit i: slot i; all of them read), strongest first:
         * sorted once for the types searches ask for and kept, instead of copied and sorted again
         * by every search that steps onto the node. Racing callers may both sort; either list is the same.
         */
        List<Neighbourhoods.Edge> strongestFirst(int mask) {
            StrongestFirst known = sorted;
            if (known != null && known.mask() == mask) return known.edges();
            int count = 0;
            for (int slot = 0; slot < byType.length; slot++) if ((mask & (1 << slot)) != 0) count += byType[slot].length;
            Neighbourhoods.Edge[] edges = new Neighbourhoods.Edge[count];
            int at = 0;
            for (int slot = 0; slot < byType.length; slot++) {
                if ((mask & (1 << slot)) == 0) continue;
                System.arraycopy(byType[slot], 0, edges, at, byType[slot].length);
                at += byType[slot].length;
            }
            Arrays.sort(edges, Neighbourhoods.STRONGEST_FIRST);
            List<Neighbourhoods.Edge> list = List.of(edges);
            sorted = new StrongestFirst(mask, list);
            return list;
        }

        /** The last mask asked for and its edges (a record: published whole, never half-written). */
        private record StrongestFirst(int mask, List<Neighbourhoods.Edge> edges) {}

        private volatile StrongestFirst sorted;
    }

    private final long maxEdges;
    private final LinkedHashMap<Long, Facts> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long edges;
    /** Moves at every relevant commit's start and end; a search stores only under the epoch it started in. */
    private long epoch;
    /** Relevant commits between their two passes. */
    private int committing;
    private long hits;
    private long misses;
    private long evicted;
    /** What the start-up warm-up (CacheWarmer) held once it ended: nodes warmed (-1 when it was cut short), edges around them, its time; null before. */
    private Warmed warmed;

    AdjacencyCache(long maxEdges) {
        this.maxEdges = maxEdges;
    }

    /**
     * The cap from XRM_PATHS_CACHE_EDGES or -Dxrm.paths.cacheEdges, else a sixteenth of the heap in
     * edges; unless asked for, none on a server that may be a cluster member (Enterprise): a member
     * applies the leader's transactions, and nothing shows that CacheInvalidation hears of those.
     */
    static long configuredMaxEdges(boolean mayBeClusterMember) {
        String given = System.getProperty("xrm.paths.cacheEdges", System.getenv("XRM_PATHS_CACHE_EDGES"));
        if (given != null && !given.isBlank()) return Long.parseLong(given.trim());
        return mayBeClusterMember ? 0 : Runtime.getRuntime().maxMemory() / 16 / EDGE_BYTES;
    }

    /** The cache of the database a transaction runs in, or null when it has none (turned off, or the extension is not loaded). */
    static AdjacencyCache of(UUID database) {
        return BY_DATABASE.get(database);
    }

    static void register(UUID database, AdjacencyCache cache) {
        BY_DATABASE.put(database, cache);
    }

    static void unregister(UUID database, AdjacencyCache cache) {
        BY_DATABASE.remove(database, cache);
    }

    /** What a search started under: it may store what it reads only with this stamp; negative while a relevant commit is under way. */
    synchronized long stamp() {
        return committing == 0 ? epoch : -1;
    }

    synchronized Facts get(long node) {
        Facts facts = entries.get(node);
        if (facts == null) misses++;
        else hits++;
        return facts;
    }

    /**
     * Adds the slots a search read from the store (null slots: not read) to the node's entry,
     * unless a relevant commit began since the search's stamp was taken.
     */
    synchronized void offer(long node, Neighbourhoods.Edge[][] read, long stamp) {
        if (stamp < 0 || stamp != epoch) return;
        Facts old = entries.get(node);
        Neighbourhoods.Edge[][] merged = old == null ? new Neighbourhoods.Edge[TYPES.size()][] : old.byType.clone();
        for (int slot = 0; slot < merged.length; slot++) {
            if (read[slot] != null && merged[slot] == null) merged[slot] = read[slot].length == 0 ? NONE : read[slot];
        }
        Facts facts = new Facts(merged);
        if (facts.size > maxEdges) return;
        if (old != null) edges -= old.size;
        entries.put(node, facts);
        edges += facts.size;
        Iterator<Facts> eldest = entries.values().iterator();
        while (edges > maxEdges && eldest.hasNext()) {
            edges -= eldest.next().size;
            eldest.remove();
            evicted++;
        }
    }

    /** A relevant commit is about to be applied: its nodes' entries go, and nothing read from now on is stored until it ends. */
    synchronized void commitStarts(Touched touched) {
        committing++;
        epoch++;
        drop(touched);
    }

    /** The commit was applied (or rolled back): its nodes' entries go again, dropping anything stored from the old state meanwhile. */
    synchronized void commitEnds(Touched touched) {
        epoch++;
        drop(touched);
        committing = Math.max(0, committing - 1);
    }

    /** The nodes a commit changed the relationships of; `all` when they could not be told. */
    record Touched(LongSet nodes, boolean all) {}

    private void drop(Touched touched) {
        if (touched.all()) {
            clear();
            return;
        }
        touched.nodes().forEach(node -> {
            Facts facts = entries.remove(node);
            if (facts != null) edges -= facts.size;
        });
    }

    synchronized void clear() {
        entries.clear();
        edges = 0;
    }

    /** What the start-up warm-up did: the nodes it read around (-1 when the database stopped under it), the edges held around them, how long it took. */
    record Warmed(int nodes, long edges, long millis) {}

    synchronized void warmedUp(int nodes, long edges, long millis) {
        warmed = new Warmed(nodes, edges, millis);
    }

    /** What the cache holds and how it served: nodes and edges held, the cap, lookups that hit and missed, nodes evicted, the warm-up (null until it ended). */
    record Statistics(long nodes, long edges, long maxEdges, long hits, long misses, long evicted, Warmed warmed) {}

    synchronized Statistics statistics() {
        return new Statistics(entries.size(), edges, maxEdges, hits, misses, evicted, warmed);
    }
}
