package kahu.investigate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import kahu.attribution.Assessment;
import kahu.attribution.AssessmentJson;
import kahu.correlate.Campaign;
import kahu.correlate.Finding;
import kahu.correlate.Incident;
import kahu.correlate.Organisation;
import kahu.store.Database;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The investigation tables. Detections are added in committed batches, each batch idempotent (a
 * detection already stored is skipped), so a run killed half-way loses nothing stored and a re-run
 * adds only what is missing; incidents, campaigns and assessments are replaced in one transaction.
 */
public final class InvestigationStore {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final int BATCH = 1000;

    private final Database db;

    public InvestigationStore(Database db) {
        this.db = db;
    }

    public Database database() {
        return db;
    }

    /** Registers organisations (name, pseudonym, sector, size, country); known ones are updated. */
    public void putOrganisations(List<Organisation> orgs) {
        db.jdbi().useTransaction(h -> {
            for (Organisation o : orgs) {
                h.createUpdate("DELETE FROM organisation WHERE id = ?").bind(0, o.id()).execute();
                h.createUpdate("INSERT INTO organisation (id, name, pseudonym, sector, size, country) VALUES (?, ?, ?, ?, ?, ?)")
                        .bind(0, o.id()).bind(1, o.name()).bind(2, o.pseudonym()).bind(3, o.sector()).bind(4, o.size())
                        .bind(5, o.country()).execute();
            }
        });
    }

