package org.mlplatform.inference.predictions.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.mlplatform.inference.predictions.control.CsvInstancesReader;
import org.mlplatform.inference.predictions.control.JsonInstancesReader;
import org.mlplatform.inference.predictions.control.OipInferRequestReader;
import org.mlplatform.inference.predictions.control.RequestLimits;

/** The request readers, configured with the limits from MicroProfile Config. */
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
}
