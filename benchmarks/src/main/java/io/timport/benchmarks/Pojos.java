package io.timport.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.timport.wire.CustomItem;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code friend_import} request as today's Java clients model it: plain mutable classes with getters, setters and
 * Jackson annotations, written with {@code ObjectMapper}. Used by {@link SerializeRequest} as baseline (a), and by
 * the hand-written streaming code (b), which reads the same objects.
 */
final class Pojos {

    private Pojos() {
    }

    /** The request body. */
    @JsonPropertyOrder({"From_Account", "AddFriendItem"})
    public static final class Request {
        private String fromAccount;
        private List<Friend> addFriendItem;

        @JsonProperty("From_Account")
        public String getFromAccount() {
            return fromAccount;
        }

        public void setFromAccount(String fromAccount) {
            this.fromAccount = fromAccount;
        }

        @JsonProperty("AddFriendItem")
        public List<Friend> getAddFriendItem() {
            return addFriendItem;
        }

        public void setAddFriendItem(List<Friend> addFriendItem) {
            this.addFriendItem = addFriendItem;
        }
    }

    /** One {@code AddFriendItem} element; absent fields are null (or empty lists) and left out. */
    @JsonPropertyOrder({"To_Account", "Remark", "RemarkTime", "GroupName", "AddSource", "AddWording", "AddTime",
            "CustomItem"})
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public static final class Friend {
        private String toAccount;
        private String remark;
        private Long remarkTime;
        private List<String> groupName;
        private String addSource;
        private String addWording;
        private Long addTime;
        private List<Custom> customItem;

        @JsonProperty("To_Account")
        public String getToAccount() {
            return toAccount;
        }

        public void setToAccount(String toAccount) {
            this.toAccount = toAccount;
        }

        @JsonProperty("Remark")
        public String getRemark() {
            return remark;
        }

        public void setRemark(String remark) {
            this.remark = remark;
        }

        @JsonProperty("RemarkTime")
        public Long getRemarkTime() {
            return remarkTime;
        }

        public void setRemarkTime(Long remarkTime) {
            this.remarkTime = remarkTime;
        }

        @JsonProperty("GroupName")
        public List<String> getGroupName() {
            return groupName;
        }

        public void setGroupName(List<String> groupName) {
            this.groupName = groupName;
        }

        @JsonProperty("AddSource")
        public String getAddSource() {
            return addSource;
        }

        public void setAddSource(String addSource) {
            this.addSource = addSource;
        }

        @JsonProperty("AddWording")
        public String getAddWording() {
            return addWording;
        }

        public void setAddWording(String addWording) {
            this.addWording = addWording;
        }

        @JsonProperty("AddTime")
        public Long getAddTime() {
            return addTime;
        }

        public void setAddTime(Long addTime) {
            this.addTime = addTime;
        }

        @JsonProperty("CustomItem")
        public List<Custom> getCustomItem() {
            return customItem;
        }

        public void setCustomItem(List<Custom> customItem) {
            this.customItem = customItem;
        }
    }

    /** One {@code CustomItem} element: its value is a String or a Long. */
    @JsonPropertyOrder({"Tag", "Value"})
    public static final class Custom {
        private String tag;
        private Object value;

        @JsonProperty("Tag")
        public String getTag() {
            return tag;
        }

        public void setTag(String tag) {
            this.tag = tag;
        }

        @JsonProperty("Value")
        public Object getValue() {
            return value;
        }

        public void setValue(Object value) {
            this.value = value;
        }
    }

    /** The same request as POJOs: every field copied from the generated items. */
    static Request of(String fromAccount, List<BenchFriendItem> items) {
        List<Friend> friends = new ArrayList<>(items.size());
        for (BenchFriendItem item : items) {
            Friend f = new Friend();
            f.setToAccount(item.toAccount());
            f.setRemark(item.remark());
            f.setRemarkTime(item.remarkTime());
            f.setGroupName(new ArrayList<>(item.groupNames()));
            f.setAddSource(item.addSource());
            f.setAddWording(item.addWording());
            f.setAddTime(item.addTime());
            List<Custom> custom = new ArrayList<>();
            for (CustomItem c : item.customItems()) {
                Custom x = new Custom();
                x.setTag(c.tag());
                x.setValue(c.value());
                custom.add(x);
            }
            f.setCustomItem(custom);
            friends.add(f);
        }
        Request r = new Request();
        r.setFromAccount(fromAccount);
        r.setAddFriendItem(friends);
        return r;
    }
}
