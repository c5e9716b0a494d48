package kahu.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code organisations.json}, the constituency register an NCSC holds: who the organisations
 * are and which Exchange servers they run. It is input to the investigation, so it carries nothing of
 * the ground truth (no actors, no compromise, no patch dates). One organisation a line.
 */
final class RegisterWriter implements AutoCloseable {
    private final BufferedWriter out;
    private final StringBuilder sb = new StringBuilder(1024);
    private boolean first = true;

    RegisterWriter(Path file) throws IOException {
        out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
        out.write("{\"organisations\":[\n");
    }

    void add(Organisation o) throws IOException {
        sb.setLength(0);
        if (!first) sb.append(",\n");
        first = false;
        sb.append('{');
        Json.field(sb, "id", o.id()).append(',');
        Json.field(sb, "name", o.name()).append(',');
        Json.field(sb, "pseudonym", o.pseudonym()).append(',');
        Json.field(sb, "sector", o.sector()).append(',');
        Json.field(sb, "size", o.size()).append(',');
        Json.field(sb, "country", o.country()).append(",\"domains\":[");
        Json.string(sb, o.domain()).append("],\"hosts\":[");
        for (int i = 0; i < o.hosts().size(); i++) {
            Organisation.Host h = o.hosts().get(i);
            if (i > 0) sb.append(',');
            sb.append('{');
            Json.field(sb, "name", h.name()).append(',');
            Json.field(sb, "ip", h.ipText()).append(',');
            Json.field(sb, "role", "exchange").append(',');
            Json.field(sb, "exchange_version", h.version()).append(',');
            Json.field(sb, "exchange_build", h.registeredBuild()).append('}');
        }
        sb.append("]}");
        out.append(sb);
    }

    @Override
    public void close() throws IOException {
        out.write("\n]}\n");
        out.close();
    }
}
