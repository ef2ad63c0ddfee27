package xrm.paths;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.collections.api.list.primitive.LongList;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;
import org.neo4j.procedure.TerminationGuard;

/**
 * A bidirectional threshold search like the one in src/paths/client-search.ts (read its header
 * for the idea), adapted to running next to the data, where a step costs a store read instead
 * of a round trip:
 *
 *   For thresholds ρf × ρb = τ, the backward side holds every simple partial path from the
 *   target (walked backwards) with strength ≥ ρb; the forward side holds every simple partial
 *   path from a source whose strength is ≥ τ and whose parent's strength is ≥ ρf (the last hop
 *   may fall below ρf: the fringe). A path P with strength S ≥ τ has a last node v whose prefix
 *   is ≥ ρf; the prefix one hop further is on the forward side (its parent is that prefix, its
 *   strength ≥ S ≥ τ), and the rest after it is on the backward side (its strength is
 *   S / that prefix > S / ρf ≥ ρb). So the two sides meet at a node, and one hash join over
 *   nodes finds every such path, where the client search joins over edges it must fetch again
 *   every round. Partial paths and their cursors persist, so each edge is stepped over once.
 *
 * τ falls round by round as in the client search. A side in a small corner of the graph (an
 * ordinary person's few contacts) is finished outright, within a budget: then every path is known.
 */
final class PathSearch {
    private static final double START = 0.9;
    /** Only a side whose roots have at most this many relationships in all is tried to be finished. */
    private static final long SMALL_CORNER = 64;
    /** τ falls by this factor a round, and faster while rounds add little (see run). */
    private static final double FACTOR = 0.8;
    private static final double FLOOR = 1e-8;
    /** Admission is a hair looser and certainty a hair stricter than the thresholds, so rounding never decides. */
    private static final double SLACK = 1e-6;

    /** Knobs with defaults that suit real graphs; tests turn them to reach every branch on small ones. */
    record Options(
            /** Partial paths that tries to finish the smaller side of a search from both sides may add, in all. */
            long finishBudget,
            /** A ring is indexed (see edgesInto) when its nodes have at most this many relationships in all. */
            long ringIndexLimit,
            /** Relationships each side's hop distances may read (see HopDistances). */
            long ballBudget,
            /** With at least this many sources, each target is searched from its own side alone (see fromTarget). */
            long targetSideSources) {
        static final Options DEFAULTS = new Options(5_000, 20_000, 20_000, 16);
    }

    /** A simple path grown from one root; shares its prefix with its parent. */
    static final class Partial {
        final long nodeId;
        final double strength;
        final int hops;
        final Partial parent;
        final Neighbourhoods.Edge edge;
        /** Numbers the partial paths of a side, so that a join of two is remembered cheaply. */
        int seq;
        /** Edges of `node` (strongest first) already turned into children. */
        int cursor;
        /** The edges it grows along once looked up, and their node's cache (null for a ring's edges, which are complete). */
        List<Neighbourhoods.Edge> edges;
        Neighbourhoods.Adjacency adjacency;

        Partial(long nodeId, double strength, int hops, Partial parent, Neighbourhoods.Edge edge) {
            this.nodeId = nodeId;
            this.strength = strength;
            this.hops = hops;
            this.parent = parent;
            this.edge = edge;
        }
    }

    private static final Comparator<Partial> STRONGEST_FIRST = Comparator.comparingDouble(partial -> -partial.strength);

    /** The partial paths of a side that end at one node, sorted strongest first when a join needs them so. */
    private static final class AtNode {
        final List<Partial> partials = new ArrayList<>(2);
        private int sorted;

        List<Partial> strongestFirst() {
            if (sorted != partials.size()) {
                partials.sort(STRONGEST_FIRST);
                sorted = partials.size();
            }
            return partials;
        }
    }

    private final class Side {
        final List<Partial> partials = new ArrayList<>();
        final LongObjectHashMap<AtNode> byNode = new LongObjectHashMap<>();
        /** Partial paths at least this strong are grown further. */
        double level = 1;
        /** Children down to this strength are added (the forward fringe); the backward side uses its level. */
        double fringe = 1;
        /** Longest partial path the side grows. */
        final int maxHops;
        /** Not grown past (the target, on the forward side: paths end there), and the only node a last hop may reach. */
        final long stop;

