package xrm.paths;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.collections.impl.map.mutable.primitive.LongBooleanHashMap;
import org.neo4j.graphdb.Node;

/**
 * The nodes a search may use: every node, or only those whose {@code id} is among the visible
 * ids of a PARTNER's request (xrm-graph DESIGN §9, the {@code $visible} of VISIBLE()). A path
 * never starts, ends or passes through a node the viewer may not see.
 */
final class Visibility {
    static final Visibility EVERYTHING = new Visibility(null);

    private final Set<String> ids;
    private final LongBooleanHashMap seen = new LongBooleanHashMap();

    private Visibility(Set<String> ids) {
        this.ids = ids;
    }

    /** Only the nodes with these ids; everything when the list is null. */
    static Visibility of(List<String> visibleIds) {
        return visibleIds == null ? EVERYTHING : new Visibility(new HashSet<>(visibleIds));
    }

    boolean sees(Node node) {
        if (ids == null) return true;
        return seen.getIfAbsentPut(node.getId(), () -> ids.contains(node.getProperty("id", null)));
    }
}
