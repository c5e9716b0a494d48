package kahu.cli;

import kahu.knowledge.Actor;
import kahu.knowledge.Fact;
import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnowledgeLoader;
import picocli.CommandLine.Command;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code kahu demo}: the main job. Until the investigation pipeline lands it tours the built-in
 * knowledge base, which needs no import and no database.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "Show what Kahu knows out of the box.")
final class DemoCommand implements Callable<Integer> {
    private static final List<String> PROXYLOGON = List.of("CVE-2021-26855", "CVE-2021-26857", "CVE-2021-26858", "CVE-2021-27065");

    @Override
    public Integer call() {
        KnowledgeBase kb = KnowledgeLoader.builtIn();
        List<Actor> actors = kb.actors();
        System.out.println("Kahu — built-in threat-actor knowledge base");
        System.out.println("============================================");
        System.out.printf("%d curated actors, %d distinct ATT&CK techniques, %d cited references.%n%n", actors.size(),
                kb.techniqueUsage().size(), actors.stream().mapToInt(a -> a.references().size()).sum());

        Map<String, List<Actor>> byState = new TreeMap<>();
        for (Actor a : actors) {
            String state = a.sponsor() == null ? "(no state sponsor public)" : a.sponsor().describe();
            byState.computeIfAbsent(state, k -> new java.util.ArrayList<>()).add(a);
        }
        System.out.println("Actors by sponsor:");
        byState.forEach((state, list) -> System.out.printf("  %s%n      %s%n", state,
                list.stream().map(Actor::name).sorted().collect(Collectors.joining(", "))));

        System.out.println("\nWho exploited Microsoft Exchange (ProxyLogon, early 2021), per the cited reporting:");
        actors.stream().filter(a -> a.exploits().stream().map(Fact::value).anyMatch(PROXYLOGON::contains))
                .sorted(Comparator.comparing(Actor::name))
                .forEach(a -> System.out.printf("  %-36s %-16s %s%n", a.name(), a.kind().label(),
                        a.sponsor() == null ? "" : a.sponsor().countryName() != null ? a.sponsor().countryName() : a.sponsor().country()));

        System.out.println("\nThe rarest techniques among these actors weigh most in attribution; the commonest:");
        kb.techniqueUsage().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(5)
                .forEach(e -> System.out.printf("  %-10s used by %d actors%n", e.getKey(), e.getValue()));

        System.out.println("\nNext: `./kahu kb actor APT40` for one actor with every source, "
                + "`./kahu kb import ../shared/data/attack ../shared/data/misp-galaxy` to add ATT&CK and MISP.");
        return Main.OK;
    }
}
