package io.timport.call;

import com.fasterxml.jackson.core.JsonFactory;
import io.timport.wire.AddFriendItem;
import io.timport.wire.WireWriter;
import java.util.List;

/**
 * Benchmark access to the client's package-private request writer, so that {@code SerializeRequest} measures the
 * exact code every {@link FriendImportClient} call runs to make its body, not a copy of it.
 */
public final class RequestBodies {

    private static final JsonFactory JSON = WireWriter.jsonFactory();

    private RequestBodies() {
    }

    /** {@code {"From_Account":…,"AddFriendItem":[…]}} in UTF-8, as {@link FriendImportClient} writes it. */
    public static byte[] write(String fromAccount, List<? extends AddFriendItem> items) {
        return RequestWriter.body(JSON, fromAccount, items);
    }
}
