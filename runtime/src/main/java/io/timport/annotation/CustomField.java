package io.timport.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One custom friend field on a {@link FriendFields} interface: an abstract method with no parameters.
 *
 * <p>The value is the field's keyword, what follows {@code Tag_SNS_Custom_} in the tag: 1 to 8 English letters,
 * for example {@code "Guild"} for {@code Tag_SNS_Custom_Guild}. The full tag is accepted too.
 *
 * <p>Return types: {@code String} (a string value, at most 500 UTF-8 bytes); {@code int}, {@code long},
 * {@code Integer}, {@code Long} (an integer value); an enum (sent as its {@code name()}). A primitive return type
 * makes the field required; a reference type makes it optional, and an absent value is not sent.
 *
 * <p>The field must also exist, with the same type, in the Chat console of the app.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CustomField {
    /**
     * The keyword ({@code "Guild"}) or the full tag ({@code "Tag_SNS_Custom_Guild"}).
     *
     * @return the field's keyword ({@code "Guild"}) or full tag ({@code "Tag_SNS_Custom_Guild"})
     */
    String value();
}
