package io.prmos.metadata.check;

import io.prmos.metadata.naming.Names;
import java.util.Optional;

/** Whether a name may become a SQL identifier; each method returns the problem message, if any. */
final class NameRules {

    static final int MAX_IDENTIFIER_LENGTH = 63;

    private NameRules() {
    }

    /** Module, field, dictionary, index names and dictionary codes. */
    static Optional<String> identifier(String name, String what) {
        if (name.length() > MAX_IDENTIFIER_LENGTH) {
            return Optional.of("'" + name + "' is longer than " + MAX_IDENTIFIER_LENGTH + " characters");
        }
        if (!Names.isIdentifier(name)) {
            return Optional.of("'" + name + "' is not a valid " + what
                    + ": use lowercase letters, digits and underscores, starting with a letter");
        }
        if (Names.isReservedWord(name)) {
            return Optional.of("'" + name + "' is a reserved SQL word; choose another name");
        }
        return Optional.empty();
    }

    static Optional<String> fieldName(String name) {
        if (Names.isSystemColumn(name)) {
            return Optional.of("'" + name + "' is a system column every entity has");
        }
        return identifier(name, "field name");
    }

    /** Entity names are PascalCase or snake_case, and their table name must be an identifier. */
    static Optional<String> entityName(String name) {
        if (name.length() > MAX_IDENTIFIER_LENGTH) {
            return Optional.of("'" + name + "' is longer than " + MAX_IDENTIFIER_LENGTH + " characters");
        }
        if (!Names.ENTITY.matcher(name).matches()) {
            return Optional.of("'" + name + "' is not a valid entity name: use PascalCase (PartnerTier) or snake_case");
        }
        String table = Names.snakeCase(name);
        if (!Names.isIdentifier(table)) {
            return Optional.of("entity '" + name + "' maps to table '" + table + "', which is not a valid identifier");
        }
        if (Names.isReservedWord(table)) {
            return Optional.of("entity '" + name + "' maps to table '" + table
                    + "', a reserved SQL word; choose another name");
        }
        return Optional.empty();
    }
}
