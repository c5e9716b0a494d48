package kahu.knowledge;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the curated actor files shipped inside Kahu ({@code kahu/knowledge/actors/*.yaml}, format in
 * docs/knowledge-base.md). A file's every problem is collected before it is reported, so that one
 * pass over a file finds them all.
 */
public final class CuratedActors {
    static final String FOLDER = "kahu/knowledge/actors/";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    private static final Pattern TECHNIQUE = Pattern.compile("T\\d{4}(\\.\\d{3})?");
    private static final Pattern SOFTWARE = Pattern.compile("S\\d{4}");
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    static final Set<String> INDICATOR_TYPES = Set.of("ipv4-addr", "ipv6-addr", "domain-name", "url", "file-sha256",
            "file-md5", "file-sha1", "autonomous-system", "x509-sha1");

    private CuratedActors() {}

    /** Thrown when curated files are wrong; {@link #problems()} lists every one, each naming its file. */
    public static final class InvalidFileException extends RuntimeException {
        private final List<String> problems;

        InvalidFileException(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Loads every curated file listed in the shipped index; fails with all problems of all files. */
    public static List<ActorRecord> loadBuiltIn() {
        List<ActorRecord> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String file : index()) {
            try (InputStream in = resource(FOLDER + file)) {
                out.add(parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8), problems));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!problems.isEmpty()) throw new InvalidFileException(problems);
        return out;
    }

    /** The file names in {@code index.txt}; a test keeps it equal to the folder's contents. */
    static List<String> index() {
        try (InputStream in = resource(FOLDER + "index.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> l.endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = CuratedActors.class.getClassLoader().getResourceAsStream(name);
        if (in == null) throw new IOException("missing resource " + name + " (is the build complete?)");
        return in;
    }

    /** Parses one file; problems are appended as "file: where: what" and a best-effort record is returned. */
    public static ActorRecord parse(String file, String yaml, List<String> problems) {
        Object doc;
        try {
            doc = new Load(LoadSettings.builder().setLabel(file).build()).loadFromString(yaml);
        } catch (RuntimeException e) {
            problems.add(file + ": not valid YAML: " + e.getMessage().replace('\n', ' '));
            return null;
        }
        if (!(doc instanceof Map<?, ?> map)) {
            problems.add(file + ": expected a mapping at the top level");
            return null;
        }
        return new FileParser(file, map, problems).record();
    }

    /** Walks one parsed file, noting every problem with its path inside the file. */
    private static final class FileParser {
        private final String file;
        private final Map<?, ?> root;
        private final List<String> problems;
        private Set<String> refKeys = Set.of();

        FileParser(String file, Map<?, ?> root, List<String> problems) {
            this.file = file;
            this.root = root;
            this.problems = problems;
        }

        void problem(String where, String what) {
            problems.add(file + ": " + where + ": " + what);
        }

        ActorRecord record() {
            List<Reference> references = references();
            String id = text(root, "id", "id", true);
            if (id != null && !ID.matcher(id).matches()) problem("id", "must be lower case letters, digits and '-'");
            if (id != null && !file.equals(id + ".yaml")) problem("id", "must equal the file name without .yaml");
            String name = text(root, "name", "name", true);
            String attackId = text(root, "attack_id", "attack_id", false);
            if (attackId != null && !Names.isAttackGroupId(attackId)) problem("attack_id", "not an ATT&CK group ID: " + attackId);
            ActorKind kind = ActorKind.UNKNOWN;
            String kindText = text(root, "kind", "kind", true);
            if (kindText != null) {
                try {
                    kind = ActorKind.parse(kindText);
                } catch (IllegalArgumentException e) {
                    problem("kind", "unknown kind " + kindText);
                }
            }
            List<Alias> aliases = new ArrayList<>();
            for (Map<?, ?> m : list(root, "aliases", true)) {
                String where = "aliases[" + aliases.size() + "]";
                aliases.add(new Alias(text(m, "name", where, true), text(m, "by", where, false), refs(m, where)));
            }
            Sponsor sponsor = null;
            if (root.get("sponsor") instanceof Map<?, ?> s) {
                String country = text(s, "country", "sponsor", true);
                if (country != null && !COUNTRY.matcher(country).matches()) problem("sponsor.country", "not an ISO 3166 alpha-2 code: " + country);
                sponsor = new Sponsor(country, text(s, "country_name", "sponsor", false), text(s, "agency", "sponsor", false), refs(s, "sponsor"));
            } else if (root.get("sponsor") != null) {
                problem("sponsor", "expected a mapping or null");
            }
            List<TechniqueUse> techniques = new ArrayList<>();
            for (Map<?, ?> m : list(root, "techniques", false)) {
                String where = "techniques[" + techniques.size() + "]";
                String tid = text(m, "id", where, true);
                if (tid != null && !TECHNIQUE.matcher(tid).matches()) problem(where, "not an ATT&CK technique ID: " + tid);
                techniques.add(new TechniqueUse(tid, text(m, "name", where, true), refs(m, where)));
            }
            List<SoftwareUse> software = new ArrayList<>();
            for (Map<?, ?> m : list(root, "software", false)) {
                String where = "software[" + software.size() + "]";
                String sid = text(m, "attack_id", where, false);
                if (sid != null && !SOFTWARE.matcher(sid).matches()) problem(where, "not an ATT&CK software ID: " + sid);
                software.add(new SoftwareUse(text(m, "name", where, true), sid, refs(m, where)));
            }
            if (techniques.isEmpty() && software.isEmpty()) problem("techniques", "an actor needs at least one technique or software");
            List<Fact> countries = facts("countries", "value");
            for (Fact c : countries) if (!COUNTRY.matcher(c.value()).matches()) problem("countries", "not an ISO 3166 alpha-2 code: " + c.value());
            List<Fact> exploits = facts("exploits", "cve");
            for (Fact c : exploits) if (!CVE.matcher(c.value()).matches()) problem("exploits", "not a CVE ID: " + c.value());
            Fact firstSeen = fact("first_seen"), lastSeen = fact("last_seen");
            for (Fact f : new Fact[] {firstSeen, lastSeen}) {
                if (f != null && !PARTIAL_DATE.matcher(f.value()).matches()) problem("first_seen/last_seen", "not YYYY, YYYY-MM or YYYY-MM-DD: " + f.value());
            }
            return new ActorRecord(Origins.KAHU + ":" + id, Origins.KAHU, name, attackId, null, false, kind,
                    text(root, "summary", "summary", false), aliases, sponsor, fact("motivation"), firstSeen, lastSeen,
                    fact("timezone"), facts("sectors", "value"), countries, techniques, software, exploits,
                    infrastructure(), references, List.of());
        }

        private List<Reference> references() {
            List<Reference> out = new ArrayList<>();
            if (!(root.get("references") instanceof Map<?, ?> refs) || refs.isEmpty()) {
                problem("references", "missing: every fact needs a reference");
                return out;
            }
            for (var e : refs.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (!(e.getValue() instanceof Map<?, ?> m)) {
                    problem("references." + key, "expected a mapping");
                    continue;
                }
                String where = "references." + key;
                out.add(new Reference(key, text(m, "title", where, true), text(m, "publisher", where, true),
                        text(m, "date", where, false), text(m, "url", where, true)));
            }
            refKeys = Set.copyOf(out.stream().map(Reference::key).toList());
            return out;
        }

        private List<KnownIndicator> infrastructure() {
            List<KnownIndicator> out = new ArrayList<>();
            for (Map<?, ?> m : list(root, "infrastructure", false)) {
                String where = "infrastructure[" + out.size() + "]";
                String type = text(m, "type", where, true);
                String value = text(m, "value", where, true);
                if (type != null && !INDICATOR_TYPES.contains(type)) problem(where, "unknown indicator type " + type);
                if (type != null && value != null) {
                    String bad = IndicatorSyntax.check(type, value);
                    if (bad != null) problem(where, bad);
                }
                LocalDate from = date(m, "valid_from", where), until = date(m, "valid_until", where);
                if (from != null && until != null && until.isBefore(from)) problem(where, "valid_until is before valid_from");
                out.add(new KnownIndicator(type, value, from, until, refs(m, where)));
            }
            return out;
        }

        private LocalDate date(Map<?, ?> m, String key, String where) {
            Object v = m.get(key);
            if (v == null) return null;
            try {
                return LocalDate.parse(String.valueOf(v));
            } catch (DateTimeParseException e) {
                problem(where + "." + key, "not a date (YYYY-MM-DD): " + v);
                return null;
            }
        }

        private Fact fact(String key) {
            Object v = root.get(key);
            if (v == null) return null;
            if (!(v instanceof Map<?, ?> m)) {
                problem(key, "expected {value: …, refs: […]}");
                return null;
            }
            String value = text(m, "value", key, true);
            return value == null ? null : new Fact(value, refs(m, key));
        }

        private List<Fact> facts(String key, String valueKey) {
            List<Fact> out = new ArrayList<>();
            for (Map<?, ?> m : list(root, key, false)) {
                String where = key + "[" + out.size() + "]";
                String value = text(m, valueKey, where, true);
                if (value != null) out.add(new Fact(key.equals("sectors") ? value.toLowerCase(Locale.ROOT) : value, refs(m, where)));
            }
            return out;
        }

        private List<String> refs(Map<?, ?> m, String where) {
            if (!(m.get("refs") instanceof List<?> l) || l.isEmpty()) {
                problem(where, "no refs: every fact must cite a reference");
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (Object o : l) {
                String k = String.valueOf(o);
                if (!refKeys.contains(k)) problem(where, "refs names unknown reference '" + k + "'");
                out.add(k);
            }
            return out;
        }

        private List<Map<?, ?>> list(Map<?, ?> m, String key, boolean required) {
            Object v = m.get(key);
            if (v == null) {
                if (required) problem(key, "missing");
                return List.of();
            }
            if (!(v instanceof List<?> l)) {
                problem(key, "expected a list");
                return List.of();
            }
            List<Map<?, ?>> out = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                if (l.get(i) instanceof Map<?, ?> e) out.add(e);
                else problem(key + "[" + i + "]", "expected a mapping");
            }
            return out;
        }

        private String text(Map<?, ?> m, String key, String where, boolean required) {
            Object v = m.get(key);
            if (v == null) {
                if (required) problem(where, "missing '" + key + "'");
                return null;
            }
            if (v instanceof Map || v instanceof List) {
                problem(where, "'" + key + "' must be a plain value");
                return null;
            }
            return String.valueOf(v).strip();
        }
    }
}
