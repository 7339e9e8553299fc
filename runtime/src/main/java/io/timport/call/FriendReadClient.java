package io.timport.call;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.timport.call.Redaction.Redactor;
import io.timport.limit.RateLimiter;
import io.timport.wire.JsonValues;
import java.io.IOException;
import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The friend-reading APIs of a {@link ChatClient}: {@code friend_get} (a user's friends with their fields, page by
 * page) and {@code friend_check} (up to 1000 relations of one user a call), each through the client's signed
 * transport with its own rate limiter (200 calls/s each, {@link ChatApi#FRIEND_GET}, {@link ChatApi#FRIEND_CHECK}).
 * The proof after an import: read back what was written.
 *
 * <p>As {@link FriendImportClient}: the asynchronous methods take the (first) permit on the calling thread before
 * they return; a request-level failure is an answer, a missing or unusable answer a {@link TransportException};
 * arguments are checked before anything is sent. Log output: {@link System.Logger}
 * {@code io.timport.call.FriendReadClient}, DEBUG.
 */
public final class FriendReadClient {

    /**
     * The most pages {@link #getAllFriends} reads for one user before it calls the answers malformed (a user has at
     * most 3000 friends; a server that never says {@code CompleteFlag} 1 must not hold the caller for ever).
     */
    public static final int MAX_PAGES = 10_000;

    private static final Logger LOG = System.getLogger(FriendReadClient.class.getName());
    private static final String NAME = "FriendReadClient";

    private final ChatClient chat;
    private final Transport transport;

    FriendReadClient(ChatClient chat, Transport transport) {
        this.chat = chat;
        this.transport = transport;
    }

    /**
     * Reads one page of a user's friends: one {@code friend_get} call, on the calling thread.
     *
     * @param request whose friends, from which index, with which sequences (not null)
     * @return the page, including a request-level failure
     * @throws TransportException when no usable answer arrived within the request timeout
     * @throws InterruptedException when interrupted while waiting for a permit or the answer
     * @throws IllegalArgumentException when {@code From_Account} breaks the UserID rule
     * @throws IllegalStateException when the client is closed
     */
    public FriendGetPage getFriends(FriendGetRequest request) throws TransportException, InterruptedException {
        return transport.call(ChatApi.FRIEND_GET, NAME, pageBody(request), new PageAnswer(), LOG,
                () -> "From_Account " + request.fromAccount() + ", StartIndex " + request.startIndex());
    }

    /**
     * {@link #getFriends}, returning at once with the page to come (the permit is taken before it returns).
     *
     * @param request whose friends, from which index, with which sequences (not null)
     * @return the page to come, completed exceptionally with a {@link TransportException} when no usable answer arrived
     * @throws InterruptedException when interrupted while waiting for the permit (nothing was sent)
     */
    public CompletableFuture<FriendGetPage> getFriendsAsync(FriendGetRequest request) throws InterruptedException {
        return transport.send(ChatApi.FRIEND_GET, NAME, pageBody(request), new PageAnswer(), LOG,
                () -> "From_Account " + request.fromAccount() + ", StartIndex " + request.startIndex());
    }

    private byte[] pageBody(FriendGetRequest request) {
        transport.ensureOpen(NAME);
        java.util.Objects.requireNonNull(request, "request");
        Checks.userId("From_Account", request.fromAccount());
        return RequestWriter.friendGet(Transport.JSON, request);
    }

    /**
     * Reads all the friends of {@code fromAccount}: {@code friend_get} from index 0, following
     * {@code NextStartIndex} until {@code CompleteFlag} 1, one call per page, each paced by friend_get's limiter. A
     * page that answers a request-level failure ends the reading: the result holds the friends read so far, the
     * failure, and where to go on.
     *
     * @param fromAccount the user whose friends are read (1 to 32 bytes)
     * @return every friend read, with whether the list is complete and consistent
     * @throws TransportException when a page got no usable answer, or the pages do not advance (a page that is not
     *     the last with a {@code NextStartIndex} not beyond its start, or more than {@value #MAX_PAGES} pages)
     * @throws InterruptedException when interrupted while waiting for a permit or an answer
     * @throws IllegalArgumentException when {@code fromAccount} breaks the UserID rule
     * @throws IllegalStateException when the client is closed
     */
    public FriendList getAllFriends(String fromAccount) throws TransportException, InterruptedException {
        Paging paging = new Paging(fromAccount);
        long start = 0;
        FriendGetPage page = getFriends(FriendGetRequest.firstPage(fromAccount));
        FriendList done;
        while ((done = paging.add(page, start)) == null) {
            start = page.nextStartIndex();
            page = getFriends(FriendGetRequest.page(fromAccount, start));
        }
        return done;
    }

    /**
     * {@link #getAllFriends}, returning at once with the list to come. The first page's permit is taken on the
     * calling thread before this returns; each later page's on the thread that completed the page before it (the
     * client's executor), so do not give the client an executor with too few threads to wait on a limiter.
     * Cancelling the future abandons the page in flight.
     *
     * @param fromAccount the user whose friends are read (1 to 32 bytes)
     * @return the list to come, completed exceptionally with a {@link TransportException} as {@link #getAllFriends}
     *     throws it
     * @throws InterruptedException when interrupted while waiting for the first page's permit (nothing was sent)
     */
    public CompletableFuture<FriendList> getAllFriendsAsync(String fromAccount) throws InterruptedException {
        AsyncPaging paging = new AsyncPaging(fromAccount);
        paging.follow(getFriendsAsync(FriendGetRequest.firstPage(fromAccount)), 0);
        return paging.result;
    }

    /**
     * Checks the relations of {@code fromAccount} with each of {@code toAccounts}: one {@code friend_check} call, on
     * the calling thread.
     *
     * @param toAccounts 1 to 1000 UserIDs
     * @param type {@link FriendCheckType#SINGLE} (is each in fromAccount's list) or {@link FriendCheckType#BOTH}
     * @param fromAccount the user whose friend list is checked (1 to 32 bytes)
     * @return the server's answer: one item per To_Account, or a request-level failure
     * @throws TransportException when no usable answer arrived within the request timeout
     * @throws InterruptedException when interrupted while waiting for a permit or the answer
     * @throws IllegalArgumentException when the arguments break a rule
     * @throws IllegalStateException when the client is closed
     */
    public FriendCheckResponse checkFriends(String fromAccount, List<String> toAccounts, FriendCheckType type)
            throws TransportException, InterruptedException {
        return transport.call(ChatApi.FRIEND_CHECK, NAME, checkBody(fromAccount, toAccounts, type), new CheckAnswer(),
                LOG, () -> toAccounts.size() + " To_Accounts, From_Account " + fromAccount + ", " + type.wireName());
    }

    /**
     * {@link #checkFriends}, returning at once with the answer to come (the permit is taken before it returns).
     *
     * @param fromAccount the user whose friend list is checked (1 to 32 bytes)
     * @param toAccounts 1 to 1000 UserIDs
     * @param type {@link FriendCheckType#SINGLE} or {@link FriendCheckType#BOTH}
     * @return the answer to come, completed exceptionally with a {@link TransportException} when no usable answer
     *     arrived
     * @throws InterruptedException when interrupted while waiting for the permit (nothing was sent)
     */
    public CompletableFuture<FriendCheckResponse> checkFriendsAsync(String fromAccount, List<String> toAccounts,
            FriendCheckType type) throws InterruptedException {
        return transport.send(ChatApi.FRIEND_CHECK, NAME, checkBody(fromAccount, toAccounts, type), new CheckAnswer(),
                LOG, () -> toAccounts.size() + " To_Accounts, From_Account " + fromAccount + ", " + type.wireName());
    }

    private byte[] checkBody(String fromAccount, List<String> toAccounts, FriendCheckType type) {
        transport.ensureOpen(NAME);
        Checks.userId("From_Account", fromAccount);
        Checks.items(ChatApi.FRIEND_CHECK, "To_Account", toAccounts);
        for (String toAccount : toAccounts) {
            Checks.userId("To_Account", toAccount);
        }
        java.util.Objects.requireNonNull(type, "type");
        return RequestWriter.friendCheck(Transport.JSON, fromAccount, toAccounts, type);
    }

    /**
     * The limiter the calls of {@code api} take their permits from.
     *
     * @param api {@link ChatApi#FRIEND_GET} or {@link ChatApi#FRIEND_CHECK}
     * @return the limiter shared with the other clients of the same {@link ChatClient}, never null
     */
    public RateLimiter rateLimiter(ChatApi api) {
        return chat.rateLimiter(api);
    }

    /**
     * The {@link ChatClient} this client belongs to.
     *
     * @return the owning client, never null
     */
    public ChatClient chatClient() {
        return chat;
    }

    /** Shows the app (key redacted) and the limiters; never a UserSig. */
    @Override
    public String toString() {
        return "FriendReadClient[" + chat.app() + ", friend_get=" + rateLimiter(ChatApi.FRIEND_GET) + ", friend_check="
                + rateLimiter(ChatApi.FRIEND_CHECK) + "]";
    }

    /** The pages of one user, read one after the other: what they add up to, and when they end. */
    private static final class Paging {
        final String fromAccount;
        final List<Friend> friends = new ArrayList<>();
        final List<Long> randoms = new ArrayList<>();
        long standardSequence = -1;
        long customSequence = -1;
        boolean consistent = true;

        Paging(String fromAccount) {
            this.fromAccount = fromAccount;
        }

        /**
         * Adds {@code page}, which started at {@code startIndex}: the list when it is the last (or a request-level
         * failure), null when the next page is to be read (from its {@code NextStartIndex}).
         *
         * @throws TransportException when the pages do not advance
         */
        FriendList add(FriendGetPage page, long startIndex) throws TransportException {
            randoms.add(page.random());
            if (!page.isRequestOk()) {
                return list(page, false, startIndex);
            }
            friends.addAll(page.friends());
            if (randoms.size() == 1) {
                standardSequence = page.standardSequence();
                customSequence = page.customSequence();
            } else if (page.standardSequence() != standardSequence || page.customSequence() != customSequence) {
                consistent = false;
            }
            if (page.isComplete()) {
                return list(page, true, -1);
            }
            long next = page.nextStartIndex();
            if (next <= startIndex || randoms.size() >= MAX_PAGES) {
                String why = next <= startIndex
                        ? "CompleteFlag " + page.completeFlag() + " with NextStartIndex " + next
                                + " not beyond the page's StartIndex " + startIndex
                        : "more than " + MAX_PAGES + " pages without CompleteFlag 1";
                throw new TransportException(TransportException.Kind.MALFORMED_BODY, "friend_get for From_Account "
                        + fromAccount + " answered " + why + " (random " + page.random() + "): the pages do not end",
                        200, "", page.random(), null);
            }
            return null;
        }

        private FriendList list(FriendGetPage last, boolean complete, long nextStartIndex) {
            return new FriendList(fromAccount, last.actionStatus(), last.errorCode(), last.errorInfo(),
                    last.errorDisplay(), friends, standardSequence, customSequence, last.friendNum(), complete,
                    consistent, nextStartIndex, randoms);
        }
    }

    /** The pages of one user, each asked for when the one before it has come. */
    private final class AsyncPaging {
        final Paging paging;
        final CompletableFuture<FriendList> result = new CompletableFuture<>();
        volatile CompletableFuture<FriendGetPage> inFlight;

        AsyncPaging(String fromAccount) {
            this.paging = new Paging(fromAccount);
            result.whenComplete((list, error) -> {
                CompletableFuture<FriendGetPage> page = inFlight;
                if (result.isCancelled() && page != null) {
                    page.cancel(true);
                }
            });
        }

        /** Goes on from {@code page}, which starts at {@code startIndex}. */
        void follow(CompletableFuture<FriendGetPage> page, long startIndex) {
            inFlight = page;
            page.whenComplete((answer, error) -> {
                if (error != null) {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    result.completeExceptionally(cause);
                    return;
                }
                try {
                    FriendList done = paging.add(answer, startIndex);
                    if (done != null) {
                        result.complete(done);
                    } else if (!result.isDone()) { // not cancelled meanwhile
                        long next = answer.nextStartIndex();
                        follow(getFriendsAsync(FriendGetRequest.page(paging.fromAccount, next)), next);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    result.completeExceptionally(e);
                } catch (TransportException | RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        }
    }

    /** Reads friend_get's own fields. */
    private static final class PageAnswer implements AnswerParser.Reader<FriendGetPage> {
        private List<Friend> friends = List.of();
        private long standardSequence = -1;
        private long customSequence = -1;
        private long friendNum = -1;
        private int completeFlag = -1;
        private long nextStartIndex = -1;

        @Override
        public boolean field(String name, JsonParser p, Redactor redactor) throws IOException {
            switch (name) {
                case "UserDataItem" -> friends = friends(p, redactor);
                case "StandardSequence" -> standardSequence = orMinusOne(AnswerParser.count(p, name));
                case "CustomSequence" -> customSequence = orMinusOne(AnswerParser.count(p, name));
                case "FriendNum" -> friendNum = orMinusOne(AnswerParser.count(p, name));
                case "CompleteFlag" -> {
                    Integer flag = AnswerParser.integer(p, name);
                    completeFlag = flag == null ? -1 : flag;
                }
                case "NextStartIndex" -> nextStartIndex = orMinusOne(AnswerParser.count(p, name));
                default -> {
                    return false;
                }
            }
            return true;
        }

        private static long orMinusOne(Long value) {
            return value == null ? -1 : value;
        }

        @Override
        public FriendGetPage answer(AnswerParser.Envelope e, long random) {
            return new FriendGetPage(e.actionStatus(), e.errorCode(), e.errorInfo(), e.errorDisplay(), friends,
                    standardSequence, customSequence, friendNum, completeFlag, nextStartIndex, random);
        }

        @Override
        public String summary(FriendGetPage a) {
            return "ActionStatus " + a.actionStatus() + ", ErrorCode " + a.errorCode() + ", " + a.friends().size()
                    + " friends, CompleteFlag " + a.completeFlag() + ", NextStartIndex " + a.nextStartIndex();
        }

        /**
         * {@code UserDataItem}: each element {@code {"To_Account":…,"ValueItem":[{"Tag":…,"Value":…},…]}}. Values are
         * read by {@link JsonValues}; strings in them are redacted like every string of an answer. A ValueItem without
         * a string Tag, or a Tag repeated in one friend, makes the answer malformed: guessing would hide data.
         */
        private static List<Friend> friends(JsonParser p, Redactor redactor) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                p.skipChildren();
                return List.of();
            }
            List<Friend> read = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                String toAccount = "";
                Map<String, Object> values = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("To_Account")) {
                        toAccount = AnswerParser.text(p, redactor);
                    } else if (field.equals("ValueItem") && p.currentToken() == JsonToken.START_ARRAY) {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (p.currentToken() != JsonToken.START_OBJECT) {
                                p.skipChildren();
                                continue;
                            }
                            Map<String, Object> item = JsonValues.readObject(p);
                            if (!(item.get("Tag") instanceof String tag)) {
                                throw new IOException("a ValueItem of To_Account " + toAccount
                                        + " has no string Tag");
                            }
                            String key = redactor.redact(tag);
                            if (values.containsKey(key)) {
                                throw new IOException("To_Account " + toAccount + " has the Tag " + key + " twice");
                            }
                            values.put(key, redacted(item.get("Value"), redactor));
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                read.add(new Friend(toAccount, values));
            }
            return read;
        }

        /** {@code value} with every string in it redacted (the same objects when there is nothing to hide). */
        private static Object redacted(Object value, Redactor redactor) {
            if (value instanceof String s) {
                return redactor.redact(s);
            }
            if (value instanceof List<?> list) {
                List<Object> out = new ArrayList<>(list.size());
                for (Object o : list) {
                    out.add(redacted(o, redactor));
                }
                return out;
            }
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    out.put(redactor.redact((String) e.getKey()), redacted(e.getValue(), redactor));
                }
                return out;
            }
            return value;
        }
    }

    /** Reads friend_check's own fields: {@code InfoItem}, {@code Fail_Account}. */
    private static final class CheckAnswer implements AnswerParser.Reader<FriendCheckResponse> {
        private List<FriendCheckItem> items = List.of();
        private List<String> failAccounts = List.of();

        @Override
        public boolean field(String name, JsonParser p, Redactor redactor) throws IOException {
            switch (name) {
                case "InfoItem" -> items = infoItems(p, redactor);
                case "Fail_Account" -> failAccounts = AnswerParser.strings(p, redactor);
                default -> {
                    return false;
                }
            }
            return true;
        }

        private static List<FriendCheckItem> infoItems(JsonParser p, Redactor redactor) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                p.skipChildren();
                return List.of();
            }
            List<FriendCheckItem> read = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    p.skipChildren();
                    continue;
                }
                String toAccount = "";
                String relation = "";
                Integer code = null;
                String info = "";
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "To_Account" -> toAccount = AnswerParser.text(p, redactor);
                        case "Relation" -> relation = AnswerParser.text(p, redactor);
                        case "ResultCode" -> code = AnswerParser.integer(p, "ResultCode");
                        case "ResultInfo" -> info = AnswerParser.text(p, redactor);
                        default -> p.skipChildren();
                    }
                }
                read.add(new FriendCheckItem(toAccount, FriendRelation.of(relation), code == null ? -1 : code, info));
            }
            return read;
        }

        @Override
        public FriendCheckResponse answer(AnswerParser.Envelope e, long random) {
            return new FriendCheckResponse(e.actionStatus(), e.errorCode(), e.errorInfo(), e.errorDisplay(), items,
                    failAccounts, random);
        }

        @Override
        public String summary(FriendCheckResponse a) {
            return "ActionStatus " + a.actionStatus() + ", ErrorCode " + a.errorCode() + ", " + a.infoItems().size()
                    + " results, " + a.failAccounts().size() + " failed";
        }
    }
}
