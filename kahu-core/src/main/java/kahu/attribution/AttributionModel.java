package kahu.attribution;

import kahu.knowledge.Actor;
import kahu.knowledge.Fact;
import kahu.knowledge.KnowledgeBase;
import kahu.knowledge.KnownIndicator;
import kahu.knowledge.SoftwareUse;
import kahu.knowledge.TechniqueUse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attribution model (docs/attribution.md): each profiled actor, and the unknown actor, is a
 * generative hypothesis for the evidence; an item's weight is the log of its likelihood ratio against
 * the unknown actor, whose evidence follows the background distribution of all actors.
 *
 * <p>Built once per knowledge base: every profile is turned into hash sets and every background
 * probability computed here, so that scoring an incident is a few look-ups per actor and item.
 */
public final class AttributionModel {
    private static final double LN10 = Math.log(10);

    private final ModelParameters params;
    private final List<Actor> actors;
    private final List<String> keys;
    private final Channel techniques, software, vulnerabilities, sectors, countries;
    private final IndicatorIndex indicators;
    private final TimeZones timeZones;
    /** The techniques the evidence can show at all (null: any), see {@link #forObservable}. */
    private final Set<String> observableTechniques;

    private AttributionModel(KnowledgeBase kb, ModelParameters params, Set<String> observableTechniques) {
        this.params = params;
        this.observableTechniques = observableTechniques == null ? null : Set.copyOf(observableTechniques);
        List<Actor> profiled = new ArrayList<>();
        for (Actor a : kb.actors()) {
            if (!a.techniques().isEmpty() || !a.software().isEmpty() || !a.infrastructure().isEmpty() || !a.exploits().isEmpty()) {
                profiled.add(a);
            }
        }
        this.actors = List.copyOf(profiled);
        this.keys = actors.stream().map(Actor::key).toList();
        this.techniques = new Channel(actors, a -> a.techniques().stream().map(TechniqueUse::id).toList(), params.techniqueNoise(),
                this.observableTechniques);
        this.software = new Channel(actors, a -> a.software().stream().map(AttributionModel::softwareKey).toList(), params.softwareNoise(), null);
        this.vulnerabilities = new Channel(actors, a -> a.exploits().stream().map(Fact::value).toList(), params.vulnerabilityNoise(), null);
        this.sectors = new Channel(actors, a -> a.sectors().stream().map(Fact::value).toList(), params.victimNoise(), null);
        this.countries = new Channel(actors, a -> a.countries().stream().map(Fact::value).toList(), params.victimNoise(), null);
        this.indicators = new IndicatorIndex(actors);
        this.timeZones = new TimeZones(actors);
    }

    public static AttributionModel build(KnowledgeBase kb) {
        return new AttributionModel(kb, ModelParameters.defaults(), null);
    }

    public static AttributionModel build(KnowledgeBase kb, ModelParameters params) {
        return new AttributionModel(kb, params, null);
    }

    /**
     * A model for evidence that comes from detections which can only ever show {@code observable}
     * techniques (the ATT&CK tags of the rules and scanners in use). A technique no detection covers
     * can never be observed, so an actor's profile is taken over its observable techniques only: an
     * actor known for phishing, USB spreading and DNS tunnelling as well as web shells is not held
     * less likely to have planted a web shell because of tradecraft these logs cannot show (the
     * "size principle" of the categorical model would otherwise favour the actors with the shortest
     * published profiles). Reports in STIX can name any technique and use {@link #build(KnowledgeBase)}.
     */
    public static AttributionModel forObservable(KnowledgeBase kb, Set<String> observable) {
        if (observable == null || observable.isEmpty()) throw new IllegalArgumentException("no observable techniques");
        return new AttributionModel(kb, ModelParameters.defaults(), observable);
    }

    /** The techniques this model's evidence can show, or empty when any can be reported. */
    public Set<String> observableTechniques() {
        return observableTechniques == null ? Set.of() : observableTechniques;
    }

    /** Software is matched by ATT&CK ID when it has one, else by normalised name. */
    static String softwareKey(SoftwareUse s) {
        return s.attackId() != null ? s.attackId() : "name:" + kahu.knowledge.Names.key(s.name());
    }

