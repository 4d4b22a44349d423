package io.prmos.metadata.diff;

import io.prmos.metadata.model.MigrationDirective;
import java.util.List;

/** The drop directives of a candidate manifest, asked whether they cover a removal. */
final class Directives {

    private final List<MigrationDirective> migrations;

    Directives(List<MigrationDirective> migrations) {
        this.migrations = migrations;
    }

    boolean dropsEntity(String entity) {
        return migrations.contains(new MigrationDirective.DropEntity(entity));
    }

    /** A field of a renamed entity may be named under its installed or its new entity name. */
    boolean dropsField(String installedEntity, String candidateEntity, String field) {
        return migrations.contains(new MigrationDirective.DropField(installedEntity, field))
                || migrations.contains(new MigrationDirective.DropField(candidateEntity, field));
    }

    boolean dropsDictionary(String dictionary) {
        return migrations.contains(new MigrationDirective.DropDictionary(dictionary));
    }

    boolean dropsValue(String dictionary, String value) {
        return migrations.contains(new MigrationDirective.DropDictionaryValue(dictionary, value));
    }

    static String dropEntity(String entity) {
        return directive("entity: " + entity);
    }

    static String dropField(String entity, String field) {
        return directive("entity: " + entity + ", field: " + field);
    }

    static String dropDictionary(String dictionary) {
        return directive("dictionary: " + dictionary);
    }

    static String dropValue(String dictionary, String value) {
        return directive("dictionary: " + dictionary + ", value: " + value);
    }

    private static String directive(String names) {
        return "add `migrations: [{drop: {" + names + ", allowDataLoss: true}}]` and bump the major version";
    }
}
