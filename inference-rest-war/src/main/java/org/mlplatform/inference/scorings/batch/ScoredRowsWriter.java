package org.mlplatform.inference.scorings.batch;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.mlplatform.inference.scorings.control.PartFile;
import org.mlplatform.inference.scorings.control.ScoredRowsFormatter;
import org.mlplatform.inference.scorings.control.ScoringFolders;
import org.mlplatform.inference.scorings.entity.ScoredBlock;
import org.mlplatform.inference.scorings.entity.ScoringPlan;

/**
 * Appends scored rows, formatted by the reader's workers, to the output's part file (and rejected rows to theirs). Its checkpoint is
 * {@code [output length, rejected length, rows written, rows rejected]}, taken after the files are
 * forced to disk; a restart cuts the part files back to those lengths, so rows written after the
 * last checkpoint are written again exactly once. The step's persistent user data is the progress
 * {@code [rows written, rows rejected, rows done when this execution started]}.
 */
@Named
@Dependent
public class ScoredRowsWriter extends AbstractItemWriter {

    @Inject
    StepContext step;

    @Inject
    ScoringFolders folders;

    private PartFile output;
    private PartFile rejected;
    private ScoredRowsFormatter formatter;
    private long rowsWritten;
    private long rowsRejected;
    private long rowsAtOpen;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        ScoringPlan plan = ((ScoringStepState) step.getTransientUserData()).plan;
        Path data = folders.data();
        formatter = new ScoredRowsFormatter(plan.includeInput());
        if (checkpoint instanceof long[] saved) {
            output = PartFile.resume(data.resolve(plan.output()), saved[0]);
            rejected = plan.rejected() == null ? null : PartFile.resume(data.resolve(plan.rejected()), saved[1]);
            rowsWritten = saved[2];
            rowsRejected = saved[3];
        } else {
            output = PartFile.create(data.resolve(plan.output()));
            byte[] header = ScoredRowsFormatter.header(plan.classes(), plan.includeInput(), plan.featureNames(), plan.featureCount())
                    .getBytes(StandardCharsets.UTF_8);
            output.write(header, header.length);
            if (plan.rejected() != null) {
                rejected = PartFile.create(data.resolve(plan.rejected()));
                byte[] rejectedHeader = ScoredRowsFormatter.rejectedHeader().getBytes(StandardCharsets.UTF_8);
                rejected.write(rejectedHeader, rejectedHeader.length);
            }
        }
        rowsAtOpen = rowsWritten + rowsRejected;
        step.setPersistentUserData(progress());
    }

    @Override
    public void writeItems(List<Object> items) throws Exception {
        for (Object item : items) {
            ScoredBlock scored = (ScoredBlock) item;
            output.write(scored.text(), scored.length());
            rowsWritten += scored.rows();
            if (!scored.rejected().isEmpty()) {
                formatter.formatRejected(scored.rejected());
                rejected.write(formatter.bytes(), formatter.length());
                rowsRejected += scored.rejected().size();
            }
        }
        step.setPersistentUserData(progress());
    }

    private long[] progress() {
        return new long[] {rowsWritten, rowsRejected, rowsAtOpen};
    }

    @Override
    public Serializable checkpointInfo() throws Exception {
        output.force();
        if (rejected != null) {
            rejected.force();
        }
        return new long[] {output.length(), rejected == null ? 0 : rejected.length(), rowsWritten, rowsRejected};
    }

    @Override
    public void close() throws Exception {
        if (output != null) {
            output.close();
        }
        if (rejected != null) {
            rejected.close();
        }
    }
}
