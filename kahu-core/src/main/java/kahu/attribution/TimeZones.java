package kahu.attribution;

import kahu.knowledge.Actor;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weak evidence from when the operators work and what language their tools speak. An actor's working
 * time zone is the one reported for it, else its sponsoring state's main one. A best-fit offset
 * within an hour of it doubles the actor's likelihood; a farther one makes it 0.6 times as likely.
 * A resource language that is the sponsoring state's doubles it too. Actors with neither are neutral.
 */
final class TimeZones {
    /** Main UTC offset, in minutes, of the states that sponsor actors in the knowledge base. */
    static final Map<String, Integer> STATE_OFFSET = Map.ofEntries(
            Map.entry("CN", 480), Map.entry("RU", 180), Map.entry("KP", 540), Map.entry("KR", 540), Map.entry("IR", 210),
            Map.entry("VN", 420), Map.entry("IN", 330), Map.entry("PK", 300), Map.entry("TR", 180), Map.entry("BY", 180),
            Map.entry("UA", 120), Map.entry("LB", 120), Map.entry("SY", 180), Map.entry("IL", 120), Map.entry("AE", 240),
            Map.entry("PS", 120), Map.entry("US", -300), Map.entry("GB", 0), Map.entry("FR", 60), Map.entry("TW", 480));
    /** Language (ISO 639-1) to the state whose operators would write it, where that is unambiguous enough to weigh. */
    private static final Map<String, String> LANGUAGE_STATE = Map.of("zh", "CN", "ru", "RU", "fa", "IR", "vi", "VN", "ko", "KP");

    private final Integer[] offsets;
    private final String[] states;

    TimeZones(List<Actor> actors) {
        offsets = new Integer[actors.size()];
        states = new String[actors.size()];
        for (int a = 0; a < actors.size(); a++) {
            Actor actor = actors.get(a);
            states[a] = actor.sponsor() == null ? null : actor.sponsor().country();
            Integer reported = actor.timezone() == null ? null : parseOffset(actor.timezone().value());
            offsets[a] = reported != null ? reported : states[a] == null ? null : STATE_OFFSET.get(states[a]);
        }
    }

    double[] lnRatios(Evidence e) {
        double[] out = new double[offsets.length];
        String v = e.value();
        if (e.kind() == EvidenceKind.TIMING || v.startsWith("compile-offset:")) {
            Integer seen = parseOffset(v.startsWith("compile-offset:") ? v.substring("compile-offset:".length()) : v);
            if (seen == null) return out;
            for (int a = 0; a < out.length; a++) {
                if (offsets[a] == null) continue;
                int diff = Math.abs(offsets[a] - seen);
                diff = Math.min(diff, 24 * 60 - diff);
                out[a] = Math.log(diff <= 60 ? 2.0 : 0.6);
            }
        } else if (v.startsWith("language:")) {
            String lang = v.substring("language:".length()).toLowerCase(Locale.ROOT);
            String region = lang.contains("-") ? lang.substring(lang.indexOf('-') + 1).toUpperCase(Locale.ROOT) : null;
            String state = "zh".equals(lang.substring(0, Math.min(2, lang.length()))) && "TW".equals(region) ? "TW"
                    : LANGUAGE_STATE.get(lang.substring(0, Math.min(2, lang.length())));
            if (state == null) return out;
            for (int a = 0; a < out.length; a++) {
                if (states[a] == null) continue;
                out[a] = Math.log(state.equals(states[a]) ? 2.0 : 0.7);
            }
        }
        return out;
    }

    /** "+08:00", "-05:00", "+0330", "UTC+8" → minutes; null when not an offset. */
    static Integer parseOffset(String s) {
        String t = s.strip().toUpperCase(Locale.ROOT).replace("UTC", "").replace("GMT", "");
        if (t.isEmpty()) return 0;
        int sign = t.charAt(0) == '-' ? -1 : 1;
        if (t.charAt(0) == '+' || t.charAt(0) == '-') t = t.substring(1);
        try {
            if (t.contains(":")) {
                String[] hm = t.split(":");
                return sign * (Integer.parseInt(hm[0]) * 60 + Integer.parseInt(hm[1]));
            }
            if (t.length() == 4) return sign * (Integer.parseInt(t.substring(0, 2)) * 60 + Integer.parseInt(t.substring(2)));
            return sign * Integer.parseInt(t) * 60;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "+08:00" for 480. */
    static String format(int minutes) {
        int m = Math.abs(minutes);
        return (minutes < 0 ? "-" : "+") + String.format("%02d:%02d", m / 60, m % 60);
    }
}
