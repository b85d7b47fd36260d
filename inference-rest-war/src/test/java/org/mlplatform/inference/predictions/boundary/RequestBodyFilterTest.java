package org.mlplatform.inference.predictions.boundary;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mlplatform.inference.predictions.control.InvalidInputException;

/** Issue 7, item 7: what predict and infer refuse with 415, and what the answer lists. */
class RequestBodyFilterTest {

    private static InvalidInputException refused(String contentType, String accepts) {
        return assertThrows(InvalidInputException.class, () -> RequestBodyFilter.checkContentType(contentType, accepts));
    }

    @Test
    void missingGarbageOrBoundarylessContentTypesAre415ListingWhatIsTaken() {
        for (String type : new String[] {null, "", "garbage", "multipart/form-data", "multipart/form-data; boundary="}) {
            InvalidInputException error = refused(type, RequestBodyFilter.PREDICT_ACCEPTS);
            assertEquals(415, error.status(), type);
            assertTrue(error.getMessage().contains("text/csv") && error.getMessage().contains("multipart/form-data"), error.getMessage());
            assertFalse(error.getMessage().contains("RESTEASY"), error.getMessage());
        }
        assertDoesNotThrow(() -> RequestBodyFilter.checkContentType("multipart/form-data; boundary=x", RequestBodyFilter.PREDICT_ACCEPTS));
        assertDoesNotThrow(() -> RequestBodyFilter.checkContentType("application/json; charset=UTF-8", RequestBodyFilter.INFER_ACCEPTS));
    }

    @Test
    void eachEndpointListsWhatItTakes() {
        assertEquals(RequestBodyFilter.PREDICT_ACCEPTS, RequestBodyFilter.accepted("api/models/default/predict"));
        assertEquals(RequestBodyFilter.PREDICT_ACCEPTS, RequestBodyFilter.accepted("api/models/default/explain"), "explain takes what predict takes");
        assertEquals(RequestBodyFilter.INFER_ACCEPTS, RequestBodyFilter.accepted("/v2/models/default/versions/2/infer"));
        assertEquals("application/json, or application/octet-stream with binary tensor data", RequestBodyFilter.INFER_ACCEPTS,
                "the OIP takes JSON, and binary tensor data as Triton sends it");
        assertNull(RequestBodyFilter.accepted("api/models/default/reload"));
    }
}
