package io.timport.spring.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Hides the app's secret key in the actuator's {@code env} and {@code configprops} endpoints, also when they are
 * set to show values ({@code management.endpoint.env.show-values=always}): the value of {@code timport.secret-key}
 * under any spelling ({@code TIMPORT_SECRET_KEY}, {@code timport.secretKey}, ...), and any value anywhere that
 * contains the key (a copy in another property, an environment variable the property refers to, a JSON blob such
 * as {@code SPRING_APPLICATION_JSON}).
 */
final class TimportSecretSanitizer implements SanitizingFunction {

    /** {@code timport.secret-key} without case, dots, dashes and underscores. */
    private static final String KEY_NAME = "timportsecretkey";

    private final String key;

    /**
     * @param properties where the key is: {@code timport.secret-key}, or the file {@code timport.secret-key-file}
     *     names (read here; a file that cannot be read hides nothing by value, the client's startup reports it)
     */
    TimportSecretSanitizer(TimportProperties properties) {
        this.key = keyOf(properties);
    }

    private static String keyOf(TimportProperties properties) {
        String value = properties.getSecretKey();
        if (value == null && properties.getSecretKeyFile() != null) {
            Path file = properties.getSecretKeyFile();
            try {
                value = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                value = null;
            }
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip();
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        if (data.getValue() == null) {
            return data;
        }
        if (isKeyName(data.getKey()) || (key != null && String.valueOf(data.getValue()).contains(key))) {
            return data.withSanitizedValue();
        }
        return data;
    }

    static boolean isKeyName(String name) {
        if (name == null) {
            return false;
        }
        StringBuilder letters = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                letters.append(c);
            }
        }
        return letters.toString().equals(KEY_NAME);
    }

    @Override
    public String toString() {
        return "TimportSecretSanitizer[key=<redacted>]";
    }
}
