package io.timport.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * How a plain JSON value (as {@link io.timport.wire.JsonValues} reads it) becomes the Java value of a field, for
 * both readers: {@link WireItemReader} and {@link FriendGetReader}. Each method returns null for an absent value
 * ({@code null}) and for a value it cannot use, which it reports to {@link Problems} first.
 */
final class Coercion {

    /** Where a coercion reports a value it cannot use. */
    @FunctionalInterface
    interface Problems {
        /**
         * @param field  the field as messages name it
         * @param rule   the rule, phrased to follow the field
         * @param actual what the value was, phrased to follow "was"
         * @param value  the value itself, as read
         */
        void add(String field, String rule, String actual, Object value);
    }

    private Coercion() {
    }

    static String string(Problems problems, String field, Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        problems.add(field, "must be a string", Describe.jsonValue(value), value);
        return null;
    }

    static Long integer(Problems problems, String field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigInteger big) {
            if (big.bitLength() < 64) {
                return big.longValue();
            }
            problems.add(field, "must be an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE, big.toString(),
                    value);
            return null;
        }
        if (Describe.isIntegral(value)) {
            return ((Number) value).longValue();
        }
        problems.add(field, "must be an integer", Describe.jsonValue(value), value);
        return null;
    }

    static Integer intValue(Problems problems, String field, Object value) {
        Long wide = integer(problems, field, value);
        if (wide == null) {
            return null;
        }
        if (wide < Integer.MIN_VALUE || wide > Integer.MAX_VALUE) {
            problems.add(field, "must be an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE,
                    wide.toString(), value);
            return null;
        }
        return wide.intValue();
    }

    static <E extends Enum<E>> E constant(Problems problems, String field, Object value, Class<E> type) {
        String name = string(problems, field, value);
        if (name == null) {
            return null;
        }
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (constant.name().equals(name)) {
                return constant;
            }
        }
        StringBuilder names = new StringBuilder();
        for (E constant : constants) {
            names.append(names.length() == 0 ? "" : ", ").append(constant.name());
        }
        problems.add(field, "must be one of " + names + " (" + type.getSimpleName() + ")", Describe.quoted(name), value);
        return null;
    }

    /** An array of strings; the elements that are not strings are reported as {@code field[i]} and left out. */
    static List<String> strings(Problems problems, String field, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            problems.add(field, "must be an array of strings", Describe.jsonValue(value), value);
            return List.of();
        }
        List<String> strings = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            if (element instanceof String s) {
                strings.add(s);
            } else {
                problems.add(field + "[" + i + "]", "must be a string", Describe.jsonValue(element), element);
            }
        }
        return List.copyOf(strings);
    }
}