    public ModelParameters parameters() {
        return params;
    }

    /** The named hypotheses, in the order of {@link Posterior#probabilities()}. */
    public List<String> actorKeys() {
        return keys;
    }

    public List<Actor> actors() {
        return actors;
    }

    /**
     * Weights of evidence (log10 LR against the unknown actor) of every item for every actor:
     * {@code w[item][actor]}. The unknown actor's weights are 0 by definition.
     *
     * <p>A technique that one observation reported together with k - 1 others ({@link Evidence#observedWith}:
     * the rules that fired on one event, with all their ATT&CK tags, saw one behaviour) counts with weight 1/k: its
     * likelihood ratio is tempered to the k-th root, so that the k tags together weigh as one observation
     * (the geometric mean of their ratios) and each keeps its own line in the assessment. This is the
     * discount {@link ModelParameters#dependentWeight} applies to techniques observed software implies.
     */
    double[][] weights(List<Evidence> items) {
        Set<String> explained = new HashSet<>();
        for (Evidence e : items) if (e.kind() == EvidenceKind.SOFTWARE) explained.addAll(e.implies());
        double[][] w = new double[items.size()][];
        for (int i = 0; i < items.size(); i++) {
            Evidence e = items.get(i);
            double[] lnLr = switch (e.kind()) {
                case TECHNIQUE -> techniques.lnRatios(e.value());
                case SOFTWARE -> software.lnRatios(e.value());
                case VULNERABILITY -> vulnerabilities.lnRatios(e.value());
                case SECTOR -> scale(sectors.lnRatios(e.value()), params.victimWeight());
                case COUNTRY -> scale(countries.lnRatios(e.value()), params.victimWeight());
                case INFRASTRUCTURE, FILE_HASH -> indicators.lnRatios(e, actors.size());
                case TIMING, ARTEFACT -> timeZones.lnRatios(e);
            };
            if (e.kind() == EvidenceKind.TECHNIQUE && explained.contains(e.value())) lnLr = scale(lnLr, params.dependentWeight());
            int shares = e.kind() == EvidenceKind.TECHNIQUE ? e.observationSize() : 1;
            double[] out = new double[lnLr.length];
            for (int a = 0; a < lnLr.length; a++) {
                // An observation that is wrong (1 - reliability) carries no information: mix the ratio with 1.
                double lr = e.reliability() * Math.exp(lnLr[a]) + (1 - e.reliability());
                out[a] = Math.log(lr) / LN10 / shares;
            }
            w[i] = out;
        }
        return w;
    }

    /** The full assessment: hypotheses with contributions, confidence, ACH, false-flag check, statement. */
    public Assessment assess(EvidenceSet evidence) {
        return new Assessor(this).assess(evidence);
    }

    /** Posterior over the named actors and the unknown actor. */
    public Posterior posterior(EvidenceSet evidence) {
        return posterior(weights(evidence.items()));
    }

    Posterior posterior(double[][] w) {
        int n = actors.size();
        double[] logPost = new double[n + 1];
        double namedPrior = Math.log((1 - params.unknownPrior()) / Math.max(1, n));
        for (int a = 0; a < n; a++) {
            double sum = 0;
            for (double[] item : w) sum += item[a];
            logPost[a] = namedPrior + sum * LN10 / params.temperature();
        }
        logPost[n] = Math.log(params.unknownPrior());
        double max = Double.NEGATIVE_INFINITY;
        for (double v : logPost) max = Math.max(max, v);
        double z = 0;
        for (double v : logPost) z += Math.exp(v - max);
        double[] p = new double[n + 1];
        for (int i = 0; i <= n; i++) p[i] = Math.exp(logPost[i] - max) / z;
        return new Posterior(p);
    }

