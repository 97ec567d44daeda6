package com.kitesession.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

/** Style classes set each second touch the node only when they change (no toolkit needed). */
class ControlsTest {
    private final Region node = new Region();
    private final List<String> changes = new ArrayList<>();

    ControlsTest() {
        node.getStyleClass().addAll("label", "state-active");
        node.getStyleClass().addListener((ListChangeListener<String>) change -> changes.add(change.toString()));
    }

    @Test
    void theSameStyleAgainChangesNothing() {
        Controls.styleOf(node, Controls.startingWith("state-"), "state-active");
        Controls.styleOf(node, Controls.startingWith("state-"), "state-active");
        assertEquals(List.of(), changes, "no CSS pass, no repaint");
    }

    @Test
    void anotherStyleReplacesTheFamilysOne() {
        Controls.styleOf(node, Controls.startingWith("state-"), "state-expiring-soon");
        assertEquals(List.of("label", "state-expiring-soon"), node.getStyleClass());
        Controls.styleOf(node, Controls.startingWith("state-"), null);
        assertEquals(List.of("label"), node.getStyleClass());
        int seen = changes.size();
        Controls.styleOf(node, Controls.startingWith("state-"), null);
        assertEquals(seen, changes.size());
    }

    @Test
    void aSingleStyleIsAFamilyOfOne() {
        Controls.styleOf(node, "urgent"::equals, "urgent");
        Controls.styleOf(node, "urgent"::equals, "urgent");
        assertEquals(List.of("label", "state-active", "urgent"), node.getStyleClass());
        assertEquals(1, changes.size());
    }
}
