package io.timport.benchmarks;

import io.timport.bulk.ImportRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Generated friend relations for the benchmarks, made lazily and deterministically from their position, so that a
 * run of ten million never holds them in a list.
 *
 * <p>User {@code u} ({@code "player1000000u"}-style UserIDs of 14 bytes) has {@code friendsPerUser} friends, the
 * users {@code u+1 .. u+friendsPerUser}. Records come in blocks of {@code interleave} users whose records are
 * interleaved round-robin: {@code interleave = 1} is input sorted by {@code From_Account}; larger values are
 * unsorted input the engine has to group within its memory bound.
 *
 * <p>Each item is what a game's import carries: an {@code AddSource}, an {@code AddTime}, a {@code Level}; and,
 * depending on a hash of the pair, a {@code Remark} (half of them, some in Chinese or with an emoji) with its
 * {@code RemarkTime}, one or two friend groups, an {@code AddWording}, a {@code Guild} and a {@code Channel}.
 */
final class Relations {

    private static final String[] SOURCES = {"AddSource_Type_Android", "AddSource_Type_iOS", "AddSource_Type_Web"};
    private static final BenchFriend.Channel[] CHANNELS = BenchFriend.Channel.values();

    private Relations() {
    }

    /** The UserID of user {@code u}: 14 ASCII bytes for every {@code u} below 90 million. */
    static String userId(long u) {
        return "player" + (10_000_000L + u);
    }

    /** {@code count} records in the order described above, generated as the stream is consumed. */
    static Stream<ImportRecord<BenchFriendItem>> stream(long count, int friendsPerUser, int interleave) {
        return LongStream.range(0, count).mapToObj(i -> record(i, friendsPerUser, interleave));
    }

    /** The record at {@code position} (from 0). */
    static ImportRecord<BenchFriendItem> record(long position, int friendsPerUser, int interleave) {
        long block = (long) interleave * friendsPerUser;
        long b = position / block;
        long j = position % block;
        long user = b * interleave + j % interleave;
        int friend = (int) (j / interleave);
        return BenchFriendImporter.record(userId(user), item(user, friend, false));
    }

    /** User {@code user}'s friends {@code 0 .. count-1}: the items of one call of a one-call-per-user loop. */
    static List<BenchFriendItem> friendsOf(long user, int count, boolean asciiOnly) {
        List<BenchFriendItem> items = new ArrayList<>(count);
        for (int f = 0; f < count; f++) {
            items.add(item(user, f, asciiOnly));
        }
        return items;
    }

    /** The item for friend {@code friend} (from 0) of user {@code user}; {@code asciiOnly} avoids CJK and emoji. */
    static BenchFriendItem item(long user, int friend, boolean asciiOnly) {
        long v = mix(user, friend);
        long addTime = 1_600_000_000L + v % 100_000_000L;
        BenchFriendItem.Builder b = BenchFriendItem.builder()
                .toAccount(userId(user + friend + 1))
                .addSource(SOURCES[(int) (v % SOURCES.length)])
                .addTime(addTime)
                .level(1 + (v >>> 4) % 120);
        int r = (int) ((v >>> 8) % 20);
        if (r < 10) {
            String remark;
            if (asciiOnly || r >= 5) {
                remark = "Teammate " + (v >>> 12) % 1000;
            } else if (r == 4) {
                remark = "\uD83C\uDFAE duo partner " + (v >>> 12) % 100;  // a game controller emoji
            } else {
                remark = "\u8001\u670B\u53CB " + (v >>> 12) % 100;            // "old friend"
            }
            b.remark(remark).remarkTime(addTime + 3600);
        }
        switch ((int) ((v >>> 16) % 4)) {
            case 1:
                b.groupNames("Friends");
                break;
            case 2:
                b.groupNames("Friends", "Guild");
                break;
            case 3:
                b.groupNames(asciiOnly ? "Classmates" : "\u540C\u5B66");  // "classmates"
                break;
            default:
                break;
        }
        if ((v >>> 24) % 5 == 0) {
            b.addWording("Good game! Add me for the next raid.");
        }
        if ((v >>> 32) % 5 < 2) {
            b.guild("Knights of " + (v >>> 40) % 50);
        }
        if ((v >>> 44) % 10 < 7) {
            b.channel(CHANNELS[(int) ((v >>> 50) % CHANNELS.length)]);
        }
        return b.build();
    }

    /** A well-spread non-negative hash of the pair. */
    private static long mix(long user, int friend) {
        long z = user * 0x9E3779B97F4A7C15L + friend * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
