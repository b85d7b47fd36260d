package org.mlplatform.builder.trainings.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityPart;
import org.mlplatform.builder.trainings.control.BuilderFolders;
import org.mlplatform.builder.trainings.control.InvalidRequestException;
import org.mlplatform.builder.trainings.control.TrainingRequestParser;
import org.mlplatform.builder.trainings.control.UploadFolder;
import org.mlplatform.builder.trainings.entity.JobParameter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a multipart training request into job parameters: file parts are stored in the data folder
 * under their SHA-256 and referenced by that path; a {@code parameters} part holds the other options
 * as JSON, or each option comes as a text field.
 */
@Dependent
public class TrainingUploads {

    static final String PARAMETERS_PART = "parameters";
    private static final Set<String> FILE_PARTS = Set.of(JobParameter.TRAIN_DATA.key(), JobParameter.TRAIN_LABELS.key(),
            JobParameter.TEST_DATA.key(), JobParameter.TEST_LABELS.key());

    @Inject
    BuilderFolders folders;

    public Map<String, String> store(List<EntityPart> parts) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        UploadFolder uploads = new UploadFolder(folders.uploads());
        for (EntityPart part : parts) {
            String name = part.getName();
            if (PARAMETERS_PART.equals(name)) {
                TrainingRequestParser.parse(text(part)).forEach((key, value) -> put(parameters, key, value));
            } else if (FILE_PARTS.contains(name) && part.getFileName().isPresent()) {
                Path stored;
                try (InputStream content = part.getContent()) {
                    stored = uploads.store(content);
                }
                put(parameters, name, folders.data().relativize(stored));
            } else {
                TrainingRequestParser.requireKnown(name);
                put(parameters, name, text(part));
            }
        }
        return parameters;
    }

    private static void put(Map<String, String> parameters, String key, String value) {
        if (parameters.putIfAbsent(key, value) != null) {
            throw new InvalidRequestException(key, key + " is given twice");
        }
    }

    private static String text(EntityPart part) throws IOException {
        try (InputStream content = part.getContent()) {
            return new String(content.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
