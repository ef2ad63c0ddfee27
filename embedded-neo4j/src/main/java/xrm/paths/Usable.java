package xrm.paths;

import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;

/**
 * The Java twin of USABLE in src/nodes/visibility.ts: a person whose processing is restricted
 * (restrictProcessing, GDPR Art. 18/21) is never an end or a step of a path. Only people are ever
 * restricted, so other nodes are let through without reading a property. HopDistances still
 * walks through restricted people: it only gives lower bounds, and they hold for the smaller graph.
 */
final class Usable {
    private static final Label PERSON = Label.label("Person");

    private Usable() {}

    static boolean usable(Node node) {
        return !node.hasLabel(PERSON) || !Boolean.TRUE.equals(node.getProperty("restricted", null));
    }
}
