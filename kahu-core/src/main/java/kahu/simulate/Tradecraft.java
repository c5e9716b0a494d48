package kahu.simulate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tradecraft library ({@code kahu/simulate/tradecraft.yaml}): for each ATT&CK technique, the
 * variants of the traces it leaves on an Exchange server, some limited to particular actors.
 */
final class Tradecraft {
    static final String RESOURCE = "kahu/simulate/tradecraft.yaml";
    private static final Set<String> KINDS = Set.of("process", "file", "dns", "account", "ecp");

    /** One step of a variant: a kind ({@code process}, {@code file}, {@code dns}, {@code account}, {@code ecp}) and its text with placeholders. */
    record Step(String kind, String text) {}

    /** @param actors the actors this variant is limited to; empty = anyone */
    record Variant(List<String> actors, List<Step> steps) {}

    record Technique(String id, double weight, List<Variant> variants) {
        /** The variants this actor may use: its own if it has any, else the general ones. */
        List<Variant> variantsFor(String actor) {
            List<Variant> own = new ArrayList<>(), general = new ArrayList<>();
            for (Variant v : variants) {
                if (v.actors().contains(actor)) own.add(v);
                else if (v.actors().isEmpty()) general.add(v);
            }
            return own.isEmpty() ? general : own;
        }
    }

    private final Map<String, Technique> techniques;

    private Tradecraft(Map<String, Technique> techniques) {
        this.techniques = techniques;
    }

    Technique technique(String id) {
        return techniques.get(id);
    }

    static Tradecraft builtIn() {
        try (InputStream in = Tradecraft.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            return parse(RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Tradecraft parse(String file, String text) {
        List<String> problems = new ArrayList<>();
        YamlNode root = YamlNode.parse(file, text, problems);
        Map<String, Technique> out = new LinkedHashMap<>();
        if (root != null) {
            Map<String, YamlNode> m = root.map();
            YamlNode refsNode = YamlNode.required(m, root, "references");
            Set<String> references = refsNode == null ? Set.of() : refsNode.map().keySet();
            YamlNode t = YamlNode.required(m, root, "techniques");
            if (t != null) t.map().forEach((id, n) -> {
                if (!id.matches("T\\d{4}(\\.\\d{3})?")) n.problem("not an ATT&CK technique ID: " + id);
                Map<String, YamlNode> e = n.map();
                YamlNode w = YamlNode.required(e, n, "weight");
                Double weight = w == null ? null : w.number();
                List<Variant> variants = new ArrayList<>();
                YamlNode vs = YamlNode.required(e, n, "variants");
                if (vs != null) for (YamlNode v : vs.list()) variants.add(variant(v, references));
                if (variants.isEmpty()) n.problem("technique " + id + " has no variants");
                if (weight != null) out.put(id, new Technique(id, weight, variants));
            });
        }
        if (!problems.isEmpty()) throw new ScenarioLoader.InvalidScenarioException(problems);
        return new Tradecraft(Map.copyOf(out));
    }

    private static Variant variant(YamlNode v, Set<String> references) {
        Map<String, YamlNode> e = v.map();
        List<String> actors = e.containsKey("actors") ? e.get("actors").texts() : List.of();
        if (!e.containsKey("refs") || e.get("refs").texts().isEmpty()) v.problem("a variant needs refs: the public source it follows");
        else for (String ref : e.get("refs").texts()) if (!references.contains(ref)) e.get("refs").problem("reference '" + ref + "' is not under references");
        List<Step> steps = new ArrayList<>();
        YamlNode s = YamlNode.required(e, v, "steps");
        if (s != null) for (YamlNode step : s.list()) {
            Map<String, YamlNode> kv = step.map();
            if (kv.size() != 1) {
                step.problem("a step is one of " + KINDS + " with its text");
                continue;
            }
            Map.Entry<String, YamlNode> only = kv.entrySet().iterator().next();
            if (!KINDS.contains(only.getKey())) step.problem("unknown step kind '" + only.getKey() + "' (one of " + KINDS + ")");
            String text = only.getValue().text();
            if (text != null) steps.add(new Step(only.getKey(), text));
        }
        if (steps.isEmpty() || !steps.getFirst().kind().equals("process") && !steps.getFirst().kind().equals("ecp"))
            v.problem("a variant starts with a process or ecp step");
        return new Variant(List.copyOf(actors), List.copyOf(steps));
    }
}
