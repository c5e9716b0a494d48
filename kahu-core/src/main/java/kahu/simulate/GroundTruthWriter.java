package kahu.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code ground-truth.json} as the run goes: organisations and operations are streamed to
 * part files (one JSON object a line), campaigns keep only their operations' IDs, and the parts are
 * joined at the end. Only for evaluation: the investigation must never read it.
 */
final class GroundTruthWriter implements AutoCloseable {
    private final Path target, orgPart, opPart;
    private final Layout layout;
    private final BufferedWriter orgs, ops;
    private final Map<String, List<String>> campaignOps = new LinkedHashMap<>();
    private final StringBuilder sb = new StringBuilder(4096);
    private boolean firstOrg = true, firstOp = true;

    GroundTruthWriter(Path target, Scenario scenario, Layout layout) throws IOException {
        this.target = target;
        this.layout = layout;
        this.orgPart = target.resolveSibling(target.getFileName() + ".organisations.part");
        this.opPart = target.resolveSibling(target.getFileName() + ".operations.part");
        this.orgs = writer(orgPart);
        this.ops = writer(opPart);
        for (Scenario.Campaign c : scenario.campaigns()) campaignOps.put(c.id(), new ArrayList<>());
    }

    private static BufferedWriter writer(Path p) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(p), StandardCharsets.UTF_8), 1 << 16);
    }

    void organisation(Organisation org, List<Operation> operations) throws IOException {
        Set<String> actors = new LinkedHashSet<>(), failed = new LinkedHashSet<>();
        for (Operation op : operations) (op.compromised ? actors : failed).add(op.actorKey());
        failed.removeAll(actors);
        sb.setLength(0);
        sb.append(firstOrg ? "    " : ",\n    ").append('{');
        Json.field(sb, "id", org.id()).append(",\"compromised\":").append(!actors.isEmpty()).append(",\"actors\":");
        Json.strings(sb, actors).append(",\"failed_attempts_by\":");
        Json.strings(sb, failed).append('}');
        orgs.append(sb);
        firstOrg = false;
        for (Operation op : operations) operation(org, op);
    }

    private void operation(Organisation org, Operation op) throws IOException {
        campaignOps.get(op.campaign.id()).add(op.id);
        Organisation.Host host = org.hosts().get(op.hostIndex);
        sb.setLength(0);
        sb.append(firstOp ? "    " : ",\n    ").append('{');
        Json.field(sb, "id", op.id).append(',');
        Json.field(sb, "campaign", op.campaign.id()).append(',');
        Json.field(sb, "actor", op.actorKey()).append(',');
        Json.field(sb, "organisation", org.id()).append(',');
        Json.field(sb, "host", host.name()).append(',');
        Json.field(sb, "first", op.first == Long.MAX_VALUE ? null : Times.iso(op.first)).append(',');
        Json.field(sb, "last", op.last == Long.MIN_VALUE ? null : Times.iso(op.last)).append(',');
        Json.field(sb, "outcome", op.compromised ? "compromised" : "failed").append(",\"techniques\":");
        Json.strings(sb, op.techniques).append(",\"infrastructure\":");
        Json.strings(sb, op.infrastructure).append(",\"webshells\":[");
        for (int i = 0; i < op.webshells.size(); i++) {
            String[] w = op.webshells.get(i);
            if (i > 0) sb.append(',');
            sb.append('{');
            Json.field(sb, "path", w[0].isEmpty() ? null : layout.hostDir(org.id(), host.name()) + "/" + w[0]).append(',');
            Json.field(sb, "windows_path", w[1]).append(',');
            Json.field(sb, "sha256", w[2]).append('}');
        }
        sb.append("],\"events\":");
        Json.strings(sb, op.events).append('}');
        ops.append(sb);
        firstOp = false;
    }

    /** Joins the parts: header, organisations, campaigns, operations, benign scanners. */
    void finish(Scenario scenario, long seed, Map<String, kahu.knowledge.Actor> actors) throws IOException {
        orgs.close();
        ops.close();
        try (OutputStream out = Files.newOutputStream(target)) {
            StringBuilder h = new StringBuilder("{\n  ");
            Json.field(h, "scenario", scenario.name()).append(",\n  \"seed\": ").append(seed).append(",\n  \"organisations\": [\n");
            out.write(h.toString().getBytes(StandardCharsets.UTF_8));
            copy(orgPart, out);
            StringBuilder c = new StringBuilder("\n  ],\n  \"campaigns\": [\n");
            boolean first = true;
            for (Scenario.Campaign camp : scenario.campaigns()) {
                kahu.knowledge.Actor a = actors.get(camp.actor());
                c.append(first ? "    " : ",\n    ").append('{');
                Json.field(c, "id", camp.id()).append(',');
                Json.field(c, "actor", camp.actor()).append(',');
                Json.field(c, "actor_name", a.name()).append(',');
                Json.field(c, "attack_id", a.attackId()).append(",\"state_sponsored\":").append(a.kind() == kahu.knowledge.ActorKind.STATE_SPONSORED)
                        .append(',');
                Json.field(c, "from", camp.from().toString()).append(',');
                Json.field(c, "to", camp.to().toString()).append(",\"operations\":");
                Json.strings(c, campaignOps.get(camp.id())).append('}');
                first = false;
            }
            c.append("\n  ],\n  \"operations\": [\n");
            out.write(c.toString().getBytes(StandardCharsets.UTF_8));
            copy(opPart, out);
            StringBuilder b = new StringBuilder("\n  ],\n  \"benign\": {\"scanner_ips\": [");
            boolean firstPool = true;
            for (Scenario.AddressPool p : scenario.benign().scanners()) {
                for (String prefix : p.prefixes()) {
                    Addresses.Prefix px = Addresses.parsePrefix(prefix);
                    for (int i = 0; i < px.size() && i < 256; i++) { // every address of a small prefix, the scanners' exact sources
                        if (!firstPool) b.append(',');
                        firstPool = false;
                        Json.string(b, px.size() <= 256 ? Addresses.text(px.at(i)) : prefix);
                        if (px.size() > 256) break;
                    }
                }
            }
            b.append("]}\n}\n");
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
        }
        Files.deleteIfExists(orgPart);
        Files.deleteIfExists(opPart);
    }

    private static void copy(Path part, OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(part)) {
            in.transferTo(out);
        }
    }

    @Override
    public void close() throws IOException {
        orgs.close();
        ops.close();
        Files.deleteIfExists(orgPart);
        Files.deleteIfExists(opPart);
    }
}
