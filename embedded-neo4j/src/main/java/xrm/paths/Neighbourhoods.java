package xrm.paths;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;

/**
 * The relationships of the nodes one search touches, strongest first, read from the store only
 * down to the weight the search still needs and kept for the rest of the search. Hop weights
 * above 0.5 are only KNOWS and INFLUENCES (their own value), REPORTS_TO (0.8) and REFERRED (0.7),
 * so a high floor reads only those types: a distributor's thousands of SERVES and WORKS_AT stay
 * unread. A hidden or restricted node has no relationships here (Visibility), but may still be
 * the far end of a cached edge: whether a node may be stepped onto is asked only when a search
 * steps there (`visible`), since asking it of every neighbour of a hub read a property chain of
 * each of its thousands of people, almost all of which no search ever reaches.
 *
 * With a shared AdjacencyCache (null when off, or when the transaction has changes of its own),
 * a type's relationships of a node read by an earlier call come from there, and what this search
 * reads from the store is offered to it: the store's facts, before any visibility.
 */
final class Neighbourhoods {
    /** Small nodes, and dense ones with at most this many relationships, are read whole at once: then they are known complete. */
    private static final int SMALL_DEGREE = 64;

    /** A relationship as seen from one of its ends. */
    static final class Edge {
        final long id;
        final String type;
        /** Its stored direction. */
        final long startId;
        final long endId;
        final long otherId;
        final double weight;

        Edge(long id, String type, long startId, long endId, long otherId, double weight) {
            this.id = id;
            this.type = type;
            this.startId = startId;
            this.endId = endId;
            this.otherId = otherId;
            this.weight = weight;
        }

        /** The same relationship seen from its other end, whose other end is `node`. */
        Edge reversed(long node) {
            return new Edge(id, type, startId, endId, node, weight);
        }
    }

    /** Edges of one node, strongest first; every edge with weight ≥ min is among them. */
    static final class Adjacency {
        /** Growing as tiers are read; or, taken whole from the shared cache, that cache's unmodifiable list. */
        List<Edge> edges = new ArrayList<>();
        double min = Double.POSITIVE_INFINITY;
        /** How many of the weight tiers have been read. */
        int tiersRead;
    }

    /** Types read together (their token ids), with the highest weight any of them can have. */
    private record Tier(List<String> types, double maxWeight, int[] tokens) {}

    /** A type as the store knows it: its token, the property holding its weight (or none) and the weight otherwise. */
    private record TypeRead(String name, int token, int weightKey, double fixedWeight, int slot) {}

    static final Comparator<Edge> STRONGEST_FIRST = Comparator.<Edge>comparingDouble(edge -> -edge.weight).thenComparingLong(edge -> edge.id);

    private final List<Tier> tiers = new ArrayList<>();
    private final int[] allTypes;
    /** The shared cache's slots of allTypes, one bit each (see AdjacencyCache.Facts.strongestFirst). */
    private final int slotMask;
    /** By token id; null for a type the search does not walk. */
    private final TypeRead[] typesByToken;
    private final LongObjectHashMap<Adjacency> cache = new LongObjectHashMap<>();
    private final Visibility visibility;
    private final StoreReads store;
    /** Null when nothing is shared across calls. */
    private final AdjacencyCache shared;
    /** What this search may store under (AdjacencyCache.stamp), taken before its first read. */
    private final long stamp;
    /** Edges this search took from the shared cache, for the counts file. */
    long edgesShared;

