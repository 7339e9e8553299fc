package io.timport.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.timport.simulator.ChatSimulator;
import io.timport.simulator.CustomFieldType;
import io.timport.simulator.RestApi;
import io.timport.simulator.SimulatorConfig;
import io.timport.testsupport.TestApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line when the real service says no (issue 11): a custom tag the app's console lacks stops the import
 * after five calls with exit status 1 and a diagnosis naming the tag; the same command after the fix resumes with the
 * journal and imports everything. {@code --breaker} and {@code --max-body-bytes}. The transcript in
 * {@code docs/real-service.md} is this test's output.
 */
class RealServiceCliTest {

    @TempDir
    Path dir;

    private String[] args(ChatSimulator chat, String... more) throws Exception {
        Path key = dir.resolve("app.key");
        Files.writeString(key, TestApp.KEY + "\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        List<String> all = new ArrayList<>(List.of("--endpoint", chat.baseUri().toString(), "--sdkappid",
                String.valueOf(TestApp.SDK_APP_ID), "--key-file", "app.key"));
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }

    @Test
    void aTagTheConsoleLacksExitsWithOneAfterFiveCallsNamingTheTagAndTheSameCommandAfterTheFixImportsEverything()
            throws Exception {
        List<String> lines = new ArrayList<>();
        for (int u = 0; u < 20; u++) {
            for (int f = 0; f < 100; f++) {
                lines.add("{\"From_Account\":\"player" + u + "\",\"To_Account\":\"player" + (100 + f) + "\","
                        + "\"AddSource\":\"AddSource_Type_Game\",\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Guild\","
                        + "\"Value\":\"wolves\"}]}");
            }
        }
        Files.write(dir.resolve("friends.jsonl"), lines, StandardCharsets.UTF_8);
        SimulatorConfig.Builder noGuild = SimulatorConfig.builder().sdkAppId(TestApp.SDK_APP_ID).secretKey(TestApp.KEY)
                .admin(TestApp.ADMIN).customField("Level", CustomFieldType.INTEGER);

        try (ChatSimulator chat = TestApp.start(noGuild)) {
            Cli.Result run = Cli.run(dir, args(chat, "--input", "friends.jsonl", "--journal", "friends.journal",
                    "--quiet", "--show-failures", "3"));

            System.out.println(run);
            assertEquals(ExampleImporter.FATAL, run.status(), run.toString());
            assertEquals(5, chat.stats().api(RestApi.FRIEND_IMPORT).calls(), "5 calls of 100 relations, then the stop");
            assertTrue(run.err().startsWith("timport-example: the import stopped: systematic failure: the last 5 calls "
                    + "answered 30001"), run.err());
            assertTrue(run.err().contains("Likely cause: the custom friend field Tag_SNS_Custom_Guild is not "
                    + "configured in the app. Fix: add it in the Chat console (App Configuration > Feature "
                    + "Configuration"), run.err());
            assertTrue(run.out().contains("Import STOPPED: "), run.out());
        }
        try (ChatSimulator chat = TestApp.start(TestApp.simulator())) { // Guild configured
            Cli.Result again = Cli.run(dir, args(chat, "--input", "friends.jsonl", "--journal", "friends.journal",
                    "--quiet"));

            System.out.println(again);
            assertEquals(ExampleImporter.OK, again.status(), again.toString());
            assertEquals(2_000, chat.relationCount());
        }
    }

    @Test
    void accountsThatWereNeverImportedExitWithOneAndSaySo() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int u = 0; u < 20; u++) {
            for (int f = 0; f < 10; f++) {
                lines.add("{\"From_Account\":\"player" + u + "\",\"To_Account\":\"player" + (100 + f) + "\","
                        + "\"AddSource\":\"AddSource_Type_Game\"}");
            }
        }
        Files.write(dir.resolve("friends.jsonl"), lines, StandardCharsets.UTF_8);
        try (ChatSimulator chat = TestApp.start(TestApp.simulator().knownAccounts())) { // no account imported
            // --accounts off: the accounts phase (the default, check) would find them missing and send none
            Cli.Result run = Cli.run(dir, args(chat, "--input", "friends.jsonl", "--journal", "friends.journal",
                    "--accounts", "off", "--quiet", "--show-failures", "3"));

            System.out.println(run);
            assertEquals(ExampleImporter.FATAL, run.status(), run.toString());
            assertEquals(10, chat.stats().api(RestApi.FRIEND_IMPORT).calls(), "5 calls of 10 hold 50 relations: 10 calls hold the 100");
            assertTrue(run.err().contains("Likely cause: the accounts were not imported into the app. Fix: import the "
                    + "accounts first"), run.err());
        }
    }

    @Test
    void aFullFriendListStopsSendingForThatPlayer() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int f = 0; f < 100; f++) {
            lines.add("{\"From_Account\":\"whale\",\"To_Account\":\"player" + f + "\","
                    + "\"AddSource\":\"AddSource_Type_Game\"}");
            lines.add("{\"From_Account\":\"player" + f + "\",\"To_Account\":\"whale\","
                    + "\"AddSource\":\"AddSource_Type_Game\"}");
        }
        Files.write(dir.resolve("friends.jsonl"), lines, StandardCharsets.UTF_8);
        try (ChatSimulator chat = TestApp.start(TestApp.simulator().maxFriendsPerUser(40))) {
            Cli.Result run = Cli.run(dir, args(chat, "--input", "friends.jsonl", "--quiet", "--batch-size", "30",
                    "--show-failures", "25"));

            System.out.println(run);
            assertEquals(ExampleImporter.SOME_FAILED, run.status(), run.toString());
            assertEquals(40, chat.friendsOf("whale").size());
            assertTrue(run.out().contains("Import finished: 200 records, 140 imported, 60 failed"), run.out());
            assertTrue(run.out().contains("[30010] not sent because the call with random "), run.out());
        }
    }

    @Test
    void theBreakerCanBeSwitchedOffAndTheBodyCapSet() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int f = 0; f < 600; f++) {
            lines.add("{\"From_Account\":\"p\",\"To_Account\":\"q" + f + "\",\"AddSource\":\"AddSource_Type_Game\","
                    + "\"CustomItem\":[{\"Tag\":\"Tag_SNS_Custom_Guild\",\"Value\":\"wolves\"}]}");
        }
        Files.write(dir.resolve("friends.jsonl"), lines, StandardCharsets.UTF_8);
        SimulatorConfig.Builder noGuild = SimulatorConfig.builder().sdkAppId(TestApp.SDK_APP_ID).secretKey(TestApp.KEY)
                .admin(TestApp.ADMIN).maxRequestBodyBytes(8192);
        try (ChatSimulator chat = TestApp.start(noGuild)) {
            Cli.Result run = Cli.run(dir, args(chat, "--input", "friends.jsonl", "--breaker", "off",
                    "--max-body-bytes", "8192", "--quiet"));
            assertEquals(ExampleImporter.SOME_FAILED, run.status(), run.toString());
            assertTrue(run.out().contains("600 failed"), run.out());
            assertEquals(0, chat.stats().oversizedBodies());
            assertTrue(chat.stats().calls() >= 600 * 110 / 8192, chat.stats().calls() + " calls");
        }
    }

    @Test
    void badValuesOfTheNewOptionsAreUsageErrors() {
        assertEquals("timport-example: --breaker must be CALLS:RELATIONS (for example 5:100) or off, was \"5\" "
                + "(see --help)\n",
                Cli.run(dir, "--breaker", "5").err().lines().findFirst().orElse("") + "\n");
        assertEquals(ExampleImporter.USAGE, Cli.run(dir, "--breaker", "0:100").status());
        assertEquals(ExampleImporter.USAGE, Cli.run(dir, "--max-body-bytes", "100").status());
        assertTrue(Cli.run(dir, "--max-body-bytes", "100").err().startsWith(
                "timport-example: --max-body-bytes must be at least 1,024, was 100"));
    }
}
