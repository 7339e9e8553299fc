package io.timport.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import io.timport.wire.AddFriendItem;
import java.io.IOException;

/** A hand-written {@link AddFriendItem}, standing in for a generated one. */
public final class TestItem implements AddFriendItem {
    private final String toAccount;
    private final String remark;

    public TestItem(String toAccount, String remark) {
        this.toAccount = toAccount;
        this.remark = remark;
    }

    public TestItem(String toAccount) {
        this(toAccount, null);
    }

    @Override
    public String toAccount() {
        return toAccount;
    }

    @Override
    public void writeFields(JsonGenerator json) throws IOException {
        json.writeStringField("To_Account", toAccount);
        if (remark != null) {
            json.writeStringField("Remark", remark);
        }
        json.writeStringField("AddSource", "AddSource_Type_Test");
    }
}
