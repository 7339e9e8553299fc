/**
 * The item contract and the rules of {@code friend_import}: what a generated item is
 * ({@link io.timport.wire.AddFriendItem}, described to generic code by {@link io.timport.wire.ItemType}), every rule
 * an item is checked by ({@link io.timport.wire.FriendImportRules}: UTF-8 byte lengths, UserIDs, tags), how a broken
 * rule is reported ({@link io.timport.wire.InvalidItemException}, {@link io.timport.wire.Violation}), the exact wire
 * JSON ({@link io.timport.wire.WireWriter}, {@link io.timport.wire.JsonValues}), and a friend read back with
 * {@code friend_get} ({@link io.timport.wire.ReadBack}, {@link io.timport.wire.FieldDifference}).
 */
package io.timport.wire;
