package org.mlplatform.inference.cards.control;

/** One colour per class, the same in every chart of a card (the Tableau 10 palette, which stays apart for colour-blind readers). */
final class ChartColors {

    private static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1",
            "#ff9da7", "#9c755f", "#bab0ac"};

    private ChartColors() {
    }

    static String ofClass(int classIndex) {
        return PALETTE[Math.floorMod(classIndex, PALETTE.length)];
    }
}
