package io.prmos.metadata.diff;

import io.prmos.metadata.model.DictionaryDef;
import io.prmos.metadata.model.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares dictionaries and their codes; codes are stored in records, labels are only shown. */
final class DictionaryDiff {

    private final Findings findings;
    private final Directives directives;

    DictionaryDiff(Findings findings, Directives directives) {
        this.findings = findings;
        this.directives = directives;
    }

    void compare(Manifest installed, Manifest candidate) {
        for (DictionaryDef dictionary : candidate.dictionaries().values()) {
            DictionaryDef before = installed.dictionaries().get(dictionary.name());
            if (before == null) {
                added(findings, dictionary);
            } else {
                compareValues(before, dictionary);
            }
        }
        for (DictionaryDef dictionary : installed.dictionaries().values()) {
            if (!candidate.dictionaries().containsKey(dictionary.name())) {
                removed(dictionary.name());
            }
        }
    }

    static void added(Findings findings, DictionaryDef dictionary) {
        findings.additive(ChangeKind.DICTIONARY_ADDED, dictionary.name(), "new dictionary with " + dictionary.values().size() + " value(s)");
    }

    private void removed(String name) {
        if (directives.dropsDictionary(name)) {
            findings.acknowledged(ChangeKind.DICTIONARY_REMOVED, name, "dictionary removed");
        } else {
            findings.refused(ChangeKind.DICTIONARY_REMOVED, name, "dictionary removed",
                    "dictionary " + name + " was removed: " + Directives.dropDictionary(name));
        }
    }

    private void compareValues(DictionaryDef before, DictionaryDef after) {
        Map<String, String> old = labels(before);
        Map<String, String> now = labels(after);
        List<String> cosmetic = new ArrayList<>();
        if (!Objects.equals(before.label(), after.label())) cosmetic.add("label");
        if (!commonOrder(old, now)) cosmetic.add("value order");
        if (before.extensible() != after.extensible()) cosmetic.add("extensible");
        if (!colors(before).equals(colors(after))) cosmetic.add("value colours");
        if (!cosmetic.isEmpty()) {
            findings.cosmetic(after.name(), String.join(", ", cosmetic) + " changed");
        }
        for (DictionaryDef.Value value : after.values()) {
            String target = after.name() + "." + value.code();
            if (!old.containsKey(value.code())) {
                findings.additive(ChangeKind.DICTIONARY_VALUE_ADDED, target, "new value '" + value.label() + "'");
            } else if (!old.get(value.code()).equals(value.label())) {
                findings.cosmetic(target, "label '" + old.get(value.code()) + "' → '" + value.label() + "'");
            }
        }
        for (DictionaryDef.Value value : before.values()) {
            if (!now.containsKey(value.code())) {
                valueRemoved(after.name(), value.code());
            }
        }
    }

    private void valueRemoved(String dictionary, String code) {
        String target = dictionary + "." + code;
        if (directives.dropsValue(dictionary, code)) {
            findings.acknowledged(ChangeKind.DICTIONARY_VALUE_REMOVED, target, "records holding it lose the value");
        } else {
            findings.refused(ChangeKind.DICTIONARY_VALUE_REMOVED, target, "records holding it would lose the value",
                    "value " + code + " of dictionary " + dictionary + " was removed: " + Directives.dropValue(dictionary, code));
        }
    }

    /** Whether the codes both versions have appear in the same order in each. */
    private static boolean commonOrder(Map<String, String> old, Map<String, String> now) {
        List<String> a = old.keySet().stream().filter(now::containsKey).toList();
        List<String> b = now.keySet().stream().filter(old::containsKey).toList();
        return a.equals(b);
    }

    private static Map<String, String> colors(DictionaryDef dictionary) {
        Map<String, String> out = new LinkedHashMap<>();
        dictionary.values().stream().filter(v -> v.color() != null).forEach(v -> out.put(v.code(), v.color()));
        return out;
    }

    private static Map<String, String> labels(DictionaryDef dictionary) {
        Map<String, String> out = new LinkedHashMap<>();
        dictionary.values().forEach(v -> out.put(v.code(), v.label()));
        return out;
    }
}