    /** Pseudonymous organisations: everything but the real name, which stays behind {@link VictimIdentityGate}. */
    public Map<String, Organisation> organisations() {
        Map<String, Organisation> out = new java.util.LinkedHashMap<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT id, pseudonym, sector, size, country FROM organisation ORDER BY id")
                .map((rs, ctx) -> new Organisation(rs.getString(1), rs.getString(2), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), List.of(), List.of()))
                .forEach(o -> out.put(o.id(), o)));
        return out;
    }

    /** Adds findings not stored yet, committing every {@value #BATCH}; returns how many were new. */
    public long addFindings(List<Finding> findings) {
        long added = 0;
        for (int from = 0; from < findings.size(); from += BATCH) {
            List<Finding> batch = findings.subList(from, Math.min(findings.size(), from + BATCH));
            added += db.jdbi().inTransaction(h -> {
                PreparedBatch b = h.prepareBatch("""
                        INSERT INTO detection (id, organisation_id, host, engine, rule_id, level, observed_at, location, body)
                        SELECT ?, ?, ?, ?, ?, ?, CAST(? AS TIMESTAMP WITH TIME ZONE), ?, ?
                        WHERE NOT EXISTS (SELECT 1 FROM detection WHERE id = ?)""");
                for (Finding f : batch) {
                    b.bind(0, f.id()).bind(1, f.organisation()).bind(2, f.host()).bind(3, f.detection().engine())
                            .bind(4, f.detection().ruleId()).bind(5, f.detection().level())
                            .bind(6, f.time() == null ? null : Timestamp.from(f.time())).bind(7, f.detection().location())
                            .bind(8, write(f)).bind(9, f.id()).add();
                }
                int n = 0;
                for (int c : b.execute()) n += Math.max(0, c);
                return n;
            });
        }
        return added;
    }

    public List<Finding> findings() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT body FROM detection ORDER BY id").mapTo(String.class)
                .map(InvestigationStore::readFinding).list());
    }

    /**
     * Every stored detection, one organisation at a time (in organisation id order), each organisation's
     * findings handed over together: memory holds one organisation's detections, not the table. Read in
     * a transaction with a fetch size, so that PostgreSQL streams through a cursor too.
     *
     * @return how many detections were read
     */
    public long forEachOrganisation(java.util.function.Function<Finding, Finding> read, Consumer<List<Finding>> organisation) {
        return db.jdbi().inTransaction(h -> {
            long n = 0;
            List<Finding> current = new java.util.ArrayList<>();
            String org = null;
            try (var rows = h.createQuery("SELECT organisation_id, body FROM detection ORDER BY organisation_id, host, id").setFetchSize(1000)
                    .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)}).stream()) {
                for (var it = rows.iterator(); it.hasNext(); ) {
                    String[] row = it.next();
                    if (org != null && !org.equals(row[0])) {
                        organisation.accept(current);
                        current = new java.util.ArrayList<>();
                    }
                    org = row[0];
                    current.add(read.apply(readFinding(row[1])));
                    n++;
                }
            }
            if (!current.isEmpty()) organisation.accept(current);
            return n;
        });
    }

    /** Rows per executed batch: a batch's bindings are held until it runs (millions of incident-detection links at scale). */
    private static final int DERIVED_BATCH = 2000;
    /** Incidents assessed together: enough for every core, few enough that their whole assessments take little memory. */
    private static final int ASSESSED_BATCH = 256;

    /**
     * Replaces incidents, campaigns and assessments, in one transaction. Incidents are assessed here, one
     * at a time as their rows are written ({@code assess}), and only what {@code keep} leaves of each
     * assessment stays in memory: a full assessment (the leading hypotheses' evidence weights, the ACH
     * matrix, sensitivity) is several kilobytes, and 250,000 servers give hundreds of thousands of incidents.
     * Each assessment is stored with its {@value #STORED_HYPOTHESES} leading hypotheses.
     *
     * @return the assessments kept, incidents' first, then the campaigns' (whole)
     */
    public Map<String, Assessment> replaceDerived(List<Incident> incidents, List<Campaign> campaigns,
                                                  java.util.function.Function<Incident, Assessment> assess,
                                                  Map<String, Assessment> campaignAssessments,
                                                  java.util.function.UnaryOperator<Assessment> keep) {
        Map<String, String> campaignOf = new java.util.HashMap<>();
        for (Campaign c : campaigns) for (Incident i : c.incidents()) campaignOf.put(i.id(), c.id());
        Map<String, Assessment> kept = new java.util.LinkedHashMap<>();
        db.jdbi().useTransaction(h -> {
            for (String t : List.of("incident_detection", "incident", "campaign", "assessment")) h.createUpdate("DELETE FROM " + t).execute();
            Batches inc = new Batches(h, """
                    INSERT INTO incident (id, organisation_id, host, first_seen, last_seen, stage, category, category_reason, detections, campaign_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            Batches link = new Batches(h, "INSERT INTO incident_detection (incident_id, detection_id) VALUES (?, ?)");
            for (Incident i : incidents) {
                inc.next().bind(0, i.id()).bind(1, i.organisation().id()).bind(2, i.host()).bind(3, Timestamp.from(i.first()))
                        .bind(4, Timestamp.from(i.last())).bind(5, i.stage().name()).bind(6, i.category().category())
                        .bind(7, i.category().reason()).bind(8, i.findings().size()).bind(9, campaignOf.get(i.id())).add();
                for (Finding f : i.findings()) link.next().bind(0, i.id()).bind(1, f.id()).add();
            }
            inc.finish();
            link.finish();
            for (Campaign c : campaigns) {
                h.createUpdate("INSERT INTO campaign (id, first_seen, last_seen, incidents, links) VALUES (?, ?, ?, ?, ?)")
                        .bind(0, c.id()).bind(1, Timestamp.from(c.first())).bind(2, Timestamp.from(c.last()))
                        .bind(3, c.incidents().size()).bind(4, writeValue(storedLinks(c))).execute();
            }
            Batches as = new Batches(h, """
                    INSERT INTO assessment (subject_id, subject_kind, leader_key, leader_name, probability, phia, confidence, sponsor_country, body)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""");
            // Assessing an incident and writing its JSON are this step's CPU work: done on every core, a batch at a
            // time, so that memory holds one batch's bodies; rows go in incident order as before.
            for (int from = 0; from < incidents.size(); from += ASSESSED_BATCH) {
                List<Assessed> done = incidents.subList(from, Math.min(incidents.size(), from + ASSESSED_BATCH)).parallelStream()
                        .map(i -> Assessed.of(i.id(), assess.apply(i), keep)).toList();
                for (Assessed d : done) {
                    d.bind(as.next(), "incident");
                    kept.put(d.id(), d.kept());
                }
            }
            campaignAssessments.forEach((id, a) -> {
                Assessed.of(id, a, x -> x).bind(as.next(), "campaign");
                kept.put(id, a);
            });
            as.finish();
        });
        return kept;
    }

    /** Replaces incidents, campaigns and assessments with these, in one transaction. */
    public void replaceDerived(List<Incident> incidents, List<Campaign> campaigns, Map<String, Assessment> assessments,
                               Map<String, String> kinds) {
        Map<String, Assessment> ofCampaigns = new java.util.LinkedHashMap<>();
        for (Campaign c : campaigns) if (assessments.containsKey(c.id())) ofCampaigns.put(c.id(), assessments.get(c.id()));
        List<Incident> assessed = incidents.stream().filter(i -> assessments.containsKey(i.id())).toList();
        if (assessed.size() != incidents.size()) throw new IllegalArgumentException("every incident needs an assessment");
        replaceDerived(incidents, campaigns, i -> assessments.get(i.id()), ofCampaigns, a -> a);
    }

    /**
     * Named hypotheses an assessment is stored with (with the unknown actor's and the others' probability): what
     * reports and {@code kahu stats} read (the leader, the runners-up) at a size that lets a national
     * constituency's assessments fit on disk; see {@link Assessment#leading}.
     */
    static final int STORED_HYPOTHESES = 5;
    /** Evidence weights stored per hypothesis, strongest first; the ACH rows hold every item's for the leading four. */
    static final int STORED_WEIGHTS = 10;

    /** An assessment ready to store: its row's columns (from the whole) and body (the leading hypotheses), and what memory keeps. */
    private record Assessed(String id, Assessment whole, String body, Assessment kept) {
        static Assessed of(String id, Assessment whole, java.util.function.UnaryOperator<Assessment> keep) {
            String body = AssessmentJson.toJson(whole.leading(STORED_HYPOTHESES, STORED_WEIGHTS)).toString();
            return new Assessed(id, whole, body, keep.apply(whole));
        }

        void bind(PreparedBatch b, String kind) {
            var lead = whole.leader();
            boolean named = lead != null && !whole.unknownLeads();
            b.bind(0, id).bind(1, kind).bind(2, named ? lead.key() : null)
                    .bind(3, named ? lead.label() : kahu.attribution.Assessment.UNKNOWN_ACTOR)
                    .bind(4, named ? lead.probability() : whole.unknownActorProbability())
                    .bind(5, named ? lead.phia().term() : whole.unknownPhia().term()).bind(6, whole.confidence().level().label())
                    .bind(7, named && lead.sponsor() != null ? lead.sponsor().country() : null)
                    .bind(8, body).add();
        }
    }

    /** One statement's rows, executed every {@value #DERIVED_BATCH}. */
    private static final class Batches {
        private final org.jdbi.v3.core.Handle h;
        private final String sql;
        private PreparedBatch batch;

        Batches(org.jdbi.v3.core.Handle h, String sql) {
            this.h = h;
            this.sql = sql;
        }

        /** The batch to add the next row to. */
        PreparedBatch next() {
            if (batch != null && batch.size() >= DERIVED_BATCH) finish();
            if (batch == null) batch = h.prepareBatch(sql);
            return batch;
        }

        void finish() {
            if (batch != null && batch.size() > 0) batch.execute();
            if (batch != null) batch.close();
            batch = null;
        }
    }

    /** Records one run: when, over what, how much it read and found, and what went wrong. */
    public void recordRun(Instant started, List<String> inputs, long events, long detections, List<String> problems) {
        db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO investigation_run (started_at, finished_at, inputs, events, detections, problems)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .bind(0, Timestamp.from(started)).bind(1, Timestamp.from(Instant.now())).bind(2, String.join("\n", inputs))
                .bind(3, events).bind(4, detections).bind(5, String.join("\n", problems)).execute());
    }

    /** Incident rows with their assessment and campaign assessment, for statistics. */
    public List<StatsRow> statsRows() {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT i.id, i.first_seen, i.category, o.sector, i.organisation_id,
                               a.leader_key, a.leader_name, a.probability, a.sponsor_country,
                               c.leader_key, c.leader_name, c.probability, c.sponsor_country
                        FROM incident i
                        LEFT JOIN organisation o ON o.id = i.organisation_id
                        LEFT JOIN assessment a ON a.subject_id = i.id
                        LEFT JOIN assessment c ON c.subject_id = i.campaign_id
                        ORDER BY i.first_seen, i.id""")
                .map((rs, ctx) -> new StatsRow(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getInt(3), rs.getString(4),
                        rs.getString(5),
                        new StatsRow.Lead(rs.getString(6), rs.getString(7), rs.getDouble(8), rs.getString(9)),
                        rs.getString(10) == null && rs.getString(11) == null ? null
                                : new StatsRow.Lead(rs.getString(10), rs.getString(11), rs.getDouble(12), rs.getString(13))))
                .list());
    }

    /** Incident ids stored per link: the campaign's incidents are in the incident table already. */
    static final int LINK_SAMPLE = 50;

    /**
     * A campaign's links as stored: each value with its weight, how many incidents it joined and the first
     * {@value #LINK_SAMPLE} of them. Listing every incident per value made one row tens of megabytes at
     * 250,000 servers (an address shared by thousands of incidents, forty values a campaign).
     */
    static List<Map<String, Object>> storedLinks(Campaign c) {
        return c.links().stream().map(l -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("kind", l.kind());
            m.put("value", l.value());
            m.put("weight", l.weight());
            m.put("incidents", l.incidents().size());
            m.put("sample", l.incidents().subList(0, Math.min(LINK_SAMPLE, l.incidents().size())));
            return m;
        }).toList();
    }

    static String write(Finding f) {
        return writeValue(f);
    }

    private static String writeValue(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Finding readFinding(String json) {
        try {
            return JSON.readValue(json, Finding.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored detection is not readable: " + e.getOriginalMessage(), e);
        }
    }

    /** For tests and reports: how many rows each investigation table holds. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        db.jdbi().useHandle(h -> {
            for (String t : List.of("organisation", "detection", "incident", "campaign", "assessment", "investigation_run")) {
                out.put(t, h.createQuery("SELECT COUNT(*) FROM " + t).mapTo(Long.class).one());
            }
        });
        return out;
    }
}
