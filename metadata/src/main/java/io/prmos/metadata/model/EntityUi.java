package io.prmos.metadata.model;

import java.util.List;

/**
 * UI hints of one entity. Empty lists mean "derive a default".
 *
 * @param listColumns      columns of the list page
 * @param defaultSort      sort keys of the list page, {@code -} for descending
 * @param formSections     sections of the create/edit form
 * @param listFilters      fields the list page offers in its filter builder
 * @param listSearchFields text fields the list page's quick search and quick find look in
 * @param detailSections   sections of the detail page
 */
public record EntityUi(List<String> listColumns, List<String> defaultSort, List<FormSection> formSections,
                       List<String> listFilters, List<String> listSearchFields, List<FormSection> detailSections) {

    public static final EntityUi NONE = new EntityUi(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    /** A labelled group of fields on a form or a detail page. */
    public record FormSection(String label, List<String> fields) {
    }
}
