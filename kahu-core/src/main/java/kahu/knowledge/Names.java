package kahu.knowledge;

import java.util.Locale;
import java.util.regex.Pattern;

/** Name normalisation shared by every lookup: "TEMP.Periscope", "temp periscope" and "Temp-Periscope" are one key. */
public final class Names {
    private static final Pattern ATTACK_GROUP = Pattern.compile("G\\d{4}");

    private Names() {}

    public static String key(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) sb.append(Character.toLowerCase(c));
        }
        return sb.isEmpty() ? name.toLowerCase(Locale.ROOT) : sb.toString();
    }

    public static boolean isAttackGroupId(String s) {
        return ATTACK_GROUP.matcher(s).matches();
    }
}
