package xrm.paths;

import java.util.stream.Stream;

import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Procedure;

/** {@code xrm.adjacencyCache()}: what the database's shared adjacency cache holds, for operators and the bench. */
public final class AdjacencyCacheStatistics {
    @Context
    public Transaction tx;

    /** One row: nodes and edges held, the cap in edges, lookups that hit and missed, nodes evicted, the warm-up. */
    public static final class Row {
        public boolean enabled;
        public long nodes;
        public long edges;
        public long maxEdges;
        public long hits;
        public long misses;
        public long evicted;
        /** Nodes the start-up warm-up read around (CacheWarmer); null while it runs, or when it is off; -1 when cut short. */
        public Long warmedNodes;
        /** Edges it held around them, and how long it took. */
        public Long warmedEdges;
        public Long warmMillis;
    }

    @Procedure(name = "xrm.adjacencyCache", mode = Mode.READ)
    @Description("xrm.adjacencyCache(): the path search's shared cache of relationships (nodes and edges held, its cap in edges"
            + " from XRM_PATHS_CACHE_EDGES, lookups that hit and missed, nodes evicted, and what the start-up warm-up of"
            + " XRM_PATHS_CACHE_WARM_NODES held: warmedNodes, warmedEdges, warmMillis, null until it ended); enabled = false when it is off.")
    public Stream<Row> adjacencyCache() {
        AdjacencyCache cache = AdjacencyCache.of(((InternalTransaction) tx).kernelTransaction().getDatabaseId());
        Row row = new Row();
        if (cache != null) {
            AdjacencyCache.Statistics statistics = cache.statistics();
            row.enabled = true;
            row.nodes = statistics.nodes();
            row.edges = statistics.edges();
            row.maxEdges = statistics.maxEdges();
            row.hits = statistics.hits();
            row.misses = statistics.misses();
            row.evicted = statistics.evicted();
            if (statistics.warmed() != null) {
                row.warmedNodes = (long) statistics.warmed().nodes();
                row.warmedEdges = statistics.warmed().edges();
                row.warmMillis = statistics.warmed().millis();
            }
        }
        return Stream.of(row);
    }
}