        /** Hop distances from the other side's roots: a partial path must still reach them within maxHops. */
        HopDistances reach;
        /** Edges into the nodes a partial path of a given length may end at, by the node they come from (see edgesInto). */
        final Map<Integer, LongObjectHashMap<List<Neighbourhoods.Edge>>> ringEdges = new HashMap<>();
        /** The other side, set once both exist. */
        Side other;

        /** Relationships of the roots: how wide a side starts, before it has grown. */
        final long rootDegrees;
        /** What growing this side has read (relationship records, weight properties), for the counts file. */
        long relationshipsRead;
        long weightsRead;

        Side(LongList roots, long rootDegrees, int maxHops, long stop) {
            this.maxHops = maxHops;
            this.stop = stop;
            for (int i = 0; i < roots.size(); i++) add(new Partial(roots.get(i), 1, 0, null, null));
            this.rootDegrees = rootDegrees;
        }

        void add(Partial partial) {
            partial.seq = partials.size();
            partials.add(partial);
            byNode.getIfAbsentPut(partial.nodeId, AtNode::new).partials.add(partial);
            if (other != null && other.byNode.containsKey(partial.nodeId)) meetings.add(partial.nodeId);
        }

        /**
         * A partial path of `hops` hops at `node` can only become a path when the other side's
         * roots are at most maxHops − hops away. Partial paths multiply fastest far from both
         * ends; this keeps the search in the corridor between them.
         */
        boolean mayReach(int hops, long node) {
            return reach == null || hops + reach.atLeast(node) <= PathSearch.this.maxHops;
        }

        /** Whether a partial path may still become a path: the roots it must reach are not too far. */
        boolean leads(Partial partial) {
            return mayReach(partial.hops, partial.nodeId);
        }

        /** The edges a partial path may grow along, strongest first, complete down to `floor`. */
        List<Neighbourhoods.Edge> edgesFor(Partial partial, double floor) {
            if (partial.edges != null && (partial.adjacency == null || partial.adjacency.min <= floor)) return partial.edges;
            LongObjectHashMap<List<Neighbourhoods.Edge>> into = ringEdges.get(partial.hops + 1);
            if (into != null) {
                partial.edges = into.getIfAbsent(partial.nodeId, List::of);
            } else {
                StoreReads store = neighbourhoods.store();
                long weights = store.weightsRead;
                long relationships = store.relationshipsWalked;
                partial.adjacency = neighbourhoods.ensure(partial.nodeId, floor);
                partial.edges = partial.adjacency.edges;
                weightsRead += store.weightsRead - weights;
                relationshipsRead += store.relationshipsWalked - relationships;
            }
            return partial.edges;
        }

        /** Whether a partial path has edges not yet turned into children, or not yet read. */
        boolean isCut(Partial partial) {
            if (partial.edges == null) return true;
            return (partial.adjacency != null && partial.adjacency.min > 0) || partial.cursor < partial.edges.size();
        }

        boolean grows(Partial partial) {
            return partial.hops < maxHops && partial.nodeId != stop;
        }

        /** Partial paths of strength ≥ level: the side's size without what tries to finish it added. */
        int above(double threshold) {
            int count = 0;
            for (Partial partial : partials) if (partial.strength >= threshold * (1 - SLACK)) count++;
            return count;
        }
    }

    private final Neighbourhoods neighbourhoods;
    private final TerminationGuard guard;
    private final Side forward;
    private final Side backward;
    private final int maxHops;
    /**
     * Many sources (all users, asking about a buying center): the forward side stays at its roots
     * and the backward side alone grows whole paths from the target, joined on the set of sources.
     * Expanding hundreds of roots reads every user's relationships for every question; the
     * target's side is one corner of the graph, pruned by the sources' hop distances.
     */
    private final boolean fromTarget;
    private final Map<String, FoundPath> found = new HashMap<>();
    /** Nodes both sides reach: where the join looks. */
    private final LongHashSet meetings = new LongHashSet();
    /** Pairs of partial paths (forward, backward) already joined. */
    private final LongHashSet joined = new LongHashSet();
    private final PathOrder order;
    private long steps;
    /** Pairs of partial paths a join looked at (see counts). */
    private long joinsTried;
    private double step = FACTOR;
    private long lastSize;
    private final Options options;
    private long finishBudget;
    /** Store reads (relationships / weights) of the call when this search started growing, for the counts file. */
    private String readBefore;