    /** Walks `types`, and only to nodes the visibility lets through; `shared` may be null. */
    Neighbourhoods(StoreReads store, List<String> types, Visibility visibility, AdjacencyCache shared) {
        this.store = store;
        this.visibility = visibility;
        this.shared = shared;
        this.stamp = shared == null ? -1 : shared.stamp();
        addTier(types, HopWeights.VARIABLE, 1.0);
        addTier(types, HopWeights.REPORTING, HopWeights.REPORTS_TO_WEIGHT);
        addTier(types, HopWeights.REFERRING, HopWeights.REFERRED_WEIGHT);
        addTier(types, HopWeights.STRUCTURAL, HopWeights.STRUCTURAL_WEIGHT);
        List<TypeRead> known = new ArrayList<>();
        for (Tier tier : tiers) {
            for (String type : tier.types) {
                String property = HopWeights.weightProperty(type);
                int token = store.relationshipType(type);
                if (token >= 0) known.add(new TypeRead(type, token, property == null ? -1 : store.propertyKey(property), HopWeights.fixedWeight(type), AdjacencyCache.TYPES.indexOf(type)));
            }
        }
        allTypes = known.stream().mapToInt(TypeRead::token).toArray();
        slotMask = known.stream().mapToInt(type -> 1 << type.slot()).reduce(0, (a, b) -> a | b);
        typesByToken = new TypeRead[known.stream().mapToInt(TypeRead::token).max().orElse(-1) + 1];
        for (TypeRead type : known) typesByToken[type.token()] = type;
    }

    private void addTier(List<String> chosen, List<String> tierTypes, double maxWeight) {
        List<String> types = tierTypes.stream().filter(chosen::contains).toList();
        if (!types.isEmpty()) tiers.add(new Tier(types, maxWeight, store.relationshipTypes(types)));
    }

    /** Whether a path may step onto the node: no hidden or restricted node is on any path. */
    boolean visible(long node) {
        return visibility.test(node);
    }

    /** The cached edges of a node; empty with min = ∞ before it was first read. */
    Adjacency of(long node) {
        return cache.getIfAbsentPut(node, Adjacency::new);
    }

    /** The node's edges when every one of them is cached already, else null. */
    Adjacency complete(long node) {
        Adjacency adjacency = cache.get(node);
        return adjacency != null && adjacency.min == 0 ? adjacency : null;
    }

    /** Makes sure every edge of `node` with weight ≥ floor is cached, and returns them all. */
    Adjacency ensure(long node, double floor) {
        Adjacency adjacency = of(node);
        if (adjacency.min <= floor) return adjacency;
        if (!visibility.test(node)) {
            // A hidden node has no relationships at all, whoever asks (a ring around an end, too).
            adjacency.min = 0;
            adjacency.tiersRead = tiers.size();
            return adjacency;
        }
        AdjacencyCache.Facts facts = shared == null ? null : shared.get(node);
        if (adjacency.tiersRead == 0 && isWhole(facts)) {
            // An earlier call left them all in the shared cache: its list, sorted there once, not a copy.
            adjacency.edges = facts.strongestFirst(slotMask);
            edgesShared += adjacency.edges.size();
            adjacency.tiersRead = tiers.size();
            adjacency.min = 0;
            return adjacency;
        }
        if (adjacency.tiersRead == 0 && store.readWhole(node, SMALL_DEGREE)) {
            // Few relationships lie in one chain in the store, whatever their types: one walk reads them all.
            read(node, adjacency, allTypes, facts);
            adjacency.tiersRead = tiers.size();
            adjacency.min = 0;
        }
        while (adjacency.tiersRead < tiers.size() && adjacency.min > floor) {
            read(node, adjacency, tiers.get(adjacency.tiersRead++).tokens, facts);
            adjacency.min = adjacency.tiersRead < tiers.size() ? Math.nextUp(tiers.get(adjacency.tiersRead).maxWeight) : 0;
        }
        // New tiers only add edges weaker than any a search has already stepped over.
        adjacency.edges.sort(STRONGEST_FIRST);
        return adjacency;
    }

    /** How many relationships a node has, of any type: at least as many as the search may walk. */
    int degree(long node) {
        return store.degree(node);
    }

    /** The store it reads from. */
    StoreReads store() {
        return store;
    }

    /** Token ids of the relationship types the search walks. */
    int[] types() {
        return allTypes;
    }

