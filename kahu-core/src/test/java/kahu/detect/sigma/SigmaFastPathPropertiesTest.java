package kahu.detect.sigma;

import kahu.ingest.Event;
import kahu.ingest.WindowsEventJson;
import kahu.testing.SharedData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's fast path (index, literal prefilter, per-event field slots and folded values
 * reused across rules and events) reports exactly the rules that the plain matcher (every
 * applicable rule, every field looked up and folded anew) finds, over all public rules and the
 * regression events — as they are and altered: values upper-cased, fields dropped, keys in
 * another case, rule literals planted in values.
 */
class SigmaFastPathPropertiesTest {
    private static final SigmaEngine ENGINE = SigmaEngine.compile(SigmaRuleLoader.load(SigmaConformanceTest.ruleDirs()));
    private static final List<Event> EVENTS = regressionEvents();
    private static final List<String> LITERALS = ENGINE.rules().stream()
            .map(r -> NecessaryLiterals.of(r.detection())).filter(n -> n != null)
            .flatMap(Set::stream).map(NecessaryLiterals.Need::literal).distinct().sorted().toList();

    enum Change { NONE, UPPER_CASE_VALUES, DROP_FIELDS, KEYS_IN_LOWER_CASE, PLANT_LITERAL }

    record Case(int event, Change change, int seed) {}

    @Property(tries = 400)
    void fastPathAgreesWithThePlainMatcher(@ForAll("cases") Case c) {
        Event e = altered(EVENTS.get(c.event()), c.change(), c.seed());
        Set<SigmaRule> fast = identitySet();
        ENGINE.match(e, m -> assertThat(fast.add(m.rule())).as("reported once: " + m.rule().title()).isTrue());
        Set<SigmaRule> plain = identitySet();
        for (SigmaRule r : ENGINE.applicable(e)) if (r.matches(e)) plain.add(r);
        assertThat(titles(fast)).as(e.location() + " " + c).isEqualTo(titles(plain));
    }

    @Property(tries = 1)
    void everyRegressionEventAsItIs() {
        int matches = 0;
        for (Event e : EVENTS) {
            Set<SigmaRule> fast = identitySet();
            ENGINE.match(e, m -> fast.add(m.rule()));
            Set<SigmaRule> plain = identitySet();
            for (SigmaRule r : ENGINE.applicable(e)) if (r.matches(e)) plain.add(r);
            assertThat(titles(fast)).as(e.location()).isEqualTo(titles(plain));
            matches += fast.size();
        }
        assertThat(matches).isGreaterThan(200);
    }

    @Property(tries = 1)
    void aConsumerMayMatchAnotherEventFromInside() {
        for (int i = 0; i + 1 < EVENTS.size(); i++) {
            Event outer = EVENTS.get(i), inner = EVENTS.get(i + 1);
            Set<SigmaRule> fast = identitySet();
            ENGINE.match(outer, m -> {
                fast.add(m.rule());
                ENGINE.match(inner, x -> { });
            });
            Set<SigmaRule> plain = identitySet();
            for (SigmaRule r : ENGINE.applicable(outer)) if (r.matches(outer)) plain.add(r);
            assertThat(titles(fast)).as(outer.location()).isEqualTo(titles(plain));
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(Arbitraries.integers().between(0, EVENTS.size() - 1), Arbitraries.of(Change.class),
                Arbitraries.integers().between(0, Integer.MAX_VALUE - 1)).as(Case::new);
    }

    private static Event altered(Event e, Change change, int seed) {
        java.util.Random rnd = new java.util.Random(seed);
        Map<String, Object> fields = new LinkedHashMap<>();
        e.fields().forEach((k, v) -> {
            boolean routing = k.equals("Channel") || k.equals("EventID");
            switch (change) {
                case UPPER_CASE_VALUES -> fields.put(k, v instanceof String s && !routing ? s.toUpperCase(Locale.ROOT) : v);
                case DROP_FIELDS -> {
                    if (routing || rnd.nextInt(3) > 0) fields.put(k, v);
                }
                case KEYS_IN_LOWER_CASE -> fields.put(routing ? k : k.toLowerCase(Locale.ROOT), v);
                case PLANT_LITERAL -> fields.put(k, v instanceof String s && !routing && rnd.nextInt(4) == 0
                        ? plant(s, LITERALS.get(rnd.nextInt(LITERALS.size())), rnd) : v);
                case NONE -> fields.put(k, v);
            }
        });
        return new Event(e.source(), e.record(), e.format(), e.timestamp(), fields, e.normalized());
    }

    private static String plant(String s, String literal, java.util.Random rnd) {
        int at = rnd.nextInt(s.length() + 1);
        return s.substring(0, at) + literal + s.substring(at);
    }

    private static List<String> titles(Set<SigmaRule> rules) {
        return rules.stream().map(r -> r.title() + " (" + r.file().getFileName() + ")").sorted().toList();
    }

    private static Set<SigmaRule> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private static List<Event> regressionEvents() {
        List<Event> events = new ArrayList<>();
        try (Stream<Path> s = Files.walk(SharedData.root().resolve("sigma/regression_data"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) events.addAll(WindowsEventJson.read(p));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return List.copyOf(events);
    }
}
