package xrm.offline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;

import picocli.CommandLine;

/**
 * Builds a database offline with Neo4j's batch importer, the one `neo4j-admin database import full`
 * runs: no transactions, no index updates, every node and relationship written in passes over
 * the store files. The import command (src/import/offline-import.ts) uses it for a first load into
 * a store folder that holds no database yet, then starts EmbeddedNeo4j on what it built.
 *
 * Usage: OfflineImport --home DIR [import full options ...] DATABASE
 *
 * DIR is the home the embedded launcher is given as --data (the database lands in
 * DIR/data/databases/DATABASE). Exits with the import command's exit code.
 */
public final class OfflineImport {
    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !args[0].equals("--home")) {
            System.err.println("offline-import: usage: OfflineImport --home DIR [import options ...] DATABASE");
            System.exit(2);
        }
        Path home = Path.of(args[1]).toAbsolutePath();
        // An empty configuration folder: the defaults put the database where the embedded launcher looks.
        Path conf = Files.createDirectories(home.resolve("conf"));
        var context = new ExecutionContext(home, conf);
        int code = new CommandLine(new ImportCommand.Full(context)).execute(Arrays.copyOfRange(args, 2, args.length));
        System.exit(code);
    }
}
