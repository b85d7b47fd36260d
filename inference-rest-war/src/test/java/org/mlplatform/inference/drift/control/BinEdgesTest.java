package org.mlplatform.inference.drift.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class BinEdgesTest {

    @Test
    void aValueOnAnEdgeFallsInTheBinBelowIt() {
        BinEdges edges = new BinEdges(new float[] {0, 1});
        assertEquals(0, edges.bin(-5));
        assertEquals(0, edges.bin(0));
        assertEquals(1, edges.bin(0.5f));
        assertEquals(1, edges.bin(1));
        assertEquals(2, edges.bin(1.01f));
    }

    @Test
    void edgesThatMeetAsFloat32CountAValueOnThemOnce() {
        BinEdges edges = BinEdges.of(new double[] {1.0, 1.0 + 1e-12, 2.0});
        assertEquals(0, edges.bin(1.0f));
        assertEquals(2, edges.bin(1.5f));
        assertEquals(3, edges.count());
    }

    @Test
    void theBinIsTheNumberOfEdgesBelowTheValueForEveryEdgeCountAndValue() {
        Random random = new Random(11);
        List<Integer> counts = new ArrayList<>(List.of(63, 64, 65, 127, 128, 129, RecentWindow.MAX_BINS - 1));
        for (int count = 0; count <= 40; count++) {
            counts.add(count);
        }
        for (int count : counts) {
            for (int trial = 0; trial < 20; trial++) {
                float[] edges = ascendingEdgesWithTies(random, count);
                BinEdges searched = new BinEdges(edges);
                for (float x : valuesAroundEveryEdge(random, edges)) {
                    assertEquals(below(edges, x), searched.bin(x), count + " edges " + Arrays.toString(edges) + ", x = " + x);
                }
            }
        }
    }

    /** Drawn from few distinct values, so that runs of equal edges are common. */
    private static float[] ascendingEdgesWithTies(Random random, int count) {
        float[] edges = new float[count];
        for (int i = 0; i < count; i++) {
            edges[i] = random.nextInt(Math.max(1, count / 2 + 1)) * 0.25f - 3;
        }
        Arrays.sort(edges);
        return edges;
    }

    private static List<Float> valuesAroundEveryEdge(Random random, float[] edges) {
        List<Float> values = new ArrayList<>(List.of(Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, -0f, 0f, Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NaN));
        for (float edge : edges) {
            values.addAll(List.of(edge, Math.nextDown(edge), Math.nextUp(edge)));
        }
        for (int i = 0; i < 50; i++) {
            values.add((float) (random.nextGaussian() * 10));
        }
        return values;
    }

    private static int below(float[] edges, float x) {
        int below = 0;
        for (float edge : edges) {
            below += edge < x ? 1 : 0;
        }
        return below;
    }
}
