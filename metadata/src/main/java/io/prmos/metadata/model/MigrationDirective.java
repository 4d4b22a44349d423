package io.prmos.metadata.model;

/**
 * An explicit instruction in a manifest for publishing over an installed version. Today only drops
 * exist: each acknowledges that removing something deletes stored data ({@code allowDataLoss: true}
 * is required by the schema, so it is not kept here). Drops name things as the installed version
 * calls them; a field of a renamed entity may be named under either entity name.
 */
public sealed interface MigrationDirective {

    /** Acknowledges removing an entity and its table. */
    record DropEntity(String entity) implements MigrationDirective {
    }

    /** Acknowledges removing one field (its column or columns). */
    record DropField(String entity, String field) implements MigrationDirective {
    }

    /** Acknowledges removing a whole dictionary. */
    record DropDictionary(String dictionary) implements MigrationDirective {
    }

    /** Acknowledges removing one code from a dictionary; records holding that code lose the value. */
    record DropDictionaryValue(String dictionary, String value) implements MigrationDirective {
    }
}
