package io.timport.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.simulator.ChatSimulator;
import io.timport.testsupport.TestApp;
import io.timport.simulator.StoredFriend;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --input FILE} against a compatible server (a simulator this test starts): bad lines by line number. */
class JsonlInputTest {

    static ChatSimulator chat;

    @TempDir
    Path dir;

    @BeforeAll
    static void startChat() throws Exception {
        chat = TestApp.start(TestApp.simulator());
    }

    @AfterAll
    static void stopChat() {
        chat.close();
    }

    @BeforeEach
    void emptyChat() {
        chat.reset();
    }

    private static final List<String> LINES = List.of(
            // 1: every field
            "{\"From_Account\":\"alice\",\"To_Account\":\"bob\",\"AddSource\":\"AddSource_Type_Game\",\"Remark\":\"Bobby 🐉\","
                    + "\"RemarkTime\":1700000100,\"GroupName\":[\"Raid\",\"Friends\"],\"AddWording\":\"GG\",\"AddTime\":1700000000,"
                    + "\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":42},{\"Tag\":\"Tag_SNS_Custom_Guild\",\"Value\":\"Iron Wolves\"}]}",
            // 2: a tag the app does not have
            "{\"From_Account\":\"alice\",\"To_Account\":\"carol\",\"AddSource\":\"AddSource_Type_Game\","
                    + "\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Rank\",\"Value\":3}]}",
            // 3: a bad value: Level is an integer field
            "{\"From_Account\":\"alice\",\"To_Account\":\"dave\",\"AddSource\":\"AddSource_Type_Game\","
                    + "\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Level\",\"Value\":\"high\"}]}",
            // 4: a broken line
            "{\"From_Account\":\"alice\",\"To_Account\":",
            // 5: blank, skipped
            "",
            // 6: the least a relation needs
            "{\"From_Account\":\"bob\",\"To_Account\":\"alice\",\"AddSource\":\"AddSource_Type_Android\"}",
            // 7: no From_Account
            "{\"To_Account\":\"erin\",\"AddSource\":\"AddSource_Type_Game\"}",
            // 8: a remark of 97 bytes
            "{\"From_Account\":\"bob\",\"To_Account\":\"frank\",\"AddSource\":\"AddSource_Type_Game\",\"Remark\":\""
                    + "x".repeat(97) + "\"}",
            // 9: Guild only
            "{\"From_Account\":\"carol\",\"To_Account\":\"alice\",\"AddSource\":\"AddSource_Type_iOS\","
                    + "\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Guild\",\"Value\":\"龙之谷\"}]}");

    @Test
    void badLinesAreReportedByLineNumberAndTheRestIsImported() throws Exception {
        Files.write(dir.resolve("friends.jsonl"), LINES, StandardCharsets.UTF_8);

        Cli.Result run = Cli.run(dir, TestChat.args(TestChat.targetOptions(chat, dir, TestApp.KEY),
                "--input", "friends.jsonl", "--failures-out", "bad.jsonl"));

        assertEquals(ExampleImporter.SOME_FAILED, run.status(), run.toString());
        String out = run.out();
        assertTrue(out.contains("Import finished: 8 records, 3 imported, 5 failed"), out);
        assertTrue(out.contains("   input         5  invalid input record, never sent"), out);
        assertTrue(out.matches("(?s).*\\(friends\\.jsonl:2\\): alice -> carol: \\[invalid input\\] .*Tag_SNS_Custom_Rank.*"),
                out);
        assertTrue(out.matches("(?s).*\\(friends\\.jsonl:3\\): alice -> dave: \\[invalid input\\] .*Tag_SNS_Custom_Level.*"),
                out);
        assertTrue(out.contains("(friends.jsonl:4): ? -> ?: [invalid input] the line is not valid JSON at column 38: the line "
                + "ends before the object is closed (a value, a \" or a } is missing)"), out);
        assertTrue(out.contains("(friends.jsonl:7): ? -> ?: [invalid input] From_Account is required, was missing"), out);
        assertTrue(out.matches("(?s).*\\(friends\\.jsonl:8\\): bob -> frank: \\[invalid input\\] .*Remark must be at most 96 UTF-8 "
                + "bytes, was 97 bytes.*"), out);
        assertFalse(out.contains("friends.jsonl:1)") || out.contains("friends.jsonl:6)") || out.contains("friends.jsonl:9)"),
                out);
        assertTrue(out.contains("5 failed relations written to bad.jsonl"), out);
        assertEquals(List.of(LINES.get(1), LINES.get(2), LINES.get(3), LINES.get(6), LINES.get(7)),
                Files.readAllLines(dir.resolve("bad.jsonl"), StandardCharsets.UTF_8),
                "the failures file holds the bad lines as they were");
        assertTrue(out.contains("  target   " + chat.baseUri() + ": SDKAppID " + TestApp.SDK_APP_ID), out);
        assertFalse(out.contains(TestApp.KEY) || run.err().contains(TestApp.KEY), "the key is never printed");

        // The store holds exactly the three good lines, every field as written.
        assertEquals(3, chat.relationCount());
        StoredFriend bob = chat.friend("alice", "bob").orElseThrow();
        assertEquals("AddSource_Type_Game", bob.addSource());
        assertEquals(Optional.of("Bobby 🐉"), bob.remark());
        assertEquals(OptionalLong.of(1_700_000_100L), bob.remarkTime());
        assertEquals(List.of("Raid", "Friends"), bob.groupNames());
        assertEquals(Optional.of("GG"), bob.addWording());
        assertEquals(OptionalLong.of(1_700_000_000L), bob.addTime());
        Map<String, Object> custom = new LinkedHashMap<>();
        custom.put("Tag_SNS_Custom_Level", 42L);
        custom.put("Tag_SNS_Custom_Guild", "Iron Wolves");
        assertEquals(custom, bob.customItems());
        StoredFriend alice = chat.friend("bob", "alice").orElseThrow();
        assertEquals("AddSource_Type_Android", alice.addSource());
        assertEquals(Map.of(), alice.customItems());
        assertEquals(Map.of("Tag_SNS_Custom_Guild", "龙之谷"), chat.friend("carol", "alice").orElseThrow().customItems());
    }

    @Test
    void aFileOfGoodLinesExitsWithZero() throws Exception {
        Files.write(dir.resolve("good.jsonl"), List.of(LINES.get(0), LINES.get(5), LINES.get(8)), StandardCharsets.UTF_8);

        Cli.Result run = Cli.run(dir, TestChat.args(TestChat.targetOptions(chat, dir, TestApp.KEY),
                "--input", "good.jsonl"));

        assertEquals(ExampleImporter.OK, run.status(), run.toString());
        assertTrue(run.out().contains("Import finished: 3 records, 3 imported, 0 failed"), run.out());
        assertTrue(run.out().contains("Nothing failed: no failures file written."), run.out());
        assertFalse(Files.exists(dir.resolve(Options.DEFAULT_FAILURES_FILE)));
        assertEquals(3, chat.relationCount());
    }
}
