package io.timport.it;

import io.timport.bulk.AccountsMode;
import io.timport.bulk.BulkImporter;
import io.timport.bulk.ImportRecord;
import io.timport.bulk.ImportReport;
import io.timport.call.FriendImportClient;
import io.timport.simulator.ChatSimulator;
import io.timport.testsupport.TestApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The migration of {@link AccountsPhaseTest}: a graph of users, some of whose accounts do not exist yet, imported
 * with the accounts phase; run in a JVM of its own to be killed. Arguments: simulator base URI, journal file, users,
 * friends drawn for each sending user (see {@link #input}), accounts listed (users {@code u00000} on, beyond those with
 * relations).
 */
public final class AccountsImport {

    private AccountsImport() {
    }

    public static void main(String[] args) throws Exception {
        try (FriendImportClient client = ResumableImport.client(java.net.URI.create(args[0]))) {
            ImportReport report = importer(client, Path.of(args[1]), AccountsMode.IMPORT, Integer.parseInt(args[4]))
                    .run(input(Integer.parseInt(args[2]), Integer.parseInt(args[3])));
            System.out.println(report.summary(5));
        }
    }

    static BulkImporter<GameFriendItem> importer(FriendImportClient client, Path journal, AccountsMode mode,
            int listed) {
        List<io.timport.call.AccountItem> list = new ArrayList<>(listed);
        for (int u = 0; u < listed; u++) {
            list.add(io.timport.call.AccountItem.of(user(u)));
        }
        return BulkImporter.<GameFriendItem>builder(client).journal(journal).accounts(mode).accountsList(list).build();
    }

    /**
     * {@code users} users ({@code u00000}, ..., a multiple of 5), every one of them named: every fifth user
     * ({@code u00000}, {@code u00005}, ...; missing accounts among them) has the four users after it as friends, and
     * {@code friends} more drawn among all; shuffled. A fifth of the users send, so the relations take a fifth of the
     * calls that every user sending would.
     */
    static List<ImportRecord<GameFriendItem>> input(int users, int friends) {
        Random random = new Random(7);
        List<ImportRecord<GameFriendItem>> records = new ArrayList<>(users / 5 * (4 + friends));
        for (int u = 0; u < users; u += 5) {
            Set<Integer> chosen = new LinkedHashSet<>(List.of(u + 1, u + 2, u + 3, u + 4));
            while (chosen.size() < 4 + friends) {
                int f = random.nextInt(users);
                if (f != u) {
                    chosen.add(f);
                }
            }
            for (int f : chosen) {
                records.add(ImportRecord.of(user(u), Fixtures.item(user(f), u + f)));
            }
        }
        Collections.shuffle(records, new Random(11));
        return records;
    }

    static String user(int u) {
        return String.format("u%05d", u);
    }

    /** The accounts that exist before the import: every user but one in ten/three (30 % missing). */
    static List<String> existing(int users) {
        List<String> ids = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            if (!missing(u)) {
                ids.add(user(u));
            }
        }
        return ids;
    }

    static boolean missing(int u) {
        return u % 10 < 3;
    }

    static ChatSimulator simulator(int users) throws java.io.IOException {
        return TestApp.start(QuickApp.simulator().accounts(existing(users)));
    }
}
