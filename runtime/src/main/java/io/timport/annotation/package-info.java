/**
 * The annotations your code compiles against: {@link io.timport.annotation.FriendFields} on an interface that
 * describes your app's custom friend fields, and {@link io.timport.annotation.CustomField} on each of its methods.
 * The timport processor (on the compiler's processor path) turns such an interface {@code X} into the validated item
 * {@code XItem} and the typed importer {@code XImporter}; see the guide's "Custom friend fields".
 */
package io.timport.annotation;
