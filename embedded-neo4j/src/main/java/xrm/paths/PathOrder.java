package xrm.paths;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.eclipse.collections.api.list.primitive.LongList;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;

/**
 * The ranking of DESIGN §4 (src/paths/path-row.ts comparePaths): strongest first; on equal
 * strength fewer hops; then the node-id sequence; parallel relationships by their step types,
 * then by their stored directions.
 */
final class PathOrder implements Comparator<FoundPath> {
    /** Relative tolerance under which two strengths count as equal (products of the same weights in another order). */
    private static final double EPSILON = 1e-9;

    private final LongObjectHashMap<String> ids = new LongObjectHashMap<>();
    private final StoreReads store;

    PathOrder(StoreReads store) {
        this.store = store;
    }

    /** The `id` property of a node, read once. */
    String idOf(long node) {
        return ids.getIfAbsentPutWithKey(node, store::idOf);
    }

    @Override
    public int compare(FoundPath a, FoundPath b) {
        if (Math.abs(a.strength - b.strength) > EPSILON * Math.max(a.strength, b.strength)) return a.strength > b.strength ? -1 : 1;
        if (a.hops() != b.hops()) return a.hops() - b.hops();
        int byNodes = compareIds(a.nodes, b.nodes);
        if (byNodes != 0) return byNodes;
        int byTypes = compareLists(a.edges, b.edges, edge -> edge.type);
        if (byTypes != 0) return byTypes;
        return compareLists(a.edges, b.edges, edge -> idOf(edge.startId));
    }

    private int compareIds(LongList a, LongList b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int byId = idOf(a.get(i)).compareTo(idOf(b.get(i)));
            if (byId != 0) return byId < 0 ? -1 : 1;
        }
        return a.size() - b.size();
    }

    private static <T> int compareLists(List<T> a, List<T> b, Function<T, String> key) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int byKey = key.apply(a.get(i)).compareTo(key.apply(b.get(i)));
            if (byKey != 0) return byKey < 0 ? -1 : 1;
        }
        return a.size() - b.size();
    }
}
