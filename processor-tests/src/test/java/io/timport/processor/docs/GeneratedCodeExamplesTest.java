package io.timport.processor.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.timport.wire.FieldDifference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What docs/generated-code.md says its examples do. */
class GeneratedCodeExamplesTest {

    @Test
    void theBuilderKeepsRepeatedGroupsOnce() {
        assertEquals(List.of("Raid", "Friends"), GeneratedCodeExamples.build().groupNames());
    }

    @Test
    void anInvalidItemListsEveryProblem() {
        assertEquals("Invalid friend item for To_Account \"bob\", 2 problems: AddSource must be AddSource_Type_"
                + " followed by 1 to 8 English letters (e.g. AddSource_Type_Android), was \"Android\";"
                + " Tag_SNS_Custom_Level must not be negative (custom integers are unsigned, uint64_t), was -1",
                GeneratedCodeExamples.invalid());
    }

    @Test
    void verifyReportsProblemsAndDifferences() {
        Map<String, Object> tags = Map.of("Tag_SNS_IM_AddSource", "AddSource_Type_Game",
                "Tag_SNS_IM_Group", List.of("Friends", "Raid"),
                "Tag_SNS_Custom_Level", 11L, "Tag_SNS_Custom_Role", "officer");
        assertEquals(List.of(
                        "could not read: Tag_SNS_Custom_Role must be one of MEMBER, OFFICER, LEADER (Role), was"
                                + " \"officer\"",
                        "differs: Tag_SNS_Custom_Level: expected 12, found 11",
                        "differs: Tag_SNS_Custom_Role: expected OFFICER, found \"officer\""),
                GeneratedCodeExamples.verify(GeneratedCodeExamples.build(), "bob", tags));
    }

    @Test
    void genericCodeGoesThroughTheType() {
        Map<String, Object> tags = Map.of("Tag_SNS_IM_AddSource", "AddSource_Type_Game",
                "Tag_SNS_IM_Group", List.of("Raid", "Friends"), "Tag_SNS_Custom_Level", 12L,
                "Tag_SNS_Custom_Role", "OFFICER", "Tag_SNS_Custom_Guild", "");
        assertEquals(List.of(), GeneratedCodeExamples.differences(GuildFriendItem.TYPE, GeneratedCodeExamples.build(),
                tags));
        assertEquals(List.of(new FieldDifference("Tag_SNS_Custom_Guild", null, "Knights")),
                GeneratedCodeExamples.differences(GuildFriendItem.TYPE, GeneratedCodeExamples.build(),
                        Map.of("Tag_SNS_IM_AddSource", "AddSource_Type_Game", "Tag_SNS_IM_Group",
                                List.of("Raid", "Friends"), "Tag_SNS_Custom_Level", 12L, "Tag_SNS_Custom_Role",
                                "OFFICER", "Tag_SNS_Custom_Guild", "Knights")));
    }
}
