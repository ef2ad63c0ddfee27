package xrm.paths;

import java.util.List;

import org.neo4j.graphdb.Direction;
import org.neo4j.internal.kernel.api.NodeCursor;
import org.neo4j.internal.kernel.api.PropertyCursor;
import org.neo4j.internal.kernel.api.Read;
import org.neo4j.internal.kernel.api.RelationshipTraversalCursor;
import org.neo4j.internal.kernel.api.TokenRead;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.storageengine.api.PropertySelection;
import org.neo4j.storageengine.api.RelationshipSelection;
import org.neo4j.values.storable.BooleanValue;
import org.neo4j.values.storable.NumberValue;
import org.neo4j.values.storable.Value;

/**
 * Every store read of one search, through the kernel's cursors instead of Neo4j's core API: the
 * core API builds an entity object per relationship and node and opens fresh cursors for every
 * property it is asked for, which was most of the search's time at 10⁶ nodes. Here a handful of
 * cursors are opened once and reused for the whole search, and nodes and relationships are
 * plain ids. Not thread-safe; closed with the search.
 */
final class StoreReads implements AutoCloseable {
    /** What a relationship walk hands to its visitor: the relationship, its type's token, its stored ends and the far one. */
    interface RelationshipVisitor {
        void visit(long relationship, int type, long start, long end, long other);
    }

    private final Read read;
    private final TokenRead tokens;
    /** Walking one node's relationships. */
    private final NodeCursor walked;
    private final RelationshipTraversalCursor relationships;
    private final PropertyCursor relationshipProperties;
    /** Looking at a node while another one's relationships are walked (visibility, ids, degrees). */
    private final NodeCursor looked;
    private final PropertyCursor nodeProperties;
    private final int person;
    private final int restricted;
    private final int id;
    /** What the search read (relationship records walked, weight properties, nodes checked for a restriction), for StrongestPaths' counts file. */
    long relationshipsWalked;
    long weightsRead;
    long nodesChecked;

    StoreReads(KernelTransaction ktx) {
        this.read = ktx.dataRead();
        this.tokens = ktx.tokenRead();
        var cursors = ktx.cursors();
        var context = ktx.cursorContext();
        var memory = ktx.memoryTracker();
        this.walked = cursors.allocateNodeCursor(context, memory);
        this.relationships = cursors.allocateRelationshipTraversalCursor(context, memory);
        this.relationshipProperties = cursors.allocatePropertyCursor(context, memory);
        this.looked = cursors.allocateNodeCursor(context, memory);
        this.nodeProperties = cursors.allocatePropertyCursor(context, memory);
        this.person = tokens.nodeLabel("Person");
        this.restricted = tokens.propertyKey("restricted");
        this.id = tokens.propertyKey("id");
    }

    /** Token id of a relationship type, or a negative number when the store has never seen it. */
    int relationshipType(String name) {
        return tokens.relationshipType(name);
    }

    /** Token id of a property key, or a negative number when the store has never seen it. */
    int propertyKey(String name) {
        return tokens.propertyKey(name);
    }

    /** Type ids of the names the store knows; unknown types have no relationships anyway. */
    int[] relationshipTypes(List<String> names) {
        return names.stream().mapToInt(this::relationshipType).filter(type -> type >= 0).toArray();
    }

    /** Relationships of a node, of every type. */
    int degree(long node) {
        read.singleNode(node, looked);
        return looked.next() ? looked.degree(RelationshipSelection.ALL_RELATIONSHIPS) : 0;
    }

    /**
     * Whether one walk of all the node's relationships is as cheap as a walk of some: a small node
     * keeps them all in one chain (and counting them would walk it too), a dense one qualifies
     * when it has at most `max` relationships of any type (the store's counts tell).
     */
    boolean readWhole(long node, int max) {
        read.singleNode(node, looked);
        return !looked.next() || !looked.supportsFastDegreeLookup() || looked.degreeWithMax(max + 1, RelationshipSelection.ALL_RELATIONSHIPS) <= max;
    }

    /**
     * How many relationships of the given types (both directions) a walk of the node would visit,
     * when the store keeps that count (a dense node: its relationship groups are counted);
     * -1 for a small node, whose count costs as much as the walk itself.
     */
    int countedDegree(long node, int[] types) {
        read.singleNode(node, looked);
        if (!looked.next() || !looked.supportsFastDegreeLookup()) return -1;
        return types.length == 0 ? 0 : looked.degree(RelationshipSelection.selection(types, Direction.BOTH));
    }

    /** Visits the node's relationships of the given types, both directions, in one walk. */
    void relationships(long node, int[] types, RelationshipVisitor visitor) {
        if (types.length == 0) return;
        read.singleNode(node, walked);
        if (!walked.next()) return;
        walked.relationships(relationships, RelationshipSelection.selection(types, Direction.BOTH));
        while (relationships.next()) {
            relationshipsWalked++;
            visitor.visit(relationships.relationshipReference(), relationships.type(), relationships.sourceNodeReference(),
                    relationships.targetNodeReference(), relationships.otherNodeReference());
        }
    }

    /**
     * During a visit of `relationships`: the number in the visited relationship's property `key`,
     * `fallback` when it has none or something else there.
     */
    double numberOfCurrent(int key, double fallback) {
        weightsRead++;
        relationships.properties(relationshipProperties, PropertySelection.selection(key));
        return relationshipProperties.next() && relationshipProperties.propertyValue() instanceof NumberValue number ? number.doubleValue() : fallback;
    }

    /**
     * The Java twin of USABLE in src/nodes/visibility.ts: false for a person whose processing is
     * restricted (restrictProcessing, GDPR Art. 18/21), never an end or a step of a path. Only
     * people are ever restricted, so other nodes pass without a property read. HopDistances still
     * walks through restricted people: it only gives lower bounds, and they hold for the smaller graph.
     */
    boolean usable(long node) {
        nodesChecked++;
        if (person < 0 || restricted < 0) return true;
        read.singleNode(node, looked);
        if (!looked.next() || !looked.hasLabel(person)) return true;
        looked.properties(nodeProperties, PropertySelection.selection(restricted));
        return !(nodeProperties.next() && nodeProperties.propertyValue() instanceof BooleanValue flag && flag.booleanValue());
    }

    /** The node's `id` property, "" when it has none. */
    String idOf(long node) {
        if (id < 0) return "";
        read.singleNode(node, looked);
        if (!looked.next()) return "";
        looked.properties(nodeProperties, PropertySelection.selection(id));
        if (!nodeProperties.next()) return "";
        Value value = nodeProperties.propertyValue();
        return String.valueOf(value.asObject());
    }

    @Override
    public void close() {
        relationshipProperties.close();
        relationships.close();
        walked.close();
        nodeProperties.close();
        looked.close();
    }
}
