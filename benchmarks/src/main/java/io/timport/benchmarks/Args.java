package io.timport.benchmarks;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name value} options with defaults; anything else prints the usage and exits with status 2. */
final class Args {

    private final Map<String, String> values = new LinkedHashMap<>();

    private Args() {
    }

    /**
     * Parses {@code args} against {@code defaults} (option name without dashes to default value).
     * {@code --name=value} works too.
     */
    static Args parse(String[] args, String usage, Map<String, String> defaults) {
        Args a = new Args();
        a.values.putAll(defaults);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.println(usage);
                System.exit(0);
            }
            String name;
            String value;
            if (arg.startsWith("--") && arg.contains("=")) {
                name = arg.substring(2, arg.indexOf('='));
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                name = arg.substring(2);
                value = args[++i];
            } else {
                name = null;
                value = null;
            }
            if (name == null || !defaults.containsKey(name)) {
                System.err.println("unknown or incomplete option " + arg + "\n" + usage);
                System.exit(2);
            }
            a.values.put(name, value);
        }
        return a;
    }

    String string(String name) {
        return values.get(name);
    }

    int integer(String name) {
        return (int) number(name);
    }

    long number(String name) {
        try {
            return Long.parseLong(values.get(name).replace("_", ""));
        } catch (NumberFormatException e) {
            System.err.println("--" + name + " must be an integer, was " + values.get(name));
            System.exit(2);
            return 0;
        }
    }

    int[] integers(String name) {
        try {
            return Arrays.stream(values.get(name).split(",")).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        } catch (NumberFormatException e) {
            System.err.println("--" + name + " must be comma-separated integers, was " + values.get(name));
            System.exit(2);
            return new int[0];
        }
    }
}
