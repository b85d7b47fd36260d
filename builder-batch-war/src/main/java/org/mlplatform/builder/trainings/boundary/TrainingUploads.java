package org.mlplatform.builder.trainings.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityPart;
import org.mlplatform.builder.trainings.control.BuilderFolders;
import org.mlplatform.builder.trainings.control.InvalidRequestException;
import org.mlplatform.builder.trainings.control.TrainingJobs;
import org.mlplatform.builder.trainings.control.TrainingRequestParser;
import org.mlplatform.builder.trainings.control.UploadFolder;
import org.mlplatform.builder.trainings.entity.TrainingExecution;
import org.mlplatform.pipeline.options.TrainingOption;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a multipart training request into job parameters and starts the job: file parts are stored
 * in the data folder under their SHA-256 and referenced by that path; a {@code parameters} part holds
 * the other options as JSON, or each option comes as a text field. Files stored by a request that is
 * refused (a bad part, option or file) are removed again unless an accepted job uses them.
 */
@Dependent
public class TrainingUploads {

    static final String PARAMETERS_PART = "parameters";
    private static final Set<String> FILE_PARTS = Set.of(TrainingOption.TRAIN_DATA.key(), TrainingOption.TRAIN_LABELS.key(),
            TrainingOption.TEST_DATA.key(), TrainingOption.TEST_LABELS.key());

    @Inject
    BuilderFolders folders;

    @Inject
    TrainingJobs jobs;

    public TrainingExecution start(List<EntityPart> parts) throws IOException {
        List<UploadFolder.Upload> stored = new ArrayList<>();
        boolean accepted = false;
        try {
            TrainingExecution execution = jobs.start(parameters(parts, stored));
            accepted = true;
            return execution;
        } finally {
            for (UploadFolder.Upload upload : stored) {
                UploadFolder.release(upload, accepted);
            }
        }
    }

    private Map<String, String> parameters(List<EntityPart> parts, List<UploadFolder.Upload> stored) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        UploadFolder uploads = new UploadFolder(folders.uploads());
        for (EntityPart part : parts) {
            String name = part.getName();
            if (PARAMETERS_PART.equals(name)) {
                TrainingRequestParser.parse(text(part), PARAMETERS_PART).forEach((key, value) -> put(parameters, key, value));
            } else if (FILE_PARTS.contains(name) && part.getFileName().isPresent()) {
                if (parameters.containsKey(name)) {
                    throw new InvalidRequestException(name, name + " is given twice");
                }
                UploadFolder.Upload upload;
                try (InputStream content = part.getContent()) {
                    upload = uploads.store(content);
                }
                stored.add(upload);
                put(parameters, name, folders.data().relativize(upload.file()));
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
