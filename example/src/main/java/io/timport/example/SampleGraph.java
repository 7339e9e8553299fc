package io.timport.example;

import io.timport.call.AccountItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A realistic, deterministic friend graph of a game, as {@link FriendRow}s: what the example imports when it is given
 * no {@code --input}.
 *
 * <ul>
 *   <li>Players {@code player0001}, {@code player0002}, … Some are far more sociable than others (log-normal
 *       weights), so friend counts range from a handful to several hundred; nobody exceeds Chat's 3,000 friends.</li>
 *   <li>Friendships are mutual, and an import is one-way, so each friendship is two relations (A's list gets B, B's
 *       list gets A), which agree on when they became friends, where, and in which guild; an odd relation count adds
 *       one one-way relation. No pair appears twice.</li>
 *   <li>Rows come grouped by player, each player's friends in the order they were made, like an export
 *       {@code ORDER BY user_id}; so each player's friends go in as few calls as possible.</li>
 *   <li>A few rows are broken the way real exports are, one kind after the other ({@link Broken}): most are caught
 *       by the generated builder, a player befriending themself by the importer, before anything is sent; a friend
 *       whose account was deleted is only caught by the server.</li>
 *   <li>The same seed and sizes always give the same rows, whatever the machine.</li>
 * </ul>
 */
public final class SampleGraph {

    /** Default number of players. */
    public static final int DEFAULT_USERS = 500;
    /** Default number of relations. */
    public static final int DEFAULT_RELATIONS = 25_000;
    /** Default number of broken rows: one of each {@link Broken} kind. */
    public static final int DEFAULT_INVALID = 8;
    /** Default seed. */
    public static final long DEFAULT_SEED = 42;

    /** Chat's limit of friends per user. */
    static final int MAX_FRIENDS = 3_000;

    /** How a broken row is broken, in the order the kinds are used. */
    public enum Broken {
        /** A nickname of 108 UTF-8 bytes: {@code Remark} allows 96. Caught by the builder. */
        REMARK_TOO_LONG,
        /** {@code AddSource_Type_Web3}: the suffix must be English letters only. Caught by the builder. */
        BAD_ADD_SOURCE,
        /** A friend whose account was deleted since: the server answers 30003 (when it knows its accounts). */
        DELETED_FRIEND,
        /** The friend's ID is missing from the export. Caught by the builder. */
        MISSING_FRIEND,
        /** A friend group name of 34 bytes: 30 are allowed. Caught by the builder. */
        GROUP_NAME_TOO_LONG,
        /**
         * A player listed as their own friend: a valid item, but the importer reports the record as invalid input
         * before sending (the server would reject it; the simulator answers 30001).
         */
        SELF_FRIEND,
        /** {@code AddTime} -1 from a broken clock: Unix seconds must be 0 to 4294967295. Caught by the builder. */
        BAD_ADD_TIME,
        /** A guild name of 510 UTF-8 bytes (a motto pasted in): custom strings allow 500. Caught by the builder. */
        GUILD_TOO_LONG;

        /**
         * True when the generated builder rejects such a row: its record is invalid.
         *
         * @return true for the kinds the generated builder catches
         */
        public boolean caughtByBuilder() {
            return this != DELETED_FRIEND && this != SELF_FRIEND;
        }

        /**
         * True when such a row is never sent: the builder or the importer's record rules reject it.
         *
         * @return true for the kinds caught before sending
         */
        public boolean caughtBeforeSending() {
            return this != DELETED_FRIEND;
        }
    }

    private static final String[] PLATFORMS = {"Game", "Game", "Game", "Game", "Game", "Android", "iOS"};
    private static final String[] GUILDS = {
        "Knights of Dawn", "Iron Wolves", "Silver Hand", "Night Owls", "Phoenix Rising", "Dragon Slayers",
        "Crimson Tide", "Shadow Court", "The Lost Boys", "Frost Giants", "Emerald Order", "Storm Riders",
        "龙之谷", "星辰公会", "Les Mousquetaires", "Die Wölfe", "Los Conquistadores", "Sakura 桜", "Blue Lotus",
        "Old Guard"};
    private static final String[] GROUPS = {"Friends", "Raid", "PvP", "Trading", "Guild", "School"};
    private static final String[] GREETINGS = {
        "GG! Add me?", "Good game, let's team up", "Thanks for the carry!", "来一起打副本吧", "Need a healer?",
        "Nice build 👍", "Same guild, add me"};
    private static final String[] NAME_PARTS = {
        "Ash", "Bo", "Cyr", "Dax", "El", "Fen", "Gil", "Hal", "Ivo", "Jin", "Kai", "Lux", "Mo", "Nyx", "Oro", "Pip",
        "Quin", "Rex", "Sol", "Tam", "Ula", "Vex", "Wyn", "Zed"};
    private static final String[] NAME_SUFFIXES = {"", "", "", " the Brave", " 🐉", " (alt)", "酱", " from school"};
    private static final long FIRST_DAY = 1_672_531_200L; // 2023-01-01T00:00:00Z
    private static final long SPAN = 3L * 365 * 86_400;

