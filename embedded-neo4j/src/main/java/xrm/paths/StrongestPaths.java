package xrm.paths;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.collections.api.list.primitive.LongList;
import org.eclipse.collections.api.list.primitive.MutableLongList;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.api.txstate.TxStateHolder;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;
import org.neo4j.procedure.TerminationGuard;

/**
 * {@code xrm.strongestPaths}: the strongest simple paths of DESIGN §4, searched inside Neo4j.
 * xrm-graph calls it when it is installed (the embedded Neo4j registers it; a server loads this
 * jar from its plugins folder) and runs the same search itself, one round trip per step,
 * when it is not.
 */
public final class StrongestPaths {
    static final String NAME = "xrm.strongestPaths";
    static final String EACH_NAME = "xrm.strongestPathsToEach";
    private static final Label ENTITY = Label.label("Entity");
    private static final int MAX_HOPS = 10;
    /**
     * A file each call appends its store reads to (relationship records walked, weight properties
     * read, nodes checked for a restriction, partial paths grown, joins tried): the measure of a
     * search's work that the machine's load does not distort (bench/path-reads.ts sets it through
     * the JVM's system property of this name); unset, nothing is written.
     */
    private static final String COUNTS_FILE = System.getProperty("xrm.paths.counts");

    @Context
    public Transaction tx;

    @Context
    public TerminationGuard guard;

    /** One path: its strength, node ids from start to end, and each step in its stored direction. */
    public static final class PathRecord {
        public double strength;
        public long hops;
        public List<String> nodeIds;
        public List<Map<String, Object>> steps;
    }

    /** One path to one of several targets (see strongestPathsToEach). */
    public static final class TargetPathRecord {
        public String toId;
        /** The index of the options.preferred entry whose sources it starts from; null for a path from any of fromIds. */
        public Long preferred;
        public double strength;
        public long hops;
        public List<String> nodeIds;
        public List<Map<String, Object>> steps;
    }

    @Procedure(name = NAME, mode = Mode.READ)
    @Description("xrm.strongestPaths(fromIds, toId, maxHops, first, types, options = {}): the `first` strongest simple paths of at most"
            + " `maxHops` hops from any of fromIds to toId over the given stakeholder relationship types, each walkable"
            + " both ways; strength = product of hop weights; ties by fewer hops, then node ids (xrm-graph DESIGN §4);"
            + " a restricted person is never an end or a step (DESIGN §9). options.visible: the ids of the nodes a path"
            + " may use (a partner's view), null for all.")
    public Stream<PathRecord> strongestPaths(
            @Name("fromIds") List<String> fromIds,
            @Name("toId") String toId,
            @Name("maxHops") long maxHops,
            @Name("first") long first,
            @Name("types") List<String> types,
            @Name(value = "options", defaultValue = "{}") Map<String, Object> options) {
        return search(fromIds, toId == null ? List.of() : List.of(toId), maxHops, first, types, options).stream().map(found -> {
            PathRecord record = new PathRecord();
            record.strength = found.strength;
            record.hops = found.hops;
            record.nodeIds = found.nodeIds;
            record.steps = found.steps;
            return record;
        });
    }

    @Procedure(name = EACH_NAME, mode = Mode.READ)
    @Description("xrm.strongestPathsToEach(fromIds, toIds, maxHops, first, types, options = {}): for each of toIds, what"
            + " xrm.strongestPaths gives for it, with its toId; one call shares the reads around the sources and the"
            + " relationships read among all targets (a buying center's members, warm introductions to several people)."
            + " options.preferred: a list of {fromIds, toIds}; for each entry also the `first` strongest paths from its"
            + " fromIds to each of its toIds (both among the call's own), yielded with `preferred` = the entry's index"
            + " (null on the paths from any of fromIds). A buying center's owner, else any user, in one call.")
    public Stream<TargetPathRecord> strongestPathsToEach(
            @Name("fromIds") List<String> fromIds,
            @Name("toIds") List<String> toIds,
            @Name("maxHops") long maxHops,
            @Name("first") long first,
            @Name("types") List<String> types,
            @Name(value = "options", defaultValue = "{}") Map<String, Object> options) {
        return search(fromIds, toIds == null ? List.of() : toIds, maxHops, first, types, options).stream();
    }

