/**
 * The annotation processor: for each {@code @FriendFields} interface it reads an immutable model, checks it, and
 * writes the item and the importer, or nothing for an interface with errors. Not API: it belongs on the compiler's
 * processor path only (JavaPoet is relocated inside its jar).
 */
package io.timport.processor;
