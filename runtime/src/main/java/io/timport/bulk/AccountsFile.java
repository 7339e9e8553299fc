package io.timport.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.timport.call.AccountItem;
import io.timport.wire.FriendImportRules;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An accounts file: JSONL, one account a line, {@code {"UserID":"u1","Nick":"Ann","FaceUrl":"https://…"}} (Nick and
 * FaceUrl optional), the fields as multiaccount_import spells them. Blank lines are skipped. A line that is not such
 * an object stops the run before anything is sent, naming the file, the line and the problem.
 */
final class AccountsFile {

    private static final JsonFactory JSON = new JsonFactory();

    private AccountsFile() {
    }

    /** The accounts of {@code file}, read lazily; the reader is closed at the end. */
    static Iterator<AccountItem> read(Path file) throws IOException {
        BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        return new Iterator<>() {
            private AccountItem next;
            private int lineNo;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next != null) {
                    return true;
                }
                if (done) {
                    return false;
                }
                try {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        lineNo++;
                        if (!line.isBlank()) {
                            next = parse(file.getFileName() + ":" + lineNo, line);
                            return true;
                        }
                    }
                    done = true;
                    reader.close();
                    return false;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the accounts file " + file + ": " + e.getMessage(), e);
                }
            }

            @Override
            public AccountItem next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                AccountItem a = next;
                next = null;
                return a;
            }
        };
    }

    /** One line as an account. */
    static AccountItem parse(String where, String line) {
        String userId = null;
        String nick = null;
        String face = null;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw bad(where, "is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!field.equals("UserID") && !field.equals("Nick") && !field.equals("FaceUrl")) {
                    throw bad(where, "has the field \"" + field + "\"; an account has UserID, Nick and FaceUrl");
                }
                if (value != JsonToken.VALUE_STRING) {
                    throw bad(where, field + " must be a string, was " + p.getText());
                }
                switch (field) {
                    case "UserID" -> userId = p.getText();
                    case "Nick" -> nick = p.getText();
                    default -> face = p.getText();
                }
            }
            if (p.nextToken() != null) {
                throw bad(where, "holds more than one JSON value");
            }
        } catch (JsonProcessingException e) {
            throw bad(where, "is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String problem = FriendImportRules.userIdProblem("UserID", userId);
        if (problem != null) {
            throw bad(where, problem);
        }
        return new AccountItem(userId, nick, face);
    }

    private static IllegalArgumentException bad(String where, String problem) {
        return new IllegalArgumentException("accounts file " + where + ": the line " + problem);
    }
}
