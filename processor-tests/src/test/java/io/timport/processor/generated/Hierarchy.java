package io.timport.processor.generated;

import io.timport.annotation.CustomField;
import io.timport.annotation.FriendFields;

/**
 * A hierarchy {@code Derived extends Mid, Other}, {@code Mid extends Base}, {@code Other extends Base}: fields come
 * in the order Base, Mid, Other, Derived, each interface once. Also shows the name of an item of a nested interface.
 */
public final class Hierarchy {
    private Hierarchy() {
    }

    @FriendFields
    public interface Base {
        @CustomField("Base") long base();
    }

    @FriendFields
    public interface Mid extends Base {
        @CustomField("Mid") String mid();

        @CustomField("MidTwo") String midTwo();
    }

    /** Not annotated itself: its fields are inherited all the same. */
    public interface Other extends Base {
        @CustomField("Other") Long other();
    }

    @FriendFields
    public interface Derived extends Mid, Other {
        @CustomField("Derived") int derived();

        /** A sub-interface may give an inherited field's method a default: then it is no field of this one. */
        @Override
        default String midTwo() {
            return "fixed";
        }
    }
}
