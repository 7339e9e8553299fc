package io.timport.bulk;

import io.timport.wire.AddFriendItem;
import io.timport.wire.InvalidItemException;
import io.timport.wire.Violation;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One input relation for a bulk import: the {@code From_Account} whose friend list receives {@code item}, or an
 * input record that could not be turned into an item (it is reported with its position and never sent).
 *
 * <p>The engine numbers records in input order from 1; that number is the record's <em>position</em>, which the
 * report and the resume journal use. A source may also give an {@linkplain #origin() origin} such as
 * {@code "friends.jsonl:17"} that the report shows beside the position.
 *
 * @param <T> the generated item type
 */
public final class ImportRecord<T extends AddFriendItem> {

    private final String fromAccount;
    private final String toAccount;
    private final T item;
    private final String problem;
    private final String origin;
    private final String rawInput;

    private ImportRecord(String fromAccount, String toAccount, T item, String problem, String origin, String rawInput) {
        this.fromAccount = fromAccount;
        this.toAccount = item != null ? item.toAccount() : toAccount;
        this.item = item;
        this.problem = problem;
        this.origin = origin;
        this.rawInput = rawInput;
    }

    /**
     * A relation: {@code item.toAccount()} becomes a friend in {@code fromAccount}'s list.
     *
     * @param <T> the item type
     * @param fromAccount the UserID whose friend list receives the item
     * @param item the item (not null)
     * @return a valid record without origin
     */
    public static <T extends AddFriendItem> ImportRecord<T> of(String fromAccount, T item) {
        return of(fromAccount, item, null);
    }

    /**
     * A relation with an origin (for example {@code "friends.jsonl:17"}) shown in reports.
     *
     * @param <T> the item type
     * @param fromAccount the UserID whose friend list receives the item
     * @param item the item (not null)
     * @param origin where the record came from, or null
     * @return a valid record
     */
    public static <T extends AddFriendItem> ImportRecord<T> of(String fromAccount, T item, String origin) {
        return new ImportRecord<>(
                Objects.requireNonNull(fromAccount, "fromAccount"), null, Objects.requireNonNull(item, "item"), null,
                origin, null);
    }

    /**
     * An input record that could not be made into an item. It is counted and reported as invalid with its
     * position, {@code problem} and origin, and never sent.
     *
     * @param fromAccount the From_Account if it could be read, else null
     * @param problem what is wrong, naming the field or the input line's defect
     * @param origin where it came from (for example {@code "friends.jsonl:17"}), or null
     * @param rawInput the record's original text, written to the failures file so it can be fixed, or null
     * @param <T> the item type of the input
     * @return an invalid record
     */
    public static <T extends AddFriendItem> ImportRecord<T> invalid(
            String fromAccount, String problem, String origin, String rawInput) {
        return invalid(fromAccount, null, problem, origin, rawInput);
    }

    /**
     * An invalid record whose To_Account is known, so that the report names the pair; see
     * {@link #invalid(String, String, String, String)}.
     *
     * @param <T> the item type of the input
     * @param fromAccount the From_Account if it could be read, else null
     * @param toAccount the To_Account if it could be read, else null
     * @param problem what is wrong, naming the field or the input line's defect
     * @param origin where it came from (for example {@code "friends.jsonl:17"}), or null
     * @param rawInput the record's original text, or null
     * @return an invalid record
     */
    public static <T extends AddFriendItem> ImportRecord<T> invalid(
            String fromAccount, String toAccount, String problem, String origin, String rawInput) {
        return new ImportRecord<>(fromAccount, toAccount, null, Objects.requireNonNull(problem, "problem"), origin,
                rawInput);
    }

    /**
     * Builds the item now and returns a relation, or, when building throws {@link IllegalArgumentException} or
     * {@link NullPointerException} (a generated builder's validation errors), an {@linkplain #invalid invalid}
     * record carrying the message. Lets a {@code Stream.map} over the user's rows go on past bad rows.
     *
     * @param <T> the item type
     * @param fromAccount the UserID whose friend list receives the item
     * @param build builds the item, typically {@code () -> XItem.builder(...)....build()}
     * @return a valid record, or an invalid one carrying the builder's message
     */
    public static <T extends AddFriendItem> ImportRecord<T> building(String fromAccount, Supplier<? extends T> build) {
        T item;
        try {
            item = build.get();
        } catch (InvalidItemException e) {
            return invalid(fromAccount, e.toAccount(), e.getMessage(), null, null);
        } catch (IllegalArgumentException | NullPointerException e) {
            return invalid(fromAccount, String.valueOf(e.getMessage()), null, null);
        }
        if (fromAccount == null) {
            return invalid(null, new Violation("From_Account", "is required", "missing").message(), null, null);
        }
        return of(fromAccount, item);
    }

    /**
     * The From_Account, or null for an invalid record whose account could not be read.
     *
     * @return the From_Account, or null
     */
    public String fromAccount() {
        return fromAccount;
    }

    /**
     * The To_Account: the item's, or for an invalid record the one that could be read (null when none could).
     *
     * @return the To_Account, or null
     */
    public String toAccount() {
        return toAccount;
    }

    /**
     * The item, or null when {@link #isValid()} is false.
     *
     * @return the item, or null
     */
    public T item() {
        return item;
    }

    /**
     * True for a relation that can be sent.
     *
     * @return true when the record has an item, false for an invalid record
     */
    public boolean isValid() {
        return item != null;
    }

    /**
     * Why the record is invalid, or null for a valid one.
     *
     * @return the problem, or null
     */
    public String problem() {
        return problem;
    }

    /**
     * Where the record came from, or null.
     *
     * @return the origin, such as {@code "friends.jsonl:17"}, or null
     */
    public String origin() {
        return origin;
    }

    /**
     * The original input text of an invalid record, or null.
     *
     * @return the original text, or null
     */
    public String rawInput() {
        return rawInput;
    }

    @Override
    public String toString() {
        String where = origin == null ? "" : " at " + origin;
        return isValid()
                ? "ImportRecord{" + fromAccount + " -> " + toAccount + where + "}"
                : "ImportRecord{invalid" + where + ": " + problem + "}";
    }
}
