package io.timport.processor.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inherited fields, their order, names of items of nested interfaces, and the generated classes' visibility. */
class HierarchyTest {

    @Test
    void inheritedFieldsComeFirstInTheOrderTheHierarchyDeclaresThem() throws IOException {
        assertEquals(List.of("Tag_SNS_Custom_Base", "Tag_SNS_Custom_Mid", "Tag_SNS_Custom_Other",
                "Tag_SNS_Custom_Derived"), Hierarchy_DerivedItem.TYPE.customTags());
        assertEquals(List.of("Tag_SNS_Custom_Base", "Tag_SNS_Custom_Mid", "Tag_SNS_Custom_MidTwo"),
                Hierarchy_MidItem.TYPE.customTags());
        Hierarchy_DerivedItem item = Hierarchy_DerivedItem.builder().toAccount("a").addSource("AddSource_Type_A")
                .derived(4).other(3L).mid("m").base(1).build();
        assertEquals("{\"To_Account\":\"a\",\"AddSource\":\"AddSource_Type_A\",\"CustomItem\":["
                        + "{\"Tag\":\"Tag_SNS_Custom_Base\",\"Value\":1},{\"Tag\":\"Tag_SNS_Custom_Mid\",\"Value\":\"m\"},"
                        + "{\"Tag\":\"Tag_SNS_Custom_Other\",\"Value\":3},{\"Tag\":\"Tag_SNS_Custom_Derived\",\"Value\":4}]}",
                JsonTest.json(item));
        assertEquals("fixed", item.midTwo(), "a field given a default in a sub-interface is no field of it");
        Hierarchy.Base base = item;
        assertEquals(1L, base.base());
    }

    @Test
    void nestedInterfacesGiveFlatNamesInTheSamePackage() {
        assertEquals("io.timport.processor.generated.Hierarchy_DerivedItem", Hierarchy_DerivedItem.class.getName());
        assertTrue(Hierarchy.Derived.class.isAssignableFrom(Hierarchy_DerivedItem.class));
    }

    @Test
    void generatedClassesAreAsVisibleAsTheirInterface() {
        assertTrue(Modifier.isPublic(GameFriendItem.class.getModifiers()));
        assertTrue(Modifier.isPublic(GameFriendItem.Builder.class.getModifiers()));
        assertTrue(Modifier.isFinal(GameFriendItem.class.getModifiers()));
        assertFalse(Modifier.isPublic(ApiPageFriendItem.class.getModifiers()), "ApiPageFriend is package-private");
        assertFalse(Modifier.isPublic(ApiPageFriendItem.Builder.class.getModifiers()));
    }
}
