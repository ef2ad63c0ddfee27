package xrm.paths;

import java.util.List;

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

    /** The property holding the weight of a relationship of `type`, or null when the type's weight is fixed. */
    static String weightProperty(String type) {
        if (KNOWS.equals(type)) return "strength";
        if (INFLUENCES.equals(type)) return "weight";
        return null;
    }

    /** The weight of a relationship of `type` when it has no number in its weight property (or the type has none). */
    static double fixedWeight(String type) {
        if (REPORTS_TO.equals(type)) return REPORTS_TO_WEIGHT;
        if (REFERRED.equals(type)) return REFERRED_WEIGHT;
        if (VARIABLE.contains(type)) return MISSING;
        return STRUCTURAL_WEIGHT;
    }
}
