package org.mlplatform.builder.trainings.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.File;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The folders the builder reads and writes, from configuration (system properties set by wildfly-config). */
@ApplicationScoped
public class BuilderFolders {

    @Inject
    @ConfigProperty(name = "mlplatform.data.dir")
    String dataDirectory;

    @Inject
    @ConfigProperty(name = "mlplatform.builder.work.dir")
    String workDirectory;

    @Inject
    @ConfigProperty(name = "mlplatform.models.dir")
    String modelsDirectory;

    public DataFolder data() {
        return new DataFolder(Path.of(dataDirectory));
    }

    /** The model repository's root folder. */
    public Path models() {
        return Path.of(modelsDirectory).toAbsolutePath().normalize();
    }

    /** Checks job parameters against these folders. */
    public TrainingRequestValidator validator() {
        return new TrainingRequestValidator(data(), models());
    }

    /** Where uploaded CSV files are kept, inside the data folder. */
    public Path uploads() {
        return data().root().resolve("uploads");
    }

    /**
     * The text with the folders' absolute paths taken out, for messages a client sees: a path in the
     * data folder as requests name it (relative), others as {@code <models>/...} and {@code <work>/...}.
     */
    public String withoutAbsolutePaths(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        result = withoutFolder(result, data().root(), "", "<data>");
        result = withoutFolder(result, models(), "<models>/", "<models>");
        return withoutFolder(result, Path.of(workDirectory).toAbsolutePath().normalize(), "<work>/", "<work>");
    }

    /** Replaces the folder's path inside paths by {@code inside}, on its own by {@code alone}; not a longer name it begins. */
    private static String withoutFolder(String text, Path folder, String inside, String alone) {
        String quoted = Pattern.quote(folder.toString());
        String result = text.replaceAll(quoted + Pattern.quote(File.separator), Matcher.quoteReplacement(inside));
        return result.replaceAll(quoted + "(?![\\w.-])", Matcher.quoteReplacement(alone));
    }

    /** Data the doors checked, kept for the jobs they start ({@link CheckedData}). */
    public CheckedData checked() {
        return new CheckedData(Path.of(workDirectory).resolve("checked"));
    }

    public JobWorkFolder work(long jobInstanceId) {
        return new JobWorkFolder(Path.of(workDirectory).resolve(Long.toString(jobInstanceId)));
    }
}
