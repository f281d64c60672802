package io.github.camelclaid.ledger;

import java.util.Objects;

import io.github.camelclaid.client.model.TaskKind;

/**
 * Names one Claid task. Ids are only unique within a kind (each kind has its own status path), so the kind is part of
 * the key. The text form {@code EDIT_ASYNC/123} is what ledgers store and logs show.
 */
public record TaskKey(TaskKind kind, long id) {

    public TaskKey {
        Objects.requireNonNull(kind, "kind");
    }

    public static TaskKey parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("Not a task key (KIND/id): " + text);
        }
        return new TaskKey(TaskKind.valueOf(text.substring(0, slash)), Long.parseLong(text.substring(slash + 1)));
    }

    @Override
    public String toString() {
        return kind.name() + "/" + id;
    }
}
