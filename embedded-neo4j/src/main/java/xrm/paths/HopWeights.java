package xrm.paths;

import java.util.List;

import org.neo4j.graphdb.Relationship;

/** Hop weights of DESIGN §4 and §11, as src/paths/hop-weight.ts computes them in Cypher; every weight is in (0, 1]. */
final class HopWeights {
    /** Types whose weight is their own property (KNOWS.strength, INFLUENCES.weight), 0.5 when missing. */
    static final String KNOWS = "KNOWS";
    static final String INFLUENCES = "INFLUENCES";
    static final String REPORTS_TO = "REPORTS_TO";
    static final String REFERRED = "REFERRED";
    static final List<String> VARIABLE = List.of(KNOWS, INFLUENCES);
    static final List<String> REPORTING = List.of(REPORTS_TO);
    static final List<String> REFERRING = List.of(REFERRED);
    static final List<String> STRUCTURAL = List.of("WORKS_AT", "SERVES", "SUBSIDIARY_OF", "MANAGES");
    static final double REPORTS_TO_WEIGHT = 0.8;
    static final double REFERRED_WEIGHT = 0.7;
    static final double STRUCTURAL_WEIGHT = 0.5;
    private static final double MISSING = 0.5;

    private HopWeights() {}

    static boolean isStakeholderType(String type) {
        return VARIABLE.contains(type) || REPORTING.contains(type) || REFERRING.contains(type) || STRUCTURAL.contains(type);
    }

    /** The weight of a relationship of `type`, one of the constants above (compared by identity). */
    static double of(Relationship relationship, String type) {
        if (type == KNOWS) return number(relationship.getProperty("strength", null));
        if (type == INFLUENCES) return number(relationship.getProperty("weight", null));
        if (type == REPORTS_TO) return REPORTS_TO_WEIGHT;
        if (type == REFERRED) return REFERRED_WEIGHT;
        return STRUCTURAL_WEIGHT;
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : MISSING;
    }
}