    private static double[] scale(double[] v, double k) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] * k;
        return out;
    }

    /**
     * One categorical kind of evidence (techniques, software, CVEs, sectors, countries). Under actor
     * A an observed value v has probability (1 - ε)·[v ∈ A]/|A| + ε·bg(v); under the unknown actor bg(v),
     * the smoothed share of v among all actors' profiles. Actors with an empty profile are neutral.
     * With an observable set, profiles and background are restricted to it; an actor whose known
     * values are all unobservable explains nothing seen (probability ε·bg), unlike an actor with no
     * profile at all.
     */
    static final class Channel {
        private final List<Set<String>> profiles = new ArrayList<>();
        private final List<Boolean> blind = new ArrayList<>();
        private final Map<String, Integer> usage = new HashMap<>();
        private final double noise;
        private final double total;
        private final double vocabulary;

        Channel(List<Actor> actors, java.util.function.Function<Actor, List<String>> values, double noise, Set<String> observable) {
            this.noise = noise;
            long t = 0;
            for (Actor a : actors) {
                Set<String> s = new HashSet<>(values.apply(a));
                boolean known = !s.isEmpty();
                if (observable != null) s.retainAll(observable);
                profiles.add(s);
                blind.add(known && s.isEmpty());
                for (String v : s) usage.merge(v, 1, Integer::sum);
                t += s.size();
            }
            this.total = t;
            this.vocabulary = usage.size() + 50; // room for values no actor is known to use
        }

        double background(String v) {
            return (usage.getOrDefault(v, 0) + 0.5) / (total + 0.5 * vocabulary);
        }

        double[] lnRatios(String v) {
            double bg = background(v);
            double[] out = new double[profiles.size()];
            for (int a = 0; a < out.length; a++) {
                Set<String> s = profiles.get(a);
                if (blind.get(a)) {
                    out[a] = Math.log(noise);
                    continue;
                }
                if (s.isEmpty()) continue;
                double p = (1 - noise) * (s.contains(v) ? 1.0 / s.size() : 0) + noise * bg;
                out[a] = Math.log(p / bg);
            }
            return out;
        }

        boolean known(String v) {
            return usage.containsKey(v);
        }
    }

    /**
     * Known infrastructure and file hashes. A match is strong evidence (LR 30 for addresses and
     * domains, 100 for hashes) shared among the actors reported with the same indicator, and it fades
     * with the time between the activity and the end of the indicator's validity window.
     */
    static final class IndicatorIndex {
        private final Map<String, List<Integer>> owners = new HashMap<>();
        private final Map<String, KnownIndicator> byKeyAndActor = new HashMap<>();

        IndicatorIndex(List<Actor> actors) {
            for (int a = 0; a < actors.size(); a++) {
                for (KnownIndicator i : actors.get(a).infrastructure()) {
                    String key = key(i.type(), i.value());
                    owners.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
                    byKeyAndActor.put(key + "#" + a, i);
                }
            }
        }

        static String key(String type, String value) {
            String t = switch (type) {
                case "file-sha256" -> "sha256";
                case "file-sha1" -> "sha1";
                case "file-md5" -> "md5";
                default -> type;
            };
            return t + ":" + value.toLowerCase(java.util.Locale.ROOT);
        }

        double[] lnRatios(Evidence e, int n) {
            double[] out = new double[n];
            String key = e.value().toLowerCase(java.util.Locale.ROOT);
            List<Integer> who = owners.get(key);
            if (who == null) return out;
            double base = e.kind() == EvidenceKind.FILE_HASH ? 100 : 30;
            double tauDays = e.kind() == EvidenceKind.FILE_HASH ? 730 : key.startsWith("ipv") ? 180 : 365;
            for (int a : who) {
                KnownIndicator i = byKeyAndActor.get(key + "#" + a);
                double decay = 1;
                if (e.observedAt() != null && i.validUntil() != null) {
                    long days = java.time.Duration.between(i.validUntil().atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), e.observedAt()).toDays();
                    if (days > 0) decay = Math.exp(-days / tauDays);
                }
                if (e.observedAt() != null && i.validFrom() != null
                        && e.observedAt().isBefore(i.validFrom().atStartOfDay(java.time.ZoneOffset.UTC).toInstant())) {
                    decay = Math.min(decay, 0.5); // seen before the actor was reported to use it
                }
                out[a] = Math.log(1 + (base - 1) * decay / who.size());
            }
            return out;
        }
    }
}
