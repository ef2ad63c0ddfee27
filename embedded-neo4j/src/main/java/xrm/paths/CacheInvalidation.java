package xrm.paths;

import org.eclipse.collections.api.set.primitive.MutableLongSet;
import org.eclipse.collections.impl.set.mutable.primitive.LongHashSet;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;

/**
 * Keeps an AdjacencyCache exact: every commit that creates or deletes a relationship, sets or
 * removes a relationship property (a weight) or deletes a node drops the entries of the nodes
 * at both ends, once before it is applied and once after (see AdjacencyCache for why twice).
 * Neo4j runs afterCommit in the committing thread before the commit returns to its client, so
 * a client that wrote and then asks again sees its write. Commits that touch only node
 * properties and labels (a restriction, a partner's scope) change no entry: those are
 * visibility, decided per search.
 */
final class CacheInvalidation implements TransactionEventListener<AdjacencyCache.Touched> {
    private final AdjacencyCache cache;

    CacheInvalidation(AdjacencyCache cache) {
        this.cache = cache;
    }

    @Override
    public AdjacencyCache.Touched beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
        AdjacencyCache.Touched touched = touched(data);
        if (touched != null) cache.commitStarts(touched);
        return touched;
    }

    @Override
    public void afterCommit(TransactionData data, AdjacencyCache.Touched touched, GraphDatabaseService database) {
        if (touched != null) cache.commitEnds(touched);
    }

    @Override
    public void afterRollback(TransactionData data, AdjacencyCache.Touched touched, GraphDatabaseService database) {
        if (touched != null) cache.commitEnds(touched);
    }

    /** The nodes whose relationships the commit changes; null when it changes none. */
    private static AdjacencyCache.Touched touched(TransactionData data) {
        MutableLongSet nodes = new LongHashSet();
        try {
            for (Relationship relationship : data.createdRelationships()) ends(relationship, nodes);
            for (Relationship relationship : data.deletedRelationships()) ends(relationship, nodes);
            for (PropertyEntry<Relationship> entry : data.assignedRelationshipProperties()) ends(entry.entity(), nodes);
            for (PropertyEntry<Relationship> entry : data.removedRelationshipProperties()) ends(entry.entity(), nodes);
            for (Node node : data.deletedNodes()) nodes.add(node.getId());
        } catch (RuntimeException unreadable) {
            // Whatever the snapshot could not tell, dropping everything is exact.
            return new AdjacencyCache.Touched(nodes, true);
        }
        return nodes.isEmpty() ? null : new AdjacencyCache.Touched(nodes, false);
    }

    private static void ends(Relationship relationship, MutableLongSet nodes) {
        nodes.add(relationship.getStartNodeId());
        nodes.add(relationship.getEndNodeId());
    }
}
