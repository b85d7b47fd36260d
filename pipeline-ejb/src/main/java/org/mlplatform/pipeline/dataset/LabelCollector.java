package org.mlplatform.pipeline.dataset;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Labels as read, one per row, kept as codes into the distinct labels seen so that a large file
 * holds each label string once. Beyond {@code capacity} labels are only counted, which is enough
 * to report a count that does not match the rows.
 */
final class LabelCollector {

    private final Map<String, Integer> codeByLabel = new HashMap<>();
    private final List<String> distinct = new ArrayList<>();
    private final int[] codes;
    private int added;
    private int first;

    LabelCollector(int capacity) {
        this.codes = new int[capacity];
    }

    void add(String label) {
        if (added < codes.length) {
            codes[added] = codeByLabel.computeIfAbsent(label, newLabel -> {
                distinct.add(newLabel);
                return distinct.size() - 1;
            });
        }
        added++;
    }

    int count() {
        return added - first;
    }

    /** The label at a position counted from the first label kept. */
    String label(int position) {
        return distinct.get(codes[first + position]);
    }

    /** Whether the first label kept occurs only once; a header name does, a class with one row is rare. */
    boolean firstOccursOnce() {
        int code = codes[first];
        for (int i = first + 1; i < Math.min(added, codes.length); i++) {
            if (codes[i] == code) {
                return false;
            }
        }
        return true;
    }

    /** Forgets the first label: it was a header. */
    void dropFirst() {
        first++;
    }

    /**
     * The distinct labels in class order: numerically when every label is an integer (written
     * canonically, so {@code 01} and {@code 1} are one class), else as strings.
     */
    ClassLabels classes() {
        List<String> used = usedLabels();
        if (used.stream().allMatch(LabelCollector::isInteger)) {
            TreeMap<Long, String> byValue = new TreeMap<>();
            for (String label : used) {
                long value = Long.parseLong(label);
                byValue.put(value, Long.toString(value));
            }
            return new ClassLabels(new ArrayList<>(byValue.values()), true);
        }
        return new ClassLabels(used.stream().distinct().sorted(Comparator.naturalOrder()).toList(), false);
    }

    /**
     * The class index of each kept label.
     *
     * @param where names the line (and column) of a label given its position, for the error on an
     *              unknown label
     */
    int[] encode(ClassLabels classes, IntFunction<String> where) {
        Map<String, Integer> indexByClass = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) {
            indexByClass.put(classes.get(k), k);
        }
        int[] classByCode = new int[distinct.size()];
        for (int code = 0; code < classByCode.length; code++) {
            String label = distinct.get(code);
            Integer index = indexByClass.get(classes.integer() && isInteger(label)
                    ? Long.toString(Long.parseLong(label)) : label);
            classByCode[code] = index == null ? -1 : index;
        }
        int[] encoded = new int[count()];
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = classByCode[codes[first + i]];
            if (encoded[i] < 0) {
                throw new InvalidDataException(where.apply(i) + ": label '" + label(i)
                        + "' is not one of the training classes " + classes.values());
            }
        }
        return encoded;
    }

    static boolean isInteger(String label) {
        try {
            Long.parseLong(label);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private List<String> usedLabels() {
        boolean[] used = new boolean[distinct.size()];
        int end = Math.min(added, codes.length);
        for (int i = first; i < end; i++) {
            used[codes[i]] = true;
        }
        List<String> labels = new ArrayList<>();
        for (int code = 0; code < used.length; code++) {
            if (used[code]) {
                labels.add(distinct.get(code));
            }
        }
        return labels;
    }
}
