package io.timport.bulk;

import io.timport.call.Friend;
import io.timport.call.FriendGetPage;
import io.timport.wire.AddFriendItem;
import io.timport.wire.FieldDifference;
import io.timport.wire.ItemType;
import io.timport.wire.ReadBack;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The verification phase: each From_Account of the input ({@link UserGroup}) has its friends read back with
 * {@code friend_get}, page after page, and each relation the input expects is compared, field by field, with the
 * friend read: equal, different ({@link ItemType#differences}), or missing (no page named it). Friends the input does
 * not name are no concern of it.
 *
 * <ul>
 *   <li>{@link #offer}: a user the accounts phase found not to exist is not read (friend_get would answer 30003):
 *       it is counted ({@link Outcomes#accountMissing}) and skipped, never journaled; a user an earlier run found
 *       equal (per the verification journal) is counted and skipped; the others wait for their first page. Memory:
 *       the relations of the users being read are held, at most {@code maxHeld} of them (a larger user alone).</li>
 *   <li>{@link #poll}: never two pages of one user at once (the next page needs the previous one's
 *       {@code NextStartIndex}); next pages before new users, so that users end and free their memory.</li>
 *   <li>{@link #decide}: the {@link ReadPolicy}. {@link #apply}: a page read is compared; a last page ends the user
 *       ({@link Outcomes#read}); a user found wholly equal is journaled, so that a resumed run skips it.</li>
 * </ul>
 *
 * @param <T> the item type
 */
final class VerifyPhase<T extends AddFriendItem> implements Phase<UserGroup<T>, VerifyCall<T>, FriendGetPage> {

    /** Sends a friend_get page: the production one is {@link #sender(io.timport.call.FriendReadClient)}. */
    interface PageSender {
        CompletableFuture<FriendGetPage> send(String fromAccount, long startIndex) throws InterruptedException;

        void renewSignature();

        double pace();
    }

    /** Where the verdicts go, under the engine's lock. */
    interface Outcomes<T extends AddFriendItem> {
        /** A user's friends were read to the last page: {@code equal} relations as expected, and the others. */
        void read(UserGroup<T> group, int equal, List<Mismatch<T>> mismatches);

        /** A user's friends could not be read (a permanent error, or attempts exhausted). */
        void unreadable(UserGroup<T> group, int code, String info);

        /** An earlier run found this user's relations equal. */
        void equalEarlier(UserGroup<T> group);

        /**
         * The user does not exist: the accounts phase found it missing (and did not create it), so it is not read;
         * none of its relations can exist.
         */
        void accountMissing(UserGroup<T> group);
    }

    /** One relation that is not as expected: {@code differences} is null when it is missing. */
    record Mismatch<T>(UserGroup.Expected<T> expected, List<FieldDifference> differences) {
        boolean missing() {
            return differences == null;
        }
    }

    /** A user being read. */
    static final class User<T extends AddFriendItem> {
        final UserGroup<T> group;
        int attempts;
        int equal;
        final List<Mismatch<T>> mismatches = new ArrayList<>(0);

        User(UserGroup<T> group) {
            this.group = group;
        }
    }

    private record Delayed<T extends AddFriendItem>(long due, long sequence, VerifyCall<T> call) {
    }

    private final ItemType<T> type;
    private final ReadPolicy<VerifyCall<T>> policy;
    private final PageSender sender;
    private final WorkJournal journal;
    private final PriorWork earlier;
    private final ProgressMeter meter;
    private final Outcomes<T> outcomes;
    /** True for a From_Account the accounts phase found not to exist (never for a run without one): not read. */
    private final Predicate<String> missingAccount;
    private final long maxHeld;
    private final ArrayDeque<VerifyCall<T>> nextPages = new ArrayDeque<>();
    private final ArrayDeque<VerifyCall<T>> firstPages = new ArrayDeque<>();
    private final PriorityQueue<Delayed<T>> delayed = new PriorityQueue<>((a, b) -> a.due() != b.due()
            ? Long.compare(a.due() - b.due(), 0) : Long.compare(a.sequence(), b.sequence()));
    private long delayedSequence;
    private long held;
    private int users;
    private boolean inputEnded;
    private int wakes;

    VerifyPhase(ItemType<T> type, ReadPolicy<VerifyCall<T>> policy, PageSender sender, WorkJournal journal,
            ProgressMeter meter, Outcomes<T> outcomes, Predicate<String> missingAccount, long maxHeld) {
        this.type = type;
        this.policy = policy;
        this.sender = sender;
        this.journal = journal;
        this.earlier = journal.earlier();
        this.meter = meter;
        this.outcomes = outcomes;
        this.missingAccount = missingAccount;
        this.maxHeld = maxHeld;
    }

    /** The production sender: {@code friend_get} through the client, and so through its friend_get limiter. */
    static PageSender sender(io.timport.call.FriendReadClient client) {
        return new PageSender() {
            @Override
            public CompletableFuture<FriendGetPage> send(String fromAccount, long startIndex)
                    throws InterruptedException {
                return client.getFriendsAsync(io.timport.call.FriendGetRequest.page(fromAccount, startIndex));
            }

            @Override
            public void renewSignature() {
                client.chatClient().renewUserSig();
            }

            @Override
            public double pace() {
                return client.rateLimiter(io.timport.call.ChatApi.FRIEND_GET).permitsPerSecond();
            }
        };
    }

    /** The policy of friend_get answers from the settings, counting a call's attempts by its user's. */
    static <T extends AddFriendItem> ReadPolicy<VerifyCall<T>> policy(ImportSettings settings,
            java.util.random.RandomGenerator random) {
        Backoff backoff = new Backoff(settings.initialBackoff().toNanos(), settings.maxBackoff().toNanos(), random);
        ThrottleReaction throttling = new ThrottleReaction.PauseWhenPersistent(settings.throttlePause().toNanos());
        return new ReadPolicy<>(VerifyRun.FRIEND_GET, settings.maxAttempts(), backoff, throttling,
                settings.lockoutPause().toNanos(), call -> call.user.attempts);
    }

    @Override
    public String name() {
        return VerifyRun.VERIFICATION;
    }

    @Override
    public String api() {
        return VerifyRun.FRIEND_GET;
    }

    @Override
    public boolean offer(long position, UserGroup<T> group) {
        // Asked first: the accounts phase of this run is the latest word on whether the user exists
        if (missingAccount.test(group.from)) {
            meter.recordsRead(group.size);
            meter.checked(group.size);
            outcomes.accountMissing(group);
            return true;
        }
        if (earlier.isDone(group.index)) {
            meter.recordsRead(group.size);
            meter.checked(group.size);
            outcomes.equalEarlier(group);
            return true;
        }
        if (held > 0 && held + group.size > maxHeld) {
            return false;
        }
        meter.recordsRead(group.size);
        held += group.size;
        users++;
        firstPages.add(new VerifyCall<>(new User<>(group), 0));
        wakes |= EngineCore.WAKE_DISPATCHER;
        return true;
    }

    @Override
    public void inputEnded() {
        inputEnded = true;
    }

    @Override
    public VerifyCall<T> poll(long now) {
        Delayed<T> d;
        while ((d = delayed.peek()) != null && now - d.due() >= 0) {
            delayed.poll();
            nextPages.addFirst(d.call());
        }
        VerifyCall<T> call = nextPages.pollFirst();
        return call != null ? call : firstPages.pollFirst();
    }

    @Override
    public long wakeAt() {
        Delayed<T> next = delayed.peek();
        return next == null ? EngineCore.NEVER : next.due();
    }

    @Override
    public boolean isDone() {
        return inputEnded && users == 0;
    }

    @Override
    public CompletableFuture<FriendGetPage> send(VerifyCall<T> call) throws InterruptedException {
        return sender.send(call.user.group.from, call.startIndex);
    }

    @Override
    public Decision<?> decide(VerifyCall<T> call, FriendGetPage answer, Throwable error, long now) {
        call.page = answer;
        if (error == null && answer != null && answer.isRequestOk() && !answer.isComplete()
                && answer.nextStartIndex() <= call.startIndex) {
            // a page that is not the last, with nowhere further to go: the pages do not end; the user cannot be read
            return new Decision.Settle<>(io.timport.errors.ErrorClass.PERMANENT, ImportFailure.NO_ANSWER, List.of(),
                    List.of(new Decision.Failed<>(call, ImportFailure.NO_ANSWER, "friend_get answered CompleteFlag "
                            + answer.completeFlag() + " with NextStartIndex " + answer.nextStartIndex()
                            + " not beyond the page's StartIndex " + call.startIndex + ": the pages do not end",
                            ImportFailure.Kind.REJECTED)), List.of(), 0);
        }
        return policy.decide(call, answer, error, now);
    }

    @Override
    @SuppressWarnings("unchecked") // the decision is the one decide() made for this call: about the call itself
    public void apply(VerifyCall<T> call, Decision<?> decision, long now, boolean stopping) {
        if (!(decision instanceof Decision.Settle)) {
            throw new IllegalArgumentException("the verification phase cannot carry out " + decision);
        }
        Decision.Settle<VerifyCall<T>> settle = (Decision.Settle<VerifyCall<T>>) decision;
        User<T> user = call.user;
        if (!settle.failed().isEmpty()) {
            Decision.Failed<VerifyCall<T>> f = settle.failed().get(0);
            outcomes.unreadable(user.group, f.code(), f.info() == null ? "" : f.info());
            end(user);
            return;
        }
        if (!settle.retry().isEmpty()) {
            user.attempts++;
            if (stopping) {
                end(user);
            } else if (settle.retryAfterNanos() <= 0) {
                nextPages.addFirst(call);
            } else {
                delayed.add(new Delayed<>(now + settle.retryAfterNanos(), delayedSequence++, call));
            }
            return;
        }
        // read: compare this page
        user.attempts = 0;
        FriendGetPage page = call.page; // the answer decide() saw
        call.page = null;
        compare(user, page);
        if (page.isComplete()) {
            for (UserGroup.Expected<T> missing : user.group.expected.values()) {
                user.mismatches.add(new Mismatch<>(missing, null));
            }
            user.group.expected.clear();
            meter.checked(user.group.size);
            outcomes.read(user.group, user.equal, user.mismatches);
            if (user.mismatches.isEmpty()) {
                journal.record(new long[] {user.group.index}, 1, List.of());
            }
            end(user);
        } else if (stopping) {
            end(user);
        } else {
            nextPages.addLast(new VerifyCall<>(user, page.nextStartIndex()));
        }
    }

    private void compare(User<T> user, FriendGetPage page) {
        for (Friend friend : page.friends()) {
            UserGroup.Expected<T> expected = user.group.expected.remove(friend.toAccount());
            if (expected == null) {
                continue; // a friend the input does not name (it existed before), or one already compared
            }
            ReadBack<T> found = friend.readAs(type);
            List<FieldDifference> differences = type.differences(expected.item(), found);
            if (differences.isEmpty()) {
                user.equal++;
            } else {
                user.mismatches.add(new Mismatch<>(expected, differences));
            }
        }
    }

    private void end(User<T> user) {
        held -= user.group.size;
        users--;
        wakes |= EngineCore.WAKE_READER | EngineCore.WAKE_DISPATCHER;
    }

    @Override
    public void resend(VerifyCall<T> call) {
        nextPages.addFirst(call);
        wakes |= EngineCore.WAKE_DISPATCHER;
    }

    @Override
    public void abandon(VerifyCall<T> call) {
        end(call.user);
    }

    @Override
    public void renewSignature() {
        sender.renewSignature();
    }

    @Override
    public double pace() {
        return sender.pace();
    }

    @Override
    public int takeWakes() {
        int w = wakes;
        wakes = 0;
        return w;
    }
}
