package org.mlplatform.inference.models.control;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.mlplatform.inference.metrics.RecordsLease;

/**
 * The models being served. Each model's state is swapped atomically; a request leases a version,
 * and a swapped-out version keeps its session until its last lease is closed.
 */
@ApplicationScoped
public class ServedModels {

    private final Map<String, ModelState> models = new ConcurrentHashMap<>();

    /**
     * @throws ModelNotFoundException when the model is unknown or the selected version is not loaded
     */
    @RecordsLease
    public ModelLease lease(String model, VersionSelector selector) {
        while (true) {
            ModelState state = models.get(model);
            if (state == null || (state.loaded().isEmpty() && state.failures().isEmpty())) {
                throw new ModelNotFoundException("model '" + model + "' is not served");
            }
            Optional<Integer> version = selector.resolve(state.loaded().navigableKeySet(), state.aliases());
            if (version.isEmpty()) {
                throw new ModelNotFoundException(notServedReason(state, selector));
            }
            LoadedVersion loaded = state.loaded().get(version.get());
            if (loaded.tryAcquire()) {
                return new ModelLease(loaded);
            }
            // Retired between reading the state and acquiring it: the replacement state is already published.
        }
    }

    private static String notServedReason(ModelState state, VersionSelector selector) {
        String model = "model '" + state.model() + "'";
        if (selector.alias() != null) {
            Integer target = state.aliases().get(selector.alias());
            if (target == null) {
                return model + " has no alias '" + selector.alias() + "'";
            }
            return model + " alias '" + selector.alias() + "' points to version " + target + ", which is not loaded"
                    + Optional.ofNullable(state.failures().get(target)).map(reason -> ": " + reason).orElse("");
        }
        if (selector.number() != null) {
            return model + " version " + selector.number() + " is not loaded"
                    + Optional.ofNullable(state.failures().get(selector.number())).map(reason -> ": " + reason).orElse("");
        }
        return model + " has no loaded version";
    }

    public Optional<ModelState> state(String model) {
        return Optional.ofNullable(models.get(model));
    }

    public Collection<ModelState> states() {
        return List.copyOf(new TreeMap<>(models).values());
    }

    public boolean anyVersionLoaded() {
        return models.values().stream().anyMatch(state -> !state.loaded().isEmpty());
    }

    /** Serves {@code version}, replacing (and retiring) a loaded version with the same number. */
    public void install(LoadedVersion version) {
        String model = version.metadata().model();
        LoadedVersion[] replaced = new LoadedVersion[1];
        models.compute(model, (name, current) -> {
            ModelState state = current == null ? ModelState.empty(name) : current;
            NavigableMap<Integer, LoadedVersion> loaded = new TreeMap<>(state.loaded());
            replaced[0] = loaded.put(version.version(), version);
            NavigableMap<Integer, String> failures = new TreeMap<>(state.failures());
            failures.remove(version.version());
            return state.withLoaded(loaded).withFailures(failures, state.lastLoadError());
        });
        if (replaced[0] != null && replaced[0] != version) {
            replaced[0].retire();
        }
    }

    /**
     * Stops serving every loaded version of {@code model} not in {@code keep}, and forgets failures
     * of versions no longer in the repository.
     */
    public void retainOnly(String model, Set<Integer> keep, Set<Integer> inRepository) {
        List<LoadedVersion> dropped = new java.util.ArrayList<>();
        models.computeIfPresent(model, (name, state) -> {
            NavigableMap<Integer, LoadedVersion> loaded = new TreeMap<>(state.loaded());
            loaded.entrySet().removeIf(entry -> {
                if (keep.contains(entry.getKey())) {
                    return false;
                }
                dropped.add(entry.getValue());
                return true;
            });
            NavigableMap<Integer, String> failures = new TreeMap<>(state.failures());
            failures.keySet().retainAll(inRepository);
            return state.withLoaded(loaded).withFailures(failures, state.lastLoadError());
        });
        dropped.forEach(LoadedVersion::retire);
    }

    public void updateAliases(String model, Map<String, Integer> aliases) {
        models.compute(model, (name, current) -> (current == null ? ModelState.empty(name) : current).withAliases(aliases));
    }

    public void recordFailure(String model, int version, String reason) {
        models.compute(model, (name, current) -> {
            ModelState state = current == null ? ModelState.empty(name) : current;
            NavigableMap<Integer, String> failures = new TreeMap<>(state.failures());
            failures.put(version, reason);
            return state.withFailures(failures, new ModelState.LoadError(version, reason, Instant.now()));
        });
    }

    /** Forgets recorded failures so the next synchronisation tries those versions again. */
    public void clearFailures(String model) {
        models.computeIfPresent(model, (name, state) -> state.withFailures(new TreeMap<>(), state.lastLoadError()));
    }

    /** Stops serving a model that left the repository. */
    public void remove(String model) {
        ModelState removed = models.remove(model);
        if (removed != null) {
            removed.loaded().values().forEach(LoadedVersion::retire);
        }
    }

    public Set<String> names() {
        return Set.copyOf(models.keySet());
    }

    /** Retires everything, at undeploy. */
    public void clear() {
        names().forEach(this::remove);
    }
}
