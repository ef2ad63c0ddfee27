package xrm.paths;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.collections.impl.map.mutable.primitive.LongBooleanHashMap;
import org.neo4j.graphdb.Node;

/**
 * The nodes a search may walk through (xrm-graph DESIGN §9): those that are Usable (no restricted
 * person) and, under a partner's view, whose id is in the request's scope. Any other node behaves
 * as if it did not exist.
 */
final class Visibility {
    /** Null when every node is visible. */
    private final Set<String> ids;
    private final LongBooleanHashMap known = new LongBooleanHashMap();

    private Visibility(Set<String> ids) {
        this.ids = ids;
    }

    /** From the procedure's `visible` option: null or absent for everything, else the visible ids. */
    static Visibility of(Object visible) {
        if (visible == null) return new Visibility(null);
        if (!(visible instanceof List<?> list)) throw new IllegalArgumentException("options.visible must be a list of ids or null, got " + visible);
        Set<String> ids = new HashSet<>();
        for (Object id : list) ids.add(String.valueOf(id));
        return new Visibility(ids);
    }

    boolean test(Node node) {
        long key = node.getId();
        if (known.containsKey(key)) return known.get(key);
        boolean visible = Usable.usable(node) && (ids == null || ids.contains(String.valueOf(node.getProperty("id", ""))));
        known.put(key, visible);
        return visible;
    }
}
