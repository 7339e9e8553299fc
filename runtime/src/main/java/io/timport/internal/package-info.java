/**
 * Support for code the timport processor generates. <b>Not API</b>: nothing here is meant to be called by hand, and
 * any of it may change in any release without notice (as {@code dagger.internal} for Dagger).
 *
 * <p>Generated {@code XItem} classes call, besides the public API of {@code io.timport.wire}:
 * <ul>
 * <li>{@link io.timport.internal.ItemBuilding} from their builders: the copy of {@code GroupName} (repeats
 *     dropped) and the checks of custom integer fields;
 * <li>{@link io.timport.internal.WireItemReader} from {@code fromWire(Map)}: one {@code AddFriendItem} of the
 *     wire format, every problem recorded;
 * <li>{@link io.timport.internal.FriendGetReader} from {@code readBack(String, Map)}: one friend of a
 *     {@code friend_get} answer, every problem recorded;
 * <li>{@link io.timport.internal.FieldComparison} from {@code differences(XItem, ReadBack)}: an expected item
 *     against a read-back one, field by field.
 * </ul>
 *
 * <p>The processor names each of these members in one place ({@code io.timport.processor.runtime.RuntimeContract}),
 * and a test of the processor checks every one of them against this package, so that the two cannot drift apart.
 * The processor and the runtime of one timport release go together.
 */
package io.timport.internal;
