package org.verdict.ui.compare;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.verdict.core.stats.ConfusionMatrix;
import org.verdict.ui.theme.Palette;

/**
 * Confusion matrices of production and candidate for the selected slice, side by side: rows are the true class,
 * columns the predicted class, each cell shows its count and is shaded by its share of the row (so the diagonal is
 * each class's recall), in the model's palette colour. Counts are printed, so nothing depends on reading shades.
 */
final class ConfusionHeatMap extends ScrollPane {
    private final ResourceBundle text;
    private final HBox matrices = new HBox(28);
    private final Label caption = new Label();

    ConfusionHeatMap(ResourceBundle text) {
        this.text = text;
        setId("confusionHeatMap");
        setFitToWidth(true);
        caption.getStyleClass().add("hint");
        caption.setWrapText(true);
        VBox content = new VBox(10, caption, matrices);
        content.setPadding(new Insets(12));
        setContent(content);
        caption.setText(text.getString("confusion.pick"));
    }

    void show(ConfusionPair pair) {
        caption.setText(MessageFormat.format(text.getString("confusion.caption"), pair.slice().label(),
                pair.production().total()));
        matrices.getChildren().setAll(
                matrix(MessageFormat.format(text.getString("confusion.production"), pair.productionVersion()),
                        pair.production(), Palette.PRODUCTION, "confusionProduction"),
                matrix(MessageFormat.format(text.getString("confusion.candidate"), pair.candidateVersion()),
                        pair.candidate(), Palette.CANDIDATE, "confusionCandidate"));
    }

    void showMessage(String message) {
        caption.setText(message);
        matrices.getChildren().clear();
    }

    private VBox matrix(String title, ConfusionMatrix counts, String hex, String id) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.getStyleClass().add("confusion-grid");
        grid.setHgap(2);
        grid.setVgap(2);
        List<String> classes = counts.classes();
        Label corner = new Label(text.getString("confusion.axes"));
        corner.getStyleClass().add("confusion-axis");
        grid.add(corner, 0, 0);
        for (int p = 0; p < classes.size(); p++) {
            Label predicted = new Label(classes.get(p));
            predicted.getStyleClass().add("confusion-axis");
            GridPane.setHalignment(predicted, HPos.CENTER);
            grid.add(predicted, p + 1, 0);
        }
        Color base = Palette.fx(hex);
        for (int l = 0; l < classes.size(); l++) {
            Label actual = new Label(classes.get(l));
            actual.getStyleClass().add("confusion-axis");
            grid.add(actual, 0, l + 1);
            long support = counts.support(l);
            for (int p = 0; p < classes.size(); p++) {
                long count = counts.count(l, p);
                double share = support == 0 ? 0 : (double) count / support;
                Label cell = new Label(String.valueOf(count));
                cell.getStyleClass().add("confusion-cell");
                cell.setAlignment(Pos.CENTER);
                cell.setMinSize(64, 34);
                cell.setStyle(String.format(Locale.ROOT, "-fx-background-color: rgba(%d,%d,%d,%.3f);%s",
                        (int) (base.getRed() * 255), (int) (base.getGreen() * 255), (int) (base.getBlue() * 255),
                        0.08 + 0.85 * share, share > 0.55 ? " -fx-text-fill: white;" : ""));
                cell.setTooltip(new Tooltip(MessageFormat.format(text.getString("confusion.cellTooltip"),
                        classes.get(l), classes.get(p), count, String.format(Locale.ROOT, "%.1f", 100 * share))));
                grid.add(cell, p + 1, l + 1);
            }
        }
        Label heading = new Label(title);
        heading.getStyleClass().add("title-4");
        return new VBox(6, heading, grid);
    }
}
