package xrm.paths;

import java.util.UUID;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.extension.ExtensionFactory;
import org.neo4j.kernel.extension.ExtensionType;
import org.neo4j.kernel.extension.context.ExtensionContext;
import org.neo4j.kernel.impl.factory.DbmsInfo;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.kernel.lifecycle.Lifecycle;
import org.neo4j.kernel.lifecycle.LifecycleAdapter;

/**
 * Gives each database its AdjacencyCache and the listener that keeps it exact, for as long as
 * the database runs. Neo4j finds it through META-INF/services in this jar: in a server's plugins
 * folder and on the embedded launcher's class path alike.
 */
public final class AdjacencyCacheExtension extends ExtensionFactory<AdjacencyCacheExtension.Dependencies> {
    /** What Neo4j hands the extension. */
    public interface Dependencies {
        GraphDatabaseAPI graphDatabaseAPI();

        DatabaseManagementService databaseManagementService();
    }

    public AdjacencyCacheExtension() {
        super(ExtensionType.DATABASE, "xrm-adjacency-cache");
    }

    @Override
    public Lifecycle newInstance(ExtensionContext context, Dependencies dependencies) {
        GraphDatabaseAPI database = dependencies.graphDatabaseAPI();
        DatabaseManagementService dbms = dependencies.databaseManagementService();
        return new LifecycleAdapter() {
            private AdjacencyCache cache;
            private CacheInvalidation invalidation;
            private UUID id;
            private CacheWarmer warmer;
            private Thread warming;

            @Override
            public void start() {
                long maxEdges = AdjacencyCache.configuredMaxEdges(context.dbmsInfo() == DbmsInfo.ENTERPRISE);
                if (maxEdges <= 0 || GraphDatabaseSettings.SYSTEM_DATABASE_NAME.equals(database.databaseName())) return;
                cache = new AdjacencyCache(maxEdges);
                invalidation = new CacheInvalidation(cache);
                id = database.databaseId().databaseId().uuid();
                // Listening first: no entry may be stored without a commit being able to drop it.
                dbms.registerTransactionEventListener(database.databaseName(), invalidation);
                AdjacencyCache.register(id, cache);
                int warmNodes = CacheWarmer.configuredNodes();
                if (warmNodes > 0) {
                    // In the background: the database is ready, and answers, while its hubs are read.
                    warmer = new CacheWarmer(database, cache, warmNodes);
                    warming = new Thread(warmer, "xrm-adjacency-cache-warm-up-" + database.databaseName());
                    warming.setDaemon(true);
                    warming.start();
                }
            }

            @Override
            public void stop() {
                if (cache == null) return;
                if (warmer != null) {
                    warmer.stop();
                    try {
                        warming.join(10_000);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    warmer = null;
                }
                AdjacencyCache.unregister(id, cache);
                dbms.unregisterTransactionEventListener(database.databaseName(), invalidation);
                cache.clear();
                cache = null;
            }
        };
    }
}
