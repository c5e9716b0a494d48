package kahu.simulate;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML node that knows its file and line, so that every problem a loader finds can be reported as
 * {@code file:line: message}; loaders keep going after a problem and report them all at the end.
 * Accessors return null (after recording a problem) for a wrong shape.
 */
final class YamlNode {
    private final String file;
    private final Node node;
    private final List<String> problems;

    private YamlNode(String file, Node node, List<String> problems) {
        this.file = file;
        this.node = node;
        this.problems = problems;
    }

    /** The document's root, or null when it does not parse (the problem recorded). */
    static YamlNode parse(String file, String text, List<String> problems) {
        try {
            Optional<Node> root = new Compose(LoadSettings.builder().setLabel(file).build()).composeString(text);
            if (root.isEmpty()) {
                problems.add(file + ":1: empty document");
                return null;
            }
            return new YamlNode(file, root.get(), problems);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
            problems.add(file + ":" + line + ": not valid YAML: " + e.getProblem());
            return null;
        } catch (YamlEngineException e) {
            problems.add(file + ":1: not valid YAML: " + e.getMessage());
            return null;
        }
    }

    int line() {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
    }

    void problem(String message) {
        problems.add(file + ":" + line() + ": " + message);
    }

    boolean isNull() {
        return node instanceof ScalarNode s && (s.getValue().equals("null") || s.getValue().equals("~") || s.getValue().isEmpty())
                && s.isPlain();
    }

    /** The mapping's entries in file order, or an empty map (problem recorded) when this is not a mapping. */
    Map<String, YamlNode> map() {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        if (!(node instanceof MappingNode m)) {
            problem("expected a mapping");
            return out;
        }
        for (NodeTuple t : m.getValue()) {
            String key = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null) new YamlNode(file, t.getKeyNode(), problems).problem("expected a plain key");
            else out.put(key, new YamlNode(file, t.getValueNode(), problems));
        }
        return out;
    }

    List<YamlNode> list() {
        List<YamlNode> out = new ArrayList<>();
        if (!(node instanceof SequenceNode s)) {
            problem("expected a list");
            return out;
        }
        for (Node n : s.getValue()) out.add(new YamlNode(file, n, problems));
        return out;
    }

    String text() {
        if (node instanceof ScalarNode s) return s.getValue();
        problem("expected a single value");
        return null;
    }

    List<String> texts() {
        List<String> out = new ArrayList<>();
        for (YamlNode n : list()) {
            String t = n.text();
            if (t != null) out.add(t);
        }
        return out;
    }

    Integer integer() {
        String t = text();
        if (t == null) return null;
        try {
            return Integer.valueOf(t.trim());
        } catch (NumberFormatException e) {
            problem("expected a whole number, found '" + t + "'");
            return null;
        }
    }

    Double number() {
        String t = text();
        if (t == null) return null;
        try {
            return Double.valueOf(t.trim());
        } catch (NumberFormatException e) {
            problem("expected a number, found '" + t + "'");
            return null;
        }
    }

    /** A two-element [low, high] list of whole numbers with low ≤ high, or null. */
    int[] range() {
        List<YamlNode> l = list();
        if (l.size() != 2) {
            problem("expected [low, high]");
            return null;
        }
        Integer a = l.get(0).integer(), b = l.get(1).integer();
        if (a == null || b == null) return null;
        if (a > b) {
            problem("range [" + a + ", " + b + "] is empty");
            return null;
        }
        return new int[] {a, b};
    }

    /** Map access for a loader: the value of a required key, or null with a problem recorded. */
    static YamlNode required(Map<String, YamlNode> m, YamlNode owner, String key) {
        YamlNode v = m.get(key);
        if (v == null) owner.problem("missing '" + key + "'");
        return v;
    }
}
