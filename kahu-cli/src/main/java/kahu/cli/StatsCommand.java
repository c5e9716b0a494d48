package kahu.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import kahu.investigate.InvestigationStore;
import kahu.investigate.Statistics;
import kahu.store.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

/** {@code kahu stats [--from DATE] [--to DATE] [--format text|json]}: the state-sponsored share of serious incidents. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Serious incidents and the share linked to state-sponsored actors, by actor, sponsor and sector.")
final class StatsCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--from", paramLabel = "DATE", description = "First day (YYYY-MM-DD, UTC), inclusive.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last day (YYYY-MM-DD, UTC), inclusive.")
    LocalDate to;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    String format;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            System.err.println("kahu: unknown format " + format + " (text or json)");
            return Main.BAD_INPUT;
        }
        Instant a = from == null ? null : from.atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant b = to == null ? null : to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Statistics s;
        try (Database db = Database.open(main.dbUrl())) {
            s = Statistics.of(new InvestigationStore(db).statsRows(), a, b);
        }
        if (format.equals("json")) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("from", from == null ? null : from.toString());
            o.put("to", to == null ? null : to.toString());
            o.put("incidents", s.incidents());
            o.put("serious_incidents", s.serious());
            o.put("state_sponsored", s.linked());
            o.put("state_sponsored_share", Math.round(s.share() * 1000) / 1000.0);
            o.put("statement", s.statement());
            o.put("method", s.method());
            o.set("by_actor", Json.MAPPER.valueToTree(s.byActor()));
            o.set("by_sponsor", Json.MAPPER.valueToTree(s.bySponsor()));
            o.set("by_sector", Json.MAPPER.valueToTree(s.bySector()));
            o.set("by_category", Json.MAPPER.valueToTree(s.byCategory()));
            System.out.println(Json.pretty(o));
        } else {
            System.out.printf("Incidents: %d; serious (category 1-3): %d; linked to state-sponsored actors: %d.%n", s.incidents(),
                    s.serious(), s.linked());
            System.out.println(s.statement());
            System.out.println("By actor:   " + s.byActor());
            System.out.println("By sponsor: " + s.bySponsor());
            System.out.println("By sector:  " + s.bySector());
            System.out.println("By category: " + s.byCategory());
            System.out.println("Method: " + s.method());
        }
        return Main.OK;
    }
}
