package org.mlplatform.inference.models.control;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An immutable snapshot of one model: its loaded versions, aliases, and the versions that failed to
 * load with the reason. Replaced as a whole, so a request sees either the old or the new state.
 */
public record ModelState(String model, NavigableMap<Integer, LoadedVersion> loaded, Map<String, Integer> aliases,
                         NavigableMap<Integer, String> failures, LoadError lastLoadError) {

    /** The latest failure, kept for model info after the failing version is gone. */
    public record LoadError(int version, String reason, Instant at) {
    }

    public ModelState {
        loaded = Collections.unmodifiableNavigableMap(new TreeMap<>(loaded));
        aliases = Map.copyOf(aliases);
        failures = Collections.unmodifiableNavigableMap(new TreeMap<>(failures));
    }

    static ModelState empty(String model) {
        return new ModelState(model, new TreeMap<>(), Map.of(), new TreeMap<>(), null);
    }

    ModelState withLoaded(NavigableMap<Integer, LoadedVersion> newLoaded) {
        return new ModelState(model, newLoaded, aliases, failures, lastLoadError);
    }

    ModelState withAliases(Map<String, Integer> newAliases) {
        return new ModelState(model, loaded, newAliases, failures, lastLoadError);
    }

    ModelState withFailures(NavigableMap<Integer, String> newFailures, LoadError newLastError) {
        return new ModelState(model, loaded, aliases, newFailures, newLastError);
    }
}
