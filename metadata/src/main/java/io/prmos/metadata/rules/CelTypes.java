package io.prmos.metadata.rules;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import io.prmos.metadata.model.FieldType;
import java.util.Optional;

/**
 * How field types appear in CEL: numbers of integer types are {@code int}, decimals {@code double},
 * money a struct {@code prm.Money{amount: double, currency: string}}, multi-dictionaries
 * {@code list(string)}, JSON {@code dyn}, everything else (text, dates, ids, dictionary codes)
 * {@code string}. An empty field reads as its type's zero value.
 */
public final class CelTypes {

    public static final StructType MONEY = StructType.create("prm.Money", ImmutableSet.of("amount", "currency"),
            field -> switch (field) {
                case "amount" -> Optional.of(SimpleType.DOUBLE);
                case "currency" -> Optional.of(SimpleType.STRING);
                default -> Optional.empty();
            });

    static final CelTypeProvider PROVIDER = new CelTypeProvider() {
        @Override
        public ImmutableList<CelType> types() {
            return ImmutableList.of(MONEY);
        }

        @Override
        public Optional<CelType> findType(String typeName) {
            return MONEY.name().equals(typeName) ? Optional.of(MONEY) : Optional.empty();
        }
    };

    private CelTypes() {
    }

    public static CelType of(FieldType type) {
        if (type instanceof FieldType.IntegerType || type instanceof FieldType.BigIntType) {
            return SimpleType.INT;
        }
        if (type instanceof FieldType.DecimalType) {
            return SimpleType.DOUBLE;
        }
        if (type instanceof FieldType.Money) {
            return MONEY;
        }
        if (type instanceof FieldType.BooleanType) {
            return SimpleType.BOOL;
        }
        if (type instanceof FieldType.MultiDictionary) {
            return ListType.create(SimpleType.STRING);
        }
        if (type instanceof FieldType.Json) {
            return SimpleType.DYN;
        }
        return SimpleType.STRING;
    }

    /** The CEL type a formula of this field type must produce; empty when the type cannot be a formula. */
    public static Optional<CelType> formulaResult(FieldType type) {
        if (type instanceof FieldType.Money || type instanceof FieldType.Json || type instanceof FieldType.MultiDictionary
                || type instanceof FieldType.Reference || type instanceof FieldType.Dictionary) {
            return Optional.empty();
        }
        return Optional.of(of(type));
    }
}
