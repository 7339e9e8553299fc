package io.timport.bulk;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether and how an import is proven after it ends: every From_Account of the input (or a sample of them) has its
 * friends read back with {@code friend_get}, and each relation is compared, field by field, with the last valid
 * record of its pair in the input: <b>equal</b>, <b>different</b> (which field, expected and found) or
 * <b>missing</b>. Friends the input does not name are not errors: they were there before.
 *
 * <p>With {@linkplain #repairs() repairs} (the default), the relations found missing or different are imported again
 * through the same engine and read back once more; the {@link VerificationReport} says how many were repaired and
 * lists those still different.
 *
 * <pre>{@code
 * importer = GameFriendImporter.builder(client).verify(Verification.full()).build();
 * importer = GameFriendImporter.builder(client).verify(Verification.sample(500)).build();   // 500 random users
 * importer = GameFriendImporter.builder(client).verify(Verification.full().withoutRepairs()).build();  // report only
 * }</pre>
 *
 * <p>Immutable.
 */
public final class Verification {

    /** What is read back. */
    public enum Mode {
        /** Every From_Account of the input. */
        FULL,
        /** {@link #sampleUsers()} From_Accounts of the input, drawn at random. */
        SAMPLE,
        /** Nothing: no proof. */
        OFF
    }

    /** The seed of {@link #sample(int)} unless {@link #withSeed} gives another. */
    public static final long DEFAULT_SEED = 0x7e51f1ed;

    private static final Verification OFF = new Verification(Mode.OFF, 0, DEFAULT_SEED, true, null);

    private final Mode mode;
    private final int sampleUsers;
    private final long seed;
    private final boolean repairs;
    private final Path tempDirectory;

    private Verification(Mode mode, int sampleUsers, long seed, boolean repairs, Path tempDirectory) {
        this.mode = mode;
        this.sampleUsers = sampleUsers;
        this.seed = seed;
        this.repairs = repairs;
        this.tempDirectory = tempDirectory;
    }

    /**
     * Every From_Account of the input is read back, with repairs.
     *
     * @return a full verification with repairs
     */
    public static Verification full() {
        return new Verification(Mode.FULL, 0, DEFAULT_SEED, true, null);
    }

    /**
     * {@code users} From_Accounts of the input, drawn at random (every one when the input has no more), are read back,
     * with repairs: a quick proof of a huge import. The draw is seeded ({@link #DEFAULT_SEED}, or
     * {@link #withSeed}), so that a resumed run draws the same users.
     *
     * @param users the number of From_Accounts to read back (positive)
     * @return a sample verification with repairs and the default seed
     * @throws IllegalArgumentException when {@code users} is not positive
     */
    public static Verification sample(int users) {
        if (users < 1) {
            throw new IllegalArgumentException("a sample needs at least 1 user, was " + users);
        }
        return new Verification(Mode.SAMPLE, users, DEFAULT_SEED, true, null);
    }

    /**
     * No verification.
     *
     * @return the verification that does nothing
     */
    public static Verification off() {
        return OFF;
    }

    /**
     * Reads a mode as a command line writes it: {@code full}, {@code sample N} (or {@code sample:N},
     * {@code sample=N}) or {@code off}; case does not matter.
     *
     * @param text the mode in words (not null)
     * @return the verification the text names, with repairs
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Verification parse(String text) {
        String t = Objects.requireNonNull(text, "text").trim().toLowerCase(Locale.ROOT);
        if (t.equals("full")) {
            return full();
        }
        if (t.equals("off")) {
            return off();
        }
        if (t.startsWith("sample")) {
            String n = t.substring("sample".length()).trim();
            if (n.startsWith(":") || n.startsWith("=")) {
                n = n.substring(1).trim();
            }
            try {
                return sample(Integer.parseInt(n.replace(",", "").replace("_", "")));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("sample needs a number of users, as in \"sample 100\", was \""
                        + text.trim() + "\"");
            }
        }
        throw new IllegalArgumentException("must be full, sample N or off, was \"" + text.trim() + "\"");
    }

    /**
     * The same, with the relations found missing or different only reported, never imported again.
     *
     * @return a copy without repairs
     */
    public Verification withoutRepairs() {
        return new Verification(mode, sampleUsers, seed, false, tempDirectory);
    }

    /**
     * The same, with repairs on or off.
     *
     * @param repair true to import missing and different relations again
     * @return a copy with repairs on or off
     */
    public Verification withRepairs(boolean repair) {
        return new Verification(mode, sampleUsers, seed, repair, tempDirectory);
    }

    /**
     * The same, with another seed for the draw of a {@linkplain #sample sample}.
     *
     * @param seed the seed of the draw
     * @return a copy with that seed
     */
    public Verification withSeed(long seed) {
        return new Verification(mode, sampleUsers, seed, repairs, tempDirectory);
    }

    /**
     * The same, sorting large unsorted inputs in {@code directory} (default: the system's temporary directory). An
     * input of more relations than the importer's {@link ImporterBuilder#maxBufferedItems} is sorted by From_Account
     * there, in files about as large as the input, deleted at the end.
     *
     * @param directory the directory, or null for the system's temporary directory
     * @return a copy sorting in that directory
     */
    public Verification withTempDirectory(Path directory) {
        return new Verification(mode, sampleUsers, seed, repairs, directory);
    }

    /**
     * How it verifies: full, a sample, or not at all.
     *
     * @return the mode, never null
     */
    public Mode mode() {
        return mode;
    }

    /**
     * True unless {@link Mode#OFF}.
     *
     * @return true when something is verified
     */
    public boolean isOn() {
        return mode != Mode.OFF;
    }

    /**
     * The users of a {@linkplain Mode#SAMPLE sample}; 0 otherwise.
     *
     * @return the number of users, or 0
     */
    public int sampleUsers() {
        return sampleUsers;
    }

    /**
     * The seed of a sample's draw.
     *
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Whether relations found missing or different are imported again, then read back again.
     *
     * @return true when repairs are on
     */
    public boolean repairs() {
        return repairs;
    }

    /**
     * Where large inputs are sorted, or null for the system's temporary directory.
     *
     * @return the directory, or null
     */
    public Path tempDirectory() {
        return tempDirectory;
    }

    /** {@code full}, {@code sample 100} or {@code off}, with {@code , report only} when there are no repairs. */
    @Override
    public String toString() {
        String m = switch (mode) {
            case FULL -> "full";
            case SAMPLE -> "sample " + sampleUsers;
            case OFF -> "off";
        };
        return mode == Mode.OFF || repairs ? m : m + ", report only";
    }
}
