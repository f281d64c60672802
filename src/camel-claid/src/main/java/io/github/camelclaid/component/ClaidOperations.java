package io.github.camelclaid.component;

import io.github.camelclaid.client.model.TaskKind;

/**
 * The operations of the {@code claid:} component; the names are the URI path and header values. {@code tasks} and
 * {@code webhook} are consumers, all others producers.
 */
public enum ClaidOperations {
    edit(null),
    editAsync(TaskKind.EDIT_ASYNC),
    editBatch(TaskKind.EDIT_BATCH),
    aiEdit(TaskKind.AI_EDIT),
    fashionModels(TaskKind.FASHION_MODELS),
    generate(null),
    createScene(null),
    generateVideo(TaskKind.GENERATE_VIDEO),
    getTask(null),
    listStorageTypes(null),
    listStorages(null),
    getStorage(null),
    createStorage(null),
    updateStorage(null),
    deleteStorage(null),
    /** Consumer: reports the tasks in the ledger as they finish, by polling their status. */
    tasks(null),
    /** Consumer: reports tasks as Claid's webhook notifications arrive. */
    webhook(null);

    private final TaskKind submits;

    ClaidOperations(TaskKind submits) {
        this.submits = submits;
    }

    /** The kind of async task this operation submits; null for synchronous operations. */
    public TaskKind submits() {
        return submits;
    }

    public boolean isConsumer() {
        return this == tasks || this == webhook;
    }

    /** The operation that submits tasks of this kind, whose name is the kind's name in headers and options. */
    public static ClaidOperations submitting(TaskKind kind) {
        for (ClaidOperations op : values()) {
            if (op.submits == kind) {
                return op;
            }
        }
        throw new IllegalArgumentException("No operation submits " + kind);
    }

    /** Parses an operation name as written in a URI or header, with a message listing the valid ones. */
    public static ClaidOperations parse(String name) {
        for (ClaidOperations op : values()) {
            if (op.name().equalsIgnoreCase(name.trim())) {
                return op;
            }
        }
        throw new IllegalArgumentException("Unknown Claid operation '" + name + "'. Use one of: "
                + java.util.Arrays.toString(values()));
    }
}
