package xrm.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

import xrm.paths.AdjacencyCacheStatistics;
import xrm.paths.StrongestPaths;

/**
 * Runs Neo4j Community in this JVM with the Bolt connector on 127.0.0.1 and auth off, with
 * xrm-graph's own procedures (xrm.paths) registered.
 *
 * Usage: EmbeddedNeo4j --data DIR [--port N (0 = a free one)] [--pagecache-mb N]
 *
 * Prints exactly one line "EMBEDDED_NEO4J_READY bolt://127.0.0.1:PORT" once Bolt accepts
 * connections. Stops cleanly on SIGTERM/SIGINT and when standard input closes, which is how
 * it notices that the parent process died: no orphaned JVM keeps the store lock.
 */
public final class EmbeddedNeo4j {
    static final String READY = "EMBEDDED_NEO4J_READY";

    public static void main(String[] args) throws Exception {
        Path data = null;
        int port = 0;
        long pageCacheMb = 64;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
                case "--port" -> port = Integer.parseInt(args[++i]);
                case "--pagecache-mb" -> pageCacheMb = Long.parseLong(args[++i]);
                default -> fail("unknown argument " + args[i]);
            }
        }
        if (data == null) fail("--data DIR is required");

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(data)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                // Bolt waits a 5 s quiet period per connector before it stops, 10 s in all; the API
                // has already closed its connections, so the wait only delays a shutdown.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                .build();

        AtomicBoolean stopped = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                try {
                    dbms.shutdown();
                } finally {
                    done.countDown();
                }
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            awaitQuietly(done);
        }, "embedded-neo4j-shutdown"));

        var db = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        // The procedures a server gets from this jar in its plugins folder.
        GlobalProcedures procedures = db.getDependencyResolver().resolveDependency(GlobalProcedures.class);
        procedures.registerProcedure(StrongestPaths.class);
        procedures.registerProcedure(AdjacencyCacheStatistics.class);
        var bolt = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        System.out.println(READY + " bolt://127.0.0.1:" + bolt.getPort());
        System.out.flush();

        Thread watchParent = new Thread(() -> {
            drain(System.in);
            stop.run();
            System.exit(0);
        }, "embedded-neo4j-stdin-watch");
        watchParent.setDaemon(true);
        watchParent.start();

        awaitQuietly(done);
    }

    private static void drain(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // the parent never writes; we only wait for end-of-stream
            }
        } catch (IOException e) {
            // a broken pipe means the parent is gone, same as end-of-stream
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fail(String message) {
        System.err.println("embedded-neo4j: " + message);
        System.exit(2);
    }
}
