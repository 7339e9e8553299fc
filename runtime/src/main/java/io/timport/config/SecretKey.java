package io.timport.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The app's secret key from the Chat console, used only to sign UserSigs.
 *
 * <p>It never leaves this object: there is no getter, {@link #toString()} prints {@code SecretKey[<redacted>]}, and
 * the only operation is {@link #hmacSha256(byte[])}. Error messages name where a key was looked for (an environment
 * variable, a file), never its content. Surrounding whitespace (such as a file's final newline) is removed.
 */
public final class SecretKey {

    private final byte[] utf8;

    private SecretKey(byte[] utf8) {
        this.utf8 = utf8;
    }

    /**
     * A key given as a value.
     *
     * @param key the secret key as shown in the Chat console; surrounding whitespace is removed (not null)
     * @return the key
     * @throws IllegalArgumentException when it is empty or blank
     */
    public static SecretKey of(String key) {
        Objects.requireNonNull(key, "secret key");
        return fromText(key, "the secret key value");
    }

    /**
     * A key read from an environment variable, e.g. {@code SecretKey.fromEnv("TIMPORT_SECRET_KEY")}.
     *
     * @param variable the name of the environment variable holding the key (not null)
     * @return the key read from the variable, surrounding whitespace removed
     * @throws IllegalArgumentException naming the variable when it is unset or blank
     */
    public static SecretKey fromEnv(String variable) {
        return fromEnv(variable, System::getenv);
    }

    /** As {@link #fromEnv(String)}, with the environment given (for tests). */
    static SecretKey fromEnv(String variable, UnaryOperator<String> environment) {
        Objects.requireNonNull(variable, "variable");
        String value = environment.apply(variable);
        if (value == null) {
            throw new IllegalArgumentException("environment variable " + variable + " is not set: it must hold the app's secret key");
        }
        return fromText(value, "environment variable " + variable);
    }

    /**
     * A key read from a UTF-8 text file holding only the key (a final newline is fine, and so is a byte-order mark
     * at the start).
     *
     * @param file the key file (not null)
     * @return the key read from the file, surrounding whitespace and any byte-order mark removed
     * @throws IOException naming the file when it cannot be read
     * @throws IllegalArgumentException naming the file when it is empty or not UTF-8
     */
    public static SecretKey fromFile(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("secret key file " + file + " is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        return fromText(text, "secret key file " + file);
    }

    private static SecretKey fromText(String text, String source) {
        // A byte-order mark (which some editors write at the start of a UTF-8 file) is no part of a key: kept, it
        // would make every UserSig fail the server's check (70009) with no hint why.
        String key = (text.startsWith("\uFEFF") ? text.substring(1) : text).strip();
        if (key.isEmpty()) {
            throw new IllegalArgumentException(source + " is empty: it must hold the app's secret key from the Chat console");
        }
        return new SecretKey(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * HMAC-SHA256 of {@code data} keyed by this key's UTF-8 bytes, as UserSig v2 uses it.
     *
     * @param data the bytes to sign (not null)
     * @return the 32-byte MAC
     */
    public byte[] hmacSha256(byte[] data) {
        Objects.requireNonNull(data, "data");
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(utf8, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every Java platform must provide HmacSHA256 (Mac's Javadoc); a key of any length is valid.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Prints {@code SecretKey[<redacted>]}, never the key. */
    @Override
    public String toString() {
        return "SecretKey[<redacted>]";
    }
}
