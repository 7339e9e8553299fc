/**
 * The calls to Tencent Cloud Chat's REST API, through one signed transport: {@link io.timport.call.ChatClient} owns
 * it (one HTTP client, one UserSig cache, one rate limiter per API) and hands out the typed clients:
 * {@link io.timport.call.FriendImportClient} ({@code friend_import}), {@link io.timport.call.AccountClient}
 * ({@code account_check}, {@code multiaccount_import}, {@code account_import}) and
 * {@link io.timport.call.FriendReadClient} ({@code friend_get}, {@code friend_check}). Every API's facts (path, items
 * per call, documented rate) are in {@link io.timport.call.ChatApi}. An answer is a {@link io.timport.call.ChatAnswer}
 * (also when it reports a failure); no usable answer is a {@link io.timport.call.TransportException}. Both carry the
 * call's {@code random}, the number Tencent's support asks for.
 */
package io.timport.call;
