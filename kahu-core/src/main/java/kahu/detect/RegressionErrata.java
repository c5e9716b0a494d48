package kahu.detect;

import kahu.detect.sigma.RegressionReport;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Corrections to the Sigma regression data's declared match counts ({@code kahu/detect/regression-errata.yaml}),
 * each with its reason. A failed case whose actual count is exactly the corrected one passes, and is
 * listed as passed by erratum so that nothing is hidden.
 */
public final class RegressionErrata {
    /** A corrected count and why. */
    public record Erratum(String rule, long count, String reason) {}

    /** The report after errata: what still fails, and which cases passed only by an erratum. */
    public record Applied(RegressionReport report, List<Erratum> used) {}

    private RegressionErrata() {}

    public static Map<String, Erratum> builtIn() {
        try (InputStream in = RegressionErrata.class.getClassLoader().getResourceAsStream("kahu/detect/regression-errata.yaml")) {
            if (in == null) throw new IllegalStateException("regression-errata.yaml is missing from the class path");
            Map<?, ?> root = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            Map<String, Erratum> out = new LinkedHashMap<>();
            ((Map<?, ?>) root.get("errata")).forEach((rule, v) -> {
                Map<?, ?> m = (Map<?, ?>) v;
                out.put(String.valueOf(rule), new Erratum(String.valueOf(rule), ((Number) m.get("count")).longValue(), String.valueOf(m.get("reason"))));
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Applied apply(RegressionReport report, Map<String, Erratum> errata) {
        List<RegressionReport.Failure> still = new ArrayList<>();
        List<Erratum> used = new ArrayList<>();
        for (RegressionReport.Failure f : report.failed()) {
            Erratum e = errata.get(f.rule());
            if (e != null && e.count() == f.actual()) used.add(e);
            else still.add(f);
        }
        return new Applied(new RegressionReport(report.cases(), report.passed() + used.size(), still, report.eventSource()), used);
    }
}