    /**
     * The sources of one call and what every target's search needs of them (their relationships,
     * hop distances around them, the edges into their ring), found once for all the call's targets.
     */
    static final class Sources {
        final LongList ids;
        final long degrees;
        final HopDistances reach;
        /** Null when the ring around the sources is too wide to index. */
        final LongObjectHashMap<List<Neighbourhoods.Edge>> ring;
        /** Whether every target is searched from its own side alone (see fromTarget). */
        final boolean fromTarget;
        /** Edges into the sources themselves, for a search from the target; null when they are too many to index. */
        final LongObjectHashMap<List<Neighbourhoods.Edge>> into;

        Sources(Neighbourhoods neighbourhoods, Options options, LongList ids, int maxHops) {
            this.ids = ids;
            long total = 0;
            for (int i = 0; i < ids.size(); i++) total += neighbourhoods.degree(ids.get(i));
            this.degrees = total;
            this.fromTarget = ids.size() >= options.targetSideSources();
            // Searched from both sides, the sources are grown from at once: read with their weights now, their
            // relationships serve the first layer of the distances too (walked once, not once for each).
            if (!fromTarget) for (int i = 0; i < ids.size(); i++) neighbourhoods.ensure(ids.get(i), 0);
            this.reach = new HopDistances(neighbourhoods, ids, options.ballBudget());
            this.ring = maxHops >= 2 ? ringAround(neighbourhoods, options, reach) : null;
            // From the target, a path ends within maxHops of a source, so the distances look one hop further.
            reach.exploreTo(fromTarget ? maxHops : maxHops - 1);
            this.into = fromTarget && total <= options.ringIndexLimit() ? edgesInto(neighbourhoods, ids) : null;
        }
    }

    /**
     * Sources preferred for a target (a buying center's owner, among all users): their paths are
     * wanted too. The hop distances around them are read only when a search needs them.
     */
    static final class Preferred {
        final LongHashSet roots;
        private final Supplier<HopDistances> distances;
        private HopDistances reach;

        Preferred(Neighbourhoods neighbourhoods, Options options, LongList ids, int maxHops) {
            this.roots = LongHashSet.newSet(ids);
            this.distances = () -> new HopDistances(neighbourhoods, ids, maxHops, options.ballBudget());
        }

        HopDistances reach() {
            if (reach == null) reach = distances.get();
            return reach;
        }
    }

    /** The `first` strongest paths from all sources, and from the preferred ones (null when none were asked, or when this search could not settle them). */
    record Answer(List<FoundPath> fromAll, List<FoundPath> fromPreferred) {}

    PathSearch(Neighbourhoods neighbourhoods, TerminationGuard guard, PathOrder order, Options options, Sources sources, long target, int maxHops) {
        this.neighbourhoods = neighbourhoods;
        this.options = options;
        this.finishBudget = options.finishBudget();
        this.guard = guard;
        this.order = order;
        this.fromTarget = sources.fromTarget;
        LongList targets = LongArrayList.newListWith(target);
        this.forward = new Side(sources.ids, sources.degrees, maxHops, target);
        // From the target alone, the backward side grows whole paths: up to maxHops hops, ending at a source.
        this.backward = new Side(targets, neighbourhoods.degree(target), fromTarget ? maxHops : maxHops - 1, -1);
        forward.other = backward;
        backward.other = forward;
        forward.byNode.forEachKey(node -> {
            if (backward.byNode.containsKey(node)) meetings.add(node);
        });
        this.maxHops = maxHops;
        backward.reach = sources.reach;
        if (fromTarget) {
            // The forward side stays at its roots; the sources' distances alone settle reachability (see run).
            if (sources.into != null) backward.ringEdges.put(maxHops, sources.into);
            if (maxHops >= 2 && sources.ring != null) backward.ringEdges.put(maxHops - 1, sources.ring);
            readBefore = neighbourhoods.store().relationshipsWalked + "/" + neighbourhoods.store().weightsRead;
            return;
        }
        forward.reach = new HopDistances(neighbourhoods, targets, options.ballBudget());
        forward.ringEdges.put(maxHops, edgesInto(neighbourhoods, targets));
        if (maxHops >= 2) {
            var targetRing = ringAround(neighbourhoods, options, forward.reach);
            if (targetRing != null) forward.ringEdges.put(maxHops - 1, targetRing);
            if (sources.ring != null) backward.ringEdges.put(maxHops - 1, sources.ring);
        }
        forward.reach.exploreTo(maxHops - 1);
        readBefore = neighbourhoods.store().relationshipsWalked + "/" + neighbourhoods.store().weightsRead;
    }

