package org.lectern.console.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Tables built one way: fixed cell size (so 10,000 rows scroll smoothly), constrained columns, a placeholder. */
public final class Tables {

    public static final double ROW_HEIGHT = 26;

    private Tables() {
    }

    public static <S> TableView<S> table(String id, ObservableList<S> items, String placeholder) {
        TableView<S> table = new TableView<>(items);
        table.setId(id);
        table.setFixedCellSize(ROW_HEIGHT);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(placeholder));
        return table;
    }

    /** A column over an immutable row (a record): the value never changes while the row is shown. */
    public static <S, T> TableColumn<S, T> column(String title, Function<S, T> value) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setCellValueFactory(features -> new ReadOnlyObjectWrapper<>(value.apply(features.getValue())));
        return column;
    }

    /** A column of states, coloured by their {@link Tone} like every other state in the console. */
    public static <S, T> TableColumn<S, T> stateColumn(String title, Function<S, T> value) {
        TableColumn<S, T> column = column(title, value);
        column.setCellFactory(ignored -> new ToneCell<>());
        return column;
    }

    /** A column of figures: right-aligned, so that digits line up; the text carries its unit. */
    public static <S, T> TableColumn<S, T> numberColumn(String title, Function<S, T> value) {
        TableColumn<S, T> column = column(title, value);
        column.getStyleClass().add("number");
        return column;
    }

    /** Shows a value as text with its tone's pseudo-class on the cell. */
    public static final class ToneCell<S, T> extends TableCell<S, T> {

        public ToneCell() {
            getStyleClass().add("tone-cell");
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            String text = empty || item == null ? null : item.toString();
            setText(text);
            Tone tone = text == null ? null : Tone.of(text);
            for (Tone each : Tone.values()) {
                pseudoClassStateChanged(each.pseudoClass(), each == tone);
            }
        }
    }
}
