package org.mlplatform.inference.predictions.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityPart;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mlplatform.inference.predictions.control.CsvInstancesReader;
import org.mlplatform.inference.predictions.control.FeatureMatrix;
import org.mlplatform.inference.predictions.control.InvalidInputException;
import org.mlplatform.inference.predictions.control.JsonInstancesReader;
import org.mlplatform.inference.predictions.control.OipInferRequestReader;
import org.mlplatform.inference.predictions.control.RequestLimits;
import org.mlplatform.repository.ModelMetadata;

/**
 * The request readers, configured with the limits from MicroProfile Config, and the rows of the REST
 * bodies (JSON, CSV, a CSV upload) as predict and explain read them: once the version, and so its
 * feature count and names, is known.
 */
@ApplicationScoped
public class RequestReaders {

    @Inject
    @ConfigProperty(name = "mlplatform.inference.max-rows", defaultValue = "10000")
    int maxRows;

    @Inject
    @ConfigProperty(name = "mlplatform.inference.max-body-bytes", defaultValue = "16777216")
    long maxBodyBytes;

    private RequestLimits limits;
    private JsonInstancesReader json;
    private CsvInstancesReader csv;
    private OipInferRequestReader oip;

    @PostConstruct
    void configure() {
        limits = new RequestLimits(maxRows, maxBodyBytes);
        json = new JsonInstancesReader(limits);
        csv = new CsvInstancesReader(limits);
        oip = new OipInferRequestReader(limits);
    }

    public RequestLimits limits() {
        return limits;
    }

    public JsonInstancesReader json() {
        return json;
    }

    public CsvInstancesReader csv() {
        return csv;
    }

    public OipInferRequestReader oip() {
        return oip;
    }

    /**
     * {@code {"instances": [[...], ...]}}
     *
     * @param contentLength the Content-Length, or -1 (chunked)
     */
    public Function<ModelMetadata, FeatureMatrix> jsonRows(InputStream body, long contentLength) {
        return metadata -> json.read(body, metadata.featureCount(), contentLength);
    }

    /**
     * Headerless CSV, or with the training header.
     *
     * @param contentLength the Content-Length, or -1 (chunked)
     */
    public Function<ModelMetadata, FeatureMatrix> csvRows(InputStream body, long contentLength) {
        return metadata -> csv.read(body, metadata.featureCount(), metadata.featureNames(), contentLength);
    }

    /**
     * The CSV in the multipart part named 'file'. The parts come as a list, so that a second 'file' part is
     * refused (at once) rather than ignored.
     */
    public Function<ModelMetadata, FeatureMatrix> uploadedRows(List<EntityPart> parts) {
        List<EntityPart> files = parts.stream().filter(part -> "file".equals(part.getName())).toList();
        if (files.isEmpty()) {
            throw InvalidInputException.badRequest("Missing file", "the multipart body needs a part named 'file' holding the CSV");
        }
        if (files.size() > 1) {
            throw InvalidInputException.badRequest("More than one file",
                    "the multipart body holds " + files.size() + " parts named 'file'; send one CSV per request");
        }
        EntityPart file = files.get(0);
        return metadata -> {
            try (InputStream content = file.getContent()) {
                return csv.read(content, metadata.featureCount(), metadata.featureNames());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
