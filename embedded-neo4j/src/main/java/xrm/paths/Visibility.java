package xrm.paths;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.collections.impl.map.mutable.primitive.LongBooleanHashMap;

/**
 * The nodes a search may walk through (xrm-graph DESIGN §9): those that are usable (no restricted
 * person) and, under a partner's view, whose id is in the request's scope. Any other node behaves
 * as if it did not exist.
 */
final class Visibility {
    /** Null when every node is visible. */
    private final Set<String> ids;
    private final LongBooleanHashMap known = new LongBooleanHashMap();
    private final StoreReads store;

    private Visibility(StoreReads store, Set<String> ids) {
        this.store = store;
        this.ids = ids;
    }

    /** From the procedure's `visible` option: null or absent for everything, else the visible ids. */
    static Visibility of(StoreReads store, Object visible) {
        if (visible == null) return new Visibility(store, null);
        if (!(visible instanceof List<?> list)) throw new IllegalArgumentException("options.visible must be a list of ids or null, got " + visible);
        Set<String> ids = new HashSet<>();
        for (Object id : list) ids.add(String.valueOf(id));
        return new Visibility(store, ids);
    }

    boolean test(long node) {
        if (known.containsKey(node)) return known.get(node);
        boolean visible = store.usable(node) && (ids == null || ids.contains(store.idOf(node)));
        known.put(node, visible);
        return visible;
    }
}
