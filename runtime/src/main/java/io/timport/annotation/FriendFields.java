package io.timport.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an interface that describes an app's custom friend fields ({@code Tag_SNS_Custom_*}).
 *
 * <p>Each abstract method of the interface (and of the {@code @FriendFields} interfaces it extends) is one custom
 * field and carries {@link CustomField}. At compile time the timport processor generates, in the interface's
 * package, {@code XItem} (an immutable, validated {@code AddFriendItem} with a builder and an exact wire-format JSON
 * serializer) and {@code XImporter} (a typed bulk importer). Default and static methods are allowed and ignored.
 *
 * <pre>{@code
 * @FriendFields
 * public interface GameFriend {
 *     @CustomField("Level") long level();     // Tag_SNS_Custom_Level, integer, required
 *     @CustomField("Guild") String guild();   // Tag_SNS_Custom_Guild, string, optional
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FriendFields {
}