    private final int users;
    private final int relations;
    private final int invalid;
    private final long seed;
    private final int idWidth;
    /** Relations by player: from[i] → to[i], grouped by from, each player's in the order the friendships were made. */
    private final int[] from;
    private final int[] to;
    /** Broken kind by relation index; null for an intact relation. */
    private final Broken[] broken;

    private SampleGraph(int users, int relations, int invalid, long seed) {
        this.users = users;
        this.relations = relations;
        this.invalid = invalid;
        this.seed = seed;
        this.idWidth = Math.max(4, String.valueOf(users + invalid).length());
        this.from = new int[relations];
        this.to = new int[relations];
        this.broken = new Broken[relations];
        generate();
    }

    /**
     * The sample with these sizes.
     *
     * @param users the number of players, at least 2
     * @param relations the number of rows, broken ones included, at least 1
     * @param invalid the number of broken rows, 0 or more
     * @param seed the seed of every random choice: the same sizes and seed give the same sample
     * @return the sample; its rows are generated when read
     * @throws IllegalArgumentException naming the size that does not fit: fewer than 2 users, fewer than 1
     *     relation, more relations than half of all pairs of players (or than 3,000 friends each), or more broken rows
     *     than relations or players
     */
    public static SampleGraph of(int users, int relations, int invalid, long seed) {
        if (users < 2) {
            throw new IllegalArgumentException("--users must be at least 2, was " + users);
        }
        if (relations < 1) {
            throw new IllegalArgumentException("--relations must be at least 1, was " + relations);
        }
        long max = maxRelations(users);
        if (relations > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--relations %,d is too many for %,d users: at most %,d (half of all pairs, and at most %,d "
                            + "friends each); raise --users", relations, users, max, MAX_FRIENDS / 2));
        }
        if (invalid < 0 || invalid > relations || invalid > users) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--invalid must be from 0 to %,d (at most one broken row a player), was %,d",
                    Math.min(relations, users), invalid));
        }
        return new SampleGraph(users, relations, invalid, seed);
    }

    /** The most relations a sample of {@code users} players can have. */
    static long maxRelations(int users) {
        long halfOfAllPairs = (long) users * (users - 1) / 2;
        return Math.min(halfOfAllPairs, (long) users * (MAX_FRIENDS / 2));
    }

    /**
     * Players.
     *
     * @return the number of players
     */
    public int users() {
        return users;
    }

    /**
     * Relations, broken ones included.
     *
     * @return the number of rows, broken ones included
     */
    public int relations() {
        return relations;
    }

    /**
     * Broken rows.
     *
     * @return the number of broken rows
     */
    public int invalid() {
        return invalid;
    }

    /**
     * The seed.
     *
     * @return the seed the sample was drawn with
     */
    public long seed() {
        return seed;
    }

    /**
     * Broken rows the builder or the importer rejects, never sent.
     *
     * @return the number of broken rows never sent, at most {@link #invalid()}
     */
    public int invalidBeforeSending() {
        int n = 0;
        for (Broken b : broken) {
            if (b != null && b.caughtBeforeSending()) {
                n++;
            }
        }
        return n;
    }

    /**
     * The players' UserIDs: the accounts that exist in the app.
     *
     * @return a new list of UserIDs, in player order
     */
    public List<String> accounts() {
        List<String> ids = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            ids.add(userId(u));
        }
        return ids;
    }

    /**
     * The players as accounts to create, each with a nickname ({@code Nick}): the sample's accounts list. The deleted
     * friend of {@link Broken#DELETED_FRIEND} is not on it.
     *
     * @return a new list of accounts, in player order
     */
    public List<AccountItem> accountItems() {
        List<AccountItem> items = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            SplittableRandom side = new SplittableRandom(seed * 31 + u);
            String nick = NAME_PARTS[side.nextInt(NAME_PARTS.length)] + NAME_PARTS[side.nextInt(NAME_PARTS.length)]
                    .toLowerCase(Locale.ROOT) + NAME_SUFFIXES[side.nextInt(NAME_SUFFIXES.length)];
            items.add(new AccountItem(userId(u), nick, null));
        }
        return items;
    }

    /**
     * The players whose accounts exist in the app before the import: all but every {@value #NEW_PLAYER_EVERY}th, the
     * players who joined after the app was set up (the embedded simulator knows these; the accounts phase creates the
     * others).
     *
     * @return a new list of UserIDs, in player order
     */
    public List<String> accountsBeforeImport() {
        List<String> ids = new ArrayList<>(users);
        for (int u = 0; u < users; u++) {
            if (u % NEW_PLAYER_EVERY != NEW_PLAYER_EVERY - 1) {
                ids.add(userId(u));
            }
        }
        return ids;
    }

    /** One player in this many has no account yet: {@link #accountsBeforeImport()}. */
    static final int NEW_PLAYER_EVERY = 20;

    /**
     * The rows, grouped by player; built lazily, so that a large sample costs little memory.
     *
     * @return the rows, a new stream on each call
     */
    public Stream<FriendRow> rows() {
        return IntStream.range(0, relations).mapToObj(this::row);
    }

    /** How row {@code i} (0-based) is broken, or null. */
    Broken broken(int i) {
        return broken[i];
    }

    String userId(int u) {
        return playerId(u + 1);
    }

    /** {@code player} and the number, zero-padded to the sample's width: {@code player0042}. */
    private String playerId(int number) {
        // not String.format: the rows name two players each, and each reading of the sample makes them all again
        String digits = Integer.toString(number);
        return "player" + "0".repeat(Math.max(0, idWidth - digits.length())) + digits;
    }

    // ------------------------------------------------------------------ the graph

    private void generate() {
        SplittableRandom random = new SplittableRandom(seed);
        double[] cumulative = new double[users];
        double sum = 0;
        for (int u = 0; u < users; u++) {
            sum += Math.exp(0.9 * gaussian(random)); // sociability: log-normal, a few players have many friends
            cumulative[u] = sum;
        }
        int cap = Math.min(users - 1, MAX_FRIENDS);
        int[] degree = new int[users];
        Set<Long> pairs = new HashSet<>(relations);
        int[] edgeA = new int[relations];
        int[] edgeB = new int[relations];
        int n = 0;
        while (n < relations) {
            int a = -1;
            int b = -1;
            for (int attempt = 0; attempt < 64 && a < 0; attempt++) {
                int x = pick(cumulative, random);
                int y = pick(cumulative, random);
                if (x != y && degree[x] < cap && degree[y] < cap && !pairs.contains(key(x, y))) {
                    a = x;
                    b = y;
                }
            }
            if (a < 0) { // the sociable players are full: take any free pair
                int x = random.nextInt(users);
                for (int i = 0; i < users && a < 0; i++, x = (x + 1) % users) {
                    if (degree[x] >= cap) {
                        continue;
                    }
                    int y = random.nextInt(users);
                    for (int j = 0; j < users; j++, y = (y + 1) % users) {
                        if (y != x && degree[y] < cap && !pairs.contains(key(x, y))) {
                            a = x;
                            b = y;
                            break;
                        }
                    }
                }
            }
            pairs.add(key(a, b));
            edgeA[n] = a;
            edgeB[n] = b;
            degree[a]++;
            n++;
            if (n < relations) { // the other direction of the friendship
                edgeA[n] = b;
                edgeB[n] = a;
                degree[b]++;
                n++;
            }
        }
        // Group by player, keeping each player's friends in the order they were made (a stable counting sort).
        int[] start = new int[users + 1];
        for (int i = 0; i < relations; i++) {
            start[edgeA[i] + 1]++;
        }
        for (int u = 0; u < users; u++) {
            start[u + 1] += start[u];
        }
        int[] next = Arrays.copyOf(start, users);
        for (int i = 0; i < relations; i++) {
            int at = next[edgeA[i]]++;
            from[at] = edgeA[i];
            to[at] = edgeB[i];
        }
        chooseBroken(random);
    }

    /** Breaks {@code invalid} rows, of distinct players, one kind after the other. */
    private void chooseBroken(SplittableRandom random) {
        Broken[] kinds = Broken.values();
        Set<Integer> players = new HashSet<>();
        int made = 0;
        while (made < invalid) {
            int i = random.nextInt(relations);
            if (broken[i] == null && players.add(from[i])) {
                broken[i] = kinds[made % kinds.length];
                made++;
            }
        }
    }

    private static long key(int x, int y) {
        return x < y ? ((long) x << 32) | y : ((long) y << 32) | x;
    }

    private static int pick(double[] cumulative, SplittableRandom random) {
        double target = random.nextDouble() * cumulative[cumulative.length - 1];
        int i = Arrays.binarySearch(cumulative, target);
        return Math.min(i >= 0 ? i : -i - 1, cumulative.length - 1);
    }

    private static double gaussian(SplittableRandom random) { // Box-Muller; SplittableRandom has none on JDK 17
        double u = 1.0 - random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    // ------------------------------------------------------------------ the rows

    private FriendRow row(int i) {
        int a = from[i];
        int b = to[i];
        // What both sides of a friendship agree on comes from the pair; the rest from the direction.
        SplittableRandom pair = new SplittableRandom(seed ^ (key(a, b) * 0x9E3779B97F4A7C15L));
        SplittableRandom side = new SplittableRandom(seed ^ ((((long) a << 32) | b) * 0xC2B2AE3D27D4EB4FL) ^ 1);
        SplittableRandom player = new SplittableRandom(seed ^ (b * 0x165667B19E3779F9L) ^ 2);

        String platform = PLATFORMS[pair.nextInt(PLATFORMS.length)];
        long since = FIRST_DAY + pair.nextLong(SPAN);
        String guild = pair.nextInt(10) < 4 ? GUILDS[pair.nextInt(GUILDS.length)] : null;

        int levelDraw = player.nextInt(100);
        Long level = levelDraw < 8 ? null : (long) (1 + (int) (99 * Math.pow(player.nextDouble(), 1.8)));

        String nickname = null;
        Long nicknameSetAt = null;
        if (side.nextInt(100) < 15) {
            nickname = NAME_PARTS[side.nextInt(NAME_PARTS.length)] + NAME_PARTS[side.nextInt(NAME_PARTS.length)]
                    .toLowerCase(Locale.ROOT) + NAME_SUFFIXES[side.nextInt(NAME_SUFFIXES.length)];
            nicknameSetAt = since + side.nextLong(30L * 86_400);
        }
        List<String> groups = new ArrayList<>(2);
        if (side.nextInt(100) < 45) {
            groups.add(GROUPS[side.nextInt(GROUPS.length)]);
            if (side.nextInt(100) < 20) {
                String second = GROUPS[side.nextInt(GROUPS.length)];
                if (!groups.contains(second)) {
                    groups.add(second);
                }
            }
        }
        String greeting = side.nextInt(100) < 20 ? GREETINGS[side.nextInt(GREETINGS.length)] : null;
        String friendId = userId(b);

        Broken how = broken[i];
        if (how != null) {
            switch (how) {
                case REMARK_TOO_LONG:
                    nickname = "无敌的龙骑士".repeat(6); // 6 × 18 = 108 bytes
                    nicknameSetAt = since;
                    break;
                case BAD_ADD_SOURCE:
                    platform = "Web3";
                    break;
                case DELETED_FRIEND:
                    friendId = playerId(users + 1 + a % invalid);
                    break;
                case MISSING_FRIEND:
                    friendId = null;
                    break;
                case GROUP_NAME_TOO_LONG:
                    groups = List.of("Raid team Thursday night 20:00 CET");
                    break;
                case SELF_FRIEND:
                    friendId = userId(a);
                    break;
                case BAD_ADD_TIME:
                    since = -1;
                    break;
                case GUILD_TOO_LONG:
                    guild = "Knights of Dawn: we raid every night, no excuses. ".repeat(10) + "Join now!!";
                    break;
                default:
                    throw new AssertionError(how);
            }
        }
        return new FriendRow(userId(a), friendId, platform, nickname, nicknameSetAt, groups, greeting, since, level,
                guild);
    }
}
