package kahu.detect.ioc;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a STIX pattern into tokens. Words (keywords, object types, property names) are one kind:
 * the parser decides by position whether {@code AND} is an operator or a property name.
 */
final class PatternLexer {

    enum Kind { WORD, STRING, HEX, BINARY, TIMESTAMP, INT, FLOAT, SYMBOL, END }

    /** @param column 1-based column of the token's first character; text is the decoded value for literals */
    record Token(Kind kind, String text, int column) {
        String shown() {
            return switch (kind) {
                case END -> "end of pattern";
                case STRING -> "string '" + text + "'";
                case HEX, BINARY, TIMESTAMP -> kind.name().toLowerCase() + " literal";
                default -> "'" + text + "'";
            };
        }
    }

    private final String src;
    private int pos;

    private PatternLexer(String src) {
        this.src = src;
    }

    static List<Token> tokens(String pattern) {
        PatternLexer lx = new PatternLexer(pattern);
        List<Token> out = new ArrayList<>();
        Token t;
        do {
            t = lx.next();
            out.add(t);
        } while (t.kind() != Kind.END);
        return out;
    }

    private Token next() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
        int start = pos;
        int col = start + 1;
        if (pos >= src.length()) return new Token(Kind.END, "", col);
        char c = src.charAt(pos);
        if (c == '\'') return new Token(Kind.STRING, string(), col);
        if ((c == 'h' || c == 'b' || c == 't') && pos + 1 < src.length() && src.charAt(pos + 1) == '\'') {
            pos++;
            String body = string();
            Kind k = c == 'h' ? Kind.HEX : c == 'b' ? Kind.BINARY : Kind.TIMESTAMP;
            return new Token(k, body, col);
        }
        if (Character.isDigit(c) || ((c == '-' || c == '+') && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) {
            pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
            boolean real = false;
            if (pos + 1 < src.length() && src.charAt(pos) == '.' && Character.isDigit(src.charAt(pos + 1))) {
                real = true;
                pos++;
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
            }
            return new Token(real ? Kind.FLOAT : Kind.INT, src.substring(start, pos), col);
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < src.length() && isWordChar(src.charAt(pos))) pos++;
            return new Token(Kind.WORD, src.substring(start, pos), col);
        }
        for (String sym : new String[] {"!=", ">=", "<=", "=", ">", "<", "[", "]", "(", ")", ",", ":", ".", "*"}) {
            if (src.startsWith(sym, pos)) {
                pos += sym.length();
                return new Token(Kind.SYMBOL, sym, col);
            }
        }
        throw new StixPatternException(col, "a keyword, object path, operator or constant", "'" + c + "'");
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    /** A quoted string at pos (the opening quote); only {@code \'} and {@code \\} may be escaped. */
    private String string() {
        int open = pos;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\'') {
                pos++;
                return sb.toString();
            }
            if (c == '\\') {
                if (pos + 1 >= src.length()) break;
                char e = src.charAt(pos + 1);
                if (e != '\'' && e != '\\') {
                    throw new StixPatternException(pos + 1, "\\' or \\\\ (the only escapes in a STIX string)", "'\\" + e + "'");
                }
                sb.append(e);
                pos += 2;
                continue;
            }
            sb.append(c);
            pos++;
        }
        throw new StixPatternException(open + 1, "a closing quote for the string starting here", "end of pattern");
    }
}
