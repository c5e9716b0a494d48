package kahu.attribution;

/**
 * The UK Professional Head of Intelligence Assessment (PHIA) probability yardstick and the US
 * ICD 203 expressions of likelihood. PHIA leaves gaps between its bands (e.g. 5–10%); a probability
 * in a gap takes the nearer band. ICD 203's bands meet at their edges; an edge belongs to the upper band.
 */
public final class EstimativeLanguage {
    private record Band(String term, double lo, double hi, String range) {}

    private static final Band[] PHIA = {
            new Band("remote chance", 0.00, 0.05, "0–5%"),
            new Band("highly unlikely", 0.10, 0.20, "10–20%"),
            new Band("unlikely", 0.25, 0.35, "25–35%"),
            new Band("realistic possibility", 0.40, 0.50, "40–50%"),
            new Band("likely", 0.55, 0.75, "55–75%"),
            new Band("highly likely", 0.80, 0.90, "80–90%"),
            new Band("almost certain", 0.95, 1.00, "95–100%"),
    };
    private static final Band[] ICD203 = {
            new Band("almost no chance", 0.00, 0.05, "1–5%"),
            new Band("very unlikely", 0.05, 0.20, "5–20%"),
            new Band("unlikely", 0.20, 0.45, "20–45%"),
            new Band("roughly even chance", 0.45, 0.55, "45–55%"),
            new Band("likely", 0.55, 0.80, "55–80%"),
            new Band("very likely", 0.80, 0.95, "80–95%"),
            new Band("almost certain", 0.95, 1.00, "95–99%"),
    };

    private EstimativeLanguage() {}

    public static Estimative phia(double p) {
        Band b = PHIA[phiaBand(p)];
        return new Estimative(b.term, b.range);
    }

    /** Whether p is worded "realistic possibility" (40–50%) or higher on the PHIA yardstick. */
    public static boolean realisticPossibilityOrAbove(double p) {
        return phiaBand(p) >= 3;
    }

    private static int phiaBand(double p) {
        check(p);
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < PHIA.length; i++) {
            Band b = PHIA[i];
            double d = p < b.lo ? b.lo - p : p > b.hi ? p - b.hi : 0;
            // In a gap equally far from both bands, the lower (more cautious) band wins: strict '<'.
            if (d < bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    public static Estimative icd203(double p) {
        check(p);
        for (int i = ICD203.length - 1; i >= 0; i--) {
            if (p >= ICD203[i].lo) return new Estimative(ICD203[i].term, ICD203[i].range);
        }
        return new Estimative(ICD203[0].term, ICD203[0].range);
    }

    private static void check(double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("a probability is in [0, 1]: " + p);
    }
}
