package io.timport.processor.reading;

import static io.timport.processor.model.CustomFieldModel.TAG_PREFIX;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The keyword rule of custom friend field tags, checked at compile time: {@code Tag_SNS_Custom_} followed by
 * 1 to 8 English letters. (The runtime has the same rule in {@code io.timport.wire.FriendImportRules}; the processor
 * does not depend on the runtime.)
 */
final class Keywords {

    static final int MAX_LETTERS = 8;

    private Keywords() {
    }

    /** The keyword in {@code @CustomField}'s value: the value itself, or what follows a full tag's prefix. */
    static String keywordOf(String value) {
        return value.startsWith(TAG_PREFIX) ? value.substring(TAG_PREFIX.length()) : value;
    }

    /** Whether {@code keyword} is 1 to 8 English letters. */
    static boolean isValid(String keyword) {
        if (keyword.isEmpty() || keyword.length() > MAX_LETTERS) {
            return false;
        }
        for (int i = 0; i < keyword.length(); i++) {
            if (!isLetter(keyword.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A valid keyword close to what was written: whole words of it (split at non-letters and at camel-case humps)
     * as long as they fit in 8 letters, else the first 8 letters of its first word; when nothing usable is left,
     * the same made from the method's name. {@code "GuildNameX"} gives {@code "Guild"}, {@code "vip_level"}
     * gives {@code "vipLevel"}.
     */
    static String suggest(String given, String methodName) {
        String stripped = given.toLowerCase(Locale.ROOT).startsWith(TAG_PREFIX.toLowerCase(Locale.ROOT))
                ? given.substring(TAG_PREFIX.length())
                : given;
        String suggestion = fromWords(stripped);
        if (suggestion.isEmpty()) {
            suggestion = fromWords(methodName);
        }
        if (suggestion.isEmpty()) {
            suggestion = "Field";
        }
        return suggestion;
    }

    private static String fromWords(String text) {
        List<String> words = words(text);
        if (words.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (out.length() + word.length() > MAX_LETTERS) {
                break;
            }
            if (i > 0 && Character.isLowerCase(word.charAt(0))) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            out.append(word);
        }
        if (out.length() == 0) {
            out.append(words.get(0), 0, MAX_LETTERS);
        }
        return out.toString();
    }

    /** Runs of English letters, also split where a lower-case letter is followed by an upper-case one. */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isLetter(c)) {
                flush(word, words);
                continue;
            }
            boolean hump = word.length() > 0 && Character.isUpperCase(c)
                    && (Character.isLowerCase(text.charAt(i - 1))
                        || i + 1 < text.length() && Character.isLowerCase(text.charAt(i + 1))
                           && Character.isUpperCase(text.charAt(i - 1)));
            if (hump) {
                flush(word, words);
            }
            word.append(c);
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
