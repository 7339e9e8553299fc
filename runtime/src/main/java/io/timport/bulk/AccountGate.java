package io.timport.bulk;

import io.timport.call.FriendImportResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * After the accounts phase: which relations name an account that does not exist (missing and not created, or failed
 * to be created). Such a relation is not sent: it is reported failed with code 30003 (what friend_import would have
 * answered) and the account named. A Bloom filter of the accounts that do not exist answers most lookups without
 * touching the {@link AccountSet}; the rest are a binary search in its memory map.
 */
final class AccountGate {

    private static final int HASHES = 7;

    private final AccountSet set;
    private final byte[] state;
    private final AccountsPhase phase;
    private final AccountsMode mode;
    private final long[] bits;
    private final long mask;
    private long skipped;

    private AccountGate(AccountSet set, AccountsPhase phase, AccountsMode mode, boolean listOnly, int bad) {
        this.set = set;
        this.state = phase.states();
        this.phase = phase;
        this.mode = mode;
        long m = Long.highestOneBit(Math.max(1024L, (long) bad * 10)) << 1;
        this.bits = new long[(int) (m >>> 6)];
        this.mask = m - 1;
        for (int p = 1; p < state.length; p++) {
            if (absent(state[p])) {
                add(set.id(p).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /** The gate after {@code phase}, or null when every account exists. */
    static AccountGate of(AccountSet set, AccountsPhase phase, AccountsMode mode, boolean listOnly) {
        int bad = 0;
        byte[] state = phase.states();
        for (int p = 1; p < state.length; p++) {
            if (absent(state[p])) {
                bad++;
            }
        }
        return bad == 0 ? null : new AccountGate(set, phase, mode, listOnly, bad);
    }

    private static boolean absent(byte s) {
        return s != AccountsJournal.EXISTS && s != AccountsJournal.IMPORTED;
    }

    /** Relations not sent so far. */
    long skipped() {
        return skipped;
    }

    /** Why the relation cannot be sent (an account it names does not exist), or null. */
    String problem(ImportRecord<?> record) {
        String p = problem(record.fromAccount());
        return p != null ? p : problem(record.toAccount());
    }

    private String problem(String account) {
        int position = absentAt(account);
        return position == 0 ? null : describe(account, position);
    }

    /**
     * True when {@code account} does not exist after the accounts phase (missing and not created, or failed to be
     * created): a relation that names it is never sent, not even by a verification's repair.
     */
    boolean missing(String account) {
        return absentAt(account) != 0;
    }

    /** The position of {@code account} when it does not exist, else 0. */
    private int absentAt(String account) {
        byte[] id = account.getBytes(StandardCharsets.UTF_8);
        if (!mightHold(id)) {
            return 0;
        }
        int position = set.position(id);
        return position != 0 && absent(state[position]) ? position : 0;
    }

    /** Why the account at {@code position} does not exist, in a sentence. */
    String describe(String account, int position) {
        String quoted = "\"" + account + "\"";
        if (state[position] == AccountsPhase.FAILED) {
            int code = phase.failCode(position);
            String info = phase.info(code);
            return "not sent: account " + quoted + " could not be created: [" + code + "] "
                    + AccountsPhase.meaning(code) + (info.isEmpty() ? "" : ": " + info);
        }
        if (mode == AccountsMode.CHECK) {
            return "not sent: account " + quoted + " does not exist (account_check: NotImported); the check mode "
                    + "creates no account";
        }
        return "not sent: account " + quoted + " does not exist and is not in the accounts list"
                + ", so it was not created";
    }

    private void add(byte[] id) {
        long h1 = hash(id, 0x9E3779B97F4A7C15L);
        long h2 = hash(id, 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            bits[(int) (bit >>> 6)] |= 1L << (bit & 63);
        }
    }

    private boolean mightHold(byte[] id) {
        long h1 = hash(id, 0x9E3779B97F4A7C15L);
        long h2 = hash(id, 0xC2B2AE3D27D4EB4FL) | 1;
        for (int i = 0; i < HASHES; i++) {
            long bit = (h1 + i * h2) & mask;
            if ((bits[(int) (bit >>> 6)] & (1L << (bit & 63))) == 0) {
                return false;
            }
        }
        return true;
    }

    private static long hash(byte[] b, long seed) {
        long h = seed ^ b.length;
        for (byte x : b) {
            h ^= x & 0xFF;
            h *= 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }

    /**
     * The relations phase behind this gate: a record an earlier run did not complete, valid, naming an account that
     * does not exist, is a failure (30003) and never reaches the phase.
     */
    <T extends io.timport.wire.AddFriendItem> Phase<ImportRecord<? extends T>, RelationCall<T>, FriendImportResponse> wrap(
            Phase<ImportRecord<? extends T>, RelationCall<T>, FriendImportResponse> relations, PriorWork earlier,
            ProgressMeter meter) {
        return new Phase<>() {
            @Override
            public String name() {
                return relations.name();
            }

            @Override
            public String api() {
                return relations.api();
            }

            @Override
            public boolean offer(long position, ImportRecord<? extends T> record) {
                if (!earlier.isDone(position) && RecordRules.problem(record) == null) {
                    String problem = problem(record);
                    if (problem != null) {
                        meter.recordRead();
                        skipped++;
                        meter.failed(new ImportFailure(position, record.origin(), record.fromAccount(),
                                record.toAccount(), 30003, problem, ImportFailure.Kind.REJECTED, record.item(),
                                record.rawInput()));
                        return true;
                    }
                }
                return relations.offer(position, record);
            }

            @Override
            public void inputEnded() {
                relations.inputEnded();
            }

            @Override
            public RelationCall<T> poll(long now) {
                return relations.poll(now);
            }

            @Override
            public long wakeAt() {
                return relations.wakeAt();
            }

            @Override
            public boolean isDone() {
                return relations.isDone();
            }

            @Override
            public CompletableFuture<FriendImportResponse> send(RelationCall<T> call) throws InterruptedException {
                return relations.send(call);
            }

            @Override
            public Decision<?> decide(RelationCall<T> call, FriendImportResponse answer, Throwable error, long now) {
                return relations.decide(call, answer, error, now);
            }

            @Override
            public void apply(RelationCall<T> call, Decision<?> decision, long now, boolean stopping) {
                relations.apply(call, decision, now, stopping);
            }

            @Override
            public void resend(RelationCall<T> call) {
                relations.resend(call);
            }

            @Override
            public void abandon(RelationCall<T> call) {
                relations.abandon(call);
            }

            @Override
            public void renewSignature() {
                relations.renewSignature();
            }

            @Override
            public double pace() {
                return relations.pace();
            }

            @Override
            public boolean cautious() {
                return relations.cautious();
            }

            @Override
            public int takeWakes() {
                return relations.takeWakes();
            }
        };
    }
}
