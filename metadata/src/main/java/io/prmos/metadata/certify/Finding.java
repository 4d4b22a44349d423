package io.prmos.metadata.certify;

/**
 * One thing a check found.
 *
 * @param severity {@code FAIL} or {@code WARN} (a finding never passes)
 * @param location where: {@code partners/module.yaml:12:5 /entities/Partner}, {@code tests/tiers.yaml:30}, or empty
 */
public record Finding(CheckStatus severity, String location, String message) {

    public static Finding fail(String location, String message) {
        return new Finding(CheckStatus.FAIL, location, message);
    }

    public static Finding warn(String location, String message) {
        return new Finding(CheckStatus.WARN, location, message);
    }

    @Override
    public String toString() {
        return (location == null || location.isEmpty() ? "" : location + ": ") + message;
    }
}