    /** The paths to every target, made into records before the search's cursors close. */
    private List<TargetPathRecord> search(List<String> fromIds, List<String> toIds, long maxHops, long first, List<String> types, Map<String, Object> options) {
        if (maxHops < 1 || maxHops > MAX_HOPS) throw new IllegalArgumentException("maxHops must be between 1 and " + MAX_HOPS + ", got " + maxHops);
        if (first < 1) throw new IllegalArgumentException("first must be at least 1, got " + first);
        if (types == null || types.isEmpty() || !types.stream().allMatch(HopWeights::isStakeholderType)) {
            throw new IllegalArgumentException("types must name stakeholder relationship types, got " + types);
        }
        List<TargetPathRecord> records = new ArrayList<>();
        if (fromIds == null) return records;
        long started = System.nanoTime();
        List<PathSearch> searches = new ArrayList<>();
        // The kernel's cursors are the transaction's: the search reads through them, then closes them.
        KernelTransaction ktx = ((InternalTransaction) tx).kernelTransaction();
        try (StoreReads store = new StoreReads(ktx)) {
            Visibility visibility = Visibility.of(store, options == null ? null : options.get("visible"));
            PathSearch.Options knobs = options(options);
            // A transaction with changes of its own reads them, which no other call may see: it bypasses the shared cache.
            boolean ownChanges = !(ktx instanceof TxStateHolder holder) || holder.hasTxStateWithChanges();
            AdjacencyCache cache = ownChanges ? null : AdjacencyCache.of(ktx.getDatabaseId());
            Neighbourhoods neighbourhoods = new Neighbourhoods(store, types, visibility, cache);
            PathOrder order = new PathOrder(store);
            Map<String, Long> sourceNodes = new LinkedHashMap<>();
            for (String id : new LinkedHashSet<>(fromIds)) {
                Node source = id == null ? null : tx.findNode(ENTITY, "id", id);
                if (source != null && visibility.test(source.getId())) sourceNodes.put(id, source.getId());
            }
            PathSearch.Sources shared = null;
            List<Preference> preferences = preferences(options);
            // What is read around a preferred set (its hop distances, or its own sources) serves every target that prefers it.
            Map<LongList, PathSearch.Preferred> preferredBy = new HashMap<>();
            Map<LongList, PathSearch.Sources> preferredAlone = new HashMap<>();
            int wanted = (int) Math.min(first, Integer.MAX_VALUE);
            for (String toId : new LinkedHashSet<>(toIds)) {
                Node target = toId == null ? null : tx.findNode(ENTITY, "id", toId);
                if (target == null || !visibility.test(target.getId())) continue;
                // A target among the sources is no source of its own paths; the rest then get their own reads.
                boolean targetIsSource = sourceNodes.containsKey(toId);
                MutableLongList ids = new LongArrayList();
                sourceNodes.forEach((id, node) -> {
                    if (!id.equals(toId)) ids.add(node);
                });
                if (ids.isEmpty()) continue;
                PathSearch.Sources sources;
                if (targetIsSource) {
                    sources = new PathSearch.Sources(neighbourhoods, knobs, ids, (int) maxHops);
                } else {
                    if (shared == null) shared = new PathSearch.Sources(neighbourhoods, knobs, ids, (int) maxHops);
                    sources = shared;
                }
                PathSearch.Answer answer = null;
                for (int index = 0; index < preferences.size(); index++) {
                    Preference preference = preferences.get(index);
                    if (!preference.toIds().contains(toId)) continue;
                    MutableLongList preferredIds = new LongArrayList();
                    sourceNodes.forEach((id, node) -> {
                        if (!id.equals(toId) && preference.fromIds().contains(id)) preferredIds.add(node);
                    });
                    // No preferred source may start a path (hidden, unknown, or the target itself): none to yield.
                    if (preferredIds.isEmpty()) continue;
                    PathSearch.Preferred preferred = preferredBy.computeIfAbsent(preferredIds, key -> new PathSearch.Preferred(neighbourhoods, knobs, key, (int) maxHops));
                    // Each preference's search settles the paths from all sources too; the first one's are yielded.
                    PathSearch.Answer withPreferred = counted(new PathSearch(neighbourhoods, guard, order, knobs, sources, target.getId(), (int) maxHops), searches).run(wanted, preferred);
                    if (answer == null) answer = withPreferred;
                    List<FoundPath> fromPreferred = withPreferred.fromPreferred();
                    if (fromPreferred == null) {
                        PathSearch.Sources alone = preferredAlone.computeIfAbsent(preferredIds, key -> new PathSearch.Sources(neighbourhoods, knobs, key, (int) maxHops));
                        fromPreferred = counted(new PathSearch(neighbourhoods, guard, order, knobs, alone, target.getId(), (int) maxHops), searches).run(wanted);
                    }
                    for (FoundPath path : fromPreferred) records.add(toRecord(toId, (long) index, path, order));
                }
                if (answer == null) answer = counted(new PathSearch(neighbourhoods, guard, order, knobs, sources, target.getId(), (int) maxHops), searches).run(wanted, null);
                for (FoundPath path : answer.fromAll()) records.add(toRecord(toId, null, path, order));
            }
            if (COUNTS_FILE != null) writeCounts(store, neighbourhoods, searches, maxHops, first, System.nanoTime() - started);
        }
        return records;
    }

