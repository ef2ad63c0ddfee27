package xrm.paths;

/**
 * Node → hop distance and arrivals (how many relationships from the layer before led into it),
 * for HopDistances: one open-addressing table, so a relationship walked costs one probe where a
 * map of distances and another of arrivals cost three. Eclipse Collections' LongIntHashMap spent
 * most of a warm path search's time probing and rehashing on Neo4j's dense node ids.
 */
final class DistanceTable {
    private static final long EMPTY = -1;
    private long[] keys;
    private int[] distances;
    private int[] arrivals;
    private int size;
    private int mask;
    private int shift;

    DistanceTable() {
        allocate(64);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        java.util.Arrays.fill(keys, EMPTY);
        distances = new int[capacity];
        arrivals = new int[capacity];
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }

    /** Fibonacci hashing: node ids are dense, their high bits spread them. */
    private int slotOf(long node) {
        int slot = (int) ((node * 0x9E3779B97F4A7C15L) >>> shift);
        while (keys[slot] != EMPTY && keys[slot] != node) slot = (slot + 1) & mask;
        return slot;
    }

    int size() {
        return size;
    }

    /** The node's distance, or `absent` when it has none. */
    int distance(long node, int absent) {
        int slot = slotOf(node);
        return keys[slot] == node ? distances[slot] : absent;
    }

    /** The relationships counted into the node at its own distance; 0 when it has none. */
    int arrivals(long node) {
        int slot = slotOf(node);
        return keys[slot] == node ? arrivals[slot] : 0;
    }

    /**
     * Reaches `node` over a relationship from a node `hops` − 1 away: true when it had no distance
     * (it gets `hops`); an arrival counts when `hops` is its distance.
     */
    boolean reach(long node, int hops) {
        int slot = slotOf(node);
        if (keys[slot] == node) {
            if (distances[slot] == hops) arrivals[slot]++;
            return false;
        }
        keys[slot] = node;
        distances[slot] = hops;
        arrivals[slot] = hops == 0 ? 0 : 1;
        if (++size * 2 > keys.length) grow();
        return true;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldDistances = distances;
        int[] oldArrivals = arrivals;
        allocate(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] == EMPTY) continue;
            int slot = slotOf(oldKeys[i]);
            keys[slot] = oldKeys[i];
            distances[slot] = oldDistances[i];
            arrivals[slot] = oldArrivals[i];
        }
    }

    /** Calls `visitor` with each node and its distance until it answers true; whether one did. */
    boolean anySatisfy(NodeDistance visitor) {
        for (int i = 0; i < keys.length; i++) if (keys[i] != EMPTY && visitor.test(keys[i], distances[i])) return true;
        return false;
    }

    interface NodeDistance {
        boolean test(long node, int distance);
    }
}
