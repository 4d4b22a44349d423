package io.prmos.metadata.diff;

/**
 * One difference between the installed and the candidate manifest.
 *
 * @param target       what changed, named as in the candidate: {@code Partner}, {@code Partner.rating},
 *                     {@code partner_tier.bronze}, {@code Partner.indexes.partner_code_key}, {@code roles.sales_rep}
 * @param acknowledged an explicit statement in the candidate covers it: a {@code renamedFrom} or a drop directive
 */
public record Change(ChangeKind kind, String target, ChangeClass classification, String description, boolean acknowledged) {

    /** {@code KIND target CLASS [acknowledged]}: the form used in dry runs and golden files. */
    public String summary() {
        return kind + " " + target + " " + classification + (acknowledged ? " acknowledged" : "");
    }
}
