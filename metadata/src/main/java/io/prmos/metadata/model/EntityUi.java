package io.prmos.metadata.model;

import java.util.List;

/** UI hints of one entity: list columns, default sort and form sections. Empty lists mean "derive a default". */
public record EntityUi(List<String> listColumns, List<String> defaultSort, List<FormSection> formSections) {

    public static final EntityUi NONE = new EntityUi(List.of(), List.of(), List.of());

    public record FormSection(String label, List<String> fields) {
    }
}
