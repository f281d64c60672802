package io.github.camelclaid.client;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request that breaks Claid's schema, found before anything was sent: no HTTP call was made and no credit spent.
 * The message names every offending field and what it must be. Its reason is {@link Reason#REQUEST_INVALID}.
 */
public class ClaidRequestInvalidException extends ClaidException {

    private static final long serialVersionUID = 1L;

    private final String schemaName;
    private final List<SchemaViolation> violations;

    public ClaidRequestInvalidException(String what, String schemaName, List<SchemaViolation> violations) {
        super(Builder.withMessage(Reason.REQUEST_INVALID, "Invalid Claid " + what + " request (" + schemaName + "): "
                + listed(violations) + ". Fix these fields; nothing was sent to Claid.", listed(violations)), null);
        this.schemaName = schemaName;
        this.violations = List.copyOf(violations);
    }

    private static String listed(List<SchemaViolation> violations) {
        return violations.stream().map(SchemaViolation::toString).collect(Collectors.joining("; "));
    }

    /** The Claid schema the request was checked against. */
    public String getSchemaName() {
        return schemaName;
    }

    public List<SchemaViolation> getViolations() {
        return violations;
    }
}
