package org.mlplatform.inference.models.control;

import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.mlplatform.repository.ModelRepository;

/**
 * Brings the served models in line with the repository: loads the newest {@code versionsPerModel}
 * loadable versions of each model plus every alias target, installs each one only after it was
 * verified and warmed up, and retires the rest. A version that fails is recorded and skipped until
 * a forced {@link #reload}, so the versions already served keep serving.
 */
public class RepositorySynchronizer {

    private static final Logger LOG = Logger.getLogger(RepositorySynchronizer.class.getName());

    private final ModelRepository repository;
    private final ModelLoader loader;
    private final ServedModels served;
    private final int versionsPerModel;

    public RepositorySynchronizer(ModelRepository repository, ModelLoader loader, ServedModels served, int versionsPerModel) {
        if (versionsPerModel < 1) {
            throw new IllegalArgumentException("versionsPerModel must be at least 1, got " + versionsPerModel);
        }
        this.repository = repository;
        this.loader = loader;
        this.served = served;
        this.versionsPerModel = versionsPerModel;
    }

    public synchronized void synchronizeAll() {
        Set<String> inRepository;
        try {
            inRepository = new TreeSet<>(repository.models());
        } catch (UncheckedIOException e) {
            LOG.log(Level.WARNING, "cannot scan the model repository; serving what is loaded", e);
            return;
        }
        inRepository.forEach(this::synchronize);
        served.names().stream().filter(model -> !inRepository.contains(model)).forEach(served::remove);
    }

    /** Retries failed versions of {@code model}, then synchronises it. */
    public synchronized void reload(String model) {
        served.clearFailures(model);
        synchronize(model);
    }

    public synchronized void synchronize(String model) {
        if (!ModelRepository.isName(model)) {
            LOG.warning(() -> "ignoring an invalid model name " + model);
            return;
        }
        NavigableSet<Integer> versions;
        Map<String, Integer> aliases;
        try {
            versions = new TreeSet<>(repository.versions(model));
            aliases = repository.aliases(model);
        } catch (UncheckedIOException e) {
            LOG.log(Level.WARNING, "cannot read model " + model + "; serving what is loaded", e);
            return;
        }
        if (versions.isEmpty()) {
            served.remove(model);
            return;
        }
        Set<Integer> keep = new HashSet<>();
        for (int version : versions.descendingSet()) {
            if (keep.size() == versionsPerModel) {
                break;
            }
            if (isServable(model, version)) {
                keep.add(version);
            }
        }
        for (int target : aliases.values()) {
            if (versions.contains(target) && isServable(model, target)) {
                keep.add(target);
            }
        }
        served.updateAliases(model, aliases);
        served.retainOnly(model, keep, versions);
    }

    /** True when the version is loaded or loads now; records the reason when it does not. */
    private boolean isServable(String model, int version) {
        ModelState state = served.state(model).orElse(null);
        if (state != null) {
            NavigableMap<Integer, LoadedVersion> loaded = state.loaded();
            if (loaded.containsKey(version)) {
                return true;
            }
            if (state.failures().containsKey(version)) {
                return false;
            }
        }
        try {
            served.install(loader.load(model, version));
            LOG.info(() -> "serving model " + model + " version " + version);
            return true;
        } catch (ModelLoadException | RuntimeException e) {
            LOG.warning(() -> "model " + model + " version " + version + " not served: " + e.getMessage());
            served.recordFailure(model, version, e.getMessage());
            return false;
        }
    }
}
