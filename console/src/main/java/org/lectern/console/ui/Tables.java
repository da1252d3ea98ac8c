package org.lectern.console.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
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
}
