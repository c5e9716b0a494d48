package kahu.detect.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What compiling one rule needs and collects: field aliases from its log source, the placeholder
 * values for {@code expand}, and every problem (rejection reasons) and note found on the way.
 */
final class CompileContext {
    final Function<String, String[]> fieldNames;
    final Map<String, List<String>> placeholders;
    final List<String> problems = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    CompileContext(Function<String, String[]> fieldNames, Map<String, List<String>> placeholders) {
        this.fieldNames = fieldNames;
        this.placeholders = placeholders;
    }

    void problem(String p) {
        if (!problems.contains(p)) problems.add(p);
    }

    void note(String n) {
        if (!notes.contains(n)) notes.add(n);
    }
}