    /**
     * The ring index around the roots of `reach` (see ringIndex), found before the distances go
     * further than one hop: the relationships the ring reads are then walked from the cache.
     */
    private static LongObjectHashMap<List<Neighbourhoods.Edge>> ringAround(Neighbourhoods neighbourhoods, Options options, HopDistances reach) {
        reach.exploreTo(1);
        return ringIndex(neighbourhoods, options, reach.withinOneHop());
    }

    /**
     * The edges into a ring (see edgesInto) when its nodes have at most ringIndexLimit relationships
     * of the walked types in all, else null. Dense nodes are counted first from the store's counts,
     * so a ring around a hub is refused unread; small nodes are cheaper to read than to count (a
     * count walks their chain as a read does), so they are read until the limit is passed, and
     * what was read stays cached for the search.
     */
    private static LongObjectHashMap<List<Neighbourhoods.Edge>> ringIndex(Neighbourhoods neighbourhoods, Options options, LongList ring) {
        if (ring == null) return null;
        long counted = 0;
        for (int i = 0; i < ring.size(); i++) {
            counted += Math.max(0, neighbourhoods.store().countedDegree(ring.get(i), neighbourhoods.types()));
            if (counted > options.ringIndexLimit()) return null;
        }
        long read = 0;
        for (int i = 0; i < ring.size(); i++) {
            read += neighbourhoods.ensure(ring.get(i), 0).edges.size();
            if (read > options.ringIndexLimit()) return null;
        }
        return edgesInto(neighbourhoods, ring);
    }

