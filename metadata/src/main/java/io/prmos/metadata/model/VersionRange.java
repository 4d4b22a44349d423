package io.prmos.metadata.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version range as npm and Cargo write them: {@code ^1.2}, {@code ~1.2.3}, {@code >=1.0.0 <2.0.0},
 * {@code 1.4.0}, {@code *}. Space-separated comparators must all hold.
 */
public final class VersionRange {

    private static final Pattern COMPARATOR = Pattern.compile(
            "^(\\^|~|>=|<=|>|<|=)?(\\d{1,9})(?:\\.(\\d{1,9}))?(?:\\.(\\d{1,9}))?$");

    private final String text;
    private final List<Bound> bounds;

    private VersionRange(String text, List<Bound> bounds) {
        this.text = text;
        this.bounds = bounds;
    }

    public static Optional<VersionRange> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (trimmed.equals("*")) {
            return Optional.of(new VersionRange(trimmed, List.of()));
        }
        List<Bound> bounds = new ArrayList<>();
        for (String part : trimmed.split("\\s+")) {
            Matcher m = COMPARATOR.matcher(part);
            if (!m.matches()) {
                return Optional.empty();
            }
            String op = m.group(1) == null ? "=" : m.group(1);
            int major = Integer.parseInt(m.group(2));
            boolean hasMinor = m.group(3) != null;
            boolean hasPatch = m.group(4) != null;
            int minor = hasMinor ? Integer.parseInt(m.group(3)) : 0;
            int patch = hasPatch ? Integer.parseInt(m.group(4)) : 0;
            SemVer base = new SemVer(major, minor, patch, "");
            switch (op) {
                case "^" -> {
                    bounds.add(new Bound(">=", base));
                    bounds.add(new Bound("<", major > 0 || !hasMinor ? new SemVer(major + 1, 0, 0, "")
                            : minor > 0 || !hasPatch ? new SemVer(0, minor + 1, 0, "") : new SemVer(0, 0, patch + 1, "")));
                }
                case "~" -> {
                    bounds.add(new Bound(">=", base));
                    bounds.add(new Bound("<", hasMinor ? new SemVer(major, minor + 1, 0, "") : new SemVer(major + 1, 0, 0, "")));
                }
                case "=" -> {
                    if (hasPatch) {
                        bounds.add(new Bound("=", base));
                    } else {
                        bounds.add(new Bound(">=", base));
                        bounds.add(new Bound("<", hasMinor ? new SemVer(major, minor + 1, 0, "") : new SemVer(major + 1, 0, 0, "")));
                    }
                }
                default -> bounds.add(new Bound(op, base));
            }
        }
        return Optional.of(new VersionRange(trimmed, List.copyOf(bounds)));
    }

    public boolean includes(SemVer version) {
        return bounds.stream().allMatch(b -> b.includes(version));
    }

    @Override
    public String toString() {
        return text;
    }

    private record Bound(String op, SemVer version) {
        boolean includes(SemVer v) {
            int c = v.compareTo(version);
            return switch (op) {
                case ">=" -> c >= 0;
                case "<=" -> c <= 0;
                case ">" -> c > 0;
                case "<" -> c < 0;
                default -> c == 0;
            };
        }
    }
}
