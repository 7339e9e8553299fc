package io.timport.processor.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"A", "Level", "abcdEFGH", "XXXX"})
    void validKeywords(String keyword) {
        assertTrue(Keywords.isValid(keyword));
        assertTrue(Keywords.isValid(Keywords.keywordOf("Tag_SNS_Custom_" + keyword)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abcdEFGHI", "Level1", "Guild_Name", "Über", "tag_sns_custom_Level", "Tag_SNS_Custom_"})
    void invalidKeywords(String keyword) {
        assertFalse(Keywords.isValid(Keywords.keywordOf(keyword)));
    }

    @ParameterizedTest(name = "{0} on {1}() -> {2}")
    @CsvSource({
            "GuildNameX, guild, Guild",
            "Level1, level, Level",
            "vip_level, vip, vipLevel",
            "VIPLevelMax, vip, VIPLevel",
            "Extraordinary, x, Extraord",
            "Tag_SNS_Custom_, seasonLevel, season",
            "tag_sns_custom_Level, level, Level",
            "'', rank, rank",
            "123, x1, x",
            "'', _1, Field",
    })
    void suggestions(String given, String method, String suggestion) {
        assertEquals(suggestion, Keywords.suggest(given, method));
        assertTrue(Keywords.isValid(suggestion), "a suggestion is always valid");
    }
}
