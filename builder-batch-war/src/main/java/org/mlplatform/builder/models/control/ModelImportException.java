package org.mlplatform.builder.models.control;

/**
 * An import that is refused: 415 when the file is not an ONNX model at all, 400 when the graph or a part
 * of the request is not what the platform serves; {@code field} names the part at fault.
 */
public class ModelImportException extends RuntimeException {

    private final int status;
    private final String field;

    private ModelImportException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ModelImportException invalid(String field, String message) {
        return new ModelImportException(400, field, message);
    }

    public static ModelImportException notOnnx(String field, String message) {
        return new ModelImportException(415, field, message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
