package org.mlplatform.builder.models.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.mlplatform.builder.models.entity.Alias;
import org.mlplatform.builder.models.entity.ModelSummary;
import org.mlplatform.builder.models.entity.VersionSummary;
import org.mlplatform.repository.ModelRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The registry operations of the REST API over the model repository: listing, reading metadata,
 * pointing an alias at a version (announced on the topic) and deleting versions no alias targets.
 */
@Dependent
public class ModelRegistry {

    /** Aliases a client may set; the inference service follows {@code production}. */
    public static final Set<String> ALIASES = Set.of("production");

    @Inject
    ModelRepository repository;

    @Inject
    ModelEvents events;

    public List<ModelSummary> models() {
        return repository.models().stream().map(this::summary).toList();
    }

    public List<VersionSummary> versions(String model) {
        requireModel(model);
        Map<String, Integer> aliases = repository.aliases(model);
        return repository.versions(model).stream()
                .map(version -> new VersionSummary(model, version, aliasesOf(aliases, version)))
                .toList();
    }

    /** The version's {@code metadata.json}, as written at publish time. */
    public String metadata(String model, int version) {
        requireVersion(model, version);
        try {
            return Files.readString(repository.versionDirectory(model, version).resolve(ModelRepository.METADATA_FILE));
        } catch (IOException e) {
            throw RegistryException.notFound("version " + version + " of model " + model + " has no readable metadata");
        }
    }

    public Alias setAlias(String model, String alias, int version) {
        if (!ALIASES.contains(alias)) {
            throw RegistryException.notFound("unknown alias " + alias + "; known: " + ALIASES);
        }
        requireVersion(model, version);
        try {
            repository.setAlias(model, alias, version);
        } catch (NoSuchFileException e) {
            throw RegistryException.notFound("model " + model + " has no version " + version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        events.aliasChanged(model, alias, version);
        return new Alias(model, alias, version);
    }

    public void delete(String model, int version) {
        requireVersion(model, version);
        List<String> aliases = aliasesOf(repository.aliases(model), version);
        if (!aliases.isEmpty()) {
            throw RegistryException.conflict("version " + version + " of model " + model + " is the target of alias "
                    + String.join(", ", aliases) + "; point the alias elsewhere first");
        }
        try {
            repository.delete(model, version);
        } catch (IllegalStateException e) {
            // an alias was set since the check above
            throw RegistryException.conflict(e.getMessage());
        } catch (NoSuchFileException e) {
            throw RegistryException.notFound("model " + model + " has no version " + version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ModelSummary summary(String model) {
        var latest = repository.latest(model);
        return new ModelSummary(model, repository.versions(model), latest.isPresent() ? latest.getAsInt() : null,
                repository.aliases(model));
    }

    private void requireModel(String model) {
        if (!ModelRepository.isName(model) || !repository.models().contains(model)) {
            throw RegistryException.notFound("no model " + model);
        }
    }

    private void requireVersion(String model, int version) {
        requireModel(model);
        if (!repository.versions(model).contains(version)) {
            throw RegistryException.notFound("model " + model + " has no version " + version);
        }
    }

    private static List<String> aliasesOf(Map<String, Integer> aliases, int version) {
        return aliases.entrySet().stream().filter(e -> e.getValue().intValue() == version).map(Map.Entry::getKey).sorted().toList();
    }
}