    /**
     * Every edge into `nodes`, by the node at its other end and seen from there, strongest first:
     * a partial path whose next hop must end in a small ring then needs no read of its own node.
     */
    private static LongObjectHashMap<List<Neighbourhoods.Edge>> edgesInto(Neighbourhoods neighbourhoods, LongList nodes) {
        LongObjectHashMap<List<Neighbourhoods.Edge>> into = new LongObjectHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            long node = nodes.get(i);
            for (Neighbourhoods.Edge edge : neighbourhoods.ensure(node, 0).edges) {
                into.getIfAbsentPut(edge.otherId, ArrayList::new).add(edge.reversed(node));
            }
        }
        into.forEachValue(edges -> edges.sort(Neighbourhoods.STRONGEST_FIRST));
        return into;
    }

    /** The `first` strongest paths, ranked as DESIGN §4 says. */
    List<FoundPath> run(int first) {
        return run(first, null).fromAll();
    }

    /**
     * The `first` strongest paths from all sources and, when `preferred` is given, from those.
     * Searched from the target alone, one search settles both: the paths from all sources come
     * first; then, unless they already hold the preferred sources' best, the same backward side
     * keeps falling, pruned by the preferred sources' hop distances instead of all sources'
     * (every suffix of a path from them is within their reach), until their paths are certain.
     * Searched from both sides, the preferred sources' paths are left to a search of their own
     * unless the answer from all settles them.
     */
    Answer run(int first, Preferred preferred) {
        if (fromTarget) {
            // Every path ends at a source within maxHops of the target.
            if (backward.reach.atLeast(backward.partials.get(0).nodeId) > maxHops) return new Answer(List.of(), preferred == null ? null : List.of());
        } else if (Boolean.FALSE.equals(HopDistances.meetWithin(forward.reach, backward.reach, maxHops))) {
            // Every path of at most maxHops hops has a node within reach of both ends' searches.
            return new Answer(List.of(), preferred == null ? null : List.of());
        }
        // Set once the paths from all sources are certain; then only the preferred sources' are searched.
        List<FoundPath> fromAll = null;
        for (double tau = START; ; ) {
            lowerLevels(tau);
            grow(backward, backward.level, backward.level, Long.MAX_VALUE);
            boolean complete;
            double sure;
            if (fromTarget) {
                // The sources are the forward side's roots: a backward path reaching one is a whole path.
                // No try to finish this side: it runs maxHops hops out towards sources all over the
                // graph, so a try spends its budget on weak partial paths the thresholds never reach.
                complete = isComplete(backward);
                sure = complete ? 0 : backward.level;
            } else {
                grow(forward, forward.level, forward.fringe, Long.MAX_VALUE);
                tryToFinish(forward.partials.size() <= backward.partials.size() ? forward : backward);
                complete = isComplete(forward) || isComplete(backward);
                if (complete && !isComplete(forward)) {
                    // With every suffix known, a path needs only its first hop from the forward side, at any strength.
                    grow(forward, 1, 0, Long.MAX_VALUE);
                }
                sure = complete ? 0 : Math.max(forward.fringe, forward.level * backward.level);
            }
            join(sure);
            List<FoundPath> ranked = new ArrayList<>(found.values());
            ranked.sort(order);
            if (fromAll == null && (complete || certain(ranked, sure) >= first)) {
                fromAll = strongest(ranked, first);
                if (preferred == null) return new Answer(fromAll, null);
                List<FoundPath> settled = settledAmong(fromAll, preferred, first);
                if (settled != null) return new Answer(fromAll, settled);
                if (!fromTarget) return new Answer(fromAll, null);
                HopDistances reach = preferred.reach();
                if (reach.atLeast(backward.partials.get(0).nodeId) > maxHops) return new Answer(fromAll, List.of());
                // Paths from all sources stronger than `sure` are all known: from here on only the preferred sources' corridor grows.
                backward.reach = reach;
            }
            if (fromAll != null) {
                ranked = ranked.stream().filter(path -> preferred.roots.contains(path.nodes.get(0))).toList();
                if (complete || certain(ranked, sure) >= first) return new Answer(fromAll, strongest(ranked, first));
            }
            double kth = ranked.size() >= first ? ranked.get(first - 1).strength : 0;
            // A margin of several SLACKs makes the k paths in hand certain next round, whatever the rounding.
            // Rounds that add little cost little but still scan what is there: then fall faster.
            long size = forward.partials.size() + backward.partials.size();
            step = size < lastSize * 1.25 ? Math.max(step * step, 1e-4) : FACTOR;
            lastSize = size;
            tau = Math.max(kth * (1 - 4 * SLACK), sure * step);
            if (!(tau < sure)) tau = sure * step;
            if (tau < FLOOR) tau = 0;
        }
    }

    private static long certain(List<FoundPath> ranked, double sure) {
        return ranked.stream().filter(path -> path.strength >= sure * (1 + SLACK)).count();
    }

    private static List<FoundPath> strongest(List<FoundPath> ranked, int first) {
        return List.copyOf(ranked.subList(0, Math.min(first, ranked.size())));
    }

    /**
     * The preferred sources' `first` strongest paths when the answer from all sources settles
     * them, else null. The order is total, so their paths among the strongest from all are their
     * strongest, in order: settled when there are `first` of them, or when the answer from all
     * holds fewer than `first` paths (then it holds every path).
     */
    private static List<FoundPath> settledAmong(List<FoundPath> fromAll, Preferred preferred, int first) {
        List<FoundPath> theirs = fromAll.stream().filter(path -> preferred.roots.contains(path.nodes.get(0))).toList();
        return theirs.size() >= first || fromAll.size() < first ? theirs : null;
    }

    /**
     * Splits τ between the sides (ρf × ρb = τ): the side that has grown larger gets the higher
     * threshold, so a hub on one end is met from the other. Levels only fall: when one side is
     * already deeper than its share, the other needs less.
     */
    private void lowerLevels(double tau) {
        if (fromTarget) {
            // Every path of strength ≥ τ is a backward partial path of strength ≥ τ: all its suffixes are stronger.
            backward.level = Math.min(backward.level, tau);
            return;
        }
        if (tau == 0) {
            forward.level = 0;
            backward.level = 0;
            forward.fringe = 0;
            return;
        }
        double skew = Math.log((forward.above(forward.level) + forward.rootDegrees + 1.0) / (backward.above(backward.level) + backward.rootDegrees + 1.0));
        double share = Math.min(0.9, Math.max(0.1, 0.5 - 0.25 * skew));
        double rf = Math.min(1, Math.pow(tau, share));
        double rb = Math.min(1, tau / rf);
        double b1 = Math.min(backward.level, rb);
        double f1 = Math.min(forward.level, tau / b1);
        double f2 = Math.min(forward.level, rf);
        double b2 = Math.min(backward.level, tau / f2);
        if (f1 * b1 >= f2 * b2) {
            forward.level = f1;
            backward.level = b1;
        } else {
            forward.level = f2;
            backward.level = b2;
        }
        forward.fringe = Math.min(forward.fringe, forward.level * backward.level);
    }

    /**
     * Adds every missing simple partial path whose parent is ≥ level and whose own strength is
     * ≥ fringe; false when `budget` new partial paths were added first. Children are appended
     * and grown in the same pass.
     */
    private boolean grow(Side side, double level, double fringe, long budget) {
        double grownFrom = level * (1 - SLACK);
        double low = fringe * (1 - SLACK);
        long added = 0;
        for (int i = 0; i < side.partials.size(); i++) {
            Partial partial = side.partials.get(i);
            if (partial.strength < grownFrom || !side.grows(partial) || !side.leads(partial)) continue;
            double floor = low / partial.strength;
            List<Neighbourhoods.Edge> edges = side.edgesFor(partial, floor < FLOOR ? 0 : floor);
            while (partial.cursor < edges.size() && partial.strength * edges.get(partial.cursor).weight >= low) {
                if (added >= budget) return false;
                Neighbourhoods.Edge edge = edges.get(partial.cursor++);
                if (!side.mayReach(partial.hops + 1, edge.otherId) || onPath(partial, edge.otherId) || !neighbourhoods.visible(edge.otherId)) continue;
                side.add(new Partial(edge.otherId, partial.strength * edge.weight, partial.hops + 1, partial, edge));
                added++;
                if (++steps % 10_000 == 0) guard.check();
            }
        }
        return true;
    }

    /**
     * A side in a small corner of the graph is cheaper to finish than to keep cutting round
     * after round: each round of a search from both sides tries the smaller side, until a fixed
     * budget of partial paths is spent. A try that runs out leaves extra partial
     * paths, which only add to what is known.
     */
    private void tryToFinish(Side smaller) {
        if (finishBudget <= 0) return;
        if (smaller.rootDegrees > SMALL_CORNER || isComplete(smaller)) return;
        int before = smaller.partials.size();
        if (grow(smaller, 0, 0, finishBudget)) {
            smaller.level = 0;
            smaller.fringe = 0;
        }
        finishBudget -= smaller.partials.size() - before;
    }

    /** Whether the side holds every simple partial path it may grow, at any strength. */
    private boolean isComplete(Side side) {
        for (Partial partial : side.partials) {
            if (side.grows(partial) && side.leads(partial) && side.isCut(partial)) return false;
        }
        return true;
    }

    /**
     * Joins the sides at every node both reached; only joins that can reach `sure` are tried,
     * strongest first, and each pair of partial paths once.
     */
    private void join(double sure) {
        double floor = sure * (1 - SLACK);
        meetings.forEach(node -> {
            List<Partial> heads = forward.byNode.get(node).strongestFirst();
            List<Partial> tails = backward.byNode.get(node).strongestFirst();
            double strongestTail = tails.get(0).strength;
            for (Partial head : heads) {
                if (head.strength * strongestTail < floor) break;
                for (Partial tail : tails) {
                    if (head.strength * tail.strength < floor) break;
                    joinsTried++;
                    if (head.hops + tail.hops > maxHops || !joined.add(((long) head.seq << 32) | tail.seq)) continue;
                    FoundPath path = FoundPath.join(head, tail);
                    if (path != null) found.putIfAbsent(path.signature, path);
                    if (++steps % 10_000 == 0) guard.check();
                }
            }
        });
    }

    /** What this search grew and joined, for the counts file (see StrongestPaths). */
    String counts() {
        return "forward " + forward.partials.size() + " backward " + backward.partials.size() + " joins " + joinsTried + " found " + found.size()
                + " grown with reads f " + forward.relationshipsRead + "/" + forward.weightsRead + " b " + backward.relationshipsRead + "/" + backward.weightsRead
                + " read before " + readBefore
                + (forward.reach != null ? " reach f " + forward.reach.counts() : "") + (backward.reach != null ? " reach b " + backward.reach.counts() : "");
    }

    private static boolean onPath(Partial partial, long node) {
        for (Partial p = partial; p != null; p = p.parent) if (p.nodeId == node) return true;
        return false;
    }
}
