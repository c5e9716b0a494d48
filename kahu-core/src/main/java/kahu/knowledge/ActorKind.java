package kahu.knowledge;

import java.util.Locale;

/** What drives an actor, broadly: who pays for the operation. */
public enum ActorKind {
    STATE_SPONSORED, CRIMINAL, HACKTIVIST, UNKNOWN;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ActorKind parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
