package io.prmos.metadata.diff;

import io.prmos.metadata.model.FieldType;

/**
 * Whether a column of one field type can take every value of another without loss. Only the
 * conversions PostgreSQL performs losslessly in place count as widening; everything else narrows.
 */
final class TypeChange {

    enum Direction { SAME, WIDENED, NARROWED }

    private TypeChange() {
    }

    /** Reference targets are compared elsewhere; here two references are the same type. */
    static Direction of(FieldType from, FieldType to) {
        if (from instanceof FieldType.Reference && to instanceof FieldType.Reference) {
            return Direction.SAME;
        }
        if (from instanceof FieldType.Money a && to instanceof FieldType.Money b) {
            return digits(a.precision(), a.scale(), b.precision(), b.scale());
        }
        if (from.equals(to)) {
            return Direction.SAME;
        }
        if (from instanceof FieldType.Text a && to instanceof FieldType.Text b) {
            return b.maxLength() > a.maxLength() ? Direction.WIDENED : Direction.NARROWED;
        }
        if (from instanceof FieldType.Text && to instanceof FieldType.LongText) {
            return Direction.WIDENED;
        }
        if (from instanceof FieldType.IntegerType && to instanceof FieldType.BigIntType) {
            return Direction.WIDENED;
        }
        if (from instanceof FieldType.DecimalType a && to instanceof FieldType.DecimalType b) {
            return digits(a.precision(), a.scale(), b.precision(), b.scale());
        }
        return Direction.NARROWED;
    }

    /** numeric(p,s) fits in numeric(p',s') when neither the fraction nor the integer digits shrink. */
    private static Direction digits(int precision, int scale, int newPrecision, int newScale) {
        if (precision == newPrecision && scale == newScale) {
            return Direction.SAME;
        }
        boolean keepsFraction = newScale >= scale;
        boolean keepsIntegerDigits = newPrecision - newScale >= precision - scale;
        return keepsFraction && keepsIntegerDigits ? Direction.WIDENED : Direction.NARROWED;
    }

    /** The type as a reader would write it: {@code text(200)}, {@code decimal(18,2)}, {@code dictionary(region)}. */
    static String describe(FieldType type) {
        if (type instanceof FieldType.Text t) {
            return "text(" + t.maxLength() + ")";
        }
        if (type instanceof FieldType.DecimalType d) {
            return "decimal(" + d.precision() + "," + d.scale() + ")";
        }
        if (type instanceof FieldType.Money m) {
            return "money(" + m.precision() + "," + m.scale() + ")";
        }
        if (type instanceof FieldType.Dictionary d) {
            return "dictionary(" + d.dictionary() + ")";
        }
        if (type instanceof FieldType.MultiDictionary d) {
            return "multidictionary(" + d.dictionary() + ")";
        }
        if (type instanceof FieldType.Reference r) {
            return "reference(" + r.target() + ")";
        }
        return type.name();
    }
}
