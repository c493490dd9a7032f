package io.surge.ticketing.waitingroom.presale;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Presale codes: generated unguessable, compared normalized, stored only as a hash. A generated code is 12 symbols of
 * Crockford's base32 (60 random bits, no I, L, O or U to misread), shown as {@code XXXX-XXXX-XXXX}. A code is
 * compared without case, spaces or dashes, so {@code abcd efgh jkmn} is the same code. The stored form is
 * SHA-256 over the event id and the normalized code: Redis never holds a code, and the same code of two events
 * hashes differently.
 */
public final class PresaleCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int SYMBOLS = 12;

    private final SecureRandom random = new SecureRandom();

    /** A new random code, {@code XXXX-XXXX-XXXX}. */
    public String generate() {
        StringBuilder code = new StringBuilder(SYMBOLS + 2);
        for (int i = 0; i < SYMBOLS; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** The code as compared: upper case, without spaces or dashes. */
    public static String normalize(String code) {
        StringBuilder normal = new StringBuilder(code.length());
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c != '-' && !Character.isWhitespace(c)) {
                normal.append(c);
            }
        }
        return normal.toString().toUpperCase(Locale.ROOT);
    }

    /** The stored form of a code of an event. */
    public static String hash(long eventId, String code) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(("presale:" + eventId + ":").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(normalize(code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