    /**
     * The node's edges of every type the search walks, as the store has them whoever may see them
     * (HopDistances walks through hidden nodes): from the shared cache when it holds them all,
     * else null.
     */
    List<Edge> sharedEdges(long node) {
        AdjacencyCache.Facts facts = sharedFacts(node);
        if (facts == null) return null;
        List<Edge> edges = new ArrayList<>();
        for (int token : allTypes) edges.addAll(List.of(facts.byType[typesByToken[token].slot()]));
        edgesShared += edges.size();
        return edges;
    }

    /** The shared cache's arrays of the node's edges, one per walked type, when it holds them all, else null: sharedEdges without the copy. */
    Edge[][] sharedArrays(long node) {
        AdjacencyCache.Facts facts = sharedFacts(node);
        if (facts == null) return null;
        Edge[][] arrays = new Edge[allTypes.length][];
        for (int i = 0; i < allTypes.length; i++) arrays[i] = facts.byType[typesByToken[allTypes[i]].slot()];
        return arrays;
    }

    /** How many edges sharedEdges would give, without building them; -1 when the shared cache does not hold them all. */
    int sharedCount(long node) {
        AdjacencyCache.Facts facts = sharedFacts(node);
        if (facts == null) return -1;
        int count = 0;
        for (int token : allTypes) count += facts.byType[typesByToken[token].slot()].length;
        return count;
    }

    /** Whether what this search reads is shared with later calls. */
    boolean sharing() {
        return shared != null;
    }

    /** Reads the node's edges of every type the search walks from the store, with their weights, and shares them. */
    List<Edge> readShared(long node) {
        Adjacency adjacency = new Adjacency();
        read(node, adjacency, allTypes, null);
        return adjacency.edges;
    }

    /** The shared cache's entry of the node when it holds every type the search walks, else null. */
    private AdjacencyCache.Facts sharedFacts(long node) {
        if (shared == null) return null;
        AdjacencyCache.Facts facts = shared.get(node);
        return isWhole(facts) ? facts : null;
    }

    /** Whether a shared entry (null: none) holds every type the search walks. */
    private boolean isWhole(AdjacencyCache.Facts facts) {
        if (facts == null) return false;
        for (int token : allTypes) if (!facts.has(typesByToken[token].slot())) return false;
        return true;
    }

    /**
     * Adds the node's relationships of the given types, each with its hop weight: those the shared
     * cache held (`facts`, null for none) from there, the rest in one walk of the store, then offered to the cache.
     */
    @SuppressWarnings("unchecked")
    private void read(long node, Adjacency adjacency, int[] tokens, AdjacencyCache.Facts facts) {
        int[] missing = tokens;
        if (facts != null) {
            missing = Arrays.stream(tokens).filter(token -> !facts.has(typesByToken[token].slot())).toArray();
            for (int token : tokens) {
                Edge[] cached = facts.byType[typesByToken[token].slot()];
                if (cached == null) continue;
                Collections.addAll(adjacency.edges, cached);
                edgesShared += cached.length;
            }
        }
        if (missing.length == 0) return;
        List<Edge>[] bySlot = shared == null ? null : new List[AdjacencyCache.TYPES.size()];
        if (bySlot != null) for (int token : missing) bySlot[typesByToken[token].slot()] = new ArrayList<>();
        store.relationships(node, missing, (id, token, start, end, other) -> {
            if (other == node) return;
            TypeRead type = typesByToken[token];
            double weight = type.weightKey() < 0 ? type.fixedWeight() : store.numberOfCurrent(type.weightKey(), type.fixedWeight());
            Edge edge = new Edge(id, type.name(), start, end, other, weight);
            adjacency.edges.add(edge);
            if (bySlot != null) bySlot[type.slot()].add(edge);
        });
        if (bySlot == null) return;
        Edge[][] read = new Edge[bySlot.length][];
        for (int slot = 0; slot < bySlot.length; slot++) if (bySlot[slot] != null) read[slot] = bySlot[slot].toArray(Edge[]::new);
        shared.offer(node, read, stamp);
    }
}