    /** The search, kept for the counts file when there is one. */
    private static PathSearch counted(PathSearch search, List<PathSearch> searches) {
        if (COUNTS_FILE != null) searches.add(search);
        return search;
    }

    private static void writeCounts(StoreReads store, Neighbourhoods neighbourhoods, List<PathSearch> searches, long maxHops, long first, long nanos) {
        StringBuilder line = new StringBuilder()
                .append("maxHops ").append(maxHops).append(" first ").append(first)
                .append(" relationships ").append(store.relationshipsWalked).append(" weights ").append(store.weightsRead).append(" nodes checked ").append(store.nodesChecked)
                .append(" shared ").append(neighbourhoods.edgesShared)
                .append(" ms ").append(nanos / 1_000_000);
        for (PathSearch search : searches) line.append(" | ").append(search.counts());
        try {
            Files.writeString(Path.of(COUNTS_FILE), line.append('\n'), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An entry of options.preferred: the sources preferred for some targets. */
    private record Preference(Set<String> fromIds, Set<String> toIds) {}

    private static List<Preference> preferences(Map<String, Object> options) {
        Object given = options == null ? null : options.get("preferred");
        if (given == null) return List.of();
        if (!(given instanceof List<?> entries)) throw new IllegalArgumentException("options.preferred must be a list of {fromIds, toIds}, got " + given);
        List<Preference> preferences = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> map)) throw new IllegalArgumentException("options.preferred must be a list of {fromIds, toIds}, got " + entry);
            preferences.add(new Preference(ids(map.get("fromIds")), ids(map.get("toIds"))));
        }
        return preferences;
    }

    private static Set<String> ids(Object given) {
        if (!(given instanceof List<?> list)) throw new IllegalArgumentException("options.preferred entries need lists fromIds and toIds, got " + given);
        Set<String> ids = new HashSet<>();
        for (Object id : list) if (id instanceof String text) ids.add(text);
        return ids;
    }

    /** The search's knobs (finishBudget, ringIndexLimit, ballBudget, targetSideSources); only tests and probes change them. `visible` is read above. */
    private static PathSearch.Options options(Map<String, Object> given) {
        PathSearch.Options defaults = PathSearch.Options.DEFAULTS;
        if (given == null) return defaults;
        return new PathSearch.Options(
                number(given, "finishBudget", defaults.finishBudget()),
                number(given, "ringIndexLimit", defaults.ringIndexLimit()),
                number(given, "ballBudget", defaults.ballBudget()),
                number(given, "targetSideSources", defaults.targetSideSources()));
    }

    private static long number(Map<String, Object> given, String name, long fallback) {
        Object value = given.get(name);
        if (value == null) return fallback;
        if (value instanceof Number number) return number.longValue();
        throw new IllegalArgumentException("options." + name + " must be a number, got " + value);
    }

    private static TargetPathRecord toRecord(String toId, Long preferred, FoundPath path, PathOrder order) {
        TargetPathRecord record = new TargetPathRecord();
        record.toId = toId;
        record.preferred = preferred;
        record.strength = path.strength;
        record.hops = path.hops();
        List<String> nodeIds = new ArrayList<>(path.nodes.size());
        path.nodes.forEach(node -> nodeIds.add(order.idOf(node)));
        record.nodeIds = nodeIds;
        record.steps = path.edges.stream()
                .map(edge -> Map.<String, Object>of(
                        "type", edge.type,
                        "fromId", order.idOf(edge.startId),
                        "toId", order.idOf(edge.endId),
                        "weight", edge.weight))
                .toList();
        return record;
    }
}
